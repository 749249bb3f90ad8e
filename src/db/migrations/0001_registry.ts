import { type Kysely, sql } from 'kysely'

// The landscape registry and the audit log. Referential integrity lives in the
// database too (ON DELETE RESTRICT), so a delete can never leave a dangling link even
// if a service check is missed.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisatie (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      type text NOT NULL,
      naam text NOT NULL,
      oin text UNIQUE,
      cbs_code text UNIQUE,
      inwoners jsonb NOT NULL DEFAULT '[]',
      website text,
      toelichting text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX organisatie_naam ON organisatie (lower(naam), id);

    CREATE TABLE samenwerking (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      naam text NOT NULL,
      vorm text NOT NULL,
      omschrijving text,
      startdatum date,
      einddatum date,
      toelichting text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX samenwerking_naam ON samenwerking (lower(naam), id);

    CREATE TABLE samenwerking_lid (
      samenwerking_id uuid NOT NULL REFERENCES samenwerking (id) ON DELETE CASCADE,
      organisatie_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      positie integer NOT NULL,
      startdatum date,
      einddatum date,
      PRIMARY KEY (samenwerking_id, organisatie_id)
    );
    CREATE INDEX samenwerking_lid_organisatie ON samenwerking_lid (organisatie_id);

    CREATE TABLE gastheerschap (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      taak text NOT NULL,
      omschrijving text,
      gastheer_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      samenwerking_id uuid REFERENCES samenwerking (id) ON DELETE RESTRICT,
      dvo_referentie text,
      startdatum date NOT NULL,
      einddatum date,
      beschikbaarheidsdoel double precision,
      serviceniveau text,
      kostenafspraak text,
      toelichting text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX gastheerschap_taak ON gastheerschap (lower(taak), id);
    CREATE INDEX gastheerschap_gastheer ON gastheerschap (gastheer_id);
    CREATE INDEX gastheerschap_samenwerking ON gastheerschap (samenwerking_id);

    CREATE TABLE gastheerschap_afnemer (
      gastheerschap_id uuid NOT NULL REFERENCES gastheerschap (id) ON DELETE CASCADE,
      organisatie_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      positie integer NOT NULL,
      PRIMARY KEY (gastheerschap_id, organisatie_id)
    );
    CREATE INDEX gastheerschap_afnemer_organisatie ON gastheerschap_afnemer (organisatie_id);

    CREATE TABLE applicatie (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      naam text NOT NULL,
      omschrijving text,
      leverancier_id uuid REFERENCES organisatie (id) ON DELETE RESTRICT,
      gemma_referentiecomponent text,
      hosting text NOT NULL,
      versie text,
      status text NOT NULL,
      status_historie jsonb NOT NULL DEFAULT '[]',
      toelichting text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX applicatie_naam ON applicatie (lower(naam), id);
    CREATE INDEX applicatie_leverancier ON applicatie (leverancier_id);

    CREATE TABLE applicatie_gebruiker (
      applicatie_id uuid NOT NULL REFERENCES applicatie (id) ON DELETE CASCADE,
      organisatie_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      positie integer NOT NULL,
      PRIMARY KEY (applicatie_id, organisatie_id)
    );
    CREATE INDEX applicatie_gebruiker_organisatie ON applicatie_gebruiker (organisatie_id);

    CREATE TABLE koppeling (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      naam text NOT NULL,
      omschrijving text,
      bron_applicatie_id uuid REFERENCES applicatie (id) ON DELETE RESTRICT,
      bron_voorziening text,
      doel_applicatie_id uuid REFERENCES applicatie (id) ON DELETE RESTRICT,
      doel_voorziening text,
      via_applicatie_id uuid REFERENCES applicatie (id) ON DELETE RESTRICT,
      type text NOT NULL,
      richting text NOT NULL,
      status text NOT NULL,
      status_historie jsonb NOT NULL DEFAULT '[]',
      standaard text,
      standaard_versie text,
      gegevenscategorieen jsonb NOT NULL DEFAULT '[]',
      persoonsgegevens boolean NOT NULL,
      beschikbaarheid text NOT NULL,
      integriteit text NOT NULL,
      vertrouwelijkheid text NOT NULL,
      eigenaar_id uuid REFERENCES organisatie (id) ON DELETE RESTRICT,
      gastheerschap_id uuid REFERENCES gastheerschap (id) ON DELETE RESTRICT,
      endpoint text,
      toelichting text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT koppeling_bron CHECK (bron_applicatie_id IS NOT NULL OR bron_voorziening IS NOT NULL),
      CONSTRAINT koppeling_doel CHECK (doel_applicatie_id IS NOT NULL OR doel_voorziening IS NOT NULL),
      CONSTRAINT koppeling_bron_niet_doel CHECK (bron_applicatie_id IS DISTINCT FROM doel_applicatie_id OR bron_applicatie_id IS NULL)
    );
    CREATE INDEX koppeling_naam ON koppeling (lower(naam), id);
    CREATE INDEX koppeling_bron ON koppeling (bron_applicatie_id);
    CREATE INDEX koppeling_doel ON koppeling (doel_applicatie_id);
    CREATE INDEX koppeling_via ON koppeling (via_applicatie_id);
    CREATE INDEX koppeling_eigenaar ON koppeling (eigenaar_id);
    CREATE INDEX koppeling_gastheerschap ON koppeling (gastheerschap_id);

    CREATE TABLE auditlog (
      volgnummer bigint PRIMARY KEY,
      tijdstip timestamptz NOT NULL,
      actor text NOT NULL,
      herkomst text NOT NULL,
      actie text NOT NULL,
      objecttype text NOT NULL,
      object_id text NOT NULL,
      resultaat text NOT NULL,
      voor jsonb,
      na jsonb,
      vorige_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX auditlog_object ON auditlog (objecttype, object_id);

    -- Append-only: the application never changes or removes audit rows.
    CREATE FUNCTION auditlog_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'auditlog is append-only';
    END $$;
    CREATE TRIGGER auditlog_no_update BEFORE UPDATE OR DELETE ON auditlog
      FOR EACH ROW EXECUTE FUNCTION auditlog_append_only();
  `.execute(db)
}
