import type { Core, ElementDefinition, LayoutOptions, StylesheetJson } from 'cytoscape'
import { useEffect, useRef, useState } from 'react'
import type { Landschap, Selectie } from './model'

// The cytoscape canvas. Cytoscape is imported here only (dynamically), so it loads with
// this page and never with the shell. Above GROOT nodes the layout is a one-pass
// concentric one and the renderer takes its shortcuts while panning, so 2 000 nodes
// stay responsive; below it a force-directed layout without animation reads better.

export const GROOT = 400

// Cytoscape prepends an inline <style> (position: relative for its container) unless
// an element with this id exists; the UI's CSP forbids inline styles, so this page
// renders an empty element with that id and its own stylesheet positions the container.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet'

const BLAUW = '#154273'
const ROOD = '#a4000f'
const ORANJE = '#a33d00'
const GRIJS = '#5b6b7c'

const STIJL: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(naam)',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      color: '#1e293b',
      'min-zoomed-font-size': 7,
      width: 22,
      height: 22,
    },
  },
  { selector: 'node[soort = "organisatie"]', style: { shape: 'round-rectangle', 'background-color': BLAUW, width: 30, height: 30 } },
  {
    selector: 'node[soort = "applicatie"]',
    style: { shape: 'ellipse', 'background-color': '#d6e4f0', 'border-width': 2, 'border-color': BLAUW },
  },
  {
    selector: 'node[soort = "voorziening"]',
    style: { shape: 'hexagon', 'background-color': '#f9dfbe', 'border-width': 2, 'border-color': ORANJE },
  },
  {
    selector: 'edge',
    style: { width: 2, 'curve-style': 'bezier', 'line-color': GRIJS, 'target-arrow-color': GRIJS, 'source-arrow-color': GRIJS },
  },
  { selector: 'edge[soort = "gebruikt"]', style: { width: 1, 'line-style': 'dotted', 'line-color': '#94a3b8' } },
  {
    selector: 'edge[vertrouwelijkheid = "midden"]',
    style: { 'line-color': ORANJE, 'target-arrow-color': ORANJE, 'source-arrow-color': ORANJE },
  },
  {
    selector: 'edge[vertrouwelijkheid = "hoog"]',
    style: { width: 3, 'line-color': ROOD, 'target-arrow-color': ROOD, 'source-arrow-color': ROOD },
  },
  { selector: 'edge[?persoonsgegevens]', style: { 'line-style': 'dashed' } },
  { selector: 'edge[pijl = "doel"], edge[pijl = "beide"]', style: { 'target-arrow-shape': 'triangle' } },
  { selector: 'edge[pijl = "bron"], edge[pijl = "beide"]', style: { 'source-arrow-shape': 'triangle' } },
  {
    selector: ':selected',
    style: { 'overlay-color': '#000', 'overlay-opacity': 0.15, 'overlay-padding': 6, 'border-width': 4, 'border-color': '#000' },
  },
]

// Large graphs: few selectors (each is matched against every element when the graph
// is built), straight "haystack" edges without arrows or dashes, and a name only on the
// selected node (the panel and the table have them all). Measuring 2 000 labels and
// routing 8 000 bezier edges is what made each frame slow; the legend below the graph
// explains the colours either way.
const STIJL_GROOT: StylesheetJson = [
  { selector: 'node', style: { width: 22, height: 22, 'background-color': '#d6e4f0', 'border-width': 2, 'border-color': BLAUW } },
  { selector: 'node[soort = "organisatie"]', style: { shape: 'round-rectangle', 'background-color': BLAUW, width: 30, height: 30 } },
  { selector: 'node[soort = "voorziening"]', style: { shape: 'hexagon', 'background-color': '#f9dfbe', 'border-color': ORANJE } },
  { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, 'line-color': GRIJS } },
  { selector: 'edge[soort = "gebruikt"]', style: { 'line-color': '#cbd5e1' } },
  { selector: 'edge[vertrouwelijkheid = "midden"]', style: { 'line-color': ORANJE } },
  { selector: 'edge[vertrouwelijkheid = "hoog"]', style: { width: 2, 'line-color': ROOD } },
  {
    selector: ':selected',
    style: {
      label: 'data(naam)',
      'font-size': 14,
      'overlay-color': '#000',
      'overlay-opacity': 0.15,
      'border-width': 4,
      'border-color': '#000',
    },
  },
]

const pijl = (richting: string | undefined, deel: 'heel' | 'eerste' | 'tweede') => {
  if (richting === 'bidirectioneel') return 'beide'
  if (richting === 'B→A') return deel === 'tweede' ? 'geen' : 'bron'
  return deel === 'eerste' ? 'geen' : 'doel'
}

/** Cytoscape elements: nodes, and a koppeling via an intermediary as two edges. */
export function elementen(l: Landschap): ElementDefinition[] {
  const out: ElementDefinition[] = l.knopen.map((k) => ({ group: 'nodes', data: { id: k.id, naam: k.naam, soort: k.soort } }))
  for (const v of l.verbindingen) {
    if (v.soort === 'gebruikt') {
      out.push({ group: 'edges', data: { id: `g:${v.bron}:${v.doel}`, source: v.bron, target: v.doel, soort: 'gebruikt' } })
      continue
    }
    const data = {
      soort: 'koppeling',
      koppelingId: v.koppelingId,
      vertrouwelijkheid: v.vertrouwelijkheid,
      persoonsgegevens: v.persoonsgegevens,
    }
    if (v.via) {
      out.push({
        group: 'edges',
        data: { ...data, id: `k:${v.koppelingId}:1`, source: v.bron, target: v.via, pijl: pijl(v.richting, 'eerste') },
      })
      out.push({
        group: 'edges',
        data: { ...data, id: `k:${v.koppelingId}:2`, source: v.via, target: v.doel, pijl: pijl(v.richting, 'tweede') },
      })
    } else {
      out.push({
        group: 'edges',
        data: { ...data, id: `k:${v.koppelingId}`, source: v.bron, target: v.doel, pijl: pijl(v.richting, 'heel') },
      })
    }
  }
  return out
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

function metPosities(els: ElementDefinition[], p: Map<string, { x: number; y: number }>): ElementDefinition[] {
  for (const el of els) {
    const pos = el.group === 'nodes' && el.data.id ? p.get(el.data.id) : undefined
    if (pos) el.position = pos
  }
  return els
}

function layout(l: Landschap): LayoutOptions {
  if (l.knopen.length > GROOT) {
    // The nodes carry their positions (see `posities`).
    return { name: 'preset', fit: true, padding: 20, animate: false }
  }
  return {
    name: 'cose',
    animate: false,
    randomize: true,
    numIter: 800,
    nodeRepulsion: () => 12_000,
    idealEdgeLength: () => 70,
    componentSpacing: 60,
  } as LayoutOptions
}

interface Props {
  data: Landschap
  selectie?: Selectie
  /** Set when the selection came from elsewhere (list, table, URL): then the graph centres on it. */
  centreer: boolean
  onSelect(s: Selectie | undefined): void
  label: string
}

export function Graaf({ data, selectie, centreer, onSelect, label }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const [cy, setCy] = useState<Core>()
  const onSelectRef = useRef(onSelect)
  onSelectRef.current = onSelect

  useEffect(() => {
    let instance: Core | undefined
    let cancelled = false
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !ref.current) return
      const groot = data.knopen.length > GROOT
      instance = cytoscape({
        container: ref.current,
        elements: groot ? metPosities(elementen(data), posities(data)) : elementen(data),
        style: groot ? STIJL_GROOT : STIJL,
        layout: layout(data),
        hideEdgesOnViewport: groot,
        textureOnViewport: groot,
        pixelRatio: groot ? 1 : 'auto',
        minZoom: 0.02,
        maxZoom: 4,
        wheelSensitivity: 0.3,
        boxSelectionEnabled: false,
        autoungrabify: groot,
      })
      instance.on('tap', 'node', (e) => onSelectRef.current({ soort: 'knoop', id: e.target.id() }))
      instance.on('tap', 'edge[soort = "koppeling"]', (e) => onSelectRef.current({ soort: 'koppeling', id: e.target.data('koppelingId') }))
      instance.on('tap', (e) => {
        if (e.target === instance) onSelectRef.current(undefined)
      })
      setCy(instance)
    })
    return () => {
      cancelled = true
      instance?.destroy()
      setCy(undefined)
    }
  }, [data])

  useEffect(() => {
    if (!cy) return
    cy.batch(() => {
      cy.elements(':selected').unselect()
      if (!selectie) return
      const els = selectie.soort === 'knoop' ? cy.getElementById(selectie.id) : cy.edges(`[koppelingId = "${selectie.id}"]`)
      els.select()
      if (!centreer || els.empty()) return
      // Only move the view when the selection is out of sight: a jump is disorienting.
      const bb = els.renderedBoundingBox()
      if (bb.x1 < 0 || bb.y1 < 0 || bb.x2 > cy.width() || bb.y2 > cy.height()) cy.center(els)
    })
  }, [cy, selectie, centreer])

  return (
    <>
      <span id={CYTOSCAPE_STYLESHEET_ID} hidden />
      <div ref={ref} className="rk-graaf" role="img" aria-label={label} data-klaar={cy ? 'ja' : 'nee'} />
    </>
  )
}
