import { type InvalidParam, msg } from '../errors.js'
import { type Interval, inOnderhoud } from './onderhoud.js'
import { vergelijkMetingen } from './rollup.js'
import type { Meting, Storing, StoringsGebeurtenis, Tijdstip } from './typen.js'

// The storing state machine of one controle: metingen in, storingen opened and closed out.
//
// - Opening: after N consecutive failed metingen outside maintenance (N per controle,
//   default 3), so one lost packet does not wake anybody.
// - Closing: after M consecutive successes (default 1: "closed on recovery"). 'hersteld'
//   marks the first success of the run, 'gesloten' the M-th; with M = 1 both fall on the
//   same meting. A controle that flaps can be given M > 1 so it does not open and close a
//   storing every few minutes.
// - Maintenance: a failure inside an onderhoudsvenster neither counts toward N nor resets
//   the count (it says nothing about the koppeling outside the window), and never opens a
//   storing. A storing that is already open stays open through a window: the window does
//   not repair anything. A success counts everywhere: recovery is recovery.
// - Order: a meting at or before the last one applied is ignored. A repeat (same
//   tijdstip) is thus a no-op, which makes feeding metingen twice equal to once. A late
//   meting (another process flushed its batch after a lease moved) is not replayed: the
//   storing's moments and the notifications already sent cannot be rewritten, and the
//   meting still counts for availability, which is computed from roll-ups in any order.
//   Two different metingen at the same instant: the first applied wins; within one batch
//   that is the one rolOp keeps too (vergelijkMetingen: the failure).

export interface StoringsRegels {
  /** N: consecutive failures outside maintenance that open a storing. */
  foutenVoorStoring: number
  /** M: consecutive successes that close it. */
  successenVoorHerstel: number
  /** The controle's maintenance, from onderhoudIntervallen. */
  onderhoud: readonly Interval[]
}

export const STANDAARD_STORINGSREGELS: StoringsRegels = { foutenVoorStoring: 3, successenVoorHerstel: 1, onderhoud: [] }

/** What the machine remembers of one controle between metingen (the service stores it). */
export interface ControleToestand {
  controleId: string
  /** The last meting applied; earlier or equal ones are ignored. */
  laatsteTijdstip?: Tijdstip
  laatsteGeslaagd?: boolean
  /** Consecutive failures outside maintenance while no storing is open. */
  fouten: number
  /** The first of those failures: the storing's begonnenOp if it opens. */
  eersteFoutOp?: Tijdstip
  /** Consecutive successes while a storing is open. */
  successen: number
  /** The open storing, if any. */
  storing?: Storing
}

export interface MonitoringGebeurtenis {
  soort: 'geopend' | 'hersteld' | 'gesloten'
  op: Tijdstip
  /** The storing as it is after this meting (for 'gesloten': closed, and no longer in the toestand). */
  storing: Storing
}

export const beginToestand = (controleId: string): ControleToestand => ({ controleId, fouten: 0, successen: 0 })

export function verwerkMeting(
  toestand: ControleToestand,
  meting: Meting,
  regels: StoringsRegels,
): { toestand: ControleToestand; gebeurtenissen: MonitoringGebeurtenis[] } {
  if (meting.controleId !== toestand.controleId) throw new Error(`meting van ${meting.controleId} bij toestand van ${toestand.controleId}`)
  const t = meting.tijdstip
  if (toestand.laatsteTijdstip !== undefined && t <= toestand.laatsteTijdstip) return { toestand, gebeurtenissen: [] }

  const basis = { controleId: toestand.controleId, laatsteTijdstip: t, laatsteGeslaagd: meting.geslaagd }
  const open = toestand.storing

  if (meting.geslaagd) {
    if (!open) return { toestand: { ...basis, fouten: 0, successen: 0 }, gebeurtenissen: [] }
    const successen = toestand.successen + 1
    const gebeurtenissen: MonitoringGebeurtenis[] = []
    let storing = open
    if (successen === 1) {
      storing = metRegel(storing, { op: t, soort: 'hersteld' })
      gebeurtenissen.push({ soort: 'hersteld', op: t, storing })
    }
    if (successen >= Math.max(1, regels.successenVoorHerstel)) {
      storing = { ...metRegel(storing, { op: t, soort: 'gesloten' }), geslotenOp: t }
      gebeurtenissen.push({ soort: 'gesloten', op: t, storing })
      return { toestand: { ...basis, fouten: 0, successen: 0 }, gebeurtenissen }
    }
    return { toestand: { ...basis, fouten: 0, successen, storing }, gebeurtenissen }
  }

  // A failure while open: the storing goes on, in a window or not; a recovery run is broken.
  if (open) return { toestand: { ...basis, fouten: 0, successen: 0, storing: open }, gebeurtenissen: [] }
  if (inOnderhoud(regels.onderhoud, t)) {
    const { eersteFoutOp, fouten } = toestand
    return { toestand: { ...basis, fouten, successen: 0, ...(eersteFoutOp === undefined ? {} : { eersteFoutOp }) }, gebeurtenissen: [] }
  }
  const fouten = toestand.fouten + 1
  const eersteFoutOp = toestand.eersteFoutOp ?? t
  if (fouten < Math.max(1, regels.foutenVoorStoring))
    return { toestand: { ...basis, fouten, eersteFoutOp, successen: 0 }, gebeurtenissen: [] }
  const geopend: StoringsGebeurtenis = { op: t, soort: 'geopend', ...(meting.soort === undefined ? {} : { meetsoort: meting.soort }) }
  const storing: Storing = { controleId: toestand.controleId, begonnenOp: eersteFoutOp, geopendOp: t, tijdlijn: [geopend] }
  return { toestand: { ...basis, fouten: 0, successen: 0, storing }, gebeurtenissen: [{ soort: 'geopend', op: t, storing }] }
}

/**
 * Many metingen of one controle, applied in time order (the batch the scheduler writes may
 * come in any order); equal to applying them one at a time in that order.
 */
export function verwerkMetingen(
  toestand: ControleToestand,
  metingen: readonly Meting[],
  regels: StoringsRegels,
): { toestand: ControleToestand; gebeurtenissen: MonitoringGebeurtenis[] } {
  const gebeurtenissen: MonitoringGebeurtenis[] = []
  let huidig = toestand
  for (const m of [...metingen].sort(vergelijkMetingen)) {
    const stap = verwerkMeting(huidig, m, regels)
    huidig = stap.toestand
    gebeurtenissen.push(...stap.gebeurtenissen)
  }
  return { toestand: huidig, gebeurtenissen }
}

// The timeline stays in time order; a person's line written "late" for an earlier moment
// lands where it belongs, after lines of the same moment already there.
function metRegel(storing: Storing, regel: StoringsGebeurtenis): Storing {
  const tijdlijn = [...storing.tijdlijn]
  let i = tijdlijn.length
  while (i > 0 && (tijdlijn[i - 1] as StoringsGebeurtenis).op > regel.op) i--
  tijdlijn.splice(i, 0, regel)
  return { ...storing, tijdlijn }
}

export type MenselijkeRegel = { op: Tijdstip; door: string; tekst?: string }
export type RegelUitkomst = { ok: true; storing: Storing } | { ok: false; fouten: InvalidParam[] }

const MAX_TEKST = 4000

function tekstFouten(tekst: string | undefined, verplicht: boolean): InvalidParam[] {
  if (tekst === undefined || tekst.trim() === '')
    return verplicht ? [{ name: 'tekst', code: 'verplicht', reason: msg('Een notitie heeft tekst nodig.', 'A note needs text.') }] : []
  if (tekst.length > MAX_TEKST)
    return [
      {
        name: 'tekst',
        code: 'te-lang',
        reason: msg(`De tekst is langer dan ${MAX_TEKST} tekens.`, `The text is longer than ${MAX_TEKST} characters.`),
      },
    ]
  return []
}

/** Someone confirms they are on it. Only an open storing; the text is optional. */
export function bevestigStoring(storing: Storing, regel: MenselijkeRegel): RegelUitkomst {
  const fouten = tekstFouten(regel.tekst, false)
  if (storing.geslotenOp !== undefined)
    fouten.push({
      name: 'body',
      code: 'storing-gesloten',
      reason: msg('Deze storing is al gesloten; voeg een notitie toe.', 'This incident is already closed; add a note instead.'),
    })
  if (fouten.length > 0) return { ok: false, fouten }
  return { ok: true, storing: metRegel(storing, { op: regel.op, soort: 'bevestigd', door: regel.door, ...tekstVeld(regel.tekst) }) }
}

/** A note, open or closed storing alike (the post-mortem is written afterwards). */
export function voegNotitieToe(storing: Storing, regel: MenselijkeRegel): RegelUitkomst {
  const fouten = tekstFouten(regel.tekst, true)
  if (fouten.length > 0) return { ok: false, fouten }
  return { ok: true, storing: metRegel(storing, { op: regel.op, soort: 'notitie', door: regel.door, ...tekstVeld(regel.tekst) }) }
}

const tekstVeld = (tekst: string | undefined) => (tekst === undefined || tekst.trim() === '' ? {} : { tekst: tekst.trim() })
