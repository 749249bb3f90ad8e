// The shapes the monitoring pages read, and their query keys: the server's own types
// (src/schemas/monitoring.ts for the registry objects, src/schemas/monitoring-status.ts for
// the answers of the status routes), imported as types only.

import type { ControleSoort } from '../../../../src/domain/monitoring/invoer'
import type { Werkingsstatus } from '../../../../src/domain/monitoring/typen'
import type { Controle, ControleInvoer, Meldingskanaal, MeldingskanaalInvoer, Onderhoudsvenster } from '../../../../src/schemas/monitoring'
import type {
  ControleStatus,
  ControleStatusWaarde,
  KoppelingBeschikbaarheid,
  Reden,
  Ref,
  Statuspagina,
  Storing,
  TestmeldingUitkomst,
  Uitkomst,
  Verloop,
  Werking,
} from '../../../../src/schemas/monitoring-status'
import { get, query } from '../../api/client'
import type { Paginering } from '../../api/types'

export type {
  Controle,
  ControleInvoer,
  ControleSoort,
  ControleStatus,
  ControleStatusWaarde,
  KoppelingBeschikbaarheid,
  Meldingskanaal,
  MeldingskanaalInvoer,
  Onderhoudsvenster,
  Reden,
  Ref,
  Statuspagina,
  Storing,
  TestmeldingUitkomst,
  Uitkomst,
  Verloop,
  Werking,
  Werkingsstatus,
}

/** In the order the overview counts them (src/schemas/monitoring-status.ts STATUSSEN). */
export const STATUSSEN: readonly ControleStatusWaarde[] = ['werkt', 'verstoord', 'storing', 'onbekend', 'gepauzeerd']
export const WERKINGEN: readonly Werkingsstatus[] = ['werkt', 'verstoord', 'storing', 'onbekend']

export interface Overzicht {
  totalen: Record<ControleStatusWaarde, number>
  resultaten: ControleStatus[]
  paginering: Paginering
}

export type Uur = Verloop['uren'][number]
export type GebeurtenisSoort = Storing['tijdlijn'][number]['soort']
export type Oordeel = KoppelingBeschikbaarheid['oordeel']
export type BeschikbaarheidCijfers = Omit<KoppelingBeschikbaarheid['controles'][number], 'id' | 'naam'>

/** Every key starts with 'monitoring': running a controle or a note refreshes all of it. */
export const MONITORING_KEY = ['monitoring'] as const

export type OverzichtFilters = Partial<
  Record<'samenwerkingId' | 'koppelingId' | 'status' | 'soort' | 'zoek' | 'pagina' | 'paginaGrootte', string>
>

export const overzichtQuery = (f: OverzichtFilters) => ({
  queryKey: [...MONITORING_KEY, 'overzicht', f],
  queryFn: ({ signal }: { signal?: AbortSignal }) => get<Overzicht>(`monitoring${query(f)}`, signal),
  staleTime: 15_000,
})

export const verloopQuery = (id: string, dagen: number) => ({
  queryKey: [...MONITORING_KEY, 'verloop', id, dagen],
  queryFn: ({ signal }: { signal?: AbortSignal }) => get<Verloop>(`controles/${id}/verloop${query({ dagen })}`, signal),
})

export type StoringFilters = Partial<Record<'controleId' | 'koppelingId' | 'samenwerkingId' | 'open', string>>

export const storingenQuery = (f: StoringFilters) => ({
  queryKey: [...MONITORING_KEY, 'storingen', f],
  queryFn: ({ signal }: { signal?: AbortSignal }) => get<{ resultaten: Storing[] }>(`storingen${query(f)}`, signal),
  staleTime: 15_000,
})

export const storingQuery = (id: string) => ({
  queryKey: [...MONITORING_KEY, 'storing', id],
  queryFn: ({ signal }: { signal?: AbortSignal }) => get<Storing>(`storingen/${id}`, signal),
})

export const werkingQuery = (koppelingId: string) => ({
  queryKey: [...MONITORING_KEY, 'werking', koppelingId],
  queryFn: ({ signal }: { signal?: AbortSignal }) => get<Werking>(`koppelingen/${koppelingId}/werking`, signal),
})

export const beschikbaarheidQuery = (f: { maand: string; samenwerkingId?: string }) => ({
  queryKey: [...MONITORING_KEY, 'beschikbaarheid', f],
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    get<{ maand: string; resultaten: KoppelingBeschikbaarheid[] }>(`beschikbaarheid${query(f)}`, signal),
})

/** Open storingen first, then the newest (the API gives newest first; a stable sort keeps that within each group). */
export const openEerst = (lijst: Storing[]): Storing[] => [...lijst].sort((a, b) => Number(b.open) - Number(a.open))

/** The current month in Europe/Amsterdam, YYYY-MM (what the API reports when asked nothing). */
export function dezeMaand(nu: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).format(nu).slice(0, 7)
}

/** A percentage with three decimals, as the availability is agreed: "99,950 %". */
export function formatPercentage(p: number | undefined, taal: 'nl' | 'en'): string | undefined {
  if (p === undefined) return undefined
  const getal = new Intl.NumberFormat(taal === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(p)
  return `${getal} %`
}
