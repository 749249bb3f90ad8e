import { useMatches } from 'react-router'
import { KOSTEN_PAGINAS, type KostenPagina } from './soorten'

/** The cost resource of the current route, from its `handle` (routes.tsx). */
export function useKostenPagina(): KostenPagina {
  const matches = useMatches()
  for (const m of [...matches].reverse()) {
    const pagina = (m.handle as { kosten?: string } | undefined)?.kosten
    if (pagina && (KOSTEN_PAGINAS as readonly string[]).includes(pagina)) return pagina as KostenPagina
  }
  throw new Error('cost page outside a cost route')
}
