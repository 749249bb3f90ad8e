import { type InvalidParam, invalidInput, msg } from '../errors.js'
import { beurtposities, grootsteRest, rangBijGelijkeRest, type Volgordekenmerk } from './afronding.js'
import { Regelgeheugen, type VerdeelContext } from './sleutels.js'
import { type DeelnemerId, gelukt, mislukt, type Uitkomst, type Verdeelsleutel } from './types.js'
import { bepaalGrondslag, controleerBedrag, volgordekenmerken } from './verdeel.js'

// Many kostenposten at once, for declarations and reports: the same cents as
// verdeelKostenpost, without its per-part explanation. The exact fractions are computed
// once per (key, year, participant group) and reused. Per post the arithmetic stays in
// doubles but exact: every intermediate value is an integer below 2^52, so products,
// sums and Math.floor(x / noemer) are exact (for x + noemer < 2^53 the correctly rounded
// quotient cannot reach the next integer). Amounts too large for one product are
// multiplied in chunks of bits (schoolbook, high chunk first); denominators too large
// even for that (> 2^43, rare: many decimals in many mixed components) fall back to BigInt.

export interface KostenpostKolommen {
  /** Integer euro cents per kostenpost. */
  bedrag: ArrayLike<number>
  jaar: ArrayLike<number>
  /** Index into the `sleutels` argument. */
  sleutel: ArrayLike<number>
  /** Index into the `groepen` argument: the participants of the kostenpost. */
  groep: ArrayLike<number>
  /**
   * The number of the kostenpost's period (`beurtnummer(periode)` in verdeel.ts: 2026-Q3 is
   * 8106), which rotates the order among equal remainders; absent: 0, not rotated.
   */
  beurt?: ArrayLike<number>
}

export interface BatchVerdeling {
  /** The parts of kostenpost p are delen[begin[p]] … delen[begin[p + 1] − 1], in the order of its groep. */
  begin: Uint32Array
  /** Integer euro cents. */
  delen: Float64Array
}

const MAX_FOUTEN = 100
const TWEE_52 = 2 ** 52
const MIN_CHUNK_BITS = 8

interface Plan {
  fouten: InvalidParam[]
  aantal: number
  tellers: Float64Array
  noemer: number
  omgekeerd: number
  /** Largest amount for which bedrag × noemer + noemer ≤ 2^52: one product per part. */
  grensDirect: number
  /** Chunk size for larger amounts; 0 when the denominator is too large and BigInt must do. */
  chunkBits: number
  /** The exact fractions, for the order among equal remainders and the BigInt path. */
  exact: { tellers: bigint[]; noemer: bigint }
  /** What orders the participants among equal remainders (CBS code, name, id). */
  kenmerken: Volgordekenmerk[]
  /** Position among equal remainders (0 first) per rotation (beurt mod n): larger fraction first, then the beurtvolgorde. */
  rangen: Map<number, Int32Array>
  /** True when the denominator is too large for doubles and BigInt must do. */
  alleenExact: boolean
}

function maakPlan(
  sleutel: Verdeelsleutel,
  jaar: number,
  deelnemers: readonly DeelnemerId[],
  context: VerdeelContext,
  geheugen: Regelgeheugen,
): Plan {
  const aantal = deelnemers.length
  const leeg = {
    aantal,
    tellers: new Float64Array(0),
    noemer: 1,
    omgekeerd: 1,
    grensDirect: -1,
    chunkBits: 0,
    exact: { tellers: [], noemer: 1n },
    kenmerken: [],
    rangen: new Map<number, Int32Array>(),
    alleenExact: false,
  }
  const { grondslag, fouten } = bepaalGrondslag(sleutel, jaar, deelnemers, context, geheugen)
  if (!grondslag) return { ...leeg, fouten }
  const { tellers, noemer } = grondslag.fracties
  const getallen = new Float64Array(aantal)
  for (let i = 0; i < aantal; i++) getallen[i] = Number(tellers[i])
  const basis = { ...leeg, fouten: [], exact: { tellers, noemer }, kenmerken: volgordekenmerken(deelnemers, context) }
  const bits = noemer.toString(2).length
  const chunkBits = 51 - bits
  if (chunkBits < MIN_CHUNK_BITS) return { ...basis, alleenExact: true }
  const d = Number(noemer)
  return {
    ...basis,
    tellers: getallen,
    noemer: d,
    omgekeerd: 1 / d,
    grensDirect: Math.floor(TWEE_52 / d) - 1,
    chunkBits,
  }
}

/** The order among equal remainders for a period number: the same as verdeelKostenpost's, made once per rotation. */
function rangVoor(plan: Plan, beurt: number): Int32Array {
  const n = plan.aantal
  const rotatie = n === 0 ? 0 : ((beurt % n) + n) % n
  let rang = plan.rangen.get(rotatie)
  if (!rang) {
    rang = rangBijGelijkeRest(plan.exact.tellers, beurtposities(plan.kenmerken, rotatie))
    plan.rangen.set(rotatie, rang)
  }
  return rang
}

/** Working memory for one batch, sized for its largest group. */
class Werkgeheugen {
  readonly rest: Float64Array
  readonly sorteer: Float64Array
  readonly chunks = new Float64Array(8)
  constructor(grootsteGroep: number) {
    this.rest = new Float64Array(grootsteGroep)
    this.sorteer = new Float64Array(grootsteGroep)
  }
}

function deelDirect(a: number, plan: Plan, delen: Float64Array, o: number, rest: Float64Array): number {
  const { tellers, noemer, omgekeerd, aantal } = plan
  let som = 0
  for (let i = 0; i < aantal; i++) {
    const x = a * tellers[i]
    // x × (1/noemer) is within one of the true quotient (x < 2^52, noemer ≥ 2 or exact); the remainder corrects it
    let q = Math.floor(x * omgekeerd)
    let r = x - q * noemer
    while (r < 0) {
      q--
      r += noemer
    }
    while (r >= noemer) {
      q++
      r -= noemer
    }
    delen[o + i] = q
    rest[i] = r
    som += q
  }
  return som
}

function deelInChunks(a: number, plan: Plan, delen: Float64Array, o: number, w: Werkgeheugen): number {
  const { tellers, noemer, aantal, chunkBits } = plan
  const basis = 2 ** chunkBits
  const chunks = w.chunks
  let m = 0
  for (let r = a; r > 0; r = Math.floor(r / basis)) chunks[m++] = r % basis
  let som = 0
  for (let i = 0; i < aantal; i++) {
    const t = tellers[i]
    let q = 0
    let r = 0
    for (let j = m - 1; j >= 0; j--) {
      const x = r * basis + chunks[j] * t
      const qj = Math.floor(x / noemer)
      r = x - qj * noemer
      q = q * basis + qj
    }
    delen[o + i] = q
    w.rest[i] = r
    som += q
  }
  return som
}

function deelExact(a: number, plan: Plan, rang: Int32Array, delen: Float64Array, o: number): void {
  const afgerond = grootsteRest(BigInt(a), plan.exact.tellers, plan.exact.noemer, rang)
  for (let i = 0; i < plan.aantal; i++) delen[o + i] = Number(afgerond.delen[i])
}

/** Gives `over` cents to the largest remainders, ties by rang; the same order as grootsteRest. */
function verdeelRestcenten(over: number, plan: Plan, rang: Int32Array, delen: Float64Array, o: number, w: Werkgeheugen): void {
  const { aantal } = plan
  const rest = w.rest
  if (over <= 4) {
    for (let c = 0; c < over; c++) {
      let beste = -1
      for (let i = 0; i < aantal; i++) {
        if (rest[i] < 0) continue
        if (beste < 0 || rest[i] > rest[beste] || (rest[i] === rest[beste] && rang[i] < rang[beste])) beste = i
      }
      delen[o + beste] += 1
      rest[beste] = -1
    }
    return
  }
  const kopie = w.sorteer
  for (let i = 0; i < aantal; i++) kopie[i] = rest[i]
  const drempel = kleinste(kopie, aantal, aantal - over)
  let gegeven = 0
  let gelijk = 0
  for (let i = 0; i < aantal; i++) {
    if (rest[i] > drempel) {
      delen[o + i] += 1
      gegeven++
    } else if (rest[i] === drempel) kopie[gelijk++] = rang[i]
  }
  const nodig = over - gegeven
  const hoogsteRang = nodig < gelijk ? kleinste(kopie, gelijk, nodig - 1) : Number.POSITIVE_INFINITY
  for (let i = 0; i < aantal; i++) {
    if (rest[i] === drempel && rang[i] <= hoogsteRang) delen[o + i] += 1
  }
}

/** The k-th smallest (0-based) of a[0 … n − 1], by quickselect; reorders a. */
function kleinste(a: Float64Array, n: number, k: number): number {
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) {
        const t = a[i]
        a[i] = a[j]
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return a[k]
  }
  return a[k]
}

function postFouten(
  p: number,
  posten: KostenpostKolommen,
  sleutels: readonly Verdeelsleutel[],
  groepen: readonly (readonly DeelnemerId[])[],
): InvalidParam[] {
  const pad = `kostenposten[${p}]`
  const fouten = controleerBedrag(posten.bedrag[p], `${pad}.bedrag`)
  if (!groepen[posten.groep[p]]) {
    fouten.push({ name: `${pad}.groep`, code: 'onbekend', reason: msg('Onbekende groep deelnemers.', 'Unknown participant group.') })
  }
  if (!sleutels[posten.sleutel[p]]) {
    fouten.push({ name: `${pad}.sleutel`, code: 'onbekend', reason: msg('Onbekende verdeelsleutel.', 'Unknown allocation key.') })
  }
  return fouten
}

/**
 * Allocates every kostenpost; all of them or none. Errors name the kostenpost by index:
 * `kostenposten[12].deelnemers[3]` (at most 100 errors, one per failing key, year and group).
 * With `opties.buffer` (large enough) the parts are written into it and `delen` is a view of it.
 */
export function verdeelAlles(
  posten: KostenpostKolommen,
  sleutels: readonly Verdeelsleutel[],
  groepen: readonly (readonly DeelnemerId[])[],
  context: VerdeelContext,
  opties: { buffer?: Float64Array } = {},
): Uitkomst<BatchVerdeling> {
  const n = posten.bedrag.length
  const fouten: InvalidParam[] = []
  const begin = new Uint32Array(n + 1)
  let totaal = 0
  for (let p = 0; p < n && fouten.length < MAX_FOUTEN; p++) {
    const groep = groepen[posten.groep[p]]
    const a = posten.bedrag[p]
    if (!groep || !sleutels[posten.sleutel[p]] || !(Number.isSafeInteger(a) && a >= 0))
      fouten.push(...postFouten(p, posten, sleutels, groepen))
    totaal += groep?.length ?? 0
    begin[p + 1] = totaal
  }
  if (fouten.length > 0) return mislukt(invalidInput(fouten))

  const plannen = new Map<number, Plan>()
  const geheugen = new Regelgeheugen()
  // A fresh array of millions of parts costs more in page faults than the arithmetic: callers that allocate repeatedly pass one to reuse
  const delen = opties.buffer && opties.buffer.length >= totaal ? opties.buffer.subarray(0, totaal) : new Float64Array(totaal)
  const werk = new Werkgeheugen(Math.max(0, ...groepen.map((g) => g.length)))
  let vorigeSleutel = -1
  let plan: Plan | undefined
  for (let p = 0; p < n; p++) {
    const sleutel = (posten.jaar[p] * sleutels.length + posten.sleutel[p]) * groepen.length + posten.groep[p]
    if (sleutel !== vorigeSleutel) {
      plan = plannen.get(sleutel)
      if (!plan) {
        plan = maakPlan(sleutels[posten.sleutel[p]], posten.jaar[p], groepen[posten.groep[p]], context, geheugen)
        plannen.set(sleutel, plan)
        if (plan.fouten.length > 0 && fouten.length < MAX_FOUTEN) {
          fouten.push(...plan.fouten.map((f) => ({ ...f, name: `kostenposten[${p}].${f.name}` })))
        }
      }
      vorigeSleutel = sleutel
    }
    const huidig = plan as Plan
    if (huidig.fouten.length > 0) continue
    const a = posten.bedrag[p]
    const o = begin[p]
    const beurt = posten.beurt ? posten.beurt[p] : 0
    let som: number
    if (huidig.alleenExact) {
      deelExact(a, huidig, rangVoor(huidig, beurt), delen, o)
      continue
    }
    if (a <= huidig.grensDirect) som = deelDirect(a, huidig, delen, o, werk.rest)
    else som = deelInChunks(a, huidig, delen, o, werk)
    const over = a - som
    if (over > 0) verdeelRestcenten(over, huidig, rangVoor(huidig, beurt), delen, o, werk)
  }
  if (fouten.length > 0) return mislukt(invalidInput(fouten.slice(0, MAX_FOUTEN)))
  return gelukt({ begin, delen })
}
