import Type, { type Static, type TSchema } from 'typebox'
import { JAAR_MAX, JAAR_MIN, JAAR_REDEN } from '../domain/periode.js'
import { TALEN } from '../domain/taal.js'
import { Eurocent, Id, Keuze } from './common.js'

// The transparency report of a samenwerking and the benchmark (issue 5). Amounts are
// integer euro cents; texts for people come in Dutch and English ({nl, en}).

// Same rule as Jaar in kosten.ts, written out so the web UI can import these types without
// pulling the cost schemas (and the allocation engine behind them) into its type check.
const Jaar = (description: string) =>
  Type.Integer({
    minimum: JAAR_MIN,
    maximum: JAAR_MAX,
    description: `${description} Van ${JAAR_MIN} tot en met ${JAAR_MAX}.`,
    'x-reden': JAAR_REDEN,
  })

const Centen = (description: string) => Eurocent(description)
const Tekst2 = (description: string) =>
  Type.Object({ nl: Type.String(), en: Type.String() }, { description: `${description} In het Nederlands en Engels.` })
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()])

const Aantal = (description: string) => Type.Integer({ minimum: 0, description })
const vergelijking = {
  begroting: Centen('Begroting (verdeeld) van alle posten; een post zonder begroting telt niet mee.'),
  realisatie: Centen('Realisatie (verdeeld) van alle posten die er een hebben.'),
  vergelijkbaar: Type.Object(
    {
      begroting: Centen('Begroting van de posten met begroting én realisatie.'),
      realisatie: Centen('Realisatie van dezelfde posten.'),
      posten: Aantal('Aantal van die posten (bij een organisatie: waarin zij een deel heeft).'),
    },
    { description: 'De posten die zowel een begroting als een realisatie hebben: alleen die worden vergeleken.' },
  ),
  verschil: Centen('vergelijkbaar.realisatie − vergelijkbaar.begroting: alleen over posten met begroting én realisatie.'),
  verschilPercentage: Nullable(
    Type.Number({
      description: 'Verschil als percentage van vergelijkbaar.begroting, één decimaal (half van nul af); null als die 0 is.',
    }),
  ),
  nogGeenRealisatie: Type.Object(
    {
      begroting: Centen('Begroting van de posten zonder realisatie.'),
      posten: Aantal('Aantal posten zonder realisatie.'),
    },
    { description: 'Posten met een begroting maar nog geen realisatie: apart getoond, niet in het verschil (telden vroeger als € 0).' },
  ),
  zonderBegroting: Type.Object(
    {
      realisatie: Centen('Realisatie van de posten zonder begroting.'),
      posten: Aantal('Aantal posten zonder begroting.'),
    },
    { description: 'Posten met een realisatie maar zonder begroting: apart getoond, niet in het verschil.' },
  ),
}
const totalen = {
  ...vergelijking,
  grondslag: Centen('Kosten: de realisatie waar bekend, anders de begroting (de kop van het verslag).'),
  structureel: Centen('Deel van de grondslag dat structureel is.'),
  initieel: Centen('Deel van de grondslag dat initieel/incidenteel is.'),
}
const jaarBedragen = {
  jaar: Type.Integer(),
  ...vergelijking,
  grondslag: Centen('Realisatie, anders begroting.'),
}

const VerslagJaar = Type.Optional(
  Jaar('Het verslagjaar; zonder jaar het laatste jaar met kostenposten die de vrager mag zien (trend.jaren noemt alle jaren met posten).'),
)

export const TransparantieverslagQuery = Type.Object({ jaar: VerslagJaar }, { additionalProperties: false, description: 'Verslagjaar.' })
export type TransparantieverslagQuery = Static<typeof TransparantieverslagQuery>

export const TransparantieExportQuery = Type.Object(
  {
    jaar: VerslagJaar,
    formaat: Keuze(['pdf', 'xlsx'] as const, 'pdf (voor de raad) of xlsx (een werkblad per tabel).'),
    taal: Type.Optional(
      Keuze(
        TALEN,
        'Taal van het verslag: nl (Nederlands) of en (Engels). Zonder taal: de voorkeur tussen nl en en in Accept-Language (met q-waarden; en;q=0 weigert Engels), anders Nederlands.',
      ),
    ),
  },
  { additionalProperties: false },
)
export type TransparantieExportQuery = Static<typeof TransparantieExportQuery>

const ketenBedragen = {
  toegerekend: Centen(
    'Het deel (realisatie, anders begroting) van de organisatie in de verdeelde posten van het jaar die een andere organisatie maakte: wat die haar mag declareren.',
  ),
  concept: Nullable(Centen('Declaratieregels in concept: getoond, nooit meegeteld als gedeclareerd. null: niet zichtbaar voor de vrager.')),
  definitief: Nullable(Centen('Definitief, nog niet verzonden. null: niet zichtbaar.')),
  verzonden: Nullable(Centen('Verzonden, nog niet betaald. null: niet zichtbaar.')),
  betaald: Nullable(Centen('Betaald gemeld. null: niet zichtbaar.')),
  gedeclareerd: Nullable(Centen('definitief + verzonden + betaald: alles wat definitief is gedeclareerd. null: niet zichtbaar.')),
  openstaand: Nullable(Centen('gedeclareerd − betaald (= definitief + verzonden). null: niet zichtbaar.')),
  nogTeDeclareren: Nullable(
    Centen('toegerekend − gedeclareerd; negatief: meer gedeclareerd dan toegerekend (een correctie is nodig). null: niet zichtbaar.'),
  ),
  zichtbaar: Type.Boolean({
    description:
      'false als de vrager deze declaraties niet mag zien (een declaratie zien alleen afzender en ontvanger): de bedragen zijn dan null, geen 0.',
  }),
}
const KetenDeclaratie = Type.Object({
  id: Id('Declaratie.'),
  nummer: Nullable(Type.String({ description: 'Nummer; null zolang concept.' })),
  soort: Keuze(['declaratie', 'correctie'] as const, 'Declaratie of correctie.'),
  corrigeertId: Nullable(Id('De gecorrigeerde declaratie.')),
  corrigeertNummer: Nullable(Type.String()),
  periode: Type.String(),
  status: Keuze(['concept', 'definitief', 'verzonden', 'betaald'] as const, 'Huidige status.'),
  bedrag: Centen('De regels op kostenposten van deze samenwerking en dit jaar (bij een correctie: het verschil).'),
  totaal: Centen('De hele declaratie (die ook andere samenwerkingen kan omvatten).'),
  betaaldOp: Nullable(Type.String({ format: 'date-time' })),
})
const Geldketen = Type.Object(
  {
    organisaties: Type.Array(
      Type.Object({
        organisatieId: Id('De organisatie die betaalt (ontvanger van de declaraties).'),
        naam: Type.String(),
        ...ketenBedragen,
        van: Type.Array(
          Type.Object({
            vanId: Id('De organisatie die declareert.'),
            vanNaam: Type.String(),
            ...ketenBedragen,
            declaraties: Type.Array(KetenDeclaratie),
          }),
          { description: 'Per organisatie die aan haar declareert, met de declaraties (correcties bij hun origineel).' },
        ),
      }),
    ),
    totaal: Type.Object(ketenBedragen),
  },
  {
    description:
      'Van toerekening tot betaling, per organisatie die betaalt: toegerekend, gedeclareerd naar status, betaald en openstaand. ' +
      'Een declaratie telt met haar regels op kostenposten van deze samenwerking en dit jaar; correcties tellen mee met hun origineel. ' +
      'Alleen declaraties die de vrager mag zien; wat hij niet mag zien is null met zichtbaar: false.',
  },
)

export const Transparantieverslag = Type.Object(
  {
    samenwerking: Type.Object({ id: Id('Samenwerking.'), naam: Type.String(), vorm: Type.String() }),
    jaar: Type.Integer({ description: 'Verslagjaar.' }),
    totaal: Type.Object(totalen, { description: 'Totaal van alle verdeelde kostenposten van het jaar.' }),
    organisaties: Type.Array(Type.Object({ organisatieId: Id('Organisatie.'), naam: Type.String(), ...totalen }), {
      description: 'Kosten per organisatie: de som van haar delen in alle verdeelde posten.',
    }),
    categorieen: Type.Array(Type.Object({ categorie: Type.String(), ...totalen }), { description: 'Kosten per categorie.' }),
    organisatieCategorieen: Type.Array(
      Type.Object({
        organisatieId: Id('Organisatie.'),
        categorie: Type.String(),
        begroting: Centen('Begroting.'),
        realisatie: Centen('Realisatie.'),
        grondslag: Centen('Realisatie, anders begroting.'),
      }),
      { description: 'Kosten per organisatie en categorie.' },
    ),
    trend: Type.Object(
      {
        jaren: Type.Array(Type.Integer(), { description: 'Alle jaren met kostenposten van deze samenwerking.' }),
        organisaties: Type.Array(
          Type.Object({ organisatieId: Id('Organisatie.'), naam: Type.String(), jaren: Type.Array(Type.Object(jaarBedragen)) }),
        ),
        totaal: Type.Array(
          Type.Object({
            ...jaarBedragen,
            nietVerdeeld: Type.Integer({ description: 'Posten van dat jaar die niet konden worden verdeeld.' }),
          }),
        ),
      },
      { description: 'Totalen per jaar en organisatie over alle jaren.' },
    ),
    sleutels: Type.Array(
      Type.Object({
        id: Id('Verdeelsleutel.'),
        naam: Type.String(),
        geldigVanaf: Type.Integer({ description: 'De versie van de sleutel die in het verslagjaar gold.' }),
        beschrijving: Tekst2('De regel in woorden, bijvoorbeeld "50% gelijke delen + 50% naar inwoners".'),
        posten: Type.Integer({ description: 'Aantal posten verdeeld met deze versie.' }),
      }),
      { description: 'De gebruikte verdeelsleutels met de versie die gold.' },
    ),
    posten: Type.Array(
      Type.Object({
        id: Id('Kostenpost.'),
        omschrijving: Type.String(),
        categorie: Type.String(),
        soort: Type.String(),
        periode: Type.String(),
        begroting: Nullable(Centen('Begroting van de kostenpost; null als die ontbreekt.')),
        realisatie: Nullable(Centen('Realisatie van de kostenpost; null zolang die ontbreekt.')),
        grondslag: Keuze(['realisatie', 'begroting'] as const, 'Welk bedrag als grondslag is verdeeld.'),
        verdeeldBedrag: Centen('Verdeeld bedrag (grondslag).'),
        sleutel: Type.Object({ id: Id('Verdeelsleutel.'), naam: Type.String(), geldigVanaf: Type.Integer() }),
        delen: Type.Array(
          Type.Object({
            organisatieId: Id('Organisatie.'),
            naam: Type.String(),
            begroting: Centen('Deel van de begroting.'),
            realisatie: Centen('Deel van de realisatie.'),
            grondslag: Centen('Deel van de grondslag.'),
          }),
        ),
      }),
      { description: 'De verdeelde kostenposten van het jaar.' },
    ),
    nietVerdeeld: Type.Array(
      Type.Object({
        id: Id('Kostenpost.'),
        omschrijving: Type.String(),
        categorie: Type.String(),
        soort: Type.String(),
        periode: Type.String(),
        begroting: Nullable(Centen('Begroting van de kostenpost; null als die ontbreekt.')),
        realisatie: Nullable(Centen('Realisatie van de kostenpost; null zolang die ontbreekt.')),
        sleutel: Type.Object({ id: Id('Verdeelsleutel.'), naam: Type.String() }),
        reden: Tekst2('Waarom de post niet kan worden verdeeld.'),
      }),
      { description: 'Posten van het jaar die niet konden worden verdeeld; ze tellen in geen enkel totaal mee.' },
    ),
    geldketen: Geldketen,
  },
  {
    $id: 'Transparantieverslag',
    description:
      'Transparantieverslag van een samenwerking over een jaar: alle bedragen zijn sommen van de delen die de verdeelsleutels opleveren (dezelfde als /kostenposten/{id}/verdeling).',
  },
)
export type Transparantieverslag = Static<typeof Transparantieverslag>

export const BenchmarkQuery = Type.Object(
  {
    jaar: Type.Optional(Jaar('Alleen dit jaar; zonder jaar alle jaren met kostenposten (trend).')),
    organisatieId: Type.Optional(Id('Alleen deze gemeente.')),
    referentiewaardeId: Type.Optional(Id('Alleen vergelijken met deze referentiewaarde.')),
  },
  { additionalProperties: false },
)
export type BenchmarkQuery = Static<typeof BenchmarkQuery>

const Afwijking = Type.Object(
  {
    referentie: Type.Optional(Centen('De referentiewaarde.')),
    verschil: Type.Optional(Centen('Kengetal − referentie.')),
    verschilPercentage: Type.Optional(Nullable(Type.Number({ description: 'Verschil als percentage van de referentie, één decimaal.' }))),
    oordeel: Type.Optional(
      Keuze(['boven', 'onder', 'gelijk'] as const, "'gelijk' als het verschil hoogstens 1% van de referentie is, anders boven of onder."),
    ),
    reden: Type.Optional(Tekst2('Waarom er geen vergelijking is.')),
  },
  { description: 'Vergelijking van een kengetal met de referentie.' },
)

const Kengetal = Type.Object(
  {
    bedrag: Type.Optional(Centen('Kosten per eenheid, afgerond op hele centen (half naar boven).')),
    reden: Type.Optional(Tekst2('Waarom het kengetal ontbreekt (maatstaf onbekend of 0).')),
  },
  { description: 'Een kengetal, of de reden dat het ontbreekt.' },
)

export const Benchmark = Type.Object(
  {
    jaren: Type.Array(Type.Integer()),
    referentiewaarden: Type.Array(
      Type.Object({
        id: Id('Referentiewaarde.'),
        naam: Type.String(),
        jaar: Type.Integer(),
        kostenPerInwoner: Type.Optional(Centen('ICT-kosten per inwoner.')),
        kostenPerWerkplek: Type.Optional(Centen('ICT-kosten per werkplek.')),
        bron: Type.Optional(Type.String()),
      }),
    ),
    regels: Type.Array(
      Type.Object({
        organisatieId: Id('Gemeente.'),
        naam: Type.String(),
        jaar: Type.Integer(),
        kosten: Centen('ICT-kosten: de delen van de gemeente in alle kostenposten waaraan zij deelneemt (realisatie, anders begroting).'),
        posten: Type.Integer({ description: 'Aantal kostenposten waaraan de gemeente deelneemt.' }),
        inwoners: Nullable(Type.Integer()),
        werkplekken: Nullable(Type.Number()),
        perInwoner: Kengetal,
        perWerkplek: Kengetal,
        vergelijkingen: Type.Array(
          Type.Object({ referentiewaardeId: Id('Referentiewaarde.'), naam: Type.String(), perInwoner: Afwijking, perWerkplek: Afwijking }),
        ),
        nietVerdeeld: Type.Array(
          Type.Object({ kostenpostId: Id('Kostenpost.'), omschrijving: Type.String(), reden: Tekst2('Waarom niet verdeeld.') }),
          { description: 'Posten die niet konden worden verdeeld; de kosten hierboven missen ze.' },
        ),
      }),
    ),
  },
  {
    $id: 'Benchmark',
    description:
      'ICT-kosten per inwoner en per werkplek per gemeente en jaar, met de vergelijking met referentiewaarden. ' +
      'Alleen gemeenten waarvan de vrager alle kostenposten mag zien, zodat een totaal nooit een deel is.',
  },
)
export type Benchmark = Static<typeof Benchmark>

export const RAPPORTAGE_SCHEMAS = [Transparantieverslag, Benchmark]
