import { type Policy, unique } from './types.js'

// The trust policy and its findings (issue 12) belong to the organisation whose systems
// they protect: its beheerder — in practice its CISO — writes the policy and accepts a
// finding as a risk. A samenwerking that adopts a policy reads it; it does not change it.

/** A vertrouwensbeleid: its eigenaar. */
export const vertrouwensbeleidPolicy: Policy<{ eigenaarId?: string }> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => ({ organisatieIds: o.eigenaarId ? [o.eigenaarId] : [] }),
}

/**
 * A bevinding: the organisation whose policy it breaks (eigenaarId); a finding of the
 * shipped default about no organisation in particular falls back to the party itself.
 */
export const bevindingPolicy: Policy<{ eigenaarId?: string; partijId?: string }> = {
  schrijvers: ['beheerder'],
  verantwoordelijken: (o) => ({ organisatieIds: unique(o.eigenaarId ? [o.eigenaarId] : o.partijId ? [o.partijId] : []) }),
}
