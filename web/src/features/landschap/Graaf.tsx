import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape'
import { useEffect, useRef, useState } from 'react'
import type { Landschap, Selectie } from './model'
import { GROOT, MAAT, tekening } from './tekening'

// The cytoscape canvas. Cytoscape is imported here only (dynamically), so it loads with
// this page and never with the shell. What it draws and where comes from tekening.ts
// (the same elements the tables count), with fixed positions: the same landschap looks
// the same on every visit. Above GROOT nodes the renderer takes its shortcuts while
// panning, so 2 000 nodes stay responsive.

export { GROOT }

// Cytoscape prepends an inline <style> (position: relative for its container) unless
// an element with this id exists; the UI's CSP forbids inline styles, so this page
// renders an empty element with that id and its own stylesheet positions the container.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet'

const BLAUW = '#154273'
const ROOD = '#a4000f'
const ORANJE = '#a33d00'
const GRIJS = '#5b6b7c'

// What an impact analysis highlights (prop `geraakt`): the rest fades, the affected nodes
// get a thick ring and the affected koppelingen a thick line, above the others.
const MARKERING: StylesheetJson = [
  { selector: '.gedimd', style: { opacity: 0.25 } },
  { selector: 'node.geraakt', style: { 'border-width': 5, 'border-color': '#ca005d', 'font-weight': 'bold' } },
  {
    selector: 'edge.geraakt',
    style: { width: 5, 'z-index': 10, 'line-color': '#ca005d', 'target-arrow-color': '#ca005d', 'source-arrow-color': '#ca005d' },
  },
]

const STIJL: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(naam)',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': `${MAAT.naamBreedte}px`,
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
  // A line between two nodes in one column bends around the nodes between them.
  {
    selector: 'edge[kromming]',
    style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': 'data(kromming)', 'control-point-weights': 0.5 },
  },
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
  ...MARKERING,
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
  ...MARKERING,
]

interface Props {
  data: Landschap
  selectie?: Selectie
  /** Set when the selection came from elsewhere (list, table, URL): then the graph centres on it. */
  centreer: boolean
  onSelect(s: Selectie | undefined): void
  label: string
  /** Optional: the nodes and koppelingen to highlight (an impact analysis); everything else fades. */
  geraakt?: { knopen: ReadonlySet<string>; koppelingen: ReadonlySet<string> }
}

export function Graaf({ data, selectie, centreer, onSelect, label, geraakt }: Props) {
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
        elements: tekening(data) as ElementDefinition[],
        style: groot ? STIJL_GROOT : STIJL,
        layout: { name: 'preset', fit: true, padding: 30, animate: false },
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

  useEffect(() => {
    if (!cy) return
    cy.batch(() => {
      cy.elements().removeClass('geraakt gedimd')
      if (!geraakt) return
      cy.nodes().forEach((n) => {
        n.addClass(geraakt.knopen.has(n.id()) ? 'geraakt' : 'gedimd')
      })
      cy.edges().forEach((e) => {
        const k = e.data('koppelingId') as string | undefined
        if (k && geraakt.koppelingen.has(k)) e.addClass('geraakt')
        // Use between two affected nodes stays as it is: it shows who uses what was lost.
        else if (!(geraakt.knopen.has(e.source().id()) && geraakt.knopen.has(e.target().id()))) e.addClass('gedimd')
      })
    })
  }, [cy, geraakt])

  return (
    <>
      <span id={CYTOSCAPE_STYLESHEET_ID} hidden />
      <div ref={ref} className="rk-graaf" role="img" aria-label={label} data-klaar={cy ? 'ja' : 'nee'} />
    </>
  )
}
