import Type, { type Static } from 'typebox'
import { BETAALTERMIJN_MAX_DAGEN } from '../domain/betaling.js'
import { JAAR_MAX, JAAR_MIN, JAAR_REDEN } from '../domain/periode.js'
import type { AllemaalWaar, Gelijk } from '../domain/typen/gelijk.js'
import type * as domein from '../domain/typen/registry.js'
import {
  APPLICATIE_HOSTING,
  APPLICATIE_STATUSSEN,
  BIV_NIVEAUS,
  CBS_CODE_PATTERN,
  KOPPELING_RICHTINGEN,
  KOPPELING_STATUSSEN,
  KOPPELING_TYPES,
  LANDELIJKE_VOORZIENINGEN,
  LIMITS,
  OIN_PATTERN,
  ORGANISATIE_TYPES,
  SAMENWERKING_VORMEN,
} from '../domain/vocabulary.js'
import { Datum, Id, JAARTAL, Keuze, KorteTekst, Metadata, Naam, NIET_LEEG, Tekst, Tijdstip } from './common.js'

// One schema per resource: the *Invoer schema is the request body of POST and PUT
// (and the result of applying a PATCH), the resource schema is what the API returns.
// The input types are declared in the domain (src/domain/typen/registry.ts), which
// imports nothing from here; `InvoerKloptMetDomein` below proves the two agree.

const strict = { additionalProperties: false } as const

const Inwonertal = Type.Object(
  {
    jaar: Type.Integer({
      ...JAARTAL,
      minimum: JAAR_MIN,
      maximum: JAAR_MAX,
      description: `Peiljaar, van ${JAAR_MIN} tot en met ${JAAR_MAX}.`,
      'x-reden': JAAR_REDEN,
    }),
    aantal: Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Aantal inwoners op 1 januari van dat jaar.' }),
    bron: Type.Optional(KorteTekst('Bron van het getal, bijvoorbeeld CBS.')),
  },
  { ...strict, description: 'Aantal inwoners in een jaar.' },
)

/** The identifier an ArchiMate import found this object under: matched again on the next import of that file. */
const ArchimateId = () =>
  Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: LIMITS.korteTekst,
      pattern: '\\S',
      description:
        'Identificatie van dit object in een ArchiMate-bestand (Open Group exchange format) waaruit het is geïmporteerd; een volgende import van dat bestand vindt het hieraan terug. Uniek per soort object.',
      'x-reden': NIET_LEEG,
    }),
  )

const Eigenschappen = (wat: string) =>
  Type.Optional(
    Type.Array(
      Type.Object(
        { naam: KorteTekst('Naam van de eigenschap, bijvoorbeeld "Object ID".'), waarde: Tekst('Waarde van de eigenschap.') },
        { ...strict, description: 'Een eigenschap met naam en waarde.' },
      ),
      {
        maxItems: 50,
        description: `Eigenschappen van ${wat} uit een geïmporteerd bestand (zoals GEMMA-id's), bewaard zoals ze er stonden; bij export weer meegegeven.`,
      },
    ),
  )

export const OrganisatieInvoer = Type.Object(
  {
    type: Keuze(ORGANISATIE_TYPES, 'Soort organisatie.'),
    naam: Naam('Naam van de organisatie.'),
    oin: Type.Optional(
      Type.String({
        pattern: OIN_PATTERN,
        description: 'Organisatie-identificatienummer (OIN), 20 cijfers.',
        'x-reden': { nl: 'Een OIN bestaat uit precies 20 cijfers.', en: 'An OIN consists of exactly 20 digits.' },
      }),
    ),
    cbsCode: Type.Optional(
      Type.String({
        pattern: CBS_CODE_PATTERN,
        description: 'CBS-gemeentecode (GM + 4 cijfers); verplicht voor en alleen bij gemeenten.',
        'x-reden': {
          nl: 'Een CBS-gemeentecode is GM gevolgd door 4 cijfers, bijvoorbeeld GM0402.',
          en: 'A CBS municipality code is GM followed by 4 digits, e.g. GM0402.',
        },
      }),
    ),
    inwoners: Type.Optional(Type.Array(Inwonertal, { maxItems: LIMITS.lijst, description: 'Inwonertallen per jaar.' })),
    website: Type.Optional(Type.String({ format: 'uri', maxLength: LIMITS.url, description: 'Website van de organisatie.' })),
    toelichting: Type.Optional(Tekst('Vrije toelichting; verzonnen gegevens worden hier als fictief gemarkeerd.')),
    iban: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 50,
        description:
          'IBAN waarop de organisatie declaraties betaald wil krijgen; staat op de PDF van haar declaraties (een definitieve declaratie houdt de IBAN die gold toen zij definitief werd). Spaties en kleine letters mogen; opgeslagen zonder spaties, in hoofdletters, na de mod-97-controle (ISO 13616). Getoond in groepen van vier.',
      }),
    ),
    betaaltermijnDagen: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: BETAALTERMIJN_MAX_DAGEN,
        description: `Betaaltermijn in dagen (0 tot en met ${BETAALTERMIJN_MAX_DAGEN}): de declaratie-PDF noemt de uiterste betaaldatum, zoveel kalenderdagen na de datum van definitief maken (Nederlandse tijd); een definitieve declaratie houdt de termijn die toen gold.`,
        'x-reden': {
          nl: `De betaaltermijn is een geheel aantal dagen, van 0 tot en met ${BETAALTERMIJN_MAX_DAGEN} dagen.`,
          en: `The payment term is a whole number of days, from 0 to ${BETAALTERMIJN_MAX_DAGEN} days.`,
        },
      }),
    ),
    archimateId: ArchimateId(),
  },
  { ...strict, $id: 'OrganisatieInvoer', description: 'Gegevens om een organisatie vast te leggen.' },
)
export type OrganisatieInvoer = domein.OrganisatieInvoer

export const Organisatie = Type.Object(
  { ...Metadata, ...OrganisatieInvoer.properties },
  { $id: 'Organisatie', description: 'Een gemeente, samenwerkingsverband, leverancier of andere partij.' },
)
export type Organisatie = Static<typeof Organisatie>

const Lid = Type.Object(
  {
    organisatieId: Id('De deelnemende organisatie.', 'organisatie'),
    startdatum: Type.Optional(Datum('Datum van toetreden.')),
    einddatum: Type.Optional(Datum('Datum van uittreden.')),
  },
  { ...strict, description: 'Lidmaatschap van een organisatie.' },
)

export const SamenwerkingInvoer = Type.Object(
  {
    naam: Naam('Naam van de samenwerking.'),
    vorm: Keuze(SAMENWERKING_VORMEN, 'Vorm van de samenwerking (GEMMA-vocabulaire).'),
    omschrijving: Type.Optional(Tekst('Omschrijving en doelen van de samenwerking.')),
    startdatum: Type.Optional(Datum('Begin van de samenwerking.')),
    einddatum: Type.Optional(Datum('Einde van de samenwerking.')),
    leden: Type.Array(Lid, { maxItems: LIMITS.lijst, description: 'Deelnemende organisaties met hun data.' }),
    toelichting: Type.Optional(Tekst('Vrije toelichting.')),
  },
  { ...strict, $id: 'SamenwerkingInvoer', description: 'Gegevens om een samenwerking vast te leggen.' },
)
export type SamenwerkingInvoer = domein.SamenwerkingInvoer

/**
 * The read-only confirmation fields of a lid or an afnemer: whether its organisation
 * confirmed, when, and whether the caller may confirm it (each with its own description).
 */
const Bevestiging = (beschrijving: { bevestigd: string; bevestigdOp: string; toegestaneActies: string }) => ({
  bevestigd: Type.Boolean({ description: beschrijving.bevestigd }),
  bevestigdOp: Type.Optional(Tijdstip(beschrijving.bevestigdOp)),
  toegestaneActies: Type.Optional(
    Type.Array(Type.Enum(['bevestigen'], { type: 'string', description: 'Een actie.' }), {
      description: beschrijving.toegestaneActies,
    }),
  ),
})

/** A lid as the API shows it: the input plus whether its organisation confirmed it (read-only). */
const LidWeergave = Type.Object(
  {
    ...Lid.properties,
    ...Bevestiging({
      bevestigd:
        'Heeft de organisatie dit lidmaatschap bevestigd? Alleen een bevestigd lid deelt gegevens binnen de samenwerking. Alleen-lezen: bevestigen gaat via POST /samenwerkingen/{id}/leden/{organisatieId}/bevestigen.',
      bevestigdOp: 'Wanneer het lidmaatschap is bevestigd (alleen-lezen).',
      toegestaneActies: 'Wat de vrager met dit lidmaatschap mag; de UI toont alleen deze knoppen.',
    }),
  },
  { description: 'Lidmaatschap van een organisatie, met de bevestiging door die organisatie.' },
)

export const Samenwerking = Type.Object(
  {
    ...Metadata,
    ...SamenwerkingInvoer.properties,
    leden: Type.Array(LidWeergave, { maxItems: LIMITS.lijst, description: 'Deelnemende organisaties met hun data en bevestiging.' }),
  },
  { $id: 'Samenwerking', description: 'Een samenwerking van organisaties.' },
)
export type Samenwerking = Static<typeof Samenwerking>

export const GastheerschapInvoer = Type.Object(
  {
    taak: Naam('De taak die de gastheer uitvoert, bijvoorbeeld "Belastingen inclusief WOZ".'),
    omschrijving: Type.Optional(Tekst('Omschrijving van de dienstverlening.')),
    gastheerId: Id('De organisatie die de taak uitvoert (gastheer).', 'organisatie'),
    afnemerIds: Type.Array(Id('Een afnemende organisatie.', 'organisatie'), {
      minItems: 1,
      maxItems: LIMITS.lijst,
      uniqueItems: true,
      description: 'De organisaties waarvoor de taak wordt uitgevoerd (afnemers).',
    }),
    samenwerkingId: Type.Optional(Id('De samenwerking waarbinnen dit gastheerschap valt.', 'samenwerking')),
    dvoReferentie: Type.Optional(KorteTekst('Kenmerk van de dienstverleningsovereenkomst (DVO).')),
    startdatum: Datum('Ingangsdatum.'),
    einddatum: Type.Optional(Datum('Einddatum.')),
    beschikbaarheidsdoel: Type.Optional(
      Type.Number({ minimum: 0, maximum: 100, description: 'Afgesproken beschikbaarheid in procenten, bijvoorbeeld 99.5.' }),
    ),
    serviceniveau: Type.Optional(Tekst('Afgesproken serviceniveau (openingstijden, reactietijden, …).')),
    kostenafspraak: Type.Optional(Tekst('Afspraak over kosten, bijvoorbeeld "alle structurele en initiële kosten door afnemer".')),
    toelichting: Type.Optional(Tekst('Vrije toelichting.')),
  },
  { ...strict, $id: 'GastheerschapInvoer', description: 'Gegevens om een gastheerschap vast te leggen.' },
)
export type GastheerschapInvoer = domein.GastheerschapInvoer

/** An afnemer as the API shows it: whether its organisation confirmed it (read-only). */
const AfnemerWeergave = Type.Object(
  {
    organisatieId: Id('De afnemende organisatie.', 'organisatie'),
    ...Bevestiging({
      bevestigd:
        'Heeft de organisatie bevestigd dat zij afnemer is? Alleen een bevestigde afnemer deelt gegevens met de gastheer en neemt deel aan de kosten. Alleen-lezen: bevestigen gaat via POST /gastheerschappen/{id}/afnemers/{organisatieId}/bevestigen.',
      bevestigdOp: 'Wanneer de afnemer heeft bevestigd (alleen-lezen).',
      toegestaneActies: 'Wat de vrager met deze afnemer mag; de UI toont alleen deze knoppen.',
    }),
  },
  { description: 'Een afnemer van het gastheerschap, met de bevestiging door die organisatie.' },
)

export const Gastheerschap = Type.Object(
  {
    ...Metadata,
    ...GastheerschapInvoer.properties,
    afnemers: Type.Array(AfnemerWeergave, {
      maxItems: LIMITS.lijst,
      description: 'De afnemers (dezelfde als afnemerIds, in die volgorde) met hun bevestiging. Alleen-lezen; wijzig afnemerIds.',
    }),
  },
  { $id: 'Gastheerschap', description: 'Een taak die een gastheer voor afnemers uitvoert.' },
)
export type Gastheerschap = Static<typeof Gastheerschap>

const StatusMoment = <T extends readonly string[]>(values: T) =>
  Type.Object(
    { status: Keuze(values, 'Status.'), datum: Datum('Datum waarop deze status is of wordt bereikt.') },
    { ...strict, description: 'Een status met zijn datum.' },
  )

export const ApplicatieInvoer = Type.Object(
  {
    naam: Naam('Naam van de applicatie.'),
    omschrijving: Type.Optional(Tekst('Waarvoor de applicatie dient.')),
    leverancierId: Type.Optional(Id('De leverancier (een organisatie).', 'organisatie')),
    referentiecomponentIds: Type.Optional(
      Type.Array(Id('GEMMA-referentiecomponent die de applicatie invult.', 'referentiecomponent'), {
        maxItems: 20,
        uniqueItems: true,
        description:
          'De GEMMA-referentiecomponenten die deze applicatie invult, bijvoorbeeld Belastingsysteem en WOZ-systeem (zie /referentiecomponenten).',
      }),
    ),
    hosting: Keuze(APPLICATIE_HOSTING, 'Waar de applicatie draait.'),
    versie: Type.Optional(KorteTekst('Versie van de applicatie.')),
    status: Keuze(APPLICATIE_STATUSSEN, 'Huidige levenscyclusstatus.'),
    statusHistorie: Type.Optional(
      Type.Array(StatusMoment(APPLICATIE_STATUSSEN), { maxItems: 20, description: 'Data per status (gepland of bereikt).' }),
    ),
    inGebruikBij: Type.Array(Id('Organisatie die de applicatie gebruikt.', 'organisatie'), {
      maxItems: LIMITS.lijst,
      uniqueItems: true,
      description: 'Organisaties die de applicatie in gebruik hebben.',
    }),
    toelichting: Type.Optional(Tekst('Vrije toelichting.')),
    archimateId: ArchimateId(),
    eigenschappen: Eigenschappen('de applicatie'),
  },
  { ...strict, $id: 'ApplicatieInvoer', description: 'Gegevens om een applicatie vast te leggen.' },
)
export type ApplicatieInvoer = domein.ApplicatieInvoer

export const Applicatie = Type.Object(
  { ...Metadata, ...ApplicatieInvoer.properties },
  { $id: 'Applicatie', description: 'Een applicatie in gebruik bij een of meer organisaties.' },
)
export type Applicatie = Static<typeof Applicatie>

const Biv = (description: string) => Keuze(BIV_NIVEAUS, description)
const Voorziening = (description: string) =>
  Type.Enum([...LANDELIJKE_VOORZIENINGEN], {
    type: 'string',
    description: `${description} Waarden: ${LANDELIJKE_VOORZIENINGEN.join(', ')}.`,
    'x-reden': {
      nl: `Kies een landelijke voorziening uit de lijst (${LANDELIJKE_VOORZIENINGEN.join(', ')}); staat zij er niet bij, kies dan overig en geef de naam.`,
      en: `Choose a national facility from the list (${LANDELIJKE_VOORZIENINGEN.join(', ')}); if it is not listed, choose overig and give its name.`,
    },
  })
const VoorzieningOverig = (kant: 'bron' | 'doel') =>
  Type.String({
    minLength: 1,
    maxLength: LIMITS.korteTekst,
    pattern: '\\S',
    description: `Alleen bij ${kant}Voorziening = overig: de naam van die voorziening.`,
    'x-reden': NIET_LEEG,
  })

export const KoppelingInvoer = Type.Object(
  {
    naam: Naam('Naam van de koppeling.'),
    omschrijving: Type.Optional(Tekst('Welke gegevens waarvoor worden uitgewisseld.')),
    bronApplicatieId: Type.Optional(Id('Bron: een applicatie (of gebruik bronVoorziening).', 'applicatie')),
    bronVoorziening: Type.Optional(
      Voorziening('Bron: een landelijke voorziening uit de vaste lijst, bijvoorbeeld BRP (of gebruik bronApplicatieId).'),
    ),
    bronVoorzieningOverig: Type.Optional(VoorzieningOverig('bron')),
    doelApplicatieId: Type.Optional(Id('Doel: een applicatie (of gebruik doelVoorziening).', 'applicatie')),
    doelVoorziening: Type.Optional(
      Voorziening(
        'Doel: een landelijke voorziening uit de vaste lijst, bijvoorbeeld MijnOverheid Berichtenbox (of gebruik doelApplicatieId).',
      ),
    ),
    doelVoorzieningOverig: Type.Optional(VoorzieningOverig('doel')),
    viaApplicatieId: Type.Optional(Id('Tussenliggende applicatie, bijvoorbeeld een Gegevensmakelaar.', 'applicatie')),
    type: Keuze(KOPPELING_TYPES, 'Soort koppeling (GEMMA-vocabulaire).'),
    richting: Keuze(KOPPELING_RICHTINGEN, 'Richting van de gegevensstroom: A→B is bron naar doel.'),
    status: Keuze(KOPPELING_STATUSSEN, 'Huidige status.'),
    statusHistorie: Type.Optional(
      Type.Array(StatusMoment(KOPPELING_STATUSSEN), { maxItems: 20, description: 'Data per status (gepland of bereikt).' }),
    ),
    standaard: Type.Optional(KorteTekst('Gebruikte standaard, bijvoorbeeld StUF-BG, ZGW API, Haal Centraal, Digikoppeling, SFTP.')),
    standaardVersie: Type.Optional(KorteTekst('Versie van de standaard.')),
    gegevenscategorieen: Type.Array(KorteTekst('Een gegevenscategorie.'), {
      maxItems: LIMITS.lijst,
      description: 'Categorieën gegevens die over de koppeling gaan.',
    }),
    persoonsgegevens: Type.Boolean({ description: 'Gaan er persoonsgegevens over de koppeling?' }),
    beschikbaarheid: Biv('BIV-classificatie: beschikbaarheid.'),
    integriteit: Biv('BIV-classificatie: integriteit.'),
    vertrouwelijkheid: Biv('BIV-classificatie: vertrouwelijkheid.'),
    eigenaarId: Type.Optional(Id('Organisatie die eigenaar is van de koppeling.', 'organisatie')),
    gastheerschapId: Type.Optional(Id('Het gastheerschap dat deze koppeling dient.', 'gastheerschap')),
    samenwerkingId: Type.Optional(
      Id(
        'De samenwerking waarin deze koppeling verschijnt (landschap, samenwerkingspagina). Leeg gelaten: die van het gastheerschap, anders afgeleid uit de gebruikers van de applicaties (de samenwerking waarvan bevestigde leden elke applicatie gebruiken). Zijn dat er meer, dan is kiezen verplicht (400 samenwerking-kiezen).',
        'samenwerking',
      ),
    ),
    endpoint: Type.Optional(
      Type.String({ format: 'uri', maxLength: LIMITS.url, description: 'Adres van het koppelvlak (https, sftp, …).' }),
    ),
    toelichting: Type.Optional(Tekst('Vrije toelichting.')),
    archimateId: ArchimateId(),
    eigenschappen: Eigenschappen('de koppeling'),
  },
  { ...strict, $id: 'KoppelingInvoer', description: 'Gegevens om een koppeling vast te leggen.' },
)
export type KoppelingInvoer = domein.KoppelingInvoer

export const Koppeling = Type.Object(
  {
    ...Metadata,
    ...KoppelingInvoer.properties,
    waarschuwingen: Type.Optional(
      Type.Array(
        Type.Object(
          {
            code: Type.String({ description: 'Vaste code, bijvoorbeeld `geen-samenwerking`.' }),
            melding: Type.String({ description: 'De waarschuwing, in de taal van Accept-Language (Nederlands of Engels).' }),
          },
          { description: 'Een waarschuwing die het opslaan niet tegenhoudt.' },
        ),
        {
          description:
            'Alleen-lezen. Wat opvalt maar niet fout is, zoals `geen-samenwerking`: de koppeling hoort bij geen samenwerking en verschijnt dus in geen enkel samenwerkingslandschap.',
        },
      ),
    ),
  },
  { $id: 'Koppeling', description: 'Een gegevenskoppeling tussen twee applicaties of een applicatie en een landelijke voorziening.' },
)
export type Koppeling = Static<typeof Koppeling>

export const ReferentiecomponentInvoer = Type.Object(
  {
    naam: Naam('Naam van de referentiecomponent, bijvoorbeeld "Zaakregistratiecomponent".'),
    gemmaId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: LIMITS.korteTekst,
        pattern: '\\S',
        description: 'Identificatie van de component in GEMMA (bijvoorbeeld het GUID uit de GEMMA-ArchiMate-export). Uniek.',
        'x-reden': NIET_LEEG,
      }),
    ),
    omschrijving: Type.Optional(Tekst('Wat de component doet, zoals GEMMA het beschrijft.')),
    toelichting: Type.Optional(Tekst('Vrije toelichting.')),
    archimateId: ArchimateId(),
  },
  {
    ...strict,
    $id: 'ReferentiecomponentInvoer',
    description: 'Een GEMMA-referentiecomponent: de functie die een applicatie in de GEMMA-referentiearchitectuur vervult.',
  },
)
export type ReferentiecomponentInvoer = domein.ReferentiecomponentInvoer

export const Referentiecomponent = Type.Object(
  { ...Metadata, ...ReferentiecomponentInvoer.properties },
  { $id: 'Referentiecomponent', description: 'Een GEMMA-referentiecomponent.' },
)
export type Referentiecomponent = Static<typeof Referentiecomponent>

/** Fails the type check when an input schema and its domain type differ in any field. */
export type InvoerKloptMetDomein = AllemaalWaar<
  [
    Gelijk<Static<typeof OrganisatieInvoer>, domein.OrganisatieInvoer>,
    Gelijk<Static<typeof SamenwerkingInvoer>, domein.SamenwerkingInvoer>,
    Gelijk<Static<typeof GastheerschapInvoer>, domein.GastheerschapInvoer>,
    Gelijk<Static<typeof ApplicatieInvoer>, domein.ApplicatieInvoer>,
    Gelijk<Static<typeof KoppelingInvoer>, domein.KoppelingInvoer>,
    Gelijk<Static<typeof ReferentiecomponentInvoer>, domein.ReferentiecomponentInvoer>,
  ]
>
