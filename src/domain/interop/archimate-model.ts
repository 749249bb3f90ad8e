// The part of an ArchiMate Model Exchange File (Open Group, namespace
// http://www.opengroup.org/xsd/archimate/3.0/) that Regiekamer reads and writes: elements,
// relationships with their properties (property definitions resolved to their names),
// and on export one generated view. Line numbers point a person at the place in the file.

export const ARCHIMATE_NAMESPACE = 'http://www.opengroup.org/xsd/archimate/3.0/'
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance'

/** A property on an element, relationship or the model: the name of its propertyDefinition and its value. */
export interface ArchimateEigenschap {
  naam: string
  waarde: string
}

export interface ArchimateElement {
  /** The file's identifier (xs:ID). */
  id: string
  /** xsi:type without prefix, e.g. "ApplicationComponent", "BusinessActor", "ApplicationInterface". */
  type: string
  naam: string
  documentatie?: string
  eigenschappen: ArchimateEigenschap[]
  /** Line of the opening tag in the file (1-based); absent for a model built in memory. */
  regel?: number
}

export interface ArchimateRelatie {
  id: string
  /** xsi:type without prefix, e.g. "Flow", "Serving", "Triggering", "Realization", "Association". */
  type: string
  bron: string
  doel: string
  naam?: string
  documentatie?: string
  eigenschappen: ArchimateEigenschap[]
  regel?: number
}

/** A node of a generated view: one element drawn at x, y with width and height. */
export interface ArchimateViewKnoop {
  id: string
  elementId: string
  x: number
  y: number
  breedte: number
  hoogte: number
}

/** A connection of a generated view: one relationship drawn between two nodes. */
export interface ArchimateViewVerbinding {
  id: string
  relatieId: string
  bronKnoop: string
  doelKnoop: string
}

export interface ArchimateView {
  id: string
  naam: string
  knopen: ArchimateViewKnoop[]
  verbindingen: ArchimateViewVerbinding[]
}

export interface ArchimateModel {
  id: string
  naam: string
  documentatie?: string
  eigenschappen: ArchimateEigenschap[]
  elementen: ArchimateElement[]
  relaties: ArchimateRelatie[]
  /** Read files: the views are not read (Regiekamer draws its own); written files: the generated view(s). */
  views: ArchimateView[]
}
