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
// A koppeling at a reached node is reached when it serves a partij: it belongs to one of
// the change's gastheerschappen, a partij owns it, or a partij uses one of its other
// applicaties (not counting intermediaries, which everyone shares). Its intermediaries
// are walked on from ("via tussenschakel"); applicaties a partij uses at its other end
// are reached too. A landelijke voorziening is never walked through: all of the country
// is connected to it. Each node is expanded once, so every walk ends; a koppeling that
// leads back to a node on its own path is reported as a kringloop.

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
  const via = viaKoppelingId ? { viaKoppelingId } : {}
  if (knoop.startsWith('voorziening:')) {
    const k = viaKoppelingId ? graaf.koppelingen.get(viaKoppelingId) : undefined
    const naam = [k?.bronVoorziening, k?.doelVoorziening].find((v) => v && `voorziening:${v.trim().toLowerCase()}` === knoop)
    return { soort: 'voorziening', id: knoop, naam: naam ?? knoop.slice('voorziening:'.length), ...via }
  }
  return { soort: 'applicatie', id: knoop, naam: graaf.applicaties.get(knoop)?.naam ?? knoop, ...via }
}

/** The koppeling's other nodes, nearest to `van` first: downstream in its route, then back upstream. */
function verderVan(k: GraafKoppeling, van: string): string[] {
  const route = knopenVan(k)
  const i = route.indexOf(van)
  if (i < 0) return route
  return [...route.slice(i + 1), ...route.slice(0, i).reverse()]
}

/** Whether koppeling k, met at node `van`, serves one of the partijen. */
export function dient(graaf: Afhankelijkheidsgraaf, k: GraafKoppeling, van: string | undefined, vraag: Wandelvraag): boolean {
  if (k.gastheerschapId && vraag.gastheerschappen.has(k.gastheerschapId)) return true
  if (k.eigenaarId && vraag.partijen.has(k.eigenaarId)) return true
  for (const knoop of knopenVan(k)) {
    if (knoop === van || knoop.startsWith('voorziening:')) continue
    const app = graaf.applicaties.get(knoop)
    if (!app) continue
    if (graaf.isTussenschakel(knoop)) continue
    if (app.gebruikerIds.some((o) => vraag.partijen.has(o))) return true
  }
  return false
}

const gebruiktDoorPartij = (graaf: Afhankelijkheidsgraaf, knoop: string, partijen: ReadonlySet<string>) =>
  graaf.applicaties.get(knoop)?.gebruikerIds.some((o) => partijen.has(o)) ?? false

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
  const kringloopGezien = new Set<string>()

  /** Records koppeling k, reached from `van` (undefined: directly), and what lies beyond it. */
  const bereik = (k: GraafKoppeling, van: string | undefined, padTotVan: PadStap[], direct: boolean) => {
    if (uit.koppelingen.has(k.id)) return
    const verder = van === undefined ? knopenVan(k) : verderVan(k, van)
    const stappen = verder.map((n) => stapVoor(graaf, n, k.id))
    uit.koppelingen.set(k.id, { id: k.id, pad: [...padTotVan, ...stappen], direct })
    stappen.forEach((_stap, i) => {
      const knoop = verder[i] as string
      const padHier = [...padTotVan, ...stappen.slice(0, i + 1)]
      if (knoop.startsWith('voorziening:')) return
      if (graaf.isTussenschakel(knoop)) {
        if (padTotVan.some((s) => s.id === knoop)) {
          const sleutel = `${k.id}|${knoop}`
          if (!kringloopGezien.has(sleutel)) {
            kringloopGezien.add(sleutel)
            uit.kringlopen.push(padHier)
          }
          return
        }
        bezoek(knoop, padHier)
      }
      if (!uit.applicaties.has(knoop) && gebruiktDoorPartij(graaf, knoop, vraag.partijen))
        uit.applicaties.set(knoop, { id: knoop, pad: padHier, start: false })
    })
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
      if (alles.has(knoop) || dient(graaf, k, knoop, vraag)) bereik(k, knoop, pad, isStart)
    }
  }
  return uit
}
