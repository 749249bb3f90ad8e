import { type Kysely, sql } from 'kysely'
import { alsLandelijkeVoorziening } from '../../domain/vocabulary.js'

// Issue 20, items 4 and 13.
// - A koppeling names its samenwerking (`samenwerking_id`), so one without gastheerschap
//   still shows in its cooperation's landschap. Existing koppelingen get the samenwerking
//   of their gastheerschap, else, without gastheerschap, the one samenwerking whose
//   confirmed leden use every applicatie end (domain/koppeling-samenwerking.ts); several
//   or none, or a gastheerschap outside any samenwerking, leave it empty.
// - A landelijke voorziening is one of a fixed list (domain/vocabulary.ts) or `overig`
//   with a free name: existing free text is mapped case-insensitively ("brp" and
//   "BRP (Digilevering)" become BRP), anything unknown becomes overig with its text.
// These are data corrections of the migration, not writes of a person: no audit entries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE koppeling ADD COLUMN samenwerking_id uuid REFERENCES samenwerking (id) ON DELETE RESTRICT;
    CREATE INDEX koppeling_samenwerking ON koppeling (samenwerking_id);
    ALTER TABLE koppeling ADD COLUMN bron_voorziening_overig text;
    ALTER TABLE koppeling ADD COLUMN doel_voorziening_overig text;
  `.execute(db)

  for (const kant of ['bron', 'doel'] as const) {
    const kolom = sql.ref(`${kant}_voorziening`)
    const overigKolom = sql.ref(`${kant}_voorziening_overig`)
    const { rows } = await sql<{ waarde: string }>`SELECT DISTINCT ${kolom} AS waarde FROM koppeling WHERE ${kolom} IS NOT NULL`.execute(db)
    for (const { waarde } of rows) {
      const { voorziening, overig } = alsLandelijkeVoorziening(waarde)
      await sql`UPDATE koppeling SET ${kolom} = ${voorziening}, ${overigKolom} = ${overig ?? null} WHERE ${kolom} = ${waarde}`.execute(db)
    }
  }

  await sql`
    UPDATE koppeling k SET samenwerking_id = g.samenwerking_id
      FROM gastheerschap g WHERE g.id = k.gastheerschap_id AND g.samenwerking_id IS NOT NULL;

    WITH einde AS (
      SELECT k.id, e.app FROM koppeling k
        CROSS JOIN LATERAL (VALUES (k.bron_applicatie_id), (k.doel_applicatie_id)) AS e (app)
       WHERE k.samenwerking_id IS NULL AND k.gastheerschap_id IS NULL AND e.app IS NOT NULL
    ), kandidaat AS (
      SELECT e.id, l.samenwerking_id FROM einde e
        JOIN applicatie_gebruiker u ON u.applicatie_id = e.app
        JOIN samenwerking_lid l ON l.organisatie_id = u.organisatie_id AND l.bevestigd_op IS NOT NULL
       GROUP BY e.id, l.samenwerking_id
      HAVING count(DISTINCT e.app) = (SELECT count(*) FROM einde e2 WHERE e2.id = e.id)
    ), enig AS (
      SELECT id, min(samenwerking_id::text)::uuid AS samenwerking_id FROM kandidaat GROUP BY id HAVING count(*) = 1
    )
    UPDATE koppeling k SET samenwerking_id = enig.samenwerking_id FROM enig WHERE k.id = enig.id;

    ALTER TABLE koppeling ADD CONSTRAINT koppeling_bron_overig CHECK (bron_voorziening_overig IS NULL OR bron_voorziening = 'overig');
    ALTER TABLE koppeling ADD CONSTRAINT koppeling_doel_overig CHECK (doel_voorziening_overig IS NULL OR doel_voorziening = 'overig');
  `.execute(db)
}
