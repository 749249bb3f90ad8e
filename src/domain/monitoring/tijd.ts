import type { Tijdstip } from './typen.js'

// Hours, days and months for monitoring. An hour is a UTC hour: Europe/Amsterdam is UTC+1
// or UTC+2, always a whole number of hours, so every UTC hour lies in exactly one
// Amsterdam hour, day and month, and a roll-up never straddles a day or month boundary —
// also on the last Sundays of March (a 23-hour day) and October (a 25-hour day, whose
// 02:00–03:00 happens twice: two UTC hours, two roll-ups, no collision). Days and months
// are Amsterdam calendar units, read from the tz database through Intl so a future change
// of the EU rules needs no code change here.

export const UUR_MS = 3_600_000
export const MINUUT_MS = 60_000
export const DAG_MS = 86_400_000

/** Start of the UTC hour that holds `t`. */
export const uurVan = (t: Tijdstip): Tijdstip => Math.floor(t / UUR_MS) * UUR_MS

const DELEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

function lokaleDelen(t: Tijdstip): { j: number; m: number; d: number; u: number; mi: number; s: number } {
  const p: Record<string, number> = {}
  for (const deel of DELEN.formatToParts(t)) if (deel.type !== 'literal') p[deel.type] = Number(deel.value)
  return {
    j: p.year as number,
    m: p.month as number,
    d: p.day as number,
    u: p.hour as number,
    mi: p.minute as number,
    s: p.second as number,
  }
}

/** Amsterdam's offset from UTC at `t`, in ms (3 600 000 in winter, 7 200 000 in summer). */
function verschuiving(t: Tijdstip): number {
  const l = lokaleDelen(t)
  return Date.UTC(l.j, l.m - 1, l.d, l.u, l.mi, l.s) - Math.floor(t / 1000) * 1000
}

/** The instant of Amsterdam midnight starting `jaar-maand-dag` (midnight is never in a DST gap: the clocks move at 02:00/03:00). */
export function middernacht(jaar: number, maand: number, dag: number): Tijdstip {
  const lokaal = Date.UTC(jaar, maand - 1, dag)
  // Remembered: a status page asks the same 90 days for every controle, and Intl is the slow part.
  const bekend = MIDDERNACHTEN.get(lokaal)
  if (bekend !== undefined) return bekend
  const gok = lokaal - verschuiving(lokaal)
  const t = lokaal - verschuiving(gok)
  if (MIDDERNACHTEN.size > 100_000) MIDDERNACHTEN.clear()
  MIDDERNACHTEN.set(lokaal, t)
  return t
}
const MIDDERNACHTEN = new Map<number, Tijdstip>()

const twee = (n: number) => (n < 10 ? `0${n}` : String(n))

/** 'YYYY-MM', a month in Europe/Amsterdam. */
export type Maand = string
/** 'YYYY-MM-DD', a day in Europe/Amsterdam. */
export type Dag = string

/** The Amsterdam month `t` lies in. */
export function maandVan(t: Tijdstip): Maand {
  const l = lokaleDelen(t)
  return `${l.j}-${twee(l.m)}`
}

/** The Amsterdam day `t` lies in. */
export function dagVan(t: Tijdstip): Dag {
  const l = lokaleDelen(t)
  return `${l.j}-${twee(l.m)}-${twee(l.d)}`
}

/** [van, tot) of an Amsterdam month. */
export function maandGrenzen(maand: Maand): { van: Tijdstip; tot: Tijdstip } {
  const j = Number(maand.slice(0, 4))
  const m = Number(maand.slice(5, 7))
  return { van: middernacht(j, m, 1), tot: m === 12 ? middernacht(j + 1, 1, 1) : middernacht(j, m + 1, 1) }
}

/** [van, tot) of an Amsterdam day (23, 24 or 25 hours). */
export function dagGrenzen(dag: Dag): { van: Tijdstip; tot: Tijdstip } {
  const j = Number(dag.slice(0, 4))
  const m = Number(dag.slice(5, 7))
  const d = Number(dag.slice(8, 10))
  const volgende = new Date(Date.UTC(j, m - 1, d + 1))
  return { van: middernacht(j, m, d), tot: middernacht(volgende.getUTCFullYear(), volgende.getUTCMonth() + 1, volgende.getUTCDate()) }
}

/** `dag` plus `n` calendar days. */
export function plusDagen(dag: Dag, n: number): Dag {
  return new Date(Date.UTC(Number(dag.slice(0, 4)), Number(dag.slice(5, 7)) - 1, Number(dag.slice(8, 10)) + n)).toISOString().slice(0, 10)
}

/** `maand` plus `n` months. */
export function plusMaanden(maand: Maand, n: number): Maand {
  const totaal = Number(maand.slice(0, 4)) * 12 + Number(maand.slice(5, 7)) - 1 + n
  const j = Math.floor(totaal / 12)
  return `${j}-${twee(totaal - j * 12 + 1)}`
}
