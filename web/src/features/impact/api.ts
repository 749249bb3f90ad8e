import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { ImpactUitkomst, ImpactVergelijking } from '../../../../src/schemas/impact'
import type { Scenario as AlleScenario, ImpactScenario, ImpactScenarioInvoer } from '../../../../src/schemas/scenario'
import { get, query, request } from '../../api/client'
import type { Lijst } from '../../api/types'
import { currentLanguage } from '../../i18n'
import { SCENARIOS_KEY } from '../scenarios/api'

// Queries of the impact pages (issue 13). The keys start with 'scenarios', like the
// business cases', so one invalidation after a write refreshes both.

// The API's shapes: the server's own types (src/schemas/impact.ts and scenario.ts).
export type { AlleScenario, ImpactScenario, ImpactScenarioInvoer, ImpactUitkomst, ImpactVergelijking }
export type ImpactInvoer = ImpactScenarioInvoer['invoer']
export type Wijziging = ImpactInvoer['wijzigingen'][number]
export type WijzigingSoort = Wijziging['soort']
export type PadStap = ImpactUitkomst['koppelingen'][number]['pad'][number]

export const WIJZIGING_SOORTEN: readonly WijzigingSoort[] = [
  'uittreden',
  'gastheer stopt',
  'leverancier vervangen',
  'leverancier failliet',
  'applicatie uitfaseren',
  'applicatie vervangen',
  'uitbesteden',
  'standaard wijzigt',
  'endpoint wijzigt',
]

/** A message of the API ({nl, en}) in the UI language. */
export const inTaal = (b: { nl: string; en: string }) => b[currentLanguage()]

export function useImpactScenario(id: string | undefined) {
  return useQuery({
    queryKey: [...SCENARIOS_KEY, 'object', id],
    queryFn: ({ signal }) => request<AlleScenario>(`scenarios/${id}`, { signal }),
    enabled: Boolean(id),
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  })
}

export function useImpactUitkomst(id: string | undefined) {
  return useQuery({
    queryKey: [...SCENARIOS_KEY, 'impact', id],
    queryFn: ({ signal }) => get<ImpactUitkomst>(`scenarios/${id}/impact`, signal),
    enabled: Boolean(id),
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  })
}

export function useImpactScenarios() {
  return useQuery({
    queryKey: [...SCENARIOS_KEY, 'lijst', { soort: 'impactanalyse', alle: true }],
    queryFn: ({ signal }) =>
      get<Lijst<ImpactScenario>>(`scenarios${query({ soort: 'impactanalyse', paginaGrootte: 100, sorteer: 'naam' })}`, signal),
    placeholderData: keepPreviousData,
  })
}

export function useImpactVergelijking(ids: string[]) {
  return useQuery({
    queryKey: [...SCENARIOS_KEY, 'impactvergelijking', ids],
    queryFn: ({ signal }) => get<ImpactVergelijking>(`scenarios/_impactvergelijking${query({ ids: ids.join(',') })}`, signal),
    enabled: ids.length >= 2 && ids.length <= 5,
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  })
}

/** Where the report of a saved scenario can be downloaded (built by the report endpoint). */
export const rapportPad = (id: string, formaat: 'markdown' | 'pdf') => `/api/v1/scenarios/${id}/rapport?formaat=${formaat}`
