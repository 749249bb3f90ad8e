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
  vergelijk,
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
      expect(o.verschil).toBe(o.vergelijkbaar.realisatie - o.vergelijkbaar.begroting)
      expect(o.vergelijkbaar.begroting + o.nogGeenRealisatie.begroting).toBe(o.begroting)
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
    expect(r.trend.totaal).toEqual([{ jaar: 2023, ...vergelijk(0, 0), grondslag: 0, nietVerdeeld: 1 }])
  })

  it('compares begroting and realisatie only over posts that have both, and shows the rest beside it (issue 20)', () => {
    // 2025: hosting 100 000,00 → 103 217,51 and 20 000,00 → 19 000,00 have both; personeel 50 000,00 has no realisatie.
    expect(v.totaal.vergelijkbaar).toEqual({ begroting: 120_000_00, realisatie: 122_217_51, posten: 2 })
    expect(v.totaal.verschil).toBe(2_217_51)
    // +1,848 % → +1,8 %, not the −28,1 % a post counted as € 0 gave.
    expect(v.totaal.verschilPercentage).toBe(1.8)
    expect(v.totaal.nogGeenRealisatie).toEqual({ begroting: 50_000_00, posten: 1 })
    expect(v.totaal.zonderBegroting).toEqual({ realisatie: 0, posten: 0 })
    // The totals themselves stay what was budgeted and what was realised.
    expect(v.totaal.begroting).toBe(170_000_00)
    expect(v.totaal.realisatie).toBe(122_217_51)
    // Per category: personeel has nothing to compare.
    const personeel = v.categorieen.find((c) => c.categorie === 'personeel')
    expect(personeel?.verschil).toBe(0)
    expect(personeel?.verschilPercentage).toBeNull()
    expect(personeel?.nogGeenRealisatie).toEqual({ begroting: 50_000_00, posten: 1 })
    const hosting = v.categorieen.find((c) => c.categorie === 'hosting')
    expect(hosting?.verschil).toBe(2_217_51)
    expect(hosting?.nogGeenRealisatie.posten).toBe(0)
    // Castricum only takes part in the post without realisatie: no verschil, its share under nogGeenRealisatie.
    const castricum = v.organisaties.find((o) => o.naam === 'Castricum')
    expect(castricum?.vergelijkbaar).toEqual({ begroting: 0, realisatie: 0, posten: 0 })
    expect(castricum?.verschilPercentage).toBeNull()
    expect(castricum?.nogGeenRealisatie.posten).toBe(1)
    expect(castricum?.nogGeenRealisatie.begroting).toBe(castricum?.begroting)
    // The parts per organisation add up to the whole, in every column.
    for (const k of ['begroting', 'realisatie'] as const)
      expect(som(v.organisaties.map((o) => o.vergelijkbaar[k]))).toBe(v.totaal.vergelijkbaar[k])
    expect(som(v.organisaties.map((o) => o.nogGeenRealisatie.begroting))).toBe(v.totaal.nogGeenRealisatie.begroting)
    // The trend compares the same way, per year and per organisation.
    const t2025 = v.trend.totaal.find((t) => t.jaar === 2025)
    expect(t2025?.verschil).toBe(v.totaal.verschil)
    expect(t2025?.nogGeenRealisatie).toEqual(v.totaal.nogGeenRealisatie)
    const bussum = v.trend.organisaties.find((o) => o.naam === 'Bussum')?.jaren.find((j) => j.jaar === 2025)
    expect(bussum?.verschil).toBe(v.organisaties.find((o) => o.naam === 'Bussum')?.verschil)
  })

  it('keeps a realisatie without begroting out of the verschil too', () => {
    const r = maakTransparantieverslag(
      invoer(2025, [
        post({ jaar: 2025, categorie: 'advies', soort: 'initieel', begroting: null, realisatie: 7_500_00, deelnemers: [A, B] }),
        post({ jaar: 2025, categorie: 'advies', soort: 'initieel', begroting: 10_000_00, realisatie: 9_000_00, deelnemers: [A, B] }),
      ]),
    )
    expect(r.totaal.verschil).toBe(-1_000_00)
    expect(r.totaal.verschilPercentage).toBe(-10)
    expect(r.totaal.zonderBegroting).toEqual({ realisatie: 7_500_00, posten: 1 })
    expect(r.totaal.realisatie).toBe(16_500_00)
  })

  it('vergelijk: percentage of the compared begroting, null when that is 0', () => {
    expect(vergelijk(1000, 1100)).toMatchObject({ verschil: 100, verschilPercentage: 10, vergelijkbaar: { posten: 1 } })
    expect(vergelijk(0, 500).verschilPercentage).toBeNull()
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
        // The verschil never includes a post that lacks one of its amounts.
        const beide = verdeeld.filter((p) => p.begroting !== null && p.realisatie !== null && p.allocaties.begroting.ok)
        const bedrag = (p: VerslagPost, k: 'begroting' | 'realisatie') => (p.allocaties[k].ok ? p.allocaties[k].bedrag : 0)
        expect(r.totaal.verschil).toBe(som(beide.map((p) => bedrag(p, 'realisatie') - bedrag(p, 'begroting'))))
        expect(som(r.organisaties.map((o) => o.verschil))).toBe(r.totaal.verschil)
        expect(r.totaal.vergelijkbaar.begroting + r.totaal.nogGeenRealisatie.begroting).toBe(r.totaal.begroting)
        expect(r.posten.length + r.nietVerdeeld.length).toBe(verdeeld.length)
      }),
      { numRuns: 200 },
    )
  })
})
