import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plusDagen } from '../../../src/domain/vertrouwen/datum.js'
import { evalueer, evalueerIndex, herEvalueerPartij } from '../../../src/domain/vertrouwen/evaluatie.js'
import { maakIndex, verwerkWijziging, type Wijziging } from '../../../src/domain/vertrouwen/index-bouw.js'
import { STANDAARDBELEID } from '../../../src/domain/vertrouwen/standaardbeleid.js'
import {
  BEWIJS_SOORTEN,
  type Bewijsstuk,
  type Contract,
  type Toegang,
  type Vertrouwensbeleid,
  type Vertrouwenssituatie,
} from '../../../src/domain/vertrouwen/typen.js'
import { basis, ids, PEILDATUM } from './situatie.js'

// Properties of the whole evaluation over random grants, evidence and contracts in the
// small landscape of situatie.ts: deterministic, independent of input order, and a
// party's incremental re-evaluation equals what a full run gives for it.

const DATA = [-800, -400, -366, -365, -61, -60, -1, 0, 1, 59, 60, 61, 400].map((d) => plusDagen(PEILDATUM, d))
const datum = fc.constantFrom(...DATA)
const misschien = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
const partij = fc.constantFrom(ids.l, ids.o, ids.b)
const eigenaar = fc.constantFrom(ids.a, ids.b)

const toegangArb = (id: string): fc.Arbitrary<Toegang> =>
  fc
    .record({
      partijId: partij,
      object: fc.oneof(
        fc.record({
          soort: fc.constantFrom('applicatie' as const, 'koppeling' as const),
          id: fc.constantFrom(ids.zaak, ids.bel, ids.kBrp, ids.kOpen, 'onbekend'),
        }),
        fc.record({ soort: fc.constant('netwerkzone' as const), naam: fc.constantFrom('Beheer', 'Kantoor'), eigenaarId: eigenaar }),
      ),
      verleendDoorId: eigenaar,
      geldigVanaf: datum,
      geldigTot: misschien(datum),
      laatsteBeoordeling: misschien(datum),
    })
    .map((t) => ({ id, doel: 'Beheer', ...zonderLeeg(t) }) as Toegang)

const bewijsArb = (id: string): fc.Arbitrary<Bewijsstuk> =>
  fc
    .record({
      organisatieId: partij,
      soort: fc.constantFrom(...BEWIJS_SOORTEN),
      geldigVanaf: datum,
      geldigTot: misschien(datum),
      getekendMetId: misschien(eigenaar),
    })
    .map((b) => ({ id, uitgever: 'U', ...zonderLeeg(b) }) as Bewijsstuk)

const contractArb = (id: string): fc.Arbitrary<Contract> =>
  fc
    .record({
      leverancierId: partij,
      afnemerId: eigenaar,
      startdatum: datum,
      einddatum: misschien(datum),
      auditrecht: fc.boolean(),
      exitstrategie: fc.boolean(),
      applicatieIds: fc.subarray([ids.zaak, ids.bel]),
      koppelingIds: fc.subarray([ids.kBrp, ids.kOpen, 'k-weg']),
    })
    .map((c) => ({ id, omschrijving: 'Dienst', opzegtermijnMaanden: 1, ...zonderLeeg(c) }) as Contract)

/** Absent optional fields are absent, not undefined (as JSON from the database gives them). */
function zonderLeeg<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

const lijst = <T>(maak: (id: string) => fc.Arbitrary<T>, prefix: string, max: number) =>
  fc
    .integer({ min: 0, max })
    .chain((n) => (n === 0 ? fc.constant([] as T[]) : fc.tuple(...Array.from({ length: n }, (_, i) => maak(`${prefix}-${i}`)))))

const eigenBeleid: Vertrouwensbeleid = {
  id: 'beleid-b',
  eigenaarId: ids.b,
  naam: 'Beleid Beestad',
  versie: 1,
  samenwerkingIds: [],
  regels: [
    { id: 'review-6', soort: 'herbeoordeling', ernst: 'hoog', maatregel: 'BIO 9.2.5', maxMaanden: 6 },
    { id: 'verloop-30', soort: 'verloopwaarschuwing', ernst: 'laag', maatregel: 'BIO2 5.22', dagen: 30 },
    ...STANDAARDBELEID.regels.filter((r) => r.soort === 'vereist-bewijs' || r.soort === 'contracteisen'),
  ],
}

const situatieArb: fc.Arbitrary<Vertrouwenssituatie> = fc
  .record({
    toegangen: lijst(toegangArb, 't', 8),
    bewijsstukken: lijst(bewijsArb, 'b', 8),
    contracten: lijst(contractArb, 'c', 3),
    eigen: fc.boolean(),
  })
  .map(({ toegangen, bewijsstukken, contracten, eigen }) => ({
    ...basis(),
    toegangen,
    bewijsstukken,
    contracten,
    beleid: eigen ? [eigenBeleid, STANDAARDBELEID] : [STANDAARDBELEID],
  }))

function geschud<T>(xs: readonly T[], seed: number): T[] {
  const uit = [...xs]
  let s = seed >>> 0
  for (let i = uit.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) >>> 0
    const j = s % (i + 1)
    ;[uit[i], uit[j]] = [uit[j] as T, uit[i] as T]
  }
  return uit
}

function schud(s: Vertrouwenssituatie, seed: number): Vertrouwenssituatie {
  return {
    ...s,
    organisaties: geschud(s.organisaties, seed),
    applicaties: geschud(s.applicaties, seed + 1),
    koppelingen: geschud(s.koppelingen, seed + 2),
    toegangen: geschud(s.toegangen, seed + 3),
    bewijsstukken: geschud(s.bewijsstukken, seed + 4),
    contracten: geschud(s.contracten, seed + 5),
    beleid: geschud(s.beleid, seed + 6),
  }
}

describe('evaluation properties', () => {
  it('is deterministic: sorted, unique sleutels, the same twice', () => {
    fc.assert(
      fc.property(situatieArb, (s) => {
        const f = evalueer(s)
        const sleutels = f.map((x) => x.sleutel)
        expect([...sleutels].sort()).toEqual(sleutels)
        expect(new Set(sleutels).size).toBe(sleutels.length)
        expect(evalueer(structuredClone(s))).toEqual(f)
      }),
      { numRuns: 200 },
    )
  })

  it('does not depend on the order of any input list', () => {
    fc.assert(
      fc.property(situatieArb, fc.integer(), (s, seed) => {
        expect(evalueer(schud(s, seed))).toEqual(evalueer(s))
      }),
      { numRuns: 200 },
    )
  })

  it('incremental re-evaluation after one change equals the full evaluation, and leaves other parties alone', () => {
    const wijzigingArb = fc.oneof(
      toegangArb('t-0').map((toegang): Wijziging => ({ soort: 'toegang', toegang })),
      toegangArb('t-nieuw').map((toegang): Wijziging => ({ soort: 'toegang', toegang })),
      fc.constant<Wijziging>({ soort: 'toegang-verwijderd', id: 't-0' }),
      bewijsArb('b-0').map((bewijsstuk): Wijziging => ({ soort: 'bewijsstuk', bewijsstuk })),
      fc.constant<Wijziging>({ soort: 'bewijsstuk-verwijderd', id: 'b-1' }),
      contractArb('c-0').map((contract): Wijziging => ({ soort: 'contract', contract })),
      fc.constant<Wijziging>({ soort: 'contract-verwijderd', id: 'c-0' }),
    )
    fc.assert(
      fc.property(situatieArb, wijzigingArb, (s, w) => {
        const index = maakIndex(s)
        const voor = evalueerIndex(index)
        const partijen = verwerkWijziging(index, w)
        const na = evalueer(pasToe(s, w))
        for (const p of partijen) expect(herEvalueerPartij(index, p)).toEqual(na.filter((f) => f.partijId === p))
        const anderen = (fs: typeof voor) => fs.filter((f) => !partijen.includes(f.partijId))
        expect(anderen(na)).toEqual(anderen(voor))
        expect(evalueerIndex(index)).toEqual(na)
      }),
      { numRuns: 300 },
    )
  })
})

/** The same change on the plain situatie, for the full evaluation to compare with. */
function pasToe(s: Vertrouwenssituatie, w: Wijziging): Vertrouwenssituatie {
  const vervang = <T extends { id: string }>(xs: T[], x: T) => [...xs.filter((y) => y.id !== x.id), x]
  const zonder = <T extends { id: string }>(xs: T[], id: string) => xs.filter((y) => y.id !== id)
  switch (w.soort) {
    case 'toegang':
      return { ...s, toegangen: vervang(s.toegangen, w.toegang) }
    case 'toegang-verwijderd':
      return { ...s, toegangen: zonder(s.toegangen, w.id) }
    case 'bewijsstuk':
      return { ...s, bewijsstukken: vervang(s.bewijsstukken, w.bewijsstuk) }
    case 'bewijsstuk-verwijderd':
      return { ...s, bewijsstukken: zonder(s.bewijsstukken, w.id) }
    case 'contract':
      return { ...s, contracten: vervang(s.contracten, w.contract) }
    case 'contract-verwijderd':
      return { ...s, contracten: zonder(s.contracten, w.id) }
  }
}
