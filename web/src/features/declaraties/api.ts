// The declaratie shapes as the API sends them (GET /declaraties, /declaraties/{id},
// POST /declaraties/_genereren, GET /declaraties/{id}/correctievoorstel): the server's own
// types (src/schemas/declaraties.ts), and this feature's query keys.

import { PERIODE_PATTERN } from '../../../../src/domain/periode'
import { DECLARATIE_STATUSSEN, type DeclaratieStatus } from '../../../../src/domain/vocabulary'
import type {
  CorrectieVoorstel,
  Declaratie,
  DeclaratieRegel,
  DeclaratieSamenvatting,
  GenereerResultaat,
} from '../../../../src/schemas/declaraties'

export type { CorrectieVoorstel, Declaratie, DeclaratieRegel, DeclaratieSamenvatting, DeclaratieStatus, GenereerResultaat }

export const STATUSSEN = DECLARATIE_STATUSSEN
export type DeclaratieActie = NonNullable<DeclaratieSamenvatting['toegestaneActies']>[number]

export const DECLARATIES_KEY = ['declaraties'] as const
/** The server's rule (years 1900–2200 included), so the form says what the API would. */
export const PERIODE = new RegExp(PERIODE_PATTERN)
