import type { Database } from '../db/database.js'
import { declaraties } from '../db/repos/declaraties.js'
import type { Taal } from '../domain/taal.js'
import { declaratiePdf } from '../io/declaratie-pdf.js'
import type { Declaratie } from '../schemas/declaraties.js'

// The PDF of a declaratie as it is sent, for the API and the CLI alike: with the sender's
// payment details as recorded when it was made final (a concept: the present ones), so a
// numbered declaratie prints the same IBAN and due date however often it is exported.
// The caller has already read `d`, so it may see the payment details printed on it.

export async function declaratieDocument(db: Database, d: Declaratie, taal: Taal = 'nl'): Promise<Buffer> {
  return declaratiePdf(d, { taal, afzender: await declaraties.betaalgegevens(db, d.id) })
}
