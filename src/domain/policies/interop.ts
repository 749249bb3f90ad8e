import type { Policy } from './types.js'

/**
 * GEMMA reference components belong to no organisation and every applicatie may refer to
 * them (a shared catalogue, like the referentiewaarden of the benchmark): no role writes
 * them, so only an admin keeps them, by hand or by importing the GEMMA list.
 */
export const referentiecomponentPolicy: Policy<unknown> = {
  schrijvers: [],
  verantwoordelijken: () => ({ organisatieIds: [], openToAnyWriter: true }),
}
