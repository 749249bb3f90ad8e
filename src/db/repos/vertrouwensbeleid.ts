import { sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { Vertrouwensbeleid, VertrouwensbeleidInvoer } from '../../schemas/vertrouwensbeleid.js'
import type { Database } from '../database.js'
import { bevindingen, bevindingZichtbaar } from './bevindingen.js'
import { samenwerkingenVan } from './registry.js'
import type { ObjectOpslag } from './registry-repository.js'
import { RegistryRepository } from './registry-repository.js'

// Trust policies (migration 0015), declared like the registry aggregates. Seen by the
// organisation that owns it and by the confirmed leden of a samenwerking that adopted it;
// `versie` is the revisie, and every version is kept in vertrouwensbeleid_versie.

const orgs = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`

export const vertrouwensbeleidZichtbaar = (ids: string[]) =>
  sql<boolean>`(eigenaar_id = ANY(${orgs(ids)})
    OR id IN (SELECT vertrouwensbeleid_id FROM vertrouwensbeleid_samenwerking WHERE samenwerking_id IN ${samenwerkingenVan(ids)}))`

export const vertrouwensbeleid = new RegistryRepository<VertrouwensbeleidInvoer, Vertrouwensbeleid>({
  objecttype: 'vertrouwensbeleid',
  table: 'vertrouwensbeleid',
  nameColumn: 'naam',
  fields: {
    eigenaarId: { column: 'eigenaar_id' },
    naam: { column: 'naam' },
    regels: { column: 'regels', json: true },
    toelichting: { column: 'toelichting' },
    versie: { column: 'revisie', readOnly: true },
  },
  children: [
    {
      field: 'samenwerkingIds',
      table: 'vertrouwensbeleid_samenwerking',
      parentColumn: 'vertrouwensbeleid_id',
      kind: 'ids',
      idColumn: 'samenwerking_id',
    },
  ],
  sort: { naam: 'naam', aangemaaktOp: 'aangemaakt_op', gewijzigdOp: 'gewijzigd_op' },
  defaultSort: 'naam',
  filters: {
    eigenaarId: (q, v) => q.where('eigenaar_id', '=', v),
    samenwerkingId: (q, v) =>
      q.where('id', 'in', sql`(SELECT vertrouwensbeleid_id FROM vertrouwensbeleid_samenwerking WHERE samenwerking_id = ${v})`),
  },
  references: { eigenaarId: 'organisatie', samenwerkingId: 'samenwerking' },
  dependants: [],
  visibleTo: (q, ids) => q.where(vertrouwensbeleidZichtbaar(ids)),
})

/** Every version of a policy as stored (the newest last). */
export const beleidsversies = {
  async bewaar(trx: Database, beleid: Vertrouwensbeleid, door: string, op: Date): Promise<void> {
    await sql`INSERT INTO vertrouwensbeleid_versie (vertrouwensbeleid_id, versie, staat, vastgesteld_op, vastgesteld_door)
      VALUES (${beleid.id}, ${beleid.revisie}, ${JSON.stringify(beleid)}::jsonb, ${op}, ${door})
      ON CONFLICT (vertrouwensbeleid_id, versie) DO NOTHING`.execute(trx)
  },
  async lijst(db: Database, id: string) {
    const { rows } = await sql<{ versie: number; staat: Vertrouwensbeleid; vastgesteld_op: Date; vastgesteld_door: string }>`
      SELECT versie, staat, vastgesteld_op, vastgesteld_door FROM vertrouwensbeleid_versie
      WHERE vertrouwensbeleid_id = ${id} ORDER BY versie`.execute(db)
    return rows
  },
}

/** What the object-type register needs of the findings, which have a store of their own (bevindingen.ts). */
export const bevindingOpslag: ObjectOpslag = {
  objecttype: 'bevinding',
  tabel: 'bevinding',
  naamKolom: 'sleutel',
  weergaveNaam: () => ({
    naam: sql<string>`t.regel_id || ' — ' || coalesce((SELECT naam FROM organisatie o WHERE o.id = t.partij_id), '')`,
  }),
  existingIds: (db: Database, ids: string[], bereik?: Leesbereik) =>
    bevindingen.existingIds(db, ids, !bereik || bereik.alles ? 'alles' : bereik.organisatieIds),
  idsVisibleTo: (db, ids) => db.selectFrom('bevinding as b').select('b.id').where(bevindingZichtbaar(ids)),
  auditZichtbaar: (_db, ids) => sql<string>`(SELECT b.id::text FROM bevinding b WHERE ${bevindingZichtbaar(ids)})`,
}
