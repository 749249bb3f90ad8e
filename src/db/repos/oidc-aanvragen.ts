import type { Database } from '../database.js'

// Sign-ins started at an OpenID provider and not yet finished: state, nonce and PKCE
// verifier, found by the hash of a random value in the browser's cookie.

type AanvraagTabel = {
  oidc_aanvraag: { sleutel_hash: string; state: string; nonce: string; code_verifier: string; verloopt_op: Date }
}

export interface OidcAanvraag {
  state: string
  nonce: string
  codeVerifier: string
  verlooptOp: Date
}

const tabel = (db: Database) => db.withTables<AanvraagTabel>()

export const oidcAanvragen = {
  /** Stores a new attempt and drops the expired ones. */
  async create(db: Database, sleutelHash: string, a: OidcAanvraag): Promise<void> {
    await tabel(db).deleteFrom('oidc_aanvraag').where('verloopt_op', '<', new Date()).execute()
    await tabel(db)
      .insertInto('oidc_aanvraag')
      .values({ sleutel_hash: sleutelHash, state: a.state, nonce: a.nonce, code_verifier: a.codeVerifier, verloopt_op: a.verlooptOp })
      .execute()
  },

  /** Takes the attempt out as it reads it: a callback can be used once. */
  async take(db: Database, sleutelHash: string): Promise<OidcAanvraag | undefined> {
    const row = await tabel(db).deleteFrom('oidc_aanvraag').where('sleutel_hash', '=', sleutelHash).returningAll().executeTakeFirst()
    if (!row) return undefined
    return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, verlooptOp: new Date(row.verloopt_op) }
  },
}
