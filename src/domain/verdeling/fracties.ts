import { ggd, opSchaal } from './decimaal.js'
import type { ComponentGewichten } from './sleutels.js'

// The exact fraction of a kostenpost per participant, over one common denominator:
//   fractie(i) = Σ over components c of  aandeel(c)/100 × gewicht(c, i)/totaal(c)
// A mix is combined here, before rounding, so it is rounded once: rounding each component
// separately could give a participant a cent more or less than its combined share.

export interface Fracties {
  /** Per participant, in the post's order; Σ tellers = noemer. */
  tellers: bigint[]
  noemer: bigint
}

const kgv = (a: bigint, b: bigint) => (a / ggd(a, b)) * b

export function combineerFracties(componenten: readonly ComponentGewichten[], aantal: number): Fracties {
  const meetellend = componenten.filter((c) => c.totaal !== 0n && c.aandeel.teller !== 0n)
  const schaal = Math.max(0, ...meetellend.map((c) => c.aandeel.schaal))
  const totalen = meetellend.reduce((l, c) => kgv(l, c.totaal), 1n)
  const tellers = new Array<bigint>(aantal).fill(0n)
  for (const c of meetellend) {
    const factor = opSchaal(c.aandeel, schaal) * (totalen / c.totaal)
    for (let i = 0; i < aantal; i++) tellers[i] += factor * c.gewichten[i]
  }
  let noemer = 100n * 10n ** BigInt(schaal) * totalen
  const deler = tellers.reduce(ggd, noemer)
  if (deler > 1n) {
    for (let i = 0; i < aantal; i++) tellers[i] /= deler
    noemer /= deler
  }
  return { tellers, noemer }
}
