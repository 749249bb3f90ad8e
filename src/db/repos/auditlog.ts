import { type RawBuilder, type Selectable, sql } from 'kysely'
import { type AuditActie, type AuditObjecttype, type AuditSoort, soortFilter } from '../../domain/audit-soorten.js'
import { type AuditContent, type AuditEntry, chainEntry } from '../../domain/auditchain.js'
import { DOOR_HET_SYSTEEM_GEMAAKT, OBJECTTYPEN, type Objecttype } from '../../domain/registry-rules.js'
import type { Database } from '../database.js'
import type { AuditlogTable } from '../schema.js'
import { notifyChange } from './maintenance.js'
import { controleZichtbaar } from './monitoring-resources.js'
import {
  applicatiesVan,
  applicatieZichtbaar,
  gastheerschappenVan,
  koppelingZichtbaar,
  partnersVan,
  samenwerkingenVan,
  samenwerkingZichtbaar,
} from './registry.js'
import { OBJECT_OPSLAG } from './zichtbare-ids.js'

// Append-only, hash-chained audit log. Appends take a transaction-scoped advisory lock
// so concurrent writers get consecutive volgnummers and a single unbroken chain.

const AUDIT_LOCK_KEY = 7_365_001

/** An entry to append: its action and object type from the one list each (domain/audit-soorten.ts). */
export type AuditAppend = Omit<AuditContent, 'volgnummer' | 'tijdstip' | 'actie' | 'objecttype'> & {
  actie: AuditActie
  objecttype: AuditObjecttype
}

export interface AuditQuery {
  /**
   * Only entries about objects these organisations may see now, or, for an object that
   * no longer exists, could see in its last known state; absent: all.
   */
  zichtbaarVoor?: string[]
  pagina: number
  paginaGrootte: number
  /** A kind of object (api-token: the token entries, stored under gebruiker). */
  objecttype?: AuditSoort
  objectId?: string
  actor?: string
  actie?: string
  vanaf?: string
  tot?: string
}

function toEntry(r: Selectable<AuditlogTable>): AuditEntry {
  return {
    volgnummer: Number(r.volgnummer),
    tijdstip: r.tijdstip.toISOString(),
    actor: r.actor,
    herkomst: r.herkomst,
    actie: r.actie,
    objecttype: r.objecttype,
    objectId: r.object_id,
    resultaat: r.resultaat,
    voor: r.voor ?? null,
    na: r.na ?? null,
    vorigeHash: r.vorige_hash,
    hash: r.hash,
  }
}

// Entries of a deleted object. The live rules (registry.ts, kosten-zichtbaarheid.ts) need
// the object's row and child rows, which are gone; its last known state is not: the
// `voor` of its deletion entry. The same rules read that state (`s.voor`): whoever could
// see the object just before it was deleted sees its whole history, its deletion
// included. What the state points at and still exists (a samenwerking, a gastheerschap,
// an applicatie) is looked up live, as for a live object. An organisatie is deleted only
// once no samenwerking, gastheerschap or user refers to it, when nobody but an admin could
// read its entries: those stay the admins'.
const tekst = (ids: string[]) => sql`${sql.val(ids)}::text[]`
const veld = (naam: string) => sql`s.voor->>${sql.lit(naam)}`
const verwijzing = (naam: string) => sql`(${veld(naam)})::uuid`
const noemt = (naam: string, ids: string[]) => sql`${veld(naam)} = ANY(${tekst(ids)})`
const noemtEenVan = (naam: string, ids: string[]) => sql`coalesce(s.voor->${sql.lit(naam)}, '[]'::jsonb) ?| ${tekst(ids)}`

// Every type says how: a rule on the last state, or none (an organisatie: see above; a
// referentiewaarde or referentiecomponent: their entries are everyone's anyway).
const laatsteStaat: Record<Objecttype, ((ids: string[]) => RawBuilder<unknown>) | undefined> = {
  organisatie: undefined,
  referentiewaarde: undefined,
  referentiecomponent: undefined,
  samenwerking: (ids) =>
    sql`EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(s.voor->'leden', '[]'::jsonb)) l WHERE l->>'organisatieId' = ANY(${tekst(ids)}))`,
  gastheerschap: (ids) =>
    sql`(${noemt('gastheerId', ids)} OR ${noemtEenVan('afnemerIds', ids)} OR ${verwijzing('samenwerkingId')} IN ${samenwerkingenVan(ids)})`,
  applicatie: (ids) => sql`(${noemt('leverancierId', ids)} OR ${noemtEenVan('inGebruikBij', ids)})`,
  koppeling: (ids) =>
    sql`(${noemt('eigenaarId', ids)} OR ${verwijzing('bronApplicatieId')} IN ${applicatiesVan(ids)}
      OR ${verwijzing('doelApplicatieId')} IN ${applicatiesVan(ids)} OR ${verwijzing('viaApplicatieId')} IN ${applicatiesVan(ids)}
      OR ${verwijzing('gastheerschapId')} IN ${gastheerschappenVan(ids)})`,
  kostenpost: (ids) =>
    sql`(${noemt('gemaaktDoorId', ids)} OR ${verwijzing('gastheerschapId')} IN ${gastheerschappenVan(ids)}
      OR ${verwijzing('samenwerkingId')} IN ${samenwerkingenVan(ids)})`,
  verdeelsleutel: (ids) =>
    sql`((${veld('samenwerkingId')} IS NULL AND ${veld('gastheerschapId')} IS NULL)
      OR ${verwijzing('samenwerkingId')} IN ${samenwerkingenVan(ids)} OR ${verwijzing('gastheerschapId')} IN ${gastheerschappenVan(ids)})`,
  maatstafwaarde: (ids) => sql`${verwijzing('organisatieId')} IN ${partnersVan(ids)}`,
  declaratie: (ids) => sql`(${noemt('vanId', ids)} OR ${noemt('aanId', ids)})`,
  // A business case: its participants. An impact scenario: its opsteller, the organisations its
  // changes and costs name, and the members of its samenwerking (as scenarioZichtbaar).
  scenario: (ids) =>
    sql`(EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(s.voor->'invoer'->'deelnemers', '[]'::jsonb)) d
        WHERE lower(d->>'organisatieId') = ANY(${tekst(ids)}))
      OR lower(s.voor->'invoer'->>'opstellerId') = ANY(${tekst(ids)})
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(s.voor->'invoer'->'wijzigingen', '[]'::jsonb)) w
        WHERE lower(coalesce(w->>'organisatieId', w->>'leverancierId', '')) = ANY(${tekst(ids)})
           OR lower(coalesce(w->>'nieuweLeverancierId', w->>'partijId', '')) = ANY(${tekst(ids)}))
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(s.voor->'invoer'->'kosten', '[]'::jsonb)) k
        WHERE lower(k->>'organisatieId') = ANY(${tekst(ids)}))
      OR (s.voor->>'soort' = 'impactanalyse' AND ${verwijzing('samenwerkingId')} IN ${samenwerkingenVan(ids)}))`,
  // The party and whom it was signed with; who registered it is not in the state.
  bewijsstuk: (ids) => sql`(${noemt('organisatieId', ids)} OR ${noemt('getekendMetId', ids)})`,
  contract: (ids) => sql`(${noemt('leverancierId', ids)} OR ${noemt('afnemerId', ids)})`,
  toegang: (ids) =>
    sql`(${noemt('partijId', ids)} OR ${noemt('verleendDoorId', ids)} OR s.voor->'object'->>'eigenaarId' = ANY(${tekst(ids)}))`,
  vertrouwensbeleid: (ids) =>
    sql`(${noemt('eigenaarId', ids)} OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce(s.voor->'samenwerkingIds', '[]'::jsonb)) sw
      WHERE sw.value IN (SELECT samenwerking_id::text FROM ${samenwerkingenVan(ids)} x)))`,
  // Findings are closed, never deleted.
  bevinding: undefined,
  // What it watched, looked up live (a koppeling outlives its controles: the 409 sees to that).
  controle: (ids) =>
    sql`(${verwijzing('koppelingId')} IN (SELECT id FROM koppeling WHERE ${koppelingZichtbaar(ids)})
      OR ${verwijzing('applicatieId')} IN (SELECT id FROM applicatie WHERE ${applicatieZichtbaar(ids)}))`,
  onderhoudsvenster: (ids) =>
    sql`(${verwijzing('controleId')} IN (SELECT id FROM controle WHERE ${controleZichtbaar(ids)})
      OR ${verwijzing('koppelingId')} IN (SELECT id FROM koppeling WHERE ${koppelingZichtbaar(ids)})
      OR ${verwijzing('samenwerkingId')} IN (SELECT id FROM samenwerking WHERE ${samenwerkingZichtbaar(ids)}))`,
  meldingskanaal: (ids) => noemt('organisatieId', ids),
}

/** Entries of deleted objects of this type whose last known state these organisations could see. */
function verwijderdZichtbaar(objecttype: Objecttype, staat: (ids: string[]) => RawBuilder<unknown>, ids: string[]): RawBuilder<boolean> {
  const zichtbaar = staat(ids)
  return sql<boolean>`(objecttype = ${objecttype}
    AND object_id NOT IN (SELECT t.id::text FROM ${sql.table(objecttype)} t)
    AND object_id IN (
      SELECT s.object_id FROM (
        SELECT DISTINCT ON (v.object_id) v.object_id, v.voor FROM auditlog v
        WHERE v.objecttype = ${objecttype} AND v.actie = 'verwijderen' AND v.voor IS NOT NULL
        ORDER BY v.object_id, v.volgnummer DESC
      ) s
      WHERE ${zichtbaar}))`
}

export const auditlog = {
  /** `tijdstip`: when it happened, from the writer's clock (services that take a Klok pass theirs). */
  async append(trx: Database, entry: AuditAppend, tijdstip: Date = new Date()): Promise<AuditEntry> {
    const [e] = await auditlog.appendMany(trx, [entry], tijdstip)
    return e as AuditEntry
  },

  /**
   * Appends entries chained in the given order, at one instant: one lock, one read of the
   * last entry, multi-row inserts (a bulk import writes thousands this way).
   */
  async appendMany(trx: Database, entries: AuditAppend[], tijdstip: Date = new Date()): Promise<AuditEntry[]> {
    if (entries.length === 0) return []
    await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
    const last = await trx.selectFrom('auditlog').select(['volgnummer', 'hash']).orderBy('volgnummer', 'desc').limit(1).executeTakeFirst()
    let vorige = last ? { volgnummer: Number(last.volgnummer), hash: last.hash } : undefined
    const chained = entries.map((entry) => {
      const e = chainEntry(
        {
          ...entry,
          voor: entry.voor ?? null,
          na: entry.na ?? null,
          volgnummer: (vorige?.volgnummer ?? 0) + 1,
          tijdstip: tijdstip.toISOString(),
        },
        vorige,
      )
      vorige = { volgnummer: e.volgnummer, hash: e.hash }
      return e
    })
    const rows = chained.map((e) => ({
      volgnummer: e.volgnummer,
      tijdstip: e.tijdstip,
      actor: e.actor,
      herkomst: e.herkomst,
      actie: e.actie,
      objecttype: e.objecttype,
      object_id: e.objectId,
      resultaat: e.resultaat,
      voor: e.voor === null ? null : JSON.stringify(e.voor),
      na: e.na === null ? null : JSON.stringify(e.na),
      vorige_hash: e.vorigeHash,
      hash: e.hash,
    }))
    for (let i = 0; i < rows.length; i += 2000)
      await trx
        .insertInto('auditlog')
        .values(rows.slice(i, i + 2000))
        .execute()
    await notifyChange(trx)
    return chained
  },

  async list(db: Database, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    let base = db.selectFrom('auditlog')
    if (q.zichtbaarVoor) {
      const ids = q.zichtbaarVoor
      base = base.where((eb) =>
        eb.or([
          // Each type's live rule (zichtbare-ids.ts), then its rule for deleted objects.
          ...OBJECTTYPEN.map((objecttype) => {
            const zicht = OBJECT_OPSLAG[objecttype].auditZichtbaar(db, ids)
            return zicht === 'alle'
              ? eb('objecttype', '=', objecttype)
              : eb.and([eb('objecttype', '=', objecttype), eb('object_id', 'in', zicht)])
          }),
          ...OBJECTTYPEN.flatMap((objecttype) => {
            const staat = laatsteStaat[objecttype]
            return staat ? [verwijderdZichtbaar(objecttype, staat, ids)] : []
          }),
        ]),
      )
    }
    if (q.objecttype) {
      const f = soortFilter(q.objecttype)
      base = base.where('objecttype', '=', f.objecttype)
      if (f.acties) base = base.where('actie', 'in', [...f.acties])
      if (f.nietActies) base = base.where('actie', 'not in', [...f.nietActies])
    }
    if (q.objectId) base = base.where('object_id', '=', q.objectId)
    if (q.actor) base = base.where('actor', '=', q.actor)
    if (q.actie) base = base.where('actie', '=', q.actie)
    if (q.vanaf) base = base.where('tijdstip', '>=', new Date(q.vanaf))
    if (q.tot) base = base.where('tijdstip', '<', new Date(q.tot))
    const rows = await base
      .selectAll()
      .orderBy('volgnummer', 'desc')
      .limit(q.paginaGrootte)
      .offset((q.pagina - 1) * q.paginaGrootte)
      .execute()
    const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    return { items: rows.map((r) => toEntry(r)), total: n }
  },

  /**
   * Registry objects with no creation entry in the log: a sign that audit rows were
   * removed (or that data was written around the application).
   */
  async objectsWithoutTrail(db: Database): Promise<{ objecttype: string; id: string; naam: string }[]> {
    const found: { objecttype: string; id: string; naam: string }[] = []
    for (const objecttype of OBJECTTYPEN) {
      // A finding has its own history instead (and only its risk acceptance, a person's act, is logged).
      if (DOOR_HET_SYSTEEM_GEMAAKT.has(objecttype)) continue
      const { tabel, naamKolom } = OBJECT_OPSLAG[objecttype]
      const rows = await sql<{ id: string; naam: string }>`
        SELECT t.id::text AS id, t.${sql.ref(naamKolom)} AS naam FROM ${sql.table(tabel)} t
        WHERE NOT EXISTS (
          SELECT 1 FROM auditlog a
          WHERE a.objecttype = ${objecttype} AND a.object_id = t.id::text AND a.actie IN ('aanmaken', 'importeren', 'genereren', 'corrigeren')
        )
        ORDER BY t.id LIMIT 1000`.execute(db)
      for (const r of rows.rows) found.push({ objecttype, ...r })
    }
    return found
  },

  /** All entries in volgnummer order, fetched in batches to bound memory. */
  async *inOrder(db: Database, batchSize = 1000): AsyncGenerator<AuditEntry> {
    let after = 0
    for (;;) {
      const rows = await db
        .selectFrom('auditlog')
        .selectAll()
        .where('volgnummer', '>', after)
        .orderBy('volgnummer')
        .limit(batchSize)
        .execute()
      for (const r of rows) yield toEntry(r)
      if (rows.length < batchSize) return
      after = Number(rows[rows.length - 1].volgnummer)
    }
  },
}
