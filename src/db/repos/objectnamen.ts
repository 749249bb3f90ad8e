import { type Kysely, type SelectQueryBuilder, sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import { OBJECTTYPEN, type Objecttype } from '../../domain/registry-rules.js'
import type { Taal } from '../../domain/taal.js'
import { naamSleutel } from '../../domain/wijzigingen.js'
import type { Database } from '../database.js'
import type { WeergaveNaam } from './registry-repository.js'
import { OBJECT_OPSLAG, zichtbareIds } from './zichtbare-ids.js'

// The names of objects the audit log refers to, for one reader: only of objects that
// reader may see now, by the same visibility rules as the lists and reads
// (zichtbare-ids.ts). What the reader may not see gets no name, whatever it is called.

// biome-ignore lint/suspicious/noExplicitAny: table names vary by object type
type AnyDb = Kysely<any>
// biome-ignore lint/suspicious/noExplicitAny: table names vary by object type
type AnyQuery = SelectQueryBuilder<any, any, any>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Accounts and tokens are no object type of the register, but the audit log speaks of them too. */
const ACCOUNTS = new Map<string, { tabel: string; naam: WeergaveNaam }>([
  ['gebruiker', { tabel: 'gebruiker', naam: { naam: sql<string>`t.naam` } }],
  ['api-token', { tabel: 'api_token', naam: { naam: sql<string>`t.naam` } }],
])

const isObjecttype = (soort: string): soort is Objecttype => (OBJECTTYPEN as readonly string[]).includes(soort)

/** How an object of each type is named: its type's display name (zichtbare-ids.ts), or an account's name. */
function naamVan(objecttype: string, taal: Taal): { tabel: string; naam: WeergaveNaam } | undefined {
  if (isObjecttype(objecttype)) {
    const opslag = OBJECT_OPSLAG[objecttype]
    return { tabel: opslag.tabel, naam: opslag.weergaveNaam(taal) }
  }
  return ACCOUNTS.get(objecttype)
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
    const zichtbaar = isObjecttype(objecttype) ? zicht(objecttype) : bereik.alles ? 'alle' : 'geen'
    if (zichtbaar === 'geen') continue
    // Table names vary by type: the untyped builder, as in registry-repository.ts.
    let q: AnyQuery = (db as unknown as AnyDb).selectFrom(`${spec.tabel} as t`)
    if (spec.naam.joins) q = spec.naam.joins(q)
    let rows = q
      .select([sql<string>`t.id::text`.as('id'), spec.naam.naam.as('naam')])
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
