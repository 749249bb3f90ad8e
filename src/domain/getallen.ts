import type { Taal } from './taal.js'

// Amounts and percentages as people type them (forms and imported files), read
// exactly: no floating-point arithmetic between what was typed and the integer cents
// or decimal text sent to the API. Dutch notation first ("1.234,56"), the English one accepted ("1234.56").

export const MAX_CENTEN = 900_000_000_000_000

export type Leesfout = 'leeg' | 'ongeldig' | 'negatief' | 'decimalen' | 'teGroot'

export type Gelezen<T> = { ok: true; waarde: T } | { ok: false; fout: Leesfout }

const fout = (f: Leesfout): { ok: false; fout: Leesfout } => ({ ok: false, fout: f })

/** Thousands groups: 1–3 digits (no leading zero before a group), then groups of exactly 3. */
const gegroepeerd = (s: string, scheiding: string) => {
  const delen = s.split(scheiding)
  const eerste = delen.length > 1 ? /^[1-9]\d{0,2}$/ : /^\d{1,3}$/
  return delen.every((d, i) => (i === 0 ? eerste.test(d) : /^\d{3}$/.test(d))) ? delen.join('') : undefined
}

interface Decimaal {
  negatief: boolean
  heel: string
  breuk: string
}

/**
 * The sign and the digits with their separators of a typed number, both readers' first
 * step: spaces (also no-break ones), a euro sign and EUR are ignored; a leading minus
 * (or −) or plus is the sign. `leeg` when nothing is left, `ongeldig` when anything but
 * digits, points and commas is.
 */
function tekenEnCijfers(invoer: string): { negatief: boolean; cijfers: string } | 'leeg' | 'ongeldig' {
  let s = invoer
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^€|€$/g, '')
    .replace(/^EUR|EUR$/i, '')
  if (s === '') return 'leeg'
  let negatief = false
  if (/^[-−]/.test(s)) {
    negatief = true
    s = s.slice(1)
  } else if (s.startsWith('+')) s = s.slice(1)
  s = s.replace(/^€/, '')
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return 'ongeldig'
  return { negatief, cijfers: s }
}

/**
 * A typed number split into sign, whole digits and decimal digits. When both '.' and
 * ',' appear, the last one separates the decimals. A lone ',' separates decimals (Dutch);
 * a lone '.' with exactly three digits after it groups thousands ("1.234" is twelve
 * hundred and thirty-four, as in Dutch), otherwise it separates decimals ("1234.56").
 */
function leesDecimaalDelen(invoer: string): Decimaal | Leesfout {
  const ontdaan = tekenEnCijfers(invoer)
  if (typeof ontdaan === 'string') return ontdaan
  const { negatief, cijfers: s } = ontdaan
  const punt = s.lastIndexOf('.')
  const komma = s.lastIndexOf(',')
  let heel: string | undefined
  let breuk = ''
  if (punt >= 0 && komma >= 0) {
    const dec = punt > komma ? '.' : ','
    const duizend = dec === '.' ? ',' : '.'
    const i = s.lastIndexOf(dec)
    if (s.indexOf(dec) !== i) return 'ongeldig'
    heel = gegroepeerd(s.slice(0, i), duizend)
    breuk = s.slice(i + 1)
  } else if (komma >= 0) {
    const aantal = s.split(',').length - 1
    if (aantal === 1) {
      heel = s.slice(0, komma)
      breuk = s.slice(komma + 1)
    } else heel = gegroepeerd(s, ',')
  } else if (punt >= 0) {
    const aantal = s.split('.').length - 1
    if (aantal === 1 && s.length - punt - 1 !== 3) {
      heel = s.slice(0, punt)
      breuk = s.slice(punt + 1)
    } else heel = gegroepeerd(s, '.')
  } else heel = s
  if (heel === undefined || !/^\d*$/.test(heel) || !/^\d*$/.test(breuk)) return 'ongeldig'
  if (heel === '' && breuk === '') return 'ongeldig'
  if ((punt >= 0 || komma >= 0) && breuk === '' && /[.,]$/.test(s)) return 'ongeldig'
  return { negatief, heel: heel.replace(/^0+(?=\d)/, '') || '0', breuk }
}

/** Euros as typed ("1.234,56", "1234.56", "€ 12", "-5") → integer cents, exactly. */
export function leesBedrag(invoer: string): Gelezen<number> {
  const d = leesDecimaalDelen(invoer)
  if (typeof d === 'string') return fout(d)
  const breuk = d.breuk.replace(/0+$/, '')
  if (breuk.length > 2) return fout('decimalen')
  if (d.heel.length > 16) return fout('teGroot')
  const centen = Number(d.heel) * 100 + Number(breuk.padEnd(2, '0'))
  if (!Number.isSafeInteger(centen) || centen > MAX_CENTEN) return fout('teGroot')
  if (d.negatief && centen !== 0) return { ok: false, fout: 'negatief' }
  return { ok: true, waarde: centen }
}

/** The same cents as an (unsafe-to-send) negative number, so the API can refuse it too. */
export function negatieveCenten(invoer: string): number | undefined {
  const zonderTeken = invoer.trim().replace(/^[-−]/, '')
  if (zonderTeken === invoer.trim()) return undefined
  const r = leesBedrag(zonderTeken)
  return r.ok ? -r.waarde : undefined
}

/** A percentage or measure as typed ("33,33", "33.33", "50") → decimal text for the API ("33.33"). */
export function leesDecimaal(invoer: string): Gelezen<string> {
  const d = leesDecimaalDelen(invoer)
  if (typeof d === 'string') return fout(d)
  if (d.negatief) return fout('negatief')
  const breuk = d.breuk.replace(/0+$/, '')
  if (breuk.length > 12) return fout('decimalen')
  return { ok: true, waarde: breuk ? `${d.heel}.${breuk}` : d.heel }
}

const groepeer = (heel: string, scheiding: string) => heel.replace(/\B(?=(\d{3})+(?!\d))/g, scheiding)

/**
 * Cents as text to edit in a form: "1.234,56" or "1.200" (nl), "1,234.56" or "1,200.00" (en).
 * English always carries its decimals: a lone comma is read as the Dutch decimal sign.
 */
export function bedragAlsInvoer(centen: number | undefined | null, taal: Taal = 'nl'): string {
  if (centen === undefined || centen === null || !Number.isSafeInteger(centen)) return ''
  const teken = centen < 0 ? '-' : ''
  const abs = Math.abs(centen)
  const heel = String(Math.trunc(abs / 100))
  const rest = abs % 100
  const [duizend, dec] = taal === 'en' ? [',', '.'] : ['.', ',']
  return `${teken}${groepeer(heel, duizend)}${rest || taal === 'en' ? `${dec}${String(rest).padStart(2, '0')}` : ''}`
}

/** A decimal text from the API ("33.33") as typed in the UI language ("33,33"). */
export function decimaalAlsInvoer(waarde: string | number | undefined | null, taal: Taal = 'nl'): string {
  if (waarde === undefined || waarde === null) return ''
  const s = String(waarde)
  return taal === 'nl' ? s.replace('.', ',') : s
}

/** A decimal from the API ("94601", "45.5") with the UI's separators, digits kept as they are. */
export function decimaalTekst(waarde: string | number, taal: string): string {
  const [heel = '', breuk] = String(waarde).split('.')
  const [duizend, dec] = taal === 'en' ? [',', '.'] : ['.', ',']
  const gegroepeerd = heel.replace(/\B(?=(\d{3})+(?!\d))/g, duizend)
  return breuk ? `${gegroepeerd}${dec}${breuk}` : gegroepeerd
}

/** Cents as a plain decimal euro text ("1234.56"), for files. */
export function centenAlsEuroTekst(centen: number): string {
  const teken = centen < 0 ? '-' : ''
  const a = Math.abs(centen)
  return `${teken}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`
}

// ---------------------------------------------------------------------------------
// Numbers typed in the UI: one rule per UI language (docs/architecture.md, "Getallen
// typen"). Files keep the lenient reading above (either notation; the last separator
// decides), because a spreadsheet may come from either locale.
//
// Dutch (nl): the comma is the decimal sign, the point groups thousands in groups of
// exactly three: "12.345" is twelve thousand three hundred forty-five, "12,34" twelve
// and thirty-four hundredths, "1.234.567,89" as written. A point anywhere else ("12.34",
// "12345.678") is not guessed at: the message says to use the comma. English (en): the
// other way round. Spaces, a leading "€" and a trailing "EUR" are ignored. Amounts take
// at most two decimals (trailing zeros beyond them are fine), counts none.

/** The UI's languages: the rule for typed numbers follows the UI language. */
export type UiTaal = Taal

/** Why typed text is not the number asked for; `scheiding`: a separator used the other language's way. */
export type Invoerfout = Leesfout | 'scheiding' | 'geheel'

export type GelezenInvoer<T> =
  | { ok: true; waarde: T }
  | { ok: false; fout: Invoerfout /** What was probably meant, typed the right way ("12,34"). */; voorstel?: string }

const SCHEIDING: Record<UiTaal, { decimaal: string; duizend: string }> = {
  nl: { decimaal: ',', duizend: '.' },
  en: { decimaal: '.', duizend: ',' },
}

function leesInvoerDelen(invoer: string, taal: UiTaal): Decimaal | { fout: Invoerfout; voorstel?: string } {
  const ontdaan = tekenEnCijfers(invoer)
  if (typeof ontdaan === 'string') return { fout: ontdaan }
  const { negatief, cijfers: s } = ontdaan
  const { decimaal, duizend } = scheidingVan(taal)
  const delen = s.split(decimaal)
  const verkeerd = (): { fout: Invoerfout; voorstel?: string } => {
    // One foreign separator and nothing else: probably the other language's decimal sign.
    const andere = s.split(duizend).length - 1
    if (andere === 1 && delen.length === 1) {
      const voorstel = s.replace(duizend, decimaal)
      if (/^\d+[.,]\d+$/.test(voorstel)) return { fout: 'scheiding', voorstel: `${negatief ? '-' : ''}${voorstel}` }
    }
    return { fout: 'scheiding' }
  }
  if (delen.length > 2) return verkeerd()
  const [kop = '', breuk = ''] = delen
  if (breuk.includes(duizend)) return verkeerd()
  if (delen.length === 2 && breuk === '') return { fout: 'ongeldig' }
  let heel = kop
  if (kop.includes(duizend)) {
    const g = gegroepeerd(kop, duizend)
    if (g === undefined) return verkeerd()
    heel = g
  }
  if (heel === '' && breuk === '') return { fout: 'ongeldig' }
  return { negatief, heel: heel.replace(/^0+(?=\d)/, '') || '0', breuk }
}

function scheidingVan(taal: UiTaal) {
  return SCHEIDING[taal] ?? SCHEIDING.nl
}

const invoerFout = (d: { fout: Invoerfout; voorstel?: string }): { ok: false; fout: Invoerfout; voorstel?: string } =>
  d.voorstel === undefined ? { ok: false, fout: d.fout } : { ok: false, fout: d.fout, voorstel: d.voorstel }

/** A proposal only where it reads as the number asked for ("12,34"; not "12345,678" for an amount). */
const metGeldigVoorstel = (d: { fout: Invoerfout; voorstel?: string }, geldig: (v: string) => boolean) =>
  d.voorstel !== undefined && geldig(d.voorstel) ? d : { fout: d.fout }

/** Euros typed in the UI → integer cents, by the rule of the UI language. */
export function leesBedragInvoer(invoer: string, taal: UiTaal = 'nl'): GelezenInvoer<number> {
  const d = leesInvoerDelen(invoer, taal)
  if ('fout' in d) return invoerFout(metGeldigVoorstel(d, (v) => leesBedragInvoer(v, taal).ok))
  const breuk = d.breuk.replace(/0+$/, '')
  if (breuk.length > 2) return { ok: false, fout: 'decimalen' }
  if (d.heel.length > 16) return { ok: false, fout: 'teGroot' }
  const centen = Number(d.heel) * 100 + Number(breuk.padEnd(2, '0'))
  if (!Number.isSafeInteger(centen) || centen > MAX_CENTEN) return { ok: false, fout: 'teGroot' }
  if (d.negatief && centen !== 0) return { ok: false, fout: 'negatief' }
  return { ok: true, waarde: centen }
}

/** A count typed in the UI (inwoners, werkplekken) → a whole number: "12.345" is 12345 in Dutch. */
export function leesAantalInvoer(invoer: string, taal: UiTaal = 'nl'): GelezenInvoer<number> {
  const d = leesInvoerDelen(invoer, taal)
  if ('fout' in d) return invoerFout({ fout: d.fout })
  if (d.breuk.replace(/0+$/, '') !== '') return { ok: false, fout: 'geheel' }
  const n = Number(d.heel)
  if (d.heel.length > 15 || !Number.isSafeInteger(n)) return { ok: false, fout: 'teGroot' }
  if (d.negatief && n !== 0) return { ok: false, fout: 'negatief' }
  return { ok: true, waarde: n }
}

/** A percentage or measure typed in the UI → exact decimal text for the API ("33.33"). */
export function leesDecimaalInvoer(invoer: string, taal: UiTaal = 'nl'): GelezenInvoer<string> {
  const d = leesInvoerDelen(invoer, taal)
  if ('fout' in d) return invoerFout(metGeldigVoorstel(d, (v) => leesDecimaalInvoer(v, taal).ok))
  if (d.negatief) return { ok: false, fout: 'negatief' }
  const breuk = d.breuk.replace(/0+$/, '')
  if (breuk.length > 12) return { ok: false, fout: 'decimalen' }
  if (d.heel.length > 15) return { ok: false, fout: 'teGroot' }
  return { ok: true, waarde: breuk ? `${d.heel}.${breuk}` : d.heel }
}

/** A year as typed: four digits, no grouping ("2026"). */
export function leesJaarInvoer(invoer: string): GelezenInvoer<number> {
  const s = invoer.trim()
  if (s === '') return { ok: false, fout: 'leeg' }
  return /^\d{1,4}$/.test(s) ? { ok: true, waarde: Number(s) } : { ok: false, fout: 'ongeldig' }
}
