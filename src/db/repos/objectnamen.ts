import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { Objecttype } from '../../domain/registry-rules.js'
import type { Taal } from '../../domain/taal.js'
import { naamSleutel } from '../../domain/wijzigingen.js'
import type { Database } from '../database.js'
import { kostenRepositories } from './kosten-resources.js'
import { registryRepositories } from './registry.js'
import { scenarios } from './scenarios.js'
import { zichtbareIds } from './zichtbare-ids.js'

// The names of objects the audit log refers to, for one reader: only of objects that
// reader may see now, by the same visibility rules as the lists and reads
// (zichtbare-ids.ts). What the reader may not see gets no name, whatever it is called.

// biome-ignore lint/suspicious/noExplicitAny: table names vary by object type
type AnyDb = Kysely<any>
// biome-ignore lint/suspicious/noExplicitAny: table names vary by object type
type AnyQuery = SelectQueryBuilder<any, any, any>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const repositories = [...Object.values(registryRepositories), ...Object.values(kostenRepositories), scenarios]

/** A concept declaratie's name says it is one, in the reader's language. */
const CONCEPT: Record<Taal, string> = { nl: 'concept', en: 'draft' }

/** How an object of each type is named: its name column, or what a person calls it when it has none. */
function naamVan(
  objecttype: string,
  taal: Taal,
): { tabel: string; naam: RawBuilder<string>; joins?: (q: AnyQuery) => AnyQuery } | undefined {
  switch (objecttype) {
    case 'gebruiker':
      return { tabel: 'gebruiker', naam: sql<string>`t.naam` }
    case 'api-token':
      return { tabel: 'api_token', naam: sql<string>`t.naam` }
    case 'maatstafwaarde':
      return { tabel: 'maatstafwaarde', naam: sql<string>`t.maatstaf || ' ' || t.jaar` }
    case 'declaratie':
      // A concept has no number yet: its period and parties.
      return {
        tabel: 'declaratie',
        naam: sql<string>`coalesce(t.nummer, t.periode || ' ' || van.naam || ' → ' || aan.naam || ' (' || ${CONCEPT[taal]}::text || ')')`,
        joins: (q) => q.innerJoin('organisatie as van', 'van.id', 't.van_id').innerJoin('organisatie as aan', 'aan.id', 't.aan_id'),
      }
    default: {
      const repo = repositories.find((r) => r.spec.objecttype === objecttype)
      return repo ? { tabel: repo.spec.table, naam: sql<string>`${sql.ref(`t.${repo.spec.nameColumn}`)}` } : undefined
    }
  }
}

/**
 * Names of these objects that the reader may see, by `naamSleutel(objecttype, id)`. User
 * accounts and API tokens are named for whoever may see everything (an admin) only.
 */
export async function objectnamen(
  db: Database,
  bereik: Leesbereik,
  objecten: { objecttype: string; id: string }[],
  taal: Taal,
): Promise<Map<string, string>> {
  const perSoort = new Map<string, Set<string>>()
  for (const o of objecten) {
    if (!UUID.test(o.id)) continue
    const ids = perSoort.get(o.objecttype) ?? new Set<string>()
    ids.add(o.id.toLowerCase())
    perSoort.set(o.objecttype, ids)
  }
  const zicht = zichtbareIds(db, bereik)
  const namen = new Map<string, string>()
  for (const [objecttype, ids] of perSoort) {
    const spec = naamVan(objecttype, taal)
    if (!spec) continue
    const zichtbaar =
      objecttype === 'gebruiker' || objecttype === 'api-token' ? (bereik.alles ? 'alle' : 'geen') : zicht(objecttype as Objecttype)
    if (zichtbaar === 'geen') continue
    let q: AnyQuery = (db as unknown as AnyDb).selectFrom(`${spec.tabel} as t`)
    if (spec.joins) q = spec.joins(q)
    let rows = q
      .select([sql<string>`t.id::text`.as('id'), spec.naam.as('naam')])
      .where(sql<boolean>`t.id = ANY(${sql.val([...ids])}::uuid[])`)
    if (zichtbaar !== 'alle') rows = rows.where('t.id', 'in', zichtbaar)
    for (const r of (await rows.execute()) as { id: string; naam: string }[]) namen.set(naamSleutel(objecttype, r.id), r.naam)
  }
  return namen
}

/** The full names of the users who acted, by user name (lower case); actors that are no user (the CLI, the demo seed) are absent. */
export async function actornamen(db: Database, actors: string[]): Promise<Map<string, string>> {
  const namen = [...new Set(actors.map((a) => a.toLowerCase()))]
  if (namen.length === 0) return new Map()
  const rows = await db
    .selectFrom('gebruiker')
    .select(['gebruikersnaam', 'naam'])
    .where(sql<boolean>`lower(gebruikersnaam) = ANY(${sql.val(namen)}::text[])`)
    .execute()
  return new Map(rows.map((r) => [r.gebruikersnaam.toLowerCase(), r.naam]))
}
