import type { Transparantieverslag } from '../schemas/rapportage.js'

// Shared wording and number formats of the exported transparency report (PDF and XLSX):
// Dutch, as the council reads it.

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' })

/** Cents as `€ 1.234,56`. */
export const euro = (centen: number | null | undefined): string =>
  centen === null || centen === undefined ? '—' : EURO.format(centen / 100)

export const procent = (p: number | null): string =>
  p === null
    ? '—'
    : `${p > 0 ? '+' : ''}${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(p)}%`

export const vandaag = (nu = new Date()): string =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(nu)

export const CATEGORIE: Record<string, string> = {
  personeel: 'Personeel',
  licenties: 'Licenties',
  hosting: 'Hosting',
  hardware: 'Hardware',
  werkplekken: 'Werkplekken',
  verbindingen: 'Verbindingen',
  advies: 'Advies',
  overig: 'Overig',
}
export const categorie = (c: string) => CATEGORIE[c] ?? c

export const SOORT: Record<string, string> = { structureel: 'Structureel', initieel: 'Initieel' }
export const soort = (s: string) => SOORT[s] ?? s

export const TOELICHTING =
  'Alle bedragen zijn de delen die de verdeelsleutels aan elke organisatie toewijzen, tot op de cent (dezelfde als in de declaraties). ' +
  '"Kosten" is de realisatie waar die bekend is, anders de begroting. Een post zonder realisatie telt bij de realisatie als € 0,00. ' +
  'Verschil = realisatie - begroting; het percentage is van de begroting.'

export type Verslag = Transparantieverslag
