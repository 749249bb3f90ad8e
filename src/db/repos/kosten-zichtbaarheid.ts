import { type Expression, type SqlBool, sql } from 'kysely'
import { gastheerschappenVan, partnersVan, samenwerkingenVan } from './registry.js'

// Who sees which cost data, as SQL over the caller's organisations (O):
// - a kostenpost: whoever sees its gastheerschap or samenwerking (gastheer, afnemers,
//   members of the samenwerking: the council of each member may ask about all costs
//   of the cooperation) and its maker;
// - a verdeelsleutel: everyone when it has no scope, else who sees the scope;
// - a maatstafwaarde: the organisation itself and its partners in samenwerkingen;
// - a declaratie: only its sender and recipient (DESIGN.md).
// "Samenwerkingen" and "partners" count confirmed leden only, "gastheerschappen" confirmed
// afnemers only (see registry.ts): an afnemer that has not confirmed sees none of the costs.

const orgs = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`

export const kostenpostZichtbaar = (ids: string[]): Expression<SqlBool> =>
  sql<SqlBool>`(k.gemaakt_door_id = ANY(${orgs(ids)}) OR k.gastheerschap_id IN ${gastheerschappenVan(ids)}
    OR k.samenwerking_id IN ${samenwerkingenVan(ids)})`

/** The same rule for a query on the bare table (no alias). */
export const kostenpostZichtbaarTabel = (ids: string[]): Expression<SqlBool> =>
  sql<SqlBool>`(gemaakt_door_id = ANY(${orgs(ids)}) OR gastheerschap_id IN ${gastheerschappenVan(ids)}
    OR samenwerking_id IN ${samenwerkingenVan(ids)})`

export const verdeelsleutelZichtbaar = (ids: string[]): Expression<SqlBool> =>
  sql<SqlBool>`((samenwerking_id IS NULL AND gastheerschap_id IS NULL)
    OR samenwerking_id IN ${samenwerkingenVan(ids)}
    OR gastheerschap_id IN ${gastheerschappenVan(ids)})`

export const maatstafwaardeZichtbaar = (ids: string[]): Expression<SqlBool> => sql<SqlBool>`organisatie_id IN ${partnersVan(ids)}`

/** Only sender and recipient; `tabel`: the alias of declaratie in the query, if it has one. */
export const declaratieZichtbaar = (ids: string[], tabel?: string): Expression<SqlBool> => {
  const kolom = (naam: string) => sql.ref(tabel ? `${tabel}.${naam}` : naam)
  return sql<SqlBool>`(${kolom('van_id')} = ANY(${orgs(ids)}) OR ${kolom('aan_id')} = ANY(${orgs(ids)}))`
}

/** A scenario: the organisations it is about; an impact scenario also the members of its samenwerking. */
export const scenarioZichtbaar = (ids: string[]): Expression<SqlBool> =>
  sql<SqlBool>`(deelnemer_ids && ${orgs(ids)} OR (soort = 'impactanalyse' AND samenwerking_id IN ${samenwerkingenVan(ids)}))`
