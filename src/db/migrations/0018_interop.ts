import { type Kysely, sql } from 'kysely'

// Issue 15: GEMMA reference components become objects applicaties refer to (an application
// may fulfil several, as in the GEMMA Softwarecatalogus), instead of one free text per
// applicatie; existing texts become components, one per distinct name. Imported records
// keep their ArchiMate identifier (matched on re-import) and the file's other properties.
// A kostenpost may name the applicatie it pays for, so partners can compare what each costs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE referentiecomponent (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      naam text NOT NULL,
      gemma_id text,
      omschrijving text,
      toelichting text,
      archimate_id text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX referentiecomponent_naam_uniek ON referentiecomponent (lower(naam));
    CREATE UNIQUE INDEX referentiecomponent_gemma_id_uniek ON referentiecomponent (gemma_id);
    CREATE UNIQUE INDEX referentiecomponent_archimate_id_uniek ON referentiecomponent (archimate_id);
    CREATE INDEX referentiecomponent_naam ON referentiecomponent (lower(naam), id);
    CREATE INDEX referentiecomponent_naam_trgm ON referentiecomponent USING gin (naam gin_trgm_ops);

    CREATE TABLE applicatie_referentiecomponent (
      applicatie_id uuid NOT NULL REFERENCES applicatie (id) ON DELETE CASCADE,
      referentiecomponent_id uuid NOT NULL REFERENCES referentiecomponent (id) ON DELETE RESTRICT,
      positie integer NOT NULL,
      PRIMARY KEY (applicatie_id, referentiecomponent_id)
    );
    CREATE INDEX applicatie_referentiecomponent_component ON applicatie_referentiecomponent (referentiecomponent_id);

    INSERT INTO referentiecomponent (naam)
      SELECT DISTINCT ON (lower(btrim(gemma_referentiecomponent))) btrim(gemma_referentiecomponent)
      FROM applicatie WHERE btrim(coalesce(gemma_referentiecomponent, '')) <> ''
      ORDER BY lower(btrim(gemma_referentiecomponent)), btrim(gemma_referentiecomponent);
    INSERT INTO applicatie_referentiecomponent (applicatie_id, referentiecomponent_id, positie)
      SELECT a.id, r.id, 0 FROM applicatie a
      JOIN referentiecomponent r ON lower(r.naam) = lower(btrim(a.gemma_referentiecomponent));
    ALTER TABLE applicatie DROP COLUMN gemma_referentiecomponent;

    ALTER TABLE organisatie ADD COLUMN archimate_id text;
    CREATE UNIQUE INDEX organisatie_archimate_id_uniek ON organisatie (archimate_id);
    ALTER TABLE applicatie ADD COLUMN archimate_id text, ADD COLUMN eigenschappen jsonb NOT NULL DEFAULT '[]';
    CREATE UNIQUE INDEX applicatie_archimate_id_uniek ON applicatie (archimate_id);
    ALTER TABLE koppeling ADD COLUMN archimate_id text, ADD COLUMN eigenschappen jsonb NOT NULL DEFAULT '[]';
    CREATE UNIQUE INDEX koppeling_archimate_id_uniek ON koppeling (archimate_id);

    -- What an application costs, for the harmonisation overview: a kostenpost may name it.
    ALTER TABLE kostenpost ADD COLUMN applicatie_id uuid REFERENCES applicatie (id) ON DELETE RESTRICT;
    CREATE INDEX kostenpost_applicatie ON kostenpost (applicatie_id);
  `.execute(db)
}
