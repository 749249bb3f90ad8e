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

// Large graphs: straight "haystack" edges (no curve or arrow geometry per edge) and
// solid lines, labels only once zoomed in; measuring 2 000 labels and routing 8 000 bezier edges is
// what made each frame slow.
const STIJL_GROOT: StylesheetJson = [
  ...STIJL,
  { selector: 'node', style: { 'min-zoomed-font-size': 14, 'text-wrap': 'none' } },
  // Dashed and dotted lines are drawn segment by segment: far slower than solid ones.
  { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, 'line-style': 'solid' } },
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

function layout(n: number): LayoutOptions {
  if (n > GROOT) {
    // Rings by degree: the busiest nodes (organisations, hubs) in the middle, and many
    // rings instead of one huge circle, so the whole graph fits the view at a usable zoom.
    return {
      name: 'concentric',
      animate: false,
      concentric: (node) => node.degree(false),
      levelWidth: (nodes) => Math.max(1, nodes.maxDegree(false) / 12),
      minNodeSpacing: 4,
      avoidOverlap: false,
    }
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
        elements: elementen(data),
        style: groot ? STIJL_GROOT : STIJL,
        layout: layout(data.knopen.length),
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
