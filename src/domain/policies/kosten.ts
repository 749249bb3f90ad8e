import type { Policy } from './types.js'

// Costs and declarations of a host are the regisseur's (DESIGN.md, security baseline).

/** A kostenpost: the organisation that incurs it (filled in from the gastheer before this runs). */
export const kostenpostPolicy: Policy<{ gemaaktDoorId?: string }> = {
  schrijvers: ['regisseur'],
  verantwoordelijken: (o) => ({ organisatieIds: o.gemaaktDoorId ? [o.gemaaktDoorId] : [] }),
}

/** A verdeelsleutel, with what its scope and registration resolve to (looked up by the service). */
export interface VerdeelsleutelShape {
  id?: string
  /** Its gastheerschap's gastheer, when it has a gastheerschap (null: that gastheerschap does not exist). */
  gastheer?: string | null
  /** Its samenwerking's confirmed leden, when it has a samenwerking. */
  samenwerkingLeden?: string[]
  /** The organisations whose regisseur made it. */
  geregistreerdDoor?: string[]
}

/**
 * A key with a scope is kept by its gastheer or the samenwerking's (confirmed) leden. A key
 * without one is everyone's to use, so not everyone's to change (issue 10): any regisseur
 * may make one, and then the organisations whose regisseur made it keep it.
 */
export const verdeelsleutelPolicy: Policy<VerdeelsleutelShape> = {
  schrijvers: ['regisseur'],
  verantwoordelijken: (o) => {
    if (o.gastheer !== undefined) return { organisatieIds: o.gastheer ? [o.gastheer] : [] }
    if (o.samenwerkingLeden) return { organisatieIds: o.samenwerkingLeden }
    if (!o.id) return { organisatieIds: [], openToAnyWriter: true }
    return { organisatieIds: o.geregistreerdDoor ?? [] }
  },
}

/** A maatstafwaarde: the organisation it measures. */
export const maatstafwaardePolicy: Policy<{ organisatieId: string }> = {
  schrijvers: ['beheerder', 'regisseur'],
  verantwoordelijken: (o) => ({ organisatieIds: [o.organisatieId] }),
}

/**
 * Referentiewaarden belong to no organisation and every benchmark compares with them: no
 * role writes them, so only an admin keeps them (issue 10).
 */
export const referentiewaardePolicy: Policy<unknown> = {
  schrijvers: [],
  verantwoordelijken: () => ({ organisatieIds: [], openToAnyWriter: true }),
}

/** A declaratie: its sender. */
export const declaratiePolicy: Policy<{ vanId: string }> = {
  schrijvers: ['regisseur'],
  verantwoordelijken: (o) => ({ organisatieIds: [o.vanId] }),
}
