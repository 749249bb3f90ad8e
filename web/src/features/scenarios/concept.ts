import type { TFunction } from 'i18next'
import { bedragAlsInvoer, decimaalAlsInvoer } from '../../../../src/domain/getallen'
import { currentLanguage } from '../../i18n'
import { type GetalSoort, getalMelding, leesGetal } from '../../i18n/getal-invoer'
import type { Scenario, ScenarioInvoer } from './api'

// The form's state as typed text, and the conversion to the API's input. Amounts are
// turned into cents here (exactly, see src/domain/getallen.ts); what is not an amount or a number
// becomes a message under the API's own field name, so it shows like the API's.

export const SLEUTELS = ['gelijke delen', 'vast percentage', 'maatstaf', 'mix'] as const
export type Sleutel = (typeof SLEUTELS)[number]
/** The keys that read a measure: each participant then has a value for it. */
export const metMaatstaf = (sleutel: Sleutel) => sleutel === 'maatstaf' || sleutel === 'mix'

export interface RijConcept {
  organisatieId: string
  eenmalig: string
  jaarlijks: string
  percentage: string
  maatstafwaarde: string
}

export interface Concept {
  naam: string
  omschrijving: string
  toelichting: string
  samenwerkingId: string
  deelnemers: RijConcept[]
  gezamenlijkEenmalig: string
  gezamenlijkJaarlijks: string
  sleutel: Sleutel
  maatstaf: string
  mixAandeel: string
  horizonJaren: string
  disconteringsvoet: string
  startjaar: string
}

export const legeRij = (): RijConcept => ({ organisatieId: '', eenmalig: '', jaarlijks: '', percentage: '', maatstafwaarde: '' })

export const leegConcept = (): Concept => ({
  naam: '',
  omschrijving: '',
  toelichting: '',
  samenwerkingId: '',
  deelnemers: [legeRij(), legeRij()],
  gezamenlijkEenmalig: '',
  gezamenlijkJaarlijks: '',
  sleutel: 'gelijke delen',
  maatstaf: '',
  mixAandeel: '50',
  horizonJaren: '10',
  disconteringsvoet: '3,5',
  startjaar: '',
})

type Verdeling = ScenarioInvoer['invoer']['verdeling']
type EnkeleRegel = Exclude<Verdeling, { soort: 'mix' }>

export function naarConcept(s: Scenario): Concept {
  const v = s.invoer.verdeling
  const regels: EnkeleRegel[] = v.soort === 'mix' ? v.componenten.map((c) => c.regel) : [v]
  const maatstafRegel = regels.find((r): r is Extract<EnkeleRegel, { soort: 'maatstaf' }> => r.soort === 'maatstaf')
  const percentageRegel = regels.find((r): r is Extract<EnkeleRegel, { soort: 'vast percentage' }> => r.soort === 'vast percentage')
  const mixMaatstaf = v.soort === 'mix' ? v.componenten.find((c) => c.regel.soort === 'maatstaf') : undefined
  const maatstaf = maatstafRegel?.maatstaf ?? ''
  return {
    naam: s.naam,
    omschrijving: s.omschrijving ?? '',
    toelichting: s.toelichting ?? '',
    samenwerkingId: s.samenwerkingId ?? '',
    deelnemers: s.invoer.deelnemers.map((d) => {
      const p = percentageRegel?.percentages.find((x) => x.deelnemerId === d.organisatieId)
      const m = s.invoer.maatstaven?.find((x) => x.organisatieId === d.organisatieId && x.maatstaf === maatstaf)
      return {
        organisatieId: d.organisatieId,
        eenmalig: centenAlsInvoer(d.huidigeKosten.eenmalig),
        jaarlijks: centenAlsInvoer(d.huidigeKosten.jaarlijks),
        percentage: p ? decimaalAlsInvoer(p.percentage, currentLanguage()) : '',
        maatstafwaarde: m ? decimaalAlsInvoer(m.waarde, currentLanguage()) : '',
      }
    }),
    gezamenlijkEenmalig: centenAlsInvoer(s.invoer.gezamenlijk.eenmalig),
    gezamenlijkJaarlijks: centenAlsInvoer(s.invoer.gezamenlijk.jaarlijks),
    sleutel: v.soort,
    maatstaf,
    mixAandeel: mixMaatstaf ? decimaalAlsInvoer(mixMaatstaf.aandeel, currentLanguage()) : '50',
    horizonJaren: String(s.invoer.horizonJaren),
    disconteringsvoet: decimaalAlsInvoer(s.invoer.disconteringsvoet, currentLanguage()),
    startjaar: s.invoer.startjaar === undefined ? '' : String(s.invoer.startjaar),
  }
}

/** Cents as the UI language writes them in a field ("12.345,67" or "12,345.67"). */
const centenAlsInvoer = (centen: number) => bedragAlsInvoer(centen, currentLanguage())

/** The API input, and messages (by API field name) for what could not be read, by the UI language's rule (i18n/getal-invoer.ts). */
export function naarInvoer(c: Concept, t: TFunction): { invoer: ScenarioInvoer; fouten: Record<string, string> } {
  const fouten: Record<string, string> = {}
  const lees = (soort: GetalSoort, tekst: string, veld: string) => {
    const r = leesGetal(soort, tekst)
    if (!r.ok) fouten[veld] = getalMelding(soort, r, t) ?? ''
    return r.ok ? r.waarde : undefined
  }
  const bedrag = (tekst: string, veld: string): number => (lees('bedrag', tekst, veld) as number | undefined) ?? 0
  const decimaal = (tekst: string, veld: string): string => String(lees('decimaal', tekst, veld) ?? '0')
  const geheel = (tekst: string, veld: string, soort: GetalSoort = 'aantal'): number =>
    (lees(soort, tekst, veld) as number | undefined) ?? Number.NaN
  const d = c.deelnemers
  const deelnemers = d.map((r, i) => ({
    organisatieId: r.organisatieId,
    huidigeKosten: {
      eenmalig: bedrag(r.eenmalig, `invoer.deelnemers[${i}].huidigeKosten.eenmalig`),
      jaarlijks: bedrag(r.jaarlijks, `invoer.deelnemers[${i}].huidigeKosten.jaarlijks`),
    },
  }))
  const maatstaf = c.maatstaf.trim()
  const maatstafRegel = { soort: 'maatstaf' as const, maatstaf }
  let verdeling: Verdeling
  switch (c.sleutel) {
    case 'vast percentage':
      verdeling = {
        soort: 'vast percentage',
        percentages: d.map((r, i) => ({
          deelnemerId: r.organisatieId,
          percentage: decimaal(r.percentage, `invoer.verdeling.percentages[${i}].percentage`),
        })),
      }
      break
    case 'maatstaf':
      verdeling = maatstafRegel
      break
    case 'mix': {
      const aandeel = decimaal(c.mixAandeel, 'invoer.verdeling.componenten[0].aandeel')
      const rest = Math.max(0, 100 - Number(aandeel))
      // 100 − aandeel, exact to 12 decimals: the API reads decimals exactly and wants 100 in total.
      const restTekst = Number.isFinite(rest) ? String(Number(rest.toFixed(12))) : '0'
      verdeling = {
        soort: 'mix',
        componenten: [
          { aandeel, regel: maatstafRegel },
          { aandeel: restTekst, regel: { soort: 'gelijke delen' } },
        ],
      }
      break
    }
    default:
      verdeling = { soort: 'gelijke delen' }
  }
  const maatstaven = metMaatstaf(c.sleutel)
    ? d.map((r, i) => ({ organisatieId: r.organisatieId, maatstaf, waarde: decimaal(r.maatstafwaarde, `invoer.maatstaven[${i}].waarde`) }))
    : undefined
  const voet = lees('decimaal', c.disconteringsvoet, 'invoer.disconteringsvoet') as string | undefined
  const invoer: ScenarioInvoer = {
    naam: c.naam,
    soort: 'nieuwe samenwerking',
    ...(c.omschrijving.trim() ? { omschrijving: c.omschrijving } : {}),
    ...(c.samenwerkingId ? { samenwerkingId: c.samenwerkingId } : {}),
    ...(c.toelichting.trim() ? { toelichting: c.toelichting } : {}),
    invoer: {
      deelnemers,
      gezamenlijk: {
        eenmalig: bedrag(c.gezamenlijkEenmalig, 'invoer.gezamenlijk.eenmalig'),
        jaarlijks: bedrag(c.gezamenlijkJaarlijks, 'invoer.gezamenlijk.jaarlijks'),
      },
      verdeling,
      ...(maatstaven ? { maatstaven } : {}),
      horizonJaren: geheel(c.horizonJaren, 'invoer.horizonJaren'),
      disconteringsvoet: voet === undefined ? 0 : Number(voet),
      ...(c.startjaar.trim() ? { startjaar: geheel(c.startjaar, 'invoer.startjaar', 'jaar') } : {}),
    },
  }
  return { invoer, fouten }
}
