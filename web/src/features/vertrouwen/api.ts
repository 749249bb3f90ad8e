// The shapes the trust overview, the party page and the findings read (the server's own
// types, imported as types only), this feature's query keys, and the date arithmetic the
// pages share: "today" is the calendar day in Europe/Amsterdam, as the server counts it.

import { BEWIJS_SOORTEN, ERNST_NIVEAUS, REGEL_SOORTEN } from '../../../../src/domain/vertrouwen/typen'
import type { Bewijsstuk, Contract, Toegang } from '../../../../src/schemas/vertrouwen'
import type { Bevinding, BevindingStatus } from '../../../../src/schemas/vertrouwensbeleid'
import { get, query } from '../../api/client'
import type { Lijst } from '../../api/types'

export type { Bevinding, BevindingStatus, Bewijsstuk, Contract, Toegang }
export type Ernst = Bevinding['ernst']
export type RegelSoort = Bevinding['regelSoort']
export type Gebeurtenis = NonNullable<Bevinding['geschiedenis']>[number]

export { BEWIJS_SOORTEN, ERNST_NIVEAUS, REGEL_SOORTEN }
/** The statuses of a finding (src/schemas/vertrouwensbeleid.ts; not imported as a value, it would bundle TypeBox). */
export const BEVINDING_STATUSSEN: readonly BevindingStatus[] = ['open', 'geaccepteerd', 'gesloten']
export const SORTERINGEN = ['ernst,-geopendOp', '-geopendOp', 'partij,ernst'] as const

/** Every key starts with 'vertrouwen': a risk acceptance refreshes lists, counts and the finding at once. */
export const VERTROUWEN_KEY = ['vertrouwen'] as const
export const TELLINGEN_KEY = [...VERTROUWEN_KEY, 'tellingen'] as const

/** The largest page the API gives. */
export const GROOT = 200

/** How far ahead the overview looks for expiring evidence. */
export const VENSTER_DAGEN = 90

export interface Tellingen {
  peildatum: string
  open: Record<Ernst, number>
  geaccepteerd: Record<Ernst, number>
}

export const tellingenQuery = {
  queryKey: TELLINGEN_KEY,
  queryFn: ({ signal }: { signal?: AbortSignal }) => get<Tellingen>('bevindingen/_tellingen', signal),
  staleTime: 30_000,
}

export type BevindingFilters = Partial<Record<'ernst' | 'status' | 'samenwerkingId' | 'partijId' | 'regelSoort' | 'sorteer', string>>

export const bevindingenPad = (f: BevindingFilters & { pagina?: number; paginaGrootte?: number }) => `bevindingen${query(f)}`

export const haalBevindingen = (f: BevindingFilters & { pagina?: number; paginaGrootte?: number }, signal?: AbortSignal) =>
  get<Lijst<Bevinding>>(bevindingenPad(f), signal)

/** Every page of a list (at most `maxPaginas` of GROOT). */
export async function allePaginas<T>(pad: string, params: Record<string, string>, signal?: AbortSignal, maxPaginas = 10): Promise<T[]> {
  const uit: T[] = []
  for (let pagina = 1; pagina <= maxPaginas; pagina++) {
    const { resultaten, paginering } = await get<Lijst<T>>(`${pad}${query({ ...params, pagina, paginaGrootte: GROOT })}`, signal)
    uit.push(...resultaten)
    if (pagina >= paginering.totaalPaginas) break
  }
  return uit
}

// ------------------------------------------------------------------ dates

/** Today's date in Europe/Amsterdam, YYYY-MM-DD. */
export function vandaag(nu: Date = new Date()): string {
  return tijdstipAlsDatum(nu.toISOString())
}

/** The calendar day of a moment in Europe/Amsterdam, YYYY-MM-DD. */
export function tijdstipAlsDatum(tijdstip: string): string {
  const d = new Date(tijdstip)
  if (Number.isNaN(d.getTime())) return tijdstip.slice(0, 10)
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

const dagnummer = (datum: string) => {
  const [y, m, d] = datum.slice(0, 10).split('-').map(Number)
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000
}

/** `datum` plus `n` days, YYYY-MM-DD, without time-zone shifts. */
export function plusDagen(datum: string, n: number): string {
  return new Date((dagnummer(datum) + n) * 86_400_000).toISOString().slice(0, 10)
}

/** Whole days from `van` to `tot`. */
export const dagenTussen = (van: string, tot: string) => Math.round(dagnummer(tot) - dagnummer(van))

export type BewijsStand =
  | { soort: 'verlopen'; datum: string }
  | { soort: 'vandaag'; datum: string }
  | { soort: 'binnenkort'; datum: string; dagen: number }
  | { soort: 'geldig'; datum: string }
  | { soort: 'zonderEinde' }
  | { soort: 'nogNiet'; datum: string }

/**
 * Where a bewijsstuk stands on `peildatum`: expired (its last valid day has passed),
 * expiring within `venster` days, valid, or not valid yet. `geldigTot` is inclusive.
 */
export function bewijsStand(b: { geldigVanaf: string; geldigTot?: string }, peildatum: string, venster = VENSTER_DAGEN): BewijsStand {
  if (b.geldigVanaf > peildatum) return { soort: 'nogNiet', datum: b.geldigVanaf }
  if (!b.geldigTot) return { soort: 'zonderEinde' }
  if (b.geldigTot < peildatum) return { soort: 'verlopen', datum: b.geldigTot }
  if (b.geldigTot === peildatum) return { soort: 'vandaag', datum: b.geldigTot }
  const dagen = dagenTussen(peildatum, b.geldigTot)
  if (dagen <= venster) return { soort: 'binnenkort', datum: b.geldigTot, dagen }
  return { soort: 'geldig', datum: b.geldigTot }
}

export interface PartijTelling {
  partijId: string
  partijNaam: string
  hoog: number
  middel: number
  laag: number
  totaal: number
}

/** Open findings per party, the worst first: most hoog, then middel, then laag, then by name. */
export function perPartij(bevindingen: Pick<Bevinding, 'partijId' | 'partijNaam' | 'ernst'>[]): PartijTelling[] {
  const per = new Map<string, PartijTelling>()
  for (const b of bevindingen) {
    const p = per.get(b.partijId) ?? { partijId: b.partijId, partijNaam: b.partijNaam, hoog: 0, middel: 0, laag: 0, totaal: 0 }
    p[b.ernst] += 1
    p.totaal += 1
    per.set(b.partijId, p)
  }
  return [...per.values()].sort(
    (a, b) => b.hoog - a.hoog || b.middel - a.middel || b.laag - a.laag || a.partijNaam.localeCompare(b.partijNaam, 'nl'),
  )
}
