import { type Kysely, sql } from 'kysely'

// Issue 14, measured by bench/monitoring.ts: searching the monitoring overview (`zoek`,
// `naam ILIKE '%term%'` on controle) read all 10 000 controles twice per new term, once
// for the page and once for its count (EXPLAIN ANALYZE: two sequential scans, 12–21 ms
// each in PGlite). A trigram index, as 0003 gave the registry's names, serves both.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX controle_naam_trgm ON controle USING gin (naam gin_trgm_ops);
  `.execute(db)
}
