import { type Kysely, sql } from 'kysely'

// Issue 10: declaring a samenwerking must not widen its maker's view. A lid grants
// visibility only once confirmed by its own organisation (or made by someone who may
// speak for it), so samenwerking_lid records when and by whom. Memberships that exist
// already were made under the old rule by people trusted with them: they count as
// confirmed, so no installation loses what it sees today.
//
// A non-gemeente organisation (a supplier) is kept by the organisations whose beheerder
// registered it: `geregistreerd_door` holds them (empty for those made by an admin, the
// CLI or the demo seed, which only an admin then changes).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE samenwerking_lid ADD COLUMN bevestigd_op timestamptz;
    ALTER TABLE samenwerking_lid ADD COLUMN bevestigd_door text;
    UPDATE samenwerking_lid SET bevestigd_op = now(), bevestigd_door = 'migratie 0007';
    CREATE INDEX samenwerking_lid_bevestigd ON samenwerking_lid (organisatie_id, samenwerking_id) WHERE bevestigd_op IS NOT NULL;
    ALTER TABLE organisatie ADD COLUMN geregistreerd_door uuid[] NOT NULL DEFAULT '{}';
  `.execute(db)
}
