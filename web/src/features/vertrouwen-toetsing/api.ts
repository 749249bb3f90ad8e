// The shapes the trust pages read (the server's own types, imported as types only) and
// this feature's query keys: GET /herbeoordelingen, POST /uitbestedingstoets,
// GET /vertrouwensbeleid[/standaard|/{id}|/{id}/versies], POST /vertrouwensbeleid/_voorvertoning
// and POST /toegangen/{id}/herbeoordelen.

import type { Static } from 'typebox'
import type { Message } from '../../../../src/domain/errors'
import type { BeleidsRegel, Bevinding, BewijsEis, BewijsSoort, Uitbestedingstoets } from '../../../../src/domain/vertrouwen/typen'
import type { Toegang } from '../../../../src/schemas/vertrouwen'
import type {
  BeleidsVersie as BeleidsVersieSchema,
  Standaardbeleid as StandaardbeleidSchema,
  Vertrouwensbeleid,
  VertrouwensbeleidInvoer,
  VoorvertoningUitkomst as VoorvertoningUitkomstSchema,
} from '../../../../src/schemas/vertrouwensbeleid'
import { currentLanguage } from '../../i18n'

export type {
  BeleidsRegel,
  Bevinding,
  BewijsEis,
  BewijsSoort,
  Message,
  Toegang,
  Uitbestedingstoets,
  Vertrouwensbeleid,
  VertrouwensbeleidInvoer,
}
export type Standaardbeleid = Static<typeof StandaardbeleidSchema>
export type BeleidsVersie = Omit<Static<typeof BeleidsVersieSchema>, 'beleid'> & { beleid: Vertrouwensbeleid }
export type VoorvertoningUitkomst = Static<typeof VoorvertoningUitkomstSchema>

/** One row of GET /herbeoordelingen (the route's own schema, not exported by the server). */
export interface Herbeoordeling {
  toegangId: string
  partijId: string
  partijNaam: string
  verleendDoorId: string
  verleendDoorNaam: string
  doel: string
  laatsteBeoordeling?: string
  uiterlijk: string
  achterstallig: boolean
  beleidId: string
  beleidNaam: string
  regelId: string
  maatregel: string
}

export interface Herbeoordelingslijst {
  peildatum: string
  binnenDagen: number
  resultaten: Herbeoordeling[]
}

export const TOETSING_KEY = ['vertrouwen-toetsing'] as const
export const HERBEOORDELINGEN_KEY = [...TOETSING_KEY, 'herbeoordelingen'] as const
export const BELEID_KEY = [...TOETSING_KEY, 'beleid'] as const

/** The id the shipped default policy has in findings and review rows (src/domain/vertrouwen/standaardbeleid.ts). */
export const STANDAARDBELEID_ID = '00000000-0000-4000-8000-00000000b10b'

/** A policy's page: the shipped default has its own address. */
export const beleidPad = (id: string) => (id === STANDAARDBELEID_ID ? '/vertrouwensbeleid/standaard' : `/vertrouwensbeleid/${id}`)

/** The API's bilingual text in the UI's language. */
export const inTaal = (m: Message | undefined): string => (m ? m[currentLanguage()] : '')

/** Whole days from `van` to `tot` (both YYYY-MM-DD), without time-zone shifts. */
export function dagenTussen(van: string, tot: string): number {
  const dag = (d: string) => {
    const [y, m, dd] = d.split('-').map(Number)
    return Date.UTC(y ?? 0, (m ?? 1) - 1, dd ?? 1) / 86_400_000
  }
  return Math.round(dag(tot) - dag(van))
}
