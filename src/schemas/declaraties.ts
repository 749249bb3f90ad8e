import Type, { type Static } from 'typebox'
import { BTW_REGIMES } from '../domain/betaling.js'
import type { DeclaratieRegel as DomeinRegel } from '../domain/declaraties.js'
import { TALEN } from '../domain/taal.js'
import { DECLARATIE_SOORTEN, DECLARATIE_STATUSSEN, LIMITS } from '../domain/vocabulary.js'
import { Datum, Eurocent, Id, JAARTAL, Keuze, Tekst, Tijdstip } from './common.js'
import { Periode } from './kosten.js'

// Declaraties: what a sender (the organisation that made the costs) declares to a
// recipient for a period. Amounts are integer euro cents; a correction may be negative.

const strict = { additionalProperties: false } as const

const Breuk = Type.Object(
  { teller: Type.String({ description: 'Teller (geheel getal).' }), noemer: Type.String({ description: 'Noemer (geheel getal > 0).' }) },
  { description: 'Een exacte breuk.' },
)

export const DeclaratieRegel = Type.Object(
  {
    kostenpostId: Id('De kostenpost.', 'kostenpost'),
    omschrijving: Type.String({ description: 'Omschrijving van de kostenpost.' }),
    periode: Type.String({ description: 'Periode van de kostenpost.' }),
    soort: Type.String({ description: 'Soort kosten (structureel, initieel).' }),
    categorie: Type.String({ description: 'Kostencategorie.' }),
    grondslag: Type.Enum(['realisatie', 'begroting'], { type: 'string', description: 'Welk bedrag van de kostenpost is verdeeld.' }),
    kostenpostBedrag: Eurocent('Het verdeelde bedrag van de hele kostenpost.'),
    sleutel: Type.Object(
      {
        id: Id('Verdeelsleutel.', 'verdeelsleutel'),
        naam: Type.String({ description: 'Naam van de verdeelsleutel.' }),
        geldigVanaf: Type.Integer({ ...JAARTAL, description: 'Eerste jaar van de gebruikte versie.' }),
      },
      { description: 'De gebruikte versie van de verdeelsleutel.' },
    ),
    bedrag: Eurocent('Aandeel van de ontvanger; bij een correctie het verschil (kan negatief zijn).'),
    fractie: Breuk,
    exactBedrag: Breuk,
    restcent: Type.Boolean({ description: 'Kreeg een van de restcenten na afronden.' }),
    stappen: Type.Array(Type.Ref('Berekeningsstap'), {
      description: 'De berekening: per onderdeel van de sleutel de waarde van de ontvanger en het totaal.',
    }),
    afronding: Type.Optional(
      Type.Ref('Afronding', {
        description: 'Hoe de restcenten van de kostenpost gingen (ontbreekt bij regels van vóór deze vastlegging).',
      }),
    ),
    eerderGedeclareerd: Type.Optional(Eurocent('Alleen bij een correctie: eerder gedeclareerd aandeel.')),
    nieuwBedrag: Type.Optional(Eurocent('Alleen bij een correctie: het aandeel volgens de huidige verdeling.')),
    btw: Type.Optional(
      Keuze(
        BTW_REGIMES,
        'Of de bedragen BTW bevatten, overgenomen van de kostenpost bij genereren: geen, exclusief of inclusief. Ontbreekt bij regels van vóór deze vastlegging; dan geldt geen.',
      ),
    ),
  },
  { $id: 'DeclaratieRegel', description: 'Eén regel: het aandeel van de ontvanger in één kostenpost, met de berekening.' },
)
/** The schema's stappen are a $ref; the TypeScript shape is the domain's. */
export type DeclaratieRegel = DomeinRegel

export const DECLARATIE_ACTIES = ['wijzigen', 'verwijderen', 'definitief-maken', 'verzenden', 'betaald-melden', 'corrigeren'] as const

const kop = {
  id: Id('Unieke identificatie (UUID).'),
  nummer: Type.Union([Type.String({ description: 'Declaratienummer <jaar>-<volgnummer> per afzender.' }), Type.Null()], {
    description: 'Declaratienummer; null zolang het een concept is.',
  }),
  soort: Keuze(DECLARATIE_SOORTEN, 'Declaratie of correctiedeclaratie.'),
  corrigeertId: Type.Union([Id('De gecorrigeerde declaratie.', 'declaratie'), Type.Null()], {
    description: 'Bij een correctie: de oorspronkelijke declaratie.',
  }),
  corrigeertNummer: Type.Union([Type.String(), Type.Null()], {
    description: 'Bij een correctie: het nummer van de oorspronkelijke declaratie.',
  }),
  gecorrigeerdDoor: Type.Array(
    Type.Object({
      id: Id('De correctiedeclaratie.', 'declaratie'),
      nummer: Type.Union([Type.String(), Type.Null()], { description: 'Nummer van de correctie; null zolang zij een concept is.' }),
      status: Keuze(DECLARATIE_STATUSSEN, 'Status van de correctie.'),
      totaal: Eurocent('Totaal van de correctie (het verschil; kan negatief zijn).'),
    }),
    {
      description:
        'Bij een declaratie: de correcties erop, oudste eerst (ook een concept-correctie). Leeg bij een correctie en bij een declaratie zonder correcties.',
    },
  ),
  totaalNaCorrecties: Eurocent(
    'Wat na correcties verschuldigd is: het totaal plus de totalen van de correcties die geen concept meer zijn. Bij een correctie: haar eigen totaal.',
  ),
  vanId: Id('Afzender: de organisatie die de kosten maakte.', 'organisatie'),
  vanNaam: Type.String({ description: 'Naam van de afzender.' }),
  vanCbsCode: Type.Union([Type.String(), Type.Null()], { description: 'CBS-code van de afzender.' }),
  aanId: Id('Ontvanger: de deelnemer die betaalt.', 'organisatie'),
  aanNaam: Type.String({ description: 'Naam van de ontvanger.' }),
  aanCbsCode: Type.Union([Type.String(), Type.Null()], { description: 'CBS-code van de ontvanger.' }),
  periode: Type.String({ description: 'Periode van de declaratie (jaar, kwartaal of maand).' }),
  periodeStart: Datum('Eerste dag van de periode.'),
  periodeEind: Datum('Laatste dag van de periode.'),
  status: Keuze(DECLARATIE_STATUSSEN, 'Status: concept → definitief → verzonden → betaald.'),
  totaal: Eurocent('Totaal: de som van de regels; bij een correctie mogelijk negatief.'),
  aantalRegels: Type.Integer({ minimum: 0, description: 'Aantal regels.' }),
  toelichting: Type.Union([Type.String(), Type.Null()], { description: 'Vrije toelichting.' }),
  definitiefOp: Type.Union([Tijdstip('Moment van definitief maken.'), Type.Null()]),
  verzondenOp: Type.Union([Tijdstip('Moment van verzenden.'), Type.Null()]),
  betaaldOp: Type.Union([Tijdstip('Moment van betaling (gemeld door de afzender).'), Type.Null()]),
  revisie: Type.Integer({ minimum: 1, description: 'Revisienummer; verhoogd bij elke wijziging (basis van de ETag).' }),
  aangemaaktOp: Tijdstip('Tijdstip van aanmaken.'),
  gewijzigdOp: Tijdstip('Tijdstip van de laatste wijziging.'),
  toegestaneActies: Type.Optional(
    Type.Array(Keuze(DECLARATIE_ACTIES, 'Een actie.'), {
      description: 'Wat de vrager met deze declaratie mag; de UI toont alleen deze knoppen.',
    }),
  ),
}

export const DeclaratieSamenvatting = Type.Object(kop, {
  $id: 'DeclaratieSamenvatting',
  description: 'Een declaratie zonder regels (in lijsten).',
})
export type DeclaratieSamenvatting = Static<typeof DeclaratieSamenvatting>

export const Declaratie = Type.Object(
  { ...kop, regels: Type.Array(Type.Ref('DeclaratieRegel'), { description: 'De regels, één per kostenpost.' }) },
  { $id: 'Declaratie', description: 'Een declaratie van een afzender aan een ontvanger over een periode.' },
)
export type Declaratie = Omit<Static<typeof Declaratie>, 'regels'> & { regels: DomeinRegel[] }

export const DeclaratieLijst = Type.Object(
  { resultaten: Type.Array(Type.Ref('DeclaratieSamenvatting')), paginering: Type.Ref('Paginering') },
  { $id: 'DeclaratieLijst', description: 'Een pagina declaraties.' },
)

export const GenereerOpdracht = Type.Object(
  {
    periode: Periode('De periode waarover gedeclareerd wordt; alle kostenposten waarvan de periode erbinnen valt.'),
    vanId: Type.Optional(Id('Alleen voor deze afzender; zonder: alle organisaties waarvoor u declaraties beheert.')),
  },
  { ...strict, $id: 'GenereerOpdracht', description: 'Concept-declaraties genereren voor een periode.' },
)
export type GenereerOpdracht = Static<typeof GenereerOpdracht>

export const GenereerResultaat = Type.Object(
  {
    periode: Type.String({ description: 'De periode.' }),
    melding: Type.Optional(
      Type.String({ description: 'Uitleg wanneer er niets is gegenereerd, in de taal van Accept-Language (Nederlands of Engels).' }),
    ),
    gegenereerd: Type.Array(Type.Ref('DeclaratieSamenvatting'), { description: 'Nieuwe of opnieuw gegenereerde concepten.' }),
    overgeslagen: Type.Array(
      Type.Object({
        vanId: Id('Afzender.'),
        vanNaam: Type.String(),
        aanId: Id('Ontvanger.'),
        aanNaam: Type.String(),
        declaratieId: Id('De bestaande declaratie die regenereren verhindert.'),
        nummer: Type.Union([Type.String(), Type.Null()]),
        status: Keuze(DECLARATIE_STATUSSEN, 'Status van die declaratie.'),
        reden: Type.String({ description: 'Waarom dit paar is overgeslagen, in de taal van Accept-Language (Nederlands of Engels).' }),
      }),
      { description: 'Paren waarvoor al een definitieve declaratie bestaat; daarvoor maakt u een correctie.' },
    ),
    verwijderd: Type.Array(Id('Een concept zonder regels meer, verwijderd.'), {
      description: 'Concepten van deze periode waarvoor geen kosten meer te declareren zijn.',
    }),
  },
  { $id: 'GenereerResultaat', description: 'Wat genereren opleverde.' },
)
export type GenereerResultaat = Omit<Static<typeof GenereerResultaat>, 'gegenereerd'> & { gegenereerd: DeclaratieSamenvatting[] }

export const DeclaratieWijziging = Type.Object(
  { toelichting: Type.Optional(Type.Union([Tekst('Vrije toelichting.'), Type.Null()])) },
  { ...strict, $id: 'DeclaratieWijziging', description: 'Merge patch op een concept: alleen de toelichting kan wijzigen.' },
)

export const BetaaldMelding = Type.Object(
  { datum: Type.Optional(Datum('Datum waarop de betaling is ontvangen; standaard vandaag.')) },
  { ...strict, $id: 'BetaaldMelding', description: 'Betaling van een verzonden declaratie melden.' },
)

export const DeclaratieLijstQuery = Type.Object(
  {
    pagina: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1, description: 'Paginanummer (1-based).' })),
    paginaGrootte: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: LIMITS.paginaGrootteMax,
        default: LIMITS.paginaGrootteStandaard,
        description: 'Aantal per pagina.',
      }),
    ),
    sorteer: Type.Optional(
      Type.String({
        maxLength: 200,
        pattern: '^-?(periode|nummer|totaal|status|aangemaaktOp|gewijzigdOp)(,-?(periode|nummer|totaal|status|aangemaaktOp|gewijzigdOp))*$',
        description:
          "Sortering, komma-gescheiden, '-' voor aflopend. Toegestaan: periode, nummer, totaal, status, aangemaaktOp, gewijzigdOp. Standaard: -periode.",
      }),
    ),
    vanId: Type.Optional(Id('Alleen declaraties van deze afzender.')),
    aanId: Type.Optional(Id('Alleen declaraties aan deze ontvanger.')),
    periode: Type.Optional(
      Periode(
        'Alleen declaraties waarvan de periode binnen deze periode valt: een jaar omvat zijn kwartalen en maanden (2026 vindt 2026, 2026-Q3 en 2026-07), een kwartaal zijn maanden (2026-Q3 vindt 2026-Q3 en 2026-07, niet 2026-10), een maand alleen zichzelf.',
      ),
    ),
    status: Type.Optional(Keuze(DECLARATIE_STATUSSEN, 'Alleen declaraties met deze status.')),
    soort: Type.Optional(Keuze(DECLARATIE_SOORTEN, 'Alleen declaraties of alleen correcties.')),
  },
  { additionalProperties: false },
)
export type DeclaratieLijstQuery = Static<typeof DeclaratieLijstQuery>

export const EXPORT_FORMATEN = ['pdf', 'xlsx', 'csv'] as const
export const ExportQuery = Type.Object(
  {
    formaat: Keuze(EXPORT_FORMATEN, 'pdf (een document om te versturen), xlsx of csv (puntkomma, UTF-8 met BOM).'),
    taal: Type.Optional(
      Keuze(
        TALEN,
        'Taal van de PDF: nl (Nederlands) of en (Engels). Zonder taal: de voorkeur tussen nl en en in Accept-Language (met q-waarden; en;q=0 weigert Engels), anders Nederlands. XLSX en CSV zijn altijd Nederlands.',
      ),
    ),
  },
  { additionalProperties: false },
)

export const CorrectieVoorstel = Type.Object(
  {
    nodig: Type.Boolean({
      description:
        'Of een correctiedeclaratie nu verschil zou opleveren: een kostenpost van deze declaratie is gewijzigd (of verdeeld anders, of hoort er niet meer in) sinds zij definitief werd. Altijd false voor een concept of een correctie.',
    }),
    verschil: Eurocent(
      'Wat een correctie nu zou declareren, in eurocent: het nieuwe aandeel min het eerder gedeclareerde (kan negatief zijn).',
    ),
    regels: Type.Array(
      Type.Object({
        kostenpostId: Id('De kostenpost.', 'kostenpost'),
        omschrijving: Type.String({ description: 'Omschrijving van de kostenpost.' }),
        periode: Type.String({ description: 'Periode van de kostenpost.' }),
        eerderGedeclareerd: Eurocent(
          'Het aandeel zoals gedeclareerd (de declaratie en haar correcties die geen concept meer zijn), in eurocent.',
        ),
        nieuwBedrag: Eurocent('Het aandeel volgens de huidige kostenpost en verdeling, in eurocent.'),
        verschil: Eurocent('nieuwBedrag min eerderGedeclareerd, in eurocent.'),
      }),
      { description: 'Per kostenpost waarvan het aandeel veranderde: eerder gedeclareerd, nu en het verschil.' },
    ),
  },
  {
    $id: 'CorrectieVoorstel',
    description: 'Wat een correctiedeclaratie nu zou bevatten, zonder haar te maken (alleen-lezen).',
  },
)
export type CorrectieVoorstel = Static<typeof CorrectieVoorstel>

export const DECLARATIE_SCHEMAS = [
  DeclaratieRegel,
  CorrectieVoorstel,
  DeclaratieSamenvatting,
  Declaratie,
  DeclaratieLijst,
  GenereerOpdracht,
  GenereerResultaat,
  DeclaratieWijziging,
  BetaaldMelding,
]
