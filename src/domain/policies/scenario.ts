import { scenarioVerantwoordelijken } from '../businesscase.js'
import type { Policy } from './types.js'

/** A scenario (business case): its participants, kept by their beheerders and regisseurs. */
export const scenarioPolicy: Policy<Parameters<typeof scenarioVerantwoordelijken>[0]> = {
  schrijvers: ['beheerder', 'regisseur'],
  verantwoordelijken: scenarioVerantwoordelijken,
}
