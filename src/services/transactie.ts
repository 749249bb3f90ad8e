import type { Database } from '../db/database.js'
import type { PgError } from '../db/pg-error.js'
import type { AuditAppend } from '../db/repos/auditlog.js'
import type { AuditActie, AuditObjecttype } from '../domain/audit-soorten.js'
import { type AppError, conflict, invalidInput, msg } from '../domain/errors.js'
import type { ChangeFeed } from './changes.js'

// The one write path of the services: a transaction, database errors a person can act on
// as AppErrors, and the ChangeFeed told after the commit (so caches drop what they hold).
// What a unique constraint means differs per service, so the caller names it.

/** How a service reads the database errors of its own tables. */
export interface DbErrorMapping {
  /** A violated unique constraint → the AppError it means; undefined leaves the error as it is (a 500). */
  unique?: (constraint: string) => AppError | undefined
  /** SQLSTATE codes of the service's own triggers (e.g. `RK001`) → the AppError they mean. */
  codes?: Record<string, () => AppError>
}

/** The 400 for a value another object already uses, on the field a person should change. */
export function notUnique(field: string): AppError {
  return invalidInput([
    {
      name: field,
      code: 'niet-uniek',
      reason: msg('Deze waarde is al in gebruik bij een ander object.', 'This value is already used by another object.'),
    },
  ])
}

/** A database error a person can act on becomes an AppError; anything else (not a database error too) stays as it is. */
export function asAppError(e: unknown, mapping: DbErrorMapping = {}): unknown {
  const pg = e as PgError
  if (pg?.code === '23505' && pg.constraint) return mapping.unique?.(pg.constraint) ?? e
  // A reference the declared dependants did not name (the database's own guard).
  if (pg?.code === '23503')
    return conflict(
      msg(
        'Dit kan niet: andere gegevens verwijzen naar dit object of het verwezen object bestaat niet meer.',
        'Not possible: other data refers to this object, or the object referred to no longer exists.',
      ),
    )
  const eigen = typeof pg?.code === 'string' ? mapping.codes?.[pg.code] : undefined
  return eigen ? eigen() : e
}

/**
 * Runs `fn` in one transaction; a failure is thrown as `asAppError(e, mapping)`, a commit
 * is reported to `changes` (absent: nothing caches this data) with the object type written
 * (`wat`), so a listener can tell what changed (the trust re-evaluation, services/bevindingen-service.ts).
 *
 * RegistryService: `write(this.db, this.changes, fn, { unique: (c) => notUnique(uniqueFields?.[c] ?? 'body') })`.
 */
export async function write<T>(
  db: Database,
  changes: ChangeFeed | undefined,
  fn: (trx: Database) => Promise<T>,
  mapping: DbErrorMapping = {},
  wat?: string,
): Promise<T> {
  let result: T
  try {
    result = await db.transaction().execute(fn)
  } catch (e) {
    throw asAppError(e, mapping)
  }
  changes?.committed(wat)
  return result
}

/** Who acts, as the audit log records it (a service's Actor fits). */
export interface AuditActor {
  naam: string
  herkomst: string
}

/** One audit entry: who did what to which object, with its state before and after (null: none). */
export function auditEntry(
  actor: AuditActor,
  actie: AuditActie,
  objecttype: AuditObjecttype,
  objectId: string,
  voor: unknown,
  na: unknown,
  resultaat = 'geslaagd',
): AuditAppend {
  return { actor: actor.naam, herkomst: actor.herkomst, actie, objecttype, objectId, resultaat, voor: voor ?? null, na: na ?? null }
}
