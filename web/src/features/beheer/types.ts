import type { Gebruiker } from '../../api/types'

// The shapes of src/schemas/toegang.ts as the UI reads them.

export interface GebruikerDetail extends Gebruiker {
  revisie: number
  laatstIngelogdOp?: string
  aangemaaktOp: string
  gewijzigdOp: string
}

export interface ApiToken {
  id: string
  naam: string
  voorvoegsel: string
  scopes: string[]
  verlooptOp: string
  laatstGebruiktOp?: string
  ingetrokkenOp?: string
  aangemaaktOp: string
}

export interface NieuwApiToken extends ApiToken {
  /** The secret itself: shown once, never again. */
  token: string
}
