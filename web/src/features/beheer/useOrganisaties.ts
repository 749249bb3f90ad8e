import { useQuery } from '@tanstack/react-query'
import { get } from '../../api/client'
import type { Lijst, Organisatie } from '../../api/types'

// The organisations a role can be held at, for the role selects and to show names
// instead of ids. Every signed-in user may see all organisations.

export interface OrganisatieKeuze {
  id: string
  naam: string
}

export function useOrganisaties() {
  const q = useQuery({
    queryKey: ['organisaties', 'keuzelijst'],
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const lijst = await get<Lijst<Organisatie>>('organisaties?paginaGrootte=200', signal)
      return lijst.resultaten.map((o) => ({ id: o.id, naam: o.naam })).sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
    },
  })
  const namen = new Map((q.data ?? []).map((o) => [o.id, o.naam]))
  return { organisaties: q.data ?? [], naamVan: (id: string) => namen.get(id) ?? id, error: q.error, isPending: q.isPending }
}
