import type { Message } from '../errors.js'
import type { Datum } from './typen.js'

// Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC so a date is a day and never
// shifts with the machine's time zone. Comparisons stay string comparisons (ISO dates
// sort as text).

const MAANDEN_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
]
const MAANDEN_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const DAG_MS = 86_400_000

const delen = (datum: Datum): [number, number, number] => [Number(datum.slice(0, 4)), Number(datum.slice(5, 7)), Number(datum.slice(8, 10))]
const alsDatum = (ms: number): Datum => new Date(ms).toISOString().slice(0, 10)
const dagnummer = (datum: Datum): number => {
  const [j, m, d] = delen(datum)
  return Date.UTC(j, m - 1, d) / DAG_MS
}

/** `datum` plus `dagen` days (negative: earlier). */
export function plusDagen(datum: Datum, dagen: number): Datum {
  return alsDatum((dagnummer(datum) + dagen) * DAG_MS)
}

/**
 * `datum` plus `maanden` months (negative: earlier), on the same day of the month or the
 * month's last day when it has fewer: 2028-02-29 + 12 months is 2029-02-28. Integer
 * arithmetic, no Date: the evaluation asks this for every grant.
 */
export function plusMaanden(datum: Datum, maanden: number): Datum {
  const [j, m, d] = delen(datum)
  const totaal = j * 12 + (m - 1) + maanden
  const jaar = Math.floor(totaal / 12)
  const maand = totaal - jaar * 12 + 1
  return `${String(jaar).padStart(4, '0')}-${twee(maand)}-${twee(Math.min(d, dagenInMaand(jaar, maand)))}`
}

const twee = (n: number) => (n < 10 ? `0${n}` : String(n))
const schrikkeljaar = (j: number) => (j % 4 === 0 && j % 100 !== 0) || j % 400 === 0
const DAGEN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const dagenInMaand = (j: number, m: number) => (m === 2 && schrikkeljaar(j) ? 29 : (DAGEN[m - 1] as number))

/** Days from `van` to `tot` (negative when `tot` lies before `van`). */
export function dagenTussen(van: Datum, tot: Datum): number {
  return dagnummer(tot) - dagnummer(van)
}

/** Whether `datum` lies in [vanaf, tot]; an absent end is open. */
export function geldigOp(datum: Datum, vanaf: Datum, tot: Datum | undefined): boolean {
  return vanaf <= datum && (tot === undefined || datum <= tot)
}

/** "1 maart 2026" / "1 March 2026". */
export function datumTekst(datum: Datum): Message {
  const [j, m, d] = delen(datum)
  return { nl: `${d} ${MAANDEN_NL[m - 1]} ${j}`, en: `${d} ${MAANDEN_EN[m - 1]} ${j}` }
}
