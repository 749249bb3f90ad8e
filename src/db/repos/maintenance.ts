import { sql } from 'kysely'
import type { Database } from '../database.js'

export async function pingDatabase(db: Database): Promise<void> {
  await sql`SELECT 1`.execute(db)
}

/**
 * Refreshes planner statistics. PostgreSQL's autovacuum does this by itself; PGlite
 * never does, and without statistics its planner picks plans that read whole tables.
 */
export async function analyzeDatabase(db: Database): Promise<void> {
  await sql`ANALYZE`.execute(db)
}

export const CHANGE_CHANNEL = 'regiekamer_wijziging'

/** Tells other processes, on commit, that registry data changed. */
export async function notifyChange(trx: Database): Promise<void> {
  await sql`SELECT pg_notify(${CHANGE_CHANNEL}, '')`.execute(trx)
}
