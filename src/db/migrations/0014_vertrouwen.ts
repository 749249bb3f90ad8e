import { type Kysely, sql } from 'kysely'

// Issue 12, trust: bewijsstukken (evidence about a party, optionally with an uploaded
// document), supplier contracten (with the applicaties and koppelingen they cover) and
// toegangen (a party's access to an applicatie, koppeling or netwerkzone).
// - An upload's bytes sit in their own table, so listing or reading a bewijsstuk never
//   loads them; its metadata (name, type, size, SHA-256) sits on the bewijsstuk and is
//   all there or all absent.
// - A toegang's object is one of three kinds; the CHECKs keep exactly the columns of its
//   kind filled, whatever code writes.
// - References to organisaties, applicaties and koppelingen RESTRICT deletion: deleting
//   an applicatie with grants is a 409 naming them (the service), the key the backstop.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE bewijsstuk (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisatie_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      soort text NOT NULL,
      uitgever text NOT NULL,
      geldig_vanaf date NOT NULL,
      geldig_tot date,
      scope text,
      getekend_met_id uuid REFERENCES organisatie (id) ON DELETE RESTRICT,
      document_verwijzing text,
      toelichting text,
      bijlage_bestandsnaam text,
      bijlage_mediatype text,
      bijlage_grootte integer CHECK (bijlage_grootte > 0),
      bijlage_sha256 text,
      geregistreerd_door uuid[] NOT NULL DEFAULT '{}',
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CHECK (geldig_tot IS NULL OR geldig_tot >= geldig_vanaf),
      CHECK (soort <> 'verwerkersovereenkomst' OR getekend_met_id IS NOT NULL),
      CHECK ((bijlage_sha256 IS NULL) = (bijlage_mediatype IS NULL)
         AND (bijlage_sha256 IS NULL) = (bijlage_grootte IS NULL)
         AND (bijlage_sha256 IS NULL) = (bijlage_bestandsnaam IS NULL))
    );
    CREATE INDEX bewijsstuk_organisatie ON bewijsstuk (organisatie_id, soort);
    CREATE INDEX bewijsstuk_getekend_met ON bewijsstuk (getekend_met_id);
    CREATE INDEX bewijsstuk_uitgever ON bewijsstuk (lower(uitgever), id);

    CREATE TABLE bewijsstuk_bijlage (
      bewijsstuk_id uuid PRIMARY KEY REFERENCES bewijsstuk (id) ON DELETE CASCADE,
      inhoud bytea NOT NULL
    );

    CREATE TABLE contract (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      leverancier_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      afnemer_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      omschrijving text NOT NULL,
      startdatum date NOT NULL,
      einddatum date,
      opzegtermijn_maanden integer NOT NULL CHECK (opzegtermijn_maanden >= 0),
      auditrecht boolean NOT NULL,
      exitstrategie boolean NOT NULL,
      exitstrategie_vindplaats text,
      beveiligingseisen text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CHECK (einddatum IS NULL OR einddatum >= startdatum)
    );
    CREATE INDEX contract_leverancier ON contract (leverancier_id);
    CREATE INDEX contract_afnemer ON contract (afnemer_id);
    CREATE INDEX contract_omschrijving ON contract (lower(omschrijving), id);

    CREATE TABLE contract_applicatie (
      contract_id uuid NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
      applicatie_id uuid NOT NULL REFERENCES applicatie (id) ON DELETE RESTRICT,
      positie integer NOT NULL,
      PRIMARY KEY (contract_id, applicatie_id)
    );
    CREATE INDEX contract_applicatie_applicatie ON contract_applicatie (applicatie_id);

    CREATE TABLE contract_koppeling (
      contract_id uuid NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
      koppeling_id uuid NOT NULL REFERENCES koppeling (id) ON DELETE RESTRICT,
      positie integer NOT NULL,
      PRIMARY KEY (contract_id, koppeling_id)
    );
    CREATE INDEX contract_koppeling_koppeling ON contract_koppeling (koppeling_id);

    CREATE TABLE toegang (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partij_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      object_soort text NOT NULL CHECK (object_soort IN ('applicatie', 'koppeling', 'netwerkzone')),
      applicatie_id uuid REFERENCES applicatie (id) ON DELETE RESTRICT,
      koppeling_id uuid REFERENCES koppeling (id) ON DELETE RESTRICT,
      netwerkzone_naam text,
      netwerkzone_eigenaar_id uuid REFERENCES organisatie (id) ON DELETE RESTRICT,
      doel text NOT NULL,
      verleend_door_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      geldig_vanaf date NOT NULL,
      geldig_tot date,
      laatste_beoordeling date,
      beoordelaar text,
      ingetrokken_op date,
      ingetrokken_door text,
      intrekreden text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CHECK ((object_soort = 'applicatie') = (applicatie_id IS NOT NULL)),
      CHECK ((object_soort = 'koppeling') = (koppeling_id IS NOT NULL)),
      CHECK ((object_soort = 'netwerkzone') = (netwerkzone_naam IS NOT NULL)),
      CHECK ((object_soort = 'netwerkzone') = (netwerkzone_eigenaar_id IS NOT NULL)),
      CHECK (geldig_tot IS NULL OR geldig_tot >= geldig_vanaf),
      CHECK ((ingetrokken_op IS NULL) = (intrekreden IS NULL))
    );
    CREATE INDEX toegang_partij ON toegang (partij_id);
    CREATE INDEX toegang_verleend_door ON toegang (verleend_door_id);
    CREATE INDEX toegang_applicatie ON toegang (applicatie_id);
    CREATE INDEX toegang_koppeling ON toegang (koppeling_id);
    CREATE INDEX toegang_netwerkzone_eigenaar ON toegang (netwerkzone_eigenaar_id);
    CREATE INDEX toegang_doel ON toegang (lower(doel), id);
  `.execute(db)
}
