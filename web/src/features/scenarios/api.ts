import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { get, query, request } from '../../api/client'
import type { Ik, Lijst } from '../../api/types'

// Queries of the business case pages. Every key starts with 'scenarios', so one
// invalidation after a write refreshes lists, single scenarios and comparisons.

// The API's shapes (src/schemas/scenario.ts), written out here: importing that module
// would type-check the server's domain code under the UI's stricter compiler settings.

export type Oordeel = 'gaat erop vooruit' | 'gaat er niet op vooruit'
type Getal = number | string
interface Kosten {
  eenmalig: number
  jaarlijks: number
}
type EnkeleRegel =
  | { soort: 'gelijke delen' }
  | { soort: 'vast percentage'; percentages: { deelnemerId: string; percentage: Getal }[] }
  | { soort: 'maatstaf'; maatstaf: string }

export interface ScenarioInvoer {
  naam: string
  soort: 'nieuwe samenwerking'
  omschrijving?: string
  samenwerkingId?: string
  toelichting?: string
  invoer: {
    deelnemers: { organisatieId: string; huidigeKosten: Kosten }[]
    gezamenlijk: Kosten
    verdeling: EnkeleRegel | { soort: 'mix'; componenten: { aandeel: Getal; regel: EnkeleRegel }[] }
    maatstaven?: { organisatieId: string; maatstaf: string; waarde: Getal }[]
    horizonJaren: number
    disconteringsvoet: number
    startjaar?: number
  }
}

interface Resultaat {
  huidigeKosten: Kosten
  aandeel: Kosten
  verschil: Kosten
  jaren: { jaar: number; kalenderjaar?: number; verschil: number; cumulatief: number }[]
  terugverdiendInJaar: number | null
  terugverdiendInKalenderjaar?: number
  nettoContanteWaarde: number
  oordeel: Oordeel
  vooruit: boolean
  uitleg: { nl: string; en: string }
}

export interface ScenarioUitkomst {
  horizonJaren: number
  disconteringsvoet: string
  startjaar?: number
  deelnemers: (Resultaat & { organisatieId: string; naam?: string })[]
  totaal: Resultaat & { aantalVooruit: number; iedereenVooruit: boolean }
}

export interface Scenario extends ScenarioInvoer {
  id: string
  revisie: number
  aangemaaktOp: string
  gewijzigdOp: string
  toegestaneActies?: ('wijzigen' | 'verwijderen')[]
  uitkomst?: ScenarioUitkomst
}

export interface ScenarioVergelijking {
  scenarios: {
    id: string
    naam: string
    horizonJaren: number
    disconteringsvoet: string
    nettoContanteWaarde: number
    aantalVooruit: number
    aantalDeelnemers: number
  }[]
  deelnemers: {
    organisatieId: string
    naam: string
    perScenario: (
      | {
          scenarioId: string
          doetMee: true
          nettoContanteWaarde: number
          terugverdiendInJaar: number | null
          oordeel: Oordeel
          vooruit: boolean
        }
      | { scenarioId: string; doetMee: false }
    )[]
  }[]
}

export const SCENARIOS_KEY = ['scenarios'] as const

export function useScenarios(params: Record<string, string | undefined>) {
  return useQuery({
    queryKey: [...SCENARIOS_KEY, 'lijst', params],
    queryFn: ({ signal }) => get<Lijst<Scenario>>(`scenarios${query(params)}`, signal),
    placeholderData: keepPreviousData,
  })
}

export function useScenario(id: string | undefined) {
  return useQuery({
    queryKey: [...SCENARIOS_KEY, 'object', id],
    queryFn: ({ signal }) => request<Scenario>(`scenarios/${id}`, { signal }),
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
