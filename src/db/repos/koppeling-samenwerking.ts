import type { Leesbereik } from '../../domain/access.js'
import type { SamenwerkingMetLeden } from '../../domain/koppeling-samenwerking.js'
import type { Database } from '../database.js'
import { zichtbaar } from './landschap.js'
import { gastheerschappen, samenwerkingen } from './registry.js'

// Reads for the samenwerking of a koppeling (domain/koppeling-samenwerking.ts): the
// samenwerkingen the caller may see in which these organisations are confirmed leden,
// with all their confirmed leden, and the samenwerking of a gastheerschap.

const ALLES: Leesbereik = { alles: true }

/** Visible samenwerkingen with a confirmed lid among `organisatieIds`, each with all its confirmed leden, by name. */
export async function samenwerkingenVanLeden(
  db: Database,
  organisatieIds: string[],
  bereik: Leesbereik | undefined,
): Promise<SamenwerkingMetLeden[]> {
  if (organisatieIds.length === 0) return []
  const rows = await db
    .selectFrom('samenwerking as s')
    .innerJoin('samenwerking_lid as l', 'l.samenwerking_id', 's.id')
    .select(['s.id', 's.naam', 'l.organisatie_id'])
    .where('l.bevestigd_op', 'is not', null)
    .where('s.id', 'in', (eb) =>
      eb
        .selectFrom('samenwerking_lid')
        .select('samenwerking_id')
        .where('organisatie_id', 'in', organisatieIds)
        .where('bevestigd_op', 'is not', null),
    )
    .where(zichtbaar(db, samenwerkingen, 's.id', bereik ?? ALLES))
    .orderBy('s.naam')
    .orderBy('s.id')
    .execute()
  const out = new Map<string, { id: string; naam: string; leden: string[] }>()
  for (const r of rows) {
    const s = out.get(r.id) ?? { id: r.id, naam: r.naam, leden: [] }
    s.leden.push(r.organisatie_id)
    out.set(r.id, s)
  }
  return [...out.values()]
}

/** The samenwerking of a gastheerschap, when the caller may see both. */
export async function samenwerkingVanGastheerschap(
  db: Database,
  gastheerschapId: string,
  bereik: Leesbereik | undefined,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('gastheerschap')
    .select('samenwerking_id')
    .where('id', '=', gastheerschapId)
    .where(zichtbaar(db, gastheerschappen, 'gastheerschap.id', bereik ?? ALLES))
    .where(zichtbaar(db, samenwerkingen, 'gastheerschap.samenwerking_id', bereik ?? ALLES))
    .executeTakeFirst()
  return row?.samenwerking_id ?? undefined
}

/** Names of samenwerkingen, by id. */
export async function samenwerkingNamen(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('samenwerking').select(['id', 'naam']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.naam]))
}
