import type { Bevinding } from './vertrouwen/typen.js'

// What a new evaluation changes in the stored findings (issue 12): a finding is kept by
// its stable sleutel, so the difference is per sleutel — new ones open, closed ones that
// came back reopen, open ones whose content changed are updated, and open ones that are
// gone close. Nothing is deleted: the history stays.

export interface Opgeslagen {
  id: string
  sleutel: string
  open: boolean
  inhoud: Bevinding
}

export interface Verschil {
  openen: Bevinding[]
  heropenen: { id: string; bevinding: Bevinding }[]
  bijwerken: { id: string; bevinding: Bevinding }[]
  sluiten: Opgeslagen[]
}

/** Canonical JSON: key order does not count (jsonb does not keep it). */
function canoniek(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canoniek).join(',')}]`
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canoniek((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(v)
}

export function verschil(opgeslagen: readonly Opgeslagen[], nieuw: readonly Bevinding[]): Verschil {
  const bestaand = new Map(opgeslagen.map((o) => [o.sleutel, o]))
  const gevonden = new Set<string>()
  const uit: Verschil = { openen: [], heropenen: [], bijwerken: [], sluiten: [] }
  for (const b of nieuw) {
    gevonden.add(b.sleutel)
    const o = bestaand.get(b.sleutel)
    if (!o) uit.openen.push(b)
    else if (!o.open) uit.heropenen.push({ id: o.id, bevinding: b })
    else if (canoniek(o.inhoud) !== canoniek(b)) uit.bijwerken.push({ id: o.id, bevinding: b })
  }
  for (const o of opgeslagen) if (o.open && !gevonden.has(o.sleutel)) uit.sluiten.push(o)
  return uit
}

export const isLeeg = (v: Verschil) => v.openen.length + v.heropenen.length + v.bijwerken.length + v.sluiten.length === 0
