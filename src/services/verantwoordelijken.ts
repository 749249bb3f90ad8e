import type { Database } from '../db/database.js'
import { gebruikersPerApplicatie } from '../db/repos/registry.js'
import type { Policy, Verantwoordelijken } from '../domain/policies/index.js'
import type { KoppelingShape } from '../domain/policies/registry.js'
import type { ResourceRules } from './registry-service.js'

// The `responsible` hooks of the services (ResourceRules): each type's policy
// (domain/policies/), given what that policy needs from the database.

type Responsible = ResourceRules<object>['responsible']

/** For a policy that needs nothing beyond the object itself. */
export function volgens<T>(policy: Policy<T>): Responsible {
  // The service passes its own objects (inputs or stored resources): the policy's shape.
  return async (_db, items) => items.map((o) => policy.verantwoordelijken(o as T))
}

interface KoppelingEinden extends KoppelingShape {
  bronApplicatieId?: string
  doelApplicatieId?: string
}

/** A koppeling's policy, given the organisations using its bron and doel applicaties. */
export function koppelingVerantwoordelijken(policy: Policy<KoppelingShape>): Responsible {
  return async (db: Database, items: object[]): Promise<Verantwoordelijken[]> => {
    const koppelingen = items as KoppelingEinden[]
    const einden = (k: KoppelingEinden) => [k.bronApplicatieId, k.doelApplicatieId].filter((id): id is string => Boolean(id))
    const users = new Map<string, string[]>()
    for (const row of await gebruikersPerApplicatie(db, [...new Set(koppelingen.flatMap(einden))]))
      users.set(row.applicatieId, [...(users.get(row.applicatieId) ?? []), row.organisatieId])
    return koppelingen.map((k) => policy.verantwoordelijken({ ...k, appGebruikers: einden(k).flatMap((id) => users.get(id) ?? []) }))
  }
}
