import Type, { type Static } from 'typebox'
import { DECLARATIE_SOORTEN, DECLARATIE_STATUSSEN } from '../domain/vocabulary.js'
import { Eurocent, Id, Keuze } from './common.js'

// GET /kostenposten/{id}/declaraties: which declaraties hold a kostenpost and whether a correction is due.

const Partij = (description: string) =>
  Type.Object({ id: Id('Organisatie.'), naam: Type.String({ description: 'Naam van de organisatie.' }) }, { description })

const NietVoorCorrectie = 'Alleen bij een oorspronkelijke declaratie; null bij een correctie.'

export const DeclaratieVanKostenpost = Type.Object(
  {
    id: Id('De declaratie (GET /declaraties/{id}).'),
    nummer: Type.Union([Type.String(), Type.Null()], {
      description: 'Declaratienummer, bijvoorbeeld 2026-0001; null zolang het een concept is.',
    }),
    soort: Keuze(DECLARATIE_SOORTEN, 'Een oorspronkelijke declaratie of een correctie daarop.'),
    status: Keuze(DECLARATIE_STATUSSEN, 'Status van de declaratie.'),
    periode: Type.String({ description: 'Periode van de declaratie (2026, 2026-Q3, 2026-07).' }),
    corrigeertId: Type.Union([Id('De gecorrigeerde declaratie.'), Type.Null()], {
      description: 'Bij een correctie: de declaratie die zij corrigeert.',
    }),
    corrigeertNummer: Type.Union([Type.String(), Type.Null()], {
      description: 'Bij een correctie: het nummer van de gecorrigeerde declaratie.',
    }),
    afzender: Partij('De organisatie die declareert (de maker van de kosten).'),
    afnemer: Partij('De organisatie aan wie is gedeclareerd.'),
    bedrag: Eurocent('De regel(s) van deze kostenpost in deze declaratie; bij een correctie het verschil.'),
    gedeclareerdBedrag: Type.Union(
      [
        Eurocent('Wat van deze kostenpost aan de afnemer is gedeclareerd: de declaratie plus haar correcties die geen concept meer zijn.'),
        Type.Null(),
      ],
      {
        description: `Gedeclareerd deel van de kostenpost, in eurocent. ${NietVoorCorrectie}`,
      },
    ),
    actueelBedrag: Type.Union(
      [
        Eurocent('Het deel van de afnemer in de kostenpost zoals die nu is (0 als de post niet meer in deze declaratie hoort).'),
        Type.Null(),
      ],
      {
        description: `Het deel nu, in eurocent; null als de kostenpost nu niet te verdelen is. ${NietVoorCorrectie}`,
      },
    ),
    magCorrigeren: Type.Boolean({
      description: 'Waar als een correctie nodig is en de aanvrager haar mag maken (de regisseur van de afzender).',
    }),
    correctieNodig: Type.Boolean({
      description:
        'Waar als de declaratie niet meer in concept is en het gedeclareerde deel afwijkt van het deel nu: maak dan een correctie (POST /declaraties/{id}/corrigeren).',
    }),
  },
  { description: 'Een declaratie met een regel voor deze kostenpost.' },
)

export const DeclaratiesVanKostenpost = Type.Object(
  {
    kostenpostId: Id('De kostenpost.'),
    declaraties: Type.Array(DeclaratieVanKostenpost, {
      description:
        'Elke declaratie met een regel voor deze kostenpost die de aanvrager mag zien (alleen afzender en afnemer zien een declaratie), per periode; een correctie volgt op haar oorspronkelijke declaratie.',
    }),
  },
  { description: 'De declaraties waarin een kostenpost is opgenomen.' },
)
export type DeclaratiesVanKostenpost = Static<typeof DeclaratiesVanKostenpost>
