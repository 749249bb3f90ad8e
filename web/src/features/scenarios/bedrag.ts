// Amounts as people type them, to integer cents without floating point: Dutch
// "1.234,56", "1234,56", "€ 1.234" and plain "1234.56" all work. A dot followed by
// exactly three digits is a thousands separator ("1.234" is € 1.234,00); a comma is
// always the decimal separator unless a dot comes after it ("1,234.56", English).

const GROEPEN = (scheiding: string) => new RegExp(`^\\d{1,3}(\\${scheiding}\\d{3})+$`)

/** Cents, or undefined when the text is no amount (negative, more than two decimals, letters). */
export function leesEuro(tekst: string): number | undefined {
  const t = tekst.replace(/€|\s|\u00a0/g, '')
  if (t === '') return undefined
  let geheel: string
  let decimalen = ''
  const komma = t.lastIndexOf(',')
  const punt = t.lastIndexOf('.')
  if (komma >= 0 && punt >= 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const [dec, groep] = komma > punt ? [',', '.'] : ['.', ',']
    const i = t.lastIndexOf(dec)
    geheel = t.slice(0, i)
    decimalen = t.slice(i + 1)
    if (!GROEPEN(groep).test(geheel) && !/^\d+$/.test(geheel)) return undefined
    geheel = geheel.split(groep).join('')
  } else if (komma >= 0) {
    if (t.indexOf(',') !== komma) return undefined
    geheel = t.slice(0, komma)
    decimalen = t.slice(komma + 1)
  } else if (punt >= 0) {
    if (GROEPEN('.').test(t)) geheel = t.split('.').join('')
    else if (t.indexOf('.') === punt) {
      geheel = t.slice(0, punt)
      decimalen = t.slice(punt + 1)
    } else return undefined
  } else geheel = t
  if (geheel === '') geheel = '0'
  if (!/^\d+$/.test(geheel) || !/^\d{0,2}$/.test(decimalen)) return undefined
  const centen = Number(geheel) * 100 + Number(decimalen.padEnd(2, '0'))
  return Number.isSafeInteger(centen) ? centen : undefined
}

/** Cents as a Dutch input value: 123456 → "1234,56", 100 → "1". */
export function centenAlsInvoer(centen: number): string {
  const euro = Math.floor(centen / 100)
  const cent = centen % 100
  return cent === 0 ? String(euro) : `${euro},${String(cent).padStart(2, '0')}`
}

/** A percentage as typed ("33,33" or "33.33") as the API's decimal text, or undefined. */
export function leesDecimaal(tekst: string): string | undefined {
  const t = tekst.trim().replace(',', '.')
  return /^\d+(\.\d+)?$/.test(t) ? t : undefined
}

export const decimaalAlsInvoer = (waarde: number | string): string => String(waarde).replace('.', ',')
