import { BETAALTERMIJN_MAX_DAGEN } from '../../../../src/domain/betaling'
import { JAAR_MAX, JAAR_MIN } from '../../../../src/domain/periode'
import {
  APPLICATIE_HOSTING,
  APPLICATIE_STATUSSEN,
  BIV_NIVEAUS,
  KOPPELING_RICHTINGEN,
  KOPPELING_STATUSSEN,
  KOPPELING_TYPES,
  LIMITS,
  ORGANISATIE_TYPES,
  SAMENWERKING_VORMEN,
} from '../../../../src/domain/vocabulary'
import type { Soort } from './soorten'

// Every field of the *Invoer schemas (src/schemas/registry.ts), in the order a person
// fills them in. The same list drives the form and the detail page, so both show
// every field and nothing else.

export type Veld =
  | {
      naam: string
      soort: 'tekst'
      verplicht?: boolean
      /** Required only when another field has this value (a gemeente's CBS-code). */
      verplichtAls?: { veld: string; waarde: string }
      max?: number
      invoer?: 'url'
    }
  | { naam: string; soort: 'meertekst' }
  | { naam: string; soort: 'keuze'; waarden: readonly string[]; verplicht?: boolean }
  | { naam: string; soort: 'datum'; verplicht?: boolean }
  | { naam: string; soort: 'getal'; verplicht?: boolean; stap?: string; min?: number; max?: number; jaartal?: boolean }
  | { naam: string; soort: 'janee' }
  | { naam: string; soort: 'ref'; doel: Soort; verplicht?: boolean }
  | { naam: string; soort: 'refs'; doel: Soort; verplicht?: boolean; zonderLeveranciers?: boolean }
  | { naam: string; soort: 'rijen'; velden: Veld[]; rij: string }
  | { naam: string; soort: 'teksten'; rij: string }
  | { naam: string; soort: 'eindpunt'; kant: 'bron' | 'doel' }

const statusMoment = (waarden: readonly string[]): Veld[] => [
  { naam: 'status', soort: 'keuze', waarden, verplicht: true },
  { naam: 'datum', soort: 'datum', verplicht: true },
]

export const VELDEN: Record<Soort, Veld[]> = {
  organisaties: [
    { naam: 'naam', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'type', soort: 'keuze', waarden: ORGANISATIE_TYPES, verplicht: true },
    { naam: 'cbsCode', soort: 'tekst', verplichtAls: { veld: 'type', waarde: 'gemeente' } },
    { naam: 'oin', soort: 'tekst' },
    { naam: 'website', soort: 'tekst', invoer: 'url', max: LIMITS.url },
    // Printed on the organisation's declaraties (IBAN shown in groups of four, the term in days).
    { naam: 'iban', soort: 'tekst', max: 50 },
    { naam: 'betaaltermijnDagen', soort: 'getal', min: 0, max: BETAALTERMIJN_MAX_DAGEN },
    {
      naam: 'inwoners',
      soort: 'rijen',
      rij: 'inwonertal',
      velden: [
        { naam: 'jaar', soort: 'getal', verplicht: true, min: JAAR_MIN, max: JAAR_MAX, jaartal: true },
        { naam: 'aantal', soort: 'getal', verplicht: true, min: 0 },
        { naam: 'bron', soort: 'tekst', max: LIMITS.korteTekst },
      ],
    },
    { naam: 'toelichting', soort: 'meertekst' },
  ],
  samenwerkingen: [
    { naam: 'naam', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'vorm', soort: 'keuze', waarden: SAMENWERKING_VORMEN, verplicht: true },
    { naam: 'omschrijving', soort: 'meertekst' },
    { naam: 'startdatum', soort: 'datum' },
    { naam: 'einddatum', soort: 'datum' },
    {
      naam: 'leden',
      soort: 'rijen',
      rij: 'lid',
      velden: [
        { naam: 'organisatieId', soort: 'ref', doel: 'organisaties', verplicht: true },
        { naam: 'startdatum', soort: 'datum' },
        { naam: 'einddatum', soort: 'datum' },
      ],
    },
    { naam: 'toelichting', soort: 'meertekst' },
  ],
  gastheerschappen: [
    { naam: 'taak', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'omschrijving', soort: 'meertekst' },
    { naam: 'gastheerId', soort: 'ref', doel: 'organisaties', verplicht: true },
    { naam: 'afnemerIds', soort: 'refs', doel: 'organisaties', verplicht: true },
    { naam: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
    { naam: 'dvoReferentie', soort: 'tekst', max: LIMITS.korteTekst },
    { naam: 'startdatum', soort: 'datum', verplicht: true },
    { naam: 'einddatum', soort: 'datum' },
    { naam: 'beschikbaarheidsdoel', soort: 'getal', stap: 'any', min: 0, max: 100 },
    { naam: 'serviceniveau', soort: 'meertekst' },
    { naam: 'kostenafspraak', soort: 'meertekst' },
    { naam: 'toelichting', soort: 'meertekst' },
  ],
  applicaties: [
    { naam: 'naam', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'omschrijving', soort: 'meertekst' },
    { naam: 'leverancierId', soort: 'ref', doel: 'organisaties' },
    { naam: 'gemmaReferentiecomponent', soort: 'tekst', max: LIMITS.korteTekst },
    { naam: 'hosting', soort: 'keuze', waarden: APPLICATIE_HOSTING, verplicht: true },
    { naam: 'versie', soort: 'tekst', max: LIMITS.korteTekst },
    { naam: 'status', soort: 'keuze', waarden: APPLICATIE_STATUSSEN, verplicht: true },
    { naam: 'statusHistorie', soort: 'rijen', rij: 'statusmoment', velden: statusMoment(APPLICATIE_STATUSSEN) },
    { naam: 'inGebruikBij', soort: 'refs', doel: 'organisaties', zonderLeveranciers: true },
    { naam: 'toelichting', soort: 'meertekst' },
  ],
  koppelingen: [
    { naam: 'naam', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'omschrijving', soort: 'meertekst' },
    { naam: 'bron', soort: 'eindpunt', kant: 'bron' },
    { naam: 'doel', soort: 'eindpunt', kant: 'doel' },
    { naam: 'viaApplicatieId', soort: 'ref', doel: 'applicaties' },
    { naam: 'type', soort: 'keuze', waarden: KOPPELING_TYPES, verplicht: true },
    { naam: 'richting', soort: 'keuze', waarden: KOPPELING_RICHTINGEN, verplicht: true },
    { naam: 'status', soort: 'keuze', waarden: KOPPELING_STATUSSEN, verplicht: true },
    { naam: 'statusHistorie', soort: 'rijen', rij: 'statusmoment', velden: statusMoment(KOPPELING_STATUSSEN) },
    { naam: 'standaard', soort: 'tekst', max: LIMITS.korteTekst },
    { naam: 'standaardVersie', soort: 'tekst', max: LIMITS.korteTekst },
    { naam: 'gegevenscategorieen', soort: 'teksten', rij: 'gegevenscategorie' },
    { naam: 'persoonsgegevens', soort: 'janee' },
    { naam: 'beschikbaarheid', soort: 'keuze', waarden: BIV_NIVEAUS, verplicht: true },
    { naam: 'integriteit', soort: 'keuze', waarden: BIV_NIVEAUS, verplicht: true },
    { naam: 'vertrouwelijkheid', soort: 'keuze', waarden: BIV_NIVEAUS, verplicht: true },
    { naam: 'eigenaarId', soort: 'ref', doel: 'organisaties' },
    { naam: 'gastheerschapId', soort: 'ref', doel: 'gastheerschappen' },
    { naam: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
    { naam: 'endpoint', soort: 'tekst', invoer: 'url', max: LIMITS.url },
    { naam: 'toelichting', soort: 'meertekst' },
  ],
}

/** The API field names an eindpunt stands for. */
export const eindpuntVelden = (kant: 'bron' | 'doel') => ({
  app: `${kant}ApplicatieId`,
  voorziening: `${kant}Voorziening`,
  overig: `${kant}VoorzieningOverig`,
})
