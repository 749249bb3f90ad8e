import Type, { type Static } from 'typebox'
import { CONTROLE_SOORTEN } from '../domain/monitoring/invoer.js'
import { WERKINGSSTATUSSEN } from '../domain/monitoring/typen.js'
import { Keuze, Tijdstip } from './common.js'

// What the monitoring status routes answer (issue 14): the schemas of the responses and
// their types, so the web reads the server's own types (import type) instead of copies.
// Instants are ISO 8601 strings here; percentages numbers with three decimals.

export const Reden = Type.Object({ nl: Type.String(), en: Type.String() }, { description: 'Waarom, in het Nederlands en het Engels.' })
export const Ref = Type.Object({ id: Type.String({ format: 'uuid' }), naam: Type.String() })
export const STATUSSEN = [...WERKINGSSTATUSSEN, 'gepauzeerd'] as const
export const Percentage = (description: string) =>
  Type.Number({ minimum: 0, maximum: 100, description: `${description} In procenten (0–100), drie decimalen.` })

export const LaatsteMeting = Type.Object({
  op: Tijdstip('Wanneer.'),
  geslaagd: Type.Boolean(),
  soort: Type.String({ description: "De uitkomst: 'geslaagd', 'time-out', 'fout-status', 'tls-fout', 'certificaat-verloopt', …" }),
  reden: Type.Optional(Reden),
  duurMs: Type.Optional(Type.Integer({ description: 'Duur in milliseconden.' })),
})

export const ControleStatus = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    naam: Type.String(),
    soort: Keuze(CONTROLE_SOORTEN, 'Soort controle.'),
    status: Keuze(
      STATUSSEN,
      'werkt, verstoord (laatste meting mislukt), storing (open storing), onbekend (geen recente metingen) of gepauzeerd.',
    ),
    intervalSeconden: Type.Integer({ description: 'Interval in seconden.' }),
    koppeling: Type.Optional(Ref),
    applicatie: Type.Optional(Ref),
    laatsteMeting: Type.Optional(LaatsteMeting),
    storing: Type.Optional(
      Type.Object({ id: Type.String({ format: 'uuid' }), sinds: Tijdstip('Begin van de uitval (eerste mislukte meting).') }),
    ),
    beschikbaarheid24u: Type.Optional(Percentage('Aandeel geslaagde metingen in de laatste 24 uur, onderhoud niet meegeteld.')),
  },
  { $id: 'ControleStatus', description: 'Een controle met haar werking.' },
)

export const Totalen = Type.Object(
  Object.fromEntries(STATUSSEN.map((s) => [s, Type.Integer({ minimum: 0 })])) as Record<
    (typeof STATUSSEN)[number],
    ReturnType<typeof Type.Integer>
  >,
  { description: 'Aantal controles per werking (alle die de vrager mag zien, binnen de samenwerking als die gekozen is).' },
)

export const Gebeurtenis = Type.Object({
  op: Tijdstip('Wanneer.'),
  soort: Keuze(['geopend', 'bevestigd', 'hersteld', 'gesloten', 'notitie'] as const, 'Wat er gebeurde.'),
  tekst: Type.Optional(Type.String()),
  door: Type.Optional(Type.String({ description: 'Wie (gebruikersnaam), bij bevestigd en notitie.' })),
  meetsoort: Type.Optional(Type.String({ description: 'Bij geopend: de uitkomst die de storing opende.' })),
})

export const Storing = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    controle: Ref,
    koppeling: Type.Optional(Ref),
    begonnenOp: Tijdstip('De eerste mislukte meting: het begin van de uitval.'),
    geopendOp: Tijdstip('De meting waarmee de drempel werd bereikt.'),
    geslotenOp: Type.Optional(Tijdstip('Hersteld en gesloten.')),
    open: Type.Boolean(),
    reden: Type.Optional(Reden),
    tijdlijn: Type.Array(Gebeurtenis),
  },
  { $id: 'Storing', description: 'Een storing van een controle, met haar tijdlijn.' },
)

export const BeschikbaarheidVelden = {
  beschikbaarheid: Type.Optional(Percentage('Beschikbaarheid over de gemeten minuten (afwezig: niets gemeten).')),
  doel: Type.Optional(Percentage('Het afgesproken niveau (beschikbaarheidsdoel van het gastheerschap).')),
  oordeel: Keuze(['gehaald', 'niet-gehaald', 'geen-doel', 'onbekend'] as const, 'Het oordeel tegen het doel.'),
  gemetenMinuten: Type.Integer(),
  beschikbareMinuten: Type.Integer(),
  onderhoudMinuten: Type.Integer({ description: 'Minuten in onderhoudsvensters: tellen niet mee.' }),
  ongemetenMinuten: Type.Integer({ description: 'Minuten zonder metingen: tellen niet mee, en worden niet als beschikbaar geteld.' }),
}

export const KoppelingBeschikbaarheid = Type.Object(
  {
    maand: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', description: 'De maand (Europe/Amsterdam), JJJJ-MM.' }),
    koppeling: Ref,
    serviceniveau: Type.Optional(Type.String()),
    ...BeschikbaarheidVelden,
    controles: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), naam: Type.String(), ...BeschikbaarheidVelden })),
  },
  { $id: 'KoppelingBeschikbaarheid', description: 'Beschikbaarheid van een koppeling in een maand: die van haar slechtste controle.' },
)

export const Statuspagina = Type.Object(
  {
    titel: Type.String(),
    slug: Type.Optional(Type.String()),
    openbaar: Type.Optional(Type.Boolean()),
    samenwerking: Type.Optional(Ref),
    bijgewerktOp: Tijdstip('Moment van deze stand.'),
    koppelingen: Type.Array(
      Type.Object({
        koppeling: Type.Object({ id: Type.Optional(Type.String({ format: 'uuid' })), naam: Type.String() }),
        status: Keuze(WERKINGSSTATUSSEN, 'De werking nu.'),
        doel: Type.Optional(Percentage('Het afgesproken niveau.')),
        beschikbaarheid90d: Type.Optional(Percentage('Beschikbaarheid over de laatste 90 dagen.')),
        dagen: Type.Array(
          Type.Object({
            dag: Type.String({ description: 'Datum (Europe/Amsterdam).' }),
            beschikbaarheid: Type.Optional(Type.Number()),
            oordeel: Keuze(['gehaald', 'niet-gehaald', 'geen-doel', 'onbekend'] as const, 'Oordeel van die dag.'),
          }),
        ),
      }),
    ),
  },
  {
    $id: 'Statuspagina',
    description: 'De statuspagina van een samenwerking: werking nu en 90 dagen beschikbaarheid; geen adressen of foutteksten.',
  },
)

export const Uitkomst = Type.Object(
  {
    geslaagd: Type.Boolean(),
    soort: Type.String({ description: 'De uitkomst.' }),
    reden: Reden,
    duurMs: Type.Integer({ description: 'Duur in milliseconden.' }),
    details: Type.Optional(
      Type.Unknown({ description: 'Status, bytes, certificaat (geldig tot, dagen, uitgever), adres, DNS-antwoorden.' }),
    ),
  },
  { $id: 'Uitkomst', description: 'Wat de controle nu vond.' },
)

export const MONITORING_STATUS_SCHEMAS = [ControleStatus, Storing, KoppelingBeschikbaarheid, Statuspagina, Uitkomst]

export type ControleStatusWaarde = (typeof STATUSSEN)[number]
export type ControleStatus = Static<typeof ControleStatus>
export type Storing = Static<typeof Storing>
export type KoppelingBeschikbaarheid = Static<typeof KoppelingBeschikbaarheid>
export type Statuspagina = Static<typeof Statuspagina>
export type Uitkomst = Static<typeof Uitkomst>
export type Reden = Static<typeof Reden>
export type Ref = Static<typeof Ref>

export const Uur = Type.Object({
  uur: Tijdstip('Begin van het uur (UTC).'),
  aantal: Type.Integer(),
  geslaagd: Type.Integer(),
  inOnderhoud: Type.Integer(),
  gemiddeldeDuurMs: Type.Integer({ description: 'Gemiddelde duur in milliseconden.' }),
  maxDuurMs: Type.Integer({ description: 'Langste duur in milliseconden.' }),
})

export const MetingRegel = Type.Object({
  tijdstip: Tijdstip('Wanneer.'),
  geslaagd: Type.Boolean(),
  duurMs: Type.Integer(),
  soort: Type.String(),
  reden: Type.Optional(Reden),
})

/** GET /controles/{id}/verloop */
export const Verloop = Type.Object({ stand: ControleStatus, uren: Type.Array(Uur), metingen: Type.Array(MetingRegel) })
export type Verloop = Static<typeof Verloop>

/** GET /koppelingen/{id}/werking */
export const Werking = Type.Object({
  status: Keuze(WERKINGSSTATUSSEN, 'Wat getoond wordt.'),
  gemeten: Keuze(WERKINGSSTATUSSEN, 'Wat de metingen zeggen.'),
  bron: Keuze(['metingen', 'handmatig'] as const, 'Waar de status vandaan komt.'),
  reden: Type.Optional(Type.String()),
  uitleg: Reden,
  handmatig: Type.Optional(
    Type.Object({
      status: Type.String(),
      reden: Type.String(),
      tot: Type.Optional(Tijdstip('Tot.')),
      door: Type.String(),
      op: Tijdstip('Gezet op.'),
    }),
  ),
  controles: Type.Array(ControleStatus),
})
export type Werking = Static<typeof Werking>

/** POST /meldingskanalen/{id}/test */
export const TestmeldingUitkomst = Type.Object({
  geslaagd: Type.Boolean(),
  tijdelijk: Type.Optional(Type.Boolean()),
  reden: Type.Optional(Reden),
  duurMs: Type.Integer(),
})
export type TestmeldingUitkomst = Static<typeof TestmeldingUitkomst>
