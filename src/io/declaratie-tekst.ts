import { datumInAmsterdam, datumNl, percentageNl } from '../domain/declaraties.js'
import { leesPeriode } from '../domain/periode.js'
import type { Declaratie, DeclaratieRegel } from '../schemas/declaraties.js'

// What the PDF, XLSX and CSV of a declaratie say the same way: title, date, period,
// file name and how one step of a computation reads.

export const STATUS_TEKST: Record<string, string> = {
  concept: 'Concept',
  definitief: 'Definitief',
  verzonden: 'Verzonden',
  betaald: 'Betaald',
}

export const REGEL_TEKST: Record<string, string> = {
  inwoners: 'naar inwoners',
  maatstaf: 'naar maatstaf',
  'gelijke delen': 'gelijke delen',
  'vast percentage': 'vast percentage',
  'volledig afnemer': 'volledig afnemer',
}

export function titel(d: Declaratie): string {
  return d.soort === 'correctie' ? `Correctiedeclaratie op ${d.corrigeertNummer ?? 'onbekend nummer'}` : 'Declaratie'
}

export function nummerTekst(d: Declaratie): string {
  return d.nummer ?? 'CONCEPT (nog geen nummer)'
}

/** The date of the declaratie: the day it was made final, in Dutch time. */
export function datumTekst(d: Declaratie): string {
  return d.definitiefOp ? datumNl(datumInAmsterdam(new Date(d.definitiefOp))) : 'nog niet definitief'
}

export function periodeTekst(periode: string): string {
  const p = leesPeriode(periode)
  if (!p) return periode
  return `${periode} (${datumNl(p.start)} t/m ${datumNl(p.eind)})`
}

export function organisatieTekst(naam: string, cbsCode: string | null): string {
  return cbsCode ? `${naam} (CBS-code ${cbsCode})` : naam
}

/** The recipient's share of the post as a percentage, e.g. `100` or `33,3333`. */
export function aandeelTekst(r: DeclaratieRegel): string {
  return `${percentageNl(r.fractie)} %`
}

export function sleutelTekst(r: DeclaratieRegel): string {
  return `${r.sleutel.naam} (versie vanaf ${r.sleutel.geldigVanaf})`
}

/** Where a measure's value came from, as the documents say it. */
export const BRON_TEKST: Record<string, string> = {
  organisatie: 'Organisatie (CBS-inwonertal)',
  maatstafwaarde: 'maatstafwaarde',
}

/**
 * One step, e.g. `50 % naar maatstaf werkplekken 2026: 265 van 2205 (bron: maatstafwaarde)`
 * or `100 % naar inwoners 2026: 10000 van 60000 (bron: Organisatie (CBS-inwonertal))`.
 * Lines stored before the source was recorded have no `bron` and say none.
 */
export function stapTekst(s: DeclaratieRegel['stappen'][number]): string {
  const regel = REGEL_TEKST[s.regel] ?? s.regel
  // An inwoners key reads the measure named inwoners: say it once.
  const wat = s.regel === 'inwoners' ? `${regel} ${s.jaar}` : s.maatstaf ? `${regel} ${s.maatstaf} ${s.jaar}` : regel
  const bron = s.bron ? ` (bron: ${BRON_TEKST[s.bron] ?? s.bron})` : ''
  return `${s.aandeelInSleutel.replace('.', ',')} % ${wat}: ${s.waarde.replace('.', ',')} van ${s.totaal.replace('.', ',')}${bron}`
}

/** How the post's rest cents went (with the beurtvolgorde), when there were any; '' otherwise. */
export function afrondingTekst(r: DeclaratieRegel): string {
  return r.afronding && r.afronding.restcenten > 0 ? r.afronding.uitleg.nl : ''
}

const veilig = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()

/** A file name with the number (or "concept"), both organisations and the period. */
export function bestandsnaam(d: Declaratie, ext: string): string {
  const soort = d.soort === 'correctie' ? 'correctiedeclaratie' : 'declaratie'
  const nummer = d.nummer ?? 'concept'
  return `${soort}-${nummer}-${veilig(d.vanNaam)}-aan-${veilig(d.aanNaam)}-${d.periode}.${ext}`
}
