import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type BusinesscaseInvoer,
  type BusinesscaseUitkomst,
  berekenBusinesscase,
  formatCenten,
  nettoContanteWaarde,
  type ScenarioRegel,
  terugverdienjaar,
} from '../../src/domain/businesscase.js'

// The business case of a proposed cooperation: shares, yearly differences, payback,
// net present value and the verdict per participant.

const A = 'a0000000-0000-4000-8000-000000000001'
const B = 'b0000000-0000-4000-8000-000000000002'
const C = 'c0000000-0000-4000-8000-000000000003'

function uitkomst(invoer: BusinesscaseInvoer): BusinesscaseUitkomst {
  const r = berekenBusinesscase(invoer)
  if (!r.ok) throw new Error(JSON.stringify(r.fouten))
  return r.uitkomst
}

const fouten = (invoer: BusinesscaseInvoer) => {
  const r = berekenBusinesscase(invoer)
  return r.ok ? [] : r.fouten.map((f) => [f.name, f.code])
}

/** Worked by hand: 3 participants, 50/30/20 of € 300.000 once and € 150.000 a year, 5 years at 10%. */
const VOORBEELD: BusinesscaseInvoer = {
  deelnemers: [
    { organisatieId: A, huidigeKosten: { eenmalig: 10_000_000, jaarlijks: 7_000_000 } },
    { organisatieId: B, huidigeKosten: { eenmalig: 12_000_000, jaarlijks: 6_000_000 } },
    { organisatieId: C, huidigeKosten: { eenmalig: 5_000_000, jaarlijks: 4_000_000 } },
  ],
  gezamenlijk: { eenmalig: 30_000_000, jaarlijks: 15_000_000 },
  verdeling: {
    soort: 'vast percentage',
    percentages: [
      { deelnemerId: A, percentage: 50 },
      { deelnemerId: B, percentage: 30 },
      { deelnemerId: C, percentage: 20 },
    ],
  },
  horizonJaren: 5,
  disconteringsvoet: 10,
  startjaar: 2026,
}

describe('berekenBusinesscase: a worked example', () => {
  // Annuity factor 5 years at 10%: (1 − 1.1⁻⁵) / 0.1 = 0.61051 / 0.161051 = 3.790786769…
  // In cents:
  //   A: −5 000 000 − 500 000 × 3.790786769… = −6 895 393.385 → −6 895 393
  //   B: 3 000 000 + 1 500 000 × 3.790786769… = 8 686 180.154 → 8 686 180
  //   C: −1 000 000 + 1 000 000 × 3.790786769… = 2 790 786.769 → 2 790 787
  const u = uitkomst(VOORBEELD)
  const [a, b, c] = u.deelnemers

  it('divides the shared costs by the key, to the cent', () => {
    expect(u.deelnemers.map((d) => d.aandeel)).toEqual([
      { eenmalig: 15_000_000, jaarlijks: 7_500_000 },
      { eenmalig: 9_000_000, jaarlijks: 4_500_000 },
      { eenmalig: 6_000_000, jaarlijks: 3_000_000 },
    ])
  })

  it('gives a spare cent of equal shares in the order the participants were entered, not by id', () => {
    const gelijk = (volgorde: string[]) =>
      uitkomst({
        ...VOORBEELD,
        deelnemers: volgorde.map((organisatieId) => ({ organisatieId, huidigeKosten: { eenmalig: 0, jaarlijks: 100 } })),
        gezamenlijk: { eenmalig: 0, jaarlijks: 101 },
        verdeling: { soort: 'gelijke delen' },
      }).deelnemers.map((d) => [d.organisatieId, d.aandeel.jaarlijks])
    expect(gelijk([C, B, A])).toEqual([
      [C, 34],
      [B, 34],
      [A, 33],
    ])
    expect(gelijk([B, A, C])).toEqual([
      [B, 34],
      [A, 34],
      [C, 33],
    ])
  })

  it('gives the yearly differences and the cumulative', () => {
    expect(a.verschil).toEqual({ eenmalig: -5_000_000, jaarlijks: -500_000 })
    expect(c.jaren).toEqual([
      { jaar: 0, kalenderjaar: 2026, verschil: -1_000_000, cumulatief: -1_000_000 },
      { jaar: 1, kalenderjaar: 2027, verschil: 1_000_000, cumulatief: 0 },
      { jaar: 2, kalenderjaar: 2028, verschil: 1_000_000, cumulatief: 1_000_000 },
      { jaar: 3, kalenderjaar: 2029, verschil: 1_000_000, cumulatief: 2_000_000 },
      { jaar: 4, kalenderjaar: 2030, verschil: 1_000_000, cumulatief: 3_000_000 },
      { jaar: 5, kalenderjaar: 2031, verschil: 1_000_000, cumulatief: 4_000_000 },
    ])
  })

  it('computes the net present value as by hand', () => {
    expect(u.deelnemers.map((d) => d.nettoContanteWaarde)).toEqual([-6_895_393, 8_686_180, 2_790_787])
    expect(u.totaal.nettoContanteWaarde).toBe(-6_895_393 + 8_686_180 + 2_790_787)
  })

  it('gives the payback year (or none)', () => {
    expect([a.terugverdiendInJaar, b.terugverdiendInJaar, c.terugverdiendInJaar]).toEqual([null, 0, 1])
    expect(c.terugverdiendInKalenderjaar).toBe(2027)
  })

  it('gives a verdict per participant, in Dutch and English', () => {
    expect(u.deelnemers.map((d) => d.oordeel)).toEqual(['gaat er niet op vooruit', 'gaat erop vooruit', 'gaat erop vooruit'])
    expect(a.uitleg.nl).toBe(
      'Gaat er niet op vooruit: netto contante waarde € -68.953,93 over 5 jaar bij 10% discontering; niet terugverdiend binnen de horizon.',
    )
    expect(c.uitleg.en).toBe('Gains: net present value €27,907.87 over 5 years at a 10% discount rate; pays back from year 1 (2027).')
    expect(u.totaal.aantalVooruit).toBe(2)
    expect(u.totaal.iedereenVooruit).toBe(false)
    expect(u.totaal.oordeel).toBe('gaat erop vooruit')
    expect(u.totaal.aandeel).toEqual(VOORBEELD.gezamenlijk)
  })
})

describe('berekenBusinesscase: rules', () => {
  it('refuses duplicate participants, a key naming a non-participant and percentages not adding up to 100', () => {
    const D = 'd0000000-0000-4000-8000-000000000004'
    expect(
      fouten({
        ...VOORBEELD,
        deelnemers: [...VOORBEELD.deelnemers, { organisatieId: A, huidigeKosten: { eenmalig: 0, jaarlijks: 0 } }],
      }),
    ).toEqual([['invoer.deelnemers[3].organisatieId', 'dubbel']])
    expect(
      fouten({
        ...VOORBEELD,
        verdeling: {
          soort: 'vast percentage',
          percentages: [
            { deelnemerId: A, percentage: 50 },
            { deelnemerId: D, percentage: 50 },
          ],
        },
      }),
    ).toEqual([['invoer.verdeling.percentages[1].deelnemerId', 'geen-deelnemer']])
    expect(
      fouten({
        ...VOORBEELD,
        verdeling: {
          soort: 'vast percentage',
          percentages: [
            { deelnemerId: A, percentage: 50 },
            { deelnemerId: B, percentage: 30 },
            { deelnemerId: C, percentage: '19.99' },
          ],
        },
      }),
    ).toEqual([['invoer.verdeling.percentages', 'som-niet-100']])
  })

  it('refuses a participant without a percentage, a missing measure and measures of a non-participant', () => {
    expect(
      fouten({
        ...VOORBEELD,
        verdeling: {
          soort: 'vast percentage',
          percentages: [
            { deelnemerId: A, percentage: 50 },
            { deelnemerId: B, percentage: 50 },
          ],
        },
      }),
    ).toEqual([['invoer.deelnemers[2].organisatieId', 'percentage-ontbreekt']])
    expect(
      fouten({
        ...VOORBEELD,
        verdeling: { soort: 'maatstaf', maatstaf: 'werkplekken' },
        maatstaven: [
          { organisatieId: A, maatstaf: 'werkplekken', waarde: 800 },
          { organisatieId: B, maatstaf: 'werkplekken', waarde: 300 },
        ],
      }),
    ).toEqual([['invoer.deelnemers[2].organisatieId', 'maatstaf-ontbreekt']])
    expect(
      fouten({
        ...VOORBEELD,
        verdeling: { soort: 'gelijke delen' },
        maatstaven: [{ organisatieId: 'e0000000-0000-4000-8000-000000000005', maatstaf: 'fte', waarde: 1 }],
      }),
    ).toEqual([['invoer.maatstaven[0].organisatieId', 'geen-deelnemer']])
  })

  it('divides by a mix of a measure and equal shares', () => {
    const u = uitkomst({
      ...VOORBEELD,
      gezamenlijk: { eenmalig: 100, jaarlijks: 1_000 },
      verdeling: {
        soort: 'mix',
        componenten: [
          { aandeel: 50, regel: { soort: 'maatstaf', maatstaf: 'werkplekken' } },
          { aandeel: 50, regel: { soort: 'gelijke delen' } },
        ],
      },
      maatstaven: [
        { organisatieId: A, maatstaf: 'werkplekken', waarde: 2 },
        { organisatieId: B, maatstaf: 'werkplekken', waarde: 1 },
        { organisatieId: C, maatstaf: 'werkplekken', waarde: 1 },
      ],
    })
    // jaarlijks: A 250 + 166.67, B 125 + 166.67, C 125 + 166.67 → 416.67 / 291.67 / 291.67 → 417 / 292 / 291
    expect(u.deelnemers.map((d) => d.aandeel.jaarlijks)).toEqual([417, 292, 291])
    expect(u.deelnemers.reduce((s, d) => s + d.aandeel.eenmalig, 0)).toBe(100)
  })
})

describe('nettoContanteWaarde and terugverdienjaar', () => {
  it('rounds halves away from zero, once', () => {
    expect(nettoContanteWaarde([1], '3.5')).toBe(1)
    // 207 / 1.035 = 200 exactly
    expect(nettoContanteWaarde([0, 207], '3.5')).toBe(200)
    expect(nettoContanteWaarde([0, 3], 100)).toBe(2) // 1.5 → 2
    expect(nettoContanteWaarde([0, -3], 100)).toBe(-2) // −1.5 → −2
  })

  it('pays back from the first year the cumulative stays ≥ 0', () => {
    expect(terugverdienjaar([-5, -1, 0, 3])).toBe(2)
    expect(terugverdienjaar([5, -1, 0, 3])).toBe(2)
    expect(terugverdienjaar([5, 4, 3, -1])).toBe(null)
    expect(terugverdienjaar([0])).toBe(0)
  })

  it('formats cents the Dutch and the English way', () => {
    expect(formatCenten(123_456_789, 'nl')).toBe('€ 1.234.567,89')
    expect(formatCenten(-5, 'nl')).toBe('€ -0,05')
    expect(formatCenten(123_456_789, 'en')).toBe('€1,234,567.89')
  })
})

// ---- Properties ----------------------------------------------------------------------

const bedrag = fc.integer({ min: 0, max: 1_000_000_000 })
const kosten = fc.record({ eenmalig: bedrag, jaarlijks: bedrag })
const voet = fc.oneof(
  fc.constant<number | string>(0),
  fc.integer({ min: 0, max: 100 }),
  fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 3 })).map(([t, s]) => Math.min(100, t / 10 ** s).toFixed(s)),
)

/** `aantal` non-negative integers adding up to `totaal`. */
const verdelingVan = (totaal: number, aantal: number) =>
  fc.array(fc.integer({ min: 0, max: totaal }), { minLength: aantal - 1, maxLength: aantal - 1 }).map((snedes) => {
    const punten = [0, ...snedes.sort((a, b) => a - b), totaal]
    return punten.slice(1).map((p, i) => p - punten[i])
  })

const ID = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`

const geval: fc.Arbitrary<BusinesscaseInvoer> = fc.integer({ min: 1, max: 8 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => ID(i + 1))
  const regel: fc.Arbitrary<{ verdeling: ScenarioRegel; maatstaven?: BusinesscaseInvoer['maatstaven'] }> = fc.oneof(
    fc.constant({ verdeling: { soort: 'gelijke delen' } as ScenarioRegel }),
    verdelingVan(10_000, n).map((delen) => ({
      verdeling: {
        soort: 'vast percentage',
        percentages: ids.map((d, i) => ({ deelnemerId: d, percentage: (delen[i] / 100).toFixed(2) })),
      } as ScenarioRegel,
    })),
    fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: n, maxLength: n }).map((w) => ({
      verdeling: {
        soort: 'mix',
        componenten: [
          { aandeel: 70, regel: { soort: 'maatstaf', maatstaf: 'fte' } },
          { aandeel: 30, regel: { soort: 'gelijke delen' } },
        ],
      } as ScenarioRegel,
      maatstaven: ids.map((d, i) => ({ organisatieId: d, maatstaf: 'fte', waarde: w[i] })),
    })),
  )
  return fc
    .record({
      deelnemers: fc.tuple(...ids.map((id) => kosten.map((huidigeKosten) => ({ organisatieId: id, huidigeKosten })))),
      gezamenlijk: kosten,
      regel,
      horizonJaren: fc.integer({ min: 1, max: 30 }),
      disconteringsvoet: voet,
    })
    .map(({ regel: r, ...rest }) => ({ ...rest, ...r }))
})

describe('properties', () => {
  it('the shares add up to the shared costs exactly', () => {
    fc.assert(
      fc.property(geval, (invoer) => {
        const u = uitkomst(invoer)
        expect(u.deelnemers.reduce((s, d) => s + d.aandeel.eenmalig, 0)).toBe(invoer.gezamenlijk.eenmalig)
        expect(u.deelnemers.reduce((s, d) => s + d.aandeel.jaarlijks, 0)).toBe(invoer.gezamenlijk.jaarlijks)
      }),
    )
  })

  it('with rate 0 the net present value is the plain sum of the differences', () => {
    fc.assert(
      fc.property(geval, (invoer) => {
        const u = uitkomst({ ...invoer, disconteringsvoet: 0 })
        for (const d of u.deelnemers) {
          expect(d.nettoContanteWaarde).toBe(d.verschil.eenmalig + invoer.horizonJaren * d.verschil.jaarlijks)
          expect(d.nettoContanteWaarde).toBe(d.jaren[d.jaren.length - 1].cumulatief)
        }
      }),
    )
  })

  it('a participant with zero standalone costs never gains', () => {
    fc.assert(
      fc.property(geval, fc.nat(), (invoer, k) => {
        const i = k % invoer.deelnemers.length
        const deelnemers = invoer.deelnemers.map((d, j) => (j === i ? { ...d, huidigeKosten: { eenmalig: 0, jaarlijks: 0 } } : d))
        const d = uitkomst({ ...invoer, deelnemers }).deelnemers[i]
        expect(d.vooruit).toBe(false)
        expect(d.oordeel).toBe('gaat er niet op vooruit')
        expect(d.nettoContanteWaarde).toBeLessThanOrEqual(0)
      }),
    )
  })

  it("raising a participant's standalone yearly costs never lowers its net present value", () => {
    fc.assert(
      fc.property(geval, fc.nat(), fc.integer({ min: 0, max: 1_000_000_000 }), (invoer, k, extra) => {
        const i = k % invoer.deelnemers.length
        const deelnemers = invoer.deelnemers.map((d, j) =>
          j === i ? { ...d, huidigeKosten: { ...d.huidigeKosten, jaarlijks: d.huidigeKosten.jaarlijks + extra } } : d,
        )
        const voor = uitkomst(invoer).deelnemers[i]
        const na = uitkomst({ ...invoer, deelnemers }).deelnemers[i]
        expect(na.nettoContanteWaarde).toBeGreaterThanOrEqual(voor.nettoContanteWaarde)
        if (voor.vooruit) expect(na.vooruit).toBe(true)
      }),
    )
  })

  it('is deterministic and the totals add up', () => {
    fc.assert(
      fc.property(geval, (invoer) => {
        const u = uitkomst(invoer)
        expect(uitkomst(invoer)).toEqual(u)
        expect(u.totaal.nettoContanteWaarde).toBe(u.deelnemers.reduce((s, d) => s + d.nettoContanteWaarde, 0))
        expect(u.totaal.aantalVooruit).toBe(u.deelnemers.filter((d) => d.nettoContanteWaarde > 0).length)
      }),
    )
  })
})
