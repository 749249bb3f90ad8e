import type { Getal } from './types.js'

// Exact decimals as scaled BigInts. A number is read through its shortest decimal
// representation (String(33.33) === '33.33'), which is what the person typed, not the
// binary approximation that 33.33 is stored as.

/** value = teller / 10^schaal */
export interface Decimaal {
  teller: bigint
  schaal: number
}

const DECIMAAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i
const MAX_SCHAAL = 12

export type DecimaalFout = 'ongeldig-getal' | 'negatief'

/** Parses a non-negative decimal; at most 12 decimals, so weights stay comparable in size. */
export function leesDecimaal(waarde: Getal): Decimaal | DecimaalFout {
  if (typeof waarde === 'number' && !Number.isFinite(waarde)) return 'ongeldig-getal'
  if (typeof waarde !== 'number' && typeof waarde !== 'string') return 'ongeldig-getal'
  const match = DECIMAAL.exec(String(waarde).trim())
  if (!match) return 'ongeldig-getal'
  const [, teken, geheel, fractie = '', exponent = '0'] = match
  const exp = Number(exponent)
  let teller = BigInt(geheel + fractie)
  let schaal = fractie.length - exp
  if (schaal < 0) {
    teller *= 10n ** BigInt(-schaal)
    schaal = 0
  }
  while (schaal > 0 && teller % 10n === 0n) {
    teller /= 10n
    schaal--
  }
  if (schaal > MAX_SCHAAL) return 'ongeldig-getal'
  if (teken === '-' && teller !== 0n) return 'negatief'
  return { teller, schaal }
}

export const isDecimaal = (v: Decimaal | DecimaalFout): v is Decimaal => typeof v !== 'string'

/** The integer teller of `d` at a (larger or equal) scale. */
export const opSchaal = (d: Decimaal, schaal: number): bigint =>
  schaal === d.schaal ? d.teller : d.teller * 10n ** BigInt(schaal - d.schaal)

/** Shortest form: '50', not '50.0'. */
export function formatDecimaal(d: Decimaal): string {
  let { teller, schaal } = d
  while (schaal > 0 && teller % 10n === 0n) {
    teller /= 10n
    schaal--
  }
  if (schaal === 0) return teller.toString()
  const digits = teller.toString().padStart(schaal + 1, '0')
  return `${digits.slice(0, -schaal)}.${digits.slice(-schaal)}`
}

export function somDecimalen(waarden: readonly Decimaal[]): Decimaal {
  const schaal = Math.max(0, ...waarden.map((w) => w.schaal))
  return { teller: waarden.reduce((s, w) => s + opSchaal(w, schaal), 0n), schaal }
}

export const HONDERD: Decimaal = { teller: 100n, schaal: 0 }

export const gelijk = (a: Decimaal, b: Decimaal): boolean => {
  const schaal = Math.max(a.schaal, b.schaal)
  return opSchaal(a, schaal) === opSchaal(b, schaal)
}

export function ggd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}
