import type { TFunction } from 'i18next'
import { type GelezenInvoer, leesAantalInvoer, leesBedragInvoer, leesDecimaalInvoer, leesJaarInvoer } from '../../../src/domain/getallen'
import { currentLanguage } from '.'
import { formatBedrag, formatGetal } from './format'

// Every number a person types in a form goes through here: the one rule of the UI
// language (src/domain/getallen.ts), what it was understood as ("= € 12.345,00"), and
// one message per problem. Amounts become integer cents, counts and years whole numbers,
// decimals exact text for the API.

export type GetalSoort = 'bedrag' | 'aantal' | 'decimaal' | 'jaar'

export type Gelezen = GelezenInvoer<number | string>

export function leesGetal(soort: GetalSoort, tekst: string, taal = currentLanguage()): Gelezen {
  switch (soort) {
    case 'bedrag':
      return leesBedragInvoer(tekst, taal)
    case 'aantal':
      return leesAantalInvoer(tekst, taal)
    case 'jaar':
      return leesJaarInvoer(tekst)
    default:
      return leesDecimaalInvoer(tekst, taal)
  }
}

/** A decimal text from the parser ("1234.5") with the UI's separators ("1.234,5"), every digit kept. */
function decimaalVoorMens(waarde: string, taal: string): string {
  const [heel = '', breuk] = waarde.split('.')
  const [duizend, dec] = taal === 'en' ? [',', '.'] : ['.', ',']
  const g = heel.replace(/\B(?=(\d{3})+(?!\d))/g, duizend)
  return breuk ? `${g}${dec}${breuk}` : g
}

/** What was understood, as a person reads it: "€ 12.345,00", "12.345", "33,33", "2026"; undefined when nothing was. */
export function begrepenWaarde(soort: GetalSoort, r: Gelezen, taal = currentLanguage()): string | undefined {
  if (!r.ok) return undefined
  if (soort === 'bedrag') return formatBedrag(r.waarde as number)
  if (soort === 'aantal') return formatGetal(r.waarde as number)
  if (soort === 'jaar') return String(r.waarde)
  return decimaalVoorMens(String(r.waarde), taal)
}

/** The one message for what could not be read (namespace getallen). */
export function getalMelding(soort: GetalSoort, r: Gelezen, t: TFunction): string | undefined {
  if (r.ok) return undefined
  if (soort === 'jaar') return t('getallen:fout.jaar')
  const sleutel = r.fout === 'scheiding' && r.voorstel ? 'scheidingVoorstel' : r.fout
  return t(`getallen:fout.${soort}.${sleutel}`, { voorstel: r.voorstel })
}
