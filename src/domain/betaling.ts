import { type InvalidParam, msg } from './errors.js'

// Payment details a declaratie prints for its sender: the IBAN (ISO 13616, checked with
// mod 97), the payment term in days and the due date it gives, and whether the amounts
// include BTW (a setting per kostenpost, copied onto each declaratie line). No I/O here.

/** Whether the amounts of a kostenpost include BTW; default `geen` (no BTW due, as between municipalities). */
export const BTW_REGIMES = ['geen', 'exclusief', 'inclusief'] as const
export type BtwRegime = (typeof BTW_REGIMES)[number]

/** The longest payment term a sender can set, in days. */
export const BETAALTERMIJN_MAX_DAGEN = 365

/** IBAN lengths of the SEPA countries Dutch municipalities deal with most; other countries: 15 to 34 characters. */
const IBAN_LENGTE: Record<string, number> = {
  NL: 18,
  BE: 16,
  DE: 22,
  LU: 20,
  FR: 27,
  GB: 22,
  IE: 22,
  AT: 20,
  ES: 24,
  IT: 27,
  PT: 25,
  DK: 18,
  FI: 18,
  SE: 24,
  NO: 15,
  CH: 21,
  PL: 28,
}

/** The IBAN as stored: without spaces (also non-breaking ones and dashes), in capitals. */
export function normaliseerIban(iban: string): string {
  return iban.replace(/[\s\u00a0-]+/g, '').toUpperCase()
}

/** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end (letters A=10 … Z=35). */
function mod97(iban: string): number {
  const herschikt = iban.slice(4) + iban.slice(0, 4)
  let rest = 0
  for (const teken of herschikt) {
    const waarde = teken >= 'A' && teken <= 'Z' ? String(teken.charCodeAt(0) - 55) : teken
    for (const cijfer of waarde) rest = (rest * 10 + Number(cijfer)) % 97
  }
  return rest
}

/** Why this text is no valid IBAN, or undefined when it is one (spaces and small letters allowed). */
export function ibanProbleem(invoer: string): InvalidParam | undefined {
  const iban = normaliseerIban(invoer)
  const fout = (code: string, nl: string, en: string): InvalidParam => ({ name: 'iban', code, reason: msg(nl, en) })
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban))
    return fout(
      'ongeldige-iban',
      'Een IBAN begint met een landcode van twee letters en twee controlecijfers, gevolgd door letters en cijfers, bijvoorbeeld NL91 ABNA 0417 1643 00.',
      'An IBAN starts with a two-letter country code and two check digits, followed by letters and digits, e.g. NL91 ABNA 0417 1643 00.',
    )
  const land = iban.slice(0, 2)
  const lengte = IBAN_LENGTE[land]
  if (lengte !== undefined ? iban.length !== lengte : iban.length < 15 || iban.length > 34)
    return fout(
      'ongeldige-iban',
      lengte !== undefined
        ? `Een IBAN uit ${land} heeft ${lengte} tekens; deze heeft er ${iban.length}.`
        : `Een IBAN heeft 15 tot 34 tekens; deze heeft er ${iban.length}.`,
      lengte !== undefined
        ? `An IBAN from ${land} has ${lengte} characters; this one has ${iban.length}.`
        : `An IBAN has 15 to 34 characters; this one has ${iban.length}.`,
    )
  if (mod97(iban) !== 1)
    return fout(
      'ongeldige-iban',
      'Deze IBAN klopt niet: de controlecijfers passen niet bij het rekeningnummer (mod-97-controle). Controleer op een tikfout.',
      'This IBAN is not valid: the check digits do not match the account number (mod-97 check). Check for a typing error.',
    )
  return undefined
}

export const isGeldigeIban = (iban: string): boolean => ibanProbleem(iban) === undefined

/**
 * The sender's payment details printed on a declaratie (both optional): those recorded
 * when it was made final; a concept's as the sender has them now.
 */
export interface Betaalgegevens {
  iban?: string
  betaaltermijnDagen?: number
}

/** `NL91ABNA0417164300` → `NL91 ABNA 0417 1643 00`: how a person reads and types an IBAN. */
export function ibanInGroepen(iban: string): string {
  return normaliseerIban(iban).replace(/(.{4})(?=.)/g, '$1 ')
}

/**
 * The due date of a declaratie: the day it was made final (a YYYY-MM-DD date in
 * Europe/Amsterdam) plus the payment term in calendar days.
 */
export function vervaldatum(definitiefDatum: string, betaaltermijnDagen: number): string {
  const [y, m, d] = definitiefDatum.slice(0, 10).split('-').map(Number)
  const dag = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + betaaltermijnDagen))
  return dag.toISOString().slice(0, 10)
}
