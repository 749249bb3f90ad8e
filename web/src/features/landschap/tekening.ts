import type { Landschap, Verbinding } from './model'

// What the graph draws, as plain data: the one source for the canvas (Graaf.tsx) and for
// the tables under it (KnopenTabel.tsx), so a table never counts a line the graph does not
// draw (issue 20.4/20.18). Also where each node goes: the same landschap always gets the
// same positions (no random start), and names never overlap.

/** A node or line as cytoscape takes it (structurally its ElementDefinition). */
export interface Element {
  group: 'nodes' | 'edges'
  data: { id: string; [key: string]: unknown }
  position?: { x: number; y: number }
}

export const GROOT = 400

const pijl = (richting: string | undefined, deel: 'heel' | 'eerste' | 'tweede') => {
  if (richting === 'bidirectioneel') return 'beide'
  if (richting === 'B→A') return deel === 'tweede' ? 'geen' : 'bron'
  return deel === 'eerste' ? 'geen' : 'doel'
}

/** Nodes, and the lines drawn: use as one line, a koppeling as one line or, via an intermediary, two. */
export function elementen(l: Landschap): Element[] {
  const out: Element[] = l.knopen.map((k) => ({ group: 'nodes', data: { id: k.id, naam: k.naam, soort: k.soort } }))
  const knopen = new Set(l.knopen.map((k) => k.id))
  const lijn = (data: Element['data']) => {
    // A line to a node that is not drawn would not be drawn either: leave it out everywhere.
    if (knopen.has(String(data.source)) && knopen.has(String(data.target))) out.push({ group: 'edges', data })
  }
  for (const v of l.verbindingen) {
    if (v.soort === 'gebruikt') {
      lijn({ id: `g:${v.bron}:${v.doel}`, source: v.bron, target: v.doel, soort: 'gebruikt' })
      continue
    }
    const data = {
      soort: 'koppeling',
      koppelingId: v.koppelingId,
      vertrouwelijkheid: v.vertrouwelijkheid,
      persoonsgegevens: v.persoonsgegevens,
    }
    if (v.via && knopen.has(v.via)) {
      lijn({ ...data, id: `k:${v.koppelingId}:1`, source: v.bron, target: v.via, pijl: pijl(v.richting, 'eerste') })
      lijn({ ...data, id: `k:${v.koppelingId}:2`, source: v.via, target: v.doel, pijl: pijl(v.richting, 'tweede') })
    } else {
      lijn({ ...data, id: `k:${v.koppelingId}`, source: v.bron, target: v.doel, pijl: pijl(v.richting, 'heel') })
    }
  }
  return out
}

/** How many drawn lines meet at each node: what the node table shows. */
export function lijnenPerKnoop(els: Element[]): Map<string, number> {
  const n = new Map<string, number>()
  for (const el of els) {
    if (el.group !== 'edges') continue
    for (const id of [el.data.source, el.data.target]) n.set(String(id), (n.get(String(id)) ?? 0) + 1)
  }
  return n
}

/** The koppelingen that are drawn (at least one line), once each, by name: the rows of the link table. */
export function getekendeKoppelingen(l: Landschap, els: Element[]): Verbinding[] {
  const getekend = new Set(els.filter((e) => e.group === 'edges' && e.data.koppelingId).map((e) => String(e.data.koppelingId)))
  return l.verbindingen
    .filter((v) => v.soort === 'koppeling' && v.koppelingId && getekend.has(v.koppelingId))
    .sort((a, b) => (a.naam ?? '').localeCompare(b.naam ?? '', 'nl') || (a.koppelingId ?? '').localeCompare(b.koppelingId ?? ''))
}

// The layered layout: organisations in the left column, applicaties in the middle,
// landelijke voorzieningen on the right; a column holds at most RIJEN nodes and continues
// in the next. Columns are further apart than a name is wide and rows further apart than
// a node and its name are high, so names cannot overlap.
export const MAAT = {
  kolom: 240,
  rij: 64,
  rijen: 12,
  /** The widest a name is drawn (cytoscape ellipsises beyond it). */
  naamBreedte: 150,
  naamHoogte: 16,
  /** The largest node (an organisation). */
  knoop: 30,
  naamMarge: 4,
} as const

const SOORTEN = ['organisatie', 'applicatie', 'voorziening'] as const

/**
 * Positions for every node, from the landschap alone: sorted by name and id, then
 * applicaties by the average place of their organisations and voorzieningen by that of
 * their applicaties, so related nodes sit side by side. No randomness: the same
 * landschap gives the same picture on every visit. Above GROOT nodes, `posities`.
 */
export function opmaak(l: Landschap): Map<string, { x: number; y: number }> {
  if (l.knopen.length > GROOT) return posities(l)
  const buren = new Map<string, string[]>()
  for (const v of l.verbindingen) {
    const ends = [v.bron, v.doel, ...(v.via ? [v.via] : [])]
    for (const a of ends) for (const b of ends) if (a !== b) buren.set(a, [...(buren.get(a) ?? []), b])
  }
  const plaats = new Map<string, number>()
  const out = new Map<string, { x: number; y: number }>()
  let kolom = 0
  for (const soort of SOORTEN) {
    const knopen = l.knopen
      .filter((k) => k.soort === soort)
      .map((k) => {
        const bekend = (buren.get(k.id) ?? []).map((b) => plaats.get(b)).filter((p): p is number => p !== undefined)
        const midden = bekend.length ? bekend.reduce((s, p) => s + p, 0) / bekend.length : Number.POSITIVE_INFINITY
        return { k, midden }
      })
      .sort((a, b) => a.midden - b.midden || a.k.naam.localeCompare(b.k.naam, 'nl') || (a.k.id < b.k.id ? -1 : a.k.id > b.k.id ? 1 : 0))
    if (knopen.length === 0) continue
    const kolommen = Math.ceil(knopen.length / MAAT.rijen)
    const perKolom = Math.ceil(knopen.length / kolommen)
    knopen.forEach(({ k }, i) => {
      const rij = i % perKolom
      plaats.set(k.id, rij + Math.floor(i / perKolom) * 0.5)
      out.set(k.id, { x: (kolom + Math.floor(i / perKolom)) * MAAT.kolom, y: rij * MAAT.rij })
    })
    kolom += kolommen
  }
  return out
}

/**
 * Lines between two nodes in one column would run straight through the nodes (and names)
 * between them: such a line bends out to the right, past the names of its column (a
 * bezier's apex lies half its control distance out), more the further apart its ends are.
 * Cytoscape measures the distance perpendicular to the line from source to target, so a
 * line running down bends the other way round.
 */
export function kromming(bron: { x: number; y: number } | undefined, doel: { x: number; y: number } | undefined): number | undefined {
  if (!bron || !doel || bron.x !== doel.x) return undefined
  const afstand = Math.round(MAAT.naamBreedte + 20 + Math.abs(doel.y - bron.y) * 0.2)
  return doel.y > bron.y ? -afstand : afstand
}

const GOUDEN_HOEK = Math.PI * (3 - Math.sqrt(5))

/**
 * Positions for a large graph in one pass: organisations on an inner ring, the other
 * nodes on a sunflower spiral around it, busiest first, so hubs sit near the middle.
 * A layout algorithm over 10 000 elements took seconds in the browser; this takes none.
 */
export function posities(l: Landschap): Map<string, { x: number; y: number }> {
  const graad = new Map<string, number>()
  for (const v of l.verbindingen) {
    for (const id of [v.bron, v.doel, v.via]) if (id) graad.set(id, (graad.get(id) ?? 0) + 1)
  }
  const organisaties = l.knopen.filter((k) => k.soort === 'organisatie')
  const overige = l.knopen
    .filter((k) => k.soort !== 'organisatie')
    .sort((a, b) => (graad.get(b.id) ?? 0) - (graad.get(a.id) ?? 0) || a.id.localeCompare(b.id))
  const out = new Map<string, { x: number; y: number }>()
  const binnen = Math.max(80, (organisaties.length * 60) / (2 * Math.PI))
  organisaties.forEach((k, i) => {
    const hoek = (2 * Math.PI * i) / Math.max(1, organisaties.length)
    out.set(k.id, { x: binnen * Math.cos(hoek), y: binnen * Math.sin(hoek) })
  })
  const start = (binnen + 60) ** 2 / 900
  overige.forEach((k, i) => {
    const r = 30 * Math.sqrt(start + i)
    out.set(k.id, { x: r * Math.cos(i * GOUDEN_HOEK), y: r * Math.sin(i * GOUDEN_HOEK) })
  })
  return out
}

/** The elements with their positions and the bend of lines within one column: what the canvas draws. */
export function tekening(l: Landschap): Element[] {
  const p = opmaak(l)
  const els = elementen(l)
  for (const el of els) {
    if (el.group === 'nodes') {
      const pos = p.get(el.data.id)
      if (pos) el.position = pos
    } else if (l.knopen.length <= GROOT) {
      const k = kromming(p.get(String(el.data.source)), p.get(String(el.data.target)))
      if (k !== undefined) el.data.kromming = k
    }
  }
  return els
}
