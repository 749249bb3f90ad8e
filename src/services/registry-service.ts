import type { TSchema } from 'typebox'
import type { Database } from '../db/database.js'
import { auditlog } from '../db/repos/auditlog.js'
import { analyzeDatabase } from '../db/repos/maintenance.js'
import { registryRepositories } from '../db/repos/registry.js'
import type { ListRequest, RegistryRepository, Resource } from '../db/repos/registry-repository.js'
import { hasDependants, type InvalidParam, invalidInput, msg, notFound, staleVersion } from '../domain/errors.js'
import { danglingReferences, type Reference, type RegistryObjecttype } from '../domain/registry-rules.js'
import { validateBody } from '../schemas/validator.js'
import { type ChangeFeed, GenerationCache } from './changes.js'

// Named commands for the registry: each write runs in one transaction that checks,
// writes and appends to the audit log, so either all of it happens or none.

export interface ImportItem<TInput> {
  id?: string
  input: TInput
}

export interface ImportResult {
  aangemaakt: number
  bijgewerkt: number
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

export interface Actor {
  naam: string
  herkomst: string
}

export interface ResourceRules<TInput> {
  schema: TSchema
  rules(input: TInput): InvalidParam[]
  references(input: TInput): Reference[]
  /** Unique constraints → the field a person should change. */
  uniqueFields?: Record<string, string>
}

const repoByType: Record<RegistryObjecttype, RegistryRepository<object, Resource>> = {
  organisatie: registryRepositories.organisaties as unknown as RegistryRepository<object, Resource>,
  samenwerking: registryRepositories.samenwerkingen as unknown as RegistryRepository<object, Resource>,
  gastheerschap: registryRepositories.gastheerschappen as unknown as RegistryRepository<object, Resource>,
  applicatie: registryRepositories.applicaties as unknown as RegistryRepository<object, Resource>,
  koppeling: registryRepositories.koppelingen as unknown as RegistryRepository<object, Resource>,
}

async function existingReferences(db: Database, refs: Reference[]): Promise<Map<RegistryObjecttype, Set<string>>> {
  const byType = new Map<RegistryObjecttype, string[]>()
  for (const r of refs) byType.set(r.objecttype, [...(byType.get(r.objecttype) ?? []), r.id.toLowerCase()])
  const existing = new Map<RegistryObjecttype, Set<string>>()
  for (const [type, ids] of byType) existing.set(type, await repoByType[type].existingIds(db, [...new Set(ids)]))
  return existing
}

/** Strips metadata so a stored resource can be re-validated as input. */
export function inputOf(resource: Resource): Record<string, unknown> {
  const { id: _id, revisie: _r, aangemaaktOp: _a, gewijzigdOp: _g, ...rest } = resource
  return rest
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

interface PgError {
  code?: string
  constraint?: string
}

export class RegistryService<TInput extends object, TResource extends Resource> {
  private readonly counts: GenerationCache<number>

  constructor(
    private readonly db: Database,
    readonly repo: RegistryRepository<TInput, TResource>,
    private readonly resourceRules: ResourceRules<TInput>,
    private readonly changes: ChangeFeed,
  ) {
    this.counts = new GenerationCache(changes, 500)
  }

  get objecttype(): RegistryObjecttype {
    return this.repo.spec.objecttype
  }

  /** A page of results; the total is shared by all pages of one query until data changes. */
  async list(req: ListRequest): Promise<{ items: TResource[]; total: number }> {
    const generation = this.changes.generation
    const countKey = JSON.stringify([
      req.zoek ?? '',
      Object.entries(req.filters)
        .filter(([, v]) => v !== undefined)
        .sort(),
    ])
    const known = this.counts.get(countKey)
    const result = await this.repo.list(this.db, req, known)
    if (known === undefined) this.counts.set(countKey, result.total, generation)
    return result
  }

  async exists(id: string): Promise<boolean> {
    return (await this.repo.existingIds(this.db, [id])).has(id)
  }

  async get(id: string): Promise<TResource> {
    const found = await this.repo.findById(this.db, id)
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

  private async validate(trx: Database, value: unknown): Promise<void> {
    const { errors, refs } = this.localProblems(value)
    errors.push(...danglingReferences(refs, await existingReferences(trx, refs)))
    if (errors.length > 0) throw invalidInput(errors)
  }

  /** A database error a person can act on becomes an AppError; anything else stays as it is. */
  private asAppError(e: unknown): unknown {
    const pgErr = e as PgError
    if (pgErr.code === '23505' && pgErr.constraint) {
      const field = this.resourceRules.uniqueFields?.[pgErr.constraint] ?? 'body'
      return invalidInput([
        {
          name: field,
          code: 'niet-uniek',
          reason: msg('Deze waarde is al in gebruik bij een ander object.', 'This value is already used by another object.'),
        },
      ])
    }
    return e
  }

  private async write<T>(fn: (trx: Database) => Promise<T>): Promise<T> {
    let result: T
    try {
      result = await this.db.transaction().execute(fn)
    } catch (e) {
      throw e instanceof ImportRowError ? e : this.asAppError(e)
    }
    if (this.changes.committed()) analyzeDatabase(this.db).catch(() => {})
    return result
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
   * duplicating; an item with a new id is created under that id.
   */
  async importAll(actor: Actor, items: ImportItem<TInput>[], onProgress?: (done: number) => void): Promise<ImportResult> {
    const result: ImportResult = { aangemaakt: 0, bijgewerkt: 0 }
    await this.write(async (trx) => {
      for (const [index, item] of items.entries()) {
        try {
          await this.validate(trx, item.input)
          const current = item.id ? await this.repo.findForUpdate(trx, item.id) : undefined
          if (current) {
            const updated = await this.repo.update(trx, current.id, item.input)
            await auditlog.append(trx, { ...this.auditBase(actor, 'importeren', current.id), voor: current, na: updated })
            result.bijgewerkt++
          } else {
            const created = await this.repo.insert(trx, item.input, item.id)
            await auditlog.append(trx, { ...this.auditBase(actor, 'importeren', created.id), voor: null, na: created })
            result.aangemaakt++
          }
        } catch (e) {
          throw new ImportRowError(index, this.asAppError(e))
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
      await this.validate(trx, input)
      const created = await this.repo.insert(trx, input)
      await auditlog.append(trx, { ...this.auditBase(actor, 'aanmaken', created.id), voor: null, na: created })
      return created
    })
  }

  async replace(actor: Actor, id: string, input: TInput, ifMatch: number | undefined): Promise<TResource> {
    return this.write(async (trx) => {
      const current = await this.lockCurrent(trx, id, ifMatch)
      await this.validate(trx, input)
      const updated = await this.repo.update(trx, id, input)
      await auditlog.append(trx, { ...this.auditBase(actor, 'wijzigen', id), voor: current, na: updated })
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
      const current = await this.lockCurrent(trx, id, ifMatch)
      const input = mergePatch(inputOf(current), patch as Record<string, unknown>) as TInput
      await this.validate(trx, input)
      const updated = await this.repo.update(trx, id, input)
      await auditlog.append(trx, { ...this.auditBase(actor, 'wijzigen', id), voor: current, na: updated })
      return updated
    })
  }

  async remove(actor: Actor, id: string, ifMatch: number | undefined): Promise<void> {
    await this.write(async (trx) => {
      const current = await this.lockCurrent(trx, id, ifMatch)
      const dependants = await this.repo.dependants(trx, id)
      if (dependants.length > 0) throw hasDependants(this.objecttype, dependants)
      await this.repo.remove(trx, id)
      await auditlog.append(trx, { ...this.auditBase(actor, 'verwijderen', id), voor: current, na: null })
    })
  }

  private async lockCurrent(trx: Database, id: string, ifMatch: number | undefined): Promise<TResource> {
    const current = await this.repo.findForUpdate(trx, id)
    if (!current) throw notFound(this.objecttype, id)
    if (ifMatch !== undefined && ifMatch !== current.revisie) throw staleVersion(this.objecttype)
    return current
  }

  private auditBase(actor: Actor, actie: string, objectId: string) {
    return { actor: actor.naam, herkomst: actor.herkomst, actie, objecttype: this.objecttype, objectId, resultaat: 'geslaagd' }
  }
}
