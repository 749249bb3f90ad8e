import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maandBeschikbaarheid, maandBeschikbaarheidUitMetingen } from '../../../src/domain/monitoring/beschikbaarheid.js'
import { onderhoudIntervallen } from '../../../src/domain/monitoring/onderhoud.js'
import { rolOp, samenvoegen, uniekeMetingen, vervangUren } from '../../../src/domain/monitoring/rollup.js'
import { beginToestand, type StoringsRegels, verwerkMeting, verwerkMetingen } from '../../../src/domain/monitoring/storingen.js'
import type { Meting, Onderhoudsvenster } from '../../../src/domain/monitoring/typen.js'

// Properties over random metingen around the end of March 2026 (the month boundary and
// the spring DST change fall in the range) and random maintenance windows.

const BEGIN = Date.UTC(2026, 2, 28, 12)
const BEREIK_MS = 5 * 86_400_000
const MIN = 60_000
const plaats = { controleId: 'c1', koppelingId: 'k1', samenwerkingId: 's1' }

const metingArb = (controles: string[]): fc.Arbitrary<Meting> =>
  fc.record({
    controleId: fc.constantFrom(...controles),
    // whole seconds, so repeats of one instant occur often enough to matter
    tijdstip: fc.integer({ min: 0, max: BEREIK_MS / 1000 - 1 }).map((s) => BEGIN + s * 1000),
    geslaagd: fc.boolean(),
    duurMs: fc.integer({ min: 0, max: 30_000 }),
  })

const vensterArb: fc.Arbitrary<Onderhoudsvenster> = fc
  .record({
    bereik: fc.constantFrom(
      { soort: 'controle' as const, controleId: 'c1' },
      { soort: 'koppeling' as const, koppelingId: 'k1' },
      { soort: 'samenwerking' as const, samenwerkingId: 's1' },
      { soort: 'koppeling' as const, koppelingId: 'k2' },
    ),
    start: fc.integer({ min: 0, max: BEREIK_MS / MIN }),
    lengte: fc.integer({ min: 0, max: 600 }),
  })
  .map(({ bereik, start, lengte }) => ({ bereik, van: BEGIN + start * MIN, tot: BEGIN + (start + lengte) * MIN, reden: 'r' }))

/** A random split of `xs` into parts, each part shuffled, the parts in random order. */
const splitsing = <T>(xs: T[]) =>
  fc.tuple(fc.array(fc.nat(3), { minLength: xs.length, maxLength: xs.length }), fc.infiniteStream(fc.nat())).map(([deel, s]) => {
    const delen: T[][] = [[], [], [], []]
    xs.forEach((x, i) => {
      delen[deel[i] as number]?.push(x)
    })
    const iter = s[Symbol.iterator]()
    const schud = <U>(a: U[]) =>
      a
        .map((x) => [iter.next().value as number, x] as const)
        .sort((p, q) => p[0] - q[0])
        .map(([, x]) => x)
    return schud(delen.map(schud))
  })

describe('roll-ups', () => {
  it('rolling up in any split and order, with repeats, gives the same roll-ups', () => {
    fc.assert(
      fc.property(
        fc
          .array(metingArb(['c1', 'c2']), { maxLength: 150 })
          .chain((ms) => fc.tuple(fc.constant(ms), splitsing([...ms, ...ms.slice(0, 20)]))),
        ([ms, delen]) => {
          expect(rolOp(delen.flat())).toEqual(rolOp(ms))
        },
      ),
    )
  })

  it('adding the roll-ups of disjoint parts equals rolling up the whole; replacing is idempotent', () => {
    fc.assert(
      fc.property(
        fc
          .array(metingArb(['c1', 'c2']), { maxLength: 150 })
          .chain((ms) => fc.tuple(fc.constant(uniekeMetingen(ms)), splitsing(uniekeMetingen(ms)))),
        ([ms, delen]) => {
          const geheel = rolOp(ms)
          expect(delen.map((d) => rolOp(d)).reduce(samenvoegen, [])).toEqual(geheel)
          const eerste = rolOp(delen[0] ?? [])
          expect(vervangUren(vervangUren(eerste, geheel), geheel)).toEqual(vervangUren(eerste, geheel))
        },
      ),
    )
  })
})

describe('availability', () => {
  it('from roll-ups equals from the raw metingen they came from, per Amsterdam month', () => {
    fc.assert(
      fc.property(
        fc.array(metingArb(['c1']), { maxLength: 300 }),
        fc.array(vensterArb, { maxLength: 4 }),
        fc.option(fc.double({ min: 90, max: 100, noNaN: true }), { nil: undefined }),
        (ms, vensters, doel) => {
          const onderhoud = onderhoudIntervallen(vensters, plaats)
          const ups = rolOp(ms, () => onderhoud)
          for (const maand of ['2026-03', '2026-04']) {
            const opties = { onderhoud, ...(doel === undefined ? {} : { doel }) }
            expect(maandBeschikbaarheid(ups, maand, opties)).toEqual(maandBeschikbaarheidUitMetingen(ms, maand, opties))
          }
        },
      ),
    )
  })

  it('measured, maintenance and unmeasured minutes add up to the month', () => {
    fc.assert(
      fc.property(fc.array(metingArb(['c1']), { maxLength: 200 }), fc.array(vensterArb, { maxLength: 4 }), (ms, vensters) => {
        const onderhoud = onderhoudIntervallen(vensters, plaats)
        const r = maandBeschikbaarheid(
          rolOp(ms, () => onderhoud),
          '2026-03',
          { onderhoud },
        )
        expect(r.gemetenMinuten + r.onderhoudMinuten + r.ongemetenMinuten).toBeCloseTo(743 * 60, 6)
        expect(r.beschikbareMinuten).toBeLessThanOrEqual(r.gemetenMinuten)
      }),
    )
  })
})

describe('the storing state machine', () => {
  const regelsArb: fc.Arbitrary<StoringsRegels> = fc
    .record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 3 }), vensters: fc.array(vensterArb, { maxLength: 3 }) })
    .map(({ n, m, vensters }) => ({ foutenVoorStoring: n, successenVoorHerstel: m, onderhoud: onderhoudIntervallen(vensters, plaats) }))

  it('fed the same metingen twice equals fed once', () => {
    fc.assert(
      fc.property(fc.array(metingArb(['c1']), { maxLength: 80 }), regelsArb, (ms, regels) => {
        const een = verwerkMetingen(beginToestand('c1'), ms, regels)
        const tweemaal = verwerkMetingen(een.toestand, ms, regels)
        expect(tweemaal.toestand).toEqual(een.toestand)
        expect(tweemaal.gebeurtenissen).toEqual([])
        const verdubbeld = verwerkMetingen(beginToestand('c1'), [...ms, ...ms], regels)
        expect(verdubbeld).toEqual(een)
      }),
    )
  })

  it('a batch in any order equals one at a time in time order; storingen alternate opening and closing', () => {
    fc.assert(
      fc.property(
        fc
          .array(metingArb(['c1']), { maxLength: 80 })
          .chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length }))),
        regelsArb,
        ([ms, geschud], regels) => {
          let toestand = beginToestand('c1')
          const gebeurtenissen = []
          for (const m of uniekeMetingen(ms)) {
            const stap = verwerkMeting(toestand, m, regels)
            toestand = stap.toestand
            gebeurtenissen.push(...stap.gebeurtenissen)
          }
          expect(verwerkMetingen(beginToestand('c1'), geschud, regels)).toEqual({ toestand, gebeurtenissen })
          const wissel = gebeurtenissen.filter((g) => g.soort !== 'hersteld').map((g) => g.soort)
          wissel.forEach((s, i) => {
            expect(s).toBe(i % 2 === 0 ? 'geopend' : 'gesloten')
          })
        },
      ),
    )
  })
})
