import { type Kysely, sql } from 'kysely'

// Issue 14, monitoring of koppelingen.
// - controle: what to check, against a koppeling or an applicatie (exactly one), as plain
//   columns so the registry machinery (lists, ETags, audit) works on it. Secrets (header
//   values, a client key) are one AES-GCM blob (`geheimen`); only their names are
//   readable (`geheimen_namen`).
// - controle_toestand: what the scheduler and the storing machine keep per controle —
//   when it is due, who holds its lease until when, the last outcome, the counts toward
//   a storing. Separate from controle so a probe never changes the controle's revisie.
// - meting: raw results (30 days by default), meting_uur: hourly roll-ups (two years).
//   Written in batches, purged by age, deleted with their controle.
// - storing: an incident of one controle, its timeline as JSON (the domain's Storing).
// - onderhoudsvenster, meldingskanaal: registry objects. A channel's target (webhook URL,
//   which carries its token) is encrypted like a controle's secrets.
// - melding: the outbox of notifications: one row per channel and key (de-duplication),
//   retried with backoff until sent or given up.
// - koppeling_werking: a person's override of a koppeling's measured working state.
// - statuspagina: per samenwerking, whether its status page is public and under which slug.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE controle (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      naam text NOT NULL,
      koppeling_id uuid REFERENCES koppeling (id) ON DELETE RESTRICT,
      applicatie_id uuid REFERENCES applicatie (id) ON DELETE RESTRICT,
      soort text NOT NULL CHECK (soort IN ('http', 'tls', 'tcp', 'dns')),
      url text,
      methode text,
      verwachte_status text,
      inhoud_controle jsonb,
      headers jsonb,
      verzoek_inhoud text,
      volg_redirects integer,
      max_bytes integer,
      ca_pem text,
      client_certificaat_pem text,
      host text,
      poort integer,
      servernaam text,
      min_dagen_geldig integer,
      dns_naam text,
      dns_type text,
      dns_verwacht text,
      interval_seconden integer NOT NULL CHECK (interval_seconden > 0),
      timeout_ms integer NOT NULL CHECK (timeout_ms > 0),
      pogingen integer NOT NULL DEFAULT 0 CHECK (pogingen >= 0),
      fouten_voor_storing integer NOT NULL DEFAULT 3 CHECK (fouten_voor_storing > 0),
      successen_voor_herstel integer NOT NULL DEFAULT 1 CHECK (successen_voor_herstel > 0),
      actief boolean NOT NULL DEFAULT true,
      geheimen bytea,
      geheimen_namen jsonb NOT NULL DEFAULT '{}',
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CHECK ((koppeling_id IS NULL) <> (applicatie_id IS NULL))
    );
    CREATE INDEX controle_koppeling ON controle (koppeling_id);
    CREATE INDEX controle_applicatie ON controle (applicatie_id);
    CREATE INDEX controle_naam ON controle (lower(naam), id);

    CREATE TABLE controle_toestand (
      controle_id uuid PRIMARY KEY REFERENCES controle (id) ON DELETE CASCADE,
      volgende_op timestamptz NOT NULL,
      lease_door text,
      lease_tot timestamptz,
      laatste_op timestamptz,
      laatste_geslaagd boolean,
      laatste_soort text,
      laatste_reden jsonb,
      laatste_duur_ms integer,
      laatste_details jsonb,
      fouten integer NOT NULL DEFAULT 0,
      eerste_fout_op timestamptz,
      successen integer NOT NULL DEFAULT 0,
      storing_id uuid,
      CHECK ((lease_door IS NULL) = (lease_tot IS NULL))
    );
    CREATE INDEX controle_toestand_te_doen ON controle_toestand (volgende_op);

    CREATE TABLE meting (
      controle_id uuid NOT NULL REFERENCES controle (id) ON DELETE CASCADE,
      tijdstip timestamptz NOT NULL,
      geslaagd boolean NOT NULL,
      duur_ms integer NOT NULL,
      soort text NOT NULL,
      reden jsonb,
      PRIMARY KEY (controle_id, tijdstip)
    );
    CREATE INDEX meting_tijdstip ON meting (tijdstip);

    CREATE TABLE meting_uur (
      controle_id uuid NOT NULL REFERENCES controle (id) ON DELETE CASCADE,
      uur timestamptz NOT NULL,
      aantal integer NOT NULL,
      geslaagd integer NOT NULL,
      in_onderhoud integer NOT NULL,
      geslaagd_in_onderhoud integer NOT NULL,
      duur_som_ms bigint NOT NULL,
      duur_max_ms integer NOT NULL,
      PRIMARY KEY (controle_id, uur)
    );
    CREATE INDEX meting_uur_uur ON meting_uur (uur);

    CREATE TABLE storing (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      controle_id uuid NOT NULL REFERENCES controle (id) ON DELETE CASCADE,
      begonnen_op timestamptz NOT NULL,
      geopend_op timestamptz NOT NULL,
      gesloten_op timestamptz,
      meetsoort text,
      reden jsonb,
      tijdlijn jsonb NOT NULL DEFAULT '[]',
      gewijzigd_op timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX storing_controle ON storing (controle_id, geopend_op DESC);
    CREATE INDEX storing_open ON storing (controle_id) WHERE gesloten_op IS NULL;

    CREATE TABLE onderhoudsvenster (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reden text NOT NULL,
      van timestamptz NOT NULL,
      tot timestamptz NOT NULL,
      controle_id uuid REFERENCES controle (id) ON DELETE RESTRICT,
      koppeling_id uuid REFERENCES koppeling (id) ON DELETE RESTRICT,
      samenwerking_id uuid REFERENCES samenwerking (id) ON DELETE RESTRICT,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      CHECK (tot > van),
      CHECK (num_nonnulls(controle_id, koppeling_id, samenwerking_id) = 1)
    );
    CREATE INDEX onderhoudsvenster_tot ON onderhoudsvenster (tot);

    CREATE TABLE meldingskanaal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      naam text NOT NULL,
      organisatie_id uuid NOT NULL REFERENCES organisatie (id) ON DELETE RESTRICT,
      samenwerking_id uuid REFERENCES samenwerking (id) ON DELETE RESTRICT,
      soort text NOT NULL CHECK (soort IN ('webhook', 'email')),
      formaat text,
      doel bytea,
      doel_weergave text,
      ontvangers jsonb NOT NULL DEFAULT '[]',
      gebeurtenissen jsonb NOT NULL DEFAULT '[]',
      certificaat_dagen jsonb NOT NULL DEFAULT '[30, 14, 7]',
      actief boolean NOT NULL DEFAULT true,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX meldingskanaal_organisatie ON meldingskanaal (organisatie_id);

    CREATE TABLE melding (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kanaal_id uuid NOT NULL REFERENCES meldingskanaal (id) ON DELETE CASCADE,
      sleutel text NOT NULL,
      inhoud jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('wachtend', 'verzonden', 'opgegeven')),
      pogingen integer NOT NULL DEFAULT 0,
      volgende_poging timestamptz,
      laatste_fout jsonb,
      aangemaakt_op timestamptz NOT NULL,
      verzonden_op timestamptz,
      UNIQUE (kanaal_id, sleutel)
    );
    CREATE INDEX melding_wachtend ON melding (volgende_poging) WHERE status = 'wachtend';

    CREATE TABLE koppeling_werking (
      koppeling_id uuid PRIMARY KEY REFERENCES koppeling (id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('werkt', 'verstoord', 'storing', 'onbekend')),
      reden text NOT NULL,
      tot timestamptz,
      door text NOT NULL,
      op timestamptz NOT NULL
    );

    CREATE TABLE statuspagina (
      samenwerking_id uuid PRIMARY KEY REFERENCES samenwerking (id) ON DELETE CASCADE,
      openbaar boolean NOT NULL DEFAULT false,
      slug text UNIQUE,
      titel text,
      CHECK (NOT openbaar OR slug IS NOT NULL)
    );
  `.execute(db)
}
