import { type Kysely, sql } from 'kysely'

// TRUNCATE bypasses row triggers: forbid it on the audit log as well.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TRIGGER auditlog_no_truncate BEFORE TRUNCATE ON auditlog
      FOR EACH STATEMENT EXECUTE FUNCTION auditlog_append_only();
  `.execute(db)
}
