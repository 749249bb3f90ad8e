import { type Kysely, sql } from 'kysely'

// Searching by name is `naam ILIKE '%term%'`; a leading wildcard needs trigram
// indexes, or every search (and its count) reads the whole table. pg_trgm is a
// trusted extension (PostgreSQL 13+), so the database owner may create it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX organisatie_naam_trgm ON organisatie USING gin (naam gin_trgm_ops);
    CREATE INDEX samenwerking_naam_trgm ON samenwerking USING gin (naam gin_trgm_ops);
    CREATE INDEX gastheerschap_taak_trgm ON gastheerschap USING gin (taak gin_trgm_ops);
    CREATE INDEX applicatie_naam_trgm ON applicatie USING gin (naam gin_trgm_ops);
    CREATE INDEX koppeling_naam_trgm ON koppeling USING gin (naam gin_trgm_ops);
  `.execute(db)
}
