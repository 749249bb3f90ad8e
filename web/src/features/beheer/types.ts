import type { Static } from 'typebox'
import type * as schema from '../../../../src/schemas/toegang'
import type { Gebruiker } from '../../api/types'

// The shapes of src/schemas/toegang.ts as the UI reads them.

/** GET /gebruikers/{id}: the schema's Gebruiker already has revisie and the timestamps. */
export type GebruikerDetail = Gebruiker
export type ApiToken = Static<typeof schema.ApiToken>
/** With the secret itself: shown once, never again. */
export type NieuwApiToken = Static<typeof schema.NieuwApiToken>
