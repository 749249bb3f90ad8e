import type { Message } from '../errors.js'
import type { ApplicatieInvoer, KoppelingInvoer, OrganisatieInvoer, ReferentiecomponentInvoer } from '../typen/registry.js'
import type { LandelijkeVoorziening } from '../vocabulary.js'

// What an ArchiMate import would do, before anything is written: per object whether it is
// created or merged with an existing record (and on what it matched), what in the file is
// skipped and why, and which values were assumed because the file does not say them.

/** How an element of the file was matched to an existing record. */
export type Overeenkomst = 'identificatie' | 'cbs-code' | 'oin' | 'gemma-id' | 'naam' | 'naam-en-uiteinden'

export type PlanActie = 'aanmaken' | 'samenvoegen'

export interface PlanRegel<TInvoer> {
  /** The identifiers in the file this object comes from (two for a koppeling through a via). */
  elementIds: string[]
  regel?: number
  naam: string
  actie: PlanActie
  /** The id the object gets (aanmaken) or has (samenvoegen). */
  id: string
  /** samenvoegen: on what it matched. */
  overeenkomst?: Overeenkomst
  /** aanmaken: the whole input; samenvoegen: only what is added to the existing record (missing users, reference components, archimateId), empty when nothing is. */
  invoer: Partial<TInvoer>
}

export interface Overgeslagen {
  elementId: string
  regel?: number
  /** The ArchiMate type, e.g. "BusinessProcess" or "Flow". */
  soort: string
  naam?: string
  reden: Message
}

/** A value the file does not give, filled in so the object is complete (e.g. hosting, BIV classification). */
export interface Aanname {
  elementId: string
  regel?: number
  veld: string
  waarde: string
  reden: Message
}

export interface ImportPlan {
  organisaties: PlanRegel<OrganisatieInvoer>[]
  referentiecomponenten: PlanRegel<ReferentiecomponentInvoer>[]
  applicaties: PlanRegel<ApplicatieInvoer>[]
  koppelingen: PlanRegel<KoppelingInvoer>[]
  overgeslagen: Overgeslagen[]
  aannames: Aanname[]
}

// The landscape already registered, as far as matching needs it.

export interface BestaandeOrganisatie {
  id: string
  naam: string
  type: string
  cbsCode?: string
  oin?: string
  archimateId?: string
}

export interface BestaandeReferentiecomponent {
  id: string
  naam: string
  gemmaId?: string
  archimateId?: string
}

export interface BestaandeApplicatie {
  id: string
  naam: string
  archimateId?: string
  inGebruikBij: string[]
  referentiecomponentIds: string[]
}

export interface BestaandeKoppeling {
  id: string
  naam: string
  archimateId?: string
  bronApplicatieId?: string
  doelApplicatieId?: string
  bronVoorziening?: LandelijkeVoorziening
  doelVoorziening?: LandelijkeVoorziening
}

export interface BestaandLandschap {
  organisaties: BestaandeOrganisatie[]
  referentiecomponenten: BestaandeReferentiecomponent[]
  applicaties: BestaandeApplicatie[]
  koppelingen: BestaandeKoppeling[]
}

/** What is exported: the objects the caller may see (of one samenwerking, or all), as stored. */
export interface ExportLandschap {
  /** The model's name, e.g. the samenwerking's or "Regiekamer". */
  naam: string
  organisaties: (OrganisatieInvoer & { id: string })[]
  referentiecomponenten: (ReferentiecomponentInvoer & { id: string })[]
  applicaties: (ApplicatieInvoer & { id: string })[]
  koppelingen: (KoppelingInvoer & { id: string })[]
}
