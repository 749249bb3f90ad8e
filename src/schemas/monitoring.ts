import Type, { type Static } from 'typebox'
import * as domein from '../domain/monitoring/invoer.js'
import type { AllemaalWaar, Gelijk } from '../domain/typen/gelijk.js'
import { LIMITS } from '../domain/vocabulary.js'
import { Id, Keuze, KorteTekst, Metadata, Naam, Tijdstip } from './common.js'

// Monitoring (issue 14): controles, onderhoudsvensters and meldingskanalen as registry
// resources. The input types are the domain's (domain/monitoring/invoer.ts); which fields
// a soort needs is checked by its rules, at the field.

const strict = { additionalProperties: false } as const
const G = domein.CONTROLE_GRENZEN

const Pem = (description: string) =>
  Type.String({
    maxLength: 20_000,
    pattern: '-----BEGIN ',
    description,
    'x-reden': { nl: 'Geen PEM-tekst: die begint met -----BEGIN …-----.', en: 'Not PEM text: it starts with -----BEGIN …-----.' },
  })
const Headers = (description: string) =>
  Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 4000 }), { maxProperties: 30, description })

const InhoudControle = Type.Union(
  [
    Type.Object(
      {
        soort: Type.Literal('tekst-bevat'),
        tekst: Type.String({ minLength: 1, maxLength: 1000, description: 'Tekst die in het antwoord moet staan.' }),
      },
      strict,
    ),
    Type.Object(
      {
        soort: Type.Literal('json-pointer'),
        pointer: Type.String({ maxLength: 500, description: 'JSON-pointer (RFC 6901), bijvoorbeeld /status.' }),
        waarde: Type.Unknown({ description: 'De waarde die daar moet staan (exact gelijk).' }),
      },
      strict,
    ),
  ],
  { description: 'Wat het antwoord moet bevatten; gecontroleerd op hoogstens maxBytes van het antwoord.' },
)

const ControleGeheimen = Type.Object(
  {
    headers: Type.Optional(Headers('Geheime headers (bijvoorbeeld Authorization): versleuteld bewaard, nooit teruggegeven.')),
    clientSleutelPem: Type.Optional(
      Pem('De privésleutel (PEM) bij het clientcertificaat (mTLS): versleuteld bewaard, nooit teruggegeven.'),
    ),
  },
  {
    ...strict,
    description:
      'Geheimen van de controle. Weglaten bij wijzigen: de bewaarde geheimen blijven. Een leeg object: de geheimen worden gewist.',
  },
)

export const ControleInvoer = Type.Object(
  {
    naam: Naam('Naam van de controle, bijvoorbeeld "Digitale Belastingbalie bereikbaar".'),
    koppelingId: Type.Optional(Id('De koppeling die wordt gecontroleerd (of applicatieId).', 'koppeling')),
    applicatieId: Type.Optional(Id('De applicatie wier eindpunt wordt gecontroleerd (of koppelingId).', 'applicatie')),
    soort: Keuze(
      domein.CONTROLE_SOORTEN,
      'http: een verzoek en het antwoord; tls: het certificaat; tcp: een poort openen; dns: een naam opzoeken.',
    ),
    url: Type.Optional(
      Type.String({ maxLength: LIMITS.url, description: 'HTTP: de URL (http:// of https://), zonder gebruikersnaam of wachtwoord.' }),
    ),
    methode: Type.Optional(Keuze(domein.CONTROLE_METHODES, 'HTTP: de methode (standaard GET).')),
    verwachteStatus: Type.Optional(
      Type.String({
        maxLength: 100,
        description: "HTTP: statuscodes die slagen, bijvoorbeeld '200', '200,204' of '200-299' (standaard 200-299).",
      }),
    ),
    inhoudControle: Type.Optional(InhoudControle),
    headers: Type.Optional(Headers('HTTP: headers die worden meegestuurd (niet geheim; geheime in geheimen.headers).')),
    verzoekInhoud: Type.Optional(Type.String({ maxLength: 10_000, description: 'HTTP POST/PUT: de inhoud van het verzoek.' })),
    volgRedirects: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: G.redirectsMax,
        description: 'HTTP: hoeveel redirects worden gevolgd (standaard 0: de 3xx zelf wordt beoordeeld).',
      }),
    ),
    maxBytes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: G.maxBytesMax,
        description: 'HTTP: hoeveel bytes van het antwoord hoogstens worden gelezen (standaard 1 MiB).',
      }),
    ),
    caPem: Type.Optional(Pem('HTTP/TLS: extra vertrouwde rootcertificaten (PEM), bijvoorbeeld PKIoverheid Private Root.')),
    clientCertificaatPem: Type.Optional(
      Pem('HTTP: clientcertificaat (PEM) voor mTLS, zoals Digikoppeling vraagt; de sleutel in geheimen.'),
    ),
    host: Type.Optional(Type.String({ minLength: 1, maxLength: 253, description: 'TLS/TCP: de hostnaam of het IP-adres.' })),
    poort: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 65535, description: 'TLS/TCP: de poort (bijvoorbeeld 443, of 22 voor SFTP).' }),
    ),
    servernaam: Type.Optional(
      Type.String({ maxLength: 253, description: 'TLS: de naam (SNI) die het certificaat moet dragen; standaard host.' }),
    ),
    minDagenGeldig: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 365,
        description: 'TLS: waarschuw als het certificaat binnen zoveel dagen verloopt (standaard 14).',
      }),
    ),
    dnsNaam: Type.Optional(Type.String({ minLength: 1, maxLength: 253, description: 'DNS: de naam die moet worden opgezocht.' })),
    dnsType: Type.Optional(Keuze(domein.CONTROLE_DNS_TYPES, 'DNS: het soort record (standaard A).')),
    dnsVerwacht: Type.Optional(Type.String({ maxLength: 500, description: 'DNS: één van de antwoorden moet dit zijn.' })),
    intervalSeconden: Type.Integer({
      minimum: G.intervalMin,
      maximum: G.intervalMax,
      description: `Elke hoeveel seconden de controle draait: ${G.intervalMin} tot ${G.intervalMax} seconden.`,
      'x-reden': {
        nl: `Het interval is in seconden: een geheel getal van ${G.intervalMin} tot ${G.intervalMax}.`,
        en: `The interval is in seconds: a whole number from ${G.intervalMin} to ${G.intervalMax}.`,
      },
    }),
    timeoutMs: Type.Integer({
      minimum: G.timeoutMin,
      maximum: G.timeoutMax,
      description: `Hoe lang één poging mag duren, in milliseconden: ${G.timeoutMin} tot ${G.timeoutMax} (en korter dan het interval).`,
      'x-reden': {
        nl: `De time-out is in milliseconden: een geheel getal van ${G.timeoutMin} tot ${G.timeoutMax} (5 seconden is 5000).`,
        en: `The timeout is in milliseconds: a whole number from ${G.timeoutMin} to ${G.timeoutMax} (5 seconds is 5000).`,
      },
    }),
    pogingen: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: G.pogingenMax,
        description: 'Extra pogingen binnen één meting voordat zij mislukt (standaard 0).',
      }),
    ),
    foutenVoorStoring: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: G.drempelMax,
        description: 'Na hoeveel mislukte metingen op rij een storing opent (standaard 3).',
      }),
    ),
    successenVoorHerstel: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: G.drempelMax,
        description: 'Na hoeveel geslaagde metingen op rij de storing sluit (standaard 1).',
      }),
    ),
    actief: Type.Optional(Type.Boolean({ description: 'Of de controle draait (standaard ja).' })),
    geheimen: Type.Optional(ControleGeheimen),
  },
  { ...strict, $id: 'ControleInvoer', description: 'Een controle van een koppeling of een applicatie-eindpunt.' },
)
export type ControleInvoer = domein.ControleInvoer

export const GeheimenIngesteld = Type.Object(
  {
    headers: Type.Array(Type.String(), { description: 'De namen van de geheime headers (de waarden worden nooit getoond).' }),
    clientSleutel: Type.Boolean({ description: 'Of er een clientsleutel is bewaard.' }),
  },
  { description: 'Welke geheimen zijn bewaard (alleen-lezen; de waarden zelf nooit).' },
)

const { geheimen: _geheimen, ...controleVelden } = ControleInvoer.properties
export const Controle = Type.Object(
  { ...Metadata, ...controleVelden, geheimenIngesteld: GeheimenIngesteld },
  { $id: 'Controle', description: 'Een controle van een koppeling of een applicatie-eindpunt.' },
)
export type Controle = Static<typeof Controle>

export const OnderhoudsvensterInvoer = Type.Object(
  {
    reden: Naam('Waarom: bijvoorbeeld "Upgrade Key2Belastingen".'),
    van: Tijdstip('Begin (inclusief), met tijdzone.'),
    tot: Tijdstip('Einde (exclusief), met tijdzone; hoogstens 31 dagen na het begin.'),
    controleId: Type.Optional(Id('Geldt voor deze controle (of koppelingId, of samenwerkingId).', 'controle')),
    koppelingId: Type.Optional(Id('Geldt voor alle controles van deze koppeling.', 'koppeling')),
    samenwerkingId: Type.Optional(Id('Geldt voor alle controles van de koppelingen van deze samenwerking.', 'samenwerking')),
  },
  {
    ...strict,
    $id: 'OnderhoudsvensterInvoer',
    description: 'Gepland onderhoud: metingen in dit venster tellen niet voor storingen en beschikbaarheid.',
  },
)
export type OnderhoudsvensterInvoer = domein.OnderhoudsvensterInvoer

export const Onderhoudsvenster = Type.Object(
  { ...Metadata, ...OnderhoudsvensterInvoer.properties },
  { $id: 'Onderhoudsvenster', description: 'Gepland onderhoud van controles.' },
)
export type Onderhoudsvenster = Static<typeof Onderhoudsvenster>

export const MeldingskanaalInvoer = Type.Object(
  {
    naam: Naam('Naam van het kanaal, bijvoorbeeld "Teams ICT-regie".'),
    organisatieId: Id('De organisatie die het kanaal beheert; zij hoort over wat zij mag zien.', 'organisatie'),
    samenwerkingId: Type.Optional(Id('Alleen over de koppelingen van deze samenwerking.', 'samenwerking')),
    soort: Keuze(domein.MELDINGSKANAAL_SOORTEN, 'webhook of e-mail.'),
    formaat: Type.Optional(Keuze(domein.WEBHOOK_FORMATEN, 'Webhook: json (algemeen), teams (Microsoft Teams) of slack (ook Mattermost).')),
    webhookUrl: Type.Optional(
      Type.String({
        maxLength: LIMITS.url,
        description:
          'Webhook: de URL. Bevat vaak een token: versleuteld bewaard en nooit volledig teruggegeven. Weglaten bij wijzigen: blijft.',
      }),
    ),
    ontvangers: Type.Optional(
      Type.Array(Type.String({ format: 'email', maxLength: 254 }), { maxItems: 50, description: 'E-mail: de ontvangers.' }),
    ),
    gebeurtenissen: Type.Array(Keuze(domein.MELDING_GEBEURTENISSEN, 'Een gebeurtenis.'), {
      minItems: 1,
      description: 'Waarover wordt gemeld.',
    }),
    certificaatDagen: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 365 }), {
        maxItems: 10,
        description: 'Waarschuw zoveel dagen voordat een certificaat verloopt (standaard 30, 14 en 7).',
      }),
    ),
    actief: Type.Optional(Type.Boolean({ description: 'Of het kanaal meldingen krijgt (standaard ja).' })),
  },
  { ...strict, $id: 'MeldingskanaalInvoer', description: 'Waar meldingen over storingen en certificaten heen gaan.' },
)
export type MeldingskanaalInvoer = domein.MeldingskanaalInvoer

const { webhookUrl: _url, ...kanaalVelden } = MeldingskanaalInvoer.properties
export const Meldingskanaal = Type.Object(
  {
    ...Metadata,
    ...kanaalVelden,
    webhookUrlWeergave: Type.Optional(
      KorteTekst('De webhook-URL ingekort tot host en de laatste tekens (de volledige URL wordt nooit teruggegeven).'),
    ),
  },
  { $id: 'Meldingskanaal', description: 'Een meldingskanaal.' },
)
export type Meldingskanaal = Static<typeof Meldingskanaal>

/** A person's working state of a koppeling, as the audit log keeps it on the koppeling. */
export const WerkingHandmatigStaat = Type.Object(
  {
    status: Type.String({ description: 'De gezette werking.' }),
    reden: Type.String({ description: 'Waarom.' }),
    tot: Type.Optional(Tijdstip('Tot wanneer.')),
  },
  { description: 'Handmatige werking van de koppeling.' },
)

/** A samenwerking's status page settings, as the audit log keeps them on the samenwerking. */
export const StatuspaginaStaat = Type.Object(
  {
    openbaar: Type.Boolean({ description: 'Openbaar op /status/{slug}.' }),
    slug: Type.Optional(Type.String({ description: 'Het adres.' })),
    titel: Type.Optional(Type.String({ description: 'De titel.' })),
  },
  { description: 'Statuspagina van de samenwerking.' },
)

/** Fails the type check when an input schema and its domain type differ in any field. */
export type InvoerKloptMetDomein = AllemaalWaar<
  [
    Gelijk<Static<typeof ControleInvoer>, domein.ControleInvoer>,
    Gelijk<Static<typeof OnderhoudsvensterInvoer>, domein.OnderhoudsvensterInvoer>,
    Gelijk<Static<typeof MeldingskanaalInvoer>, domein.MeldingskanaalInvoer>,
  ]
>

export const MONITORING_SCHEMAS = [
  ControleInvoer,
  Controle,
  OnderhoudsvensterInvoer,
  Onderhoudsvenster,
  MeldingskanaalInvoer,
  Meldingskanaal,
]
