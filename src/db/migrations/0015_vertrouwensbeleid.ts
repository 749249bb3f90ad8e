import { type Kysely, sql } from 'kysely'

// Trust (issue 12), part two: the policy as data and the findings where reality breaks it.
// - vertrouwensbeleid: an organisation's policy (its regels as JSON, checked by the
//   service against the rule kinds of src/domain/vertrouwen); `revisie` is its versie.
//   Every version as it was stored is kept in vertrouwensbeleid_versie, so an old version
//   stays readable after a change (and after a delete).
// - bevinding: one row per stable sleutel of the evaluation. A finding that disappears is
//   closed (gesloten_op), not deleted; when it comes back it opens again, and every step is
//   a row of bevinding_gebeurtenis. A risk acceptance is a reason, an owner and an end
//   date on the finding; past that date the finding counts as open again.
// Findings are derived data: they name their subjects without foreign keys, so deleting a
// grant or a party is decided by those objects' own rules, and the next evaluation closes
// what no longer exists.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE vertrouwensbeleid (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      eigenaar_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      naam text NOT NULL,
      regels jsonb NOT NULL,
      toelichting text
    );
    CREATE INDEX vertrouwensbeleid_eigenaar ON vertrouwensbeleid (eigenaar_id);
    CREATE TABLE vertrouwensbeleid_samenwerking (
      vertrouwensbeleid_id uuid NOT NULL REFERENCES vertrouwensbeleid (id) ON DELETE CASCADE,
      samenwerking_id uuid NOT NULL REFERENCES samenwerking (id) ON DELETE RESTRICT,
      positie integer NOT NULL,
      PRIMARY KEY (vertrouwensbeleid_id, samenwerking_id)
    );
    CREATE INDEX vertrouwensbeleid_samenwerking_sw ON vertrouwensbeleid_samenwerking (samenwerking_id);
    CREATE TABLE vertrouwensbeleid_versie (
      vertrouwensbeleid_id uuid NOT NULL,
      versie integer NOT NULL,
      staat jsonb NOT NULL,
      vastgesteld_op timestamptz NOT NULL,
      vastgesteld_door text NOT NULL,
      PRIMARY KEY (vertrouwensbeleid_id, versie)
    );
    CREATE TABLE bevinding (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL,
      gewijzigd_op timestamptz NOT NULL,
      sleutel text NOT NULL UNIQUE,
      beleid_id uuid NOT NULL,
      regel_id text NOT NULL,
      regel_soort text NOT NULL,
      ernst text NOT NULL CHECK (ernst IN ('hoog', 'middel', 'laag')),
      maatregel text NOT NULL,
      partij_id uuid NOT NULL,
      eigenaar_id uuid,
      toegang_id uuid,
      contract_id uuid,
      bewijsstuk_id uuid,
      datum date,
      inhoud jsonb NOT NULL,
      geopend_op timestamptz NOT NULL,
      gesloten_op timestamptz,
      acceptatie_reden text,
      acceptatie_eigenaar text,
      acceptatie_tot date,
      geaccepteerd_op timestamptz,
      geaccepteerd_door text,
      CHECK ((acceptatie_reden IS NULL) = (acceptatie_tot IS NULL))
    );
    CREATE INDEX bevinding_partij ON bevinding (partij_id);
    CREATE INDEX bevinding_eigenaar ON bevinding (eigenaar_id);
    CREATE INDEX bevinding_open ON bevinding (ernst) WHERE gesloten_op IS NULL;
    CREATE TABLE bevinding_gebeurtenis (
      bevinding_id uuid NOT NULL REFERENCES bevinding (id) ON DELETE CASCADE,
      volgnummer integer NOT NULL,
      soort text NOT NULL CHECK (soort IN ('geopend', 'bijgewerkt', 'gesloten', 'heropend', 'risico-geaccepteerd')),
      op timestamptz NOT NULL,
      uitleg jsonb,
      PRIMARY KEY (bevinding_id, volgnummer)
    );
  `.execute(db)
}
