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
