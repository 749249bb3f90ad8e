import { type Kysely, sql } from 'kysely'

// Issue 20, item 11: a declaratie prints the sender's payment details and whether its
// amounts include BTW. An organisation may record its IBAN (stored without spaces,
// checked with mod 97 by the service) and its payment term in days; a kostenpost says
// whether its amounts include BTW, default 'geen' (no BTW due), which every existing
// post gets. Declaratie lines copy the setting when they are generated (in their jsonb).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE organisatie ADD COLUMN iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$');
    ALTER TABLE organisatie ADD COLUMN betaaltermijn_dagen integer CHECK (betaaltermijn_dagen BETWEEN 0 AND 365);
    ALTER TABLE kostenpost ADD COLUMN btw text NOT NULL DEFAULT 'geen' CHECK (btw IN ('geen', 'exclusief', 'inclusief'));
  `.execute(db)
}
