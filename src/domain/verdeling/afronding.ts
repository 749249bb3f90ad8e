// Largest-remainder rounding. Every participant first gets floor(bedrag × teller / noemer)
// cents; the k cents left over (k < number of participants) go one each to the k largest
// remainders. Tie-break, so the result does not depend on the order of the participants:
//   1. larger remainder first;
//   2. then larger exact fraction (teller) first;
//   3. then deelnemerId ascending, compared by UTF-16 code units (not locale).
// A participant with fraction 0 has remainder 0 and never gets a left-over cent: the k
// cents always find k non-zero remainders, because the remainders add up to k × noemer.

export interface Afgerond {
  delen: bigint[]
  restcent: boolean[]
}

export const vergelijkId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Order of participants among equal remainders: larger teller first, then id ascending. */
export const vergelijkBijGelijkeRest = (tellerA: bigint, idA: string, tellerB: bigint, idB: string): number =>
  tellerA > tellerB ? -1 : tellerA < tellerB ? 1 : vergelijkId(idA, idB)

export function grootsteRest(bedrag: bigint, tellers: readonly bigint[], noemer: bigint, ids: readonly string[]): Afgerond {
  const delen = tellers.map((t) => (bedrag * t) / noemer)
  const resten = tellers.map((t) => (bedrag * t) % noemer)
  const restcent = tellers.map(() => false)
  let over = bedrag - delen.reduce((s, d) => s + d, 0n)
  const volgorde = tellers
    .map((_, i) => i)
    .sort((a, b) =>
      resten[a] > resten[b] ? -1 : resten[a] < resten[b] ? 1 : vergelijkBijGelijkeRest(tellers[a], ids[a], tellers[b], ids[b]),
    )
  for (const i of volgorde) {
    if (over === 0n) break
    delen[i] += 1n
    restcent[i] = true
    over -= 1n
  }
  return { delen, restcent }
}
