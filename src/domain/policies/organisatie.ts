import { type Policy, unique } from './types.js'

/** An organisatie, with the organisations whose beheerder registered it (looked up by the service). */
export interface OrganisatieShape {
  id?: string
  type?: string
  geregistreerdDoor?: string[]
}

/**
 * An organisatie is kept by itself; a non-gemeente (a supplier) also by the organisations
 * whose beheerder registered it. Any beheerder may register a new one, but only those keep
 * it (and an admin): what others' applicaties refer to is not every beheerder's to rename
 * or delete. A gemeente only an admin creates.
 */
export const organisatiePolicy: Policy<OrganisatieShape> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => {
    if (!o.id) return { organisatieIds: [], openToAnyWriter: o.type !== 'gemeente' }
    return { organisatieIds: o.type === 'gemeente' ? [o.id] : unique([o.id, ...(o.geregistreerdDoor ?? [])]) }
  },
}
