import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { Dependant } from '../../domain/errors.js'
import type { SortKey } from '../../domain/listing.js'
import type { Objecttype } from '../../domain/registry-rules.js'
import type { Taal } from '../../domain/taal.js'
import type { Database } from '../database.js'

// One repository shape for the five registry aggregates. Each aggregate declares its
// table, fields, child collections, filters and dependants; this module turns that
// declaration into queries. Kysely is used untyped here because table names vary;
// the typed resource shapes are enforced at the edges by the schemas.

// biome-ignore lint/suspicious/noExplicitAny: dynamic table names, see above
type AnyDb = Kysely<any>
// biome-ignore lint/suspicious/noExplicitAny: dynamic table names, see above
type AnyQuery = SelectQueryBuilder<any, any, any>

export interface FieldSpec {
  column: string
  json?: boolean
  /** A numeric column (read as text by the driver) shown as a JSON number. */
  numeric?: boolean
  /** Shown but never written from input (a derived column). */
  readOnly?: boolean
  /**
   * A field kept in several columns (a toegang's object, a bewijsstuk's upload): how it is
   * written to them and read back (undefined: absent). `column` is the one to sort on.
   */
  columns?: { write(value: unknown): Record<string, unknown>; read(row: Record<string, unknown>): unknown }
}

/** A child table holding a list on the resource, e.g. afnemerIds or leden. */
export interface ChildSpec {
  field: string
  table: string
  parentColumn: string
  /** 'ids': a list of organisatie ids; 'rows': objects with these field→column pairs. */
  kind: 'ids' | 'rows'
  idColumn: string
  rowFields?: Record<string, string>
  /** Columns a row keeps, by idColumn, when the list is written again (e.g. a lid's confirmation). */
  keptColumns?: string[]
  /** Read-only fields shown on each row besides rowFields, computed from the stored row. */
  shown?: (row: Record<string, unknown>) => Record<string, unknown>
  /**
   * For an 'ids' list: a read-only field that shows the same list as rows,
   * `{ organisatieId, ...shown(row) }` (e.g. afnemers with their confirmation); never input.
   */
  shownAs?: string
}

export interface DependantSpec {
  objecttype: Objecttype | 'gebruiker'
  relatie: string
  /** Table of the resource that refers (it has id and a name column). */
  ownerTable: string
  ownerName: string
  /** When the reference sits in a child table: that table and its column to the owner. */
  linkTable?: string
  linkOwnerColumn?: string
  column: string
  /** The column is an array of ids (uuid[]) rather than one id. */
  array?: boolean
}

export type FilterFn = (q: AnyQuery, value: unknown) => AnyQuery

/** The objects of one type a caller may see: all, none, or a subquery of their ids. */
export type ZichtbareIds = 'alle' | 'geen' | AnyQuery

/** How a person names a row `t` of a table: an expression, with the joins it needs. */
export interface WeergaveNaam {
  naam: RawBuilder<string>
  joins?: (q: AnyQuery) => AnyQuery
}

/** The ids (as text) of the rows whose audit entries given organisations may read: all, or a subquery. */
export type AuditZicht = 'alle' | AnyQuery | RawBuilder<string>

/**
 * What the object-type register (services/objecttypen.ts), the audit log and the names it
 * shows need of one type's storage. A RegistryRepository is one; a type with a repository
 * of its own (declaraties) supplies one beside it (zichtbare-ids.ts).
 */
export interface ObjectOpslag {
  readonly objecttype: Objecttype
  readonly tabel: string
  /** The column that names a row, as `audit verify` lists it. */
  readonly naamKolom: string
  /** How the audit log names a row for a reader in `taal`. */
  weergaveNaam(taal: Taal): WeergaveNaam
  /** Which of these ids exist (and, given a bereik, the caller may see): for reference checks. */
  existingIds(db: Database, ids: string[], bereik?: Leesbereik): Promise<Set<string>>
  /** The rows these organisations may see, as ids for a subquery. */
  idsVisibleTo(db: Database, organisatieIds: string[]): ZichtbareIds
  /** The rows whose audit entries these organisations may read. */
  auditZichtbaar(db: Database, organisatieIds: string[]): AuditZicht
}

export interface RepoSpec {
  objecttype: Objecttype
  table: string
  nameColumn: string
  fields: Record<string, FieldSpec>
  children: ChildSpec[]
  sort: Record<string, string>
  defaultSort: string
  filters: Record<string, FilterFn>
  /**
   * Filters that take the id of another object, with that object's type. A filter on an
   * object the caller may not see matches nothing, exactly like one on an unknown id
   * (checked by the service); every uuid filter of a list route must be declared here.
   */
  references?: Record<string, Objecttype>
  dependants: DependantSpec[]
  /** Columns computed from the input, e.g. a period's start and end; not part of the resource unless also a field. */
  derived?: (input: Record<string, unknown>) => Record<string, unknown>
  /** Narrows a query to what the given organisations may see; absent: visible to all. */
  visibleTo?: (q: AnyQuery, organisatieIds: string[]) => AnyQuery
  /** How the audit log names a row, when not by its name column. */
  weergaveNaam?: (taal: Taal) => WeergaveNaam
  /** Whose audit entries these organisations may read, when not the rows they may see. */
  auditZichtbaar?: (organisatieIds: string[]) => AuditZicht
}

export interface ListRequest {
  pagina: number
  paginaGrootte: number
  zoek?: string
  sort: SortKey[]
  filters: Record<string, unknown>
}

export type Resource = Record<string, unknown> & { id: string; revisie: number }

const META_COLUMNS = { id: 'id', revisie: 'revisie', aangemaaktOp: 'aangemaakt_op', gewijzigdOp: 'gewijzigd_op' }

export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A value as the database keeps it, for comparing: absent is null (and a null member absent), keys sorted (jsonb), uuids in lower case. */
function comparable(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map(comparable).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${comparable(v)}`).join(',')}}`
  }
  if (typeof value === 'string' && UUID_TEXT.test(value)) return JSON.stringify(value.toLowerCase())
  return JSON.stringify(value)
}

export class RegistryRepository<TInput extends object, TResource extends Resource> implements ObjectOpslag {
  constructor(readonly spec: RepoSpec) {}

  get objecttype(): Objecttype {
    return this.spec.objecttype
  }

  get tabel(): string {
    return this.spec.table
  }

  get naamKolom(): string {
    return this.spec.nameColumn
  }

  weergaveNaam(taal: Taal): WeergaveNaam {
    return this.spec.weergaveNaam?.(taal) ?? { naam: sql<string>`${sql.ref(`t.${this.spec.nameColumn}`)}` }
  }

  auditZichtbaar(db: Database, organisatieIds: string[]): AuditZicht {
    if (this.spec.auditZichtbaar) return this.spec.auditZichtbaar(organisatieIds)
    return this.spec.visibleTo ? this.visibleIds(db, organisatieIds) : 'alle'
  }

  private any(db: Database): AnyDb {
    // The table is only known at run time (spec.table): the untyped builder, see above.
    return db as unknown as AnyDb
  }

  private within(q: AnyQuery, bereik: Leesbereik | undefined): AnyQuery {
    if (!bereik || bereik.alles || !this.spec.visibleTo) return q
    return this.spec.visibleTo(q, bereik.organisatieIds)
  }

  private toRow(input: TInput): Record<string, unknown> {
    const row: Record<string, unknown> = {}
    const values = input as Record<string, unknown>
    for (const [field, f] of Object.entries(this.spec.fields)) {
      if (f.readOnly) continue
      const v = values[field]
      if (f.columns) {
        Object.assign(row, f.columns.write(v))
        continue
      }
      row[f.column] = f.json ? JSON.stringify(v ?? []) : v === undefined ? null : v
    }
    return this.spec.derived ? { ...row, ...this.spec.derived(values) } : row
  }

  private fromRow(row: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [field, column] of Object.entries(META_COLUMNS)) {
      const v = row[column]
      out[field] = v instanceof Date ? v.toISOString() : v
    }
    for (const [field, f] of Object.entries(this.spec.fields)) {
      const v = f.columns ? f.columns.read(row) : row[f.column]
      if (f.json) out[field] = v ?? []
      else if (f.numeric && v !== null && v !== undefined) out[field] = Number(v)
      else if (v !== null && v !== undefined) out[field] = v
    }
    return out
  }

  private async attachChildren(db: Database, rows: Record<string, unknown>[]): Promise<TResource[]> {
    const resources = rows.map((r) => this.fromRow(r))
    const ids = resources.map((r) => r.id as string)
    for (const child of this.spec.children) {
      const byParent = new Map<string, unknown[]>()
      const shownByParent = new Map<string, unknown[]>()
      if (ids.length > 0) {
        const childRows = await this.any(db)
          .selectFrom(child.table)
          .selectAll()
          .where(child.parentColumn, 'in', ids)
          .orderBy(child.parentColumn)
          .orderBy('positie')
          .execute()
        for (const cr of childRows) {
          const list = byParent.get(cr[child.parentColumn]) ?? []
          list.push(child.kind === 'ids' ? cr[child.idColumn] : this.childObject(child, cr))
          byParent.set(cr[child.parentColumn], list)
          if (child.shownAs) {
            const shown = shownByParent.get(cr[child.parentColumn]) ?? []
            shown.push({ organisatieId: cr[child.idColumn], ...child.shown?.(cr) })
            shownByParent.set(cr[child.parentColumn], shown)
          }
        }
      }
      for (const r of resources) {
        r[child.field] = byParent.get(r.id as string) ?? []
        if (child.shownAs) r[child.shownAs] = shownByParent.get(r.id as string) ?? []
      }
    }
    return resources as TResource[]
  }

  private childObject(child: ChildSpec, row: Record<string, unknown>): Record<string, unknown> {
    const o: Record<string, unknown> = {}
    for (const [field, column] of Object.entries(child.rowFields ?? {})) {
      if (row[column] !== null && row[column] !== undefined) o[field] = row[column]
    }
    return child.shown ? { ...o, ...child.shown(row) } : o
  }

  private async writeChildren(trx: Database, id: string, input: TInput, replace: boolean): Promise<void> {
    const values = input as Record<string, unknown>
    for (const child of this.spec.children) {
      const kept = new Map<unknown, Record<string, unknown>>()
      if (replace && child.keptColumns?.length) {
        const old = await this.any(trx)
          .selectFrom(child.table)
          .select([child.idColumn, ...child.keptColumns])
          .where(child.parentColumn, '=', id)
          .execute()
        for (const r of old) kept.set(r[child.idColumn], r)
      }
      if (replace) await this.any(trx).deleteFrom(child.table).where(child.parentColumn, '=', id).execute()
      const items = (values[child.field] as unknown[] | undefined) ?? []
      if (items.length === 0) continue
      const rows = items.map((item, positie) => {
        const row: Record<string, unknown> = { [child.parentColumn]: id, positie }
        if (child.kind === 'ids') {
          row[child.idColumn] = item
        } else {
          for (const [field, column] of Object.entries(child.rowFields ?? {})) {
            row[column] = (item as Record<string, unknown>)[field] ?? null
          }
        }
        const before = kept.get(row[child.idColumn])
        for (const column of child.keptColumns ?? []) row[column] = before?.[column] ?? null
        return row
      })
      await this.any(trx).insertInto(child.table).values(rows).execute()
    }
  }

  /** The object, if it exists and (given a bereik) the caller may see it. */
  async findById(db: Database, id: string, bereik?: Leesbereik): Promise<TResource | undefined> {
    const row = await this.within(this.any(db).selectFrom(this.spec.table).selectAll().where('id', '=', id), bereik).executeTakeFirst()
    if (!row) return undefined
    const [resource] = await this.attachChildren(db, [row])
    return resource
  }

  /** Locks the row for the rest of the transaction so concurrent writers queue. */
  async findForUpdate(trx: Database, id: string): Promise<TResource | undefined> {
    const row = await this.any(trx).selectFrom(this.spec.table).selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) return undefined
    const [resource] = await this.attachChildren(trx, [row])
    return resource
  }

  private filtered(db: Database, req: ListRequest, bereik: Leesbereik | undefined): AnyQuery {
    let q: AnyQuery = this.within(this.any(db).selectFrom(this.spec.table), bereik)
    if (req.zoek) q = q.where(sql<boolean>`${sql.ref(this.spec.nameColumn)} ILIKE ${likePattern(req.zoek)}`)
    for (const [name, value] of Object.entries(req.filters)) {
      const filter = this.spec.filters[name]
      if (filter && value !== undefined) q = filter(q, value)
    }
    return q
  }

  /** A page and the total count; pass `knownTotal` to skip counting again. */
  async list(db: Database, req: ListRequest, knownTotal?: number, bereik?: Leesbereik): Promise<{ items: TResource[]; total: number }> {
    let q = this.filtered(db, req, bereik).selectAll()
    for (const key of req.sort) {
      const column = key.field === 'id' ? 'id' : this.spec.sort[key.field]
      if (!column) continue
      const expr = column === this.spec.nameColumn ? sql`lower(${sql.ref(column)})` : sql.ref(column)
      q = q.orderBy(expr, key.descending ? 'desc' : 'asc')
    }
    const rows = await q
      .limit(req.paginaGrootte)
      .offset((req.pagina - 1) * req.paginaGrootte)
      .execute()
    const items = await this.attachChildren(db, rows)
    if (knownTotal !== undefined) return { items, total: knownTotal }
    // A short first page is the whole list: no count needed.
    if (req.pagina === 1 && rows.length < req.paginaGrootte) return { items, total: rows.length }
    const countRow = await this.filtered(db, req, bereik).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    return { items, total: countRow.n as number }
  }

  async insert(trx: Database, input: TInput, id?: string): Promise<TResource> {
    const row = this.toRow(input)
    if (id) row.id = id
    const inserted = await this.any(trx).insertInto(this.spec.table).values(row).returning('id').executeTakeFirstOrThrow()
    await this.writeChildren(trx, inserted.id, input, false)
    return (await this.findById(trx, inserted.id)) as TResource
  }

  /**
   * Inserts many new objects under the given ids in a few multi-row statements (a bulk
   * import): no defaults are derived and no hooks run, so the inputs must be complete and
   * valid. Read them back with findByIds for their stored state.
   */
  async insertMany(trx: Database, items: { id: string; input: TInput }[]): Promise<void> {
    if (items.length === 0) return
    const rows = items.map(({ id, input }) => ({ ...this.toRow(input), id }))
    // PostgreSQL binds at most 65 535 parameters per statement.
    const perStatement = Math.max(1, Math.floor(30_000 / Math.max(1, Object.keys(rows[0] ?? {}).length)))
    for (let i = 0; i < rows.length; i += perStatement) {
      await this.any(trx)
        .insertInto(this.spec.table)
        .values(rows.slice(i, i + perStatement))
        .execute()
    }
    for (const child of this.spec.children) {
      const childRows: Record<string, unknown>[] = []
      for (const { id, input } of items) {
        const values = ((input as Record<string, unknown>)[child.field] as unknown[] | undefined) ?? []
        values.forEach((item, positie) => {
          const row: Record<string, unknown> = { [child.parentColumn]: id, positie }
          if (child.kind === 'ids') row[child.idColumn] = item
          else
            for (const [field, column] of Object.entries(child.rowFields ?? {}))
              row[column] = (item as Record<string, unknown>)[field] ?? null
          for (const column of child.keptColumns ?? []) row[column] = null
          childRows.push(row)
        })
      }
      const perChildStatement = Math.max(1, Math.floor(30_000 / Math.max(1, Object.keys(childRows[0] ?? {}).length)))
      for (let i = 0; i < childRows.length; i += perChildStatement) {
        await this.any(trx)
          .insertInto(child.table)
          .values(childRows.slice(i, i + perChildStatement))
          .execute()
      }
    }
  }

  /** The objects with these ids as stored (children attached), in the order given; unknown ids are left out. */
  async findByIds(db: Database, ids: string[]): Promise<TResource[]> {
    const byId = new Map<string, TResource>()
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.any(db)
        .selectFrom(this.spec.table)
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 1000))
        .execute()
      for (const r of await this.attachChildren(db, rows)) byId.set(r.id, r)
    }
    return ids.flatMap((id) => {
      const r = byId.get(id)
      return r ? [r] : []
    })
  }

  async update(trx: Database, id: string, input: TInput): Promise<TResource> {
    await this.any(trx)
      .updateTable(this.spec.table)
      .set({ ...this.toRow(input), revisie: sql`revisie + 1`, gewijzigd_op: sql`now()` })
      .where('id', '=', id)
      .execute()
    await this.writeChildren(trx, id, input, true)
    return (await this.findById(trx, id)) as TResource
  }

  /** A new revisie without other changes, for an operation that changed a child row (a lid confirmed). */
  async touch(trx: Database, id: string): Promise<void> {
    await this.any(trx)
      .updateTable(this.spec.table)
      .set({ revisie: sql`revisie + 1`, gewijzigd_op: sql`now()` })
      .where('id', '=', id)
      .execute()
  }

  async remove(trx: Database, id: string): Promise<void> {
    await this.any(trx).deleteFrom(this.spec.table).where('id', '=', id).execute()
  }

  /**
   * What refers to this object: the referrers the caller may see by name (at most 100 per
   * relation), the others only counted, so a refusal does not name what a read would hide.
   * Without `zicht`, everything is visible.
   */
  async dependants(
    db: Database,
    id: string,
    zicht: (objecttype: DependantSpec['objecttype']) => ZichtbareIds = () => 'alle',
  ): Promise<{ zichtbaar: Dependant[]; verborgen: number }> {
    const zichtbaar: Dependant[] = []
    let verborgen = 0
    for (const d of this.spec.dependants) {
      let q: AnyQuery = this.any(db).selectFrom(`${d.ownerTable} as o`)
      if (d.linkTable) {
        q = q.innerJoin(`${d.linkTable} as l`, `l.${d.linkOwnerColumn}`, 'o.id').where(`l.${d.column}`, '=', id)
      } else if (d.array) {
        q = q.where(sql<boolean>`${id}::uuid = ANY(${sql.ref(`o.${d.column}`)})`)
      } else {
        q = q.where(`o.${d.column}`, '=', id)
      }
      const seen = zicht(d.objecttype)
      if (seen !== 'geen') {
        const rows = await (seen === 'alle' ? q : q.where('o.id', 'in', seen))
          .select(['o.id as id', `o.${d.ownerName} as naam`])
          .orderBy('o.id')
          .limit(100)
          .execute()
        for (const r of rows) zichtbaar.push({ objecttype: d.objecttype, id: r.id, naam: r.naam, relatie: d.relatie })
      }
      if (seen !== 'alle') {
        const hidden = await (seen === 'geen' ? q : q.where('o.id', 'not in', seen))
          .select(sql<number>`count(DISTINCT o.id)::int`.as('n'))
          .executeTakeFirstOrThrow()
        verborgen += hidden.n as number
      }
    }
    return { zichtbaar, verborgen }
  }

  async names(db: Database): Promise<{ id: string; naam: string }[]> {
    const rows = await this.any(db)
      .selectFrom(this.spec.table)
      .select(['id', `${this.spec.nameColumn} as naam`])
      .orderBy('id')
      .execute()
    return rows as { id: string; naam: string }[]
  }

  /** Every row (given a bereik: that the caller may see), in name order, with children: for exports. */
  async all(db: Database, bereik?: Leesbereik): Promise<TResource[]> {
    const rows = await this.within(this.any(db).selectFrom(this.spec.table).selectAll(), bereik)
      .orderBy(sql`lower(${sql.ref(this.spec.nameColumn)})`)
      .orderBy('id')
      .execute()
    const out: TResource[] = []
    for (let i = 0; i < rows.length; i += 1000) out.push(...(await this.attachChildren(db, rows.slice(i, i + 1000))))
    return out
  }

  /** The rows these organisations may see, as ids for a subquery. */
  idsVisibleTo(db: Database, organisatieIds: string[]): ZichtbareIds {
    if (!this.spec.visibleTo) return 'alle'
    return this.within(this.any(db).selectFrom(this.spec.table).select('id'), { alles: false, organisatieIds })
  }

  /** Ids (as text) of the rows these organisations may see: for filtering the audit log. */
  visibleIds(db: Database, organisatieIds: string[]): AnyQuery {
    return this.within(this.any(db).selectFrom(this.spec.table).select(sql`id::text`.as('id')), { alles: false, organisatieIds })
  }

  /** The input a stored resource was made from: without metadata and derived fields. */
  inputOf(resource: Resource): Record<string, unknown> {
    const { id: _id, revisie: _r, aangemaaktOp: _a, gewijzigdOp: _g, toegestaneActies: _t, ...rest } = resource
    for (const [field, f] of Object.entries(this.spec.fields)) if (f.readOnly) delete rest[field]
    // A row of a list holds only what can be given as input (not, e.g., a lid's confirmation).
    for (const child of this.spec.children) {
      if (child.shownAs) delete rest[child.shownAs]
      const items = rest[child.field]
      if (child.kind !== 'rows' || !Array.isArray(items)) continue
      const fields = Object.keys(child.rowFields ?? {})
      rest[child.field] = items.map((item: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(item).filter(([k]) => fields.includes(k))),
      )
    }
    return rest
  }

  /**
   * Whether writing this input would store exactly what is stored: every written column
   * and every child list (in order) the same. Compared as stored values (a missing field
   * is NULL, JSON with its keys sorted, ids in lower case), so an import of an unchanged
   * export writes nothing.
   */
  isUnchanged(current: TResource, input: TInput): boolean {
    const stored = this.inputOf(current)
    const given = input as Record<string, unknown>
    const same = (a: unknown, b: unknown) => comparable(a) === comparable(b)
    for (const [field, f] of Object.entries(this.spec.fields)) {
      if (f.readOnly) continue
      if (!same(f.json ? (given[field] ?? []) : given[field], f.json ? (stored[field] ?? []) : stored[field])) return false
    }
    for (const child of this.spec.children) {
      const rows = (items: unknown) =>
        ((items as unknown[] | undefined) ?? []).map((item) =>
          child.kind === 'ids'
            ? item
            : Object.fromEntries(Object.keys(child.rowFields ?? {}).map((k) => [k, (item as Record<string, unknown>)[k]])),
        )
      if (!same(rows(given[child.field]), rows(stored[child.field]))) return false
    }
    return true
  }

  /** Which of these ids exist: one query per call, for reference checks. */
  async existingIds(db: Database, ids: string[], bereik?: Leesbereik): Promise<Set<string>> {
    if (ids.length === 0) return new Set()
    const rows = await this.within(this.any(db).selectFrom(this.spec.table).select('id').where('id', 'in', ids), bereik).execute()
    return new Set(rows.map((r) => r.id as string))
  }
}
