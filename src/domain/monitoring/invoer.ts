import { type InvalidParam, msg } from '../errors.js'
import type { Reference } from '../registry-rules.js'

// What a person enters for monitoring (issue 14): a controle, an onderhoudsvenster, a
// meldingskanaal. Flat inputs (the registry's forms and CSV speak fields, not unions);
// which fields a soort needs, a JSON Schema cannot say clearly, so the rules below do,
// each broken rule at its field.

export const CONTROLE_SOORTEN = ['http', 'tls', 'tcp', 'dns'] as const
export type ControleSoort = (typeof CONTROLE_SOORTEN)[number]
export const CONTROLE_METHODES = ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'] as const
export const CONTROLE_DNS_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT'] as const

/** Bounds an administrator cannot lower below: a probe every few seconds is an attack, not a check. */
export const CONTROLE_GRENZEN = {
  intervalMin: 30,
  intervalMax: 86_400,
  timeoutMin: 1000,
  timeoutMax: 60_000,
  pogingenMax: 5,
  drempelMax: 20,
  redirectsMax: 10,
  maxBytesMax: 10 * 1024 * 1024,
} as const

export type InhoudControle = { soort: 'tekst-bevat'; tekst: string } | { soort: 'json-pointer'; pointer: string; waarde: unknown }

/** Secret values: written, never read back (only their names). */
export interface ControleGeheimen {
  /** Header name → value, e.g. Authorization. */
  headers?: Record<string, string>
  /** PEM private key for the client certificate (mTLS). */
  clientSleutelPem?: string
}

export interface ControleInvoer {
  naam: string
  koppelingId?: string
  applicatieId?: string
  soort: ControleSoort
  url?: string
  methode?: (typeof CONTROLE_METHODES)[number]
  /** "200-299", "200,204" or "301": the statuses that pass. */
  verwachteStatus?: string
  inhoudControle?: InhoudControle
  headers?: Record<string, string>
  verzoekInhoud?: string
  volgRedirects?: number
  maxBytes?: number
  caPem?: string
  clientCertificaatPem?: string
  host?: string
  poort?: number
  servernaam?: string
  minDagenGeldig?: number
  dnsNaam?: string
  dnsType?: (typeof CONTROLE_DNS_TYPES)[number]
  dnsVerwacht?: string
  intervalSeconden: number
  timeoutMs: number
  pogingen?: number
  foutenVoorStoring?: number
  successenVoorHerstel?: number
  actief?: boolean
  geheimen?: ControleGeheimen
}

const invalid = (name: string, code: string, nl: string, en: string): InvalidParam => ({ name, code, reason: msg(nl, en) })

const STATUS_DEEL = /^([1-5][0-9]{2})(?:-([1-5][0-9]{2}))?$/

/** "200-299,301" → the list the probe reads; undefined when a part is no status or range. */
export function leesVerwachteStatus(tekst: string): (number | { van: number; tot: number })[] | undefined {
  const delen = tekst
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
  if (delen.length === 0) return undefined
  const uit: (number | { van: number; tot: number })[] = []
  for (const deel of delen) {
    const m = STATUS_DEEL.exec(deel)
    if (!m) return undefined
    const van = Number(m[1])
    if (m[2] === undefined) uit.push(van)
    else {
      const tot = Number(m[2])
      if (tot < van) return undefined
      uit.push({ van, tot })
    }
  }
  return uit
}

/** A name that may be sent as an HTTP header, and not one the probe sets itself. */
const HEADER_NAAM = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const EIGEN_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection'])

function headerFouten(veld: string, headers: Record<string, string> | undefined): InvalidParam[] {
  const fouten: InvalidParam[] = []
  for (const [naam, waarde] of Object.entries(headers ?? {})) {
    if (!HEADER_NAAM.test(naam) || EIGEN_HEADERS.has(naam.toLowerCase()))
      fouten.push(
        invalid(
          `${veld}.${naam}`,
          'ongeldige-header',
          `'${naam}' kan geen header van een controle zijn.`,
          `'${naam}' cannot be a header of a check.`,
        ),
      )
    else if (/[\r\n\0]/.test(waarde))
      fouten.push(
        invalid(
          `${veld}.${naam}`,
          'ongeldige-header',
          'Een headerwaarde mag geen regeleinde bevatten.',
          'A header value must not contain a line break.',
        ),
      )
  }
  return fouten
}

function urlFouten(url: string): InvalidParam[] {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return [invalid('url', 'ongeldige-url', 'Geen geldige URL.', 'Not a valid URL.')]
  }
  const fouten: InvalidParam[] = []
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    fouten.push(
      invalid(
        'url',
        'ongeldige-url',
        'Alleen http:// en https:// kunnen worden gecontroleerd.',
        'Only http:// and https:// can be checked.',
      ),
    )
  if (u.username || u.password)
    fouten.push(
      invalid(
        'url',
        'geheim-in-url',
        'Zet geen gebruikersnaam of wachtwoord in de URL; gebruik een geheime header (geheimen.headers), die versleuteld wordt bewaard.',
        'Do not put a user name or password in the URL; use a secret header (geheimen.headers), which is stored encrypted.',
      ),
    )
  return fouten
}

function verplicht(i: ControleInvoer, velden: (keyof ControleInvoer)[]): InvalidParam[] {
  return velden
    .filter((v) => i[v] === undefined || i[v] === '')
    .map((v) =>
      invalid(v, 'verplicht', `Een controle van soort '${i.soort}' heeft '${v}' nodig.`, `A check of kind '${i.soort}' needs '${v}'.`),
    )
}

function nietBij(i: ControleInvoer, velden: (keyof ControleInvoer)[]): InvalidParam[] {
  return velden
    .filter((v) => i[v] !== undefined)
    .map((v) =>
      invalid(
        v,
        'niet-bij-soort',
        `'${v}' hoort niet bij een controle van soort '${i.soort}'.`,
        `'${v}' does not belong to a check of kind '${i.soort}'.`,
      ),
    )
}

const HTTP_VELDEN: (keyof ControleInvoer)[] = [
  'url',
  'methode',
  'verwachteStatus',
  'inhoudControle',
  'headers',
  'verzoekInhoud',
  'volgRedirects',
  'maxBytes',
  'clientCertificaatPem',
]
const HOST_VELDEN: (keyof ControleInvoer)[] = ['host', 'poort']
const DNS_VELDEN: (keyof ControleInvoer)[] = ['dnsNaam', 'dnsType', 'dnsVerwacht']

/** Every rule a controle breaks, each at its field. */
export function controleRules(i: ControleInvoer): InvalidParam[] {
  const fouten: InvalidParam[] = []
  if ((i.koppelingId === undefined) === (i.applicatieId === undefined))
    fouten.push(
      invalid(
        'koppelingId',
        'precies-een',
        'Een controle hoort bij precies één koppeling of één applicatie.',
        'A check belongs to exactly one data link or one application.',
      ),
    )
  if (i.timeoutMs >= i.intervalSeconden * 1000)
    fouten.push(
      invalid(
        'timeoutMs',
        'te-lang',
        `De time-out (${i.timeoutMs} ms) moet korter zijn dan het interval (${i.intervalSeconden} s).`,
        `The timeout (${i.timeoutMs} ms) must be shorter than the interval (${i.intervalSeconden} s).`,
      ),
    )
  switch (i.soort) {
    case 'http':
      fouten.push(...verplicht(i, ['url']), ...nietBij(i, [...HOST_VELDEN, 'servernaam', 'minDagenGeldig', ...DNS_VELDEN]))
      if (i.url) fouten.push(...urlFouten(i.url))
      if (i.verwachteStatus !== undefined && !leesVerwachteStatus(i.verwachteStatus))
        fouten.push(
          invalid(
            'verwachteStatus',
            'ongeldige-status',
            "Schrijf statuscodes als '200', '200,204' of '200-299'.",
            "Write status codes as '200', '200,204' or '200-299'.",
          ),
        )
      if (i.verzoekInhoud !== undefined && i.methode !== 'POST' && i.methode !== 'PUT')
        fouten.push(invalid('verzoekInhoud', 'niet-bij-methode', 'Alleen POST en PUT sturen inhoud mee.', 'Only POST and PUT send a body.'))
      if (i.inhoudControle?.soort === 'json-pointer' && i.inhoudControle.pointer !== '' && !i.inhoudControle.pointer.startsWith('/'))
        fouten.push(
          invalid(
            'inhoudControle.pointer',
            'ongeldige-pointer',
            "Een JSON-pointer begint met '/' (bijvoorbeeld /status).",
            "A JSON pointer starts with '/' (for example /status).",
          ),
        )
      fouten.push(...headerFouten('headers', i.headers))
      if (i.geheimen?.clientSleutelPem !== undefined && i.clientCertificaatPem === undefined)
        fouten.push(
          invalid(
            'clientCertificaatPem',
            'verplicht',
            'Een clientsleutel hoort bij een clientcertificaat: geef ook het certificaat.',
            'A client key belongs to a client certificate: give the certificate too.',
          ),
        )
      break
    case 'tls':
      fouten.push(...verplicht(i, ['host', 'poort']), ...nietBij(i, [...HTTP_VELDEN, ...DNS_VELDEN]))
      break
    case 'tcp':
      fouten.push(
        ...verplicht(i, ['host', 'poort']),
        ...nietBij(i, [...HTTP_VELDEN, 'servernaam', 'minDagenGeldig', 'caPem', ...DNS_VELDEN]),
      )
      break
    case 'dns':
      fouten.push(...verplicht(i, ['dnsNaam']), ...nietBij(i, [...HTTP_VELDEN, ...HOST_VELDEN, 'servernaam', 'minDagenGeldig', 'caPem']))
      break
  }
  if (i.soort !== 'http' && i.geheimen?.headers && Object.keys(i.geheimen.headers).length > 0)
    fouten.push(
      invalid('geheimen.headers', 'niet-bij-soort', 'Alleen een HTTP-controle stuurt headers.', 'Only an HTTP check sends headers.'),
    )
  fouten.push(...headerFouten('geheimen.headers', i.geheimen?.headers))
  return fouten
}

export function controleReferences(i: ControleInvoer): Reference[] {
  return [
    ...(i.koppelingId ? [{ name: 'koppelingId', objecttype: 'koppeling' as const, id: i.koppelingId }] : []),
    ...(i.applicatieId ? [{ name: 'applicatieId', objecttype: 'applicatie' as const, id: i.applicatieId }] : []),
  ]
}

export interface OnderhoudsvensterInvoer {
  reden: string
  /** ISO 8601 with time zone. */
  van: string
  tot: string
  controleId?: string
  koppelingId?: string
  samenwerkingId?: string
}

export function onderhoudsvensterRules(i: OnderhoudsvensterInvoer): InvalidParam[] {
  const fouten: InvalidParam[] = []
  const bereik = [i.controleId, i.koppelingId, i.samenwerkingId].filter((x) => x !== undefined)
  if (bereik.length !== 1)
    fouten.push(
      invalid(
        'controleId',
        'precies-een',
        'Een onderhoudsvenster geldt voor precies één controle, koppeling of samenwerking.',
        'A maintenance window covers exactly one check, data link or cooperation.',
      ),
    )
  const van = Date.parse(i.van)
  const tot = Date.parse(i.tot)
  if (Number.isFinite(van) && Number.isFinite(tot) && tot <= van)
    fouten.push(invalid('tot', 'voor-begin', 'Het einde ligt niet na het begin.', 'The end is not after the start.'))
  else if (Number.isFinite(van) && Number.isFinite(tot) && tot - van > 31 * 86_400_000)
    fouten.push(
      invalid(
        'tot',
        'te-lang',
        'Een onderhoudsvenster duurt hoogstens 31 dagen; zet de controle anders op niet actief.',
        'A maintenance window lasts at most 31 days; otherwise set the check to inactive.',
      ),
    )
  return fouten
}

export function onderhoudsvensterReferences(i: OnderhoudsvensterInvoer): Reference[] {
  return [
    ...(i.controleId ? [{ name: 'controleId', objecttype: 'controle' as const, id: i.controleId }] : []),
    ...(i.koppelingId ? [{ name: 'koppelingId', objecttype: 'koppeling' as const, id: i.koppelingId }] : []),
    ...(i.samenwerkingId ? [{ name: 'samenwerkingId', objecttype: 'samenwerking' as const, id: i.samenwerkingId }] : []),
  ]
}

export const MELDINGSKANAAL_SOORTEN = ['webhook', 'email'] as const
export const WEBHOOK_FORMATEN = ['json', 'teams', 'slack'] as const
export const MELDING_GEBEURTENISSEN = ['storing-geopend', 'storing-hersteld', 'certificaat-verloopt'] as const
export type MeldingGebeurtenis = (typeof MELDING_GEBEURTENISSEN)[number]

export interface MeldingskanaalInvoer {
  naam: string
  /** The organisation that keeps this channel; it hears about what it may see. */
  organisatieId: string
  /** Only about this samenwerking's koppelingen; absent: everything the organisation may see. */
  samenwerkingId?: string
  soort: (typeof MELDINGSKANAAL_SOORTEN)[number]
  formaat?: (typeof WEBHOOK_FORMATEN)[number]
  /** A webhook's URL: it carries its token, so it is stored encrypted and shown shortened. Absent on an update: kept. */
  webhookUrl?: string
  ontvangers?: string[]
  gebeurtenissen: MeldingGebeurtenis[]
  /** Warn this many days before a certificate expires (e.g. 30, 14, 7). */
  certificaatDagen?: number[]
  actief?: boolean
}

export function meldingskanaalRules(i: MeldingskanaalInvoer, opties: { bestaand: boolean } = { bestaand: false }): InvalidParam[] {
  const fouten: InvalidParam[] = []
  if (i.soort === 'webhook') {
    if (!i.formaat) fouten.push(invalid('formaat', 'verplicht', 'Kies het formaat van de webhook.', 'Choose the webhook format.'))
    if (!i.webhookUrl && !opties.bestaand)
      fouten.push(invalid('webhookUrl', 'verplicht', 'Een webhook heeft een URL nodig.', 'A webhook needs a URL.'))
    if (i.webhookUrl) {
      try {
        const u = new URL(i.webhookUrl)
        if (u.protocol !== 'https:' && u.protocol !== 'http:')
          fouten.push(invalid('webhookUrl', 'ongeldige-url', 'Alleen http:// en https://.', 'Only http:// and https://.'))
        if (u.username || u.password)
          fouten.push(
            invalid('webhookUrl', 'geheim-in-url', 'Geen gebruikersnaam of wachtwoord in de URL.', 'No user name or password in the URL.'),
          )
      } catch {
        fouten.push(invalid('webhookUrl', 'ongeldige-url', 'Geen geldige URL.', 'Not a valid URL.'))
      }
    }
    if (i.ontvangers && i.ontvangers.length > 0)
      fouten.push(invalid('ontvangers', 'niet-bij-soort', 'Ontvangers horen bij e-mail.', 'Recipients belong to e-mail.'))
  } else {
    if (!i.ontvangers || i.ontvangers.length === 0)
      fouten.push(invalid('ontvangers', 'verplicht', 'Geef minstens één e-mailadres.', 'Give at least one e-mail address.'))
    if (i.webhookUrl !== undefined)
      fouten.push(invalid('webhookUrl', 'niet-bij-soort', 'Een URL hoort bij een webhook.', 'A URL belongs to a webhook.'))
    if (i.formaat !== undefined)
      fouten.push(invalid('formaat', 'niet-bij-soort', 'Een formaat hoort bij een webhook.', 'A format belongs to a webhook.'))
  }
  if (new Set(i.gebeurtenissen).size !== i.gebeurtenissen.length)
    fouten.push(invalid('gebeurtenissen', 'dubbel', 'Elke gebeurtenis één keer.', 'Each event once.'))
  if (i.certificaatDagen && new Set(i.certificaatDagen).size !== i.certificaatDagen.length)
    fouten.push(invalid('certificaatDagen', 'dubbel', 'Elk aantal dagen één keer.', 'Each number of days once.'))
  return fouten
}

export function meldingskanaalReferences(i: MeldingskanaalInvoer): Reference[] {
  return [
    { name: 'organisatieId', objecttype: 'organisatie', id: i.organisatieId },
    ...(i.samenwerkingId ? [{ name: 'samenwerkingId', objecttype: 'samenwerking' as const, id: i.samenwerkingId }] : []),
  ]
}
