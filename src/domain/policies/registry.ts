import { type Policy, unique } from './types.js'

// The registry objects other than organisaties: kept by a beheerder (for a gastheerschap
// also a regisseur) of the organisations they concern.

export interface SamenwerkingShape {
  /** `bevestigd` is absent on input (a new state), false on a stored lid not yet confirmed. */
  leden?: { organisatieId: string; bevestigd?: boolean }[]
}

/**
 * A samenwerking: its confirmed leden. An organisation invited but not confirmed has no say
 * yet; a new state (input) counts every lid, because a writer's own leden are confirmed as
 * it writes (canSpeakFor in access.ts).
 */
export const samenwerkingPolicy: Policy<SamenwerkingShape> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => ({ organisatieIds: (o.leden ?? []).filter((l) => l.bevestigd !== false).map((l) => l.organisatieId) }),
}

/** A gastheerschap: its gastheer. */
export const gastheerschapPolicy: Policy<{ gastheerId?: string }> = {
  schrijvers: ['beheerder', 'regisseur'],
  verantwoordelijken: (o) => ({ organisatieIds: o.gastheerId ? [o.gastheerId] : [] }),
}

/** An applicatie: the organisations using it. */
export const applicatiePolicy: Policy<{ inGebruikBij?: string[] }> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => ({ organisatieIds: o.inGebruikBij ?? [] }),
}

/** A koppeling, with the organisations using its bron and doel applicaties (looked up by the service). */
export interface KoppelingShape {
  eigenaarId?: string
  appGebruikers?: string[]
}

/** A koppeling: its eigenaar and the users of its bron and doel applicaties. */
export const koppelingPolicy: Policy<KoppelingShape> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => ({ organisatieIds: unique([...(o.eigenaarId ? [o.eigenaarId] : []), ...(o.appGebruikers ?? [])]) }),
}
