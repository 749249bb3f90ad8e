import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type BenchmarkOrganisatie, type BenchmarkPost, maakBenchmark, oordeel, perEenheid } from '../../src/domain/benchmark.js'

const A = 'org-a'
const B = 'org-b'

const org = (id: string, naam: string, inwoners: [number, number][], werkplekken: [number, number | string][]): BenchmarkOrganisatie => ({
  id,
  naam,
  inwoners: new Map(inwoners),
  werkplekken: new Map(werkplekken),
})

const post = (id: string, jaar: number, delen: [string, number][]): BenchmarkPost => ({
  id,
  omschrijving: `Post ${id}`,
  jaar,
  deelnemers: delen.map(([o]) => o),
  allocatie: {
    ok: true,
    bedrag: delen.reduce((s, [, b]) => s + b, 0),
    geldigVanaf: 2020,
    delen: delen.map(([organisatieId, bedrag]) => ({ organisatieId, bedrag })),
  },
})

describe('perEenheid', () => {
  it('divides exactly and rounds halves up to whole cents', () => {
    expect(perEenheid(1000, 3)).toBe(333)
    expect(perEenheid(2000, 3)).toBe(667)
    expect(perEenheid(5, 2)).toBe(3) // 2,5 cent → 3
    expect(perEenheid(100_00, '2.5')).toBe(40_00)
    expect(perEenheid(1, '0.3')).toBe(3) // 3,33… → 3
  })
  it('refuses to divide by zero', () => {
    expect(perEenheid(100, 0)).toBeUndefined()
    expect(perEenheid(100, '0.000')).toBeUndefined()
  })
  it('property: the rounded figure is within half a cent of the exact quotient', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 10_000_000 }), (kosten, n) => {
        const r = perEenheid(kosten, n) as number
        // |r·n − kosten| ≤ n/2, with a tie rounding up
        const afwijking = r * n - kosten
        expect(2 * afwijking).toBeLessThanOrEqual(n)
        expect(2 * afwijking).toBeGreaterThanOrEqual(-n + 1)
      }),
    )
  })
})

describe('oordeel', () => {
  it("is 'gelijk' within 1% of the reference, boundary included", () => {
    expect(oordeel(10_100, 10_000)).toBe('gelijk')
    expect(oordeel(9_900, 10_000)).toBe('gelijk')
    expect(oordeel(10_101, 10_000)).toBe('boven')
    expect(oordeel(9_899, 10_000)).toBe('onder')
    expect(oordeel(0, 0)).toBe('gelijk')
    expect(oordeel(1, 0)).toBe('boven')
  })
})

describe('maakBenchmark', () => {
  const organisaties = [org(A, 'Aalsmeer', [[2025, 32_000]], [[2025, 250]]), org(B, 'Bussum', [[2025, 10_000]], [])]
  const posten = [
    post('p1', 2025, [
      [A, 2_000_000_00],
      [B, 500_000_00],
    ]),
    post('p2', 2025, [[A, 512_345_67]]),
    post('p3', 2024, [[B, 400_000_00]]),
  ]
  const referenties = [{ id: 'r1', naam: 'Peer group', jaar: 2025, kostenPerInwoner: 78_40, kostenPerWerkplek: 7_650_00 }]

  it('sums each municipality’s parts, including its own share, and compares per inwoner and per werkplek', () => {
    const b = maakBenchmark({ organisaties, posten, referenties, jaren: [2025] })
    expect(b.jaren).toEqual([2025])
    const a = b.regels.find((r) => r.organisatieId === A)
    expect(a?.kosten).toBe(2_512_345_67)
    expect(a?.posten).toBe(2)
    // 2 512 345,67 / 32 000 = 78,5108…
    expect(a?.perInwoner.bedrag).toBe(78_51)
    // / 250 = 10 049,38268
    expect(a?.perWerkplek.bedrag).toBe(10_049_38)
    expect(a?.vergelijkingen[0]?.perInwoner).toEqual({ referentie: 78_40, verschil: 11, verschilPercentage: 0.1, oordeel: 'gelijk' })
    expect(a?.vergelijkingen[0]?.perWerkplek.oordeel).toBe('boven')
    expect(a?.vergelijkingen[0]?.perWerkplek.verschil).toBe(10_049_38 - 7_650_00)
  })

  it('gives no per-werkplek figure, but a reason, when werkplekken are missing', () => {
    const b = maakBenchmark({ organisaties, posten, referenties, jaren: [2025] })
    const bussum = b.regels.find((r) => r.organisatieId === B)
    expect(bussum?.perInwoner.bedrag).toBe(50_00)
    expect(bussum?.vergelijkingen[0]?.perInwoner.oordeel).toBe('onder')
    expect(bussum?.perWerkplek.bedrag).toBeUndefined()
    expect(bussum?.perWerkplek.reden?.nl).toBe('Geen werkplekken bekend voor 2025.')
    expect(bussum?.vergelijkingen[0]?.perWerkplek.oordeel).toBeUndefined()
    expect(bussum?.vergelijkingen[0]?.perWerkplek.reden?.nl).toBe('Geen werkplekken bekend voor 2025.')
    expect(bussum?.werkplekken).toBeNull()
  })

  it('covers every year with posts when no year is asked (trend), and only years the organisation takes part in', () => {
    const b = maakBenchmark({ organisaties, posten, referenties })
    expect(b.jaren).toEqual([2024, 2025])
    expect(b.regels.map((r) => `${r.naam} ${r.jaar}`)).toEqual(['Bussum 2024', 'Aalsmeer 2025', 'Bussum 2025'])
    const b2024 = b.regels[0]
    expect(b2024?.perInwoner.reden?.nl).toBe('Geen inwoners bekend voor 2024.')
    expect(b2024?.vergelijkingen).toEqual([])
  })

  it('reports posts that could not be allocated instead of dropping them silently', () => {
    const kapot: BenchmarkPost = {
      id: 'p4',
      omschrijving: 'Zonder maatstaf',
      jaar: 2025,
      deelnemers: [A, B],
      allocatie: { ok: false, reden: { nl: 'werkplekken van Bussum in 2025 ontbreekt.', en: '…' } },
    }
    const b = maakBenchmark({ organisaties, posten: [...posten, kapot], referenties, jaren: [2025] })
    for (const r of b.regels)
      expect(r.nietVerdeeld).toEqual([
        { kostenpostId: 'p4', omschrijving: 'Zonder maatstaf', reden: kapot.allocatie.ok ? undefined : kapot.allocatie.reden },
      ])
  })

  it('says when the reference has no value for a figure, and a zero measure gives a reason', () => {
    const b = maakBenchmark({
      organisaties: [org(A, 'Aalsmeer', [[2025, 0]], [[2025, 250]])],
      posten,
      referenties: [{ id: 'r2', naam: 'Alleen werkplek', jaar: 2025, kostenPerWerkplek: 10_000_00 }],
      jaren: [2025],
    })
    const r = b.regels[0]
    expect(r?.perInwoner.reden?.nl).toBe('Het aantal inwoners in 2025 is 0.')
    expect(r?.vergelijkingen[0]?.perInwoner.reden?.nl).toBe('De referentie noemt geen kosten per inwoner.')
    expect(r?.vergelijkingen[0]?.perWerkplek.oordeel).toBe('gelijk')
  })
})
