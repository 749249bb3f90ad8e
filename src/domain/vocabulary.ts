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
