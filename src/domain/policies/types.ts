import type { Rol } from '../vocabulary.js'

// What one object type's policy says: which roles write it, and which organisations are
// responsible for one object of it. Pure: whatever needs the database (a koppeling's
// applicatie users, who registered a supplier, a key's participants) is looked up by the
// service and passed in as part of the object.

/**
 * The organisations responsible for an object: a writer (see `schrijvers`) of one of them
 * may change it. `openToAnyWriter` marks what any writer may make: a new supplier, which
 * then belongs to the organisations of whoever registered it.
 */
export interface Verantwoordelijken {
  organisatieIds: string[]
  openToAnyWriter?: boolean
}

export interface Policy<TObject> {
  /** Roles that write objects of this type for their organisation; none: only an admin. */
  schrijvers: readonly Rol[]
  /** Who answers for one object; a new state (input) has no id. */
  verantwoordelijken(o: TObject): Verantwoordelijken
}

/** A policy whatever its object: what a table of every type's policy holds. */
export type AnyPolicy = Policy<never>

export const unique = (ids: string[]) => [...new Set(ids)].sort()
