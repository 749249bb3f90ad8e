import type {
  APPLICATIE_HOSTING,
  APPLICATIE_STATUSSEN,
  BivNiveau,
  KOPPELING_RICHTINGEN,
  KOPPELING_STATUSSEN,
  KOPPELING_TYPES,
  LandelijkeVoorziening,
  OrganisatieType,
  SAMENWERKING_VORMEN,
} from '../vocabulary.js'

// The inputs of the five registry resources, as the domain rules read them. The TypeBox
// schema module of the same name describes the same shapes for validation and the
// OpenAPI document, and fails the type check when the two drift apart. Type aliases,
// not interfaces, so an input stays assignable to Record<string, unknown>.

type Een<T extends readonly string[]> = T[number]

export type OrganisatieInvoer = {
  type: OrganisatieType
  naam: string
  oin?: string
  cbsCode?: string
  inwoners?: { jaar: number; aantal: number; bron?: string }[]
  website?: string
  toelichting?: string
  iban?: string
  betaaltermijnDagen?: number
  archimateId?: string
}

export type SamenwerkingInvoer = {
  naam: string
  vorm: Een<typeof SAMENWERKING_VORMEN>
  omschrijving?: string
  startdatum?: string
  einddatum?: string
  leden: { organisatieId: string; startdatum?: string; einddatum?: string }[]
  toelichting?: string
}

export type GastheerschapInvoer = {
  taak: string
  omschrijving?: string
  gastheerId: string
  afnemerIds: string[]
  samenwerkingId?: string
  dvoReferentie?: string
  startdatum: string
  einddatum?: string
  beschikbaarheidsdoel?: number
  serviceniveau?: string
  kostenafspraak?: string
  toelichting?: string
}

export type ApplicatieInvoer = {
  naam: string
  omschrijving?: string
  leverancierId?: string
  referentiecomponentIds?: string[]
  hosting: Een<typeof APPLICATIE_HOSTING>
  versie?: string
  status: Een<typeof APPLICATIE_STATUSSEN>
  statusHistorie?: { status: Een<typeof APPLICATIE_STATUSSEN>; datum: string }[]
  inGebruikBij: string[]
  toelichting?: string
  archimateId?: string
  eigenschappen?: Eigenschap[]
}

export type KoppelingInvoer = {
  naam: string
  omschrijving?: string
  bronApplicatieId?: string
  bronVoorziening?: LandelijkeVoorziening
  bronVoorzieningOverig?: string
  doelApplicatieId?: string
  doelVoorziening?: LandelijkeVoorziening
  doelVoorzieningOverig?: string
  viaApplicatieId?: string
  type: Een<typeof KOPPELING_TYPES>
  richting: Een<typeof KOPPELING_RICHTINGEN>
  status: Een<typeof KOPPELING_STATUSSEN>
  statusHistorie?: { status: Een<typeof KOPPELING_STATUSSEN>; datum: string }[]
  standaard?: string
  standaardVersie?: string
  gegevenscategorieen: string[]
  persoonsgegevens: boolean
  beschikbaarheid: BivNiveau
  integriteit: BivNiveau
  vertrouwelijkheid: BivNiveau
  eigenaarId?: string
  gastheerschapId?: string
  samenwerkingId?: string
  endpoint?: string
  toelichting?: string
  archimateId?: string
  eigenschappen?: Eigenschap[]
}

/**
 * A GEMMA reference component (e.g. "Zaakregistratiecomponent"): the function an applicatie
 * fulfils in the GEMMA reference architecture, so applications of different partners can
 * be compared for harmonisation. `gemmaId` is the component's id in GEMMA (e.g. its GUID).
 */
export type ReferentiecomponentInvoer = {
  naam: string
  gemmaId?: string
  omschrijving?: string
  toelichting?: string
  archimateId?: string
}

/** A named value kept from an imported file (e.g. an ArchiMate property such as "Object ID"). */
export type Eigenschap = { naam: string; waarde: string }
