import { type Kysely, sql } from 'kysely'

// A sign-in at an OpenID provider that has started but not come back yet. Kept in the
// database rather than in memory so that any process behind a load balancer can
// finish it, and removed when used so a callback cannot be replayed. The row is found
// by the hash of a random value in a cookie, which ties it to the browser that started.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE oidc_aanvraag (
      sleutel_hash text PRIMARY KEY,
      state text NOT NULL,
      nonce text NOT NULL,
      code_verifier text NOT NULL,
      verloopt_op timestamptz NOT NULL
    );
    CREATE INDEX oidc_aanvraag_verloopt_op ON oidc_aanvraag (verloopt_op);
  `.execute(db)
}
