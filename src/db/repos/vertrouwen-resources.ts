// biome-ignore-all lint/suspicious/noExplicitAny: filters run on the untyped query builder of RegistryRepository
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { Bewijsstuk, BewijsstukInvoer, Contract, ContractInvoer, Toegang, ToegangInvoer } from '../../schemas/vertrouwen.js'
import type { Database } from '../database.js'
import { type FilterFn, RegistryRepository } from './registry-repository.js'

// The stored trust resources (issue 12), declared like the registry aggregates: one
// repository shape, so lists, paging, ETags, 412, 409-with-dependants and the audit log
// behave the same everywhere.
//
// Visibility: only who has a reason. O is the caller's organisations.
// - a toegang: the party, the organisation that granted it, and the owner of its netwerkzone;
// - a contract: the supplier and the organisation that holds it;
// - a bewijsstuk: the party itself, the organisation a verwerkersovereenkomst was signed
//   with, the organisations that registered it, and those the party has a toegang from
//   (granting organisation, zone owner) or a contract with (holder).

const eq =
  (column: string): FilterFn =>
  (q, v) =>
    q.where(column, '=', v)

const inChild =
  (table: string, parentColumn: string, column: string): FilterFn =>
  (q, v) =>
    q.where('id', 'in', (eb: ExpressionBuilder<any, any>) => eb.selectFrom(table).select(parentColumn).where(column, '=', v))

const meta = { aangemaaktOp: 'aangemaakt_op', gewijzigdOp: 'gewijzigd_op' }
const orgs = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`

export const toegangZichtbaar = (ids: string[]): Expression<SqlBool> =>
  sql<SqlBool>`(partij_id = ANY(${orgs(ids)}) OR verleend_door_id = ANY(${orgs(ids)}) OR netwerkzone_eigenaar_id = ANY(${orgs(ids)}))`

export const contractZichtbaar = (ids: string[]): Expression<SqlBool> =>
  sql<SqlBool>`(leverancier_id = ANY(${orgs(ids)}) OR afnemer_id = ANY(${orgs(ids)}))`

export const bewijsstukZichtbaar = (ids: string[]): Expression<SqlBool> =>
  sql<SqlBool>`(organisatie_id = ANY(${orgs(ids)}) OR getekend_met_id = ANY(${orgs(ids)}) OR geregistreerd_door && ${orgs(ids)}
    OR organisatie_id IN (SELECT partij_id FROM toegang WHERE verleend_door_id = ANY(${orgs(ids)}) OR netwerkzone_eigenaar_id = ANY(${orgs(ids)}))
    OR organisatie_id IN (SELECT leverancier_id FROM contract WHERE afnemer_id = ANY(${orgs(ids)})))`

const present = (v: unknown) => v !== null && v !== undefined

/** An upload's metadata: in four columns on the bewijsstuk, never written from input (the bytes are in bewijsstuk_bijlage). */
const bijlageKolommen = {
  write: () => ({}),
  read: (row: Record<string, unknown>) =>
    present(row.bijlage_sha256)
      ? {
          bestandsnaam: row.bijlage_bestandsnaam,
          mediatype: row.bijlage_mediatype,
          grootte: Number(row.bijlage_grootte),
          sha256: row.bijlage_sha256,
        }
      : undefined,
}

export const bewijsstukken = new RegistryRepository<BewijsstukInvoer, Bewijsstuk>({
  objecttype: 'bewijsstuk',
  table: 'bewijsstuk',
  nameColumn: 'uitgever',
  fields: {
    organisatieId: { column: 'organisatie_id' },
    soort: { column: 'soort' },
    uitgever: { column: 'uitgever' },
    geldigVanaf: { column: 'geldig_vanaf' },
    geldigTot: { column: 'geldig_tot' },
    scope: { column: 'scope' },
    getekendMetId: { column: 'getekend_met_id' },
    documentVerwijzing: { column: 'document_verwijzing' },
    toelichting: { column: 'toelichting' },
    bijlage: { column: 'bijlage_bestandsnaam', readOnly: true, columns: bijlageKolommen },
  },
  children: [],
  sort: { geldigTot: 'geldig_tot', geldigVanaf: 'geldig_vanaf', soort: 'soort', uitgever: 'uitgever', ...meta },
  defaultSort: 'geldigTot',
  filters: {
    organisatieId: eq('organisatie_id'),
    soort: eq('soort'),
    getekendMetId: eq('getekend_met_id'),
  },
  references: { organisatieId: 'organisatie', getekendMetId: 'organisatie' },
  dependants: [],
  visibleTo: (q, ids) => q.where(bewijsstukZichtbaar(ids)),
  // Evidence is named by its kind and party: "iso27001 Fictief Hosting B.V.".
  weergaveNaam: () => ({
    naam: sql<string>`t.soort || ' ' || p.naam`,
    joins: (q) => q.innerJoin('organisatie as p', 'p.id', 't.organisatie_id'),
  }),
})

export const contracten = new RegistryRepository<ContractInvoer, Contract>({
  objecttype: 'contract',
  table: 'contract',
  nameColumn: 'omschrijving',
  fields: {
    leverancierId: { column: 'leverancier_id' },
    afnemerId: { column: 'afnemer_id' },
    omschrijving: { column: 'omschrijving' },
    startdatum: { column: 'startdatum' },
    einddatum: { column: 'einddatum' },
    opzegtermijnMaanden: { column: 'opzegtermijn_maanden' },
    auditrecht: { column: 'auditrecht' },
    exitstrategie: { column: 'exitstrategie' },
    exitstrategieVindplaats: { column: 'exitstrategie_vindplaats' },
    beveiligingseisen: { column: 'beveiligingseisen' },
  },
  children: [
    { field: 'applicatieIds', table: 'contract_applicatie', parentColumn: 'contract_id', kind: 'ids', idColumn: 'applicatie_id' },
    { field: 'koppelingIds', table: 'contract_koppeling', parentColumn: 'contract_id', kind: 'ids', idColumn: 'koppeling_id' },
  ],
  sort: { omschrijving: 'omschrijving', startdatum: 'startdatum', einddatum: 'einddatum', ...meta },
  defaultSort: 'omschrijving',
  filters: {
    leverancierId: eq('leverancier_id'),
    afnemerId: eq('afnemer_id'),
    applicatieId: inChild('contract_applicatie', 'contract_id', 'applicatie_id'),
    koppelingId: inChild('contract_koppeling', 'contract_id', 'koppeling_id'),
    auditrecht: eq('auditrecht'),
    exitstrategie: eq('exitstrategie'),
  },
  references: { leverancierId: 'organisatie', afnemerId: 'organisatie', applicatieId: 'applicatie', koppelingId: 'koppeling' },
  dependants: [],
  visibleTo: (q, ids) => q.where(contractZichtbaar(ids)),
})

/** A toegang's object: its kind and the columns of that kind (the table's CHECKs hold the rest). */
const objectKolommen = {
  write: (v: unknown) => {
    const o = (v ?? {}) as Record<string, string | undefined>
    return {
      object_soort: o.soort,
      applicatie_id: o.soort === 'applicatie' ? o.id : null,
      koppeling_id: o.soort === 'koppeling' ? o.id : null,
      netwerkzone_naam: o.soort === 'netwerkzone' ? o.naam : null,
      netwerkzone_eigenaar_id: o.soort === 'netwerkzone' ? o.eigenaarId : null,
    }
  },
  read: (row: Record<string, unknown>) => {
    if (row.object_soort === 'netwerkzone')
      return { soort: 'netwerkzone', naam: row.netwerkzone_naam, eigenaarId: row.netwerkzone_eigenaar_id }
    return { soort: row.object_soort, id: row.object_soort === 'applicatie' ? row.applicatie_id : row.koppeling_id }
  },
}

/** Who revoked a grant, when and why: shown, never input (POST /toegangen/{id}/herbeoordelen). */
const intrekkingKolommen = {
  write: () => ({}),
  read: (row: Record<string, unknown>) =>
    present(row.ingetrokken_op) ? { op: row.ingetrokken_op, door: row.ingetrokken_door ?? '', reden: row.intrekreden } : undefined,
}

export const toegangen = new RegistryRepository<ToegangInvoer, Toegang>({
  objecttype: 'toegang',
  table: 'toegang',
  nameColumn: 'doel',
  fields: {
    partijId: { column: 'partij_id' },
    object: { column: 'object_soort', columns: objectKolommen },
    doel: { column: 'doel' },
    verleendDoorId: { column: 'verleend_door_id' },
    geldigVanaf: { column: 'geldig_vanaf' },
    geldigTot: { column: 'geldig_tot' },
    laatsteBeoordeling: { column: 'laatste_beoordeling' },
    beoordelaar: { column: 'beoordelaar' },
    intrekking: { column: 'ingetrokken_op', readOnly: true, columns: intrekkingKolommen },
  },
  children: [],
  sort: { doel: 'doel', geldigTot: 'geldig_tot', laatsteBeoordeling: 'laatste_beoordeling', ...meta },
  defaultSort: 'doel',
  filters: {
    partijId: eq('partij_id'),
    verleendDoorId: eq('verleend_door_id'),
    applicatieId: eq('applicatie_id'),
    koppelingId: eq('koppeling_id'),
    objectSoort: eq('object_soort'),
  },
  references: { partijId: 'organisatie', verleendDoorId: 'organisatie', applicatieId: 'applicatie', koppelingId: 'koppeling' },
  dependants: [],
  visibleTo: (q, ids) => q.where(toegangZichtbaar(ids)),
})

export const vertrouwenRepositories = { bewijsstukken, contracten, toegangen }

/** Others with the same party, soort, scope and counterpart that the caller may see (none given: all), this one left out. */
export async function bewijsstukkenMetSleutel(
  db: Database,
  i: Pick<BewijsstukInvoer, 'organisatieId' | 'soort' | 'scope' | 'getekendMetId'>,
  behalve: string | undefined,
  zichtbaarVoor: string[] | undefined,
): Promise<{ id: string; uitgever: string; geldigVanaf: string; geldigTot?: string }[]> {
  let q = db
    .selectFrom('bewijsstuk')
    .select(['id', 'uitgever', 'geldig_vanaf', 'geldig_tot'])
    .where('organisatie_id', '=', i.organisatieId)
    .where('soort', '=', i.soort)
    .where(sql<SqlBool>`lower(btrim(coalesce(scope, ''))) = ${(i.scope ?? '').trim().toLowerCase()}`)
    .where(sql<SqlBool>`coalesce(getekend_met_id::text, '') = ${(i.getekendMetId ?? '').toLowerCase()}`)
  if (behalve) q = q.where('id', '<>', behalve)
  if (zichtbaarVoor) q = q.where(bewijsstukZichtbaar(zichtbaarVoor))
  const rows = await q.orderBy('geldig_vanaf').limit(20).execute()
  return rows.map((r) => ({
    id: r.id,
    uitgever: r.uitgever,
    geldigVanaf: r.geldig_vanaf,
    ...(r.geldig_tot ? { geldigTot: r.geldig_tot } : {}),
  }))
}

/** A bewijsstuk's upload as stored, or undefined. */
export async function leesBijlage(
  db: Database,
  id: string,
): Promise<{ inhoud: Buffer; bestandsnaam: string; mediatype: string; sha256: string } | undefined> {
  const row = await db
    .selectFrom('bewijsstuk_bijlage as b')
    .innerJoin('bewijsstuk as s', 's.id', 'b.bewijsstuk_id')
    .select(['b.inhoud', 's.bijlage_bestandsnaam', 's.bijlage_mediatype', 's.bijlage_sha256'])
    .where('b.bewijsstuk_id', '=', id)
    .executeTakeFirst()
  if (!row?.bijlage_bestandsnaam || !row.bijlage_mediatype || !row.bijlage_sha256) return undefined
  return { inhoud: row.inhoud, bestandsnaam: row.bijlage_bestandsnaam, mediatype: row.bijlage_mediatype, sha256: row.bijlage_sha256 }
}

/** Stores (replaces) or removes a bewijsstuk's upload; the caller bumps the revisie and audits. */
export async function zetBijlage(
  trx: Database,
  id: string,
  bijlage: { inhoud: Buffer; bestandsnaam: string; mediatype: string; sha256: string } | undefined,
): Promise<void> {
  await trx.deleteFrom('bewijsstuk_bijlage').where('bewijsstuk_id', '=', id).execute()
  if (bijlage) await trx.insertInto('bewijsstuk_bijlage').values({ bewijsstuk_id: id, inhoud: bijlage.inhoud }).execute()
  await trx
    .updateTable('bewijsstuk')
    .set({
      bijlage_bestandsnaam: bijlage?.bestandsnaam ?? null,
      bijlage_mediatype: bijlage?.mediatype ?? null,
      bijlage_grootte: bijlage ? bijlage.inhoud.length : null,
      bijlage_sha256: bijlage?.sha256 ?? null,
    })
    .where('id', '=', id)
    .execute()
}

/** Records a revocation on a grant (its dates are written by the service as a normal update). */
export async function zetIntrekking(trx: Database, id: string, intrekking: { op: string; door: string; reden: string }): Promise<void> {
  await trx
    .updateTable('toegang')
    .set({ ingetrokken_op: intrekking.op, ingetrokken_door: intrekking.door, intrekreden: intrekking.reden })
    .where('id', '=', id)
    .execute()
}

/** A herbeoordeling's outcome on a grant's dates and review (the operation bumps the revisie and audits). */
export async function zetBeoordeling(
  trx: Database,
  id: string,
  t: { geldigVanaf: string; geldigTot?: string; laatsteBeoordeling?: string; beoordelaar?: string },
): Promise<void> {
  await trx
    .updateTable('toegang')
    .set({
      geldig_vanaf: t.geldigVanaf,
      geldig_tot: t.geldigTot ?? null,
      laatste_beoordeling: t.laatsteBeoordeling ?? null,
      beoordelaar: t.beoordelaar ?? null,
    })
    .where('id', '=', id)
    .execute()
}
