import { type Message, msg } from '../errors.js'
import type { Afronding, DeelnemerId } from './types.js'

// Largest-remainder rounding. Every participant first gets floor(bedrag × teller / noemer)
// cents; the k cents left over (k < number of participants) go one each to the k largest
// remainders. Among equal remainders — the usual case with equal shares — a rule a person
// can check decides, and it does not depend on the order in which participants are listed:
//   1. the larger exact fraction (teller) first;
//   2. then the *beurtvolgorde* of the kostenpost's period: the participants ordered by
//      CBS code (organisations without one after them, by name, then by id), rotated by
//      the period's number so that the spare cent moves on one place every period
//      instead of always falling to the same municipality. The period number of a year
//      Y is Y, of a quarter Y × 4 + (q − 1), of a month Y × 12 + (m − 1); the order
//      starts at place (number mod n) + 1 of the CBS order (n participants). Without a
//      period the CBS order is used as it is. A business case, which knows no CBS codes,
//      gives its own order instead: the order in which its participants were entered.
// A participant with fraction 0 has remainder 0 and never gets a left-over cent: the k
// cents always find k non-zero remainders, because the remainders add up to k × noemer.

export interface Afgerond {
  delen: bigint[]
  restcent: boolean[]
  /** True when the rule for equal remainders decided who got a cent and who did not. */
  gelijkeRestBeslist: boolean
}

export const vergelijkId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** What the order of the beurtvolgorde is made of. */
export interface Volgordekenmerk {
  id: DeelnemerId
  /** An explicit place, before anything else (a business case: the order of entry). */
  plaats?: number
  cbsCode?: string
  naam?: string
}

/** Explicit place first (those without one after), then CBS code (likewise), then name, then id; by UTF-16 code units, not locale. */
export function vergelijkKenmerk(a: Volgordekenmerk, b: Volgordekenmerk): number {
  if (a.plaats !== undefined || b.plaats !== undefined) {
    if (a.plaats === undefined) return 1
    if (b.plaats === undefined) return -1
    if (a.plaats !== b.plaats) return a.plaats - b.plaats
  }
  if (a.cbsCode && !b.cbsCode) return -1
  if (!a.cbsCode && b.cbsCode) return 1
  if (a.cbsCode && b.cbsCode && a.cbsCode !== b.cbsCode) return vergelijkId(a.cbsCode, b.cbsCode)
  const na = a.naam ?? ''
  const nb = b.naam ?? ''
  return na !== nb ? vergelijkId(na, nb) : vergelijkId(a.id, b.id)
}

const PERIODE = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/

/** 2026 → 2026, 2026-Q3 → 8106, 2026-07 → 24318; undefined for anything else. */
export function periodeNummer(periode: string): number | undefined {
  const m = PERIODE.exec(periode)
  if (!m) return undefined
  const jaar = Number(m[1])
  if (m[2]) return jaar * 4 + Number(m[2]) - 1
  if (m[3]) return jaar * 12 + Number(m[3]) - 1
  return jaar
}

/**
 * Per participant (in the post's order) its place in the beurtvolgorde, 0 first: its
 * place in the CBS order, moved `nummer mod n` places to the front (cyclically).
 */
export function beurtposities(kenmerken: readonly Volgordekenmerk[], nummer: number): number[] {
  const n = kenmerken.length
  const basis = kenmerken.map((_, i) => i).sort((a, b) => vergelijkKenmerk(kenmerken[a], kenmerken[b]))
  const posities = new Array<number>(n)
  const start = n === 0 ? 0 : ((nummer % n) + n) % n
  basis.forEach((i, plaats) => {
    posities[i] = (plaats - start + n) % n
  })
  return posities
}

/**
 * Per participant its rank among equal remainders (0 first, all different): larger
 * teller first, then its place in the beurtvolgorde. Both engines use this rank.
 */
export function rangBijGelijkeRest(tellers: readonly bigint[], posities: readonly number[]): Int32Array {
  const volgorde = tellers
    .map((_, i) => i)
    .sort((a, b) => (tellers[a] > tellers[b] ? -1 : tellers[a] < tellers[b] ? 1 : posities[a] - posities[b]))
  const rang = new Int32Array(tellers.length)
  volgorde.forEach((i, r) => {
    rang[i] = r
  })
  return rang
}

export function grootsteRest(bedrag: bigint, tellers: readonly bigint[], noemer: bigint, rang: ArrayLike<number>): Afgerond {
  const delen = tellers.map((t) => (bedrag * t) / noemer)
  const resten = tellers.map((t) => (bedrag * t) % noemer)
  const restcent = tellers.map(() => false)
  const over = Number(bedrag - delen.reduce((s, d) => s + d, 0n))
  const volgorde = tellers.map((_, i) => i).sort((a, b) => (resten[a] > resten[b] ? -1 : resten[a] < resten[b] ? 1 : rang[a] - rang[b]))
  for (const i of volgorde.slice(0, over)) {
    delen[i] += 1n
    restcent[i] = true
  }
  const gelijkeRestBeslist = over > 0 && over < volgorde.length && resten[volgorde[over - 1]] === resten[volgorde[over]]
  return { delen, restcent, gelijkeRestBeslist }
}

/** The participants in beurtvolgorde, and the explanation of the rest cents in Dutch and English. */
export function beschrijfAfronding(
  kenmerken: readonly Volgordekenmerk[],
  posities: readonly number[],
  afgerond: Pick<Afgerond, 'restcent' | 'gelijkeRestBeslist'>,
  periode: string | undefined,
): Afronding {
  const beurtvolgorde = kenmerken.map((k, i) => ({ k, p: posities[i] })).sort((a, b) => a.p - b.p)
  const restcenten = afgerond.restcent.filter(Boolean).length
  const noem = (k: Volgordekenmerk) => (k.naam ? (k.cbsCode ? `${k.naam} (${k.cbsCode})` : k.naam) : (k.cbsCode ?? k.id))
  const namen = beurtvolgorde.map(({ k }) => noem(k)).join(', ')
  let uitleg: Message
  if (restcenten === 0) {
    uitleg = msg(
      'Geen restcenten: elk deel kwam na afronden naar beneden al uit op het hele bedrag.',
      'No remainder cents: after rounding down, the parts already add up to the whole amount.',
    )
  } else {
    const basis = msg(
      `Na afronden naar beneden ${restcenten === 1 ? 'bleef 1 cent' : `bleven ${restcenten} cent`} over; elke restcent gaat naar de grootste rest.`,
      `After rounding down, ${restcenten === 1 ? '1 cent was' : `${restcenten} cents were`} left; each remainder cent goes to the largest remainder.`,
    )
    uitleg = afgerond.gelijkeRestBeslist
      ? msg(
          `${basis.nl} Bij gelijke rest gaat hij eerst naar het grootste aandeel en daarna in de beurtvolgorde${periode ? ` van periode ${periode}` : ''}: ${namen} (op CBS-code${periode ? ', elke periode één plaats doorgeschoven' : ''}).`,
          `${basis.en} With equal remainders it goes to the larger share first and then in the rotation order${periode ? ` of period ${periode}` : ''}: ${namen} (by CBS code${periode ? ', moved on one place every period' : ''}).`,
        )
      : basis
  }
  return {
    restcenten,
    ...(periode === undefined ? {} : { periode }),
    beurtvolgorde: beurtvolgorde.map(({ k }) => k.id),
    gelijkeRestBeslist: afgerond.gelijkeRestBeslist,
    uitleg,
  }
}
