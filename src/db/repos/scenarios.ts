import { sql } from 'kysely'
import { type ScenarioVorm, scenarioOrganisaties } from '../../domain/businesscase.js'
import type { Scenario, ScenarioInvoer } from '../../schemas/scenario.js'
import type { Database } from '../database.js'
import { scenarioZichtbaar } from './kosten-zichtbaarheid.js'
import { type FilterFn, RegistryRepository } from './registry-repository.js'

// Scenarios (business cases), declared for the generic repository. The input is one
// jsonb column; the participants are also kept as a uuid[] column (derived from the
// input) so visibility and the organisatieId filter are one indexed `&&`/ANY.

const eq =
  (column: string): FilterFn =>
  (q, v) =>
    q.where(column, '=', v)

export const scenarios = new RegistryRepository<ScenarioInvoer, Scenario>({
  objecttype: 'scenario',
  table: 'scenario',
  nameColumn: 'naam',
  fields: {
    naam: { column: 'naam' },
    soort: { column: 'soort' },
    omschrijving: { column: 'omschrijving' },
    samenwerkingId: { column: 'samenwerking_id' },
    invoer: { column: 'invoer', json: true },
    toelichting: { column: 'toelichting' },
  },
  children: [],
  sort: { naam: 'naam', soort: 'soort', aangemaaktOp: 'aangemaakt_op', gewijzigdOp: 'gewijzigd_op' },
  defaultSort: 'naam',
  filters: {
    soort: eq('soort'),
    samenwerkingId: eq('samenwerking_id'),
    organisatieId: (q, v) => q.where(sql<boolean>`${v}::uuid = ANY(deelnemer_ids)`),
  },
  references: { samenwerkingId: 'samenwerking', organisatieId: 'organisatie' },
  dependants: [],
  // Who the scenario is about: a business case's participants, an impact scenario's opsteller and the organisations it names.
  derived: (input) => ({ deelnemer_ids: scenarioOrganisaties(input as Partial<ScenarioVorm>) }),
  visibleTo: (q, ids) => q.where(scenarioZichtbaar(ids)),
})

/** Names of organisations by id (for the outcome's participants); unknown ids are left out. */
export async function organisatieNamen(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('organisatie')
    .select(['id', 'naam'])
    .where('id', 'in', [...new Set(ids.map((i) => i.toLowerCase()))])
    .execute()
  return new Map(rows.map((r) => [r.id, r.naam]))
}
