import { type Kysely, sql } from 'kysely'

// Costs: verdeelsleutels (versioned by year), kostenposten, maatstafwaarden per
// organisation and year, referentiewaarden for the benchmark, declaraties and
// scenarios (business cases). Money is bigint euro cents. A declaratie that left
// concept is immutable in the database itself: only its status may move on, so no
// code path (or hand-written SQL) can change what was sent.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE verdeelsleutel (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      naam text NOT NULL,
      omschrijving text,
      samenwerking_id uuid REFERENCES samenwerking (id) ON DELETE RESTRICT,
      gastheerschap_id uuid REFERENCES gastheerschap (id) ON DELETE RESTRICT,
      versies jsonb NOT NULL,
      toelichting text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CHECK (samenwerking_id IS NULL OR gastheerschap_id IS NULL)
    );
    CREATE INDEX verdeelsleutel_naam ON verdeelsleutel (lower(naam), id);
    CREATE INDEX verdeelsleutel_samenwerking ON verdeelsleutel (samenwerking_id);
    CREATE INDEX verdeelsleutel_gastheerschap ON verdeelsleutel (gastheerschap_id);

    CREATE TABLE kostenpost (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      omschrijving text NOT NULL,
      gastheerschap_id uuid REFERENCES gastheerschap (id) ON DELETE RESTRICT,
      samenwerking_id uuid REFERENCES samenwerking (id) ON DELETE RESTRICT,
      gemaakt_door_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      periode text NOT NULL,
      jaar integer NOT NULL,
      periode_start date NOT NULL,
      periode_eind date NOT NULL,
      soort text NOT NULL,
      categorie text NOT NULL,
      begroting bigint CHECK (begroting >= 0),
      realisatie bigint CHECK (realisatie >= 0),
      verdeelsleutel_id uuid NOT NULL REFERENCES verdeelsleutel (id) ON DELETE RESTRICT,
      bron text,
      toelichting text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CHECK ((gastheerschap_id IS NULL) <> (samenwerking_id IS NULL)),
      CHECK (begroting IS NOT NULL OR realisatie IS NOT NULL)
    );
    CREATE INDEX kostenpost_omschrijving ON kostenpost (lower(omschrijving), id);
    CREATE INDEX kostenpost_gastheerschap ON kostenpost (gastheerschap_id, jaar);
    CREATE INDEX kostenpost_samenwerking ON kostenpost (samenwerking_id, jaar);
    CREATE INDEX kostenpost_gemaakt_door ON kostenpost (gemaakt_door_id, periode_start);
    CREATE INDEX kostenpost_verdeelsleutel ON kostenpost (verdeelsleutel_id);

    CREATE TABLE maatstafwaarde (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisatie_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      maatstaf text NOT NULL,
      jaar integer NOT NULL,
      waarde numeric NOT NULL CHECK (waarde >= 0),
      bron text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT maatstafwaarde_uniek UNIQUE (organisatie_id, maatstaf, jaar)
    );
    CREATE INDEX maatstafwaarde_maatstaf ON maatstafwaarde (lower(maatstaf), id);

    CREATE TABLE referentiewaarde (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      naam text NOT NULL,
      jaar integer NOT NULL,
      kosten_per_inwoner bigint CHECK (kosten_per_inwoner >= 0),
      kosten_per_werkplek bigint CHECK (kosten_per_werkplek >= 0),
      bron text,
      toelichting text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CHECK (kosten_per_inwoner IS NOT NULL OR kosten_per_werkplek IS NOT NULL)
    );
    CREATE INDEX referentiewaarde_naam ON referentiewaarde (lower(naam), id);

    CREATE TABLE declaratie (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      nummer text,
      soort text NOT NULL DEFAULT 'declaratie',
      corrigeert_id uuid REFERENCES declaratie (id) ON DELETE RESTRICT,
      van_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      aan_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      periode text NOT NULL,
      periode_start date NOT NULL,
      periode_eind date NOT NULL,
      status text NOT NULL DEFAULT 'concept',
      totaal bigint NOT NULL,
      regels jsonb NOT NULL,
      toelichting text,
      definitief_op timestamptz,
      verzonden_op timestamptz,
      betaald_op timestamptz,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT declaratie_nummer_uniek UNIQUE (van_id, nummer),
      CHECK (van_id <> aan_id),
      CHECK ((soort = 'correctie') = (corrigeert_id IS NOT NULL)),
      CHECK ((status = 'concept') = (nummer IS NULL))
    );
    CREATE INDEX declaratie_van ON declaratie (van_id, periode_start);
    CREATE INDEX declaratie_aan ON declaratie (aan_id, periode_start);
    CREATE INDEX declaratie_corrigeert ON declaratie (corrigeert_id);

    CREATE FUNCTION declaratie_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'concept' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END IF;
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'declaratie % is definitief en kan niet worden verwijderd', OLD.nummer USING ERRCODE = 'RK001';
      END IF;
      IF NEW.nummer IS DISTINCT FROM OLD.nummer OR NEW.soort IS DISTINCT FROM OLD.soort
        OR NEW.corrigeert_id IS DISTINCT FROM OLD.corrigeert_id OR NEW.van_id IS DISTINCT FROM OLD.van_id
        OR NEW.aan_id IS DISTINCT FROM OLD.aan_id OR NEW.periode IS DISTINCT FROM OLD.periode
        OR NEW.totaal IS DISTINCT FROM OLD.totaal OR NEW.regels IS DISTINCT FROM OLD.regels
        OR NEW.toelichting IS DISTINCT FROM OLD.toelichting OR NEW.definitief_op IS DISTINCT FROM OLD.definitief_op
        OR NEW.status = 'concept' THEN
        RAISE EXCEPTION 'declaratie % is definitief: alleen de status mag nog wijzigen', OLD.nummer USING ERRCODE = 'RK001';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER declaratie_onveranderlijk BEFORE UPDATE OR DELETE ON declaratie
      FOR EACH ROW EXECUTE FUNCTION declaratie_onveranderlijk();

    CREATE TABLE scenario (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      naam text NOT NULL,
      soort text NOT NULL,
      omschrijving text,
      samenwerking_id uuid REFERENCES samenwerking (id) ON DELETE RESTRICT,
      deelnemer_ids uuid[] NOT NULL,
      invoer jsonb NOT NULL,
      toelichting text,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX scenario_naam ON scenario (lower(naam), id);
    CREATE INDEX scenario_deelnemers ON scenario USING gin (deelnemer_ids);
  `.execute(db)
}
