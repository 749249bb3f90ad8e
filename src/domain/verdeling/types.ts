import type { AppError, Message } from '../errors.js'

// Plain data in and out of the allocation engine. Weights and percentages are numbers or
// decimal strings ('33.33'); the engine reads them as exact decimals, never as binary
// floating point, so 33.33 + 33.33 + 33.34 is exactly 100.

/** An exact decimal given by a person or a source: a number or a decimal string. */
export type Getal = number | string

/** An organisation taking part in a kostenpost, by id. */
export type DeelnemerId = string

/**
 * The measure that `inwoners` keys read. Its values come from two places, by one rule: a
 * maatstafwaarde `inwoners` of an organisation for a year overrides the inhabitants
 * registered on the organisation (Organisatie.inwoners, the CBS figure) for that year;
 * without one the organisation's figure is used. Every step says which it was (`bron`).
 */
export const INWONERS = 'inwoners'

/** Where a measure's value came from: the organisation's registered inhabitants, or a maatstafwaarde. */
export type MaatstafBron = 'organisatie' | 'maatstafwaarde'

export type EnkeleRegel =
  | { soort: 'inwoners' }
  | { soort: 'maatstaf'; maatstaf: string }
  | { soort: 'gelijke delen' }
  | { soort: 'vast percentage'; percentages: readonly { deelnemerId: DeelnemerId; percentage: Getal }[] }
  | { soort: 'volledig afnemer'; deelnemerId: DeelnemerId }

export interface MixComponent {
  /** Percentage of the kostenpost this component allocates; the components add up to 100. */
  aandeel: Getal
  regel: EnkeleRegel
}

export type Regel = EnkeleRegel | { soort: 'mix'; componenten: readonly MixComponent[] }

export interface VerdeelsleutelVersie {
  /** First year this definition applies to; it holds until a version with a later year. */
  geldigVanaf: number
  regel: Regel
}

export interface Verdeelsleutel {
  id: string
  naam: string
  versies: readonly VerdeelsleutelVersie[]
}

/** One measured value: e.g. 12 345 WOZ-objecten of one organisation in 2026. */
export interface MaatstafWaarde {
  organisatieId: DeelnemerId
  maatstaf: string
  jaar: number
  waarde: Getal
  /** Absent: a value entered for this computation only (a scenario). */
  bron?: MaatstafBron
}

/** The kostenpost as the engine needs it: which amount, which year, over whom. */
export interface TeVerdelenPost {
  id: string
  jaar: number
  /** Integer euro cents, ≥ 0. */
  bedrag: number
  deelnemers: readonly DeelnemerId[]
  /** The kostenpost's period (2026, 2026-Q3, 2026-07): its number rotates the order among equal remainders (afronding.ts). */
  periode?: string
}

/** An exact fraction, as decimal integer strings so it survives JSON and a database column. */
export interface Breuk {
  teller: string
  noemer: string
}

/** How one component of the key weighed one participant: enough to print the computation. */
export interface Berekeningsstap {
  regel: EnkeleRegel['soort']
  /** Measure read (`inwoners` or the maatstaf name); absent for percentages, equal shares and volledig afnemer. */
  maatstaf?: string
  /** Year of the measure: the kostenpost's year. */
  jaar: number
  /** Percentage of the kostenpost this component allocates ('100' for a key that is not a mix). */
  aandeelInSleutel: string
  /** The participant's value: measure, percentage, 1 for an equal share, 1 or 0 for volledig afnemer. */
  waarde: string
  /** Sum of `waarde` over all participants of the post. */
  totaal: string
  /** Where the participant's value came from (measures only): 'organisatie' (CBS-inwonertal) or 'maatstafwaarde'. */
  bron?: MaatstafBron
}

export interface Deel {
  deelnemerId: DeelnemerId
  /** Integer euro cents. */
  bedrag: number
  /** Exact fraction of the kostenpost before rounding. */
  fractie: Breuk
  /** Exact amount in cents before rounding (kostenpost × fractie). */
  exactBedrag: Breuk
  /** True when this participant received one of the cents left over after rounding down. */
  restcent: boolean
  stappen: Berekeningsstap[]
}

export interface Verdeling {
  kostenpostId: string
  jaar: number
  bedrag: number
  sleutel: { id: string; naam: string; geldigVanaf: number }
  /** One per participant, in the order of the post's deelnemers. */
  delen: Deel[]
  /** How the cents left after rounding down were given out, and by which order. */
  afronding: Afronding
}

export type Uitkomst<T> = { ok: true; waarde: T } | { ok: false; fout: AppError }

export const gelukt = <T>(waarde: T): Uitkomst<T> => ({ ok: true, waarde })
export const mislukt = <T>(fout: AppError): Uitkomst<T> => ({ ok: false, fout })

/** How the left-over cents of one kostenpost went, for the computation shown to people. */
export interface Afronding {
  /** Cents left after rounding every part down; each went to one of the largest remainders. */
  restcenten: number
  /** The period whose number rotates the beurtvolgorde (absent: not rotated). */
  periode?: string
  /** The participants in the beurtvolgorde of this period, first first. */
  beurtvolgorde: DeelnemerId[]
  /** True when participants with equal remainders were told apart by this rule. */
  gelijkeRestBeslist: boolean
  uitleg: Message
}
