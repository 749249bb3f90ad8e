import Type, { type Static, type TSchema } from 'typebox'
import type { AllemaalWaar, Gelijk } from '../domain/typen/gelijk.js'
import type * as domein from '../domain/vertrouwen/typen.js'
import { BEWIJS_SOORTEN, ERNST_NIVEAUS, REGEL_SOORTEN } from '../domain/vertrouwen/typen.js'
import { BIV_NIVEAUS, KOPPELING_STATUSSEN, LIMITS, ORGANISATIE_TYPES } from '../domain/vocabulary.js'
import { Datum, Id, Keuze, KorteTekst, Metadata, Naam, NIET_LEEG, Tekst, Tijdstip } from './common.js'

// The trust policy as data and its findings (issue 12). A rule is one of the rule kinds
// of src/domain/vertrouwen/typen.ts, told apart by `soort` (the validator keeps the errors
// of the alternative whose soort matched, so an unknown evidence kind is reported at its
// own field: `regels[0].eenVan[1]`). `RegelKloptMetDomein` proves the schema describes the
// domain's BeleidsRegel exactly.

const strict = { additionalProperties: false } as const

const BewijsSoort = Keuze(BEWIJS_SOORTEN, 'Soort bewijsstuk.')
const BewijsSoorten = (description: string) => Type.Array(BewijsSoort, { maxItems: BEWIJS_SOORTEN.length, uniqueItems: true, description })
const Maanden = (description: string) => Type.Integer({ minimum: 1, maximum: 120, description })

const RegelBasis = {
  id: Type.String({
    minLength: 1,
    maxLength: 80,
    pattern: '^[a-z0-9][a-z0-9-]*$',
    description: 'Vaste naam van de regel binnen het beleid (kleine letters, cijfers, streepjes); deel van de sleutel van elke bevinding.',
    'x-reden': {
      nl: 'Kleine letters, cijfers en streepjes, bijvoorbeeld herbeoordeling-jaarlijks.',
      en: 'Lower case letters, digits and hyphens, e.g. herbeoordeling-jaarlijks.',
    },
  }),
  ernst: Keuze(ERNST_NIVEAUS, 'Ernst van een bevinding van deze regel.'),
  maatregel: KorteTekst('De maatregel achter de regel, bijvoorbeeld BIO 9.2.5; BIO2 5.18.'),
  partijTypes: Type.Optional(
    Type.Array(Keuze(ORGANISATIE_TYPES, 'Soort organisatie.'), {
      uniqueItems: true,
      maxItems: ORGANISATIE_TYPES.length,
      description: 'Geldt alleen voor partijen van deze soorten; zonder: voor elke partij.',
    }),
  ),
  toelichting: Type.Optional(Tekst('Waarom de regel er is, voor wie het beleid leest.')),
}

const regel = <P extends Record<string, TSchema>, S extends string>(soort: S, velden: P, description: string) =>
  Type.Object({ ...RegelBasis, soort: Type.Literal(soort), ...velden }, { ...strict, description })

export const BeleidsRegel = Type.Union(
  [
    regel(
      'vereist-bewijs',
      {
        vanafVertrouwelijkheid: Type.Optional(Keuze(BIV_NIVEAUS, 'Vanaf deze vertrouwelijkheid van de applicatie of koppeling.')),
        bijPersoonsgegevens: Type.Boolean({ description: 'Ook bij persoonsgegevens.' }),
        netwerkzones: Type.Boolean({ description: 'Ook bij toegang tot een netwerkzone.' }),
        alleVan: BewijsSoorten('Elk van deze bewijsstukken is nodig.'),
        eenVan: BewijsSoorten('Minstens één van deze bewijsstukken is nodig (leeg: geen eis).'),
        verwerkersovereenkomstMetEigenaar: Type.Boolean({
          description: 'Een verwerkersovereenkomst met de verlenende organisatie is nodig.',
        }),
      },
      'Vereist geldig bewijs voor toegang tot wat vertrouwelijk is of persoonsgegevens bevat.',
    ),
    regel(
      'herbeoordeling',
      { maxMaanden: Maanden('Hoogstens zoveel maanden tussen twee herbeoordelingen.') },
      'Toegang wordt tijdig herbeoordeeld.',
    ),
    regel(
      'verloopwaarschuwing',
      { dagen: Type.Integer({ minimum: 0, maximum: 730, description: 'Waarschuw zoveel dagen voordat bewijs verloopt.' }) },
      'Waarschuwt voordat bewijs verloopt waarop een andere regel steunt.',
    ),
    regel(
      'contracteisen',
      {
        auditrecht: Type.Boolean({ description: 'Het contract geeft auditrecht.' }),
        exitstrategie: Type.Boolean({ description: 'Het contract heeft een exitstrategie.' }),
      },
      'Eisen aan elk lopend leverancierscontract.',
    ),
    regel(
      'jaarlijkse-assurance',
      {
        soorten: BewijsSoorten('Een van deze soorten telt als onafhankelijke assurance.'),
        maxMaanden: Maanden('Hoogstens zoveel maanden oud.'),
      },
      'Jaarlijkse onafhankelijke assurance van de partij.',
    ),
    regel('verwerkersovereenkomst-bij-persoonsgegevens', {}, 'Een verwerkersovereenkomst met elke eigenaar van persoonsgegevens.'),
    regel(
      'koppelingregister',
      {
        verbodenStatussen: Type.Array(Keuze(KOPPELING_STATUSSEN, 'Status van een koppeling.'), {
          uniqueItems: true,
          maxItems: KOPPELING_STATUSSEN.length,
          description: 'Koppelingen met deze status mogen niet in toegang of contract staan.',
        }),
      },
      'Elke genoemde koppeling staat in het register met een eigenaar.',
    ),
  ],
  { description: `Een regel van het beleid; soort is een van: ${REGEL_SOORTEN.join(', ')}.` },
)
export type BeleidsRegel = domein.BeleidsRegel

export const VertrouwensbeleidInvoer = Type.Object(
  {
    eigenaarId: Id('De organisatie wier systemen het beleid beschermt; haar beheerder (CISO) stelt het vast.', 'organisatie'),
    naam: Naam('Naam van het beleid.'),
    samenwerkingIds: Type.Array(Id('Samenwerking.', 'samenwerking'), {
      uniqueItems: true,
      maxItems: LIMITS.lijst,
      description: 'Samenwerkingen die het beleid hebben overgenomen: het geldt dan ook voor hun leden.',
    }),
    regels: Type.Array(BeleidsRegel, { minItems: 1, maxItems: 100, description: 'De regels.' }),
    toelichting: Type.Optional(Tekst('Vrije toelichting.')),
    bevestigGevolgen: Type.Optional(
      Type.Boolean({
        description:
          'Een wijziging die meer dan 100 bevindingen opent, wordt pas opgeslagen met true (anders 409 met het aantal); bekijk ze eerst met POST /vertrouwensbeleid/_voorvertoning. Wordt niet bewaard.',
      }),
    ),
  },
  { ...strict, $id: 'VertrouwensbeleidInvoer', description: 'Een vertrouwensbeleid zoals een CISO het vastlegt.' },
)
export type VertrouwensbeleidInvoer = Static<typeof VertrouwensbeleidInvoer>

const Versie = Type.Integer({
  minimum: 1,
  description: 'Versie van het beleid: 1 bij aanmaken, +1 bij elke wijziging (gelijk aan revisie).',
})

const { bevestigGevolgen: _bevestig, ...BeleidVelden } = VertrouwensbeleidInvoer.properties

export const Vertrouwensbeleid = Type.Object(
  { ...BeleidVelden, ...Metadata, versie: Versie },
  { ...strict, $id: 'Vertrouwensbeleid', description: 'Een vertrouwensbeleid.' },
)
export type Vertrouwensbeleid = Static<typeof Vertrouwensbeleid>

/** The shipped default: no eigenaar, read-only. */
export const Standaardbeleid = Type.Object(
  {
    id: Id('Vaste identificatie van het standaardbeleid.'),
    naam: Naam('Naam.'),
    versie: Versie,
    regels: Type.Array(BeleidsRegel, { description: 'De regels, elk met de maatregel uit de BIO.' }),
  },
  {
    ...strict,
    $id: 'Standaardbeleid',
    description: 'Het standaardbeleid dat met Regiekamer wordt meegeleverd (afgeleid van de BIO); alleen lezen.',
  },
)

export const BeleidsVersie = Type.Object(
  {
    versie: Versie,
    vastgesteldOp: Tijdstip('Wanneer deze versie werd opgeslagen.'),
    vastgesteldDoor: KorteTekst('Wie deze versie opsloeg.'),
    beleid: Type.Ref('Vertrouwensbeleid'),
  },
  { ...strict, $id: 'BeleidsVersie', description: 'Eén opgeslagen versie van een vertrouwensbeleid.' },
)

const Bericht = (description: string) =>
  Type.Object({ nl: Type.String({ description: 'Nederlands.' }), en: Type.String({ description: 'English.' }) }, { ...strict, description })

export const BewijsEis = Type.Object(
  {
    eenVan: Type.Array(BewijsSoort, { description: 'Een van deze soorten.' }),
    getekendMetId: Type.Optional(Id('Getekend met deze organisatie.', 'organisatie')),
    uitgegevenVanaf: Type.Optional(Datum('Uitgegeven op of na deze datum.')),
    peildatum: Datum('Geldig op deze datum.'),
  },
  { ...strict, description: 'Bewijs dat de bevinding zou oplossen.' },
)

export const BEVINDING_STATUSSEN = ['open', 'geaccepteerd', 'gesloten'] as const
export type BevindingStatus = (typeof BEVINDING_STATUSSEN)[number]
export const GEBEURTENIS_SOORTEN = ['geopend', 'bijgewerkt', 'gesloten', 'heropend', 'risico-geaccepteerd'] as const

export const RisicoAcceptatieInvoer = Type.Object(
  {
    reden: Type.String({
      minLength: 1,
      maxLength: LIMITS.tekst,
      pattern: '\\S',
      description: 'Waarom het risico wordt aanvaard.',
      'x-reden': NIET_LEEG,
    }),
    eigenaar: Naam('Wie het risico draagt (naam of functie).'),
    einddatum: Datum('Tot en met deze datum geldt de acceptatie; daarna telt de bevinding weer als open.'),
  },
  { ...strict, $id: 'RisicoAcceptatieInvoer', description: 'Een bevinding als risico aanvaarden.' },
)
export type RisicoAcceptatieInvoer = Static<typeof RisicoAcceptatieInvoer>

export const RisicoAcceptatie = Type.Object(
  {
    reden: Type.String({ description: 'Waarom het risico wordt aanvaard.' }),
    eigenaar: Type.String({ description: 'Wie het risico draagt.' }),
    einddatum: Datum('Laatste dag van de acceptatie.'),
    geaccepteerdOp: Tijdstip('Wanneer aanvaard.'),
    geaccepteerdDoor: Type.String({ description: 'Wie het vastlegde.' }),
    verlopen: Type.Boolean({ description: 'De einddatum is voorbij: de bevinding telt weer als open.' }),
  },
  { ...strict, description: 'De aanvaarding van het risico.' },
)

export const Gebeurtenis = Type.Object(
  {
    soort: Keuze(GEBEURTENIS_SOORTEN, 'Wat er gebeurde.'),
    op: Tijdstip('Wanneer.'),
    uitleg: Type.Optional(Bericht('De uitleg op dat moment.')),
  },
  { ...strict, description: 'Een stap in de geschiedenis van de bevinding.' },
)

export const Bevinding = Type.Object(
  {
    id: Id('Unieke identificatie (UUID).'),
    revisie: Metadata.revisie,
    sleutel: Type.String({ description: 'Stabiele sleutel: beleid, regel en de betrokken objecten.' }),
    status: Keuze(BEVINDING_STATUSSEN, 'open, geaccepteerd (risico aanvaard, einddatum niet voorbij) of gesloten.'),
    beleidId: Id('Het beleid (of het standaardbeleid).'),
    beleidNaam: Type.String({ description: 'Naam van het beleid.' }),
    regelId: Type.String({ description: 'De regel binnen het beleid.' }),
    regelSoort: Keuze(REGEL_SOORTEN, 'Soort regel.'),
    ernst: Keuze(ERNST_NIVEAUS, 'Ernst.'),
    maatregel: Type.String({ description: 'De maatregel achter de regel.' }),
    partijId: Id('De partij die de regel breekt.', 'organisatie'),
    partijNaam: Type.String({ description: 'Naam van de partij.' }),
    eigenaarId: Type.Optional(Id('De beschermde organisatie.', 'organisatie')),
    eigenaarNaam: Type.Optional(Type.String({ description: 'Naam van de beschermde organisatie.' })),
    toegangId: Type.Optional(Id('De toegang.')),
    contractId: Type.Optional(Id('Het contract.')),
    bewijsstukId: Type.Optional(Id('Het bewijsstuk.')),
    koppelingIds: Type.Array(Id('Koppeling.', 'koppeling'), { description: 'Geraakte koppelingen.' }),
    gastheerschapIds: Type.Array(Id('Gastheerschap.', 'gastheerschap'), { description: 'Geraakte gastheerschappen.' }),
    applicatieIds: Type.Array(Id('Applicatie.', 'applicatie'), { description: 'Geraakte applicaties.' }),
    datum: Type.Optional(Datum('De datum waar de bevinding om draait (verloop, herbeoordeling).')),
    uitleg: Bericht('Waarom, in woorden.'),
    herstel: Bericht('Wat het oplost.'),
    ontbrekendBewijs: Type.Optional(Type.Array(BewijsEis, { description: 'Het ontbrekende bewijs.' })),
    geopendOp: Tijdstip('Wanneer de bevinding (het laatst) openging.'),
    geslotenOp: Type.Optional(Tijdstip('Wanneer de bevinding sloot.')),
    risicoAcceptatie: Type.Optional(RisicoAcceptatie),
    geschiedenis: Type.Optional(Type.Array(Gebeurtenis, { description: 'De geschiedenis, oudste eerst (alleen bij één bevinding).' })),
    aangemaaktOp: Tijdstip('Eerste keer gevonden.'),
    gewijzigdOp: Tijdstip('Laatst gewijzigd.'),
    toegestaneActies: Type.Array(Keuze(['risico-accepteren'] as const, 'Een actie.'), {
      description: 'Wat de vrager met deze bevinding mag.',
    }),
  },
  { ...strict, $id: 'Bevinding', description: 'Een bevinding: waar de werkelijkheid een regel van het vertrouwensbeleid breekt.' },
)
export type Bevinding = Static<typeof Bevinding>

/** Each alternative as one object type: the domain writes a rule as `RegelBasis & {…}`, which Gelijk would tell apart from the same fields in one object. */
type Plat<T> = T extends unknown ? { [K in keyof T]: T[K] } : never

/** A finding as its audit entry (risico-accepteren) keeps it. */
export const BevindingStaat = Type.Object(
  {
    id: Id('De bevinding.', 'bevinding'),
    revisie: Metadata.revisie,
    sleutel: Type.String({ description: 'Stabiele sleutel.' }),
    status: Keuze(BEVINDING_STATUSSEN, 'Status.'),
    ernst: Keuze(ERNST_NIVEAUS, 'Ernst.'),
    partijId: Id('De partij.', 'organisatie'),
    eigenaarId: Type.Optional(Id('De beschermde organisatie.', 'organisatie')),
    regelId: Type.String({ description: 'De regel.' }),
    risicoAcceptatie: Type.Optional(
      Type.Object(
        {
          reden: Type.String({ description: 'Waarom het risico wordt aanvaard.' }),
          eigenaar: Type.String({ description: 'Wie het risico draagt.' }),
          einddatum: Datum('Laatste dag van de acceptatie.'),
        },
        strict,
      ),
    ),
  },
  { ...strict, description: 'Een bevinding zoals het auditlog haar bewaart.' },
)

export type RegelKloptMetDomein = AllemaalWaar<[Gelijk<Plat<Static<typeof BeleidsRegel>>, Plat<domein.BeleidsRegel>>]>

export const Voorvertoning = Type.Object(
  {
    id: Type.Optional(Id('Het beleid dat zou worden gewijzigd; zonder: een nieuw beleid.', 'vertrouwensbeleid')),
    beleid: Type.Object(BeleidVelden, { ...strict, description: 'Het beleid zoals het zou worden opgeslagen.' }),
  },
  { ...strict, $id: 'Voorvertoning', description: 'Een beleidswijziging om te bekijken zonder op te slaan.' },
)
export type Voorvertoning = Static<typeof Voorvertoning>

const GevolgRegel = Type.Object(
  {
    sleutel: Type.String({ description: 'Stabiele sleutel.' }),
    ernst: Keuze(ERNST_NIVEAUS, 'Ernst.'),
    regelId: Type.String({ description: 'De regel.' }),
    maatregel: Type.String({ description: 'De maatregel.' }),
    partijId: Id('De partij.', 'organisatie'),
    partijNaam: Type.String({ description: 'Naam van de partij.' }),
    uitleg: Bericht('Waarom.'),
  },
  { ...strict, description: 'Een bevinding die zou openen of sluiten.' },
)

export const VoorvertoningUitkomst = Type.Object(
  {
    aantalOpenen: Type.Integer({ minimum: 0, description: 'Zoveel bevindingen zouden openen.' }),
    aantalSluiten: Type.Integer({ minimum: 0, description: 'Zoveel bevindingen zouden sluiten.' }),
    drempel: Type.Integer({ description: 'Boven dit aantal nieuwe bevindingen vraagt opslaan bevestigGevolgen: true.' }),
    bevestigingNodig: Type.Boolean({ description: 'Opslaan vraagt bevestigGevolgen: true.' }),
    openen: Type.Array(GevolgRegel, { description: 'De eerste 200 die zouden openen.' }),
    sluiten: Type.Array(GevolgRegel, { description: 'De eerste 200 die zouden sluiten.' }),
  },
  {
    ...strict,
    $id: 'VoorvertoningUitkomst',
    description: 'Wat een beleidswijziging aan bevindingen zou openen en sluiten; niets is opgeslagen.',
  },
)

export const Uitbestedingsvraag = Type.Object(
  {
    organisatieId: Id('De organisatie die uitbesteedt.', 'organisatie'),
    applicatieIds: Type.Array(Id('Een applicatie die verhuist.', 'applicatie'), {
      maxItems: 200,
      uniqueItems: true,
      description: 'De applicaties die verhuizen (mag leeg als er een netwerkzone verhuist; samen ten minste één).',
    }),
    netwerkzones: Type.Optional(
      Type.Array(
        Type.String({
          minLength: 1,
          maxLength: LIMITS.korteTekst,
          pattern: '\\S',
          description: 'Een netwerkzone van de organisatie, bij naam (bijvoorbeeld Kantoornetwerk of Uitwijkserverruimte).',
          'x-reden': NIET_LEEG,
        }),
        {
          maxItems: 50,
          uniqueItems: true,
          description: 'Infrastructuur die verhuist: netwerkzones van de organisatie; de partij heeft er dan toegang toe nodig.',
        },
      ),
    ),
    partijId: Id('De partij waarnaar het verhuist.', 'organisatie'),
  },
  {
    additionalProperties: false,
    $id: 'Uitbestedingsvraag',
    description: 'Organisatie X besteedt applicatie(s) en/of infrastructuur (netwerkzones) Y uit aan partij P.',
  },
)

export const VERTROUWENSBELEID_SCHEMAS = [
  VertrouwensbeleidInvoer,
  Vertrouwensbeleid,
  Standaardbeleid,
  BeleidsVersie,
  RisicoAcceptatieInvoer,
  Bevinding,
  Voorvertoning,
  VoorvertoningUitkomst,
  Uitbestedingsvraag,
]
