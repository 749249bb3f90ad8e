import type { Controle, ControleInvoer, ControleSoort } from './api'

// The controle form as text fields, and the request body it makes: only the fields of
// the chosen soort go out, numbers are whole numbers or a message at the field, headers
// are "Naam: waarde" lines, and secrets go out only when typed (empty keeps what is
// stored; "wissen" sends an empty object). A secret is never read into the form.

export type InhoudKeuze = 'geen' | 'tekst-bevat' | 'json-pointer'

export interface ControleConcept {
  naam: string
  koppelingId: string
  applicatieId: string
  soort: ControleSoort
  url: string
  methode: string
  verwachteStatus: string
  inhoud: InhoudKeuze
  inhoudTekst: string
  pointer: string
  waarde: string
  headers: string
  verzoekInhoud: string
  volgRedirects: string
  maxBytes: string
  caPem: string
  clientCertificaatPem: string
  host: string
  poort: string
  servernaam: string
  minDagenGeldig: string
  dnsNaam: string
  dnsType: string
  dnsVerwacht: string
  intervalSeconden: string
  timeoutMs: string
  pogingen: string
  foutenVoorStoring: string
  successenVoorHerstel: string
  actief: boolean
  geheimeHeaders: string
  clientSleutelPem: string
  geheimenWissen: boolean
}

export const leegConcept = (): ControleConcept => ({
  naam: '',
  koppelingId: '',
  applicatieId: '',
  soort: 'http',
  url: '',
  methode: 'GET',
  verwachteStatus: '',
  inhoud: 'geen',
  inhoudTekst: '',
  pointer: '',
  waarde: '',
  headers: '',
  verzoekInhoud: '',
  volgRedirects: '',
  maxBytes: '',
  caPem: '',
  clientCertificaatPem: '',
  host: '',
  poort: '',
  servernaam: '',
  minDagenGeldig: '',
  dnsNaam: '',
  dnsType: '',
  dnsVerwacht: '',
  intervalSeconden: '60',
  timeoutMs: '5000',
  pogingen: '',
  foutenVoorStoring: '',
  successenVoorHerstel: '',
  actief: true,
  geheimeHeaders: '',
  clientSleutelPem: '',
  geheimenWissen: false,
})

const tekst = (v: unknown) => (v === undefined || v === null ? '' : String(v))
const regels = (h: Record<string, string> | undefined) =>
  Object.entries(h ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')

/** A stored controle as the form's starting point (its secrets stay empty: they are never returned). */
export function naarConcept(c: Controle): ControleConcept {
  const i = c.inhoudControle
  return {
    ...leegConcept(),
    naam: c.naam,
    koppelingId: tekst(c.koppelingId),
    applicatieId: tekst(c.applicatieId),
    soort: c.soort,
    url: tekst(c.url),
    methode: tekst(c.methode) || 'GET',
    verwachteStatus: tekst(c.verwachteStatus),
    inhoud: i ? i.soort : 'geen',
    inhoudTekst: i?.soort === 'tekst-bevat' ? i.tekst : '',
    pointer: i?.soort === 'json-pointer' ? i.pointer : '',
    waarde: i?.soort === 'json-pointer' ? JSON.stringify(i.waarde) : '',
    headers: regels(c.headers),
    verzoekInhoud: tekst(c.verzoekInhoud),
    volgRedirects: tekst(c.volgRedirects),
    maxBytes: tekst(c.maxBytes),
    caPem: tekst(c.caPem),
    clientCertificaatPem: tekst(c.clientCertificaatPem),
    host: tekst(c.host),
    poort: tekst(c.poort),
    servernaam: tekst(c.servernaam),
    minDagenGeldig: tekst(c.minDagenGeldig),
    dnsNaam: tekst(c.dnsNaam),
    dnsType: tekst(c.dnsType),
    dnsVerwacht: tekst(c.dnsVerwacht),
    intervalSeconden: tekst(c.intervalSeconden),
    timeoutMs: tekst(c.timeoutMs),
    pogingen: tekst(c.pogingen),
    foutenVoorStoring: tekst(c.foutenVoorStoring),
    successenVoorHerstel: tekst(c.successenVoorHerstel),
    actief: c.actief !== false,
  }
}

/** Which fields each soort shows and sends. */
export const SOORT_VELDEN: Record<ControleSoort, readonly (keyof ControleConcept)[]> = {
  http: [
    'url',
    'methode',
    'verwachteStatus',
    'inhoud',
    'headers',
    'verzoekInhoud',
    'volgRedirects',
    'maxBytes',
    'caPem',
    'clientCertificaatPem',
  ],
  tls: ['host', 'poort', 'servernaam', 'minDagenGeldig', 'caPem'],
  tcp: ['host', 'poort'],
  dns: ['dnsNaam', 'dnsType', 'dnsVerwacht'],
}

export const toont = (soort: ControleSoort, veld: keyof ControleConcept) => SOORT_VELDEN[soort].includes(veld)

/** What the form itself can say is wrong, by API field name; the message keys are the i18n keys. */
export type EigenFout = { sleutel: 'getalOngeldig' | 'waardeOngeldig' | 'headersOngeldig' | 'koppelingOfApplicatie'; regel?: number }

/** "Naam: waarde" lines as an object, or the first line without a colon (1-based). */
export function leesHeaders(t: string): Record<string, string> | { regel: number } {
  const uit: Record<string, string> = {}
  const lijnen = t.split('\n')
  for (let i = 0; i < lijnen.length; i++) {
    const lijn = (lijnen[i] ?? '').trim()
    if (!lijn) continue
    const dubbelepunt = lijn.indexOf(':')
    if (dubbelepunt <= 0) return { regel: i + 1 }
    uit[lijn.slice(0, dubbelepunt).trim()] = lijn.slice(dubbelepunt + 1).trim()
  }
  return uit
}

const GETALLEN = [
  'volgRedirects',
  'maxBytes',
  'poort',
  'minDagenGeldig',
  'intervalSeconden',
  'timeoutMs',
  'pogingen',
  'foutenVoorStoring',
  'successenVoorHerstel',
] as const

/** The request body, or the fields the form can already tell are wrong. */
export function naarInvoer(
  c: ControleConcept,
  opties: { bestaand: boolean },
): { invoer: ControleInvoer; fouten: Record<string, EigenFout> } {
  const fouten: Record<string, EigenFout> = {}
  const uit: Record<string, unknown> = { naam: c.naam.trim(), soort: c.soort, actief: c.actief }
  if (c.koppelingId) uit.koppelingId = c.koppelingId
  if (c.applicatieId) uit.applicatieId = c.applicatieId
  if (!c.koppelingId && !c.applicatieId) fouten.koppelingId = { sleutel: 'koppelingOfApplicatie' }
  const mag = (v: keyof ControleConcept) =>
    ['intervalSeconden', 'timeoutMs', 'pogingen', 'foutenVoorStoring', 'successenVoorHerstel'].includes(v) || toont(c.soort, v)
  for (const v of GETALLEN) {
    const w = c[v].trim()
    if (!w || !mag(v)) continue
    if (!/^\d+$/.test(w)) fouten[v] = { sleutel: 'getalOngeldig' }
    else uit[v] = Number(w)
  }
  // Required numbers left empty go out as missing: the API names them.
  for (const v of [
    'url',
    'methode',
    'verwachteStatus',
    'caPem',
    'clientCertificaatPem',
    'host',
    'servernaam',
    'dnsNaam',
    'dnsType',
    'dnsVerwacht',
  ] as const) {
    const w = c[v].trim()
    if (w && toont(c.soort, v)) uit[v] = w
  }
  if (c.soort === 'http') {
    if (c.verzoekInhoud && (c.methode === 'POST' || c.methode === 'PUT')) uit.verzoekInhoud = c.verzoekInhoud
    const h = leesHeaders(c.headers)
    if ('regel' in h && typeof h.regel === 'number') fouten.headers = { sleutel: 'headersOngeldig', regel: h.regel }
    else if (Object.keys(h).length > 0) uit.headers = h
    if (c.inhoud === 'tekst-bevat') uit.inhoudControle = { soort: 'tekst-bevat', tekst: c.inhoudTekst }
    if (c.inhoud === 'json-pointer') {
      try {
        uit.inhoudControle = { soort: 'json-pointer', pointer: c.pointer.trim(), waarde: JSON.parse(c.waarde) }
      } catch {
        fouten['inhoudControle.waarde'] = { sleutel: 'waardeOngeldig' }
      }
    }
    const gh = leesHeaders(c.geheimeHeaders)
    if ('regel' in gh && typeof gh.regel === 'number') fouten['geheimen.headers'] = { sleutel: 'headersOngeldig', regel: gh.regel }
    else if (c.geheimenWissen && opties.bestaand) uit.geheimen = {}
    else {
      const geheimen: Record<string, unknown> = {}
      if (Object.keys(gh).length > 0) geheimen.headers = gh
      if (c.clientSleutelPem.trim()) geheimen.clientSleutelPem = c.clientSleutelPem.trim()
      if (Object.keys(geheimen).length > 0) uit.geheimen = geheimen
    }
  }
  return { invoer: uit as unknown as ControleInvoer, fouten }
}
