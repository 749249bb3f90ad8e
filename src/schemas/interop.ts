import Type, { type Static } from 'typebox'
import { JAAR_MAX, JAAR_MIN, JAAR_REDEN } from '../domain/periode.js'
import { Eurocent, Id, JAARTAL } from './common.js'

// The answers of the ArchiMate import and the harmonisation overview (issue 15). Reasons
// are text in the language of the request (Accept-Language).

const Soort = Type.Union(
  [Type.Literal('organisatie'), Type.Literal('referentiecomponent'), Type.Literal('applicatie'), Type.Literal('koppeling')],
  {
    description: 'Soort object in Regiekamer.',
  },
)
const Regel = Type.Optional(Type.Integer({ minimum: 1, description: 'Regelnummer in het bestand (1 = eerste regel).' }))
const Telling = Type.Object(
  {
    aanmaken: Type.Integer({ minimum: 0, description: 'Nieuw aan te maken.' }),
    samenvoegen: Type.Integer({
      minimum: 0,
      description: 'Samen te voegen met een bestaand object (niets overschreven; hooguit aangevuld).',
    }),
  },
  { description: 'Aantallen per actie.' },
)

export const ArchimateImportRapport = Type.Object(
  {
    proef: Type.Boolean({ description: 'Een proefimport: alleen het rapport, niets opgeslagen.' }),
    geimporteerd: Type.Boolean({ description: 'Of de import is opgeslagen (één transactie: alles of niets).' }),
    model: Type.Object(
      {
        naam: Type.String({ description: 'Naam van het model in het bestand.' }),
        elementen: Type.Integer({ minimum: 0, description: 'Aantal elementen in het bestand.' }),
        relaties: Type.Integer({ minimum: 0, description: 'Aantal relaties in het bestand.' }),
      },
      { description: 'Wat het bestand bevat.' },
    ),
    totalen: Type.Object(
      {
        organisatie: Telling,
        referentiecomponent: Telling,
        applicatie: Telling,
        koppeling: Telling,
        overgeslagen: Type.Integer({ minimum: 0, description: 'Elementen en relaties die niet worden overgenomen.' }),
        aannames: Type.Integer({ minimum: 0, description: 'Waarden die het bestand niet geeft en zijn aangenomen.' }),
        fouten: Type.Integer({ minimum: 0, description: 'Problemen die de import tegenhouden.' }),
      },
      { description: 'Aantallen per soort en actie.' },
    ),
    regels: Type.Array(
      Type.Object(
        {
          soort: Soort,
          actie: Type.Union([Type.Literal('aanmaken'), Type.Literal('samenvoegen')], { description: 'Wat er met het object gebeurt.' }),
          naam: Type.String({ description: 'Naam van het object.' }),
          id: Id('Het id dat het object krijgt (aanmaken) of heeft (samenvoegen).'),
          elementIds: Type.Array(Type.String(), { description: 'De identificaties in het bestand waar het object uit komt.' }),
          regel: Regel,
          overeenkomst: Type.Optional(
            Type.String({
              description:
                'Bij samenvoegen: waarop het bestaande object is gevonden (identificatie, cbs-code, oin, gemma-id, naam, naam-en-uiteinden).',
            }),
          ),
          wijzigt: Type.Boolean({
            description: 'Of het object wordt aangemaakt of aangevuld (gebruikers, referentiecomponenten, identificatie).',
          }),
        },
        { description: 'Eén object dat wordt aangemaakt of samengevoegd.' },
      ),
      { description: 'Alle objecten, in de volgorde van het bestand.' },
    ),
    overgeslagen: Type.Array(
      Type.Object(
        {
          elementId: Type.String({ description: 'Identificatie in het bestand.' }),
          regel: Regel,
          soort: Type.String({ description: 'ArchiMate-type, bijvoorbeeld BusinessProcess of Flow.' }),
          naam: Type.Optional(Type.String({ description: 'Naam in het bestand.' })),
          reden: Type.String({ description: 'Waarom het niet wordt overgenomen.' }),
        },
        { description: 'Een element of relatie dat niet wordt overgenomen.' },
      ),
      { description: 'Wat niet wordt overgenomen, met de reden.' },
    ),
    aannames: Type.Array(
      Type.Object(
        {
          elementId: Type.String({ description: 'Identificatie in het bestand.' }),
          regel: Regel,
          veld: Type.String({ description: 'Het veld in Regiekamer.' }),
          waarde: Type.String({ description: 'De aangenomen waarde (leeg: niets ingevuld).' }),
          reden: Type.String({ description: 'Waarom.' }),
        },
        { description: 'Een waarde die het bestand niet geeft.' },
      ),
      { description: 'Aangenomen waarden: controleer ze na de import.' },
    ),
    fouten: Type.Array(
      Type.Object(
        {
          elementId: Type.Optional(Type.String({ description: 'Identificatie in het bestand.' })),
          regel: Regel,
          naam: Type.Optional(Type.String({ description: 'Naam van het object.' })),
          veld: Type.String({ description: 'Het veld in Regiekamer.' }),
          reden: Type.String({ description: 'Wat er mis is.' }),
        },
        { description: 'Een probleem dat de import tegenhoudt.' },
      ),
      { description: 'Problemen: zolang er één is, wordt niets geïmporteerd.' },
    ),
  },
  { $id: 'ArchimateImportRapport', description: 'Wat een ArchiMate-import doet (of bij een proefimport zou doen).' },
)
export type ArchimateImportRapport = Static<typeof ArchimateImportRapport>

const Verwijzing = (description: string) =>
  Type.Object({ id: Id('Het id.'), naam: Type.String({ description: 'De naam.' }) }, { description })

export const Harmonisatie = Type.Object(
  {
    samenwerking: Verwijzing('De samenwerking.'),
    jaar: Type.Integer({ ...JAARTAL, description: 'Het jaar van de kosten.' }),
    referentiecomponenten: Type.Array(
      Type.Object(
        {
          referentiecomponent: Type.Object(
            {
              id: Id('Het id.'),
              naam: Type.String({ description: 'De naam.' }),
              gemmaId: Type.Optional(Type.String({ description: 'GEMMA-id.' })),
            },
            { description: 'De GEMMA-referentiecomponent.' },
          ),
          verschillend: Type.Boolean({ description: 'Gebruiken de leden meer dan één applicatie voor deze component?' }),
          applicaties: Type.Array(
            Type.Object(
              {
                applicatie: Verwijzing('De applicatie.'),
                leverancier: Type.Optional(Verwijzing('De leverancier.')),
                gebruikers: Type.Array(Verwijzing('Een lid dat de applicatie gebruikt.'), { description: 'De leden die haar gebruiken.' }),
                kosten: Type.Optional(
                  Type.Object(
                    {
                      bedrag: Eurocent('Som van de kostenposten voor deze applicatie in het jaar (realisatie, anders begroting).', {
                        minimum: 0,
                      }),
                      posten: Type.Integer({ minimum: 0, description: 'Aantal kostenposten.' }),
                    },
                    { description: 'Wat de applicatie kost, voor zover kostenposten haar noemen en u die mag zien.' },
                  ),
                ),
              },
              { description: 'Een applicatie die de component invult.' },
            ),
            { description: 'De applicaties die leden voor deze component gebruiken.' },
          ),
        },
        { description: 'Eén referentiecomponent met de applicaties van de leden.' },
      ),
      { description: 'Per referentiecomponent; die met verschillende applicaties eerst.' },
    ),
    zonderReferentiecomponent: Type.Array(
      Type.Object(
        { applicatie: Verwijzing('De applicatie.'), gebruikers: Type.Array(Verwijzing('Een lid dat de applicatie gebruikt.')) },
        { description: 'Een applicatie zonder referentiecomponent.' },
      ),
      { description: 'Applicaties van leden zonder referentiecomponent: leg die vast om ze te kunnen vergelijken.' },
    ),
    aantallen: Type.Object(
      {
        componenten: Type.Integer({ minimum: 0, description: 'Aantal referentiecomponenten in gebruik.' }),
        uiteenlopend: Type.Integer({ minimum: 0, description: 'Waarvan met meer dan één applicatie (verschillend = true).' }),
      },
      { description: 'Samenvatting.' },
    ),
  },
  {
    $id: 'Harmonisatie',
    description: 'Waar leden van een samenwerking verschillende applicaties gebruiken voor hetzelfde doel (GEMMA-referentiecomponent).',
  },
)

export const HarmonisatieQuery = Type.Object(
  {
    samenwerkingId: Id('De samenwerking.'),
    jaar: Type.Optional(
      Type.Integer({
        ...JAARTAL,
        minimum: JAAR_MIN,
        maximum: JAAR_MAX,
        description: 'Jaar van de kosten; standaard dit jaar.',
        'x-reden': JAAR_REDEN,
      }),
    ),
  },
  { additionalProperties: false },
)

export const INTEROP_SCHEMAS = [ArchimateImportRapport, Harmonisatie]
