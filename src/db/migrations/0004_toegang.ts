import { type Kysely, sql } from 'kysely'

// Who may sign in and act: users, their roles per organisation, server-side sessions,
// API tokens and one-time setup links. Secrets are stored only as hashes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE gebruiker (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      gebruikersnaam text NOT NULL UNIQUE,
      naam text NOT NULL,
      email text,
      wachtwoord_hash text,
      oidc_issuer text,
      oidc_subject text,
      actief boolean NOT NULL DEFAULT true,
      mislukte_pogingen integer NOT NULL DEFAULT 0,
      geblokkeerd_tot timestamptz,
      laatst_ingelogd_op timestamptz,
      revisie integer NOT NULL DEFAULT 1,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      gewijzigd_op timestamptz NOT NULL DEFAULT now(),
      UNIQUE (oidc_issuer, oidc_subject)
    );

    -- admin is the application's administrator and holds no organisation; every other
    -- role is held at one organisation.
    CREATE TABLE gebruiker_rol (
      gebruiker_id uuid NOT NULL REFERENCES gebruiker (id) ON DELETE CASCADE,
      organisatie_id uuid REFERENCES organisatie (id) ON DELETE RESTRICT,
      rol text NOT NULL,
      CONSTRAINT gebruiker_rol_organisatie_verplicht CHECK ((rol = 'admin') = (organisatie_id IS NULL)),
      CONSTRAINT gebruiker_rol_uniek UNIQUE NULLS NOT DISTINCT (gebruiker_id, organisatie_id, rol)
    );
    CREATE INDEX gebruiker_rol_gebruiker ON gebruiker_rol (gebruiker_id);
    CREATE INDEX gebruiker_rol_organisatie ON gebruiker_rol (organisatie_id);

    CREATE TABLE sessie (
      token_hash text PRIMARY KEY,
      gebruiker_id uuid NOT NULL REFERENCES gebruiker (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      herkomst text NOT NULL,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      laatst_gebruikt_op timestamptz NOT NULL DEFAULT now(),
      verloopt_op timestamptz NOT NULL
    );
    CREATE INDEX sessie_gebruiker ON sessie (gebruiker_id);

    CREATE TABLE api_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      gebruiker_id uuid NOT NULL REFERENCES gebruiker (id) ON DELETE CASCADE,
      naam text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      voorvoegsel text NOT NULL,
      scopes jsonb NOT NULL,
      verloopt_op timestamptz NOT NULL,
      laatst_gebruikt_op timestamptz,
      ingetrokken_op timestamptz,
      aangemaakt_op timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX api_token_gebruiker ON api_token (gebruiker_id);

    CREATE TABLE setup_link (
      token_hash text PRIMARY KEY,
      verloopt_op timestamptz NOT NULL,
      gebruikt_op timestamptz
    );
  `.execute(db)
}
