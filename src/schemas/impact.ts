import Type, { type Static, type TSchema } from 'typebox'
import type * as domein from '../domain/impact/index.js'
import type { ImpactInvoer as DomeinImpactInvoer } from '../domain/impact/scenario.js'
import type { AllemaalWaar, Gelijk } from '../domain/typen/gelijk.js'
import { BIV_NIVEAUS } from '../domain/vocabulary.js'
import { Datum, Eurocent, Id, JAARTAL, Keuze, KorteTekst, Naam, Tekst } from './common.js'

// Impact scenarios (issue 13): the changes a person combines, and the outcome computed
// from the dependency graph for the caller. Amounts are integer euro cents.

const strict = { additionalProperties: false } as const

const W = <S extends string, T extends Record<string, TSchema>>(soort: S, velden: T, description: string) =>
  Type.Object({ soort: Type.Literal(soort), datum: Datum('Datum waarop de wijziging ingaat.'), ...velden }, { ...strict, description })

export const Wijziging = Type.Union(
  [
    W(
      'uittreden',
      {
        organisatieId: Id('De organisatie die uittreedt.', 'organisatie'),
        samenwerkingId: Type.Optional(Id('Uit deze samenwerking (al haar gastheerschappen).', 'samenwerking')),
        gastheerschapId: Type.Optional(Id('Of: stopt alleen als afnemer van dit gastheerschap.', 'gastheerschap')),
      },
      'Een organisatie treedt uit een samenwerking, of stopt als afnemer van één gastheerschap. Geef precies één van samenwerkingId en gastheerschapId.',
    ),
    W(
      'gastheer stopt',
      { gastheerschapId: Id('Het gastheerschap dat eindigt.', 'gastheerschap') },
      'De gastheer beëindigt een gastheerschap.',
    ),
    W(
      'leverancier vervangen',
      {
        leverancierId: Id('De leverancier die vertrekt.', 'organisatie'),
        nieuweLeverancierId: Type.Optional(Id('De nieuwe leverancier (optioneel).', 'organisatie')),
      },
      'Een leverancier wordt vervangen.',
    ),
    W('leverancier failliet', { leverancierId: Id('De leverancier die wegvalt.', 'organisatie') }, 'Een leverancier gaat failliet.'),
    W(
      'applicatie uitfaseren',
      { applicatieId: Id('De applicatie die uit gebruik gaat.', 'applicatie') },
      'Een applicatie wordt uitgefaseerd.',
    ),
    W(
      'applicatie vervangen',
      {
        applicatieId: Id('De applicatie die vervangen wordt.', 'applicatie'),
        vervangerId: Type.Optional(Id('De vervangende applicatie (optioneel).', 'applicatie')),
      },
      'Een applicatie wordt vervangen.',
    ),
    W(
      'uitbesteden',
      {
        organisatieId: Id('De organisatie die uitbesteedt.', 'organisatie'),
        applicatieIds: Type.Array(Id('Applicatie die naar de partij gaat.', 'applicatie'), {
          minItems: 1,
          maxItems: 100,
          uniqueItems: true,
          description: 'De applicaties (of de infrastructuur eronder) die naar de partij gaan.',
        }),
        partijId: Id('De partij die het overneemt.', 'organisatie'),
      },
      'Een organisatie besteedt applicaties of hun infrastructuur uit aan een andere partij.',
    ),
    W(
      'standaard wijzigt',
      {
        standaard: Naam('De standaard, bijvoorbeeld StUF-BG.'),
        versie: Type.Optional(KorteTekst('Alleen koppelingen op deze versie.')),
        nieuweVersie: Type.Optional(KorteTekst('De nieuwe versie of opvolger.')),
      },
      'Een standaard wijzigt: elke koppeling erop moet mee.',
    ),
    W(
      'endpoint wijzigt',
      { applicatieId: Id('De applicatie waarvan adres of certificaat wijzigt.', 'applicatie') },
      'Het endpoint (adres, certificaat) van een applicatie wijzigt.',
    ),
  ],
  { description: 'Eén wijziging van het scenario; de soort bepaalt de velden.' },
)

export const ImpactKosten = Type.Object(
  {
    organisatieId: Id('Wie deze kosten maakt.', 'organisatie'),
    omschrijving: Naam('Waarvoor, bijvoorbeeld "conversie belastinggegevens".'),
    eenmalig: Eurocent('Eenmalige ontvlechtingskosten in eurocent (123456 = € 1.234,56), niet negatief.', {
      minimum: 0,
      maximum: 1_000_000_000_000,
    }),
    jaarlijks: Type.Optional(
      Eurocent('Extra kosten per jaar in eurocent (negatief: een besparing).', { minimum: -1_000_000_000_000, maximum: 1_000_000_000_000 }),
    ),
  },
  { ...strict, description: 'Kosten die een organisatie door het scenario verwacht (zelf ingevuld).' },
)

export const ImpactInvoer = Type.Object(
  {
    opstellerId: Id('De organisatie die het scenario opstelt; zij beheert het, met de organisaties die het noemt.', 'organisatie'),
    vraag: Type.Optional(Tekst('De vraag in woorden, voor het rapport.')),
    wijzigingen: Type.Array(Wijziging, { minItems: 1, maxItems: 20, description: 'De wijzigingen, samen te nemen (1 tot 20).' }),
    aannames: Type.Optional(Type.Array(Tekst('Een aanname.'), { maxItems: 50, description: 'Aannames voor het rapport.' })),
    kosten: Type.Optional(
      Type.Array(ImpactKosten, { maxItems: 200, description: 'Eenmalige en jaarlijkse ontvlechtingskosten per organisatie.' }),
    ),
  },
  { ...strict, description: 'De invoer van een impactanalyse.' },
)

// ---------------------------------------------------------------- outcome

const Bericht = Type.Object({ nl: Type.String(), en: Type.String() }, { description: 'Een zin in het Nederlands en het Engels.' })
const Wijzigingen = Type.Array(Type.Integer({ minimum: 0 }), { description: 'Welke wijzigingen (index in invoer.wijzigingen) dit raken.' })

export const PadStap = Type.Object(
  {
    soort: Keuze(
      ['organisatie', 'applicatie', 'voorziening', 'koppeling', 'gastheerschap', 'samenwerking', 'verborgen'] as const,
      'Soort stap.',
    ),
    id: Type.Optional(Type.String({ description: 'Id (UUID), of voorziening:<naam>; ontbreekt bij een niet zichtbaar object.' })),
    naam: Type.String({ description: 'Naam; "niet zichtbaar object" als de vrager het niet mag zien.' }),
    viaKoppelingId: Type.Optional(Type.String({ description: 'De koppeling die naar deze stap leidde.' })),
  },
  { description: 'Eén stap van het pad dat een gevolg verklaart.' },
)
const Pad = Type.Array(PadStap, { description: 'Van wie iets verliest tot dit gevolg.' })
const Eigenaar = {
  eigenaarId: Id('De organisatie die moet handelen.'),
  eigenaarNaam: Type.String({ description: 'Naam van die organisatie.' }),
}

export const ImpactAantallen = Type.Object(
  {
    gastheerschappen: Type.Integer(),
    koppelingen: Type.Integer(),
    koppelingenGevoelig: Type.Integer({ description: 'Met vertrouwelijkheid hoog of persoonsgegevens.' }),
    koppelingenViaTussenschakel: Type.Integer(),
    applicaties: Type.Integer(),
    organisaties: Type.Integer(),
    contracten: Type.Integer(),
    toegangen: Type.Integer(),
    bevindingen: Type.Integer(),
  },
  { description: 'Tellingen over wat de vrager mag zien.' },
)

export const ImpactUitkomst = Type.Object(
  {
    peildatum: Datum('De vroegste datum van de wijzigingen.'),
    samenvatting: Bericht,
    aantallen: ImpactAantallen,
    gastheerschappen: Type.Array(
      Type.Object({
        id: Id('Gastheerschap.'),
        taak: Type.String(),
        gastheerId: Id('Gastheer.'),
        ...Eigenaar,
        actie: Bericht,
        wijzigingen: Wijzigingen,
      }),
    ),
    koppelingen: Type.Array(
      Type.Object({
        id: Id('Koppeling.'),
        naam: Type.String(),
        vertrouwelijkheid: Keuze(BIV_NIVEAUS, 'Vertrouwelijkheid.'),
        persoonsgegevens: Type.Boolean(),
        betrokkenheid: Keuze(['direct', 'via tussenschakel'] as const, 'Direct geraakt, of via een tussenschakel (Gegevensmakelaar).'),
        pad: Pad,
        ...Eigenaar,
        actie: Bericht,
        wijzigingen: Wijzigingen,
      }),
      { description: 'Gevoelige koppelingen (vertrouwelijkheid hoog of persoonsgegevens) eerst.' },
    ),
    applicaties: Type.Array(
      Type.Object({ id: Id('Applicatie.'), naam: Type.String(), pad: Pad, ...Eigenaar, actie: Bericht, wijzigingen: Wijzigingen }),
    ),
    organisaties: Type.Array(
      Type.Object({
        id: Id('Organisatie.'),
        naam: Type.String(),
        rollen: Type.Array(Type.String(), {
          description: 'uittreder, gastheer, afnemer, gebruiker, eigenaar, leverancier, nieuwe partij.',
        }),
        acties: Type.Integer({ description: 'Aantal gevolgen waarvoor zij moet handelen.' }),
      }),
    ),
    contracten: Type.Array(
      Type.Object({
        id: Id('Contract.'),
        omschrijving: Type.String(),
        leverancierNaam: Type.String(),
        ...Eigenaar,
        actie: Bericht,
        wijzigingen: Wijzigingen,
      }),
    ),
    toegangen: Type.Array(
      Type.Object({ id: Id('Toegang.'), partijNaam: Type.String(), ...Eigenaar, actie: Bericht, wijzigingen: Wijzigingen }),
    ),
    kringlopen: Type.Array(Type.Object({ pad: Pad }), {
      description: 'Kringlopen van koppelingen via tussenschakels: de analyse stopte daar en meldt ze.',
    }),
    bevindingen: Type.Array(
      Type.Object({
        partijNaam: Type.String(),
        ernst: Type.String(),
        titel: Bericht,
        maatregel: Type.String(),
      }),
      { description: 'Bevindingen die de nieuwe partij zou krijgen (vertrouwensbeleid; uitbesteden en leverancier vervangen).' },
    ),
    kosten: Type.Object(
      {
        jaarVolledig: Type.Boolean({
          description: 'Lopen de kostenposten van dat jaar tot 31 december? Zo niet, dan zijn de bedragen per jaar te laag.',
        }),
        jaar: Type.Union([Type.Integer(), Type.Null()], {
          description:
            'Het jaar van de structurele kostenposten: het laatste volledige jaar tot het jaar van de peildatum (anders het laatste); null zonder posten.',
        }),
        perOrganisatie: Type.Array(
          Type.Object({
            organisatieId: Id('Organisatie.'),
            naam: Type.String(),
            nu: Eurocent('Aandeel per jaar nu, in eurocent.'),
            straks: Eurocent('Aandeel per jaar na de wijziging, in eurocent.'),
            verschil: Eurocent('Straks min nu per jaar, in eurocent (positief: betaalt meer).'),
            eenmalig: Eurocent('Ingevulde eenmalige ontvlechtingskosten, in eurocent.'),
            jaarlijksExtra: Eurocent('Ingevulde extra kosten per jaar, in eurocent.'),
          }),
          { description: 'Per organisatie wat zij per jaar meer of minder betaalt, via dezelfde verdeling als de declaraties.' },
        ),
        herzieningNodig: Type.Array(Type.Object({ kostenpostId: Id('Kostenpost.'), omschrijving: Type.String(), reden: Bericht }), {
          description:
            'Kostenposten waarvan de verdeelsleutel na de wijziging niet meer sluit: tot herziening komen ze voor rekening van de kostenmaker.',
        }),
      },
      { description: 'Het kosteneffect per deelnemer.' },
    ),
    openRisicos: Type.Array(Bericht, { description: 'Open risico’s voor het rapport.' }),
  },
  {
    $id: 'ImpactUitkomst',
    description: 'Wat het scenario raakt, met paden, eigenaren, kosteneffect en open risico’s — alleen wat de vrager mag zien.',
  },
)
export type ImpactUitkomst = Static<typeof ImpactUitkomst>
export type ImpactInvoerSchema = Static<typeof ImpactInvoer>

export type ImpactBewijs = AllemaalWaar<
  [Gelijk<Static<typeof ImpactInvoer>, DomeinImpactInvoer>, Gelijk<Static<typeof Wijziging>, domein.Wijziging>]
>

export const ImpactVraag = Type.Object(ImpactInvoer.properties, {
  ...strict,
  $id: 'ImpactVraag',
  description: 'Een impactanalyse om te bekijken zonder op te slaan (dezelfde velden als invoer van een impactscenario).',
})

export const ImpactVergelijking = Type.Object(
  {
    scenarios: Type.Array(
      Type.Object({
        id: Id('Scenario.'),
        naam: Type.String(),
        peildatum: Datum('De vroegste datum van de wijzigingen.'),
        aantallen: ImpactAantallen,
        jaar: Type.Union([Type.Integer({ ...JAARTAL }), Type.Null()], {
          description: 'Het jaar van de kostenposten in het kosteneffect; null zonder posten.',
        }),
        openRisicos: Type.Integer({ description: 'Aantal open risico’s.' }),
      }),
      { description: 'De scenario’s in de gevraagde volgorde.' },
    ),
    organisaties: Type.Array(
      Type.Object({
        organisatieId: Id('Organisatie.'),
        naam: Type.String(),
        perScenario: Type.Array(
          Type.Object({
            scenarioId: Id('Scenario.'),
            geraakt: Type.Boolean({ description: 'Komt de organisatie in dit scenario voor?' }),
            verschilPerJaar: Eurocent(
              'Wat zij per jaar meer (positief) of minder betaalt, incl. ingevulde jaarlijkse kosten, in eurocent.',
            ),
            eenmalig: Eurocent('Ingevulde eenmalige kosten, in eurocent.'),
            acties: Type.Integer({ description: 'Aantal gevolgen waarvoor zij moet handelen.' }),
          }),
          { description: 'Per scenario, in de volgorde van scenarios.' },
        ),
      }),
      { description: 'Alle organisaties van de vergeleken scenario’s, op naam.' },
    ),
  },
  { $id: 'ImpactVergelijking', description: 'Twee tot vijf impactanalyses naast elkaar.' },
)
export type ImpactVergelijking = Static<typeof ImpactVergelijking>

export const IMPACT_SCHEMAS = [ImpactUitkomst, ImpactVraag, ImpactVergelijking]
