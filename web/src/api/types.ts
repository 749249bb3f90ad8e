// The API's own types (TypeBox schemas in src/schemas), imported as types only:
// the UI and the server cannot drift apart, and nothing of the server is bundled.
import type { Static } from 'typebox'
import type { Paginering as PagineringSchema } from '../../../src/schemas/common'

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

export type Paginering = Static<typeof PagineringSchema>

export interface Lijst<T> {
  resultaten: T[]
  paginering: Paginering
}

export type Actie = 'wijzigen' | 'verwijderen'

export interface Roltoekenning {
  organisatieId?: string
  rol: string
}

export interface Gebruiker {
  id: string
  gebruikersnaam: string
  naam: string
  email?: string
  actief: boolean
  rollen: Roltoekenning[]
  [key: string]: unknown
}

export type Objecttype = 'organisatie' | 'samenwerking' | 'gastheerschap' | 'applicatie' | 'koppeling'

export interface Ik {
  gebruiker: Gebruiker
  via: string
  csrfToken?: string
  rechten: {
    auditlogLezen: boolean
    gebruikersBeheren: boolean
    aanmaken: Record<Objecttype, boolean>
  }
}

export interface OidcInfo {
  ingeschakeld: boolean
  inloggenUrl?: string
}
