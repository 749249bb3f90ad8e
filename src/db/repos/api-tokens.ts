import { sql } from 'kysely'
import type { TokenScope } from '../../domain/vocabulary.js'
import type { Database } from '../database.js'

// API tokens for scripts and integrations; only their hash is stored.

export interface ApiToken {
  id: string
  naam: string
  voorvoegsel: string
  scopes: TokenScope[]
  verlooptOp: string
  laatstGebruiktOp?: string
  ingetrokkenOp?: string
  aangemaaktOp: string
}

function toToken(r: Record<string, unknown>): ApiToken {
  const iso = (v: unknown) => (v ? new Date(v as Date).toISOString() : undefined)
  return {
    id: r.id as string,
    naam: r.naam as string,
    voorvoegsel: r.voorvoegsel as string,
    scopes: r.scopes as TokenScope[],
    verlooptOp: iso(r.verloopt_op) as string,
    ...(r.laatst_gebruikt_op ? { laatstGebruiktOp: iso(r.laatst_gebruikt_op) } : {}),
    ...(r.ingetrokken_op ? { ingetrokkenOp: iso(r.ingetrokken_op) } : {}),
    aangemaaktOp: iso(r.aangemaakt_op) as string,
  }
}

export const apiTokens = {
  async create(
    db: Database,
    t: { gebruikerId: string; naam: string; tokenHash: string; voorvoegsel: string; scopes: TokenScope[]; verlooptOp: Date },
  ): Promise<ApiToken> {
    const row = await db
      .insertInto('api_token')
      .values({
        gebruiker_id: t.gebruikerId,
        naam: t.naam,
        token_hash: t.tokenHash,
        voorvoegsel: t.voorvoegsel,
        scopes: JSON.stringify(t.scopes),
        verloopt_op: t.verlooptOp,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toToken(row)
  },

  /** The owner and scopes of a token that is neither expired nor revoked. */
  async findValid(db: Database, tokenHash: string): Promise<{ id: string; gebruikerId: string; scopes: TokenScope[] } | undefined> {
    const row = await db
      .selectFrom('api_token')
      .innerJoin('gebruiker', 'gebruiker.id', 'api_token.gebruiker_id')
      .select(['api_token.id', 'api_token.gebruiker_id', 'api_token.scopes'])
      .where('api_token.token_hash', '=', tokenHash)
      .where('api_token.ingetrokken_op', 'is', null)
      .where('api_token.verloopt_op', '>', sql<Date>`now()`)
      .where('gebruiker.actief', '=', true)
      .executeTakeFirst()
    return row ? { id: row.id, gebruikerId: row.gebruiker_id, scopes: row.scopes as TokenScope[] } : undefined
  },

  async touch(db: Database, id: string): Promise<void> {
    await db.updateTable('api_token').set({ laatst_gebruikt_op: sql`now()` }).where('id', '=', id).execute()
  },

  async listFor(db: Database, gebruikerId: string): Promise<ApiToken[]> {
    const rows = await db
      .selectFrom('api_token')
      .selectAll()
      .where('gebruiker_id', '=', gebruikerId)
      .orderBy('aangemaakt_op', 'desc')
      .orderBy('id')
      .execute()
    return rows.map(toToken)
  },

  async revoke(db: Database, gebruikerId: string, id: string): Promise<ApiToken | undefined> {
    const row = await db
      .updateTable('api_token')
      .set({ ingetrokken_op: sql`coalesce(ingetrokken_op, now())` })
      .where('id', '=', id)
      .where('gebruiker_id', '=', gebruikerId)
      .returningAll()
      .executeTakeFirst()
    return row ? toToken(row) : undefined
  },

  /** Revokes every token of a user that is not revoked yet; returns their ids. */
  async revokeAllFor(db: Database, gebruikerId: string): Promise<string[]> {
    const rows = await db
      .updateTable('api_token')
      .set({ ingetrokken_op: sql`now()` })
      .where('gebruiker_id', '=', gebruikerId)
      .where('ingetrokken_op', 'is', null)
      .returning('id')
      .execute()
    return rows.map((r) => r.id).sort()
  },
}

export const setupLinks = {
  async create(db: Database, tokenHash: string, verlooptOp: Date): Promise<void> {
    await db.insertInto('setup_link').values({ token_hash: tokenHash, verloopt_op: verlooptOp }).execute()
  },

  /** Marks the link used; true only the first time and before it expires. */
  async use(db: Database, tokenHash: string): Promise<boolean> {
    const row = await db
      .updateTable('setup_link')
      .set({ gebruikt_op: sql`now()` })
      .where('token_hash', '=', tokenHash)
      .where('gebruikt_op', 'is', null)
      .where('verloopt_op', '>', sql<Date>`now()`)
      .returning('token_hash')
      .executeTakeFirst()
    return Boolean(row)
  },
}
