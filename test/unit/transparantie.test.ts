import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  beschrijfRegel,
  deelAfgerond,
  maakTransparantieverslag,
  type PostAllocatie,
  percentage,
  type VerslagInvoer,
  type VerslagPost,
} from '../../src/domain/transparantie.js'
import { maakMaatstafIndex, verdeelKostenpost } from '../../src/domain/verdeling/index.js'
import type { Verdeelsleutel } from '../../src/domain/verdeling/types.js'

// The report only sums parts the allocation engine made; these tests feed it real
// engine output and check every total against the parts.

const A = '00000000-0000-4000-8000-00000000000a'
const B = '00000000-0000-4000-8000-00000000000b'
const C = '00000000-0000-4000-8000-00000000000c'
const namen = new Map([
  [A, 'Aalsmeer'],
  [B, 'Bussum'],
  [C, 'Castricum'],
])

const mix: Verdeelsleutel = {
  id: 'sleutel-mix',
  naam: 'Half vast, half naar inwoners',
  versies: [
    {
      geldigVanaf: 2020,
      regel: {
        soort: 'mix',
        componenten: [
          { aandeel: 50, regel: { soort: 'gelijke delen' } },
          { aandeel: 50, regel: { soort: 'inwoners' } },
        ],
      },
    },
    { geldigVanaf: 2026, regel: { soort: 'gelijke delen' } },
  ],
}
const inwoners = maakMaatstafIndex(
  [2024, 2025, 2026].flatMap((jaar) => [
    { organisatieId: A, maatstaf: 'inwoners', jaar, waarde: 31_000 },
    { organisatieId: B, maatstaf: 'inwoners', jaar, waarde: 22_500 },
    { organisatieId: C, maatstaf: 'inwoners', jaar, waarde: 36_900 },
  ]),
).index

function alloceer(sleutel: Verdeelsleutel, jaar: number, bedrag: number, deelnemers: string[]): PostAllocatie {
  const u = verdeelKostenpost({ id: 'p', jaar, bedrag, deelnemers }, sleutel, { maatstaven: inwoners })
  if (!u.ok) return { ok: false, reden: { nl: u.fout.invalidParams.map((p) => p.reason.nl).join(' '), en: '' } }
  return {
    ok: true,
    bedrag: u.waarde.bedrag,
    geldigVanaf: u.waarde.sleutel.geldigVanaf,
    delen: u.waarde.delen.map((d) => ({ organisatieId: d.deelnemerId, bedrag: d.bedrag })),
  }
}

interface PostSpec {
  jaar: number
  categorie: string
  soort: 'structureel' | 'initieel'
  begroting: number | null
  realisatie: number | null
  deelnemers: string[]
}

let n = 0
function post(s: PostSpec, sleutel = mix): VerslagPost {
  const grondslag = s.realisatie ?? s.begroting ?? 0
  return {
    id: `post-${++n}`,
    omschrijving: `Post ${n}`,
    categorie: s.categorie,
    soort: s.soort,
    jaar: s.jaar,
    periode: String(s.jaar),
    begroting: s.begroting,
    realisatie: s.realisatie,
    grondslag: s.realisatie !== null ? 'realisatie' : 'begroting',
    sleutel: { id: sleutel.id, naam: sleutel.naam },
    allocaties: {
      grondslag: alloceer(sleutel, s.jaar, grondslag, s.deelnemers),
      begroting: alloceer(sleutel, s.jaar, s.begroting ?? 0, s.deelnemers),
      realisatie: alloceer(sleutel, s.jaar, s.realisatie ?? 0, s.deelnemers),
    },
  }
}

const invoer = (jaar: number, posten: VerslagPost[]): VerslagInvoer => ({
  jaar,
  organisaties: [
    { id: B, naam: 'Bussum' },
    { id: A, naam: 'Aalsmeer' },
  ],
  namen,
  posten,
  sleutels: new Map([[mix.id, mix]]),
})

const som = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe('rounding', () => {
  it('rounds halves away from zero, exactly', () => {
    expect(deelAfgerond(5n, 2n)).toBe(3n)
    expect(deelAfgerond(-5n, 2n)).toBe(-3n)
    expect(deelAfgerond(7n, 3n)).toBe(2n)
    expect(deelAfgerond(8n, 3n)).toBe(3n)
    expect(deelAfgerond(0n, 7n)).toBe(0n)
  })
  it('gives percentages with one decimal and null for a zero base', () => {
    expect(percentage(50, 1000)).toBe(5)
    expect(percentage(1, 3)).toBe(33.3)
    expect(percentage(2, 3)).toBe(66.7)
    expect(percentage(-1, 8)).toBe(-12.5)
    expect(percentage(5, 0)).toBeNull()
  })
})

describe('beschrijfRegel', () => {
  const naam = (id: string) => namen.get(id) ?? id
  it('describes a mix in Dutch and English', () => {
    expect(beschrijfRegel(mix.versies[0]?.regel as never, naam)).toEqual({
      nl: '50% gelijke delen + 50% naar inwoners',
      en: '50% equal shares + 50% by inhabitants',
    })
  })
  it('names organisations of fixed percentages and of volledig afnemer, with a decimal comma in Dutch', () => {
    expect(
      beschrijfRegel(
        {
          soort: 'vast percentage',
          percentages: [
            { deelnemerId: A, percentage: '45.5' },
            { deelnemerId: B, percentage: '54.5' },
          ],
        },
        naam,
      ).nl,
    ).toBe('vast percentage: Aalsmeer 45,5%, Bussum 54,5%')
    expect(beschrijfRegel({ soort: 'volledig afnemer', deelnemerId: C }, naam).nl).toBe('Castricum betaalt alles')
    expect(beschrijfRegel({ soort: 'maatstaf', maatstaf: 'werkplekken' }, naam).nl).toBe('naar werkplekken')
  })
})

describe('maakTransparantieverslag', () => {
  const posten = [
    post({ jaar: 2025, categorie: 'hosting', soort: 'structureel', begroting: 100_000_00, realisatie: 103_217_51, deelnemers: [A, B] }),
    post({ jaar: 2025, categorie: 'personeel', soort: 'structureel', begroting: 50_000_00, realisatie: null, deelnemers: [A, B, C] }),
    post({ jaar: 2025, categorie: 'hosting', soort: 'initieel', begroting: 20_000_00, realisatie: 19_000_00, deelnemers: [A, B] }),
    post({ jaar: 2024, categorie: 'hosting', soort: 'structureel', begroting: 90_000_00, realisatie: 95_000_01, deelnemers: [A, B] }),
  ]
  const v = maakTransparantieverslag(invoer(2025, posten))

  it('sums the parts per organisation, members first in their order, others by name', () => {
    expect(v.organisaties.map((o) => o.naam)).toEqual(['Bussum', 'Aalsmeer', 'Castricum'])
    const jaar = posten.filter((p) => p.jaar === 2025)
    for (const o of v.organisaties) {
      const deel = (k: 'grondslag' | 'begroting' | 'realisatie') =>
        som(
          jaar.flatMap((p) => {
            const a = p.allocaties[k]
            return a.ok ? a.delen.filter((d) => d.organisatieId === o.organisatieId).map((d) => d.bedrag) : []
          }),
        )
      expect(o.grondslag).toBe(deel('grondslag'))
      expect(o.begroting).toBe(deel('begroting'))
      expect(o.realisatie).toBe(deel('realisatie'))
      expect(o.structureel + o.initieel).toBe(o.grondslag)
      expect(o.verschil).toBe(o.realisatie - o.begroting)
    }
    expect(v.totaal.grondslag).toBe(103_217_51 + 50_000_00 + 19_000_00)
    expect(v.totaal.begroting).toBe(170_000_00)
    // The post without realisatie counts 0 there.
    expect(v.totaal.realisatie).toBe(103_217_51 + 19_000_00)
    expect(v.totaal.initieel).toBe(19_000_00)
  })

  it('gives categories in vocabulary order, and organisation × category cells that add up both ways', () => {
    expect(v.categorieen.map((c) => c.categorie)).toEqual(['personeel', 'hosting'])
    expect(v.categorieen.find((c) => c.categorie === 'hosting')?.grondslag).toBe(103_217_51 + 19_000_00)
    for (const c of v.categorieen)
      expect(som(v.organisatieCategorieen.filter((x) => x.categorie === c.categorie).map((x) => x.grondslag))).toBe(c.grondslag)
    for (const o of v.organisaties)
      expect(som(v.organisatieCategorieen.filter((x) => x.organisatieId === o.organisatieId).map((x) => x.grondslag))).toBe(o.grondslag)
  })

  it('has a trend over every year with posts and lists the key version that applied', () => {
    expect(v.trend.jaren).toEqual([2024, 2025])
    expect(v.trend.totaal.map((t) => t.grondslag)).toEqual([95_000_01, v.totaal.grondslag])
    for (const i of v.trend.jaren.keys())
      expect(som(v.trend.organisaties.map((o) => o.jaren[i]?.grondslag ?? 0))).toBe(v.trend.totaal[i]?.grondslag)
    expect(v.sleutels).toEqual([
      {
        id: mix.id,
        naam: mix.naam,
        geldigVanaf: 2020,
        beschrijving: { nl: '50% gelijke delen + 50% naar inwoners', en: '50% equal shares + 50% by inhabitants' },
        posten: 3,
      },
    ])
    expect(v.posten).toHaveLength(3)
  })

  it('lists a post that cannot be allocated under nietVerdeeld with the reason, and counts it nowhere', () => {
    const zonderMaat = post({
      jaar: 2023,
      categorie: 'licenties',
      soort: 'structureel',
      begroting: 10_000,
      realisatie: null,
      deelnemers: [A, B],
    })
    const r = maakTransparantieverslag(invoer(2023, [zonderMaat]))
    expect(r.totaal.grondslag).toBe(0)
    expect(r.organisaties).toEqual([])
    expect(r.nietVerdeeld).toHaveLength(1)
    expect(r.nietVerdeeld[0]?.reden.nl).toMatch(/inwoners/)
    expect(r.trend.totaal).toEqual([{ jaar: 2023, begroting: 0, realisatie: 0, grondslag: 0, nietVerdeeld: 1 }])
  })

  it('property: organisation totals and category totals both add up exactly to the allocated posts', () => {
    const spec = fc.record({
      jaar: fc.constantFrom(2024, 2025),
      categorie: fc.constantFrom('personeel', 'licenties', 'hosting', 'werkplekken'),
      soort: fc.constantFrom('structureel' as const, 'initieel' as const),
      begroting: fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null }),
      realisatie: fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null }),
      deelnemers: fc.subarray([A, B, C], { minLength: 1 }),
    })
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 12 }), (specs) => {
        const ps = specs.map((s) => post(s))
        const r = maakTransparantieverslag(invoer(2025, ps))
        const verdeeld = ps.filter((p) => p.jaar === 2025)
        for (const k of ['grondslag', 'begroting', 'realisatie'] as const) {
          const geheel = som(verdeeld.map((p) => (p.allocaties[k].ok ? p.allocaties[k].bedrag : 0)))
          expect(som(r.organisaties.map((o) => o[k]))).toBe(geheel)
          expect(som(r.categorieen.map((c) => c[k]))).toBe(geheel)
          expect(r.totaal[k]).toBe(geheel)
          expect(som(r.organisatieCategorieen.map((x) => x[k]))).toBe(geheel)
        }
        expect(som(r.organisaties.map((o) => o.structureel))).toBe(r.totaal.structureel)
        expect(r.posten.length + r.nietVerdeeld.length).toBe(verdeeld.length)
      }),
      { numRuns: 200 },
    )
  })
})
