import Type, { type Static } from 'typebox'
import type { AllemaalWaar, Gelijk } from '../domain/typen/gelijk.js'
import type * as domein from '../domain/vertrouwen/typen.js'
import { BEWIJS_SOORTEN } from '../domain/vertrouwen/typen.js'
import { LIMITS } from '../domain/vocabulary.js'
import { Datum, Id, Keuze, KorteTekst, Metadata, Naam, Tekst } from './common.js'

// Trust (issue 12): bewijsstukken, supplier contracten and toegangen. The input types are
// declared in the domain (src/domain/vertrouwen/typen.ts); `InvoerKloptMetDomein` below
// proves the schemas describe them exactly.

const strict = { additionalProperties: false } as const

/** The media types an upload may have, each recognised from its first bytes. */
export const BIJLAGE_MEDIATYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const
export type BijlageMediatype = (typeof BIJLAGE_MEDIATYPES)[number]
/** The largest upload: 10 MiB. */
export const BIJLAGE_MAX_BYTES = 10 * 1024 * 1024

export const BewijsstukInvoer = Type.Object(
  {
    organisatieId: Id('De partij waarover het bewijsstuk gaat (een organisatie).', 'organisatie'),
    soort: Keuze(BEWIJS_SOORTEN, 'Soort bewijsstuk.'),
    uitgever: Naam('Wie het afgaf: de certificerende instelling, de auditor, de gemeente die tekende.'),
    geldigVanaf: Datum('Geldig vanaf (inclusief).'),
    geldigTot: Type.Optional(Datum('Geldig tot en met; leeg: zonder einddatum.')),
    scope: Type.Optional(Tekst('Waar het certificaat over gaat (de scope van een ISO 27001-certificaat).')),
    getekendMetId: Type.Optional(Id('Bij een verwerkersovereenkomst (verplicht): de organisatie waarmee zij is getekend.', 'organisatie')),
    documentVerwijzing: Type.Optional(KorteTekst('Waar het document te vinden is, als het niet is geüpload.')),
    toelichting: Type.Optional(Tekst('Vrije toelichting.')),
  },
  { ...strict, $id: 'BewijsstukInvoer', description: 'Gegevens om een bewijsstuk vast te leggen.' },
)
export type BewijsstukInvoer = domein.BewijsstukInvoer

export const Bijlage = Type.Object(
  {
    bestandsnaam: Type.String({
      maxLength: LIMITS.korteTekst,
      description: 'De bestandsnaam zoals geüpload (header Content-Disposition).',
    }),
    mediatype: Keuze(BIJLAGE_MEDIATYPES, 'Het mediatype, vastgesteld aan de inhoud (niet aan naam of header).'),
    grootte: Type.Integer({ minimum: 1, maximum: BIJLAGE_MAX_BYTES, description: 'Grootte in bytes.' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 van de inhoud, hexadecimaal (64 tekens).' }),
  },
  { description: 'Het geüploade document (alleen-lezen; via PUT en DELETE /bewijsstukken/{id}/bijlage).' },
)

export const Bewijsstuk = Type.Object(
  { ...Metadata, ...BewijsstukInvoer.properties, bijlage: Type.Optional(Bijlage) },
  { $id: 'Bewijsstuk', description: 'Een bewijsstuk dat een partij te vertrouwen is: certificaat, rapport, overeenkomst.' },
)
export type Bewijsstuk = Static<typeof Bewijsstuk>

export const ContractInvoer = Type.Object(
  {
    leverancierId: Id('De leverancier (een organisatie).', 'organisatie'),
    afnemerId: Id('De organisatie die het contract heeft afgesloten en houdt; haar beleid geldt.', 'organisatie'),
    omschrijving: Naam('Wat de leverancier levert.'),
    startdatum: Datum('Ingangsdatum.'),
    einddatum: Type.Optional(Datum('Einddatum; leeg: voor onbepaalde tijd.')),
    opzegtermijnMaanden: Type.Integer({ minimum: 0, maximum: 120, description: 'Opzegtermijn in maanden (0 tot en met 120).' }),
    auditrecht: Type.Boolean({ description: 'Heeft de afnemer recht op audit bij de leverancier?' }),
    exitstrategie: Type.Boolean({ description: 'Is er een exitstrategie (voorwaarde voor ontvlechting)?' }),
    exitstrategieVindplaats: Type.Optional(KorteTekst('Waar de exitstrategie staat beschreven.')),
    beveiligingseisen: Type.Optional(Tekst('De beveiligingseisen in het contract.')),
    applicatieIds: Type.Array(Id('Een applicatie onder dit contract.', 'applicatie'), {
      maxItems: LIMITS.lijst,
      uniqueItems: true,
      description: 'De applicaties die het contract dekt.',
    }),
    koppelingIds: Type.Array(Id('Een koppeling onder dit contract.', 'koppeling'), {
      maxItems: LIMITS.lijst,
      uniqueItems: true,
      description: 'De koppelingen die het contract dekt.',
    }),
  },
  { ...strict, $id: 'ContractInvoer', description: 'Gegevens om een contract met een leverancier vast te leggen.' },
)
export type ContractInvoer = domein.ContractInvoer

export const Contract = Type.Object(
  { ...Metadata, ...ContractInvoer.properties },
  { $id: 'Contract', description: 'Een contract met een leverancier (het contractenregister van de BIO).' },
)
export type Contract = Static<typeof Contract>

const NetwerkzoneObject = Type.Object(
  {
    soort: Type.Literal('netwerkzone'),
    naam: Naam('Naam van de netwerkzone, bijvoorbeeld "Kantoornetwerk Hilversum".'),
    eigenaarId: Id('De organisatie die de netwerkzone beheert.', 'organisatie'),
  },
  { ...strict, description: 'Toegang tot een netwerkzone.' },
)

export const ToegangObject = Type.Union(
  [
    Type.Object(
      {
        soort: Keuze(['applicatie', 'koppeling'] as const, 'Een geregistreerde applicatie of koppeling.'),
        id: Id('De applicatie of koppeling (UUID), die de vrager moet kunnen zien.'),
      },
      { ...strict, description: 'Toegang tot een applicatie of koppeling uit het register.' },
    ),
    NetwerkzoneObject,
  ],
  { description: 'Waartoe de toegang is: een applicatie, een koppeling of een netwerkzone.' },
)

export const ToegangInvoer = Type.Object(
  {
    partijId: Id('Wie toegang krijgt (een organisatie).', 'organisatie'),
    object: ToegangObject,
    doel: Naam('Waarvoor de toegang is.'),
    verleendDoorId: Id('De organisatie die de toegang verleende: de eigenaar van wat wordt ontsloten; haar beleid geldt.', 'organisatie'),
    geldigVanaf: Datum('Geldig vanaf (inclusief).'),
    geldigTot: Type.Optional(Datum('Geldig tot en met; leeg: tot intrekking.')),
    laatsteBeoordeling: Type.Optional(Datum('Datum van de laatste herbeoordeling; leeg: nooit herbeoordeeld.')),
    beoordelaar: Type.Optional(KorteTekst('Wie de laatste herbeoordeling deed.')),
  },
  { ...strict, $id: 'ToegangInvoer', description: 'Gegevens om een toegang (van een partij tot een systeem) vast te leggen.' },
)
export type ToegangInvoer = domein.ToegangInvoer

export const Intrekking = Type.Object(
  {
    op: Datum('Datum van intrekking (Europe/Amsterdam).'),
    door: Type.String({ maxLength: LIMITS.korteTekst, description: 'Wie de toegang introk.' }),
    reden: Type.String({ maxLength: LIMITS.tekst, description: 'Waarom.' }),
  },
  { description: 'De intrekking van de toegang (alleen-lezen; via POST /toegangen/{id}/herbeoordelen).' },
)

export const Toegang = Type.Object(
  { ...Metadata, ...ToegangInvoer.properties, intrekking: Type.Optional(Intrekking) },
  { $id: 'Toegang', description: 'Een toegang van een partij tot een applicatie, koppeling of netwerkzone.' },
)
export type Toegang = Static<typeof Toegang>

/**
 * A toegang's state as the audit log reads it: the object as three kinds, so each id
 * names what it points at. The API's union (two kinds) is the domain's exactly.
 */
export const ToegangStaat = Type.Object({
  ...Toegang.properties,
  object: Type.Union([
    Type.Object({ soort: Type.Literal('applicatie'), id: Id('De applicatie.', 'applicatie') }),
    Type.Object({ soort: Type.Literal('koppeling'), id: Id('De koppeling.', 'koppeling') }),
    NetwerkzoneObject,
  ]),
})

export const HERBEOORDELING_BESLUITEN = ['goedkeuren', 'intrekken'] as const

export const Herbeoordeling = Type.Object(
  {
    besluit: Keuze(
      HERBEOORDELING_BESLUITEN,
      'goedkeuren: de toegang blijft (eventueel tot een nieuwe datum); intrekken: de toegang eindigt vandaag.',
    ),
    geldigTot: Type.Optional(Datum('Bij goedkeuren: de nieuwe einddatum (niet vóór vandaag).')),
    reden: Type.Optional(Tekst('Waarom; verplicht bij intrekken.')),
  },
  { ...strict, $id: 'Herbeoordeling', description: 'Het besluit van een herbeoordeling van een toegang.' },
)
export type Herbeoordeling = Static<typeof Herbeoordeling>

/** Fails the type check when an input schema and its domain type differ in any field. */
export type InvoerKloptMetDomein = AllemaalWaar<
  [
    Gelijk<Static<typeof BewijsstukInvoer>, domein.BewijsstukInvoer>,
    Gelijk<Static<typeof ContractInvoer>, domein.ContractInvoer>,
    Gelijk<Static<typeof ToegangInvoer>, domein.ToegangInvoer>,
  ]
>

export const VERTROUWEN_SCHEMAS = [BewijsstukInvoer, Bewijsstuk, ContractInvoer, Contract, ToegangInvoer, Toegang, Herbeoordeling]
