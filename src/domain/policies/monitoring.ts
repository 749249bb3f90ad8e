import { type Policy, unique } from './types.js'

// Monitoring (issue 14). A controle and an onderhoudsvenster are kept by whoever keeps
// what they watch: the service looks up the organisations responsible for the koppeling
// or applicatie (or, for a window over a samenwerking, its confirmed leden) and passes
// them in. A meldingskanaal belongs to the organisation that set it up.

/** A controle or onderhoudsvenster, with the organisations responsible for what it watches. */
export interface BewaaktShape {
  bewakers?: string[]
}

export const controlePolicy: Policy<BewaaktShape> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => ({ organisatieIds: unique(o.bewakers ?? []) }),
}

export const onderhoudsvensterPolicy: Policy<BewaaktShape> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => ({ organisatieIds: unique(o.bewakers ?? []) }),
}

export const meldingskanaalPolicy: Policy<{ organisatieId: string }> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => ({ organisatieIds: [o.organisatieId] }),
}
