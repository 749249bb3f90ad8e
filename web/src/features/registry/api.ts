import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { LIMITS } from '../../../../src/domain/vocabulary'
import { get, query, request } from '../../api/client'
import type { Lijst } from '../../api/types'
import { naamVan, naamVeld, type RegistryObject, type Soort } from './soorten'

// Queries of the registry pages. Every key starts with 'registry', so one
// invalidation after a write refreshes lists, objects, related lists and options.

export const REGISTRY_KEY = ['registry'] as const

export type LijstParams = Record<string, string | undefined>

export function useLijst(pad: string, params: LijstParams) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'lijst', pad, params],
    queryFn: ({ signal }) => get<Lijst<RegistryObject>>(`${pad}${query(params)}`, signal),
    placeholderData: keepPreviousData,
  })
}

/** One object with its ETag, for the detail page, the edit form and names of references. */
export function useObject(soort: Soort, id: string | undefined) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'object', soort, id],
    queryFn: ({ signal }) => request<RegistryObject>(`${soort}/${id}`, { signal }),
    enabled: Boolean(id),
    staleTime: 30_000,
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  })
}

export interface Optie {
  id: string
  naam: string
  /** For an organisation: its type (a supplier uses no applicatie). */
  type?: string
}

/** Every object of a kind the caller can see, by name: options of reference selects. */
async function alleOpties(soort: Soort, signal: AbortSignal): Promise<Optie[]> {
  const out: Optie[] = []
  for (let pagina = 1; ; pagina++) {
    const { resultaten, paginering } = await get<Lijst<RegistryObject>>(
      `${soort}${query({ sorteer: naamVeld(soort), paginaGrootte: LIMITS.paginaGrootteMax, pagina })}`,
      signal,
    )
    out.push(...resultaten.map((o) => ({ id: o.id, naam: naamVan(soort, o), ...(typeof o.type === 'string' ? { type: o.type } : {}) })))
    if (pagina >= paginering.totaalPaginas) return out
  }
}

export const optiesKey = (soort: Soort | undefined) => [...REGISTRY_KEY, 'opties', soort] as const

/** The options query of a kind, for useQuery; also read (not fetched) by RefLink. */
export const optiesQuery = (soort: Soort | undefined) => ({
  queryKey: optiesKey(soort),
  queryFn: ({ signal }: { signal: AbortSignal }) => alleOpties(soort as Soort, signal),
  staleTime: 60_000,
})

/** Every object of a kind the caller can see, whole (for rules the form shows before saving). */
export function useAlleObjecten(soort: Soort) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'alle', soort],
    queryFn: async ({ signal }) => {
      const out: RegistryObject[] = []
      for (let pagina = 1; ; pagina++) {
        const { resultaten, paginering } = await get<Lijst<RegistryObject>>(
          `${soort}${query({ paginaGrootte: LIMITS.paginaGrootteMax, pagina })}`,
          signal,
        )
        out.push(...resultaten)
        if (pagina >= paginering.totaalPaginas) return out
      }
    },
    staleTime: 60_000,
  })
}

/** Without a kind, nothing is fetched (a select that turns out not to need options). */
export function useOpties(soort: Soort | undefined) {
  return useQuery({ ...optiesQuery(soort), enabled: Boolean(soort) })
}
