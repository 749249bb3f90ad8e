// Shared enums and limits: one source for server, CLI and (later) the web UI.
// Values follow the VNG GEMMA Softwarecatalogus vocabulary where it has one,
// so data moves between the two without mapping tables.

export const ORGANISATIE_TYPES = ['gemeente', 'samenwerkingsverband', 'leverancier', 'overig'] as const
export type OrganisatieType = (typeof ORGANISATIE_TYPES)[number]

export const SAMENWERKING_VORMEN = [
  'Shared Service Center',
  'Gemeenschappelijke Regeling',
  'DVO (gastheerschap)',
  'Centrumgemeenteregeling',
  'Ambtelijke fusie',
  'Belastingsamenwerking',
  'Werkorganisatie',
  'Convenant',
  'Overig',
] as const

export const APPLICATIE_HOSTING = ['SaaS', 'on-premise', 'bij gastheer'] as const
export const APPLICATIE_STATUSSEN = ['verwerving', 'gepland', 'in productie', 'uit te faseren', 'uitgefaseerd'] as const

export const KOPPELING_TYPES = [
  'api',
  'webservices',
  'bestandsoverdracht',
  'digikoppeling',
  'message queue',
  'upload naar portaal',
] as const
export const KOPPELING_RICHTINGEN = ['A→B', 'B→A', 'bidirectioneel'] as const
export const KOPPELING_STATUSSEN = ['in ontwikkeling', 'in gebruik', 'einde ondersteuning', 'teruggetrokken'] as const

/**
 * National facilities (landelijke voorzieningen) a koppeling may have as bron or doel:
 * one fixed list, so "BRP" and "brp" are one node in the landschap. `overig` is the
 * escape, with a free name beside it (`bronVoorzieningOverig`, `doelVoorzieningOverig`).
 */
export const LANDELIJKE_VOORZIENINGEN = [
  'BRP',
  'BAG',
  'BGT',
  'BRK',
  'BRO',
  'HR (Handelsregister)',
  'WOZ (LV WOZ)',
  'DigiD',
  'eHerkenning',
  'MijnOverheid Berichtenbox',
  'Digikoppeling/FSC',
  'Digilevering',
  'Digimelding',
  'Suwinet',
  'Logius Digipoort',
  'overig',
] as const
export type LandelijkeVoorziening = (typeof LANDELIJKE_VOORZIENINGEN)[number]

/** Other names people used for a facility (lower case), for mapping free text onto the list. */
export const VOORZIENING_ALIASSEN: Record<string, LandelijkeVoorziening> = {
  'basisregistratie personen': 'BRP',
  'brp (digilevering)': 'BRP',
  'lv bag': 'BAG',
  'landelijke voorziening bag': 'BAG',
  'basisregistratie adressen en gebouwen': 'BAG',
  'lv bgt': 'BGT',
  'landelijke voorziening bgt': 'BGT',
  'basisregistratie grootschalige topografie': 'BGT',
  'basisregistratie kadaster': 'BRK',
  kadaster: 'BRK',
  'basisregistratie ondergrond': 'BRO',
  hr: 'HR (Handelsregister)',
  handelsregister: 'HR (Handelsregister)',
  'kvk handelsregister': 'HR (Handelsregister)',
  woz: 'WOZ (LV WOZ)',
  'lv woz': 'WOZ (LV WOZ)',
  'landelijke voorziening woz': 'WOZ (LV WOZ)',
  mijnoverheid: 'MijnOverheid Berichtenbox',
  'mijn overheid': 'MijnOverheid Berichtenbox',
  berichtenbox: 'MijnOverheid Berichtenbox',
  'berichtenbox mijnoverheid': 'MijnOverheid Berichtenbox',
  'mijnoverheid berichtenbox': 'MijnOverheid Berichtenbox',
  digikoppeling: 'Digikoppeling/FSC',
  fsc: 'Digikoppeling/FSC',
  'federatieve servicekoppeling': 'Digikoppeling/FSC',
  digipoort: 'Logius Digipoort',
}

/**
 * Free text as one of the LANDELIJKE_VOORZIENINGEN: the name or a known alias, ignoring
 * case and surrounding spaces; anything else is `overig` with the text kept as its name.
 */
export function alsLandelijkeVoorziening(tekst: string): { voorziening: LandelijkeVoorziening; overig?: string } {
  const sleutel = tekst.trim().replace(/\s+/g, ' ').toLowerCase()
  const naam = LANDELIJKE_VOORZIENINGEN.find((v) => v !== 'overig' && v.toLowerCase() === sleutel) ?? VOORZIENING_ALIASSEN[sleutel]
  return naam ? { voorziening: naam } : { voorziening: 'overig', overig: tekst.trim() }
}

/** BIV classification levels (beschikbaarheid, integriteit, vertrouwelijkheid). */
export const BIV_NIVEAUS = ['laag', 'midden', 'hoog'] as const
export type BivNiveau = (typeof BIV_NIVEAUS)[number]

export const LIMITS = {
  naam: 200,
  tekst: 4000,
  korteTekst: 200,
  url: 2000,
  lijst: 200,
  paginaGrootteMax: 200,
  paginaGrootteStandaard: 20,
  bodyBytes: 1024 * 1024,
} as const

export const OIN_PATTERN = '^[0-9]{20}$'
export const CBS_CODE_PATTERN = '^GM[0-9]{4}$'

/** Roles a user holds per organisation (DESIGN.md, security baseline). */
export const ROLLEN = ['lezer', 'beheerder', 'regisseur', 'auditor', 'admin'] as const
export type Rol = (typeof ROLLEN)[number]

/** What an API token may do: read, write the registry, manage users and tokens. */
export const TOKEN_SCOPES = ['lezen', 'schrijven', 'beheer'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

/** Kostenpost soort: recurring or one-off (initieel/incidenteel). */
export const KOSTEN_SOORTEN = ['structureel', 'initieel'] as const
export type KostenSoort = (typeof KOSTEN_SOORTEN)[number]

export const KOSTEN_CATEGORIEEN = [
  'personeel',
  'licenties',
  'hosting',
  'hardware',
  'werkplekken',
  'verbindingen',
  'advies',
  'overig',
] as const
export type KostenCategorie = (typeof KOSTEN_CATEGORIEEN)[number]

/** A declaratie moves forward only: concept → definitief → verzonden → betaald. */
export const DECLARATIE_STATUSSEN = ['concept', 'definitief', 'verzonden', 'betaald'] as const
export type DeclaratieStatus = (typeof DECLARATIE_STATUSSEN)[number]

export const DECLARATIE_SOORTEN = ['declaratie', 'correctie'] as const
export type DeclaratieSoort = (typeof DECLARATIE_SOORTEN)[number]

/** Measures the UI suggests; any other name is allowed (maatstaf is free text). */
export const BEKENDE_MAATSTAVEN = ['WOZ-objecten', 'aanslagen', 'werkplekken', 'fte', 'transacties', 'gebruikers'] as const

/** Scenario soorten (DESIGN.md); costs bring the business case of a new cooperation. */
export const SCENARIO_SOORTEN = [
  'nieuwe samenwerking',
  'uittreden',
  'leverancier vervangen',
  'uitbesteden',
  'applicatie uitfaseren',
] as const
export type ScenarioSoort = (typeof SCENARIO_SOORTEN)[number]
