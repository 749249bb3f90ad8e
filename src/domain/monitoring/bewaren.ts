import { type InvalidParam, msg } from '../errors.js'
import { DAG_MS, maandGrenzen, maandVan, plusMaanden, uurVan } from './tijd.js'
import type { Tijdstip } from './typen.js'

// How long metingen are kept: raw metingen 30 days, hourly roll-ups two years (both
// configurable). The limits are whole units so nothing is ever half removed:
// - raw metingen go per whole UTC hour, so an hour still being recomputed (a late meting,
//   a window added afterwards) always has all its metingen or none;
// - roll-ups go per whole Amsterdam month, so a month's availability in the DVO report is
//   either complete or absent, never quietly computed from a remnant.
// Raw metingen may only go once their hour is rolled up: the service removes what lies
// before grensRuweMetingen and has been rolled up, never by age alone.

export interface Bewaartermijnen {
  /** Days raw metingen are kept (30×24 h, not calendar days: DST is irrelevant here). */
  ruweMetingenDagen: number
  /** Full Amsterdam months of roll-ups kept before the current one. */
  rollupMaanden: number
}

export const STANDAARD_BEWAARTERMIJNEN: Bewaartermijnen = { ruweMetingenDagen: 30, rollupMaanden: 24 }

/** Raw metingen before this instant (a UTC hour start) may be removed. */
export function grensRuweMetingen(nu: Tijdstip, termijnen: Bewaartermijnen = STANDAARD_BEWAARTERMIJNEN): Tijdstip {
  return uurVan(nu - termijnen.ruweMetingenDagen * DAG_MS)
}

/** Roll-ups of hours before this instant (an Amsterdam month start) may be removed. */
export function grensRollups(nu: Tijdstip, termijnen: Bewaartermijnen = STANDAARD_BEWAARTERMIJNEN): Tijdstip {
  return maandGrenzen(plusMaanden(maandVan(nu), -termijnen.rollupMaanden)).van
}

export const magMetingWeg = (tijdstip: Tijdstip, nu: Tijdstip, termijnen?: Bewaartermijnen): boolean =>
  tijdstip < grensRuweMetingen(nu, termijnen)

export const magRollupWeg = (uur: Tijdstip, nu: Tijdstip, termijnen?: Bewaartermijnen): boolean => uur < grensRollups(nu, termijnen)

/** Whether an hour can still be recomputed from raw metingen (a window added afterwards changes only such hours). */
export const isHerberekenbaar = (uur: Tijdstip, nu: Tijdstip, termijnen?: Bewaartermijnen): boolean =>
  uur >= grensRuweMetingen(nu, termijnen)

/** The configuration's rules: whole positive numbers, and roll-ups kept at least as long as raw metingen. */
export function controleerBewaartermijnen(t: Bewaartermijnen): InvalidParam[] {
  const fouten: InvalidParam[] = []
  const geheel = (naam: keyof Bewaartermijnen, min: number, max: number) => {
    const w = t[naam]
    if (!Number.isInteger(w) || w < min || w > max)
      fouten.push({
        name: naam,
        code: 'buiten-bereik',
        reason: msg(`Een geheel getal van ${min} tot en met ${max}.`, `A whole number from ${min} to ${max} inclusive.`),
      })
  }
  geheel('ruweMetingenDagen', 1, 3650)
  geheel('rollupMaanden', 1, 1200)
  if (fouten.length === 0 && t.rollupMaanden * 28 < t.ruweMetingenDagen)
    fouten.push({
      name: 'rollupMaanden',
      code: 'korter-dan-ruw',
      reason: msg(
        'Uuroverzichten moeten minstens zo lang bewaard worden als ruwe metingen.',
        'Hourly roll-ups must be kept at least as long as raw measurements.',
      ),
    })
  return fouten
}
