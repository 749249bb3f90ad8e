import { sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { BtwRegime } from '../../domain/betaling.js'
import type { MaatstafWaarde, Verdeelsleutel } from '../../domain/verdeling/index.js'
import type { Database } from '../database.js'
import { kostenpostZichtbaar } from './kosten-zichtbaarheid.js'

// What allocating kostenposten needs, in few queries: the posts with their
// participants, their keys, and the measures (maatstafwaarden and inwoners) of those
// participants in those years.

export interface KostenpostRij {
  id: string
  omschrijving: string
  gastheerschapId: string | null
  samenwerkingId: string | null
  gemaaktDoorId: string
  periode: string
  jaar: number
  periodeStart: string
  periodeEind: string
  soort: string
  categorie: string
  begroting: number | null
  realisatie: number | null
  verdeelsleutelId: string
  bron: string | null
  /** Whether the amounts include BTW (domain/betaling.ts); declaratie lines copy it. */
  btw: BtwRegime
  /** Gastheer then confirmed afnemers (gastheerschap), or the confirmed members during the period (samenwerking). */
  deelnemers: string[]
}

export interface KostenpostFilter {
  ids?: string[]
  gemaaktDoorId?: string
  gastheerschapId?: string
  /** Posts of this samenwerking and of its gastheerschappen. */
  samenwerkingId?: string
  /** Posts whose period lies within [start, eind]. */
  binnen?: { start: string; eind: string }
  jaren?: number[]
  /** Posts in which one of these organisations takes part (gemaakt door or deelnemer). */
  deelnemerIds?: string[]
  bereik?: Leesbereik
}

export interface VerdeelGegevens {
  posten: KostenpostRij[]
  sleutels: Map<string, Verdeelsleutel>
  maatstaven: MaatstafWaarde[]
  namen: Map<string, string>
  /** CBS codes of the organisations that have one: the order among equal remainders. */
  cbsCodes: Map<string, string>
}

export async function kostenpostRijen(db: Database, f: KostenpostFilter): Promise<KostenpostRij[]> {
  let q = db.selectFrom('kostenpost as k').selectAll('k')
  if (f.ids) q = f.ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('k.id', 'in', f.ids)
  if (f.gemaaktDoorId) q = q.where('k.gemaakt_door_id', '=', f.gemaaktDoorId)
  if (f.gastheerschapId) q = q.where('k.gastheerschap_id', '=', f.gastheerschapId)
  if (f.samenwerkingId) {
    const id = f.samenwerkingId
    q = q.where((eb) =>
      eb.or([
        eb('k.samenwerking_id', '=', id),
        eb('k.gastheerschap_id', 'in', eb.selectFrom('gastheerschap').select('id').where('samenwerking_id', '=', id)),
      ]),
    )
  }
  if (f.binnen) q = q.where('k.periode_start', '>=', f.binnen.start).where('k.periode_eind', '<=', f.binnen.eind)
  if (f.jaren) q = f.jaren.length === 0 ? q.where(sql<boolean>`false`) : q.where('k.jaar', 'in', f.jaren)
  if (f.bereik && !f.bereik.alles) q = q.where(kostenpostZichtbaar(f.bereik.organisatieIds))
  const rows = await q.orderBy('k.periode_start').orderBy(sql`lower(k.omschrijving)`).orderBy('k.id').execute()
  if (rows.length === 0) return []

  const ghIds = [...new Set(rows.flatMap((r) => (r.gastheerschap_id ? [r.gastheerschap_id] : [])))]
  const swIds = [...new Set(rows.flatMap((r) => (r.samenwerking_id ? [r.samenwerking_id] : [])))]
  const gastheren = new Map<string, string[]>()
  if (ghIds.length > 0) {
    const gh = await db.selectFrom('gastheerschap').select(['id', 'gastheer_id']).where('id', 'in', ghIds).execute()
    for (const g of gh) gastheren.set(g.id, [g.gastheer_id])
    const afn = await db
      .selectFrom('gastheerschap_afnemer')
      .select(['gastheerschap_id', 'organisatie_id'])
      .where('gastheerschap_id', 'in', ghIds)
      // An afnemer that has not confirmed takes no part: its measures are not read, it is not charged.
      .where('bevestigd_op', 'is not', null)
      .orderBy('gastheerschap_id')
      .orderBy('positie')
      .execute()
    for (const a of afn) gastheren.get(a.gastheerschap_id)?.push(a.organisatie_id)
  }
  const leden = new Map<string, { id: string; start: string | null; eind: string | null }[]>()
  if (swIds.length > 0) {
    const l = await db
      .selectFrom('samenwerking_lid')
      .select(['samenwerking_id', 'organisatie_id', 'startdatum', 'einddatum'])
      .where('samenwerking_id', 'in', swIds)
      // An unconfirmed lid takes no part in the costs (and is not charged for them).
      .where('bevestigd_op', 'is not', null)
      .orderBy('samenwerking_id')
      .orderBy('positie')
      .execute()
    for (const r of l) {
      const list = leden.get(r.samenwerking_id) ?? []
      list.push({ id: r.organisatie_id, start: r.startdatum, eind: r.einddatum })
      leden.set(r.samenwerking_id, list)
    }
  }

  const rijen = rows.map(
    (r): KostenpostRij => ({
      id: r.id,
      omschrijving: r.omschrijving,
      gastheerschapId: r.gastheerschap_id,
      samenwerkingId: r.samenwerking_id,
      gemaaktDoorId: r.gemaakt_door_id,
      periode: r.periode,
      jaar: r.jaar,
      periodeStart: r.periode_start,
      periodeEind: r.periode_eind,
      soort: r.soort,
      categorie: r.categorie,
      begroting: r.begroting,
      realisatie: r.realisatie,
      verdeelsleutelId: r.verdeelsleutel_id,
      bron: r.bron,
      btw: r.btw as BtwRegime,
      deelnemers: r.gastheerschap_id
        ? [...new Set(gastheren.get(r.gastheerschap_id) ?? [])]
        : (leden.get(r.samenwerking_id ?? '') ?? [])
            .filter((l) => (!l.start || l.start <= r.periode_eind) && (!l.eind || l.eind >= r.periode_start))
            .map((l) => l.id),
    }),
  )
  if (!f.deelnemerIds) return rijen
  const wie = new Set(f.deelnemerIds)
  return rijen.filter((r) => wie.has(r.gemaaktDoorId) || r.deelnemers.some((d) => wie.has(d)))
}

export async function verdeelsleutelsMetId(db: Database, ids: string[]): Promise<Map<string, Verdeelsleutel>> {
  const out = new Map<string, Verdeelsleutel>()
  if (ids.length === 0) return out
  const rows = await db.selectFrom('verdeelsleutel').select(['id', 'naam', 'versies']).where('id', 'in', ids).execute()
  for (const r of rows) out.set(r.id, { id: r.id, naam: r.naam, versies: r.versies })
  return out
}

/**
 * Maatstafwaarden (as exact decimal text) and inwonertallen of these organisations in
 * these years, each with its source: the engine lets a maatstafwaarde `inwoners` go
 * before the organisation's registered figure (maakMaatstafIndex).
 */
export async function maatstavenVan(db: Database, organisatieIds: string[], jaren: number[]): Promise<MaatstafWaarde[]> {
  if (organisatieIds.length === 0 || jaren.length === 0) return []
  const rows = await db
    .selectFrom('maatstafwaarde')
    .select(['organisatie_id', 'maatstaf', 'jaar', sql<string>`waarde::text`.as('waarde')])
    .where('organisatie_id', 'in', organisatieIds)
    .where('jaar', 'in', jaren)
    .execute()
  const waarden: MaatstafWaarde[] = rows.map((r) => ({
    organisatieId: r.organisatie_id,
    maatstaf: r.maatstaf,
    jaar: r.jaar,
    waarde: r.waarde,
    bron: 'maatstafwaarde',
  }))
  const orgs = await db.selectFrom('organisatie').select(['id', 'inwoners']).where('id', 'in', organisatieIds).execute()
  const jaarSet = new Set(jaren)
  for (const o of orgs) {
    for (const i of o.inwoners ?? []) {
      if (jaarSet.has(i.jaar))
        waarden.push({ organisatieId: o.id, maatstaf: 'inwoners', jaar: i.jaar, waarde: i.aantal, bron: 'organisatie' })
    }
  }
  return waarden
}

export async function organisatieNamen(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('organisatie').select(['id', 'naam']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.naam]))
}

/** Names and CBS codes of organisations by id. */
export async function organisatieKenmerken(
  db: Database,
  ids: string[],
): Promise<{ namen: Map<string, string>; cbsCodes: Map<string, string> }> {
  if (ids.length === 0) return { namen: new Map(), cbsCodes: new Map() }
  const rows = await db.selectFrom('organisatie').select(['id', 'naam', 'cbs_code']).where('id', 'in', ids).execute()
  return {
    namen: new Map(rows.map((r) => [r.id, r.naam])),
    cbsCodes: new Map(rows.flatMap((r) => (r.cbs_code ? [[r.id, r.cbs_code] as const] : []))),
  }
}

/** Posts, keys, measures, names and CBS codes for allocating the posts that match. */
export async function verdeelGegevens(db: Database, f: KostenpostFilter): Promise<VerdeelGegevens> {
  const posten = await kostenpostRijen(db, f)
  const sleutels = await verdeelsleutelsMetId(db, [...new Set(posten.map((p) => p.verdeelsleutelId))])
  const orgs = [...new Set(posten.flatMap((p) => [...p.deelnemers, p.gemaaktDoorId]))]
  const jaren = [...new Set(posten.map((p) => p.jaar))]
  return { posten, sleutels, maatstaven: await maatstavenVan(db, orgs, jaren), ...(await organisatieKenmerken(db, orgs)) }
}

/** Gastheer and confirmed afnemers of a gastheerschap, with its dates. */
export async function gastheerschapDeelnemers(db: Database, id: string) {
  const g = await db
    .selectFrom('gastheerschap')
    .select(['gastheer_id', 'samenwerking_id', 'startdatum', 'einddatum'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!g) return undefined
  const afnemers = await db
    .selectFrom('gastheerschap_afnemer')
    .select('organisatie_id')
    .where('gastheerschap_id', '=', id)
    .where('bevestigd_op', 'is not', null)
    .orderBy('positie')
    .execute()
  return {
    startdatum: g.startdatum,
    einddatum: g.einddatum,
    samenwerkingId: g.samenwerking_id,
    gastheerId: g.gastheer_id,
    deelnemers: [g.gastheer_id, ...afnemers.map((a) => a.organisatie_id)],
  }
}

/** Confirmed members of a samenwerking, optionally only those whose membership overlaps [start, eind]. */
export async function samenwerkingDeelnemers(db: Database, id: string, periode?: { start: string; eind: string }) {
  const s = await db.selectFrom('samenwerking').select(['startdatum', 'einddatum']).where('id', '=', id).executeTakeFirst()
  if (!s) return undefined
  let q = db.selectFrom('samenwerking_lid').select('organisatie_id').where('samenwerking_id', '=', id).where('bevestigd_op', 'is not', null)
  if (periode) {
    q = q
      .where((eb) => eb.or([eb('startdatum', 'is', null), eb('startdatum', '<=', periode.eind)]))
      .where((eb) => eb.or([eb('einddatum', 'is', null), eb('einddatum', '>=', periode.start)]))
  }
  const leden = await q.execute()
  return { startdatum: s.startdatum, einddatum: s.einddatum, samenwerkingId: id, deelnemers: leden.map((l) => l.organisatie_id) }
}

/** A key with the samenwerking or gastheerschap it is bound to, if any. */
export async function verdeelsleutelMetScope(db: Database, id: string) {
  const s = await db
    .selectFrom('verdeelsleutel')
    .select(['id', 'naam', 'versies', 'samenwerking_id', 'gastheerschap_id'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!s) return undefined
  return {
    id: s.id,
    naam: s.naam,
    versies: s.versies,
    samenwerkingId: s.samenwerking_id,
    gastheerschapId: s.gastheerschap_id,
  }
}
