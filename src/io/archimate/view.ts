import type {
  ArchimateElement,
  ArchimateRelatie,
  ArchimateView,
  ArchimateViewKnoop,
  ArchimateViewVerbinding,
} from '../../domain/interop/archimate-model.js'

// One generated view, so Archi opens an exported model with a picture: business actors
// in a row at the top, application components in a grid below, every other element in a
// grid after those, and a connection for every relationship between two drawn elements.
// Pure arithmetic, linear in the number of elements and relationships.

export const KNOOP_BREEDTE = 120
export const KNOOP_HOOGTE = 55
export const TUSSENRUIMTE = 40

/** Identifiers `<voorvoegsel>-<n>` that no element or relationship of the model already uses. */
function nummering(voorvoegsel: string, bezet: ReadonlySet<string>) {
  let n = 0
  return () => {
    let id: string
    do id = `${voorvoegsel}-${++n}`
    while (bezet.has(id))
    return id
  }
}

const rijen = (aantal: number, kolommen: number) => Math.ceil(aantal / kolommen)

export function genereerView(elementen: readonly ArchimateElement[], relaties: readonly ArchimateRelatie[], naam: string): ArchimateView {
  const bezet = new Set<string>()
  for (const e of elementen) bezet.add(e.id)
  for (const r of relaties) bezet.add(r.id)
  const viewId = nummering('v', bezet)()
  const knoopId = nummering('n', bezet)
  const verbindingId = nummering('c', bezet)

  const actoren = elementen.filter((e) => e.type === 'BusinessActor')
  const componenten = elementen.filter((e) => e.type === 'ApplicationComponent')
  const overige = elementen.filter((e) => e.type !== 'BusinessActor' && e.type !== 'ApplicationComponent')

  const knopen: ArchimateViewKnoop[] = []
  const knoopVan = new Map<string, string>()
  const stapX = KNOOP_BREEDTE + TUSSENRUIMTE
  const stapY = KNOOP_HOOGTE + TUSSENRUIMTE
  let y = TUSSENRUIMTE

  /** Draws a group in `kolommen` columns from row y on; returns the y below it. */
  const teken = (groep: readonly ArchimateElement[], kolommen: number) => {
    if (groep.length === 0) return y
    groep.forEach((e, i) => {
      if (knoopVan.has(e.id)) return
      const id = knoopId()
      knoopVan.set(e.id, id)
      knopen.push({
        id,
        elementId: e.id,
        x: TUSSENRUIMTE + (i % kolommen) * stapX,
        y: y + Math.floor(i / kolommen) * stapY,
        breedte: KNOOP_BREEDTE,
        hoogte: KNOOP_HOOGTE,
      })
    })
    return y + rijen(groep.length, kolommen) * stapY + TUSSENRUIMTE
  }
  y = teken(actoren, Math.max(1, actoren.length))
  y = teken(componenten, Math.max(1, Math.ceil(Math.sqrt(componenten.length))))
  y = teken(overige, Math.max(1, Math.ceil(Math.sqrt(overige.length))))

  // Only relationships between two drawn elements: a connection may refer to drawn nodes only.
  const verbindingen: ArchimateViewVerbinding[] = []
  for (const r of relaties) {
    const bronKnoop = knoopVan.get(r.bron)
    const doelKnoop = knoopVan.get(r.doel)
    if (bronKnoop && doelKnoop) verbindingen.push({ id: verbindingId(), relatieId: r.id, bronKnoop, doelKnoop })
  }
  return { id: viewId, naam, knopen, verbindingen }
}
