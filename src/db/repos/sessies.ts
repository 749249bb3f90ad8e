import { sql } from 'kysely'
import type { Database } from '../database.js'

// Server-side sessions, looked up by the hash of the cookie's token.

export interface Sessie {
  gebruikerId: string
  csrfToken: string
  aangemaaktOp: Date
  laatstGebruiktOp: Date
  verlooptOp: Date
}

export const sessies = {
  async create(
    db: Database,
    s: { tokenHash: string; gebruikerId: string; csrfToken: string; herkomst: string; verlooptOp: Date },
  ): Promise<void> {
    await db
      .insertInto('sessie')
      .values({
        token_hash: s.tokenHash,
        gebruiker_id: s.gebruikerId,
        csrf_token: s.csrfToken,
        herkomst: s.herkomst,
        verloopt_op: s.verlooptOp,
      })
      .execute()
  },

  async find(db: Database, tokenHash: string): Promise<Sessie | undefined> {
    const row = await db
      .selectFrom('sessie')
      .innerJoin('gebruiker', 'gebruiker.id', 'sessie.gebruiker_id')
      .select(['sessie.gebruiker_id', 'sessie.csrf_token', 'sessie.aangemaakt_op', 'sessie.laatst_gebruikt_op', 'sessie.verloopt_op'])
      .where('sessie.token_hash', '=', tokenHash)
      .where('gebruiker.actief', '=', true)
      .executeTakeFirst()
    if (!row) return undefined
    return {
      gebruikerId: row.gebruiker_id,
      csrfToken: row.csrf_token,
      aangemaaktOp: new Date(row.aangemaakt_op as unknown as Date),
      laatstGebruiktOp: new Date(row.laatst_gebruikt_op as unknown as Date),
      verlooptOp: new Date(row.verloopt_op as unknown as Date),
    }
  },

  async touch(db: Database, tokenHash: string): Promise<void> {
    await db.updateTable('sessie').set({ laatst_gebruikt_op: sql`now()` }).where('token_hash', '=', tokenHash).execute()
  },

  async remove(db: Database, tokenHash: string): Promise<void> {
    await db.deleteFrom('sessie').where('token_hash', '=', tokenHash).execute()
  },

  async removeAllFor(db: Database, gebruikerId: string): Promise<void> {
    await db.deleteFrom('sessie').where('gebruiker_id', '=', gebruikerId).execute()
  },
}
