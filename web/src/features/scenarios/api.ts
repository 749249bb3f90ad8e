import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type {
  Scenario as AlleScenario,
  BusinesscaseScenario as Scenario,
  BusinesscaseScenarioInvoer as ScenarioInvoer,
  ScenarioUitkomst,
  ScenarioVergelijking,
} from '../../../../src/schemas/scenario'
import { get, query, request } from '../../api/client'
import type { Ik, Lijst } from '../../api/types'

// Queries of the business case pages. Every key starts with 'scenarios', so one
// invalidation after a write refreshes lists, single scenarios and comparisons.

// The API's shapes: the server's own types (src/schemas/scenario.ts), narrowed to business cases.
export type { Scenario, ScenarioInvoer, ScenarioUitkomst, ScenarioVergelijking }
export type Oordeel = ScenarioUitkomst['totaal']['oordeel']

export const SCENARIOS_KEY = ['scenarios'] as const

/** Scenarios of both soorten (a business case or an impact analysis): narrow by `soort` before reading `invoer`. */
export function useScenarios(params: Record<string, string | undefined>) {
  return useQuery({
    queryKey: [...SCENARIOS_KEY, 'lijst', params],
    queryFn: ({ signal }) => get<Lijst<AlleScenario>>(`scenarios${query(params)}`, signal),
    placeholderData: keepPreviousData,
  })
}

/** One scenario; the business case pages send an impact analysis on to its own page (soort 'impactanalyse'). */
export function useScenario(id: string | undefined) {
  return useQuery({
    queryKey: [...SCENARIOS_KEY, 'object', id],
    queryFn: ({ signal }) => request<AlleScenario>(`scenarios/${id}`, { signal }),
    enabled: Boolean(id),
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  })
}

export function useVergelijking(ids: string[]) {
  return useQuery({
    queryKey: [...SCENARIOS_KEY, 'vergelijking', ids],
    queryFn: ({ signal }) => get<ScenarioVergelijking>(`scenarios/_vergelijking${query({ ids: ids.join(',') })}`, signal),
    enabled: ids.length >= 2 && ids.length <= 5,
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  })
}

/**
 * Whether the user may create a business case: /_ik says so once it knows scenarios;
 * until then the same rule as the API (access.ts): admin, or beheerder or regisseur anywhere.
 */
export function magAanmaken(ik: Ik): boolean {
  const bekend = (ik.rechten.aanmaken as Record<string, boolean | undefined>).scenario
  if (bekend !== undefined) return bekend
  return ik.gebruiker.rollen.some((r) => r.rol === 'admin' || r.rol === 'beheerder' || r.rol === 'regisseur')
}
