import { type Kysely, sql } from 'kysely'

// Issue 10: a verdeelsleutel without a samenwerking or gastheerschap is visible to and
// usable by everyone, so other organisations' kostenposten may rely on it. Like a
// supplier (0007), it is kept by the organisations whose regisseur made it (and an
// admin), no longer by any regisseur. Keys that exist already have no maker on record:
// only an admin changes those (a key with a scope is kept by that scope, as before).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE verdeelsleutel ADD COLUMN geregistreerd_door uuid[] NOT NULL DEFAULT '{}'`.execute(db)
}
