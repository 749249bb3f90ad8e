import { type Afhankelijkheidsgraaf, knopenVan } from './graaf.js'
import type { GraafKoppeling, PadStap } from './typen.js'

// The walk that finds what a change reaches, through intermediaries. One change names:
//   - who loses something (`partijen`: the organisations that leave, whose host stops, …);
//   - its gastheerschappen (every koppeling serving one of them is reached);
//   - start nodes (applicaties it takes away or changes), each with the path that
//     explains why; a start node that itself goes away (`alles`) breaks every koppeling
//     at it, one that stays for others only the koppelingen that serve a partij;
//   - koppelingen it reaches directly (a changed standard, the koppelingen of its
//     gastheerschappen).
// A koppeling at a reached node is reached when it serves a partij (`dient`): it belongs
// to one of the change's gastheerschappen, a partij owns it, a partij uses one of its
// other applicaties (intermediaries do not count: everyone shares them), or it forwards
// between two intermediaries. The walk goes on through an intermediary (an applicatie
// that is the `via` of some koppeling: a Gegevensmakelaar, a servicebus) that a reached
// koppeling delivers to or takes from as its end, and from there only along koppelingen
// that end there too: a koppeling merely passing through an intermediary (its via) is
// another flow. A landelijke voorziening is never walked through: all of the country is
// connected to it. Each node is expanded once, so every walk ends; a koppeling that leads
// back to a node on its own path is reported as a kringloop.

export interface Startknoop {
  knoop: string
  pad: PadStap[]
  /** The node itself goes away or changes: every koppeling at it is reached. */
  alles: boolean
}

export interface DirecteKoppeling {
  koppelingId: string
  /** The path up to the koppeling's first node. */
  pad: PadStap[]
}

export interface Wandelvraag {
  partijen: ReadonlySet<string>
  gastheerschappen: ReadonlySet<string>
  start: Startknoop[]
  direct: DirecteKoppeling[]
}

export interface BereikteKoppeling {
  id: string
  pad: PadStap[]
  direct: boolean
  /** The node it was reached at (absent: reached directly). */
  van?: string
}

export interface BereikteApplicatie {
  id: string
  pad: PadStap[]
  start: boolean
}

export interface Wandeling {
  koppelingen: Map<string, BereikteKoppeling>
  applicaties: Map<string, BereikteApplicatie>
  kringlopen: PadStap[][]
}

/** The step for a node of the graph: an applicatie by id, a voorziening by its node name. */
export function stapVoor(graaf: Afhankelijkheidsgraaf, knoop: string, viaKoppelingId?: string): PadStap {
  if (knoop.startsWith('voorziening:')) {
    const k = viaKoppelingId ? graaf.koppelingen.get(viaKoppelingId) : undefined
    const naam = [k?.bronVoorziening, k?.doelVoorziening].find((v) => v && `voorziening:${v.trim().toLowerCase()}` === knoop)
    const stap: PadStap = { soort: 'voorziening', id: knoop, naam: naam ?? knoop.slice('voorziening:'.length) }
    if (viaKoppelingId) stap.viaKoppelingId = viaKoppelingId
    return stap
  }
  // Written out (no spread): one of these is made for every step of every path.
  const naam = graaf.applicaties.get(knoop)?.naam ?? knoop
  return viaKoppelingId ? { soort: 'applicatie', id: knoop, naam, viaKoppelingId } : { soort: 'applicatie', id: knoop, naam }
}

/** The koppeling's other nodes, nearest to `van` first: downstream in its route, then back upstream. */
function verderVan(k: GraafKoppeling, van: string): string[] {
  const route = knopenVan(k)
  const i = route.indexOf(van)
  if (i < 0) return route
  const uit: string[] = []
  for (let j = i + 1; j < route.length; j++) uit.push(route[j] as string)
  for (let j = i - 1; j >= 0; j--) uit.push(route[j] as string)
  return uit
}

/** Whether the node is the koppeling's bron or doel (not its via). */
const isEinde = (k: GraafKoppeling, knoop: string) => k.bronApplicatieId === knoop || k.doelApplicatieId === knoop

/** Whether koppeling k, met at node `van`, serves one of the partijen. */
export function dient(graaf: Afhankelijkheidsgraaf, k: GraafKoppeling, van: string | undefined, vraag: Wandelvraag): boolean {
  if (k.gastheerschapId && vraag.gastheerschappen.has(k.gastheerschapId)) return true
  if (k.eigenaarId && vraag.partijen.has(k.eigenaarId)) return true
  const doorgeven = van !== undefined && graaf.isTussenschakel(van)
  // Without allocating: this runs for every koppeling at every node the walk expands.
  return (
    dientVia(graaf, k.bronApplicatieId, true, van, doorgeven, vraag.partijen) ||
    dientVia(graaf, k.viaApplicatieId, false, van, doorgeven, vraag.partijen) ||
    dientVia(graaf, k.doelApplicatieId, true, van, doorgeven, vraag.partijen)
  )
}

/** Whether one applicatie of a koppeling makes it serve the partijen (see `dient`). */
function dientVia(
  graaf: Afhankelijkheidsgraaf,
  knoop: string | null,
  einde: boolean,
  van: string | undefined,
  doorgeven: boolean,
  partijen: ReadonlySet<string>,
): boolean {
  if (knoop === null || knoop === van) return false
  const app = graaf.applicaties.get(knoop)
  if (!app) return false
  if (graaf.isTussenschakel(knoop)) return doorgeven && einde
  for (const o of app.gebruikerIds) if (partijen.has(o)) return true
  return false
}

function gebruiktDoorPartij(graaf: Afhankelijkheidsgraaf, knoop: string, partijen: ReadonlySet<string>): boolean {
  const app = graaf.applicaties.get(knoop)
  if (!app) return false
  for (const o of app.gebruikerIds) if (partijen.has(o)) return true
  return false
}

export function wandel(graaf: Afhankelijkheidsgraaf, vraag: Wandelvraag): Wandeling {
  const uit: Wandeling = { koppelingen: new Map(), applicaties: new Map(), kringlopen: [] }
  const paden = new Map<string, PadStap[]>()
  const alles = new Set<string>()
  const rij: string[] = []
  const bezoek = (knoop: string, pad: PadStap[]) => {
    if (paden.has(knoop)) return
    paden.set(knoop, pad)
    rij.push(knoop)
  }

  /** Records koppeling k, reached from `van` (undefined: directly), and what lies beyond it. */
  const bereik = (k: GraafKoppeling, van: string | undefined, padTotVan: PadStap[], direct: boolean) => {
    if (uit.koppelingen.has(k.id)) return
    const verder = van === undefined ? knopenVan(k) : verderVan(k, van)
    const stappen = verder.map((n) => stapVoor(graaf, n, k.id))
    const pad = [...padTotVan, ...stappen]
    uit.koppelingen.set(k.id, van === undefined ? { id: k.id, pad, direct } : { id: k.id, pad, direct, van })
    for (let i = 0; i < verder.length; i++) {
      const knoop = verder[i] as string
      if (knoop.startsWith('voorziening:')) continue
      const verderOp = graaf.isTussenschakel(knoop) && isEinde(k, knoop) && !paden.has(knoop)
      const voorPartij = !uit.applicaties.has(knoop) && gebruiktDoorPartij(graaf, knoop, vraag.partijen)
      if (!verderOp && !voorPartij) continue
      // The path up to this node: the koppeling's own path, cut after it.
      const padHier = pad.slice(0, padTotVan.length + i + 1)
      if (verderOp) bezoek(knoop, padHier)
      if (voorPartij) uit.applicaties.set(knoop, { id: knoop, pad: padHier, start: false })
    }
  }

  for (const s of vraag.start) {
    if (s.alles) alles.add(s.knoop)
    if (!uit.applicaties.has(s.knoop) && graaf.applicaties.has(s.knoop))
      uit.applicaties.set(s.knoop, { id: s.knoop, pad: s.pad, start: true })
    bezoek(s.knoop, s.pad)
  }
  for (const d of vraag.direct) {
    const k = graaf.koppelingen.get(d.koppelingId)
    if (k) bereik(k, undefined, d.pad, true)
  }
  const starts = new Set(vraag.start.map((s) => s.knoop))
  for (let i = 0; i < rij.length; i++) {
    const knoop = rij[i] as string
    const pad = paden.get(knoop) as PadStap[]
    const isStart = starts.has(knoop)
    for (const kid of graaf.koppelingenBij(knoop)) {
      if (uit.koppelingen.has(kid)) continue
      const k = graaf.koppelingen.get(kid) as GraafKoppeling
      // Beyond the start, an intermediary passes on only what ends there.
      if (!isStart && !isEinde(k, knoop)) continue
      if (alles.has(knoop) || dient(graaf, k, knoop, vraag)) bereik(k, knoop, pad, isStart)
    }
  }
  uit.kringlopen = kringlopen(graaf, new Set(paden.keys()), uit.koppelingen)
  return uit
}

/**
 * Loops of data among the intermediaries the walk went through: the reached koppelingen
 * between two of them, bron → doel, searched depth-first; every edge back to a node on
 * the stack closes one loop, reported as the path round it.
 */
function kringlopen(
  graaf: Afhankelijkheidsgraaf,
  bezocht: ReadonlySet<string>,
  bereikt: ReadonlyMap<string, BereikteKoppeling>,
): PadStap[][] {
  const uitgaand = new Map<string, { naar: string; koppelingId: string }[]>()
  for (const id of bereikt.keys()) {
    const k = graaf.koppelingen.get(id)
    const van = k?.bronApplicatieId
    const naar = k?.doelApplicatieId
    if (!k || !van || !naar || !bezocht.has(van) || !bezocht.has(naar)) continue
    if (!graaf.isTussenschakel(van) || !graaf.isTussenschakel(naar)) continue
    const lijst = uitgaand.get(van)
    if (lijst) lijst.push({ naar, koppelingId: k.id })
    else uitgaand.set(van, [{ naar, koppelingId: k.id }])
  }
  const lussen: PadStap[][] = []
  const klaar = new Set<string>()
  const gezien = new Set<string>()
  for (const begin of [...uitgaand.keys()].sort()) {
    if (klaar.has(begin)) continue
    const stapel: { knoop: string; via?: string; volgende: number }[] = [{ knoop: begin, volgende: 0 }]
    const opStapel = new Set([begin])
    while (stapel.length > 0) {
      const top = stapel[stapel.length - 1] as { knoop: string; via?: string; volgende: number }
      const rand = uitgaand.get(top.knoop) ?? []
      if (top.volgende >= rand.length) {
        stapel.pop()
        opStapel.delete(top.knoop)
        klaar.add(top.knoop)
        continue
      }
      const e = rand[top.volgende++] as { naar: string; koppelingId: string }
      if (opStapel.has(e.naar)) {
        const i = stapel.findIndex((x) => x.knoop === e.naar)
        const rond = stapel.slice(i)
        const sleutel = rond
          .map((x) => x.knoop)
          .sort()
          .join('|')
        if (gezien.has(sleutel)) continue
        gezien.add(sleutel)
        lussen.push([...rond.map((x, j) => stapVoor(graaf, x.knoop, j === 0 ? undefined : x.via)), stapVoor(graaf, e.naar, e.koppelingId)])
      } else if (!klaar.has(e.naar)) {
        stapel.push({ knoop: e.naar, via: e.koppelingId, volgende: 0 })
        opStapel.add(e.naar)
      }
    }
  }
  return lussen
}
