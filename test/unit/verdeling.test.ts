import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AppError } from '../../src/domain/errors.js'
import {
  beurtnummer,
  controleerVerdeelsleutel,
  type EnkeleRegel,
  INWONERS,
  inwonersAlsMaatstaf,
  type MaatstafWaarde,
  maakMaatstafIndex,
  type Regel,
  type Uitkomst,
  type VerdeelContext,
  type Verdeelsleutel,
  type Verdeling,
  verdeelAlles,
  verdeelKostenpost,
} from '../../src/domain/verdeling/index.js'

const JAAR = 2026
const HILVERSUM = 'GM0402'
const WIJDEMEREN = 'GM1696'
const GOOISE_MEREN = 'GM1942'
const NAMEN: Record<string, string> = { [HILVERSUM]: 'Hilversum', [WIJDEMEREN]: 'Wijdemeren', [GOOISE_MEREN]: 'Gooise Meren' }

function context(waarden: MaatstafWaarde[] = []): VerdeelContext {
  const { index, fouten } = maakMaatstafIndex(waarden)
  expect(fouten).toEqual([])
  return { maatstaven: index, naam: (id) => NAMEN[id] }
}

const sleutel = (regel: Regel, geldigVanaf = 2020): Verdeelsleutel => ({
  id: 'sleutel-1',
  naam: 'Testsleutel',
  versies: [{ geldigVanaf, regel }],
})
const post = (bedrag: number, deelnemers: string[], jaar = JAAR) => ({ id: 'post-1', jaar, bedrag, deelnemers })

function ok<T>(uitkomst: Uitkomst<T>): T {
  if (!uitkomst.ok) throw new Error(JSON.stringify(uitkomst.fout.invalidParams, null, 2))
  return uitkomst.waarde
}
function fout<T>(uitkomst: Uitkomst<T>): AppError {
  if (uitkomst.ok) throw new Error('expected an error')
  expect(uitkomst.fout.kind).toBe('ongeldige-invoer')
  expect(uitkomst.fout.status).toBe(400)
  return uitkomst.fout
}
const bedragen = (v: Verdeling) => Object.fromEntries(v.delen.map((d) => [d.deelnemerId, d.bedrag]))

describe('Verdeelsleutels, by example', () => {
  const inwoners = (waarden: Record<string, number>, jaar = JAAR): MaatstafWaarde[] =>
    Object.entries(waarden).map(([organisatieId, waarde]) => ({ organisatieId, maatstaf: INWONERS, jaar, waarde }))

  it('inwoners: by the inhabitants of the kostenpost’s year, with every step traceable', () => {
    const ctx = context(inwoners({ [HILVERSUM]: 10_000, [WIJDEMEREN]: 20_000, [GOOISE_MEREN]: 30_000 }))
    const v = ok(verdeelKostenpost(post(100_000, [HILVERSUM, WIJDEMEREN, GOOISE_MEREN]), sleutel({ soort: 'inwoners' }), ctx))
    expect(bedragen(v)).toEqual({ [HILVERSUM]: 16_667, [WIJDEMEREN]: 33_333, [GOOISE_MEREN]: 50_000 })
    expect(v.sleutel).toEqual({ id: 'sleutel-1', naam: 'Testsleutel', geldigVanaf: 2020 })
    expect(v.delen[0]).toEqual({
      deelnemerId: HILVERSUM,
      bedrag: 16_667,
      fractie: { teller: '1', noemer: '6' },
      exactBedrag: { teller: '50000', noemer: '3' },
      restcent: true,
      stappen: [{ regel: 'inwoners', maatstaf: 'inwoners', jaar: JAAR, aandeelInSleutel: '100', waarde: '10000', totaal: '60000' }],
    })
  })

  it('inwoners: a maatstafwaarde for that year overrides the organisation’s figure, whatever the order; each step names its source', () => {
    const organisatie = inwonersAlsMaatstaf([
      { id: HILVERSUM, inwoners: [{ jaar: JAAR, aantal: 3 }] },
      { id: WIJDEMEREN, inwoners: [{ jaar: JAAR, aantal: 1 }] },
    ])
    const maatstafwaarde: MaatstafWaarde = { organisatieId: WIJDEMEREN, maatstaf: INWONERS, jaar: JAAR, waarde: 3, bron: 'maatstafwaarde' }
    for (const waarden of [
      [...organisatie, maatstafwaarde],
      [maatstafwaarde, ...organisatie],
    ]) {
      const { index, fouten, bron } = maakMaatstafIndex(waarden)
      expect(fouten).toEqual([])
      const v = ok(verdeelKostenpost(post(400, [HILVERSUM, WIJDEMEREN]), sleutel({ soort: 'inwoners' }), { maatstaven: index, bron }))
      expect(bedragen(v)).toEqual({ [HILVERSUM]: 200, [WIJDEMEREN]: 200 })
      expect(v.delen.map((d) => [d.stappen[0].waarde, d.stappen[0].bron])).toEqual([
        ['3', 'organisatie'],
        ['3', 'maatstafwaarde'],
      ])
    }
    // Another year: the organisation's figure again.
    const { index, bron } = maakMaatstafIndex([
      ...inwonersAlsMaatstaf([{ id: WIJDEMEREN, inwoners: [{ jaar: 2027, aantal: 5 }] }]),
      maatstafwaarde,
    ])
    expect(bron(INWONERS, WIJDEMEREN, 2027)).toBe('organisatie')
    expect(index.get(INWONERS)?.get(WIJDEMEREN)?.get(2027)).toEqual({ teller: 5n, schaal: 0 })
    // Two maatstafwaarden for one year remain an error.
    expect(maakMaatstafIndex([maatstafwaarde, maatstafwaarde]).fouten.map((f) => f.code)).toEqual(['dubbel'])
  })

  it('inwoners come from Organisatie.inwoners, per year', () => {
    const waarden = inwonersAlsMaatstaf([
      {
        id: HILVERSUM,
        inwoners: [
          { jaar: 2025, aantal: 1 },
          { jaar: JAAR, aantal: 3 },
        ],
      },
      { id: WIJDEMEREN, inwoners: [{ jaar: JAAR, aantal: 1 }] },
    ])
    const v = ok(verdeelKostenpost(post(400, [HILVERSUM, WIJDEMEREN]), sleutel({ soort: 'inwoners' }), context(waarden)))
    expect(bedragen(v)).toEqual({ [HILVERSUM]: 300, [WIJDEMEREN]: 100 })
  })

  it('vast percentage: decimals are exact (33.33 + 33.33 + 33.34 = 100)', () => {
    const regel: Regel = {
      soort: 'vast percentage',
      percentages: [
        { deelnemerId: 'a', percentage: 33.33 },
        { deelnemerId: 'b', percentage: '33.33' },
        { deelnemerId: 'c', percentage: 33.34 },
      ],
    }
    expect(bedragen(ok(verdeelKostenpost(post(10_000, ['a', 'b', 'c']), sleutel(regel), context())))).toEqual({ a: 3333, b: 3333, c: 3334 })
    expect(bedragen(ok(verdeelKostenpost(post(100, ['a', 'b', 'c']), sleutel(regel), context())))).toEqual({ a: 33, b: 33, c: 34 })
  })

  it('gelijke delen without period or CBS codes: a left-over cent goes by name, then id, in any order', () => {
    for (const volgorde of [
      ['a', 'b', 'c'],
      ['c', 'b', 'a'],
      ['b', 'c', 'a'],
    ]) {
      const v = ok(verdeelKostenpost(post(101, volgorde), sleutel({ soort: 'gelijke delen' }), context()))
      expect(bedragen(v)).toEqual({ a: 34, b: 34, c: 33 })
    }
  })

  // Ids that sort against the CBS codes, as UUIDs would: the id must not decide.
  const H = 'ffffffff-0000-4000-8000-000000000001'
  const W = 'aaaaaaaa-0000-4000-8000-000000000002'
  const G = '00000000-0000-4000-8000-000000000003'
  const cbs: Record<string, string> = { [H]: 'GM0402', [W]: 'GM1696', [G]: 'GM1942' }
  const namen: Record<string, string> = { [H]: 'Hilversum', [W]: 'Wijdemeren', [G]: 'Gooise Meren' }
  const metCbs = (): VerdeelContext => ({ ...context(), naam: (id) => namen[id], cbsCode: (id) => cbs[id] })
  const gelijk = (bedrag: number, periode?: string, deelnemers = [G, W, H]) =>
    ok(verdeelKostenpost({ id: 'p', jaar: JAAR, bedrag, deelnemers, periode }, sleutel({ soort: 'gelijke delen' }), metCbs()))

  it('equal remainders: the spare cent goes by CBS code, not by id or the order listed', () => {
    const v = gelijk(100)
    expect(bedragen(v)).toEqual({ [H]: 34, [W]: 33, [G]: 33 })
    expect(v.afronding).toMatchObject({ restcenten: 1, beurtvolgorde: [H, W, G], gelijkeRestBeslist: true })
    expect(bedragen(gelijk(101, undefined, [H, G, W]))).toEqual({ [H]: 34, [W]: 34, [G]: 33 })
  })

  it('equal remainders: the order moves on one place every period, so no one pays the spare cent every time', () => {
    // 2026-Q1 is period number 2026 × 4 + 0 = 8104; 8104 mod 3 = 1: the order starts at the second CBS code.
    const ontvanger = (periode: string) => {
      const v = gelijk(100, periode)
      expect(v.delen.reduce((s, d) => s + d.bedrag, 0)).toBe(100)
      return v.delen.filter((d) => d.restcent).map((d) => namen[d.deelnemerId])
    }
    expect(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1'].map(ontvanger)).toEqual([
      ['Wijdemeren'],
      ['Gooise Meren'],
      ['Hilversum'],
      ['Wijdemeren'],
      ['Gooise Meren'],
    ])
    // Years: 2026 mod 3 = 1, 2027 mod 3 = 2, 2028 mod 3 = 0. Months: 2026-07 is 2026 × 12 + 6 = 24318, mod 3 = 0.
    expect(['2026', '2027', '2028', '2026-07'].map(ontvanger)).toEqual([['Wijdemeren'], ['Gooise Meren'], ['Hilversum'], ['Hilversum']])
    // Over any three consecutive periods each of the three pays the spare cent once.
    const drie = ['2026-Q4', '2027-Q1', '2027-Q2'].flatMap(ontvanger).sort()
    expect(drie).toEqual(['Gooise Meren', 'Hilversum', 'Wijdemeren'])
  })

  it('states the rule and the order in the computation', () => {
    // 2026-Q2 is number 8105; 8105 mod 3 = 2: the order starts at the third CBS code.
    const v = gelijk(200, '2026-Q2')
    expect(v.afronding.periode).toBe('2026-Q2')
    expect(v.afronding.beurtvolgorde).toEqual([G, H, W])
    expect(bedragen(v)).toEqual({ [G]: 67, [H]: 67, [W]: 66 })
    expect(v.afronding.uitleg.nl).toBe(
      'Na afronden naar beneden bleven 2 cent over; elke restcent gaat naar de grootste rest. Bij gelijke rest gaat hij eerst naar het grootste aandeel en daarna in de beurtvolgorde van periode 2026-Q2: Gooise Meren (GM1942), Hilversum (GM0402), Wijdemeren (GM1696) (op CBS-code, elke periode één plaats doorgeschoven).',
    )
    expect(v.afronding.uitleg.en).toContain(
      'in the rotation order of period 2026-Q2: Gooise Meren (GM1942), Hilversum (GM0402), Wijdemeren (GM1696)',
    )
    expect(gelijk(300, '2026-Q3').afronding).toMatchObject({ restcenten: 0, gelijkeRestBeslist: false })
    expect(gelijk(300, '2026-Q3').afronding.uitleg.nl).toMatch(/^Geen restcenten/)
  })

  it('tie-break: among equal remainders the larger fraction goes first, before the id', () => {
    // 7 cents at 1/4, 1/4, 1/2: exact 1.75, 1.75, 3.5 → remainders ¾, ¾, ½; 1 cent left.
    // 3 cents at 1/6, 1/3, 1/2 → remainders ½, 0, ½: the ½ of 'a' (1/6) loses to the ½ of 'b' (1/2).
    const regel: Regel = { soort: 'maatstaf', maatstaf: 'fte' }
    const ctx = context([
      { organisatieId: 'a', maatstaf: 'fte', jaar: JAAR, waarde: 1 },
      { organisatieId: 'b', maatstaf: 'fte', jaar: JAAR, waarde: 3 },
      { organisatieId: 'c', maatstaf: 'fte', jaar: JAAR, waarde: 2 },
    ])
    expect(bedragen(ok(verdeelKostenpost(post(3, ['a', 'b', 'c']), sleutel(regel), ctx)))).toEqual({ a: 0, b: 2, c: 1 })
  })

  it('maatstaf: any named measure, decimals allowed', () => {
    const regel: Regel = { soort: 'maatstaf', maatstaf: 'fte' }
    const ctx = context([
      { organisatieId: HILVERSUM, maatstaf: 'fte', jaar: JAAR, waarde: '12.5' },
      { organisatieId: WIJDEMEREN, maatstaf: 'fte', jaar: JAAR, waarde: 37.5 },
    ])
    const v = ok(verdeelKostenpost(post(1_000, [HILVERSUM, WIJDEMEREN]), sleutel(regel), ctx))
    expect(bedragen(v)).toEqual({ [HILVERSUM]: 250, [WIJDEMEREN]: 750 })
    expect(v.delen[0].stappen).toEqual([
      { regel: 'maatstaf', maatstaf: 'fte', jaar: JAAR, aandeelInSleutel: '100', waarde: '12.5', totaal: '50' },
    ])
  })

  it('volledig afnemer: the Hilversum–Wijdemeren case, the guest pays everything', () => {
    const v = ok(
      verdeelKostenpost(post(123_456, [HILVERSUM, WIJDEMEREN]), sleutel({ soort: 'volledig afnemer', deelnemerId: WIJDEMEREN }), context()),
    )
    expect(bedragen(v)).toEqual({ [HILVERSUM]: 0, [WIJDEMEREN]: 123_456 })
  })

  it('mix: 50% vast + 50% inwoners is rounded once, on the combined exact fraction', () => {
    const regel: Regel = {
      soort: 'mix',
      componenten: [
        {
          aandeel: 50,
          regel: {
            soort: 'vast percentage',
            percentages: [
              { deelnemerId: 'a', percentage: 60 },
              { deelnemerId: 'b', percentage: 40 },
            ],
          },
        },
        { aandeel: 50, regel: { soort: 'inwoners' } },
      ],
    }
    const ctx = context(inwoners({ a: 1_000, b: 3_000 }))
    // a: ½·0.6 + ½·0.25 = 0.425 → 425.425; b: 0.575 → 575.575; the left-over cent goes to b.
    const v = ok(verdeelKostenpost(post(1_001, ['a', 'b']), sleutel(regel), ctx))
    expect(bedragen(v)).toEqual({ a: 425, b: 576 })
    expect(v.delen[1].fractie).toEqual({ teller: '23', noemer: '40' })
    expect(v.delen[1].stappen).toEqual([
      { regel: 'vast percentage', jaar: JAAR, aandeelInSleutel: '50', waarde: '40', totaal: '100' },
      { regel: 'inwoners', maatstaf: 'inwoners', jaar: JAAR, aandeelInSleutel: '50', waarde: '3000', totaal: '4000' },
    ])
  })

  it('versions: the kostenpost’s year picks the latest version valid from that year or earlier', () => {
    const s: Verdeelsleutel = {
      id: 'k',
      naam: 'ICT-kosten',
      versies: [
        {
          geldigVanaf: 2026,
          regel: {
            soort: 'vast percentage',
            percentages: [
              { deelnemerId: 'a', percentage: 75 },
              { deelnemerId: 'b', percentage: 25 },
            ],
          },
        },
        { geldigVanaf: 2024, regel: { soort: 'gelijke delen' } },
      ],
    }
    const ctx = context()
    const in2025 = ok(verdeelKostenpost(post(100, ['a', 'b'], 2025), s, ctx))
    expect([bedragen(in2025), in2025.sleutel.geldigVanaf]).toEqual([{ a: 50, b: 50 }, 2024])
    for (const jaar of [2026, 2031]) {
      const v = ok(verdeelKostenpost(post(100, ['a', 'b'], jaar), s, ctx))
      expect([bedragen(v), v.sleutel.geldigVanaf]).toEqual([{ a: 75, b: 25 }, 2026])
    }
    const f = fout(verdeelKostenpost(post(100, ['a', 'b'], 2023), s, ctx))
    expect(f.invalidParams).toEqual([expect.objectContaining({ name: 'jaar', code: 'geen-geldige-versie' })])
    expect(f.invalidParams[0].reason.nl).toContain('ICT-kosten')
    expect(f.invalidParams[0].reason.en).toContain('2023')
  })

  it('an amount of 0 gives every participant 0', () => {
    const v = ok(verdeelKostenpost(post(0, ['a', 'b']), sleutel({ soort: 'gelijke delen' }), context()))
    expect(bedragen(v)).toEqual({ a: 0, b: 0 })
  })
})

describe('Verdeelsleutels, bad input', () => {
  const vast = (percentages: [string, number | string][]): Regel => ({
    soort: 'vast percentage',
    percentages: percentages.map(([deelnemerId, percentage]) => ({ deelnemerId, percentage })),
  })

  it('a missing measure names the participant, the measure and the year — never a silent zero', () => {
    const ctx = context([
      { organisatieId: HILVERSUM, maatstaf: 'WOZ-objecten', jaar: JAAR, waarde: 40_000 },
      { organisatieId: WIJDEMEREN, maatstaf: 'WOZ-objecten', jaar: 2025, waarde: 12_000 },
    ])
    const f = fout(verdeelKostenpost(post(100, [HILVERSUM, WIJDEMEREN]), sleutel({ soort: 'maatstaf', maatstaf: 'WOZ-objecten' }), ctx))
    expect(f.invalidParams).toHaveLength(1)
    expect(f.invalidParams[0]).toMatchObject({ name: 'deelnemers[1]', code: 'maatstaf-ontbreekt' })
    expect(f.invalidParams[0].reason).toEqual({
      nl: `Maatstaf 'WOZ-objecten' ontbreekt voor Wijdemeren (${WIJDEMEREN}) in 2026. Leg voor deze organisatie een maatstafwaarde met deze maatstaf en dit jaar vast (Maatstafwaarden).`,
      en: `Measure 'WOZ-objecten' is missing for Wijdemeren (${WIJDEMEREN}) in 2026. Record a measure value with this measure and year for this organisation (Measures).`,
    })
  })

  it('missing inhabitants are reported for every participant at once, saying where to enter them', () => {
    const f = fout(verdeelKostenpost(post(100, ['a', 'b']), sleutel({ soort: 'inwoners' }), context()))
    expect(f.invalidParams.map((p) => [p.name, p.code])).toEqual([
      ['deelnemers[0]', 'maatstaf-ontbreekt'],
      ['deelnemers[1]', 'maatstaf-ontbreekt'],
    ])
    expect(f.invalidParams[0].reason.nl).toBe(
      "Maatstaf 'inwoners' ontbreekt voor a in 2026. Vul het inwonertal van dat jaar in bij de organisatie (Organisaties › bewerken › Inwonertallen), of leg een maatstafwaarde met maatstaf inwoners vast; die gaat dan voor.",
    )
    expect(f.invalidParams[0].reason.en).toContain('or record a maatstafwaarde with measure inwoners')
    // The year stays the last number of the message (the UI reads it from there).
    expect(f.invalidParams[0].reason.nl).toMatch(/2026\D*$/)
  })

  it('vast percentages that do not add up to 100', () => {
    const s = sleutel(
      vast([
        ['a', 33.33],
        ['b', 33.33],
        ['c', 33.33],
      ]),
    )
    const f = fout(verdeelKostenpost(post(100, ['a', 'b', 'c']), s, context()))
    expect(f.invalidParams).toEqual([
      expect.objectContaining({ name: 'verdeelsleutel.versies[0].regel.percentages', code: 'som-niet-100' }),
    ])
    expect(f.invalidParams[0].reason.nl).toContain('99.99')
    expect(controleerVerdeelsleutel(s).map((p) => p.code)).toEqual(['som-niet-100'])
  })

  it('mix shares that do not add up to 100', () => {
    const s = sleutel({
      soort: 'mix',
      componenten: [
        { aandeel: 50, regel: { soort: 'gelijke delen' } },
        { aandeel: 40, regel: { soort: 'inwoners' } },
      ],
    })
    expect(controleerVerdeelsleutel(s)).toEqual([
      expect.objectContaining({ name: 'verdeelsleutel.versies[0].regel.componenten', code: 'som-niet-100' }),
    ])
    expect(fout(verdeelKostenpost(post(100, ['a']), s, context())).invalidParams.map((p) => p.code)).toEqual(['som-niet-100'])
  })

  it('negative or malformed percentages, a nested mix, duplicate versions', () => {
    const s: Verdeelsleutel = {
      id: 'k',
      naam: 'K',
      versies: [
        {
          geldigVanaf: 2024,
          regel: vast([
            ['a', -10],
            ['b', 110],
          ]),
        },
        {
          geldigVanaf: 2024,
          regel: { soort: 'mix', componenten: [{ aandeel: '100', regel: { soort: 'mix', componenten: [] } as unknown as EnkeleRegel }] },
        },
        {
          geldigVanaf: 2025,
          regel: vast([
            ['a', '1,5'],
            ['b', 98.5],
          ]),
        },
      ],
    }
    expect(controleerVerdeelsleutel(s).map((p) => [p.name, p.code])).toEqual([
      ['verdeelsleutel.versies[0].regel.percentages[0].percentage', 'negatief'],
      ['verdeelsleutel.versies[1].geldigVanaf', 'dubbel'],
      ['verdeelsleutel.versies[1].regel.componenten[0].regel', 'geneste-mix'],
      ['verdeelsleutel.versies[2].regel.percentages[0].percentage', 'ongeldig-getal'],
    ])
  })

  it('a key that names a non-participant', () => {
    const ctx = context()
    const f1 = fout(
      verdeelKostenpost(
        post(100, [HILVERSUM]),
        sleutel(
          vast([
            [HILVERSUM, 50],
            [GOOISE_MEREN, 50],
          ]),
        ),
        ctx,
      ),
    )
    expect(f1.invalidParams).toEqual([
      expect.objectContaining({ name: 'verdeelsleutel.versies[0].regel.percentages[1].deelnemerId', code: 'geen-deelnemer' }),
    ])
    expect(f1.invalidParams[0].reason.nl).toContain(`Gooise Meren (${GOOISE_MEREN})`)
    const f2 = fout(verdeelKostenpost(post(100, [HILVERSUM]), sleutel({ soort: 'volledig afnemer', deelnemerId: WIJDEMEREN }), ctx))
    expect(f2.invalidParams).toEqual([
      expect.objectContaining({ name: 'verdeelsleutel.versies[0].regel.deelnemerId', code: 'geen-deelnemer' }),
    ])
  })

  it('a participant without a vast percentage', () => {
    const f = fout(verdeelKostenpost(post(100, ['a', 'b']), sleutel(vast([['a', 100]])), context()))
    expect(f.invalidParams).toEqual([expect.objectContaining({ name: 'deelnemers[1]', code: 'percentage-ontbreekt' })])
  })

  it('negative, fractional, non-numeric and too large amounts', () => {
    const s = sleutel({ soort: 'gelijke delen' })
    const code = (bedrag: number) => fout(verdeelKostenpost(post(bedrag, ['a']), s, context())).invalidParams.map((p) => [p.name, p.code])
    expect(code(-1)).toEqual([['bedrag', 'negatief']])
    expect(code(10.5)).toEqual([['bedrag', 'geen-hele-centen']])
    expect(code(Number.NaN)).toEqual([['bedrag', 'geen-hele-centen']])
    expect(code(2 ** 60)).toEqual([['bedrag', 'te-groot']])
  })

  it('every weight 0 is an error that names the key', () => {
    const ctx = context([
      { organisatieId: 'a', maatstaf: 'aanslagen', jaar: JAAR, waarde: 0 },
      { organisatieId: 'b', maatstaf: 'aanslagen', jaar: JAAR, waarde: '0.00' },
    ])
    const f = fout(verdeelKostenpost(post(100, ['a', 'b']), sleutel({ soort: 'maatstaf', maatstaf: 'aanslagen' }), ctx))
    expect(f.invalidParams).toEqual([expect.objectContaining({ name: 'verdeelsleutel.versies[0].regel', code: 'alle-gewichten-nul' })])
    expect(f.invalidParams[0].reason.nl).toContain("Verdeelsleutel 'Testsleutel'")
    expect(f.invalidParams[0].reason.en).toContain("'aanslagen'")
  })

  it('no participants, or one participant twice', () => {
    const s = sleutel({ soort: 'gelijke delen' })
    expect(fout(verdeelKostenpost(post(100, []), s, context())).invalidParams.map((p) => p.code)).toEqual(['leeg'])
    expect(fout(verdeelKostenpost(post(100, ['a', 'a']), s, context())).invalidParams.map((p) => [p.name, p.code])).toEqual([
      ['deelnemers[1]', 'dubbel'],
    ])
  })

  it('a measure given twice for one organisation and year, or a negative measure', () => {
    const { fouten } = maakMaatstafIndex([
      { organisatieId: 'a', maatstaf: 'fte', jaar: JAAR, waarde: 1 },
      { organisatieId: 'a', maatstaf: 'fte', jaar: JAAR, waarde: 1 },
      { organisatieId: 'b', maatstaf: 'fte', jaar: JAAR, waarde: -2 },
    ])
    expect(fouten.map((f) => [f.name, f.code])).toEqual([
      ['maatstaven[1]', 'dubbel'],
      ['maatstaven[2].waarde', 'negatief'],
    ])
  })
})

// ---- Properties ----------------------------------------------------------------------

/** `aantal` non-negative integers adding up to `totaal`. */
const verdelingVan = (totaal: number, aantal: number) =>
  fc.array(fc.integer({ min: 0, max: totaal }), { minLength: aantal - 1, maxLength: aantal - 1 }).map((snedes) => {
    const punten = [0, ...snedes.sort((a, b) => a - b), totaal]
    return punten.slice(1).map((p, i) => p - punten[i])
  })
const honderdsten = (n: number) => (n / 100).toFixed(2)

const gewicht = fc.oneof(
  { arbitrary: fc.constant<number | string>(0), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 100_000_000 }), weight: 3 },
  {
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 3 })).map(([t, s]) => (t / 10 ** s).toFixed(s)),
    weight: 2,
  },
)

interface Geval {
  deelnemers: string[]
  sleutel: Verdeelsleutel
  waarden: MaatstafWaarde[]
}

function enkeleRegel(deelnemers: string[], maatstaf: string): fc.Arbitrary<{ regel: EnkeleRegel; waarden: MaatstafWaarde[] }> {
  const n = deelnemers.length
  return fc.oneof(
    fc.constant({ regel: { soort: 'gelijke delen' } as EnkeleRegel, waarden: [] as MaatstafWaarde[] }),
    fc
      .integer({ min: 0, max: n - 1 })
      .map((i) => ({ regel: { soort: 'volledig afnemer', deelnemerId: deelnemers[i] } as EnkeleRegel, waarden: [] as MaatstafWaarde[] })),
    verdelingVan(10_000, n).map((delen) => ({
      regel: {
        soort: 'vast percentage',
        percentages: deelnemers.map((d, i) => ({ deelnemerId: d, percentage: honderdsten(delen[i]) })),
      } as EnkeleRegel,
      waarden: [] as MaatstafWaarde[],
    })),
    fc.array(gewicht, { minLength: n, maxLength: n }).map((gewichten) => {
      // at least one non-zero weight: the all-zero case has its own property
      const waarden = Number(gewichten[0]) === 0 && gewichten.every((g) => Number(g) === 0) ? [1, ...gewichten.slice(1)] : gewichten
      const regel: EnkeleRegel = maatstaf === INWONERS ? { soort: 'inwoners' } : { soort: 'maatstaf', maatstaf }
      return { regel, waarden: deelnemers.map((d, i) => ({ organisatieId: d, maatstaf, jaar: JAAR, waarde: waarden[i] })) }
    }),
  )
}

const geval: fc.Arbitrary<Geval> = fc
  .uniqueArray(fc.stringMatching(/^[a-e]{1,2}$/), { minLength: 1, maxLength: 12 })
  .chain((deelnemers) =>
    fc.oneof(
      enkeleRegel(deelnemers, INWONERS).map(({ regel, waarden }) => ({ deelnemers, waarden, regel: regel as Regel })),
      fc
        .integer({ min: 1, max: 3 })
        .chain((k) =>
          fc.tuple(
            verdelingVan(10_000, k),
            ...Array.from({ length: k }, (_, c) => enkeleRegel(deelnemers, c === 0 ? INWONERS : `maatstaf ${c}`)),
          ),
        )
        .map(([aandelen, ...regels]) => ({
          deelnemers,
          waarden: regels.flatMap((r) => r.waarden),
          regel: { soort: 'mix', componenten: regels.map((r, c) => ({ aandeel: honderdsten(aandelen[c]), regel: r.regel })) } as Regel,
        })),
    ),
  )
  .map(({ deelnemers, waarden, regel }) => ({
    deelnemers,
    waarden,
    sleutel: { id: 'p', naam: 'Eigenschap', versies: [{ geldigVanaf: JAAR, regel }] },
  }))

const bedrag = fc.oneof(
  fc.integer({ min: 0, max: 1_000 }),
  fc.integer({ min: 0, max: 100_000_000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
)

function verdeel(g: Geval, b: number, deelnemers = g.deelnemers): Verdeling {
  return ok(verdeelKostenpost({ id: 'p', jaar: JAAR, bedrag: b, deelnemers }, g.sleutel, context(g.waarden)))
}

describe('allocation properties (fast-check)', () => {
  const runs = { numRuns: 300 }

  it('the parts add up exactly to the kostenpost, and none is negative', () => {
    fc.assert(
      fc.property(geval, bedrag, (g, b) => {
        const delen = verdeel(g, b).delen.map((d) => d.bedrag)
        expect(delen.reduce((s, d) => s + d, 0)).toBe(b)
        for (const d of delen) expect(d).toBeGreaterThanOrEqual(0)
      }),
      runs,
    )
  })

  it('every part is within one cent of its exact share; the exact fractions add up to 1', () => {
    fc.assert(
      fc.property(geval, bedrag, (g, b) => {
        const v = verdeel(g, b)
        let som = { teller: 0n, noemer: 1n }
        for (const d of v.delen) {
          const exact = { teller: BigInt(d.exactBedrag.teller), noemer: BigInt(d.exactBedrag.noemer) }
          // exact = bedrag × fractie
          expect(exact.teller * BigInt(d.fractie.noemer)).toBe(BigInt(b) * BigInt(d.fractie.teller) * exact.noemer)
          // |part − exact| < 1 ⇔ |part × n − t| < n
          const verschil = BigInt(d.bedrag) * exact.noemer - exact.teller
          expect(verschil < exact.noemer && verschil > -exact.noemer).toBe(true)
          expect(d.restcent).toBe(verschil > 0n)
          const n = BigInt(d.fractie.noemer)
          som = { teller: som.teller * n + BigInt(d.fractie.teller) * som.noemer, noemer: som.noemer * n }
        }
        expect(som.teller).toBe(som.noemer)
      }),
      runs,
    )
  })

  it('order-independence: shuffling the participants gives every participant the same part', () => {
    fc.assert(
      fc.property(
        geval.chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray(g.deelnemers, { minLength: g.deelnemers.length }))),
        bedrag,
        ([g, geschud], b) => {
          expect(bedragen(verdeel(g, b, geschud))).toEqual(bedragen(verdeel(g, b)))
        },
      ),
      runs,
    )
  })

  it('a participant with weight 0 gets 0', () => {
    fc.assert(
      fc.property(geval, bedrag, (g, b) => {
        for (const d of verdeel(g, b).delen) if (d.fractie.teller === '0') expect(d.bedrag).toBe(0)
      }),
      runs,
    )
  })

  it('a participant whose every measure is 0 gets 0, whatever the others have', () => {
    fc.assert(
      fc.property(fc.array(gewicht, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 10 }), bedrag, (gewichten, nullen, b) => {
        const waarden = gewichten.map((w, i) => ({ organisatieId: `p${i}`, maatstaf: 'fte', jaar: JAAR, waarde: w }))
        for (let i = 0; i < nullen; i++) waarden.push({ organisatieId: `nul${i}`, maatstaf: 'fte', jaar: JAAR, waarde: 0 })
        if (gewichten.every((w) => Number(w) === 0)) waarden[0].waarde = 7
        const g: Geval = {
          deelnemers: waarden.map((w) => w.organisatieId),
          waarden,
          sleutel: { id: 'n', naam: 'Nul', versies: [{ geldigVanaf: JAAR, regel: { soort: 'maatstaf', maatstaf: 'fte' } }] },
        }
        for (const d of verdeel(g, b).delen) if (d.deelnemerId.startsWith('nul')) expect(d.bedrag).toBe(0)
      }),
      runs,
    )
  })

  it('when every weight is 0 the allocation fails and names the key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), bedrag, (n, b) => {
        const deelnemers = Array.from({ length: n }, (_, i) => `p${i}`)
        const waarden = deelnemers.map((d) => ({ organisatieId: d, maatstaf: 'fte', jaar: JAAR, waarde: 0 }))
        const s: Verdeelsleutel = {
          id: 'n',
          naam: 'Alles nul',
          versies: [{ geldigVanaf: JAAR, regel: { soort: 'maatstaf', maatstaf: 'fte' } }],
        }
        const f = fout(verdeelKostenpost({ id: 'p', jaar: JAAR, bedrag: b, deelnemers }, s, context(waarden)))
        expect(f.invalidParams.map((p) => p.code)).toEqual(['alle-gewichten-nul'])
        expect(f.invalidParams[0].reason.nl).toContain('Alles nul')
      }),
      runs,
    )
  })

  const periode = fc.oneof(
    fc.integer({ min: 2000, max: 2100 }).map(String),
    fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([j, q]) => `${j}-Q${q}`),
    fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([j, m]) => `${j}-${String(m).padStart(2, '0')}`),
  )
  // Some participants with a CBS code (possibly shared), some with a name only, some with neither.
  const kenmerk = fc.record({
    cbs: fc.option(fc.constantFrom('GM0402', 'GM1696', 'GM1942', 'GM0397'), { nil: undefined }),
    naam: fc.option(fc.constantFrom('Hilversum', 'Wijdemeren', 'Baarn'), { nil: undefined }),
    plaats: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 3 }),
  })

  it('verdeelAlles gives exactly the cents of verdeelKostenpost (direct, chunked and BigInt paths), in every period', () => {
    fc.assert(
      fc.property(
        geval,
        fc.array(fc.tuple(bedrag, fc.option(periode, { nil: undefined })), { minLength: 1, maxLength: 20 }),
        fc.array(kenmerk, { minLength: 12, maxLength: 12 }),
        (g, posten, kenmerken) => {
          const n = posten.length
          const k = new Map(g.deelnemers.map((d, i) => [d, kenmerken[i]]))
          const ctx: VerdeelContext = {
            ...context(g.waarden),
            naam: (id) => k.get(id)?.naam,
            cbsCode: (id) => k.get(id)?.cbs,
            plaats: (id) => k.get(id)?.plaats,
          }
          const batch = ok(
            verdeelAlles(
              {
                bedrag: Float64Array.from(posten.map(([b]) => b)),
                jaar: new Uint16Array(n).fill(JAAR),
                sleutel: new Uint32Array(n),
                groep: new Uint32Array(n),
                beurt: Float64Array.from(posten.map(([, p]) => beurtnummer(p))),
              },
              [g.sleutel],
              [g.deelnemers],
              ctx,
            ),
          )
          posten.forEach(([b, p], i) => {
            const enkel = ok(verdeelKostenpost({ id: 'p', jaar: JAAR, bedrag: b, deelnemers: g.deelnemers, periode: p }, g.sleutel, ctx))
            expect(Array.from(batch.delen.subarray(batch.begin[i], batch.begin[i + 1]))).toEqual(enkel.delen.map((d) => d.bedrag))
          })
        },
      ),
      runs,
    )
  })

  it('the order among equal remainders does not depend on the order listed, whatever CBS codes, names and places', () => {
    fc.assert(
      fc.property(
        geval.chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray(g.deelnemers, { minLength: g.deelnemers.length }))),
        bedrag,
        fc.option(periode, { nil: undefined }),
        fc.array(kenmerk, { minLength: 12, maxLength: 12 }),
        ([g, geschud], b, p, kenmerken) => {
          const k = new Map(g.deelnemers.map((d, i) => [d, kenmerken[i]]))
          const ctx: VerdeelContext = {
            ...context(g.waarden),
            naam: (id) => k.get(id)?.naam,
            cbsCode: (id) => k.get(id)?.cbs,
            plaats: (id) => k.get(id)?.plaats,
          }
          const deel = (deelnemers: string[]) =>
            ok(verdeelKostenpost({ id: 'p', jaar: JAAR, bedrag: b, deelnemers, periode: p }, g.sleutel, ctx))
          const a = deel(g.deelnemers)
          const c = deel(geschud)
          expect(bedragen(c)).toEqual(bedragen(a))
          expect(c.afronding.beurtvolgorde).toEqual(a.afronding.beurtvolgorde)
        },
      ),
      runs,
    )
  })

  it('the spare cents of equal shares rotate: over n consecutive periods everyone gets the same number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 2000 * 4, max: 2100 * 4 }),
        (n, b, eerste) => {
          const deelnemers = Array.from({ length: n }, (_, i) => `p${i}`)
          const s = sleutel({ soort: 'gelijke delen' })
          const restcenten = new Map(deelnemers.map((d) => [d, 0]))
          for (let q = eerste; q < eerste + n; q++) {
            const periode = `${Math.floor(q / 4)}-Q${(q % 4) + 1}`
            for (const d of ok(verdeelKostenpost({ id: 'p', jaar: JAAR, bedrag: b, deelnemers, periode }, s, context())).delen)
              if (d.restcent) restcenten.set(d.deelnemerId, (restcenten.get(d.deelnemerId) ?? 0) + 1)
          }
          expect(new Set(restcenten.values()).size).toBe(1)
        },
      ),
      runs,
    )
  })
})

describe('verdeelAlles', () => {
  const ctx = () =>
    context([
      { organisatieId: 'a', maatstaf: INWONERS, jaar: JAAR, waarde: 17_654_321 },
      { organisatieId: 'b', maatstaf: INWONERS, jaar: JAAR, waarde: 99_999_989 },
      { organisatieId: 'c', maatstaf: INWONERS, jaar: JAAR, waarde: 3 },
      { organisatieId: 'a', maatstaf: 'fte', jaar: JAAR, waarde: '1234.567891' },
      { organisatieId: 'b', maatstaf: 'fte', jaar: JAAR, waarde: '9876.543211' },
      { organisatieId: 'c', maatstaf: 'fte', jaar: JAAR, waarde: '0.000007' },
    ])
  const kolommen = (bedragen: number[], sleutel: number[], groep: number[], jaar = JAAR) => ({
    bedrag: Float64Array.from(bedragen),
    jaar: new Uint16Array(bedragen.length).fill(jaar),
    sleutel: Uint32Array.from(sleutel),
    groep: Uint32Array.from(groep),
  })
  const sleutels: Verdeelsleutel[] = [
    sleutel({ soort: 'inwoners' }),
    sleutel({
      soort: 'mix',
      componenten: [
        { aandeel: '33.33', regel: { soort: 'inwoners' } },
        { aandeel: '66.67', regel: { soort: 'maatstaf', maatstaf: 'fte' } },
      ],
    }),
  ]

  it('handles amounts up to 2^53 − 1 and denominators beyond 2^43 exactly', () => {
    const groot = [Number.MAX_SAFE_INTEGER, 2 ** 40 + 7, 999_999_999_999, 1, 0]
    const batch = ok(
      verdeelAlles(kolommen([...groot, ...groot], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], Array(10).fill(0)), sleutels, [['a', 'b', 'c']], ctx()),
    )
    ;[...groot, ...groot].forEach((b, p) => {
      const verwacht = ok(verdeelKostenpost(post(b, ['a', 'b', 'c']), sleutels[p < 5 ? 0 : 1], ctx())).delen.map((d) => d.bedrag)
      expect(Array.from(batch.delen.subarray(batch.begin[p], batch.begin[p + 1]))).toEqual(verwacht)
    })
  })

  it('writes into a reused buffer when one is given', () => {
    const buffer = new Float64Array(10).fill(-1)
    const batch = ok(verdeelAlles(kolommen([101, 7], [0, 0], [0, 0]), sleutels, [['a', 'b', 'c']], ctx(), { buffer }))
    expect(batch.delen.buffer).toBe(buffer.buffer)
    const enkel = (b: number) => ok(verdeelKostenpost(post(b, ['a', 'b', 'c']), sleutels[0], ctx())).delen.map((d) => d.bedrag)
    expect(Array.from(batch.delen)).toEqual([...enkel(101), ...enkel(7)])
  })

  it('reports bad input by kostenpost index, once per failing key, year and group, and allocates nothing', () => {
    const f = fout(verdeelAlles(kolommen([100, -1, 2.5], [0, 0, 0], [0, 0, 0]), sleutels, [['a', 'b']], ctx()))
    expect(f.invalidParams.map((p) => [p.name, p.code])).toEqual([
      ['kostenposten[1].bedrag', 'negatief'],
      ['kostenposten[2].bedrag', 'geen-hele-centen'],
    ])
    const g = fout(
      verdeelAlles(
        kolommen([100, 200, 300], [0, 0, 0], [0, 1, 0]),
        sleutels,
        [
          ['a', 'b'],
          ['a', 'x'],
        ],
        ctx(),
      ),
    )
    expect(g.invalidParams.map((p) => [p.name, p.code])).toEqual([['kostenposten[1].deelnemers[1]', 'maatstaf-ontbreekt']])
  })
})
