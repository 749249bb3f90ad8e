import { useMatches } from 'react-router'
import { SOORTEN, type Soort } from './soorten'

/** The registry resource of the current route, from its `handle` (routes.tsx). */
export function useSoort(): Soort {
  const matches = useMatches()
  for (const m of [...matches].reverse()) {
    const soort = (m.handle as { soort?: string } | undefined)?.soort
    if (soort && (SOORTEN as readonly string[]).includes(soort)) return soort as Soort
  }
  throw new Error('registry page outside a registry route')
}
