import Type, { type Static } from 'typebox'
import { BTW_REGIMES } from '../domain/betaling.js'
import { MAX_CENTEN } from '../domain/getallen.js'
import { JAAR_MAX, JAAR_MIN, JAAR_REDEN, PERIODE_PATTERN, PERIODE_REDEN } from '../domain/periode.js'
import type { AllemaalWaar, Gelijk } from '../domain/typen/gelijk.js'
import type * as domein from '../domain/typen/kosten.js'
import { KOSTEN_CATEGORIEEN, KOSTEN_SOORTEN, LIMITS } from '../domain/vocabulary.js'
import { Eurocent, Id, JAARTAL, Keuze, KorteTekst, Metadata, Naam, Tekst } from './common.js'

// Costs: verdeelsleutels, kostenposten, maatstafwaarden, referentiewaarden, and the
// allocation of one kostenpost. Amounts are integer euro cents. The input types are
// declared in the domain (src/domain/typen/kosten.ts); `InvoerKloptMetDomein` below
// proves the schemas describe them exactly.

const strict = { additionalProperties: false } as const

/** An amount a person enters: integer euro cents, not negative. */
export const Bedrag = (description: string) => Eurocent(`${description} Niet negatief.`, { minimum: 0, maximum: MAX_CENTEN })

export const Periode = (description: string) =>
  Type.String({
    pattern: PERIODE_PATTERN,
    description: `${description} Een jaar (2026), kwartaal (2026-Q3) of maand (2026-07), in de jaren ${JAAR_MIN} tot en met ${JAAR_MAX}.`,
    'x-reden': PERIODE_REDEN,
  })

export const Jaar = (description: string) =>
  Type.Integer({
    ...JAARTAL,
    minimum: JAAR_MIN,
    maximum: JAAR_MAX,
    description: `${description} Van ${JAAR_MIN} tot en met ${JAAR_MAX}.`,
    'x-reden': JAAR_REDEN,
  })

const DECIMAAL = '^[0-9]+(\\.[0-9]+)?$'
const Getal = (description: string) =>
  Type.Union(
    [
      Type.Number({ minimum: 0 }),
      Type.String({
        pattern: DECIMAAL,
        maxLength: 40,
        'x-reden': { nl: 'Een niet-negatief getal, bijvoorbeeld 33.33.', en: 'A non-negative number, e.g. 33.33.' },
      }),
    ],
    { description: `${description} Getal of decimale tekst ('33.33'), exact gelezen.` },
  )

const Maatstafnaam = (description: string) => Naam(description)

const EnkeleRegel = Type.Union(
  [
    Type.Object(
      { soort: Type.Literal('inwoners') },
      {
        ...strict,
        description:
          "Naar inwonertal in het jaar van de kostenpost: het inwonertal dat bij de organisatie is geregistreerd (CBS), of een maatstafwaarde 'inwoners' voor dat jaar, die dan voorgaat.",
      },
    ),
    Type.Object(
      { soort: Type.Literal('maatstaf'), maatstaf: Maatstafnaam('Naam van de maatstaf, bijvoorbeeld WOZ-objecten.') },
      { ...strict, description: 'Naar een maatstaf per organisatie in het jaar van de kostenpost.' },
    ),
    Type.Object({ soort: Type.Literal('gelijke delen') }, { ...strict, description: 'Ieder deelnemer een gelijk deel.' }),
    Type.Object(
      {
        soort: Type.Literal('vast percentage'),
        percentages: Type.Array(
          Type.Object({ deelnemerId: Id('Organisatie.', 'organisatie'), percentage: Getal('Percentage van deze organisatie.') }, strict),
          { minItems: 1, maxItems: LIMITS.lijst, description: 'Percentages per organisatie; samen 100.' },
        ),
      },
      { ...strict, description: 'Vaste percentages per organisatie.' },
    ),
    Type.Object(
      { soort: Type.Literal('volledig afnemer'), deelnemerId: Id('De organisatie die alles betaalt.', 'organisatie') },
      { ...strict, description: 'Eén organisatie (de afnemer) betaalt alles.' },
    ),
  ],
  { description: 'Eén verdeelregel.' },
)

const Regel = Type.Union(
  [
    EnkeleRegel,
    Type.Object(
      {
        soort: Type.Literal('mix'),
        componenten: Type.Array(
          Type.Object({ aandeel: Getal('Percentage van de kostenpost voor dit deel.'), regel: EnkeleRegel }, strict),
          { minItems: 1, maxItems: 20, description: 'Onderdelen met hun aandeel; samen 100.' },
        ),
      },
      { ...strict, description: 'Een gewogen mix, bijvoorbeeld 50% vast percentage + 50% inwoners.' },
    ),
  ],
  { description: 'De verdeelregel.' },
)

const VerdeelsleutelVersie = Type.Object(
  {
    geldigVanaf: Jaar('Eerste jaar waarin deze versie geldt; geldt tot een versie met een later jaar.'),
    regel: Regel,
  },
  { ...strict, description: 'Een versie van de verdeelsleutel.' },
)

export const VerdeelsleutelInvoer = Type.Object(
  {
    naam: Naam('Naam van de verdeelsleutel.'),
    omschrijving: Type.Optional(Tekst('Omschrijving.')),
    samenwerkingId: Type.Optional(
      Id(
        'Samenwerking waarvoor de sleutel geldt (ook voor de posten van haar gastheerschappen); organisaties in de regel moeten er lid van zijn. Niet samen met gastheerschapId; zonder beide geldt de sleutel voor elke kostenpost.',
        'samenwerking',
      ),
    ),
    gastheerschapId: Type.Optional(
      Id(
        'Gastheerschap waarvoor de sleutel geldt; organisaties in de regel moeten gastheer of afnemer zijn. Niet samen met samenwerkingId.',
        'gastheerschap',
      ),
    ),
    versies: Type.Array(VerdeelsleutelVersie, { minItems: 1, maxItems: 50, description: 'Versies per jaar; elk jaar hooguit één.' }),
    toelichting: Type.Optional(Tekst('Vrije toelichting.')),
  },
  { ...strict, $id: 'VerdeelsleutelInvoer', description: 'Gegevens om een verdeelsleutel vast te leggen.' },
)
export type VerdeelsleutelInvoer = domein.VerdeelsleutelInvoer

export const Verdeelsleutel = Type.Object(
  { ...Metadata, ...VerdeelsleutelInvoer.properties },
  { $id: 'Verdeelsleutel', description: 'Een verdeelsleutel: hoe kosten over organisaties worden verdeeld, per jaar.' },
)
export type Verdeelsleutel = Static<typeof Verdeelsleutel>

export const KostenpostInvoer = Type.Object(
  {
    omschrijving: Naam('Waar de kosten voor zijn.'),
    gastheerschapId: Type.Optional(
      Id('Gastheerschap waarvoor de kosten zijn gemaakt. Precies één van gastheerschapId en samenwerkingId is verplicht.', 'gastheerschap'),
    ),
    samenwerkingId: Type.Optional(
      Id('Samenwerking waarvoor de kosten zijn gemaakt. Precies één van gastheerschapId en samenwerkingId is verplicht.', 'samenwerking'),
    ),
    gemaaktDoorId: Type.Optional(
      Id(
        'Organisatie die de kosten maakt en declareert. Verplicht bij een samenwerking (samenwerkingId): een lid dat in de periode deelneemt. Bij een gastheerschap optioneel: standaard de gastheer; een andere maker moet gastheer of afnemer zijn.',
        'organisatie',
      ),
    ),
    applicatieId: Type.Optional(
      Id(
        'De applicatie waarvoor deze kosten zijn (licentie, hosting, beheer), zodat het harmonisatieoverzicht per referentiecomponent kan tonen wat elke applicatie kost.',
        'applicatie',
      ),
    ),
    periode: Periode('Periode waarover de kosten gaan; moet (deels) binnen de looptijd van het gastheerschap of de samenwerking vallen.'),
    soort: Keuze(KOSTEN_SOORTEN, 'Structureel of initieel/incidenteel.'),
    categorie: Keuze(KOSTEN_CATEGORIEEN, 'Kostencategorie.'),
    begroting: Type.Optional(Bedrag('Begroot bedrag. Minstens één van begroting en realisatie is verplicht.')),
    realisatie: Type.Optional(
      Bedrag(
        'Gerealiseerd bedrag; de verdeling gebruikt dit zodra het er is, anders de begroting. Minstens één van begroting en realisatie is verplicht.',
      ),
    ),
    verdeelsleutelId: Id(
      'Verdeelsleutel waarmee de kosten worden verdeeld: zonder scope, of van dezelfde samenwerking (ook voor de posten van haar gastheerschappen) of van hetzelfde gastheerschap; met een versie die geldt in het jaar van de periode, die alleen organisaties noemt die dan deelnemen.',
      'verdeelsleutel',
    ),
    bron: Type.Optional(KorteTekst('Bronverwijzing, bijvoorbeeld factuurnummer of grootboekrekening.')),
    toelichting: Type.Optional(Tekst('Vrije toelichting.')),
    btw: Type.Optional(
      Keuze(
        BTW_REGIMES,
        'Of de bedragen BTW bevatten: geen (geen BTW verschuldigd; standaard), exclusief (bedragen zijn exclusief BTW) of inclusief (bedragen zijn inclusief BTW). Regiekamer rekent geen BTW uit; een declaratie neemt de instelling per regel over en vermeldt haar op PDF, XLSX en CSV.',
      ),
    ),
  },
  { ...strict, $id: 'KostenpostInvoer', description: 'Gegevens om een kostenpost vast te leggen.' },
)
export type KostenpostInvoer = domein.KostenpostInvoer

export const Kostenpost = Type.Object(
  {
    ...Metadata,
    ...KostenpostInvoer.properties,
    gemaaktDoorId: Id('Organisatie die de kosten maakt en declareert.', 'organisatie'),
    jaar: Type.Integer({ ...JAARTAL, description: 'Jaar van de periode (bepaalt de versie van de sleutel en de maatstaven).' }),
  },
  { $id: 'Kostenpost', description: 'Een kostenpost van een gastheerschap of samenwerking.' },
)
export type Kostenpost = Static<typeof Kostenpost>

export const MaatstafwaardeInvoer = Type.Object(
  {
    organisatieId: Id('Organisatie.', 'organisatie'),
    maatstaf: Maatstafnaam(
      "Naam van de maatstaf, bijvoorbeeld WOZ-objecten, aanslagen, werkplekken, fte. Eén waarde per organisatie, maatstaf en jaar. Een waarde voor 'inwoners' gaat in dat jaar voor het inwonertal dat bij de organisatie is geregistreerd (het CBS-inwonertal).",
    ),
    jaar: Jaar('Jaar waarop de waarde betrekking heeft.'),
    waarde: Type.Number({
      minimum: 0,
      maximum: 1e12,
      description: 'De waarde (niet negatief).',
      'x-reden': { nl: 'Een niet-negatief getal.', en: 'A non-negative number.' },
    }),
    bron: Type.Optional(KorteTekst('Bron van de waarde.')),
  },
  { ...strict, $id: 'MaatstafwaardeInvoer', description: 'De waarde van een maatstaf voor een organisatie in een jaar.' },
)
export type MaatstafwaardeInvoer = domein.MaatstafwaardeInvoer

export const Maatstafwaarde = Type.Object(
  { ...Metadata, ...MaatstafwaardeInvoer.properties },
  { $id: 'Maatstafwaarde', description: 'De waarde van een maatstaf voor een organisatie in een jaar.' },
)
export type Maatstafwaarde = Static<typeof Maatstafwaarde>

export const ReferentiewaardeInvoer = Type.Object(
  {
    naam: Naam('Naam van de referentie, bijvoorbeeld "Benchmark gemeenten 50.000–100.000 inwoners".'),
    jaar: Jaar('Jaar van de referentie.'),
    kostenPerInwoner: Type.Optional(Bedrag('ICT-kosten per inwoner. Minstens één van kostenPerInwoner en kostenPerWerkplek is verplicht.')),
    kostenPerWerkplek: Type.Optional(
      Bedrag('ICT-kosten per werkplek. Minstens één van kostenPerInwoner en kostenPerWerkplek is verplicht.'),
    ),
    bron: Type.Optional(KorteTekst('Bron, bijvoorbeeld de naam van de externe benchmark.')),
    toelichting: Type.Optional(Tekst('Vrije toelichting.')),
  },
  { ...strict, $id: 'ReferentiewaardeInvoer', description: 'Een referentiewaarde voor de benchmark, door gebruikers ingevoerd.' },
)
export type ReferentiewaardeInvoer = domein.ReferentiewaardeInvoer

export const Referentiewaarde = Type.Object(
  { ...Metadata, ...ReferentiewaardeInvoer.properties },
  { $id: 'Referentiewaarde', description: 'Een referentiewaarde voor de benchmark.' },
)
export type Referentiewaarde = Static<typeof Referentiewaarde>

const Breuk = Type.Object(
  { teller: Type.String({ description: 'Teller (geheel getal).' }), noemer: Type.String({ description: 'Noemer (geheel getal > 0).' }) },
  { description: 'Een exacte breuk.' },
)

export const Berekeningsstap = Type.Object(
  {
    regel: Type.String({ description: 'Soort regel.' }),
    maatstaf: Type.Optional(Type.String({ description: 'Gelezen maatstaf (inwoners of de naam).' })),
    jaar: Type.Integer({ ...JAARTAL, description: 'Jaar van de maatstaf.' }),
    aandeelInSleutel: Type.String({ description: 'Percentage van de kostenpost dat dit onderdeel verdeelt.' }),
    waarde: Type.String({ description: 'Waarde van deze deelnemer.' }),
    totaal: Type.String({ description: 'Som van de waarden van alle deelnemers.' }),
    bron: Type.Optional(
      Type.Enum(['organisatie', 'maatstafwaarde'], {
        type: 'string',
        description:
          "Waar de waarde van deze deelnemer vandaan kwam (alleen bij maatstaven): 'organisatie' = het inwonertal dat bij de organisatie is geregistreerd (CBS-inwonertal), 'maatstafwaarde' = een vastgelegde maatstafwaarde. Een maatstafwaarde 'inwoners' voor een jaar gaat voor het inwonertal van de organisatie.",
      }),
    ),
  },
  { $id: 'Berekeningsstap', description: 'Hoe één onderdeel van de sleutel één deelnemer woog.' },
)

export const Afronding = Type.Object(
  {
    restcenten: Type.Integer({
      minimum: 0,
      description:
        'Aantal eurocent dat na afronden naar beneden overbleef (minder dan het aantal deelnemers); elke cent ging naar een grootste rest.',
      example: 1,
    }),
    periode: Type.Optional(Type.String({ description: 'De periode waarvan het volgnummer de beurtvolgorde doorschuift.' })),
    beurtvolgorde: Type.Array(Id('Deelnemer.', 'organisatie'), {
      description:
        'De deelnemers in de beurtvolgorde van deze periode: op CBS-code (zonder CBS-code daarna, op naam), doorgeschoven met het volgnummer van de periode. Beslist bij gelijke rest (na het grootste aandeel).',
    }),
    gelijkeRestBeslist: Type.Boolean({
      description: 'true als deelnemers met een gelijke rest door deze regel van elkaar zijn onderscheiden.',
    }),
    uitleg: Type.Object(
      { nl: Type.String({ description: 'Nederlands.' }), en: Type.String({ description: 'Engels.' }) },
      { description: 'De afronding in woorden, met de beurtvolgorde bij naam.' },
    ),
  },
  { $id: 'Afronding', description: 'Hoe de restcenten na afronden zijn verdeeld, en volgens welke volgorde.' },
)

export const Deel = Type.Object(
  {
    deelnemerId: Id('Organisatie.', 'organisatie'),
    naam: Type.String({ description: 'Naam van de organisatie.' }),
    bedrag: Eurocent('Aandeel van deze deelnemer.'),
    fractie: Breuk,
    exactBedrag: Breuk,
    restcent: Type.Boolean({ description: 'Kreeg een van de restcenten na afronden.' }),
    stappen: Type.Array(Berekeningsstap),
  },
  { $id: 'Deel', description: 'Het aandeel van één deelnemer, met de berekening.' },
)

export const KostenpostVerdeling = Type.Object(
  {
    kostenpostId: Id('Kostenpost.'),
    jaar: Type.Integer({ description: 'Jaar.' }),
    bedrag: Eurocent('Het verdeelde bedrag: de realisatie, of de begroting zolang er geen realisatie is.'),
    grondslag: Type.Enum(['realisatie', 'begroting'], { type: 'string', description: 'Welk bedrag is verdeeld.' }),
    sleutel: Type.Object({ id: Id('Verdeelsleutel.'), naam: Type.String(), geldigVanaf: Type.Integer() }),
    delen: Type.Array(Deel),
    afronding: Afronding,
  },
  { $id: 'KostenpostVerdeling', description: 'De verdeling van een kostenpost over de deelnemers, tot op de cent.' },
)
export type KostenpostVerdeling = Static<typeof KostenpostVerdeling>

/** Fails the type check when an input schema and its domain type differ in any field. */
export type InvoerKloptMetDomein = AllemaalWaar<
  [
    Gelijk<Static<typeof VerdeelsleutelInvoer>, domein.VerdeelsleutelInvoer>,
    Gelijk<Static<typeof KostenpostInvoer>, domein.KostenpostInvoer>,
    Gelijk<Static<typeof MaatstafwaardeInvoer>, domein.MaatstafwaardeInvoer>,
    Gelijk<Static<typeof ReferentiewaardeInvoer>, domein.ReferentiewaardeInvoer>,
  ]
>

export const KOSTEN_SCHEMAS = [
  VerdeelsleutelInvoer,
  Verdeelsleutel,
  KostenpostInvoer,
  Kostenpost,
  MaatstafwaardeInvoer,
  Maatstafwaarde,
  ReferentiewaardeInvoer,
  Referentiewaarde,
  Berekeningsstap,
  Afronding,
  Deel,
  KostenpostVerdeling,
]
