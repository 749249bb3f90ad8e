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
 * A typed number split into sign, whole digits and decimal digits. When both '.' and
 * ',' appear, the last one separates the decimals. A lone ',' separates decimals (Dutch);
 * a lone '.' with exactly three digits after it groups thousands ("1.234" is twelve
 * hundred and thirty-four, as in Dutch), otherwise it separates decimals ("1234.56").
 */
function leesDecimaalDelen(invoer: string): Decimaal | Leesfout {
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
export function bedragAlsInvoer(centen: number | undefined | null, taal: 'nl' | 'en' = 'nl'): string {
  if (centen === undefined || centen === null || !Number.isSafeInteger(centen)) return ''
  const teken = centen < 0 ? '-' : ''
  const abs = Math.abs(centen)
  const heel = String(Math.trunc(abs / 100))
  const rest = abs % 100
  const [duizend, dec] = taal === 'en' ? [',', '.'] : ['.', ',']
  return `${teken}${groepeer(heel, duizend)}${rest || taal === 'en' ? `${dec}${String(rest).padStart(2, '0')}` : ''}`
}

/** A decimal text from the API ("33.33") as typed in the UI language ("33,33"). */
export function decimaalAlsInvoer(waarde: string | number | undefined | null, taal: 'nl' | 'en' = 'nl'): string {
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
