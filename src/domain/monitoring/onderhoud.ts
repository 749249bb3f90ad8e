import type { ControlePlaats, Onderhoudsvenster, Tijdstip } from './typen.js'

// Which onderhoudsvensters apply to a controle, as sorted, non-overlapping intervals: two
// windows that overlap (one for the koppeling, one for the samenwerking) must not count
// their common minutes twice, and a sorted list answers "is t in maintenance?" by binary
// search for every meting.

export type Interval = readonly [van: Tijdstip, tot: Tijdstip]

/** Whether `venster` covers the controle at `plaats`. */
export function vensterGeldtVoor(venster: Onderhoudsvenster, plaats: ControlePlaats): boolean {
  const b = venster.bereik
  switch (b.soort) {
    case 'controle':
      return b.controleId === plaats.controleId
    case 'koppeling':
      return b.koppelingId === plaats.koppelingId
    case 'samenwerking':
      return b.samenwerkingId === plaats.samenwerkingId
  }
}

/** The windows covering `plaats`, merged into sorted disjoint [van, tot) intervals; empty windows (tot ≤ van) drop out. */
export function onderhoudIntervallen(vensters: readonly Onderhoudsvenster[], plaats: ControlePlaats): Interval[] {
  const eigen = vensters
    .filter((v) => v.tot > v.van && vensterGeldtVoor(v, plaats))
    .map((v): Interval => [v.van, v.tot])
    .sort((a, b) => a[0] - b[0])
  const uit: [Tijdstip, Tijdstip][] = []
  for (const [van, tot] of eigen) {
    const laatste = uit[uit.length - 1]
    if (laatste && van <= laatste[1]) laatste[1] = Math.max(laatste[1], tot)
    else uit.push([van, tot])
  }
  return uit
}

/** Whether `t` lies in one of the sorted disjoint intervals. */
export function inOnderhoud(intervallen: readonly Interval[], t: Tijdstip): boolean {
  let lo = 0
  let hi = intervallen.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [van, tot] = intervallen[mid] as Interval
    if (t < van) hi = mid - 1
    else if (t >= tot) lo = mid + 1
    else return true
  }
  return false
}

/** How many ms of [van, tot) the sorted disjoint intervals cover. */
export function overlapMs(intervallen: readonly Interval[], van: Tijdstip, tot: Tijdstip): number {
  let som = 0
  for (const [a, b] of intervallen) {
    if (a >= tot) break
    const s = Math.max(a, van)
    const e = Math.min(b, tot)
    if (e > s) som += e - s
  }
  return som
}
