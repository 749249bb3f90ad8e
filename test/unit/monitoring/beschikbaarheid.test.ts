import { describe, expect, it } from 'vitest'
import {
  beschikbaarheidLaatsteDagen,
  beschikbaarheidOver,
  maandBeschikbaarheid,
  maandBeschikbaarheidUitMetingen,
} from '../../../src/domain/monitoring/beschikbaarheid.js'
import { onderhoudIntervallen } from '../../../src/domain/monitoring/onderhoud.js'
import { rolOp } from '../../../src/domain/monitoring/rollup.js'
import { maandGrenzen, UUR_MS } from '../../../src/domain/monitoring/tijd.js'
import type { Meting, Onderhoudsvenster } from '../../../src/domain/monitoring/typen.js'

// Availability per Amsterdam month: DST months, maintenance, gaps, the 99.5 boundary.

const MIN = 60_000
const plaats = { controleId: 'c1', koppelingId: 'k1', samenwerkingId: 's1' }

/** One meting every `stap` ms over [van, tot); `faalt(t)` says which fail. */
function metingen(van: number, tot: number, stap: number, faalt: (t: number) => boolean = () => false): Meting[] {
  const uit: Meting[] = []
  for (let t = van; t < tot; t += stap) uit.push({ controleId: 'c1', tijdstip: t, geslaagd: !faalt(t), duurMs: 50 })
  return uit
}

describe('maandBeschikbaarheid', () => {
  it('March (743 h) and October (745 h) fully measured and up: 100 %, every hour counted once', () => {
    for (const [maand, uren] of [
      ['2026-03', 743],
      ['2026-10', 745],
    ] as const) {
      const { van, tot } = maandGrenzen(maand)
      const r = maandBeschikbaarheid(rolOp(metingen(van, tot, 5 * MIN)), maand, { onderhoud: [], doel: 99.5 })
      expect(r).toMatchObject({ maand, beschikbaarheid: 100, gemetenMinuten: uren * 60, ongemetenMinuten: 0, gehaald: true })
    }
  })

  it('the doubled October hour is two UTC hours, both counted', () => {
    const dubbel = [Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30)] // both 02:30 in Amsterdam
    const ups = rolOp(dubbel.map((t) => ({ controleId: 'c1', tijdstip: t, geslaagd: t === dubbel[0], duurMs: 1 })))
    expect(ups.map((u) => u.uur)).toEqual([Date.UTC(2026, 9, 25, 0), Date.UTC(2026, 9, 25, 1)])
    const r = maandBeschikbaarheid(ups, '2026-10', { onderhoud: [] })
    expect(r).toMatchObject({ gemetenMinuten: 120, beschikbareMinuten: 60, beschikbaarheid: 50, oordeel: 'geen-doel' })
  })

  it('one failed hour in March: 742/743, floored to three decimals, below 99.9', () => {
    const { van, tot } = maandGrenzen('2026-03')
    const kapot = Date.UTC(2026, 2, 29, 1) // the first hour of summer time
    const r = maandBeschikbaarheid(rolOp(metingen(van, tot, 10 * MIN, (t) => t >= kapot && t < kapot + UUR_MS)), '2026-03', {
      onderhoud: [],
      doel: 99.9,
    })
    expect(r.beschikbaarheid).toBe(99.865) // 742 / 743 = 99.86541…
    expect(r).toMatchObject({ gehaald: false, oordeel: 'niet-gehaald' })
  })

  it('a window hides its failures and leaves the denominator; partial hours count by the minute', () => {
    const { van, tot } = maandGrenzen('2026-06')
    const venster: Onderhoudsvenster = {
      bereik: { soort: 'samenwerking', samenwerkingId: 's1' },
      van: Date.UTC(2026, 5, 10, 20, 0),
      tot: Date.UTC(2026, 5, 10, 21, 30),
      reden: 'Release',
    }
    const onderhoud = onderhoudIntervallen([venster], plaats)
    const faalt = (t: number) => t >= venster.van && t < venster.tot
    const ups = rolOp(metingen(van, tot, MIN, faalt), () => onderhoud)
    const r = maandBeschikbaarheid(ups, '2026-06', { onderhoud, doel: 99.5 })
    expect(r).toMatchObject({ beschikbaarheid: 100, onderhoudMinuten: 90, gemetenMinuten: 30 * 24 * 60 - 90, gehaald: true })
    // without the window the same failures cost 90 of 43 200 minutes: 99.791 %
    expect(maandBeschikbaarheid(rolOp(metingen(van, tot, MIN, faalt)), '2026-06', { onderhoud: [] }).beschikbaarheid).toBe(99.791)
  })

  it('overlapping windows count their common minutes once', () => {
    const vensters: Onderhoudsvenster[] = [
      { bereik: { soort: 'controle', controleId: 'c1' }, van: Date.UTC(2026, 5, 1, 10), tot: Date.UTC(2026, 5, 1, 12), reden: 'a' },
      { bereik: { soort: 'koppeling', koppelingId: 'k1' }, van: Date.UTC(2026, 5, 1, 11), tot: Date.UTC(2026, 5, 1, 13), reden: 'b' },
    ]
    const r = maandBeschikbaarheid([], '2026-06', { onderhoud: onderhoudIntervallen(vensters, plaats) })
    expect(r.onderhoudMinuten).toBe(180)
  })

  it('a month without metingen is onbekend, not 100 %', () => {
    const r = maandBeschikbaarheid([], '2026-02', { onderhoud: [], doel: 99 })
    expect(r.beschikbaarheid).toBeUndefined()
    expect(r.gehaald).toBeUndefined()
    expect(r).toMatchObject({ oordeel: 'onbekend', gemetenMinuten: 0, ongemetenMinuten: 28 * 24 * 60 })
  })

  it('hours without metingen are ongemeten, not up', () => {
    const { van } = maandGrenzen('2026-06')
    const r = maandBeschikbaarheid(rolOp(metingen(van, van + 24 * UUR_MS, MIN)), '2026-06', { onderhoud: [] })
    expect(r).toMatchObject({ beschikbaarheid: 100, gemetenMinuten: 24 * 60, ongemetenMinuten: 29 * 24 * 60 })
  })

  it('the month in progress ends at nu', () => {
    const { van } = maandGrenzen('2026-06')
    const nu = van + 36 * UUR_MS + 30 * MIN
    const r = maandBeschikbaarheid(rolOp(metingen(van, nu, MIN)), '2026-06', { onderhoud: [], nu })
    expect(r).toMatchObject({ tot: nu, gemetenMinuten: 36 * 60 + 30, ongemetenMinuten: 0, beschikbaarheid: 100 })
  })

  it('raw metingen give the same month as their roll-ups', () => {
    const { van, tot } = maandGrenzen('2026-03')
    const ruw = metingen(van, tot, 7 * MIN, (t) => t % 11 === 0)
    expect(maandBeschikbaarheidUitMetingen(ruw, '2026-03', { onderhoud: [], doel: 99.5 })).toEqual(
      maandBeschikbaarheid(rolOp(ruw), '2026-03', { onderhoud: [], doel: 99.5 }),
    )
  })
})

describe('the doel boundary', () => {
  const uur = Date.UTC(2026, 5, 1, 0)
  const precies = new Map([[uur, { aantal: 200, geslaagd: 199 }]])
  it('exactly 99.5 % meets a doel of 99.5 and misses 99.501', () => {
    const r = beschikbaarheidOver(precies, uur, uur + UUR_MS, { onderhoud: [], doel: 99.5 })
    expect(r).toMatchObject({ beschikbaarheid: 99.5, gehaald: true })
    expect(beschikbaarheidOver(precies, uur, uur + UUR_MS, { onderhoud: [], doel: 99.501 }).gehaald).toBe(false)
  })
  it('just below never shows as 99.5', () => {
    const net = new Map([[uur, { aantal: 100_000, geslaagd: 99_499 }]]) // 99.499 %
    const r = beschikbaarheidOver(net, uur, uur + UUR_MS, { onderhoud: [], doel: 99.5 })
    expect(r).toMatchObject({ beschikbaarheid: 99.499, gehaald: false })
  })
})

describe('beschikbaarheidLaatsteDagen', () => {
  it('90 Amsterdam days up to now, one bar per day, the spring DST day 23 hours', () => {
    const nu = Date.UTC(2026, 3, 15, 10) // 15 April, 12:00 in Amsterdam
    const van = maandGrenzen('2026-01').van
    const ups = rolOp(metingen(van, nu, 15 * MIN, (t) => t >= Date.UTC(2026, 2, 29, 0) && t < Date.UTC(2026, 2, 29, 1)))
    const r = beschikbaarheidLaatsteDagen(ups, { nu, onderhoud: [], doel: 99.9 })
    expect(r.dagen).toHaveLength(90)
    expect(r.dagen[0]?.dag).toBe('2026-01-16')
    expect(r.dagen[89]?.dag).toBe('2026-04-15')
    const dst = r.dagen.find((d) => d.dag === '2026-03-29')
    expect(dst?.beschikbaarheid).toBe(95.652) // 22 of 23 hours
    expect(r.dagen.filter((d) => d.beschikbaarheid !== 100).map((d) => d.dag)).toEqual(['2026-03-29'])
    // 89 days and 12 hours, one hour lost
    const gemeten = (89 * 24 - 1 + 12) * 60
    expect(r.totaal).toMatchObject({ gemetenMinuten: gemeten, beschikbareMinuten: gemeten - 60, oordeel: 'gehaald' })
  })
})
