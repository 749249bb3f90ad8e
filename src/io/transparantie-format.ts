import type { Taal } from '../domain/taal.js'
import type { Transparantieverslag } from '../schemas/rapportage.js'
import { bedragIn } from './declaratie-tekst.js'

// Shared wording and number formats of the exported transparency report (PDF and XLSX),
// in Dutch (the default, as the council reads it) or English (issue 20: the report
// follows the language of the UI).

export type Verslag = Transparantieverslag

const LOCALE: Record<Taal, string> = { nl: 'nl-NL', en: 'en-GB' }

/**
 * Cents as `€ 1.234,56` (nl) or `€1,234.56` (en), exactly as on a declaratie (bedragIn:
 * integer arithmetic, never a float division); `—` for nothing. The space after the euro
 * sign does not break, so a narrow table cell never puts the sign on a line of its own.
 */
export const euro = (centen: number | null | undefined, taal: Taal = 'nl'): string =>
  centen === null || centen === undefined ? '—' : bedragIn(centen, taal).replace('€ ', '€\u00a0')

export const procent = (p: number | null, taal: Taal = 'nl'): string =>
  p === null
    ? '—'
    : `${p > 0 ? '+' : ''}${new Intl.NumberFormat(LOCALE[taal], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(p)}%`

export const vandaag = (nu = new Date(), taal: Taal = 'nl'): string =>
  new Intl.DateTimeFormat(LOCALE[taal], { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(nu)

/** A moment as a calendar date in Europe/Amsterdam. */
export const datum = (iso: string | null, taal: Taal = 'nl'): string =>
  iso ? new Intl.DateTimeFormat(LOCALE[taal], { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(new Date(iso)) : '—'

const CATEGORIE: Record<Taal, Record<string, string>> = {
  nl: {
    personeel: 'Personeel',
    licenties: 'Licenties',
    hosting: 'Hosting',
    hardware: 'Hardware',
    werkplekken: 'Werkplekken',
    verbindingen: 'Verbindingen',
    advies: 'Advies',
    overig: 'Overig',
  },
  en: {
    personeel: 'Staff',
    licenties: 'Licences',
    hosting: 'Hosting',
    hardware: 'Hardware',
    werkplekken: 'Workplaces',
    verbindingen: 'Connections',
    advies: 'Consultancy',
    overig: 'Other',
  },
}
export const categorie = (c: string, taal: Taal = 'nl') => CATEGORIE[taal][c] ?? c

const SOORT: Record<Taal, Record<string, string>> = {
  nl: { structureel: 'Structureel', initieel: 'Initieel' },
  en: { structureel: 'Structural', initieel: 'Initial' },
}
export const soort = (s: string, taal: Taal = 'nl') => SOORT[taal][s] ?? s

const STATUS: Record<Taal, Record<string, string>> = {
  nl: { concept: 'concept', definitief: 'definitief', verzonden: 'verzonden', betaald: 'betaald' },
  en: { concept: 'draft', definitief: 'final', verzonden: 'sent', betaald: 'paid' },
}
export const status = (s: string, taal: Taal = 'nl') => STATUS[taal][s] ?? s

const nl = {
  titel: 'Transparantieverslag',
  kopTitel: 'Transparantieverslag ICT-kosten',
  onderwerp: 'Transparantie en verantwoording van de kostenverdeling',
  verslagjaar: 'Verslagjaar',
  opgesteld: (d: string) => `Opgesteld op ${d} door de Regiekamer.`,
  opgesteldOp: 'Opgesteld op',
  samenwerking: 'Samenwerking',
  toelichting: 'Toelichting',
  TOELICHTING:
    'Alle bedragen zijn de delen die de verdeelsleutels aan elke organisatie toewijzen, tot op de cent (dezelfde als in de declaraties). ' +
    '"Kosten" is de realisatie waar die bekend is, anders de begroting. ' +
    'Begroting en realisatie worden alleen vergeleken over posten die beide hebben: verschil = realisatie - begroting van die posten, het percentage is van hun begroting. ' +
    'Posten zonder realisatie staan apart ("nog geen realisatie"), net als posten zonder begroting.',
  pagina: (i: number, n: number) => `pagina ${i} van ${n}`,
  kerncijfers: 'Kerncijfers',
  kerncijfer: 'Kerncijfer',
  bedrag: 'Bedrag',
  kostenLang: 'Kosten (realisatie, anders begroting)',
  waarvanStructureel: 'waarvan structureel',
  waarvanInitieel: 'waarvan initieel',
  begrotingTotaal: 'Begroting (alle posten)',
  realisatieTotaal: 'Realisatie (posten met realisatie)',
  verschilLang: (n: number) => `Verschil (realisatie - begroting, ${n} ${n === 1 ? 'post' : 'posten'} met beide)`,
  nogGeenRealisatie: 'Nog geen realisatie',
  nogGeenRealisatieTekst: (bedrag: string, n: number) => `${bedrag} begroot, ${n} ${n === 1 ? 'post' : 'posten'}`,
  zonderBegroting: 'Realisatie zonder begroting',
  zonderBegrotingTekst: (bedrag: string, n: number) => `${bedrag} gerealiseerd, ${n} ${n === 1 ? 'post' : 'posten'}`,
  aantalVerdeeld: 'Aantal verdeelde kostenposten',
  aantalNietVerdeeld: 'Niet verdeelde kostenposten',
  perOrganisatie: 'Kosten per organisatie',
  perCategorie: 'Kosten per categorie',
  perOrganisatieCategorie: 'Kosten per organisatie en categorie',
  grafiekOrganisatie: 'Grafiek: kosten per organisatie',
  grafiekBegroting: 'Grafiek: begroting en realisatie per organisatie (posten met beide)',
  organisatie: 'Organisatie',
  categorie: 'Categorie',
  structureel: 'Structureel',
  initieel: 'Initieel',
  totaal: 'Totaal',
  kosten: 'Kosten',
  begroting: 'Begroting',
  realisatie: 'Realisatie',
  verschil: 'Verschil',
  verschilPct: 'Verschil %',
  begrotingRealisatie: 'Begroting en realisatie',
  begrotingRealisatieUitleg:
    'Alleen posten met zowel begroting als realisatie worden vergeleken. "Nog geen realisatie": het begrote bedrag van posten zonder realisatie, met hun aantal; die tellen niet in het verschil.',
  begrotingVergeleken: 'Begroting (met realisatie)',
  nogGeenRealisatieKop: 'Nog geen realisatie: begroot',
  postenKop: 'Posten',
  trend: 'Ontwikkeling over de jaren',
  trendUitleg: 'Kosten (realisatie, anders begroting) per organisatie per jaar.',
  jaar: 'Jaar',
  sleutels: 'Gebruikte verdeelsleutels',
  sleutel: 'Verdeelsleutel',
  versieVanaf: 'Versie vanaf',
  regel: 'Regel',
  posten: 'Kostenposten',
  omschrijving: 'Omschrijving',
  periode: 'Periode',
  soort: 'Soort',
  verdeeld: 'Verdeeld (kosten)',
  nietVerdeeld: 'Niet verdeelde kostenposten',
  nietVerdeeldUitleg: 'Deze posten tellen in geen enkel totaal hierboven mee, tot de ontbrekende gegevens zijn ingevuld.',
  nietVerdeeldBlad: 'Niet verdeeld',
  reden: 'Reden',
  keten: 'Van toerekening tot betaling',
  ketenUitleg:
    'Per organisatie die betaalt: toegerekend = haar deel in de posten van het jaar die een andere organisatie maakte; ' +
    'gedeclareerd = definitief + verzonden + betaald (regels op deze posten; correcties tellen mee met hun origineel); ' +
    'concept telt niet als gedeclareerd; openstaand = gedeclareerd - betaald; nog te declareren = toegerekend - gedeclareerd. ' +
    'Een declaratie zien alleen afzender en ontvanger: "niet zichtbaar" is geen nul.',
  toegerekend: 'Toegerekend',
  concept: 'Concept',
  definitief: 'Definitief',
  verzonden: 'Verzonden',
  betaald: 'Betaald',
  gedeclareerd: 'Gedeclareerd',
  openstaand: 'Openstaand',
  nogTeDeclareren: 'Nog te declareren',
  nietZichtbaar: 'niet zichtbaar',
  geenKeten: 'Geen organisatie betaalt in dit jaar een andere voor kosten van deze samenwerking.',
  ketenDeclaraties: 'Declaraties per afnemer',
  afnemer: 'Afnemer',
  van: 'Van',
  nummer: 'Nummer',
  status: 'Status',
  betaaldOp: 'Betaald op',
  corrigeert: (n: string) => `correctie op ${n}`,
  geenNummer: '(concept)',
}
type Teksten = typeof nl

const en: Teksten = {
  titel: 'Transparency report',
  kopTitel: 'Transparency report ICT costs',
  onderwerp: 'Transparency and accountability of the cost allocation',
  verslagjaar: 'Report year',
  opgesteld: (d: string) => `Drawn up on ${d} by the Regiekamer.`,
  opgesteldOp: 'Drawn up on',
  samenwerking: 'Cooperation',
  toelichting: 'Explanation',
  TOELICHTING:
    'Every amount is the part the allocation keys assign to each organisation, to the cent (the same as in the declarations). ' +
    '"Costs" is the actual amount where known, else the budget. ' +
    'Budget and actual are compared only over items that have both: difference = actual - budget of those items, the percentage is of their budget. ' +
    'Items without an actual amount are shown separately ("no actual yet"), as are items without a budget.',
  pagina: (i: number, n: number) => `page ${i} of ${n}`,
  kerncijfers: 'Key figures',
  kerncijfer: 'Key figure',
  bedrag: 'Amount',
  kostenLang: 'Costs (actual, else budget)',
  waarvanStructureel: 'of which structural',
  waarvanInitieel: 'of which initial',
  begrotingTotaal: 'Budget (all items)',
  realisatieTotaal: 'Actual (items with an actual amount)',
  verschilLang: (n: number) => `Difference (actual - budget, ${n} ${n === 1 ? 'item' : 'items'} with both)`,
  nogGeenRealisatie: 'No actual yet',
  nogGeenRealisatieTekst: (bedrag: string, n: number) => `${bedrag} budgeted, ${n} ${n === 1 ? 'item' : 'items'}`,
  zonderBegroting: 'Actual without budget',
  zonderBegrotingTekst: (bedrag: string, n: number) => `${bedrag} actual, ${n} ${n === 1 ? 'item' : 'items'}`,
  aantalVerdeeld: 'Cost items allocated',
  aantalNietVerdeeld: 'Cost items not allocated',
  perOrganisatie: 'Costs per organisation',
  perCategorie: 'Costs per category',
  perOrganisatieCategorie: 'Costs per organisation and category',
  grafiekOrganisatie: 'Chart: costs per organisation',
  grafiekBegroting: 'Chart: budget and actual per organisation (items with both)',
  organisatie: 'Organisation',
  categorie: 'Category',
  structureel: 'Structural',
  initieel: 'Initial',
  totaal: 'Total',
  kosten: 'Costs',
  begroting: 'Budget',
  realisatie: 'Actual',
  verschil: 'Difference',
  verschilPct: 'Difference %',
  begrotingRealisatie: 'Budget and actual',
  begrotingRealisatieUitleg:
    'Only items with both a budget and an actual amount are compared. "No actual yet": the budget of items without an actual amount, with their number; they do not count in the difference.',
  begrotingVergeleken: 'Budget (with actual)',
  nogGeenRealisatieKop: 'No actual yet: budgeted',
  postenKop: 'Items',
  trend: 'Development over the years',
  trendUitleg: 'Costs (actual, else budget) per organisation per year.',
  jaar: 'Year',
  sleutels: 'Allocation keys used',
  sleutel: 'Allocation key',
  versieVanaf: 'Version from',
  regel: 'Rule',
  posten: 'Cost items',
  omschrijving: 'Description',
  periode: 'Period',
  soort: 'Kind',
  verdeeld: 'Allocated (costs)',
  nietVerdeeld: 'Cost items not allocated',
  nietVerdeeldUitleg: 'These items count in no total above until the missing data is filled in.',
  nietVerdeeldBlad: 'Not allocated',
  reden: 'Reason',
  keten: 'From allocation to payment',
  ketenUitleg:
    'Per paying organisation: allocated = its part of the items of the year another organisation made; ' +
    'declared = final + sent + paid (lines on these items; corrections count with their original); ' +
    'a draft never counts as declared; outstanding = declared - paid; still to declare = allocated - declared. ' +
    'A declaration is seen only by its sender and recipient: "not visible" is not zero.',
  toegerekend: 'Allocated',
  concept: 'Draft',
  definitief: 'Final',
  verzonden: 'Sent',
  betaald: 'Paid',
  gedeclareerd: 'Declared',
  openstaand: 'Outstanding',
  nogTeDeclareren: 'Still to declare',
  nietZichtbaar: 'not visible',
  geenKeten: 'No organisation pays another for costs of this cooperation in this year.',
  ketenDeclaraties: 'Declarations per customer',
  afnemer: 'Customer',
  van: 'From',
  nummer: 'Number',
  status: 'Status',
  betaaldOp: 'Paid on',
  corrigeert: (n: string) => `correction of ${n}`,
  geenNummer: '(draft)',
}

export const TEKSTEN: Record<Taal, Teksten> = { nl, en }

/** Backwards-compatible Dutch explanation. */
export const TOELICHTING = nl.TOELICHTING
