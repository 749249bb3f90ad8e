import { type Policy, unique } from './types.js'

// Trust (issue 12). What an organisation relies on to trust a party is kept by that
// organisation's beheerder (its CISO): a contract by the organisation that holds it, a
// toegang by the organisation that granted it (the owner of what is accessed). Evidence
// is about a party: its own beheerder keeps it, and so do the organisations whose
// beheerder registered it (like a supplier, organisatie.ts). Auditors and lezers read
// what they may see; an admin writes everything.

/** A bewijsstuk, with the organisations whose beheerder registered it (looked up by the service). */
export interface BewijsstukShape {
  id?: string
  organisatieId?: string
  geregistreerdDoor?: string[]
}

/** Any beheerder may register evidence about any party; then the party and the registrars keep it. */
export const bewijsstukPolicy: Policy<BewijsstukShape> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => {
    if (!o.id) return { organisatieIds: [], openToAnyWriter: true }
    return { organisatieIds: unique([...(o.organisatieId ? [o.organisatieId] : []), ...(o.geregistreerdDoor ?? [])]) }
  },
}

/** A contract: the organisation that holds it (afnemer). */
export const contractPolicy: Policy<{ afnemerId: string }> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => ({ organisatieIds: [o.afnemerId] }),
}

/** A toegang: the organisation that granted it. */
export const toegangPolicy: Policy<{ verleendDoorId: string }> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => ({ organisatieIds: [o.verleendDoorId] }),
}
