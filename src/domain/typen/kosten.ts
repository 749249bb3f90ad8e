import type { BtwRegime } from '../betaling.js'
import type { KostenCategorie, KostenSoort } from '../vocabulary.js'

// The inputs of the four stored cost objects, as the cost rules read them. The TypeBox
// schema module of the same name describes the same shapes, and fails the type check
// when the two drift apart. Arrays are mutable here, as the validated body is: the
// allocation engine's own types (verdeling/types.ts) take them read-only. This module
// imports no engine code: the web UI's stricter type check reads it.

/** A percentage or weight: a number or a decimal string ('33.33'), as verdeling/types.ts `Getal`. */
type Getal = number | string

export type EnkeleRegelInvoer =
  | { soort: 'inwoners' }
  | { soort: 'maatstaf'; maatstaf: string }
  | { soort: 'gelijke delen' }
  | { soort: 'vast percentage'; percentages: { deelnemerId: string; percentage: Getal }[] }
  | { soort: 'volledig afnemer'; deelnemerId: string }

export type RegelInvoer = EnkeleRegelInvoer | { soort: 'mix'; componenten: { aandeel: Getal; regel: EnkeleRegelInvoer }[] }

export type VerdeelsleutelInvoer = {
  naam: string
  omschrijving?: string
  samenwerkingId?: string
  gastheerschapId?: string
  versies: { geldigVanaf: number; regel: RegelInvoer }[]
  toelichting?: string
}

export type KostenpostInvoer = {
  omschrijving: string
  gastheerschapId?: string
  samenwerkingId?: string
  gemaaktDoorId?: string
  applicatieId?: string
  periode: string
  soort: KostenSoort
  categorie: KostenCategorie
  /** Euro cents. */
  begroting?: number
  /** Euro cents. */
  realisatie?: number
  verdeelsleutelId: string
  bron?: string
  toelichting?: string
  btw?: BtwRegime
}

export type MaatstafwaardeInvoer = {
  organisatieId: string
  maatstaf: string
  jaar: number
  waarde: number
  bron?: string
}

export type ReferentiewaardeInvoer = {
  naam: string
  jaar: number
  /** Euro cents. */
  kostenPerInwoner?: number
  /** Euro cents. */
  kostenPerWerkplek?: number
  bron?: string
  toelichting?: string
}
