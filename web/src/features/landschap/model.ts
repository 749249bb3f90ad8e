import type { Knoop, KnoopSoort, Landschap, Verbinding } from '../../../../src/schemas/landschap'

// The landschap answer indexed for the page: nodes by id, each node's connections,
// and what a selection in the URL points at. Pure, so the graph, the side panel and
// the accessible list all read the same thing.

export type { Knoop, KnoopSoort, Landschap, Verbinding }

export interface Filters {
  samenwerkingId?: string
  organisatieId?: string
  vertrouwelijkheid?: 'laag' | 'midden' | 'hoog'
  persoonsgegevens?: 'true' | 'false'
}

export const FILTER_KEYS = ['samenwerkingId', 'organisatieId', 'vertrouwelijkheid', 'persoonsgegevens'] as const

export function filtersFrom(params: URLSearchParams): Filters {
  const f: Filters = {}
  const sw = params.get('samenwerkingId')
  const org = params.get('organisatieId')
  const v = params.get('vertrouwelijkheid')
  const p = params.get('persoonsgegevens')
  if (sw) f.samenwerkingId = sw
  if (org) f.organisatieId = org
  if (v === 'laag' || v === 'midden' || v === 'hoog') f.vertrouwelijkheid = v
  if (p === 'true' || p === 'false') f.persoonsgegevens = p
  return f
}

/** What is selected: a node, or a koppeling (an edge, possibly drawn as two via an intermediary). */
export type Selectie = { soort: 'knoop'; id: string } | { soort: 'koppeling'; id: string }

export function selectieFrom(params: URLSearchParams): Selectie | undefined {
  const knoop = params.get('knoop')
  if (knoop) return { soort: 'knoop', id: knoop }
  const koppeling = params.get('koppeling')
  if (koppeling) return { soort: 'koppeling', id: koppeling }
  return undefined
}

export interface Index {
  knopen: Map<string, Knoop>
  /** Connections per node id (a via-koppeling is listed at bron, via and doel). */
  per: Map<string, Verbinding[]>
  koppelingen: Map<string, Verbinding>
}

export function indexeer(l: Landschap): Index {
  const knopen = new Map(l.knopen.map((k) => [k.id, k]))
  const per = new Map<string, Verbinding[]>()
  const koppelingen = new Map<string, Verbinding>()
  const add = (id: string, v: Verbinding) => {
    const list = per.get(id)
    if (list) list.push(v)
    else per.set(id, [v])
  }
  for (const v of l.verbindingen) {
    add(v.bron, v)
    add(v.doel, v)
    if (v.via) add(v.via, v)
    if (v.koppelingId) koppelingen.set(v.koppelingId, v)
  }
  return { knopen, per, koppelingen }
}

/** The registry page of a node, if it has one (landelijke voorzieningen have none). */
export function registerPad(k: Knoop): string | undefined {
  if (k.soort === 'organisatie') return `/organisaties/${k.id}`
  if (k.soort === 'applicatie') return `/applicaties/${k.id}`
  return undefined
}

export const SOORT_VOLGORDE: KnoopSoort[] = ['organisatie', 'applicatie', 'voorziening']
