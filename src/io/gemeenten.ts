import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'

// Reference list of the 342 Dutch municipalities (CBS code, name, inhabitants of
// about 2025), from the public data set Gijs6/gemeentle (Unlicense).

export interface Gemeente {
  cbsCode: string
  naam: string
  provincie: string
  inwoners: number
}

const FILE = fileURLToPath(new URL('../../reference/gemeenten.csv', import.meta.url))

let cached: Map<string, Gemeente> | undefined

export function gemeenten(): Map<string, Gemeente> {
  if (cached) return cached
  const rows = parse(readFileSync(FILE, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[]
  cached = new Map(
    rows.map((r) => [r.cbs_code, { cbsCode: r.cbs_code, naam: r.naam, provincie: r.provincie, inwoners: Number(r.inwoners) }]),
  )
  return cached
}
