// Listing rules shared by every list endpoint: a sort spec like "-naam,type" becomes
// ordered keys, and the id is always the last key so that pages are stable.

export interface SortKey {
  field: string
  descending: boolean
}

export function parseSort(spec: string | undefined, fallback: string): SortKey[] {
  const parts = (spec && spec.length > 0 ? spec : fallback).split(',')
  const keys: SortKey[] = []
  const seen = new Set<string>()
  for (const part of parts) {
    const descending = part.startsWith('-')
    const field = descending ? part.slice(1) : part
    if (field && !seen.has(field)) {
      seen.add(field)
      keys.push({ field, descending })
    }
  }
  if (!seen.has('id')) keys.push({ field: 'id', descending: false })
  return keys
}

export interface PageRequest {
  pagina: number
  paginaGrootte: number
}

export function pageInfo(req: PageRequest, totaalAantal: number) {
  return {
    pagina: req.pagina,
    paginaGrootte: req.paginaGrootte,
    totaalAantal,
    totaalPaginas: Math.ceil(totaalAantal / req.paginaGrootte),
  }
}
