import type { TSchema } from 'typebox'
import type { Database } from '../db/database.js'
import { auditlog } from '../db/repos/auditlog.js'
import { laatsteWijziging } from '../db/repos/laatste-wijziging.js'
import { type GeregistreerdeTabel, geregistreerdDoor, zetGeregistreerdDoor } from '../db/repos/registry.js'
import type { ListRequest, RegistryRepository, Resource } from '../db/repos/registry-repository.js'
import { OBJECT_OPSLAG, zichtbareIds } from '../db/repos/zichtbare-ids.js'
import {
  accessKey,
  type Caller,
  canWrite,
  type Leesbereik,
  leesbereik,
  toegestaneActies,
  type Verantwoordelijken,
  writerOrganisaties,
} from '../domain/access.js'
import type { AuditActie } from '../domain/audit-soorten.js'
import { forbidden, hasDependants, type InvalidParam, invalidInput, msg, notFound, staleVersion } from '../domain/errors.js'
import { danglingReferences, type Objecttype, type Reference } from '../domain/registry-rules.js'
import { validateBody } from '../schemas/validator.js'
import { type ChangeFeed, GenerationCache } from './changes.js'
import type { ObjectService } from './object-service.js'
import { asAppError, auditEntry, type DbErrorMapping, notUnique, write } from './transactie.js'

// Named commands for the registry: each write runs in one transaction that checks,
// writes and appends to the audit log, so either all of it happens or none.

export interface ImportItem<TInput> {
  id?: string
  input: TInput
}

export interface ImportResult {
  aangemaakt: number
  bijgewerkt: number
  /** Rows identical to what is stored: not written, no new revisie, no audit entry. */
  ongewijzigd: number
}

/** The item at `index` of an import failed; the whole import was rolled back. */
export class ImportRowError extends Error {
  constructor(
    readonly index: number,
    readonly cause: unknown,
  ) {
    super(`import row ${index} failed`)
  }
}

/** Who acts: the name and origin the audit log records, and (over the API) the caller whose roles decide. */
export interface Actor {
  naam: string
  herkomst: string
  /** Absent for the CLI and the demo seed, which act as the system itself. */
  caller?: Caller
}

export type Actie = 'wijzigen' | 'verwijderen'

const bereikVan = (caller: Caller | undefined): Leesbereik | undefined => (caller ? leesbereik(caller) : undefined)

export interface ResourceRules<TInput> {
  schema: TSchema
  rules(input: TInput): InvalidParam[]
  references(input: TInput): Reference[]
  /** Unique constraints → the field a person should change. */
  uniqueFields?: Record<string, string>
  /** Fills in what the input may leave out (e.g. a default from a referenced object), before validation. */
  prepare?(db: Database, input: TInput, caller?: Caller): Promise<TInput>
  /**
   * Rules that need the database (after shape, rules and references passed), e.g. a period
   * within a gastheerschap; `id`: the object being replaced (absent for a new one).
   */
  contextRules?(db: Database, input: TInput, caller?: Caller, id?: string): Promise<InvalidParam[]>
  /**
   * The organisations responsible for each object (a stored one, or a new state): its
   * type's policy (domain/policies/), given what that policy needs from the database.
   */
  responsible(db: Database, items: object[]): Promise<Verantwoordelijken[]>
  /**
   * Runs after an object is written, in the same transaction and before its audit entry
   * (e.g. confirming the writer's own leden); `voor` is absent for a new object. Returns
   * whether it changed the object, which is then read again.
   */
  afterWrite?(trx: Database, actor: Actor, na: Resource, voor: Resource | undefined): Promise<boolean>
}

/**
 * For a type kept by the organisations that registered it (access.ts): an afterWrite rule
 * that records, on create, the organisations the writer writes this type for.
 */
export function registreerSchrijver(tabel: GeregistreerdeTabel): NonNullable<ResourceRules<object>['afterWrite']> {
  return async (trx, actor, na, voor) => {
    if (!voor && actor.caller) await zetGeregistreerdDoor(trx, tabel, na.id, writerOrganisaties(actor.caller, tabel))
    return false
  }
}

/** The organisations that registered each of these objects (those with an id), by id. */
export function geregistreerdVoor(db: Database, tabel: GeregistreerdeTabel, items: object[]): Promise<Map<string, string[]>> {
  return geregistreerdDoor(
    db,
    tabel,
    items.flatMap((o) => ((o as { id?: string }).id ? [(o as { id: string }).id] : [])),
  )
}

async function existingReferences(db: Database, refs: Reference[], bereik?: Leesbereik): Promise<Map<Objecttype, Set<string>>> {
  const byType = new Map<Objecttype, string[]>()
  for (const r of refs) byType.set(r.objecttype, [...(byType.get(r.objecttype) ?? []), r.id.toLowerCase()])
  const existing = new Map<Objecttype, Set<string>>()
  // What the caller may not see counts as not existing: no hints about others' data.
  for (const [type, ids] of byType) {
    existing.set(type, await OBJECT_OPSLAG[type].existingIds(db, [...new Set(ids)], bereik))
  }
  return existing
}

/** RFC 7396 JSON merge patch of a top-level object. */
export function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...target }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete result[k]
    else if (
      typeof v === 'object' &&
      !Array.isArray(v) &&
      typeof result[k] === 'object' &&
      result[k] !== null &&
      !Array.isArray(result[k])
    ) {
      result[k] = mergePatch(result[k] as Record<string, unknown>, v as Record<string, unknown>)
    } else result[k] = v
  }
  return result
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const isUuid = (v: unknown) => typeof v === 'string' && UUID.test(v)

export class RegistryService<TInput extends object, TResource extends Resource> implements ObjectService<TResource> {
  private readonly counts: GenerationCache<number>

  constructor(
    private readonly db: Database,
    readonly repo: RegistryRepository<TInput, TResource>,
    private readonly resourceRules: ResourceRules<TInput>,
    private readonly changes: ChangeFeed,
  ) {
    this.counts = new GenerationCache(changes, 500)
  }

  get objecttype(): Objecttype {
    return this.repo.spec.objecttype
  }

  /** A page of results; the total is shared by all pages of one query until data changes. */
  async list(req: ListRequest, caller?: Caller): Promise<{ items: TResource[]; total: number }> {
    const generation = this.changes.generation
    const countKey = JSON.stringify([
      caller ? accessKey(caller) : 'systeem',
      req.zoek ?? '',
      Object.entries(req.filters)
        .filter(([, v]) => v !== undefined)
        .sort(),
    ])
    if (await this.filtersOnHidden(req, caller)) return { items: [], total: 0 }
    const known = this.counts.get(countKey)
    const result = await this.repo.list(this.db, req, known, bereikVan(caller))
    if (known === undefined) this.counts.set(countKey, result.total, generation)
    return result
  }

  /**
   * Whether a filter names an object the caller may not see. Such a filter answers like
   * one on an unknown id (an empty page): otherwise a list of objects everyone sees
   * (organisaties?samenwerkingId=…) would show what a hidden object links, and tell
   * which hidden ids exist.
   */
  private async filtersOnHidden(req: ListRequest, caller?: Caller): Promise<boolean> {
    const bereik = bereikVan(caller)
    if (!bereik || bereik.alles) return false
    for (const [name, type] of Object.entries(this.repo.spec.references ?? {})) {
      const value = req.filters[name]
      if (typeof value !== 'string') continue
      const id = value.toLowerCase()
      if (!(await OBJECT_OPSLAG[type].existingIds(this.db, [id], bereik)).has(id)) return true
    }
    return false
  }

  async exists(id: string, caller?: Caller): Promise<boolean> {
    return (await this.repo.existingIds(this.db, [id], bereikVan(caller))).has(id)
  }

  /** What the caller may do with each object (its type's policy), so a UI need not repeat the rules. */
  async allowedActions(caller: Caller, items: TResource[]): Promise<Actie[][]> {
    const responsible = await this.resourceRules.responsible(this.db, items)
    return responsible.map((r) => toegestaneActies(caller, this.objecttype, r))
  }

  /** Refuses (403) unless the caller may change an object in this state. */
  private async authorize(trx: Database, caller: Caller | undefined, o: object): Promise<void> {
    if (!caller) return
    const [responsible] = await this.resourceRules.responsible(trx, [o])
    if (!canWrite(caller, this.objecttype, responsible)) throw forbidden(this.objecttype)
  }

  async get(id: string, caller?: Caller): Promise<TResource> {
    const found = await this.repo.findById(this.db, id, bereikVan(caller))
    if (!found) throw notFound(this.objecttype, id)
    return found
  }

  /**
   * Shape and rules together, so a person sees every error at once. Rules run on input
   * whose shape is wrong too (guarded), and only add errors for fields the shape check
   * did not already flag. Returns the references still to be checked for existence.
   */
  private localProblems(value: unknown): { errors: InvalidParam[]; refs: Reference[] } {
    const errors = validateBody(this.resourceRules.schema, value)
    const flagged = new Set(errors.map((e) => e.name))
    const input = value as TInput
    const safely = <T>(fn: () => T[]): T[] => {
      if (errors.length === 0) return fn()
      try {
        return fn()
      } catch {
        return []
      }
    }
    errors.push(...safely(() => this.resourceRules.rules(input)).filter((e) => !flagged.has(e.name)))
    const refs = safely(() => this.resourceRules.references(input)).filter((r) => !flagged.has(r.name) && isUuid(r.id))
    return { errors, refs }
  }

  private async validate(trx: Database, value: unknown, caller?: Caller, id?: string): Promise<void> {
    const { errors, refs } = this.localProblems(value)
    errors.push(...danglingReferences(refs, await existingReferences(trx, refs, bereikVan(caller))))
    if (errors.length === 0 && this.resourceRules.contextRules)
      errors.push(...(await this.resourceRules.contextRules(trx, value as TInput, caller, id)))
    if (errors.length > 0) throw invalidInput(errors)
  }

  /** The input with its defaults filled in; input of the wrong shape passes unchanged (validation reports it). */
  private async prepared(trx: Database, input: TInput, caller?: Caller): Promise<TInput> {
    if (!this.resourceRules.prepare || validateBody(this.resourceRules.schema, input).length > 0) return input
    return this.resourceRules.prepare(trx, input, caller)
  }

  /** How this service reads database errors: a unique constraint names the field a person should change. */
  private get dbErrors(): DbErrorMapping {
    return { unique: (constraint) => notUnique(this.resourceRules.uniqueFields?.[constraint] ?? 'body') }
  }

  /** The object as written, after the resource's afterWrite rule. */
  private async written(trx: Database, actor: Actor, na: TResource, voor?: TResource): Promise<TResource> {
    if (!this.resourceRules.afterWrite || !(await this.resourceRules.afterWrite(trx, actor, na, voor))) return na
    return (await this.repo.findById(trx, na.id)) as TResource
  }

  private write<T>(fn: (trx: Database) => Promise<T>): Promise<T> {
    return write(this.db, this.changes, fn, this.dbErrors, this.objecttype)
  }

  /** Every problem of every input, by index, with one existence query for all references. */
  async check(inputs: unknown[]): Promise<Map<number, InvalidParam[]>> {
    const local = inputs.map((v) => this.localProblems(v))
    const existing = await existingReferences(
      this.db,
      local.flatMap((l) => l.refs),
    )
    const problems = new Map<number, InvalidParam[]>()
    local.forEach(({ errors, refs }, i) => {
      const all = [...errors, ...danglingReferences(refs, existing)]
      if (all.length > 0) problems.set(i, all)
    })
    return problems
  }

  /**
   * Imports all items in one transaction: all of them or none. An item with the id of
   * an existing object replaces it, so re-importing an export changes instead of
   * duplicating; an item with a new id is created under that id. An item identical to
   * the stored object is left alone: its revisie (ETag) and gewijzigdOp stay, and the
   * audit log gets no entry for it.
   */
  async importAll(actor: Actor, items: ImportItem<TInput>[], onProgress?: (done: number) => void): Promise<ImportResult> {
    const result: ImportResult = { aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 0 }
    await this.write(async (trx) => {
      for (const [index, given] of items.entries()) {
        try {
          const item = { ...given, input: await this.prepared(trx, given.input) }
          await this.validate(trx, item.input, undefined, item.id)
          const current = item.id ? await this.repo.findForUpdate(trx, item.id) : undefined
          if (current && this.repo.isUnchanged(current, item.input)) {
            result.ongewijzigd++
          } else if (current) {
            const updated = await this.written(trx, actor, await this.repo.update(trx, current.id, item.input), current)
            await auditlog.append(trx, auditEntry(actor, 'importeren', this.objecttype, current.id, current, updated))
            result.bijgewerkt++
          } else {
            const created = await this.written(trx, actor, await this.repo.insert(trx, item.input, item.id))
            await auditlog.append(trx, auditEntry(actor, 'importeren', this.objecttype, created.id, null, created))
            result.aangemaakt++
          }
        } catch (e) {
          throw new ImportRowError(index, asAppError(e, this.dbErrors))
        }
        if (onProgress && (index + 1) % 250 === 0) onProgress(index + 1)
      }
      onProgress?.(items.length)
    })
    return result
  }

  async names(): Promise<{ id: string; naam: string }[]> {
    return this.repo.names(this.db)
  }

  async all(): Promise<TResource[]> {
    return this.repo.all(this.db)
  }

  async create(actor: Actor, input: TInput): Promise<TResource> {
    return this.write(async (trx) => {
      input = await this.prepared(trx, input, actor.caller)
      await this.validate(trx, input, actor.caller)
      await this.authorize(trx, actor.caller, input)
      const created = await this.written(trx, actor, await this.repo.insert(trx, input))
      await auditlog.append(trx, auditEntry(actor, 'aanmaken', this.objecttype, created.id, null, created))
      return created
    })
  }

  async replace(actor: Actor, id: string, input: TInput, ifMatch: number | undefined): Promise<TResource> {
    return this.write(async (trx) => {
      const current = await this.lockCurrent(trx, id, ifMatch, actor.caller)
      input = await this.prepared(trx, input, actor.caller)
      await this.validate(trx, input, actor.caller, id)
      await this.authorize(trx, actor.caller, { ...input, id })
      const updated = await this.written(trx, actor, await this.repo.update(trx, id, input), current)
      await auditlog.append(trx, auditEntry(actor, 'wijzigen', this.objecttype, id, current, updated))
      return updated
    })
  }

  async patch(actor: Actor, id: string, patch: unknown, ifMatch: number | undefined): Promise<TResource> {
    // A merge patch that is not an object would replace the whole resource (RFC 7396):
    // never a valid resource here.
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
      throw invalidInput([
        {
          name: 'body',
          code: 'ongeldig-type',
          reason: msg('Verwacht een JSON-object (merge patch).', 'Expected a JSON object (merge patch).'),
        },
      ])
    }
    return this.write(async (trx) => {
      const current = await this.lockCurrent(trx, id, ifMatch, actor.caller)
      const input = await this.prepared(
        trx,
        mergePatch(this.repo.inputOf(current), patch as Record<string, unknown>) as TInput,
        actor.caller,
      )
      await this.validate(trx, input, actor.caller, id)
      await this.authorize(trx, actor.caller, { ...input, id })
      const updated = await this.written(trx, actor, await this.repo.update(trx, id, input), current)
      await auditlog.append(trx, auditEntry(actor, 'wijzigen', this.objecttype, id, current, updated))
      return updated
    })
  }

  async remove(actor: Actor, id: string, ifMatch: number | undefined): Promise<void> {
    await this.write(async (trx) => {
      const current = await this.lockCurrent(trx, id, ifMatch, actor.caller)
      const zicht = actor.caller ? zichtbareIds(trx, leesbereik(actor.caller)) : undefined
      const { zichtbaar, verborgen } = await this.repo.dependants(trx, id, zicht)
      if (zichtbaar.length + verborgen > 0) throw hasDependants(this.objecttype, zichtbaar, verborgen)
      await this.repo.remove(trx, id)
      await auditlog.append(trx, auditEntry(actor, 'verwijderen', this.objecttype, id, current, null))
    })
  }

  /**
   * A named operation on one object, a sub-resource such as `…/leden/{id}/bevestigen`:
   * "not found" and If-Match exactly as for any write, then `change`, which checks its
   * own permission (403) and returns whether it changed anything — or, with
   * `alsSchrijver`, may only be done by who may change the object (403 before `change`).
   * A change gets a new revisie and an audit entry (`actie`) in the same transaction; no
   * change writes nothing.
   */
  async operation(
    actor: Actor,
    id: string,
    ifMatch: number | undefined,
    actie: AuditActie,
    change: (trx: Database, current: TResource) => Promise<boolean>,
    opts: { alsSchrijver?: boolean } = {},
  ): Promise<TResource> {
    return this.write(async (trx) => {
      const current = await this.lockCurrent(trx, id, ifMatch, actor.caller, opts.alsSchrijver === true)
      if (!(await change(trx, current))) return current
      await this.repo.touch(trx, id)
      const updated = (await this.repo.findById(trx, id)) as TResource
      await auditlog.append(trx, auditEntry(actor, actie, this.objecttype, id, current, updated))
      return updated
    })
  }

  /**
   * Locks the current state. Order matters: what the caller cannot see is "not found"
   * (as if absent), before the version check, before the permission check (which an
   * operation with a rule of its own skips).
   */
  private async lockCurrent(
    trx: Database,
    id: string,
    ifMatch: number | undefined,
    caller: Caller | undefined,
    authorizeWrite = true,
  ): Promise<TResource> {
    const current = await this.repo.findForUpdate(trx, id)
    if (!current || (caller && !(await this.repo.existingIds(trx, [id], leesbereik(caller))).has(id))) throw notFound(this.objecttype, id)
    if (ifMatch !== undefined && ifMatch !== current.revisie)
      throw staleVersion(this.objecttype, await laatsteWijziging(trx, this.objecttype, id, current.revisie))
    if (authorizeWrite) await this.authorize(trx, caller, current)
    return current
  }
}
