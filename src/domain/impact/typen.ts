import type { Message } from '../errors.js'
import type { BivNiveau } from '../vocabulary.js'

// The dependency graph's rows and the impact analysis's questions and answers, as plain
// data. The graph (graaf.ts) holds these rows and indexes over them; the analysis
// (analyse.ts) reads only the graph. Dates are 'YYYY-MM-DD'.

export type Datum = string

export interface GraafOrganisatie {
  id: string
  naam: string
  type: string
}

export interface GraafLid {
  organisatieId: string
  startdatum: Datum | null
  einddatum: Datum | null
  /** Only a confirmed lid shares anything (registry rule). */
  bevestigd: boolean
}

export interface GraafSamenwerking {
  id: string
  naam: string
  startdatum: Datum | null
  einddatum: Datum | null
  leden: GraafLid[]
}

export interface GraafGastheerschap {
  id: string
  taak: string
  gastheerId: string
  samenwerkingId: string | null
  afnemerIds: string[]
  startdatum: Datum
  einddatum: Datum | null
}

export interface GraafApplicatie {
  id: string
  naam: string
  leverancierId: string | null
  /** The organisations that use it. */
  gebruikerIds: string[]
  hosting: string
  status: string
}

export interface GraafKoppeling {
  id: string
  naam: string
  bronApplicatieId: string | null
  /** A landelijke voorziening at this end, by its name (`overig`: its own name). */
  bronVoorziening: string | null
  doelApplicatieId: string | null
  doelVoorziening: string | null
  /** The intermediary the data passes (a Gegevensmakelaar, a servicebus). */
  viaApplicatieId: string | null
  eigenaarId: string | null
  gastheerschapId: string | null
  samenwerkingId: string | null
  vertrouwelijkheid: BivNiveau
  persoonsgegevens: boolean
  standaard: string | null
  standaardVersie: string | null
  status: string
}

export interface GraafContract {
  id: string
  leverancierId: string
  afnemerId: string
  omschrijving: string
  exitstrategie: boolean
  applicatieIds: string[]
  koppelingIds: string[]
}

export interface GraafToegang {
  id: string
  partijId: string
  verleendDoorId: string
  doel: string
  /** Absent (null): until revoked. */
  geldigTot: Datum | null
  object: { soort: 'applicatie' | 'koppeling'; id: string } | { soort: 'netwerkzone'; naam: string }
}

/** Everything the graph is built from. */
export interface GraafRijen {
  organisaties: GraafOrganisatie[]
  samenwerkingen: GraafSamenwerking[]
  gastheerschappen: GraafGastheerschap[]
  applicaties: GraafApplicatie[]
  koppelingen: GraafKoppeling[]
  contracten: GraafContract[]
  toegangen: GraafToegang[]
}

// ---------------------------------------------------------------- the question

export const WIJZIGING_SOORTEN = [
  'uittreden',
  'gastheer stopt',
  'leverancier vervangen',
  'leverancier failliet',
  'applicatie uitfaseren',
  'applicatie vervangen',
  'uitbesteden',
  'standaard wijzigt',
  'endpoint wijzigt',
] as const
export type WijzigingSoort = (typeof WIJZIGING_SOORTEN)[number]

/**
 * One change of a scenario. A scenario combines several; each has the date it takes
 * effect. Ids are the registry's UUIDs.
 */
export type Wijziging =
  /** Leaves a samenwerking (every gastheerschap in it), or stops being afnemer of one gastheerschap. */
  | { soort: 'uittreden'; datum: Datum; organisatieId: string; samenwerkingId?: string; gastheerschapId?: string }
  | { soort: 'gastheer stopt'; datum: Datum; gastheerschapId: string }
  | { soort: 'leverancier vervangen'; datum: Datum; leverancierId: string; nieuweLeverancierId?: string }
  | { soort: 'leverancier failliet'; datum: Datum; leverancierId: string }
  | { soort: 'applicatie uitfaseren'; datum: Datum; applicatieId: string }
  | { soort: 'applicatie vervangen'; datum: Datum; applicatieId: string; vervangerId?: string }
  /** Moves applicaties (or the infrastructure under them) of an organisation to another party. */
  | { soort: 'uitbesteden'; datum: Datum; organisatieId: string; applicatieIds: string[]; partijId: string }
  /** Every koppeling on this standard (and version, if given) must move. */
  | { soort: 'standaard wijzigt'; datum: Datum; standaard: string; versie?: string; nieuweVersie?: string }
  /** The applicatie's endpoint (address, certificate) changes: every koppeling to or through it must follow. */
  | { soort: 'endpoint wijzigt'; datum: Datum; applicatieId: string }

// ---------------------------------------------------------------- the answer

export type PadSoort = 'organisatie' | 'applicatie' | 'voorziening' | 'koppeling' | 'gastheerschap' | 'samenwerking'

/** One step of the path that explains a consequence. */
export interface PadStap {
  soort: PadSoort
  /** UUID, or `voorziening:<name>` for a landelijke voorziening. */
  id: string
  naam: string
  /** The koppeling that led to this step (absent for the first step and for "uses"). */
  viaKoppelingId?: string
}

export type Betrokkenheid = 'direct' | 'via tussenschakel'

export interface GeraakteKoppeling {
  id: string
  naam: string
  vertrouwelijkheid: BivNiveau
  persoonsgegevens: boolean
  betrokkenheid: Betrokkenheid
  /** Via tussenschakel: the intermediary the walk came through. */
  tussenschakelId?: string
  /** From the organisation that loses something to this koppeling. */
  pad: PadStap[]
  /** The organisation that must act (its eigenaar, else the gastheer, else who loses it). */
  eigenaarId: string
  /** The organisations that lose or must change it. */
  betrokkenIds: string[]
  actie: Message
  /** Which changes of the scenario reach it (indexes into the question). */
  wijzigingen: number[]
}

export interface GeraakteApplicatie {
  id: string
  naam: string
  pad: PadStap[]
  eigenaarId: string
  betrokkenIds: string[]
  actie: Message
  wijzigingen: number[]
}

export interface GeraaktGastheerschap {
  id: string
  taak: string
  gastheerId: string
  eigenaarId: string
  betrokkenIds: string[]
  actie: Message
  wijzigingen: number[]
}

export interface GeraaktContract {
  id: string
  omschrijving: string
  leverancierId: string
  eigenaarId: string
  actie: Message
  wijzigingen: number[]
}

export interface GeraakteToegang {
  id: string
  partijId: string
  eigenaarId: string
  actie: Message
  wijzigingen: number[]
}

export type OrganisatieRol = 'uittreder' | 'gastheer' | 'afnemer' | 'gebruiker' | 'eigenaar' | 'leverancier' | 'nieuwe partij'

export interface GeraakteOrganisatie {
  id: string
  naam: string
  rollen: OrganisatieRol[]
  /** How many consequences it must act on (it is eigenaar of). */
  acties: number
}

/** A loop of koppelingen through intermediaries: the walk stopped there and says so. */
export interface Kringloop {
  pad: PadStap[]
}

export interface ImpactResultaat {
  gastheerschappen: GeraaktGastheerschap[]
  /** Vertrouwelijkheid hoog or persoonsgegevens first, then by name. */
  koppelingen: GeraakteKoppeling[]
  applicaties: GeraakteApplicatie[]
  organisaties: GeraakteOrganisatie[]
  contracten: GeraaktContract[]
  toegangen: GeraakteToegang[]
  kringlopen: Kringloop[]
}
