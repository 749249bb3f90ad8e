import { describe, expect, it } from 'vitest'
import {
  controleerBewaartermijnen,
  grensRollups,
  grensRuweMetingen,
  isHerberekenbaar,
  magMetingWeg,
  magRollupWeg,
} from '../../../src/domain/monitoring/bewaren.js'
import { onderhoudIntervallen } from '../../../src/domain/monitoring/onderhoud.js'
import { rolOp, samenvoegen, urenVan, vervangUren } from '../../../src/domain/monitoring/rollup.js'
import type { Meting } from '../../../src/domain/monitoring/typen.js'

const U = Date.UTC(2026, 5, 1, 10)
const MIN = 60_000
const m = (controleId: string, minuut: number, geslaagd: boolean, duurMs = 100): Meting => ({
  controleId,
  tijdstip: U + minuut * MIN,
  geslaagd,
  duurMs,
})

describe('rolOp', () => {
  it('sums per controle and UTC hour, maintenance apart, repeats once', () => {
    const venster = { bereik: { soort: 'controle' as const, controleId: 'a' }, van: U + 30 * MIN, tot: U + 45 * MIN, reden: 'x' }
    const onderhoud = onderhoudIntervallen([venster], { controleId: 'a' })
    const ups = rolOp([m('a', 0, true, 80), m('a', 0, true, 80), m('a', 40, false, 900), m('a', 61, true), m('b', 5, false)], (id) =>
      id === 'a' ? onderhoud : [],
    )
    expect(ups).toEqual([
      { controleId: 'a', uur: U, aantal: 2, geslaagd: 1, inOnderhoud: 1, geslaagdInOnderhoud: 0, duurSomMs: 980, duurMaxMs: 900 },
      {
        controleId: 'a',
        uur: U + 60 * MIN,
        aantal: 1,
        geslaagd: 1,
        inOnderhoud: 0,
        geslaagdInOnderhoud: 0,
        duurSomMs: 100,
        duurMaxMs: 100,
      },
      { controleId: 'b', uur: U, aantal: 1, geslaagd: 0, inOnderhoud: 0, geslaagdInOnderhoud: 0, duurSomMs: 100, duurMaxMs: 100 },
    ])
  })

  it('two different metingen at one instant: the failure is kept, in either order', () => {
    const ok = m('a', 3, true)
    const fout = m('a', 3, false)
    expect(rolOp([ok, fout])).toEqual(rolOp([fout, ok]))
    expect(rolOp([ok, fout])[0]).toMatchObject({ aantal: 1, geslaagd: 0 })
  })

  it('replacing an hour with its recomputation is idempotent; adding disjoint batches sums them', () => {
    const a = rolOp([m('a', 1, true), m('a', 2, false)])
    const b = rolOp([m('a', 3, true)])
    expect(samenvoegen(a, b)).toEqual(rolOp([m('a', 1, true), m('a', 2, false), m('a', 3, true)]))
    const herberekend = rolOp([m('a', 1, true), m('a', 2, false), m('a', 3, true)])
    expect(vervangUren(vervangUren(a, herberekend), herberekend)).toEqual(herberekend)
  })

  it('urenVan lists the hours a window touches', () => {
    expect(urenVan(U + 30 * MIN, U + 121 * MIN)).toEqual([U, U + 60 * MIN, U + 120 * MIN])
    expect(urenVan(U, U + 60 * MIN)).toEqual([U])
  })
})

describe('bewaren', () => {
  const nu = Date.UTC(2026, 5, 15, 10, 37) // 15 June 12:37 in Amsterdam

  it('raw metingen: 30 days, cut at a whole UTC hour', () => {
    expect(new Date(grensRuweMetingen(nu)).toISOString()).toBe('2026-05-16T10:00:00.000Z')
    expect(magMetingWeg(Date.UTC(2026, 4, 16, 9, 59), nu)).toBe(true)
    expect(magMetingWeg(Date.UTC(2026, 4, 16, 10, 0), nu)).toBe(false)
    expect(isHerberekenbaar(Date.UTC(2026, 4, 16, 10), nu)).toBe(true)
    expect(grensRuweMetingen(nu, { ruweMetingenDagen: 7, rollupMaanden: 24 })).toBe(Date.UTC(2026, 5, 8, 10))
  })

  it('roll-ups: 24 full Amsterdam months before the current one', () => {
    expect(new Date(grensRollups(nu)).toISOString()).toBe('2024-05-31T22:00:00.000Z') // 1 June 2024, 00:00 in Amsterdam
    expect(magRollupWeg(Date.UTC(2024, 4, 31, 21), nu)).toBe(true)
    expect(magRollupWeg(Date.UTC(2024, 4, 31, 22), nu)).toBe(false)
    expect(new Date(grensRollups(nu, { ruweMetingenDagen: 30, rollupMaanden: 5 })).toISOString()).toBe('2025-12-31T23:00:00.000Z')
  })

  it('refuses limits that are not whole, out of range, or keep roll-ups shorter than raw metingen', () => {
    expect(controleerBewaartermijnen({ ruweMetingenDagen: 30, rollupMaanden: 24 })).toEqual([])
    expect(controleerBewaartermijnen({ ruweMetingenDagen: 0.5, rollupMaanden: 0 }).map((f) => f.name)).toEqual([
      'ruweMetingenDagen',
      'rollupMaanden',
    ])
    expect(controleerBewaartermijnen({ ruweMetingenDagen: 90, rollupMaanden: 1 }).map((f) => f.code)).toEqual(['korter-dan-ruw'])
  })
})
