import { BETAALTERMIJN_MAX_DAGEN } from '../../../../src/domain/betaling'
import {
  CONTROLE_DNS_TYPES,
  CONTROLE_METHODES,
  CONTROLE_SOORTEN,
  MELDINGSKANAAL_SOORTEN,
  WEBHOOK_FORMATEN,
} from '../../../../src/domain/monitoring/invoer'
import { JAAR_MAX, JAAR_MIN } from '../../../../src/domain/periode'
import { BEWIJS_SOORTEN } from '../../../../src/domain/vertrouwen/typen'
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

/** What every field may say besides its kind. */
interface VeldBasis {
  naam: string
  /** Its label under `veld.` when the name alone says too little (a toegang's `doel` is a purpose, a koppeling's a target). */
  label?: string
  /** Shown and sent only while another field has this value (the exit plan's location only with an exit plan). */
  alleenAls?: { veld: string; waarde: string | boolean | readonly string[] }
  /** Left off the detail page while empty (what only an import fills in). */
  verbergLeeg?: boolean
}

export type Veld = VeldBasis &
  (
    | {
        soort: 'tekst'
        verplicht?: boolean
        /** Required only when another field has this value (a gemeente's CBS-code). */
        verplichtAls?: { veld: string; waarde: string }
        max?: number
        invoer?: 'url'
      }
    | { soort: 'meertekst' }
    | { soort: 'keuze'; waarden: readonly string[]; verplicht?: boolean }
    | { soort: 'datum'; verplicht?: boolean }
    | { soort: 'getal'; verplicht?: boolean; stap?: string; min?: number; max?: number; jaartal?: boolean }
    | { soort: 'janee' }
    | { soort: 'ref'; doel: Soort; verplicht?: boolean }
    | { soort: 'refs'; doel: Soort; verplicht?: boolean; zonderLeveranciers?: boolean }
    | { soort: 'rijen'; velden: Veld[]; rij: string }
    | { soort: 'teksten'; rij: string }
    | { soort: 'eindpunt'; kant: 'bron' | 'doel' }
    /** What a toegang opens: an applicatie or koppeling from the registry, or a netwerkzone by name with its owner. */
    | { soort: 'toegangobject' }
    /** Named values kept from an imported file: shown, and sent back unchanged on an edit (no one types them). */
    | { soort: 'eigenschappen' }
  )

/** The i18n key of a field's label. */
export const labelSleutel = (veld: Veld) => `veld.${veld.label ?? veld.naam}`

/** Whether a field applies, given the rest of the form (or the object). */
export const geldt = (veld: Veld, waarden: Record<string, unknown> | undefined) => {
  const als = veld.alleenAls
  if (!als) return true
  if (waarden === undefined) return false
  const w = waarden[als.veld]
  // A list: any of its values (a controle's host applies to tls and tcp).
  return Array.isArray(als.waarde) ? als.waarde.includes(w as string) : w === als.waarde
}

export const TOEGANG_OBJECT_SOORTEN = ['applicatie', 'koppeling', 'netwerkzone'] as const

const statusMoment = (waarden: readonly string[]): Veld[] => [
  { naam: 'status', soort: 'keuze', waarden, verplicht: true },
  { naam: 'datum', soort: 'datum', verplicht: true },
]

/**
 * What an ArchiMate import keeps (issue 15): the element's identifier, matched again on the
 * next import, and its properties. In the form, so an edit (a PUT) does not drop them.
 */
const archimateId: Veld = { naam: 'archimateId', soort: 'tekst', max: LIMITS.korteTekst, verbergLeeg: true }
const uitImport: Veld[] = [archimateId, { naam: 'eigenschappen', soort: 'eigenschappen', verbergLeeg: true }]

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
    archimateId,
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
    { naam: 'referentiecomponentIds', soort: 'refs', doel: 'referentiecomponenten' },
    { naam: 'hosting', soort: 'keuze', waarden: APPLICATIE_HOSTING, verplicht: true },
    { naam: 'versie', soort: 'tekst', max: LIMITS.korteTekst },
    { naam: 'status', soort: 'keuze', waarden: APPLICATIE_STATUSSEN, verplicht: true },
    { naam: 'statusHistorie', soort: 'rijen', rij: 'statusmoment', velden: statusMoment(APPLICATIE_STATUSSEN) },
    { naam: 'inGebruikBij', soort: 'refs', doel: 'organisaties', zonderLeveranciers: true },
    { naam: 'toelichting', soort: 'meertekst' },
    ...uitImport,
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
    ...uitImport,
  ],
  // Trust (src/schemas/vertrouwen.ts). The upload of a bewijsstuk and the intrekking of a
  // toegang are no input: their own sections on the detail page show and change them.
  bewijsstukken: [
    { naam: 'organisatieId', label: 'partij', soort: 'ref', doel: 'organisaties', verplicht: true },
    { naam: 'soort', label: 'soortBewijsstuk', soort: 'keuze', waarden: BEWIJS_SOORTEN, verplicht: true },
    {
      naam: 'getekendMetId',
      soort: 'ref',
      doel: 'organisaties',
      verplicht: true,
      alleenAls: { veld: 'soort', waarde: 'verwerkersovereenkomst' },
    },
    { naam: 'uitgever', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'geldigVanaf', soort: 'datum', verplicht: true },
    { naam: 'geldigTot', soort: 'datum' },
    { naam: 'scope', soort: 'meertekst' },
    { naam: 'documentVerwijzing', soort: 'tekst', max: LIMITS.korteTekst },
    { naam: 'toelichting', soort: 'meertekst' },
  ],
  contracten: [
    { naam: 'omschrijving', label: 'levert', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'leverancierId', soort: 'ref', doel: 'organisaties', verplicht: true },
    { naam: 'afnemerId', soort: 'ref', doel: 'organisaties', verplicht: true },
    { naam: 'startdatum', label: 'ingangsdatum', soort: 'datum', verplicht: true },
    { naam: 'einddatum', soort: 'datum' },
    { naam: 'opzegtermijnMaanden', soort: 'getal', verplicht: true, min: 0, max: 120 },
    { naam: 'auditrecht', soort: 'janee' },
    { naam: 'exitstrategie', soort: 'janee' },
    { naam: 'exitstrategieVindplaats', soort: 'tekst', max: LIMITS.korteTekst, alleenAls: { veld: 'exitstrategie', waarde: true } },
    { naam: 'beveiligingseisen', soort: 'meertekst' },
    { naam: 'applicatieIds', soort: 'refs', doel: 'applicaties' },
    { naam: 'koppelingIds', soort: 'refs', doel: 'koppelingen' },
  ],
  toegangen: [
    { naam: 'partijId', soort: 'ref', doel: 'organisaties', verplicht: true },
    { naam: 'object', soort: 'toegangobject' },
    { naam: 'doel', label: 'doelToegang', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'verleendDoorId', soort: 'ref', doel: 'organisaties', verplicht: true },
    { naam: 'geldigVanaf', soort: 'datum', verplicht: true },
    { naam: 'geldigTot', soort: 'datum' },
    { naam: 'laatsteBeoordeling', soort: 'datum' },
    { naam: 'beoordelaar', soort: 'tekst', max: LIMITS.korteTekst },
  ],
  // Monitoring (src/schemas/monitoring.ts). These lists drive the detail pages; the forms
  // are features/monitoring/*Formulier.tsx (fields per soort, write-only secrets). A
  // secret never comes back: geheimenIngesteld and webhookUrlWeergave say what is stored.
  controles: [
    { naam: 'naam', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'koppelingId', soort: 'ref', doel: 'koppelingen' },
    { naam: 'applicatieId', soort: 'ref', doel: 'applicaties' },
    { naam: 'soort', label: 'soortControle', soort: 'keuze', waarden: CONTROLE_SOORTEN, verplicht: true },
    { naam: 'url', soort: 'tekst', alleenAls: { veld: 'soort', waarde: 'http' } },
    { naam: 'methode', soort: 'keuze', waarden: CONTROLE_METHODES, alleenAls: { veld: 'soort', waarde: 'http' } },
    { naam: 'verwachteStatus', soort: 'tekst', alleenAls: { veld: 'soort', waarde: 'http' } },
    { naam: 'host', soort: 'tekst', alleenAls: { veld: 'soort', waarde: ['tls', 'tcp'] } },
    { naam: 'poort', soort: 'getal', alleenAls: { veld: 'soort', waarde: ['tls', 'tcp'] } },
    { naam: 'servernaam', soort: 'tekst', alleenAls: { veld: 'soort', waarde: 'tls' } },
    { naam: 'minDagenGeldig', soort: 'getal', alleenAls: { veld: 'soort', waarde: 'tls' } },
    { naam: 'dnsNaam', soort: 'tekst', alleenAls: { veld: 'soort', waarde: 'dns' } },
    { naam: 'dnsType', soort: 'keuze', waarden: CONTROLE_DNS_TYPES, alleenAls: { veld: 'soort', waarde: 'dns' } },
    { naam: 'dnsVerwacht', soort: 'tekst', alleenAls: { veld: 'soort', waarde: 'dns' } },
    { naam: 'intervalSeconden', soort: 'getal', verplicht: true },
    { naam: 'timeoutMs', soort: 'getal', verplicht: true },
    { naam: 'pogingen', soort: 'getal' },
    { naam: 'foutenVoorStoring', soort: 'getal' },
    { naam: 'successenVoorHerstel', soort: 'getal' },
    { naam: 'actief', soort: 'janee' },
  ],
  onderhoudsvensters: [
    { naam: 'reden', label: 'redenOnderhoud', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'van', label: 'vanOnderhoud', soort: 'datum', verplicht: true },
    { naam: 'tot', label: 'totOnderhoud', soort: 'datum', verplicht: true },
    { naam: 'controleId', soort: 'ref', doel: 'controles' },
    { naam: 'koppelingId', soort: 'ref', doel: 'koppelingen' },
    { naam: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
  ],
  meldingskanalen: [
    { naam: 'naam', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'organisatieId', soort: 'ref', doel: 'organisaties', verplicht: true },
    { naam: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
    { naam: 'soort', label: 'soortKanaal', soort: 'keuze', waarden: MELDINGSKANAAL_SOORTEN, verplicht: true },
    { naam: 'formaat', soort: 'keuze', waarden: WEBHOOK_FORMATEN, alleenAls: { veld: 'soort', waarde: 'webhook' } },
    { naam: 'webhookUrlWeergave', soort: 'tekst', alleenAls: { veld: 'soort', waarde: 'webhook' } },
    { naam: 'ontvangers', soort: 'teksten', rij: 'ontvanger', alleenAls: { veld: 'soort', waarde: 'email' } },
    { naam: 'gebeurtenissen', soort: 'teksten', rij: 'gebeurtenis' },
    { naam: 'certificaatDagen', soort: 'teksten', rij: 'dagen' },
    { naam: 'actief', soort: 'janee' },
  ],
  referentiecomponenten: [
    { naam: 'naam', soort: 'tekst', verplicht: true, max: LIMITS.naam },
    { naam: 'gemmaId', soort: 'tekst', max: LIMITS.korteTekst },
    { naam: 'omschrijving', soort: 'meertekst' },
    { naam: 'toelichting', soort: 'meertekst' },
    archimateId,
  ],
}

/** The API field names an eindpunt stands for. */
export const eindpuntVelden = (kant: 'bron' | 'doel') => ({
  app: `${kant}ApplicatieId`,
  voorziening: `${kant}Voorziening`,
  overig: `${kant}VoorzieningOverig`,
})
