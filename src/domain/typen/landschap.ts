import type { BivNiveau } from '../vocabulary.js'

// The landschap graph and the koppeling counts as the domain builds them
// (../landschap.ts). The TypeBox schema module of the same name describes the same
// shapes for the API, and fails the type check when the two drift apart.

export const KNOOP_SOORTEN = ['organisatie', 'applicatie', 'voorziening'] as const
export type KnoopSoort = (typeof KNOOP_SOORTEN)[number]

export type Knoop = {
  /** The organisation's or applicatie's UUID, or `voorziening:<name in lower case>`. */
  id: string
  soort: KnoopSoort
  naam: string
  /** An organisation's type. */
  type?: string
  /** An applicatie's lifecycle status. */
  status?: string
}

export type Verbinding = {
  /** A koppeling between applicaties, or an organisation using an applicatie. */
  soort: 'koppeling' | 'gebruikt'
  bron: string
  doel: string
  via?: string
  koppelingId?: string
  naam?: string
  richting?: string
  vertrouwelijkheid?: BivNiveau
  persoonsgegevens?: boolean
  status?: string
}

export type Landschap = {
  knopen: Knoop[]
  verbindingen: Verbinding[]
}

export type KoppelingTelling = {
  totaal: number
  persoonsgegevens: number
  vertrouwelijkheid: Record<BivNiveau, number>
}
