import { type InvalidParam, msg } from './errors.js'

// Periods are a year (2026), a quarter (2026-Q3) or a month (2026-07). Kostenposten
// carry one, declaraties cover one; a kostenpost belongs to a declaratie when its
// period lies within the declaratie's.

export interface Periode {
  /** As written, canonical: '2026', '2026-Q3' or '2026-07'. */
  code: string
  soort: 'jaar' | 'kwartaal' | 'maand'
  jaar: number
  /** First and last day, ISO dates. */
  start: string
  eind: string
}

// One range of years for everything dated: periods, year fields (maatstafwaarden,
// referentiewaarden, sleutelversies, inwoners, scenario's, report filters) and dates.
// Wide enough for any municipal record, narrow enough that every period and date is a
// date PostgreSQL stores (it has no year 0000) and a four-digit year.
export const JAAR_MIN = 1900
export const JAAR_MAX = 2200
/** JAAR_MIN–JAAR_MAX as a regular expression (JSON Schema has no numeric range for text). */
const JAAR_PATTERN = '(19[0-9]{2}|2[01][0-9]{2}|2200)'

export const JAAR_REDEN = msg(`Een jaartal van ${JAAR_MIN} tot en met ${JAAR_MAX}.`, `A year from ${JAAR_MIN} to ${JAAR_MAX}.`)
export const PERIODE_REDEN = msg(
  `Een periode is een jaar (2026), kwartaal (2026-Q3) of maand (2026-07), in de jaren ${JAAR_MIN} tot en met ${JAAR_MAX}.`,
  `A period is a year (2026), quarter (2026-Q3) or month (2026-07), in the years ${JAAR_MIN} to ${JAAR_MAX}.`,
)
export const DATUM_REDEN = msg(
  `Geen geldige datum (JJJJ-MM-DD) van ${JAAR_MIN} tot en met ${JAAR_MAX}.`,
  `Not a valid date (YYYY-MM-DD) from ${JAAR_MIN} to ${JAAR_MAX}.`,
)

export const PERIODE_PATTERN = `^${JAAR_PATTERN}(-Q[1-4]|-(0[1-9]|1[0-2]))?$`
/** The year of a date (the format `date` checks the rest). */
export const DATUM_JAAR_PATTERN = `^${JAAR_PATTERN}-`
const PERIODE = new RegExp(PERIODE_PATTERN)

export function jaarInBereik(jaar: number): boolean {
  return Number.isInteger(jaar) && jaar >= JAAR_MIN && jaar <= JAAR_MAX
}

const iso = (jaar: number, maand: number, dag: number) =>
  `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`
const laatsteDag = (jaar: number, maand: number) => new Date(Date.UTC(jaar, maand, 0)).getUTCDate()

/** The period a code names, or undefined when the code is not one. */
export function leesPeriode(code: string): Periode | undefined {
  if (!PERIODE.test(code)) return undefined
  const jaar = Number(code.slice(0, 4))
  if (code.length === 4) return { code, soort: 'jaar', jaar, start: iso(jaar, 1, 1), eind: iso(jaar, 12, 31) }
  if (code[5] === 'Q') {
    const k = Number(code[6])
    const eindMaand = k * 3
    return { code, soort: 'kwartaal', jaar, start: iso(jaar, eindMaand - 2, 1), eind: iso(jaar, eindMaand, laatsteDag(jaar, eindMaand)) }
  }
  const maand = Number(code.slice(5, 7))
  return { code, soort: 'maand', jaar, start: iso(jaar, maand, 1), eind: iso(jaar, maand, laatsteDag(jaar, maand)) }
}

export function periodeProbleem(name: string, code: string): InvalidParam | undefined {
  if (leesPeriode(code)) return undefined
  return {
    name,
    code: 'ongeldige-periode',
    reason: PERIODE_REDEN,
  }
}

/** Whether `binnen` lies entirely within `omvat`. */
export function ligtBinnen(binnen: Pick<Periode, 'start' | 'eind'>, omvat: Pick<Periode, 'start' | 'eind'>): boolean {
  return binnen.start >= omvat.start && binnen.eind <= omvat.eind
}

/** Whether a period overlaps a date range whose ends may be open. */
export function overlapt(p: Pick<Periode, 'start' | 'eind'>, van: string | null | undefined, tot: string | null | undefined): boolean {
  return (!van || p.eind >= van) && (!tot || p.start <= tot)
}
