import { sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { PostInDeclaratie } from '../../domain/kostenpost-declaraties.js'
import type { DeclaratieSoort, DeclaratieStatus } from '../../domain/vocabulary.js'
import type { Database } from '../database.js'
import { declaratieZichtbaar } from './kosten-zichtbaarheid.js'

// The declaraties that hold a line for one kostenpost (and the originals of corrections
// that do), with the sum of those lines: what the kostenpost page shows as "in declaratie
// 2026-0001 (definitief)". Only sender and recipient see a declaratie (`bereik`).

export async function declaratiesMetPost(db: Database, kostenpostId: string, bereik?: Leesbereik): Promise<PostInDeclaratie[]> {
  const metPost = sql.val(JSON.stringify([{ kostenpostId }]))
  let q = db
    .selectFrom('declaratie as d')
    .innerJoin('organisatie as van', 'van.id', 'd.van_id')
    .innerJoin('organisatie as aan', 'aan.id', 'd.aan_id')
    .leftJoin('declaratie as orig', 'orig.id', 'd.corrigeert_id')
    .select([
      'd.id',
      'd.nummer',
      'd.soort',
      'd.status',
      'd.periode',
      'd.periode_start',
      'd.periode_eind',
      'd.corrigeert_id',
      'orig.nummer as corrigeert_nummer',
      'd.van_id',
      'van.naam as van_naam',
      'd.aan_id',
      'aan.naam as aan_naam',
      sql<string>`(SELECT coalesce(sum((r->>'bedrag')::bigint), 0) FROM jsonb_array_elements(d.regels) AS r WHERE r->>'kostenpostId' = ${kostenpostId})`.as(
        'bedrag',
      ),
    ])
    .where(
      sql<boolean>`(d.regels @> ${metPost}::jsonb OR EXISTS (SELECT 1 FROM declaratie AS c WHERE c.corrigeert_id = d.id AND c.regels @> ${metPost}::jsonb))`,
    )
  if (bereik && !bereik.alles) q = q.where(declaratieZichtbaar(bereik.organisatieIds, 'd'))
  const rows = await q.orderBy('d.periode_start').orderBy('aan.naam').orderBy('d.aangemaakt_op').orderBy('d.id').execute()
  const dag = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v))
  return rows.map((r) => ({
    id: r.id,
    nummer: r.nummer ?? null,
    soort: r.soort as DeclaratieSoort,
    status: r.status as DeclaratieStatus,
    periode: r.periode,
    periodeStart: dag(r.periode_start),
    periodeEind: dag(r.periode_eind),
    corrigeertId: r.corrigeert_id ?? null,
    corrigeertNummer: (r.corrigeert_nummer as string | null) ?? null,
    vanId: r.van_id,
    vanNaam: r.van_naam,
    aanId: r.aan_id,
    aanNaam: r.aan_naam,
    bedrag: Number(r.bedrag),
  }))
}
