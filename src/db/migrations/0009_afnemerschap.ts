import { type Kysely, sql } from 'kysely'

// Issue 10, item 4 elsewhere: naming a gemeente as afnemer of a gastheerschap must not
// widen what the gastheer sees of it (its measures in a verdeling) nor what it sees of
// the gastheer. Like a samenwerking lid (0007), an afnemer shares and takes part in the
// costs only once its own organisation confirmed (or someone who may speak for it made
// it), so gastheerschap_afnemer records when and by whom. Afnemers that exist already
// were named under the old rule by people trusted with them: they count as confirmed,
// so no installation loses what it sees or allocates today.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE gastheerschap_afnemer ADD COLUMN bevestigd_op timestamptz;
    ALTER TABLE gastheerschap_afnemer ADD COLUMN bevestigd_door text;
    UPDATE gastheerschap_afnemer SET bevestigd_op = now(), bevestigd_door = 'migratie 0009';
    CREATE INDEX gastheerschap_afnemer_bevestigd ON gastheerschap_afnemer (organisatie_id, gastheerschap_id) WHERE bevestigd_op IS NOT NULL;
  `.execute(db)
}
