import { type Message, msg } from './errors.js'
import { bedragAlsInvoer, leesBedrag } from './getallen.js'

// Amounts are integer euro cents everywhere in the API, and JSON cannot tell 1000000.00
// from 1000000: a person who sends euros stores a hundredth of what was meant. What we
// can do is make the unit impossible to miss: every amount field says "eurocent" with an
// example (the schema builder Eurocent, in common.ts of the schemas), and a value that is not whole cents gets an
// error naming the unit and, where the value allows, the cents that were probably meant.

/** The example on every amount field: € 1.234,56. */
export const EUROCENT_VOORBEELD = 123_456

/** The sentence every amount field's description ends with. */
export const EUROCENT_OMSCHRIJVING = `Bedrag in eurocent, een geheel getal: ${EUROCENT_VOORBEELD} is € ${bedragAlsInvoer(EUROCENT_VOORBEELD)} (dus 100,50 euro is 10050).`

const algemeen = msg(
  'Bedrag in eurocent, een geheel getal: 100,50 euro is 10050.',
  'Amount in euro cents, a whole number: 100.50 euros is 10050.',
)

/** Up to two decimals, as JSON writes a number: 100.5, 1234.56, 12 (no exponent). */
const EUROS = /^(-?)(\d+)(?:\.(\d{1,2}))?$/

function centenVanGetal(waarde: number): { euro: string; centen: number } | undefined {
  const m = EUROS.exec(String(waarde))
  if (!m) return undefined
  const [, teken, heel, breuk = ''] = m
  const centen = Number(heel) * 100 + Number(breuk.padEnd(2, '0'))
  if (!Number.isSafeInteger(centen)) return undefined
  return { euro: `${teken}${heel}.${breuk.padEnd(2, '0')}`, centen: teken ? -centen : centen }
}

/**
 * Why a value is no amount in euro cents, with the fix computed from it where possible:
 * 100.5 → "100.50 euro is 10050"; "1.234,56" → "1.234,56 euro is 123456"; "10050" →
 * "as a number, not text". Anything else gets the general rule with an example.
 */
export function eurocentUitleg(waarde: unknown): Message {
  if (typeof waarde === 'number' && Number.isFinite(waarde)) {
    const c = centenVanGetal(waarde)
    if (!c) return algemeen
    return msg(
      `Bedrag in eurocent, een geheel getal: ${c.euro} euro is ${c.centen}.`,
      `Amount in euro cents, a whole number: ${c.euro} euros is ${c.centen}.`,
    )
  }
  if (typeof waarde === 'string') {
    const tekst = waarde.trim()
    if (/^-?\d+$/.test(tekst) && tekst.length <= 16)
      return msg(
        `Bedrag in eurocent, een geheel getal als getal, niet als tekst: ${tekst} in plaats van "${tekst}".`,
        `Amount in euro cents, a whole number as a number, not as text: ${tekst} instead of "${tekst}".`,
      )
    const gelezen = leesBedrag(tekst)
    if (gelezen.ok && tekst.length <= 40) {
      const metTeken = /€|eur/i.test(tekst)
      return msg(
        `Bedrag in eurocent, een geheel getal (geen tekst): ${tekst}${metTeken ? '' : ' euro'} is ${gelezen.waarde}.`,
        `Amount in euro cents, a whole number (not text): ${tekst}${metTeken ? '' : ' euros'} is ${gelezen.waarde}.`,
      )
    }
  }
  return algemeen
}

/** A whole number of cents outside the field's range, said with the unit and in euros. */
export function eurocentBuitenBereik(soort: 'minimum' | 'maximum', grens: number): Message {
  const euro = Number.isSafeInteger(grens) ? ` (€ ${bedragAlsInvoer(grens)})` : ''
  return soort === 'minimum'
    ? msg(`Bedrag in eurocent, minimaal ${grens}${euro}.`, `Amount in euro cents, at least ${grens}${euro}.`)
    : msg(`Bedrag in eurocent, hoogstens ${grens}${euro}.`, `Amount in euro cents, at most ${grens}${euro}.`)
}
