import { type Kysely, sql } from 'kysely'

// Background work (src/jobs/): one row per run of a job. A row is open until
// `afgerond_op` is set; at most one open row per job and key, so enqueueing is an insert
// that does nothing when that run is already waiting or running. A runner claims a due
// row by setting `vergrendeld_op`/`vergrendeld_door`; a runner that dies leaves that
// lock behind, and a sweep frees it once it is older than a limit. Finished rows stay a
// while as the record of what ran and how it ended.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE achtergrondtaak (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      naam text NOT NULL,
      sleutel text NOT NULL DEFAULT '',
      uitvoeren_op timestamptz NOT NULL,
      pogingen integer NOT NULL DEFAULT 0,
      max_pogingen integer NOT NULL CHECK (max_pogingen > 0),
      vergrendeld_op timestamptz,
      vergrendeld_door text,
      resultaat text CHECK (resultaat IN ('geslaagd', 'mislukt', 'overgeslagen')),
      melding text,
      aangemaakt_op timestamptz NOT NULL,
      afgerond_op timestamptz,
      CHECK ((vergrendeld_op IS NULL) = (vergrendeld_door IS NULL)),
      CHECK (afgerond_op IS NULL OR (vergrendeld_op IS NULL AND resultaat IS NOT NULL))
    );
    CREATE UNIQUE INDEX achtergrondtaak_open_sleutel ON achtergrondtaak (naam, sleutel) WHERE afgerond_op IS NULL;
    CREATE INDEX achtergrondtaak_te_doen ON achtergrondtaak (uitvoeren_op) WHERE afgerond_op IS NULL;
    CREATE INDEX achtergrondtaak_naam_sleutel ON achtergrondtaak (naam, sleutel);
  `.execute(db)
}
