import type { Message } from '../errors.js'
import type { BivNiveau, KOPPELING_STATUSSEN, OrganisatieType } from '../vocabulary.js'

// Plain data of the trust capability (issue 12): evidence, supplier contracts, access
// grants, the policy as data, and the findings where reality breaks it. Type aliases in
// camelCase like the API, so a TypeBox schema can prove it describes exactly these
// (typen/gelijk.ts). Ids are UUID strings, dates 'YYYY-MM-DD' (Europe/Amsterdam); "now"
// is the `peildatum` the caller derives from its Klok.

/** A calendar date, 'YYYY-MM-DD'. */
export type Datum = string

export type KoppelingStatus = (typeof KOPPELING_STATUSSEN)[number]

// ---------------------------------------------------------------- bewijsstukken

export const BEWIJS_SOORTEN = [
  'iso27001',
  'isae3402-type2',
  'soc2-type2',
  'verwerkersovereenkomst',
  'geheimhoudingsverklaring',
  'pentest',
  'ensia',
  'digid-assessment',
  'suwinet-assessment',
] as const
export type BewijsSoort = (typeof BEWIJS_SOORTEN)[number]

/** Evidence that a party is trustworthy, as a person enters it. */
export type BewijsstukInvoer = {
  /** The party the evidence is about. */
  organisatieId: string
  soort: BewijsSoort
  /** Who issued it: the certifying body, the auditor, the signing municipality. */
  uitgever: string
  geldigVanaf: Datum
  /** Absent: open-ended (e.g. a verwerkersovereenkomst without end date). */
  geldigTot?: Datum
  /** What the certificate covers (ISO 27001 scope statement). */
  scope?: string
  /**
   * For a verwerkersovereenkomst: the organisation (municipality) it was signed with.
   * Required for that soort (a rule, not the schema); meaningless for other soorten.
   */
  getekendMetId?: string
  /** Where the document is kept, when it is not uploaded. */
  documentVerwijzing?: string
  toelichting?: string
}

/** Metadata of an uploaded document; the storage layer fills it from the bytes. */
export type Bijlage = {
  bestandsnaam: string
  mediatype: string
  /** Bytes. */
  grootte: number
  /** Hex SHA-256 of the bytes. */
  sha256: string
}

export type Bewijsstuk = BewijsstukInvoer & { id: string; bijlage?: Bijlage }

// ---------------------------------------------------------------- contracten

/** A supplier contract (the contract register the BIO asks for). */
export type ContractInvoer = {
  leverancierId: string
  /** The organisation that holds the contract (whose policy applies to it). */
  afnemerId: string
  /** What it delivers. */
  omschrijving: string
  startdatum: Datum
  einddatum?: Datum
  /** Integer ≥ 0. */
  opzegtermijnMaanden: number
  auditrecht: boolean
  exitstrategie: boolean
  /** Where the exit plan is written down. */
  exitstrategieVindplaats?: string
  beveiligingseisen?: string
  applicatieIds: string[]
  koppelingIds: string[]
}

export type Contract = ContractInvoer & { id: string }

// ---------------------------------------------------------------- toegangen

/** What a grant gives access to: a registered applicatie or koppeling, or a network zone by name. */
export type ToegangObject = { soort: 'applicatie' | 'koppeling'; id: string } | { soort: 'netwerkzone'; naam: string; eigenaarId: string }

/** An access grant: party → applicatie, koppeling or netwerkzone. */
export type ToegangInvoer = {
  /** Who gets access. */
  partijId: string
  object: ToegangObject
  /** Purpose. */
  doel: string
  /** The organisation that granted it: the owner of what is accessed. Its policy applies. */
  verleendDoorId: string
  geldigVanaf: Datum
  /** Absent: until revoked. */
  geldigTot?: Datum
  /** Last herbeoordeling; absent: never reviewed (geldigVanaf counts as the grant's review). */
  laatsteBeoordeling?: Datum
  beoordelaar?: string
}

export type Toegang = ToegangInvoer & { id: string }

// ---------------------------------------------------------------- beleid

export const ERNST_NIVEAUS = ['hoog', 'middel', 'laag'] as const
export type Ernst = (typeof ERNST_NIVEAUS)[number]

/** Fields every rule has. */
type RegelBasis = {
  /** Stable within the policy: part of every finding's sleutel. */
  id: string
  ernst: Ernst
  /** The control behind the rule, e.g. 'BIO 9.2.5; BIO2 5.18'. */
  maatregel: string
  /** Applies only to parties of these types; absent: to every party. */
  partijTypes?: OrganisatieType[]
  /** Why the rule exists, for the policy's readers. */
  toelichting?: string
}

/**
 * Access to an applicatie or koppeling with vertrouwelijkheid ≥ `vanafVertrouwelijkheid`,
 * or with persoonsgegevens when `bijPersoonsgegevens`, or (when `netwerkzones`) to any
 * network zone, requires evidence valid on the peildatum: every soort in `alleVan`, at
 * least one in `eenVan` (when not empty), and when `verwerkersovereenkomstMetEigenaar` a
 * verwerkersovereenkomst signed with the granting organisation.
 */
export type VereistBewijsRegel = RegelBasis & {
  soort: 'vereist-bewijs'
  vanafVertrouwelijkheid?: BivNiveau
  bijPersoonsgegevens: boolean
  netwerkzones: boolean
  alleVan: BewijsSoort[]
  eenVan: BewijsSoort[]
  verwerkersovereenkomstMetEigenaar: boolean
}

/** A grant's last review (never reviewed: its geldigVanaf) is at most `maxMaanden` months before the peildatum. */
export type HerbeoordelingRegel = RegelBasis & { soort: 'herbeoordeling'; maxMaanden: number }

/**
 * Evidence that another rule of the same policy relies on expires within `dagen` days
 * (geldigTot − peildatum ≤ dagen) and no successor of the same soort takes over: a
 * finding before the rule breaks.
 */
export type VerloopwaarschuwingRegel = RegelBasis & { soort: 'verloopwaarschuwing'; dagen: number }

/** A supplier contract active on the peildatum has a right to audit and/or an exit strategy. */
export type ContracteisenRegel = RegelBasis & { soort: 'contracteisen'; auditrecht: boolean; exitstrategie: boolean }

/**
 * A party with an active grant or contract under the policy has evidence of one of
 * `soorten` issued at most `maxMaanden` months ago (geldigVanaf in that window) and valid
 * on the peildatum: yearly independent assurance.
 */
export type JaarlijkseAssuranceRegel = RegelBasis & { soort: 'jaarlijkse-assurance'; soorten: BewijsSoort[]; maxMaanden: number }

/**
 * A party whose active grants or contracts touch an applicatie or koppeling with
 * persoonsgegevens has, per owner (granting organisation / contract holder), a
 * verwerkersovereenkomst signed with that owner, valid on the peildatum.
 */
export type VerwerkersovereenkomstRegel = RegelBasis & { soort: 'verwerkersovereenkomst-bij-persoonsgegevens' }

/**
 * Every koppeling an active grant or contract names is in the register, has an owner
 * (eigenaarId), and has none of `verbodenStatussen` (ended: 'teruggetrokken').
 */
export type KoppelingregisterRegel = RegelBasis & { soort: 'koppelingregister'; verbodenStatussen: KoppelingStatus[] }

export type BeleidsRegel =
  | VereistBewijsRegel
  | HerbeoordelingRegel
  | VerloopwaarschuwingRegel
  | ContracteisenRegel
  | JaarlijkseAssuranceRegel
  | VerwerkersovereenkomstRegel
  | KoppelingregisterRegel

export type RegelSoort = BeleidsRegel['soort']

export const REGEL_SOORTEN = [
  'vereist-bewijs',
  'herbeoordeling',
  'verloopwaarschuwing',
  'contracteisen',
  'jaarlijkse-assurance',
  'verwerkersovereenkomst-bij-persoonsgegevens',
  'koppelingregister',
] as const satisfies readonly RegelSoort[]

/**
 * The trust policy as data. Which policy applies to a grant or contract (see
 * evaluatie.ts, `beleidVoorOrganisatie`): the protected organisation is the grant's
 * verleendDoorId or the contract's afnemerId; every policy it owns (eigenaarId) and every
 * policy adopted by a samenwerking it is a lid of on the peildatum applies, all of them
 * together; an organisation without any gets the default policies (no eigenaarId and no
 * samenwerkingIds). Pass only the current version of each policy.
 */
export type VertrouwensbeleidInvoer = {
  /** The organisation whose systems it protects; absent for the shipped default. */
  eigenaarId?: string
  naam: string
  /** Integer ≥ 1; raised on every change. */
  versie: number
  /** Samenwerkingen that adopted it: it applies to their leden too. */
  samenwerkingIds: string[]
  regels: BeleidsRegel[]
}

export type Vertrouwensbeleid = VertrouwensbeleidInvoer & { id: string }

// ---------------------------------------------------------------- bevindingen

/** Evidence that would fix a finding: one of `eenVan`, signed with `getekendMetId` when given, valid on `geldigOp`. */
export type BewijsEis = {
  eenVan: BewijsSoort[]
  getekendMetId?: string
  /** Issued on or after this date (yearly assurance). */
  uitgegevenVanaf?: Datum
  geldigOp: Datum
}

/** Where reality breaks a rule. */
export type Bevinding = {
  /**
   * Stable and deterministic: `beleidId/regelId/` + the subject ids (grant, contract,
   * party, owner, koppeling or evidence): the same breach has the same sleutel on every
   * evaluation, so storage can open and close findings with history.
   */
  sleutel: string
  beleidId: string
  regelId: string
  regelSoort: RegelSoort
  ernst: Ernst
  maatregel: string
  /** The party that breaks the rule. */
  partijId: string
  /** The protected organisation whose policy it is (granting organisation / contract holder), where one is at stake. */
  eigenaarId?: string
  toegangId?: string
  contractId?: string
  bewijsstukId?: string
  /** Affected, sorted: the objects named, koppelingen through named applicaties, and their gastheerschappen. */
  koppelingIds: string[]
  gastheerschapIds: string[]
  applicatieIds: string[]
  /** The date the finding turns on (expiry, review deadline), when there is one. */
  datum?: Datum
  /** Why, in words a CISO reads. */
  uitleg: Message
  /** What evidence or action would fix it. */
  herstel: Message
  /** The missing evidence, structured (vereist-bewijs, assurance, verwerkersovereenkomst). */
  ontbrekendBewijs?: BewijsEis[]
}

// ---------------------------------------------------------------- invoer van de evaluatie

export type VertrouwensOrganisatie = { id: string; naam: string; type: OrganisatieType }

export type VertrouwensSamenwerking = {
  id: string
  naam: string
  leden: { organisatieId: string; startdatum?: Datum; einddatum?: Datum }[]
}

/**
 * The registry has no BIV classification on an applicatie: absent, its vertrouwelijkheid
 * and persoonsgegevens are derived from its koppelingen (highest level; any with
 * persoonsgegevens), the data it exchanges.
 */
export type VertrouwensApplicatie = {
  id: string
  naam: string
  vertrouwelijkheid?: BivNiveau
  persoonsgegevens?: boolean
  inGebruikBij: string[]
}

export type VertrouwensKoppeling = {
  id: string
  naam: string
  status: KoppelingStatus
  vertrouwelijkheid: BivNiveau
  persoonsgegevens: boolean
  eigenaarId?: string
  gastheerschapId?: string
  bronApplicatieId?: string
  doelApplicatieId?: string
  viaApplicatieId?: string
}

export type VertrouwensGastheerschap = { id: string; taak: string; gastheerId: string }

/** Everything the evaluation reads, as plain data; order of every list is irrelevant. */
export type Vertrouwenssituatie = {
  organisaties: VertrouwensOrganisatie[]
  samenwerkingen: VertrouwensSamenwerking[]
  applicaties: VertrouwensApplicatie[]
  koppelingen: VertrouwensKoppeling[]
  gastheerschappen: VertrouwensGastheerschap[]
  bewijsstukken: Bewijsstuk[]
  contracten: Contract[]
  toegangen: Toegang[]
  /** Current version of each policy, the shipped default included (standaardbeleid.ts). */
  beleid: Vertrouwensbeleid[]
  /** "Today" in Europe/Amsterdam. */
  peildatum: Datum
}

// ---------------------------------------------------------------- uitbestedingstoets

/** "Organisation X moves applicatie(s) Y to party P." */
/** Organisation X moves applicaties and/or infrastructure (its netwerkzones, by name) to party P. */
export type UitbestedingsVraag = { organisatieId: string; applicatieIds: string[]; netwerkzones?: string[]; partijId: string }

/** A grant P would need: one per applicatie, netwerkzone and koppeling, granted by its owner. */
export type BenodigdeToegang = {
  object: { soort: 'applicatie' | 'koppeling'; id: string } | { soort: 'netwerkzone'; naam: string; eigenaarId: string }
  naam: string
  verleendDoorId: string
  /** Why this grant and why this grantor. */
  reden: Message
}

export type Uitbestedingstoets = {
  vraag: UitbestedingsVraag
  peildatum: Datum
  /** Koppelingen with an applicatie of Y as bron, doel or via; sorted. */
  koppelingIds: string[]
  /** Gastheerschappen of those koppelingen; sorted. */
  gastheerschapIds: string[]
  benodigdeToegangen: BenodigdeToegang[]
  /** The findings P would have today on just those grants (with P's current evidence). */
  bevindingen: Bevinding[]
  /** Distinct evidence that would fix them. */
  benodigdBewijs: BewijsEis[]
  /** Conditions that are not about evidence (contract requirements of the applying policies). */
  voorwaarden: Message[]
  /** Problems with the question itself (unknown ids, X not using Y). */
  waarschuwingen: Message[]
  /** One summary in words. */
  samenvatting: Message
}
