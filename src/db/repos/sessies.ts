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

  /**
   * Records a use of the session and returns it, or undefined when it is unknown, idle
   * for longer than `idleSeconds` since its last use, or past its absolute expiry. One
   * statement on the database clock: every use is stored exactly, so idle time counts
   * from the real last use, and two processes can never disagree about it.
   */
  async use(db: Database, tokenHash: string, idleSeconds: number): Promise<Sessie | undefined> {
    const row = await db
      .updateTable('sessie')
      .set({ laatst_gebruikt_op: sql`now()` })
      .where('token_hash', '=', tokenHash)
      .where('verloopt_op', '>', sql<Date>`now()`)
      .where(sql<boolean>`laatst_gebruikt_op >= now() - make_interval(secs => ${idleSeconds})`)
      .returning(['gebruiker_id', 'csrf_token', 'aangemaakt_op', 'laatst_gebruikt_op', 'verloopt_op'])
      .executeTakeFirst()
    if (!row) return undefined
    return {
      gebruikerId: row.gebruiker_id,
      csrfToken: row.csrf_token,
      aangemaaktOp: new Date(row.aangemaakt_op),
      laatstGebruiktOp: new Date(row.laatst_gebruikt_op),
      verlooptOp: new Date(row.verloopt_op),
    }
  },

  async remove(db: Database, tokenHash: string): Promise<void> {
    await db.deleteFrom('sessie').where('token_hash', '=', tokenHash).execute()
  },

  /** Ends every session of a user; returns how many there were. */
  async removeAllFor(db: Database, gebruikerId: string): Promise<number> {
    const result = await db.deleteFrom('sessie').where('gebruiker_id', '=', gebruikerId).executeTakeFirst()
    return Number(result.numDeletedRows)
  },
}
