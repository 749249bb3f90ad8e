import { sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { KetenDeclaratieInvoer } from '../../domain/geldketen.js'
import type { DeclaratieSoort, DeclaratieStatus } from '../../domain/vocabulary.js'
import type { Database } from '../database.js'
import { declaratieZichtbaar } from './kosten-zichtbaarheid.js'

// The declaraties of the money chain (domain/geldketen.ts): every declaratie the caller
// may see (sender or recipient) with a line on one of the given kostenposten, with only
// the amounts of its lines.

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v))

export async function declaratiesOpPosten(db: Database, postIds: string[], bereik: Leesbereik): Promise<KetenDeclaratieInvoer[]> {
  if (postIds.length === 0) return []
  let q = db
    .selectFrom('declaratie')
    .select([
      'id',
      'nummer',
      'soort',
      'corrigeert_id',
      sql<string | null>`(SELECT o.nummer FROM declaratie o WHERE o.id = declaratie.corrigeert_id)`.as('corrigeert_nummer'),
      'van_id',
      'aan_id',
      'periode',
      'status',
      'totaal',
      'betaald_op',
      sql<{ kostenpostId: string; bedrag: number }[]>`(
        SELECT coalesce(jsonb_agg(jsonb_build_object('kostenpostId', r->>'kostenpostId', 'bedrag', (r->>'bedrag')::bigint)), '[]'::jsonb)
        FROM jsonb_array_elements(declaratie.regels) r)`.as('regels'),
    ])
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM jsonb_array_elements(declaratie.regels) r WHERE r->>'kostenpostId' = ANY(${sql.val(postIds)}::text[]))`,
    )
  if (!bereik.alles) q = q.where(declaratieZichtbaar(bereik.organisatieIds))
  const rows = await q.orderBy('periode_start').orderBy('aangemaakt_op').orderBy('id').execute()
  return rows.map((r) => ({
    id: r.id,
    nummer: r.nummer ?? null,
    soort: r.soort as DeclaratieSoort,
    corrigeertId: r.corrigeert_id ?? null,
    corrigeertNummer: r.corrigeert_nummer ?? null,
    vanId: r.van_id,
    aanId: r.aan_id,
    periode: r.periode,
    status: r.status as DeclaratieStatus,
    totaal: Number(r.totaal),
    betaaldOp: iso(r.betaald_op),
    regels: (r.regels ?? []).map((x) => ({ kostenpostId: x.kostenpostId, bedrag: Number(x.bedrag) })),
  }))
}
