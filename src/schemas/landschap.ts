import Type, { type Static } from 'typebox'
import type { AllemaalWaar, Gelijk } from '../domain/typen/gelijk.js'
import type * as domein from '../domain/typen/landschap.js'
import { KNOOP_SOORTEN, type KnoopSoort } from '../domain/typen/landschap.js'
import { BIV_NIVEAUS, SAMENWERKING_VORMEN } from '../domain/vocabulary.js'
import { Datum, Id, Keuze } from './common.js'

// The two read models of the web UI's start pages: the dashboard (one card per
// samenwerking) and the landschap graph. Both carry only what the page shows, so a
// whole view comes in one request. The landschap's types are declared in the domain
// (src/domain/typen/landschap.ts); `KloptMetDomein` below proves the schemas agree.

const Aantal = (description: string) => Type.Integer({ minimum: 0, description })

const OrganisatieVerwijzing = Type.Object(
  { id: Id('Identificatie van de organisatie.'), naam: Type.String({ description: 'Naam van de organisatie.' }) },
  { description: 'Een organisatie, met naam.' },
)

export const KoppelingTelling = Type.Object(
  {
    totaal: Aantal('Aantal koppelingen.'),
    persoonsgegevens: Aantal('Aantal koppelingen waarover persoonsgegevens gaan.'),
    vertrouwelijkheid: Type.Object(
      { laag: Aantal('Vertrouwelijkheid laag.'), midden: Aantal('Vertrouwelijkheid midden.'), hoog: Aantal('Vertrouwelijkheid hoog.') },
      { description: 'Aantal koppelingen per vertrouwelijkheidsniveau (BIV).' },
    ),
  },
  { description: 'Koppelingen geteld naar BIV-classificatie.' },
)
export type KoppelingTelling = domein.KoppelingTelling

const SamenwerkingOverzicht = Type.Object(
  {
    id: Id('Identificatie van de samenwerking.'),
    naam: Type.String({ description: 'Naam van de samenwerking.' }),
    vorm: Keuze(SAMENWERKING_VORMEN, 'Vorm van de samenwerking.'),
    startdatum: Type.Optional(Datum('Begin van de samenwerking.')),
    einddatum: Type.Optional(Datum('Einde van de samenwerking.')),
    leden: Type.Array(
      Type.Object(
        {
          organisatieId: Id('Identificatie van het lid.'),
          naam: Type.String({ description: 'Naam van het lid.' }),
          startdatum: Type.Optional(Datum('Lid sinds.')),
          einddatum: Type.Optional(Datum('Lid tot.')),
        },
        { description: 'Een lid van de samenwerking.' },
      ),
      { description: 'De leden, in de volgorde van de samenwerking.' },
    ),
    gastheerschappen: Type.Array(
      Type.Object(
        {
          id: Id('Identificatie van het gastheerschap.'),
          taak: Type.String({ description: 'De taak die de gastheer uitvoert.' }),
          gastheer: OrganisatieVerwijzing,
          afnemers: Type.Array(OrganisatieVerwijzing, { description: 'Voor wie de gastheer de taak uitvoert.' }),
        },
        { description: 'Een gastheerschap binnen de samenwerking.' },
      ),
      { description: 'De gastheerschappen binnen de samenwerking die de vrager mag zien, op taak.' },
    ),
    koppelingen: KoppelingTelling,
  },
  { description: 'Eén samenwerking met leden, gastheerschappen en de koppelingen die die gastheerschappen dienen.' },
)
export type SamenwerkingOverzicht = Static<typeof SamenwerkingOverzicht>

export const Dashboard = Type.Object(
  {
    totalen: Type.Object(
      {
        organisaties: Aantal('Aantal organisaties.'),
        samenwerkingen: Aantal('Aantal samenwerkingen die de vrager mag zien.'),
        gastheerschappen: Aantal('Aantal gastheerschappen die de vrager mag zien.'),
        applicaties: Aantal('Aantal applicaties die de vrager mag zien.'),
        koppelingen: Aantal('Aantal koppelingen die de vrager mag zien.'),
      },
      { description: 'Tellingen over alles wat de vrager mag zien.' },
    ),
    koppelingen: KoppelingTelling,
    samenwerkingen: Type.Array(SamenwerkingOverzicht, { description: 'De samenwerkingen die de vrager mag zien, op naam.' }),
  },
  { $id: 'Dashboard', description: 'Overzicht voor de startpagina: per samenwerking leden, gastheerschappen en koppelingen.' },
)
export type Dashboard = Static<typeof Dashboard>

export { KNOOP_SOORTEN, type KnoopSoort }

const Knoop = Type.Object(
  {
    id: Type.String({
      description:
        'Identificatie: de UUID van de organisatie of applicatie, of `voorziening:<naam in kleine letters>` voor een landelijke voorziening.',
    }),
    soort: Keuze(KNOOP_SOORTEN, 'Soort knoop.'),
    naam: Type.String({ description: 'Naam om te tonen.' }),
    type: Type.Optional(Type.String({ description: 'Bij een organisatie: het soort organisatie.' })),
    status: Type.Optional(Type.String({ description: 'Bij een applicatie: de levenscyclusstatus.' })),
  },
  { description: 'Een knoop in het landschap.' },
)
export type Knoop = domein.Knoop

const Verbinding = Type.Object(
  {
    soort: Keuze(['koppeling', 'gebruikt'] as const, 'Een koppeling tussen applicaties, of een organisatie die een applicatie gebruikt.'),
    bron: Type.String({ description: 'Knoop-id van de bron (bij gebruikt: de organisatie).' }),
    doel: Type.String({ description: 'Knoop-id van het doel (bij gebruikt: de applicatie).' }),
    via: Type.Optional(Type.String({ description: 'Knoop-id van de tussenliggende applicatie (bijvoorbeeld een Gegevensmakelaar).' })),
    koppelingId: Type.Optional(Id('Bij een koppeling: haar identificatie.')),
    naam: Type.Optional(Type.String({ description: 'Bij een koppeling: haar naam.' })),
    richting: Type.Optional(Type.String({ description: 'Bij een koppeling: A→B, B→A of bidirectioneel.' })),
    vertrouwelijkheid: Type.Optional(Keuze(BIV_NIVEAUS, 'Bij een koppeling: vertrouwelijkheid (BIV).')),
    persoonsgegevens: Type.Optional(Type.Boolean({ description: 'Bij een koppeling: of er persoonsgegevens over gaan.' })),
    status: Type.Optional(Type.String({ description: 'Bij een koppeling: haar status (in ontwikkeling, in gebruik, …).' })),
  },
  { description: 'Een verbinding tussen twee knopen.' },
)
export type Verbinding = domein.Verbinding

export const Landschap = Type.Object(
  {
    knopen: Type.Array(Knoop, { description: 'Organisaties, applicaties en landelijke voorzieningen.' }),
    verbindingen: Type.Array(Verbinding, { description: 'Koppelingen en gebruik.' }),
  },
  { $id: 'Landschap', description: 'Het applicatielandschap als graaf, beperkt tot wat de vrager mag zien en tot de filters.' },
)
export type Landschap = domein.Landschap

/** Fails the type check when a schema and its domain type differ in any field. */
export type KloptMetDomein = AllemaalWaar<
  [
    Gelijk<Static<typeof Knoop>, domein.Knoop>,
    Gelijk<Static<typeof Verbinding>, domein.Verbinding>,
    Gelijk<Static<typeof Landschap>, domein.Landschap>,
    Gelijk<Static<typeof KoppelingTelling>, domein.KoppelingTelling>,
  ]
>

export const LandschapQuery = Type.Object(
  {
    samenwerkingId: Type.Optional(
      Id(
        'Alleen wat de leden van deze samenwerking gebruiken, en de koppelingen van die samenwerking (gekozen, via het gastheerschap of afgeleid).',
      ),
    ),
    organisatieId: Type.Optional(Id('Alleen wat deze organisatie gebruikt, en de koppelingen daarvan.')),
    vertrouwelijkheid: Type.Optional(Keuze(BIV_NIVEAUS, 'Alleen koppelingen met deze vertrouwelijkheid (en hun applicaties).')),
    persoonsgegevens: Type.Optional(
      Type.Boolean({ description: 'Alleen koppelingen met (true) of zonder (false) persoonsgegevens (en hun applicaties).' }),
    ),
  },
  { additionalProperties: false },
)
export type LandschapQuery = Static<typeof LandschapQuery>
