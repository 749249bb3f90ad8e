import Type, { type Static } from 'typebox'
import { HORIZON_MAX, HORIZON_MIN, OORDELEN, SCENARIO_BEDRAG_MAX, SCENARIO_DEELNEMERS_MAX } from '../domain/businesscase-grenzen.js'
import { JAAR_MAX, JAAR_MIN, JAAR_REDEN } from '../domain/periode.js'
import { LIMITS } from '../domain/vocabulary.js'
import { Eurocent, Id, JAARTAL, Keuze, Metadata, Naam, Tekst } from './common.js'
import { ImpactInvoer } from './impact.js'

const Metadata_ = Type.Object(Metadata)

// Scenarios: for now the business case of a new cooperation (haalbaarheidsonderzoek).
// The input is stored as given; the outcome (`uitkomst`) is computed on every read, so
// it always follows the current rules. Amounts are integer euro cents.

const strict = { additionalProperties: false } as const

/** Soorten of scenario: a business case, or an impact analysis combining changes (domain/impact WIJZIGING_SOORTEN). */
export const SCENARIO_SOORTEN_NU = ['nieuwe samenwerking', 'impactanalyse'] as const

const Bedrag = (description: string) =>
  Eurocent(`${description} Niet negatief, hoogstens 10 miljard euro.`, { minimum: 0, maximum: SCENARIO_BEDRAG_MAX })

const Kosten = (description: string) =>
  Type.Object(
    {
      eenmalig: Bedrag('Eenmalige kosten (jaar 0).'),
      jaarlijks: Bedrag('Kosten per jaar (jaar 1 tot en met de horizon).'),
    },
    { ...strict, description },
  )

const Getal = (description: string) =>
  Type.Union(
    [
      Type.Number({ minimum: 0, maximum: 1e12 }),
      Type.String({
        pattern: '^[0-9]+(\\.[0-9]+)?$',
        maxLength: 40,
        'x-reden': { nl: 'Een niet-negatief getal, bijvoorbeeld 33.33.', en: 'A non-negative number, e.g. 33.33.' },
      }),
    ],
    { description: `${description} Getal of decimale tekst ('33.33'), exact gelezen.` },
  )

const EnkeleRegel = Type.Union(
  [
    Type.Object({ soort: Type.Literal('gelijke delen') }, { ...strict, description: 'Ieder deelnemer een gelijk deel.' }),
    Type.Object(
      {
        soort: Type.Literal('vast percentage'),
        percentages: Type.Array(
          Type.Object(
            { deelnemerId: Id('Deelnemende organisatie.', 'organisatie'), percentage: Getal('Percentage van deze deelnemer.') },
            strict,
          ),
          { minItems: 1, maxItems: SCENARIO_DEELNEMERS_MAX, description: 'Percentages per deelnemer; samen 100.' },
        ),
      },
      { ...strict, description: 'Vaste percentages per deelnemer.' },
    ),
    Type.Object(
      { soort: Type.Literal('maatstaf'), maatstaf: Naam('Naam van de maatstaf; de waarden staan in maatstaven.') },
      { ...strict, description: 'Naar een maatstaf per deelnemer (waarden in het scenario zelf).' },
    ),
  ],
  { description: 'Eén verdeelregel.' },
)

const Verdeling = Type.Union(
  [
    EnkeleRegel,
    Type.Object(
      {
        soort: Type.Literal('mix'),
        componenten: Type.Array(Type.Object({ aandeel: Getal('Percentage van de kosten voor dit deel.'), regel: EnkeleRegel }, strict), {
          minItems: 1,
          maxItems: 10,
          description: 'Onderdelen met hun aandeel; samen 100.',
        }),
      },
      { ...strict, description: 'Een gewogen mix, bijvoorbeeld 50% maatstaf + 50% gelijke delen.' },
    ),
  ],
  { description: 'Hoe de gezamenlijke kosten over de deelnemers worden verdeeld (grootste-restmethode, tot op de cent).' },
)

export const BusinesscaseInvoer = Type.Object(
  {
    deelnemers: Type.Array(
      Type.Object(
        {
          organisatieId: Id('Deelnemende organisatie.', 'organisatie'),
          huidigeKosten: Kosten('Wat de deelnemer nu kwijt is als hij het zelfstandig blijft doen.'),
        },
        strict,
      ),
      { minItems: 1, maxItems: SCENARIO_DEELNEMERS_MAX, description: 'De deelnemers, elk één keer.' },
    ),
    gezamenlijk: Kosten('Kosten van de voorgestelde gezamenlijke voorziening, voor alle deelnemers samen.'),
    verdeling: Verdeling,
    maatstaven: Type.Optional(
      Type.Array(
        Type.Object(
          {
            organisatieId: Id('Deelnemende organisatie.', 'organisatie'),
            maatstaf: Naam('Naam van de maatstaf, bijvoorbeeld werkplekken.'),
            waarde: Getal('De waarde.'),
          },
          strict,
        ),
        { maxItems: LIMITS.lijst, description: 'Maatstafwaarden voor een verdeling naar maatstaf.' },
      ),
    ),
    horizonJaren: Type.Integer({
      minimum: HORIZON_MIN,
      maximum: HORIZON_MAX,
      description: `Aantal jaren met jaarlijkse kosten (${HORIZON_MIN}–${HORIZON_MAX}); jaar 0 draagt de eenmalige kosten.`,
      'x-reden': { nl: 'Een horizon van 1 tot en met 30 jaar.', en: 'A horizon of 1 to 30 years.' },
    }),
    disconteringsvoet: Type.Number({
      minimum: 0,
      maximum: 100,
      description: 'Disconteringsvoet in procenten per jaar, bijvoorbeeld 3.5.',
      'x-reden': { nl: 'Een percentage van 0 tot en met 100.', en: 'A percentage from 0 to 100.' },
    }),
    startjaar: Type.Optional(
      Type.Integer({
        ...JAARTAL,
        minimum: JAAR_MIN,
        maximum: JAAR_MAX,
        description: `Kalenderjaar van jaar 0 (alleen voor de weergave), van ${JAAR_MIN} tot en met ${JAAR_MAX}.`,
        'x-reden': JAAR_REDEN,
      }),
    ),
  },
  { ...strict, description: 'De invoer van een businesscase.' },
)

const scenarioVelden = {
  naam: Naam('Naam van het scenario.'),
  omschrijving: Type.Optional(Tekst('Omschrijving.')),
  samenwerkingId: Type.Optional(Id('Samenwerking waar het scenario over gaat (optioneel).', 'samenwerking')),
  toelichting: Type.Optional(Tekst('Vrije toelichting, bijvoorbeeld bronnen van de bedragen.')),
}

export const ScenarioInvoer = Type.Union(
  [
    Type.Object(
      {
        ...scenarioVelden,
        soort: Type.Literal('nieuwe samenwerking', { description: 'Een businesscase van een nieuwe samenwerking.' }),
        invoer: BusinesscaseInvoer,
      },
      { ...strict, description: 'Een businesscase (haalbaarheidsonderzoek).' },
    ),
    Type.Object(
      {
        ...scenarioVelden,
        soort: Type.Literal('impactanalyse', {
          description: 'Wat als: uittreden, gastheer stopt, leverancier, applicatie, uitbesteden, standaard.',
        }),
        invoer: ImpactInvoer,
      },
      { ...strict, description: 'Een impactanalyse (ontvlechting): wat raakt een wijziging, wie moet handelen, wie betaalt meer.' },
    ),
  ],
  { $id: 'ScenarioInvoer', description: 'Gegevens om een scenario vast te leggen: een businesscase of een impactanalyse (naar soort).' },
)
export type ScenarioInvoer = Static<typeof ScenarioInvoer>
export type BusinesscaseScenarioInvoer = Extract<ScenarioInvoer, { soort: 'nieuwe samenwerking' }>
export type ImpactScenarioInvoer = Extract<ScenarioInvoer, { soort: 'impactanalyse' }>

const KostenUit = (description: string) =>
  Type.Object(
    {
      eenmalig: Eurocent('Eenmalig (jaar 0).'),
      jaarlijks: Eurocent('Per jaar.'),
    },
    { description },
  )

const Bericht = Type.Object(
  { nl: Type.String({ description: 'Nederlands.' }), en: Type.String({ description: 'Engels.' }) },
  { description: 'Een zin in het Nederlands en het Engels.' },
)

const resultaatVelden = {
  huidigeKosten: KostenUit('Kosten bij zelfstandig doorgaan.'),
  aandeel: KostenUit('Aandeel in de gezamenlijke kosten (bij het totaal: alle gezamenlijke kosten).'),
  verschil: KostenUit('Huidige kosten min aandeel; positief is besparing.'),
  jaren: Type.Array(
    Type.Object(
      {
        jaar: Type.Integer({ description: 'Jaar 0 (eenmalige kosten) tot en met de horizon.' }),
        kalenderjaar: Type.Optional(Type.Integer({ description: 'Kalenderjaar, als een startjaar is gegeven.' })),
        verschil: Eurocent('Verschil in dit jaar; positief is besparing.'),
        cumulatief: Eurocent('Opgeteld verschil tot en met dit jaar.'),
      },
      { description: 'Eén jaar.' },
    ),
    { description: 'Per jaar het verschil en het cumulatieve verschil.' },
  ),
  terugverdiendInJaar: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Eerste jaar vanaf wanneer het cumulatieve verschil tot de horizon ≥ 0 blijft; null als dat niet gebeurt.',
  }),
  terugverdiendInKalenderjaar: Type.Optional(Type.Integer({ description: 'Idem als kalenderjaar.' })),
  nettoContanteWaarde: Eurocent('Netto contante waarde (exact berekend, één keer afgerond).'),
  oordeel: Keuze(OORDELEN, 'Gaat de deelnemer erop vooruit (netto contante waarde > 0)?'),
  vooruit: Type.Boolean({ description: 'true als de netto contante waarde groter is dan 0.' }),
  uitleg: Bericht,
}

export const ScenarioUitkomst = Type.Object(
  {
    horizonJaren: Type.Integer({ description: 'Horizon in jaren.' }),
    disconteringsvoet: Type.String({ description: 'Disconteringsvoet in procenten, als decimale tekst.' }),
    startjaar: Type.Optional(Type.Integer({ description: 'Kalenderjaar van jaar 0.' })),
    deelnemers: Type.Array(
      Type.Object(
        {
          organisatieId: Id('Deelnemende organisatie.'),
          naam: Type.Optional(Type.String({ description: 'Naam van de organisatie.' })),
          ...resultaatVelden,
        },
        { description: 'Uitkomst voor één deelnemer.' },
      ),
    ),
    totaal: Type.Object(
      {
        ...resultaatVelden,
        aantalVooruit: Type.Integer({ description: 'Aantal deelnemers dat erop vooruitgaat.' }),
        iedereenVooruit: Type.Boolean({ description: 'Gaan alle deelnemers erop vooruit?' }),
      },
      { description: 'De samenwerking als geheel: sommen over de deelnemers.' },
    ),
  },
  { $id: 'ScenarioUitkomst', description: 'De berekende businesscase: per deelnemer en voor de samenwerking als geheel.' },
)
export type ScenarioUitkomst = Static<typeof ScenarioUitkomst>

export const Scenario = Type.Object(
  {
    ...Metadata,
    ...scenarioVelden,
    soort: Keuze(SCENARIO_SOORTEN_NU, 'Soort scenario: bepaalt de vorm van invoer.'),
    invoer: Type.Union([BusinesscaseInvoer, ImpactInvoer], { description: 'Businesscase-invoer of impactanalyse-invoer, naar soort.' }),
    uitkomst: Type.Optional(Type.Ref('ScenarioUitkomst')),
  },
  {
    $id: 'Scenario',
    description: 'Een scenario; een businesscase met de berekende uitkomst (een impactanalyse: zie /scenarios/{id}/impact).',
  },
)
export type Scenario = Static<typeof ScenarioInvoer> & Static<typeof Metadata_> & { uitkomst?: ScenarioUitkomst }
export type BusinesscaseScenario = Extract<Scenario, { soort: 'nieuwe samenwerking' }>
export type ImpactScenario = Extract<Scenario, { soort: 'impactanalyse' }>
export const isBusinesscase = (s: Scenario): s is BusinesscaseScenario => s.soort === 'nieuwe samenwerking'

const IDS = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

export const VergelijkingQuery = Type.Object(
  {
    ids: Type.String({
      pattern: `^${IDS}(,${IDS}){1,4}$`,
      maxLength: 200,
      description: 'Twee tot vijf scenario-id’s, met komma’s gescheiden.',
      'x-reden': {
        nl: 'Geef twee tot vijf scenario-id’s, gescheiden door komma’s.',
        en: 'Give two to five scenario ids, separated by commas.',
      },
    }),
  },
  { additionalProperties: false },
)
export type VergelijkingQuery = Static<typeof VergelijkingQuery>

export const ScenarioVergelijking = Type.Object(
  {
    scenarios: Type.Array(
      Type.Object(
        {
          id: Id('Scenario.'),
          naam: Type.String({ description: 'Naam van het scenario.' }),
          horizonJaren: Type.Integer({ description: 'Horizon in jaren.' }),
          disconteringsvoet: Type.String({ description: 'Disconteringsvoet in procenten.' }),
          nettoContanteWaarde: Eurocent('Netto contante waarde van de samenwerking als geheel.'),
          aantalVooruit: Type.Integer({ description: 'Aantal deelnemers dat erop vooruitgaat.' }),
          aantalDeelnemers: Type.Integer({ description: 'Aantal deelnemers.' }),
        },
        { description: 'Eén vergeleken scenario.' },
      ),
      { description: 'De scenario’s in de gevraagde volgorde.' },
    ),
    deelnemers: Type.Array(
      Type.Object(
        {
          organisatieId: Id('Organisatie.'),
          naam: Type.String({ description: 'Naam van de organisatie.' }),
          perScenario: Type.Array(
            Type.Union([
              Type.Object(
                {
                  scenarioId: Id('Scenario.'),
                  doetMee: Type.Literal(true),
                  nettoContanteWaarde: Eurocent('Netto contante waarde voor deze deelnemer.'),
                  terugverdiendInJaar: Type.Union([Type.Integer(), Type.Null()], { description: 'Terugverdienjaar of null.' }),
                  oordeel: Keuze(OORDELEN, 'Oordeel.'),
                  vooruit: Type.Boolean({ description: 'Gaat erop vooruit.' }),
                },
                { description: 'De deelnemer doet mee in dit scenario.' },
              ),
              Type.Object(
                { scenarioId: Id('Scenario.'), doetMee: Type.Literal(false) },
                { description: 'De deelnemer doet niet mee in dit scenario.' },
              ),
            ]),
            { description: 'Per scenario, in de volgorde van scenarios.' },
          ),
        },
        { description: 'Eén organisatie over de scenario’s heen.' },
      ),
      { description: 'Alle deelnemers van de vergeleken scenario’s, op naam.' },
    ),
  },
  { $id: 'ScenarioVergelijking', description: 'Twee tot vijf scenario’s naast elkaar: per deelnemer de uitkomst per scenario.' },
)
export type ScenarioVergelijking = Static<typeof ScenarioVergelijking>

export const SCENARIO_SCHEMAS = [ScenarioInvoer, ScenarioUitkomst, Scenario, ScenarioVergelijking]
