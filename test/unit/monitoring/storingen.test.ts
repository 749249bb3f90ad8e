import { describe, expect, it } from 'vitest'
import { onderhoudIntervallen } from '../../../src/domain/monitoring/onderhoud.js'
import {
  beginToestand,
  bevestigStoring,
  type ControleToestand,
  type MonitoringGebeurtenis,
  STANDAARD_STORINGSREGELS,
  type StoringsRegels,
  verwerkMeting,
  verwerkMetingen,
  voegNotitieToe,
} from '../../../src/domain/monitoring/storingen.js'
import type { Meting } from '../../../src/domain/monitoring/typen.js'

// Hand-made runs of one controle, a meting a minute from T0.

const T0 = Date.UTC(2026, 2, 10, 8, 0)
const MIN = 60_000
const m = (minuut: number, geslaagd: boolean, soort?: string): Meting => ({
  controleId: 'c1',
  tijdstip: T0 + minuut * MIN,
  geslaagd,
  duurMs: 100,
  ...(soort ? { soort } : {}),
})
/** 'x' fails, '.' passes, one a minute. */
const reeks = (patroon: string) => [...patroon].map((c, i) => m(i, c === '.', c === 'x' ? 'time-out' : 'geslaagd'))
const loop = (metingen: Meting[], regels: StoringsRegels = STANDAARD_STORINGSREGELS) => {
  let toestand: ControleToestand = beginToestand('c1')
  const gebeurtenissen: MonitoringGebeurtenis[] = []
  for (const meting of metingen) {
    const stap = verwerkMeting(toestand, meting, regels)
    toestand = stap.toestand
    gebeurtenissen.push(...stap.gebeurtenissen)
  }
  return { toestand, gebeurtenissen, soorten: gebeurtenissen.map((g) => `${g.soort}@${(g.op - T0) / MIN}`) }
}

describe('storingen', () => {
  it('opens after N consecutive failures, not before', () => {
    expect(loop(reeks('xx')).toestand.storing).toBeUndefined()
    const r = loop(reeks('..xxx'))
    expect(r.soorten).toEqual(['geopend@4'])
    expect(r.toestand.storing).toMatchObject({ begonnenOp: T0 + 2 * MIN, geopendOp: T0 + 4 * MIN })
    expect(r.toestand.storing?.tijdlijn).toEqual([{ op: T0 + 4 * MIN, soort: 'geopend', meetsoort: 'time-out' }])
  })

  it('N is per controle', () => {
    expect(loop(reeks('xxxx'), { ...STANDAARD_STORINGSREGELS, foutenVoorStoring: 5 }).toestand.storing).toBeUndefined()
    expect(loop(reeks('x'), { ...STANDAARD_STORINGSREGELS, foutenVoorStoring: 1 }).soorten).toEqual(['geopend@0'])
  })

  it('a success in between resets the count: a flap below N opens nothing', () => {
    expect(loop(reeks('xx.xx.xx.xx')).soorten).toEqual([])
  })

  it('closes on the first success by default, with hersteld and gesloten on the same meting', () => {
    const r = loop(reeks('xxxxx.'))
    expect(r.soorten).toEqual(['geopend@2', 'hersteld@5', 'gesloten@5'])
    expect(r.toestand.storing).toBeUndefined()
    const gesloten = r.gebeurtenissen[2]?.storing
    expect(gesloten?.geslotenOp).toBe(T0 + 5 * MIN)
    expect(gesloten?.tijdlijn.map((g) => g.soort)).toEqual(['geopend', 'hersteld', 'gesloten'])
  })

  it('with M = 3 a flapping recovery keeps the storing open until three successes in a row', () => {
    const regels = { ...STANDAARD_STORINGSREGELS, successenVoorHerstel: 3 }
    const r = loop(reeks('xxx..x...'), regels)
    expect(r.soorten).toEqual(['geopend@2', 'hersteld@3', 'hersteld@6', 'gesloten@8'])
  })

  it('failures inside a window neither count nor reset the count, and do not open', () => {
    const venster = { bereik: { soort: 'koppeling' as const, koppelingId: 'k1' }, van: T0 + 2 * MIN, tot: T0 + 10 * MIN, reden: 'update' }
    const regels = { ...STANDAARD_STORINGSREGELS, onderhoud: onderhoudIntervallen([venster], { controleId: 'c1', koppelingId: 'k1' }) }
    // minutes 2..9 in the window: eight failures hidden
    expect(loop(reeks('..xxxxxxxx..'), regels).soorten).toEqual([])
    // one failure before, seven hidden, two after: three counted → opens at 11, begun at 1
    const r = loop(reeks('.xxxxxxxxxxx'), regels)
    expect(r.soorten).toEqual(['geopend@11'])
    expect(r.toestand.storing?.begonnenOp).toBe(T0 + MIN)
    // a window for another koppeling hides nothing
    const ander = { ...STANDAARD_STORINGSREGELS, onderhoud: onderhoudIntervallen([venster], { controleId: 'c1', koppelingId: 'k2' }) }
    expect(loop(reeks('..xxx'), ander).soorten).toEqual(['geopend@4'])
  })

  it('a storing open when a window starts stays open through it, and closes on recovery inside it', () => {
    const venster = { bereik: { soort: 'controle' as const, controleId: 'c1' }, van: T0 + 5 * MIN, tot: T0 + 20 * MIN, reden: 'herstel' }
    const regels = { ...STANDAARD_STORINGSREGELS, onderhoud: onderhoudIntervallen([venster], { controleId: 'c1' }) }
    const r = loop(reeks('xxxxxxxxxx'), regels)
    expect(r.soorten).toEqual(['geopend@2'])
    expect(r.toestand.storing).toBeDefined()
    expect(loop(reeks('xxxxxxx.'), regels).soorten).toEqual(['geopend@2', 'hersteld@7', 'gesloten@7'])
  })

  it('a repeated meting is a no-op, a late one is ignored', () => {
    const [a, b, c] = reeks('xxx')
    const eenmaal = loop([a, b, c] as Meting[])
    expect(loop([a, a, b, b, c, c] as Meting[])).toEqual(eenmaal)
    // minute 1 arrives after minute 2: ignored, so only two failures counted
    expect(loop([a, c, b] as Meting[]).toestand).toMatchObject({ fouten: 2 })
  })

  it('a batch in any order equals one at a time in time order', () => {
    const metingen = reeks('..xxx.xxxx..x.')
    const batch = verwerkMetingen(beginToestand('c1'), [...metingen].reverse(), STANDAARD_STORINGSREGELS)
    const een = loop(metingen)
    expect(batch.toestand).toEqual(een.toestand)
    expect(batch.gebeurtenissen).toEqual(een.gebeurtenissen)
  })

  it('refuses a meting of another controle', () => {
    expect(() => verwerkMeting(beginToestand('c2'), m(0, true), STANDAARD_STORINGSREGELS)).toThrow()
  })
})

describe('bevestigen en notities', () => {
  const open = loop(reeks('xxx')).toestand.storing
  if (!open) throw new Error('storing verwacht')

  it('a confirmation and a note land in time order in the timeline', () => {
    const b = bevestigStoring(open, { op: T0 + 10 * MIN, door: 'u1', tekst: ' Leverancier gebeld ' })
    if (!b.ok) throw new Error('ok verwacht')
    const n = voegNotitieToe(b.storing, { op: T0 + 5 * MIN, door: 'u2', tekst: 'Eerder al gezien' })
    if (!n.ok) throw new Error('ok verwacht')
    expect(n.storing.tijdlijn.map((g) => [g.soort, g.tekst])).toEqual([
      ['geopend', undefined],
      ['notitie', 'Eerder al gezien'],
      ['bevestigd', 'Leverancier gebeld'],
    ])
  })

  it('a note needs text; a closed storing is not confirmed but takes notes', () => {
    const leeg = voegNotitieToe(open, { op: T0, door: 'u1', tekst: '  ' })
    expect(leeg.ok ? [] : leeg.fouten.map((f) => f.code)).toEqual(['verplicht'])
    const gesloten = { ...open, geslotenOp: T0 + 9 * MIN }
    const b = bevestigStoring(gesloten, { op: T0 + 10 * MIN, door: 'u1' })
    expect(b.ok ? [] : b.fouten.map((f) => [f.code, f.reason.nl.length > 0, f.reason.en.length > 0])).toEqual([
      ['storing-gesloten', true, true],
    ])
    expect(voegNotitieToe(gesloten, { op: T0 + 10 * MIN, door: 'u1', tekst: 'Oorzaak: verlopen certificaat' }).ok).toBe(true)
  })
})
