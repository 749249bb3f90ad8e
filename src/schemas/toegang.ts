import Type, { type Static } from 'typebox'
import { ROLLEN, TOKEN_SCOPES } from '../domain/vocabulary.js'
import { Id, Keuze, Naam, Tijdstip } from './common.js'
import { addSharedSchema } from './validator.js'

// Schemas for signing in, users, roles and API tokens.

const strict = { additionalProperties: false } as const

export const Roltoekenning = Type.Object(
  {
    rol: Keuze(ROLLEN, 'De rol: lezer, beheerder, regisseur, auditor of admin.'),
    organisatieId: Type.Optional(
      Id('De organisatie waarvoor de rol geldt; admin geldt voor de hele installatie en heeft er geen.', 'organisatie'),
    ),
  },
  { ...strict, $id: 'Roltoekenning', description: 'Een rol bij een organisatie.' },
)

// Referenced by other schemas here: the validator must know it before it compiles them.
addSharedSchema(Roltoekenning)

const Gebruikersnaam = Type.String({
  minLength: 3,
  maxLength: 100,
  pattern: '^[A-Za-z0-9._@+-]+$',
  description: 'Inlognaam (letters, cijfers en . _ @ + -), hoofdletterongevoelig.',
  'x-reden': { nl: 'Gebruik 3–100 letters, cijfers of . _ @ + -.', en: 'Use 3–100 letters, digits or . _ @ + -.' },
})

const Wachtwoord = Type.String({
  minLength: 12,
  maxLength: 200,
  description: 'Wachtwoord van minstens 12 tekens.',
})

export const GebruikerInvoer = Type.Object(
  {
    gebruikersnaam: Gebruikersnaam,
    naam: Naam('Volledige naam.'),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200, description: 'E-mailadres.' })),
    wachtwoord: Type.Optional(Wachtwoord),
    actief: Type.Optional(Type.Boolean({ description: 'Mag deze gebruiker inloggen? Standaard ja.' })),
    rollen: Type.Array(Type.Ref('Roltoekenning'), { maxItems: 100, description: 'Rollen per organisatie.' }),
  },
  { ...strict, $id: 'GebruikerInvoer', description: 'Gegevens om een gebruiker aan te maken.' },
)
export type GebruikerInvoer = Static<typeof GebruikerInvoer>

export const GebruikerWijziging = Type.Object(
  {
    naam: Type.Optional(Naam('Volledige naam.')),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200, description: 'E-mailadres.' })),
    wachtwoord: Type.Optional(Wachtwoord),
    actief: Type.Optional(Type.Boolean({ description: 'Mag deze gebruiker inloggen?' })),
    rollen: Type.Optional(Type.Array(Type.Ref('Roltoekenning'), { maxItems: 100, description: 'Alle rollen (vervangt de huidige).' })),
  },
  { ...strict, $id: 'GebruikerWijziging', description: 'Wijzigingen aan een gebruiker; alleen meegestuurde velden wijzigen.' },
)
export type GebruikerWijziging = Static<typeof GebruikerWijziging>

export const Gebruiker = Type.Object(
  {
    id: Id('Identificatie.'),
    gebruikersnaam: Type.String({ description: 'Inlognaam.' }),
    naam: Type.String({ description: 'Volledige naam.' }),
    email: Type.Optional(Type.String({ description: 'E-mailadres.' })),
    actief: Type.Boolean({ description: 'Mag inloggen.' }),
    rollen: Type.Array(Type.Ref('Roltoekenning'), { description: 'Rollen per organisatie.' }),
    laatstIngelogdOp: Type.Optional(Tijdstip('Laatste keer ingelogd.')),
    revisie: Type.Integer({ description: 'Revisienummer (basis van de ETag).' }),
    aangemaaktOp: Tijdstip('Aangemaakt op.'),
    gewijzigdOp: Tijdstip('Laatst gewijzigd op.'),
  },
  { $id: 'Gebruiker', description: 'Een gebruiker van Regiekamer.' },
)

export const Inloggen = Type.Object(
  {
    gebruikersnaam: Type.String({ minLength: 1, maxLength: 100, description: 'Inlognaam.' }),
    wachtwoord: Type.String({ minLength: 1, maxLength: 200, description: 'Wachtwoord.' }),
  },
  { ...strict, $id: 'Inloggen', description: 'Inloggegevens.' },
)
export type Inloggen = Static<typeof Inloggen>

export const Sessie = Type.Object(
  {
    gebruiker: Type.Ref('Gebruiker'),
    csrfToken: Type.String({ description: 'Stuur mee in de header X-CSRF-Token bij elke wijziging met deze sessie.' }),
    verlooptOp: Tijdstip('Uiterlijk einde van de sessie (eerder na inactiviteit).'),
  },
  { $id: 'Sessie', description: 'Een geopende sessie; het sessiecookie staat in Set-Cookie.' },
)

const Aanmaken = Type.Object(
  {
    organisatie: Type.Boolean({ description: 'Mag organisaties aanmaken.' }),
    samenwerking: Type.Boolean({ description: 'Mag samenwerkingen aanmaken.' }),
    gastheerschap: Type.Boolean({ description: 'Mag gastheerschappen aanmaken.' }),
    applicatie: Type.Boolean({ description: 'Mag applicaties aanmaken.' }),
    koppeling: Type.Boolean({ description: 'Mag koppelingen aanmaken.' }),
    kostenpost: Type.Boolean({ description: 'Mag kostenposten aanmaken.' }),
    verdeelsleutel: Type.Boolean({ description: 'Mag verdeelsleutels aanmaken.' }),
    maatstafwaarde: Type.Boolean({ description: 'Mag maatstafwaarden aanmaken.' }),
    referentiewaarde: Type.Boolean({ description: 'Mag referentiewaarden aanmaken.' }),
    declaratie: Type.Boolean({ description: 'Mag declaraties genereren.' }),
    scenario: Type.Boolean({ description: 'Mag scenario’s (businesscases) aanmaken.' }),
    bewijsstuk: Type.Boolean({ description: 'Mag bewijsstukken vastleggen.' }),
    contract: Type.Boolean({ description: 'Mag contracten vastleggen.' }),
    toegang: Type.Boolean({ description: 'Mag toegangen verlenen.' }),
    vertrouwensbeleid: Type.Boolean({ description: 'Mag vertrouwensbeleid vastleggen (bevindingen maakt de evaluatie).' }),
    controle: Type.Boolean({ description: 'Mag controles van koppelingen en applicaties aanmaken.' }),
    onderhoudsvenster: Type.Boolean({ description: 'Mag onderhoudsvensters plannen.' }),
    meldingskanaal: Type.Boolean({ description: 'Mag meldingskanalen instellen.' }),
    referentiecomponent: Type.Boolean({ description: 'Mag GEMMA-referentiecomponenten vastleggen (en ArchiMate-bestanden importeren).' }),
  },
  { description: 'Wat de gebruiker mag aanmaken (voor de bijbehorende organisaties).' },
)

export const Ik = Type.Object(
  {
    gebruiker: Type.Ref('Gebruiker'),
    via: Type.String({ description: 'sessie of token.' }),
    csrfToken: Type.Optional(Type.String({ description: 'CSRF-token van deze sessie.' })),
    rechten: Type.Object(
      {
        auditlogLezen: Type.Boolean({ description: 'Mag de auditlog lezen.' }),
        gebruikersBeheren: Type.Boolean({ description: 'Mag gebruikers en rollen beheren.' }),
        aanmaken: Aanmaken,
      },
      { description: 'Wat de gebruiker mag; de UI toont alleen wat mag.' },
    ),
  },
  { $id: 'Ik', description: 'De ingelogde gebruiker en wat die mag.' },
)

export const ApiTokenInvoer = Type.Object(
  {
    naam: Naam('Waarvoor het token dient.'),
    scopes: Type.Array(Keuze(TOKEN_SCOPES, 'Wat het token mag.'), {
      minItems: 1,
      uniqueItems: true,
      description: 'lezen, schrijven en/of beheer.',
    }),
    verlooptOp: Tijdstip('Wanneer het token vervalt (uiterlijk over een jaar).'),
  },
  { ...strict, $id: 'ApiTokenInvoer', description: 'Gegevens voor een nieuw API-token.' },
)
export type ApiTokenInvoer = Static<typeof ApiTokenInvoer>

export const ApiToken = Type.Object(
  {
    id: Id('Identificatie.'),
    naam: Type.String({ description: 'Waarvoor het token dient.' }),
    voorvoegsel: Type.String({ description: 'Eerste tekens van het token, om het te herkennen.' }),
    scopes: Type.Array(Type.String({ description: 'Een scope.' }), { description: 'Wat het token mag.' }),
    verlooptOp: Tijdstip('Vervaldatum.'),
    laatstGebruiktOp: Type.Optional(Tijdstip('Laatst gebruikt.')),
    ingetrokkenOp: Type.Optional(Tijdstip('Ingetrokken op.')),
    aangemaaktOp: Tijdstip('Aangemaakt op.'),
  },
  { $id: 'ApiToken', description: 'Een API-token (zonder het geheim).' },
)

export const NieuwApiToken = Type.Object(
  { ...ApiToken.properties, token: Type.String({ description: 'Het token zelf. Wordt alleen nu getoond: bewaar het veilig.' }) },
  { $id: 'NieuwApiToken', description: 'Een nieuw API-token, met het geheim (eenmalig).' },
)

export const SetupInvoer = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: 'Het token uit de eenmalige setup-link.' }),
    gebruikersnaam: Gebruikersnaam,
    naam: Naam('Volledige naam.'),
    wachtwoord: Wachtwoord,
  },
  { ...strict, $id: 'SetupInvoer', description: 'De eerste beheerder (admin) aanmaken met de setup-link.' },
)
export type SetupInvoer = Static<typeof SetupInvoer>
