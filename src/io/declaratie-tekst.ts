import type { BtwRegime } from '../domain/betaling.js'
import { bedragNl, datumInAmsterdam, datumNl, percentageNl } from '../domain/declaraties.js'
import { decimaalTekst } from '../domain/getallen.js'
import { leesPeriode } from '../domain/periode.js'
import type { Taal } from '../domain/taal.js'
import type { Breuk } from '../domain/verdeling/index.js'
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

export function titel(d: Declaratie, taal: Taal = 'nl'): string {
  if (taal === 'en')
    return d.soort === 'correctie' ? `Correction of declaration ${d.corrigeertNummer ?? '(unknown number)'}` : 'Declaration'
  return d.soort === 'correctie' ? `Correctiedeclaratie op ${d.corrigeertNummer ?? 'onbekend nummer'}` : 'Declaratie'
}

export function nummerTekst(d: Declaratie, taal: Taal = 'nl'): string {
  return d.nummer ?? (taal === 'nl' ? 'CONCEPT (nog geen nummer)' : 'DRAFT (no number yet)')
}

/** The date of the declaratie: the day it was made final, in Dutch time. */
export function datumTekst(d: Declaratie, taal: Taal = 'nl'): string {
  if (!d.definitiefOp) return taal === 'nl' ? 'nog niet definitief' : 'not final yet'
  return datumIn(datumInAmsterdam(new Date(d.definitiefOp)), taal)
}

export function periodeTekst(periode: string, taal: Taal = 'nl'): string {
  const p = leesPeriode(periode)
  if (!p) return periode
  return `${periode} (${datumIn(p.start, taal)} ${taal === 'nl' ? 't/m' : 'to'} ${datumIn(p.eind, taal)})`
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
export function stapTekst(s: DeclaratieRegel['stappen'][number], taal: Taal = 'nl', groepeer = false): string {
  if (taal === 'en') {
    const regel = REGEL_TEKST_EN[s.regel] ?? s.regel
    const wat = s.regel === 'inwoners' ? `${regel} ${s.jaar}` : s.maatstaf ? `${regel} ${s.maatstaf} ${s.jaar}` : regel
    const bron = s.bron ? ` (source: ${BRON_TEKST_EN[s.bron] ?? s.bron})` : ''
    return `${s.aandeelInSleutel}% ${wat}: ${decimaalTekst(s.waarde, 'en')} of ${decimaalTekst(s.totaal, 'en')}${bron}`
  }
  const regel = REGEL_TEKST[s.regel] ?? s.regel
  // An inwoners key reads the measure named inwoners: say it once.
  const wat = s.regel === 'inwoners' ? `${regel} ${s.jaar}` : s.maatstaf ? `${regel} ${s.maatstaf} ${s.jaar}` : regel
  const bron = s.bron ? ` (bron: ${BRON_TEKST[s.bron] ?? s.bron})` : ''
  // The PDF groups thousands (64.000) as people read them; CSV keeps the plain decimal (64000).
  const getal = (v: string) => (groepeer ? decimaalTekst(v, 'nl') : v.replace('.', ','))
  return `${s.aandeelInSleutel.replace('.', ',')} % ${wat}: ${getal(s.waarde)} van ${getal(s.totaal)}${bron}`
}

const REGEL_TEKST_EN: Record<string, string> = {
  inwoners: 'by inhabitants',
  maatstaf: 'by measure',
  'gelijke delen': 'equal shares',
  'vast percentage': 'fixed percentage',
  'volledig afnemer': 'sole payer',
}
const BRON_TEKST_EN: Record<string, string> = { organisatie: 'Organisation (CBS population)', maatstafwaarde: 'measure value' }

/** How the post's rest cents went (with the beurtvolgorde), when there were any; '' otherwise. */
export function afrondingTekst(r: DeclaratieRegel, taal: Taal = 'nl'): string {
  return r.afronding && r.afronding.restcenten > 0 ? r.afronding.uitleg[taal] : ''
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

// ---- Language, payment and BTW (issue 20: the PDF follows the request's language) ----

export const STATUS_TEKST_EN: Record<string, string> = { concept: 'Draft', definitief: 'Final', verzonden: 'Sent', betaald: 'Paid' }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** `6 oktober 2026` / `6 October 2026` for a YYYY-MM-DD date. */
export function datumIn(datum: string, taal: Taal): string {
  if (taal === 'nl') return datumNl(datum)
  const [y, m, d] = datum.slice(0, 10).split('-').map(Number)
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`
}

/** `€ 1.234,56` / `€1,234.56`: euro cents as a reader of that language writes them. */
export function bedragIn(centen: number, taal: Taal): string {
  if (taal === 'nl') return bedragNl(centen)
  const neg = centen < 0
  const abs = Math.abs(centen)
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${neg ? '-' : ''}€${euros}.${String(abs % 100).padStart(2, '0')}`
}

/** The share as a percentage with up to 4 decimals, in the language's notation, e.g. `33,3333 %` / `33.3333%`. */
export function percentageIn(fractie: Breuk, taal: Taal): string {
  const p = percentageNl(fractie)
  return taal === 'nl' ? `${p} %` : `${p.replace(',', '.')}%`
}

/** The exact amount before rounding, in euros with up to 4 decimals (at least 2): `€ 20.301,7067`. */
export function exactBedragIn(exact: Breuk, taal: Taal): string {
  const teller = BigInt(exact.teller)
  const noemer = BigInt(exact.noemer)
  if (noemer === 0n) return bedragIn(0, taal)
  const neg = teller < 0n
  const t = neg ? -teller : teller
  // In hundredths of a cent, rounded half up.
  const x = (t * 100n * 2n + noemer) / (2n * noemer)
  const euros = (x / 10_000n).toString()
  const dec = (x % 10_000n)
    .toString()
    .padStart(4, '0')
    .replace(/0{1,2}$/, '')
  const grp = decimaalTekst(euros, taal)
  const teken = neg ? '-' : ''
  return taal === 'nl' ? `€ ${teken}${grp},${dec}` : `${teken}€${grp}.${dec}`
}

const REGEL_WOORDEN: Record<Taal, Record<string, string>> = {
  nl: {
    inwoners: 'inwoners',
    'gelijke delen': 'gelijke delen',
    'vast percentage': 'vast percentage',
    'volledig afnemer': 'volledig afnemer',
  },
  en: { inwoners: 'inhabitants', 'gelijke delen': 'equal shares', 'vast percentage': 'fixed percentage', 'volledig afnemer': 'sole payer' },
}

/**
 * The share as a controller checks it: the percentage, the key, and per component of
 * the key the rule and the recipient's value of the total, e.g.
 * `100 % volgens Wijdemeren vergoedt alles` or
 * `27,3 % volgens Uitwijk … — 50 % gelijke delen (1 van 2) + 50 % inwoners (64.000 van 234.000)`.
 */
export function fractieInWoorden(r: DeclaratieRegel, taal: Taal = 'nl'): string {
  const volgens = taal === 'nl' ? 'volgens' : 'under'
  const van = taal === 'nl' ? 'van' : 'of'
  if (r.stappen.length === 0)
    return taal === 'nl'
      ? `0 % — de ontvanger heeft geen aandeel meer in deze kostenpost`
      : `0% — the recipient no longer has a share in this cost item`
  const kop = `${percentageIn(r.fractie, taal)} ${volgens} ${r.sleutel.naam}`
  const mix = r.stappen.length > 1 || r.stappen.some((s) => s.aandeelInSleutel !== '100')
  if (!mix && r.stappen[0]?.regel === 'volledig afnemer') return kop
  const delen = r.stappen.map((s) => {
    const regel = s.regel === 'maatstaf' ? (s.maatstaf ?? 'maatstaf') : (REGEL_WOORDEN[taal][s.regel] ?? s.regel)
    const aandeel = mix ? `${decimaalTekst(s.aandeelInSleutel, taal)}${taal === 'nl' ? ' %' : '%'} ` : ''
    const waarde = s.regel === 'volledig afnemer' ? '' : ` (${decimaalTekst(s.waarde, taal)} ${van} ${decimaalTekst(s.totaal, taal)})`
    return `${aandeel}${regel}${waarde}`
  })
  return `${kop} — ${delen.join(' + ')}`
}

const BTW_ZIN: Record<Taal, Record<BtwRegime, string>> = {
  nl: { geen: 'Geen BTW verschuldigd', exclusief: 'Bedragen zijn exclusief BTW', inclusief: 'Bedragen zijn inclusief BTW' },
  en: { geen: 'No VAT due', exclusief: 'Amounts exclude VAT', inclusief: 'Amounts include VAT' },
}

/** The BTW statement of one line (lines stored before the setting existed: geen). */
export const btwVanRegel = (r: DeclaratieRegel, taal: Taal = 'nl'): string => BTW_ZIN[taal][r.btw ?? 'geen']

/**
 * What a declaratie says about BTW: one sentence when every line has the same setting
 * ("Geen BTW verschuldigd."), else one sentence per setting naming its lines.
 */
export function btwVermelding(d: Declaratie, taal: Taal = 'nl'): string {
  const groepen = new Map<BtwRegime, string[]>()
  for (const r of d.regels) {
    const b = r.btw ?? 'geen'
    groepen.set(b, [...(groepen.get(b) ?? []), r.omschrijving])
  }
  if (groepen.size <= 1) return `${BTW_ZIN[taal][[...groepen.keys()][0] ?? 'geen']}.`
  const over = taal === 'nl' ? 'voor' : 'for'
  return [...groepen].map(([b, posten]) => `${BTW_ZIN[taal][b]} ${over}: ${posten.join(', ')}.`).join(' ')
}
