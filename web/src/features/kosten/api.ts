import { useQuery } from '@tanstack/react-query'
import { LIMITS } from '../../../../src/domain/vocabulary'
import type { KostenpostVerdeling } from '../../../../src/schemas/kosten'
import { get, query, request } from '../../api/client'
import type { Lijst } from '../../api/types'
import { REGISTRY_KEY, useLijst, useObject } from '../registry/api'
import type { KostenObject, KostenPagina } from './soorten'

// Queries of the cost pages, under the registry's key: one invalidation after any
// write refreshes registry and cost pages alike (a renamed organisation, a new key).

export type { LijstParams } from '../registry/api'
/** GET /kostenposten/{id}/verdeling. */
export type { KostenpostVerdeling }
export { useLijst }

export const objectKey = (pagina: KostenPagina, id: string | undefined) => [...REGISTRY_KEY, 'object', pagina, id] as const

/** One cost object with its ETag. */
export function useKostenObject(pagina: KostenPagina, id: string | undefined) {
  return useQuery({
    queryKey: objectKey(pagina, id),
    queryFn: ({ signal }) => request<KostenObject>(`${pagina}/${id}`, { signal }),
    enabled: Boolean(id),
    staleTime: 30_000,
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  })
}

/** The allocation of one kostenpost; a 409 (data missing) is an answer, not a reason to retry. */
export function useVerdeling(id: string, revisie: number | undefined) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'verdeling', id, revisie],
    queryFn: ({ signal }) => get<KostenpostVerdeling>(`kostenposten/${id}/verdeling`, signal),
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  })
}

async function alle<T>(pad: string, params: Record<string, string>, signal: AbortSignal): Promise<T[]> {
  const out: T[] = []
  for (let pagina = 1; ; pagina++) {
    const { resultaten, paginering } = await get<Lijst<T>>(
      `${pad}${query({ ...params, paginaGrootte: LIMITS.paginaGrootteMax, pagina })}`,
      signal,
    )
    out.push(...resultaten)
    if (pagina >= paginering.totaalPaginas || pagina >= 20) return out
  }
}

/** Every verdeelsleutel the caller can see, whole (their scope decides which fit a post). */
export function useSleutels(enabled = true) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'opties', 'verdeelsleutels', 'volledig'],
    queryFn: ({ signal }) => alle<KostenObject>('verdeelsleutels', { sorteer: 'naam' }, signal),
    staleTime: 60_000,
    enabled,
  })
}

/** Names of the measures in use, for suggestions while typing one. */
export function useMaatstafnamen(enabled = true) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'opties', 'maatstaven'],
    queryFn: async ({ signal }) => {
      const waarden = await alle<{ maatstaf: string }>('maatstafwaarden', { sorteer: 'maatstaf' }, signal)
      return [...new Set(waarden.map((w) => w.maatstaf))].sort((a, b) => a.localeCompare(b, 'nl'))
    },
    staleTime: 60_000,
    enabled,
  })
}

/** Who takes part in a samenwerking (its members) or a gastheerschap (gastheer and afnemers). */
export function useDeelnemers(hoortBij: { samenwerkingId?: string; gastheerschapId?: string }): string[] | undefined {
  const params = { paginaGrootte: String(LIMITS.paginaGrootteMax) }
  const pad = `samenwerkingen/${hoortBij.samenwerkingId}/leden`
  const leden = useQuery({
    queryKey: [...REGISTRY_KEY, 'lijst', pad, params],
    queryFn: ({ signal }) => get<Lijst<{ id: string }>>(`${pad}${query(params)}`, signal),
    enabled: Boolean(hoortBij.samenwerkingId),
  })
  const g = useObject('gastheerschappen', hoortBij.gastheerschapId)
  if (hoortBij.gastheerschapId) {
    const o = g.data?.data
    return o ? [String(o.gastheerId), ...((o.afnemerIds as string[] | undefined) ?? [])] : undefined
  }
  if (hoortBij.samenwerkingId) return leden.data?.resultaten.map((o) => o.id)
  return undefined
}
