// The API's own types (TypeBox schemas in src/schemas), imported as types only:
// the UI and the server cannot drift apart, and nothing of the server is bundled.
import type { Static } from 'typebox'
import type { Paginering as PagineringSchema } from '../../../src/schemas/common'
import type * as schema from '../../../src/schemas/toegang'

export type {
  Applicatie,
  ApplicatieInvoer,
  Gastheerschap,
  GastheerschapInvoer,
  Koppeling,
  KoppelingInvoer,
  Organisatie,
  OrganisatieInvoer,
  Samenwerking,
  SamenwerkingInvoer,
} from '../../../src/schemas/registry'
export type { Bewijsstuk, Contract, Herbeoordeling, Toegang } from '../../../src/schemas/vertrouwen'

export type Paginering = Static<typeof PagineringSchema>

export interface Lijst<T> {
  resultaten: T[]
  paginering: Paginering
}

export type Actie = 'wijzigen' | 'verwijderen'

export type Roltoekenning = Static<typeof schema.Roltoekenning>

/** A user as the API sends it; its roles are a schema reference there, so typed here. */
export type Gebruiker = Omit<Static<typeof schema.Gebruiker>, 'rollen'> & { rollen: Roltoekenning[] }

export type Objecttype =
  | 'organisatie'
  | 'samenwerking'
  | 'gastheerschap'
  | 'applicatie'
  | 'koppeling'
  | 'bewijsstuk'
  | 'contract'
  | 'toegang'

/** GET /_ik: who is signed in and what they may do. */
export type Ik = Omit<Static<typeof schema.Ik>, 'gebruiker'> & { gebruiker: Gebruiker }

export interface OidcInfo {
  ingeschakeld: boolean
  inloggenUrl?: string
}
