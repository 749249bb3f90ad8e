// The shapes the monitoring pages read, and their query keys. The registry objects
// (controle, onderhoudsvenster, meldingskanaal) are the server's own types; the answers of
// the status routes (src/api/routes/monitoring-status.ts) are TypeBox schemas local to that
// route file, which the web cannot import without the server's runtime modules: their shapes
// are written out here against the domain's enums until they move to src/schemas/.

import type { ControleSoort } from '../../../../src/domain/monitoring/invoer'
import type { Werkingsstatus } from '../../../../src/domain/monitoring/typen'
import type { Controle, ControleInvoer, Meldingskanaal, MeldingskanaalInvoer, Onderhoudsvenster } from '../../../../src/schemas/monitoring'
import { get, query } from '../../api/client'
import type { Paginering } from '../../api/types'

export type { Controle, ControleInvoer, ControleSoort, Meldingskanaal, MeldingskanaalInvoer, Onderhoudsvenster, Werkingsstatus }

/** A controle's state in the overview: the four working states, or paused. */
export type ControleStatusWaarde = Werkingsstatus | 'gepauzeerd'
/** In the order the overview counts them (src/api/routes/monitoring-status.ts STATUSSEN). */
export const STATUSSEN: readonly ControleStatusWaarde[] = ['werkt', 'verstoord', 'storing', 'onbekend', 'gepauzeerd']
export const WERKINGEN: readonly Werkingsstatus[] = ['werkt', 'verstoord', 'storing', 'onbekend']

export interface Reden {
  nl: string
  en: string
}
export interface Ref {
  id: string
  naam: string
}

export interface ControleStatus {
  id: string
  naam: string
  soort: ControleSoort
  status: ControleStatusWaarde
  intervalSeconden: number
  koppeling?: Ref
  applicatie?: Ref
  laatsteMeting?: { op: string; geslaagd: boolean; soort: string; reden?: Reden; duurMs?: number }
  storing?: { id: string; sinds: string }
  beschikbaarheid24u?: number
}

export interface Overzicht {
  totalen: Record<ControleStatusWaarde, number>
  resultaten: ControleStatus[]
  paginering: Paginering
}

export interface Uur {
  uur: string
  aantal: number
  geslaagd: number
  inOnderhoud: number
  gemiddeldeDuurMs: number
  maxDuurMs: number
}

export interface Verloop {
  stand: ControleStatus
  uren: Uur[]
  metingen: { tijdstip: string; geslaagd: boolean; duurMs: number; soort: string; reden?: Reden }[]
}

export interface Uitkomst {
  geslaagd: boolean
  soort: string
  reden: Reden
  duurMs: number
  details?: unknown
}

export type GebeurtenisSoort = 'geopend' | 'bevestigd' | 'hersteld' | 'gesloten' | 'notitie'
export interface Storing {
  id: string
  controle: Ref
  koppeling?: Ref
  begonnenOp: string
  geopendOp: string
  geslotenOp?: string
  open: boolean
  reden?: Reden
  tijdlijn: { op: string; soort: GebeurtenisSoort; tekst?: string; door?: string; meetsoort?: string }[]
}

export interface Werking {
  status: Werkingsstatus
  gemeten: Werkingsstatus
  bron: 'metingen' | 'handmatig'
  reden?: string
  uitleg: Reden
  handmatig?: { status: string; reden: string; tot?: string; door: string; op: string }
  controles: ControleStatus[]
}

export type Oordeel = 'gehaald' | 'niet-gehaald' | 'geen-doel' | 'onbekend'
export interface BeschikbaarheidCijfers {
  beschikbaarheid?: number
  doel?: number
  oordeel: Oordeel
  gemetenMinuten: number
  beschikbareMinuten: number
  onderhoudMinuten: number
  ongemetenMinuten: number
}
export interface KoppelingBeschikbaarheid extends BeschikbaarheidCijfers {
  maand: string
  koppeling: Ref
  serviceniveau?: string
  controles: (BeschikbaarheidCijfers & Ref)[]
}

export interface Statuspagina {
  titel: string
  slug?: string
  openbaar?: boolean
  samenwerking?: Ref
  bijgewerktOp: string
  koppelingen: {
    koppeling: { id?: string; naam: string }
    status: Werkingsstatus
    doel?: number
    beschikbaarheid90d?: number
    dagen: { dag: string; beschikbaarheid?: number; oordeel: Oordeel }[]
  }[]
}

export interface TestmeldingUitkomst {
  geslaagd: boolean
  tijdelijk?: boolean
  reden?: Reden
  duurMs: number
}

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
