// biome-ignore-all lint/suspicious/noExplicitAny: filters run on the untyped query builder of RegistryRepository
import { sql } from 'kysely'
import type { ControleGeheimen } from '../../domain/monitoring/invoer.js'
import type {
  Controle,
  ControleInvoer,
  Meldingskanaal,
  MeldingskanaalInvoer,
  Onderhoudsvenster,
  OnderhoudsvensterInvoer,
} from '../../schemas/monitoring.js'
import { versleutel } from '../geheimen.js'
import { applicatieZichtbaar, koppelingZichtbaar, samenwerkingZichtbaar } from './registry.js'
import { type FilterFn, RegistryRepository } from './registry-repository.js'

// The stored monitoring objects (issue 14), declared like the registry aggregates so lists,
// paging, ETags, 412, 409-with-dependants and the audit log behave the same everywhere.
//
// Visibility follows what is watched: a controle is seen by who sees its koppeling or
// applicatie; an onderhoudsvenster by who sees its controle, koppeling or samenwerking; a
// meldingskanaal only by its own organisation (it is that organisation's configuration).
//
// Secrets are write-only fields: written encrypted (db/geheimen.ts), never read back;
// absent on input they stay as stored, an empty value clears them.

const eq =
  (column: string): FilterFn =>
  (q, v) =>
    q.where(column, '=', v)

const meta = { aangemaaktOp: 'aangemaakt_op', gewijzigdOp: 'gewijzigd_op' }
const orgs = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`

export const controleZichtbaar = (ids: string[]) =>
  sql<boolean>`(koppeling_id IN (SELECT id FROM koppeling WHERE ${koppelingZichtbaar(ids)})
    OR applicatie_id IN (SELECT id FROM applicatie WHERE ${applicatieZichtbaar(ids)}))`

const jsonKolom = (column: string) => ({
  write: (v: unknown) => ({ [column]: v === undefined ? null : JSON.stringify(v) }),
  read: (row: Record<string, unknown>) => row[column] ?? undefined,
})

/** Secret headers and a client key: one encrypted blob, and their names to show. */
const geheimenKolommen = {
  write: (v: unknown) => {
    if (v === undefined) return {}
    const g = v as ControleGeheimen
    const headers = Object.keys(g.headers ?? {})
    const clientSleutel = g.clientSleutelPem !== undefined
    if (headers.length === 0 && !clientSleutel) return { geheimen: null, geheimen_namen: '{}' }
    return { geheimen: versleutel(g), geheimen_namen: JSON.stringify({ headers: headers.sort(), clientSleutel }) }
  },
  read: () => undefined,
}

const geheimenIngesteld = {
  write: () => ({}),
  read: (row: Record<string, unknown>) => {
    const n = (row.geheimen_namen ?? {}) as { headers?: string[]; clientSleutel?: boolean }
    return { headers: n.headers ?? [], clientSleutel: n.clientSleutel === true }
  },
}

export const controles = new RegistryRepository<ControleInvoer, Controle>({
  objecttype: 'controle',
  table: 'controle',
  nameColumn: 'naam',
  fields: {
    naam: { column: 'naam' },
    koppelingId: { column: 'koppeling_id' },
    applicatieId: { column: 'applicatie_id' },
    soort: { column: 'soort' },
    url: { column: 'url' },
    methode: { column: 'methode' },
    verwachteStatus: { column: 'verwachte_status' },
    inhoudControle: { column: 'inhoud_controle', columns: jsonKolom('inhoud_controle') },
    headers: { column: 'headers', columns: jsonKolom('headers') },
    verzoekInhoud: { column: 'verzoek_inhoud' },
    volgRedirects: { column: 'volg_redirects' },
    maxBytes: { column: 'max_bytes' },
    caPem: { column: 'ca_pem' },
    clientCertificaatPem: { column: 'client_certificaat_pem' },
    host: { column: 'host' },
    poort: { column: 'poort' },
    servernaam: { column: 'servernaam' },
    minDagenGeldig: { column: 'min_dagen_geldig' },
    dnsNaam: { column: 'dns_naam' },
    dnsType: { column: 'dns_type' },
    dnsVerwacht: { column: 'dns_verwacht' },
    intervalSeconden: { column: 'interval_seconden' },
    timeoutMs: { column: 'timeout_ms' },
    pogingen: { column: 'pogingen' },
    foutenVoorStoring: { column: 'fouten_voor_storing' },
    successenVoorHerstel: { column: 'successen_voor_herstel' },
    actief: { column: 'actief' },
    geheimen: { column: 'geheimen', columns: geheimenKolommen },
    geheimenIngesteld: { column: 'geheimen_namen', readOnly: true, columns: geheimenIngesteld },
  },
  children: [],
  sort: { naam: 'naam', soort: 'soort', intervalSeconden: 'interval_seconden', ...meta },
  defaultSort: 'naam',
  filters: {
    koppelingId: eq('koppeling_id'),
    applicatieId: eq('applicatie_id'),
    soort: eq('soort'),
    actief: eq('actief'),
    // The working state as the overview shows it (monitoring-status.ts standTotalen: the same CASE).
    status: (q, v) =>
      q.where(
        sql<boolean>`id IN (SELECT c.id FROM controle c LEFT JOIN controle_toestand t ON t.controle_id = c.id WHERE CASE
             WHEN NOT c.actief THEN 'gepauzeerd'
             WHEN t.storing_id IS NOT NULL THEN 'storing'
             WHEN t.laatste_op IS NULL OR t.laatste_op < now() - (3 * c.interval_seconden) * interval '1 second' THEN 'onbekend'
             WHEN t.laatste_geslaagd THEN 'werkt'
             ELSE 'verstoord' END = ${v})`,
      ),
    samenwerkingId: (q, v) => q.where(sql<boolean>`koppeling_id IN (SELECT id FROM koppeling WHERE samenwerking_id = ${v})`),
  },
  references: { koppelingId: 'koppeling', applicatieId: 'applicatie', samenwerkingId: 'samenwerking' },
  // Secrets belong to HTTP (headers, the client key): another soort keeps none.
  derived: (i) => (i.soort === 'http' ? {} : { geheimen: null, geheimen_namen: '{}' }),
  dependants: [
    { objecttype: 'onderhoudsvenster', relatie: 'controleId', ownerTable: 'onderhoudsvenster', ownerName: 'reden', column: 'controle_id' },
  ],
  visibleTo: (q, ids) => q.where(controleZichtbaar(ids)),
})

export const onderhoudsvensterZichtbaar = (ids: string[]) =>
  sql<boolean>`(controle_id IN (SELECT id FROM controle WHERE ${controleZichtbaar(ids)})
    OR koppeling_id IN (SELECT id FROM koppeling WHERE ${koppelingZichtbaar(ids)})
    OR samenwerking_id IN (SELECT id FROM samenwerking WHERE ${samenwerkingZichtbaar(ids)}))`

const tijdstipKolom = (column: string) => ({
  write: (v: unknown) => ({ [column]: v ?? null }),
  read: (row: Record<string, unknown>) => {
    const v = row[column]
    return v instanceof Date ? v.toISOString() : (v ?? undefined)
  },
})

export const onderhoudsvensters = new RegistryRepository<OnderhoudsvensterInvoer, Onderhoudsvenster>({
  objecttype: 'onderhoudsvenster',
  table: 'onderhoudsvenster',
  nameColumn: 'reden',
  fields: {
    reden: { column: 'reden' },
    van: { column: 'van', columns: tijdstipKolom('van') },
    tot: { column: 'tot', columns: tijdstipKolom('tot') },
    controleId: { column: 'controle_id' },
    koppelingId: { column: 'koppeling_id' },
    samenwerkingId: { column: 'samenwerking_id' },
  },
  children: [],
  sort: { van: 'van', tot: 'tot', reden: 'reden', ...meta },
  defaultSort: '-van',
  filters: {
    controleId: eq('controle_id'),
    koppelingId: eq('koppeling_id'),
    samenwerkingId: eq('samenwerking_id'),
  },
  references: { controleId: 'controle', koppelingId: 'koppeling', samenwerkingId: 'samenwerking' },
  dependants: [],
  visibleTo: (q, ids) => q.where(onderhoudsvensterZichtbaar(ids)),
})

/** "https://hooks.slack.com/…a1b2": enough to recognise, too little to use. */
export function verkortUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}/…${url.slice(-4)}`
  } catch {
    return '…'
  }
}

const webhookKolommen = {
  write: (v: unknown) => {
    if (v === undefined) return {}
    return { doel: versleutel(v), doel_weergave: verkortUrl(String(v)) }
  },
  read: () => undefined,
}

export const meldingskanalen = new RegistryRepository<MeldingskanaalInvoer, Meldingskanaal>({
  objecttype: 'meldingskanaal',
  table: 'meldingskanaal',
  nameColumn: 'naam',
  fields: {
    naam: { column: 'naam' },
    organisatieId: { column: 'organisatie_id' },
    samenwerkingId: { column: 'samenwerking_id' },
    soort: { column: 'soort' },
    formaat: { column: 'formaat' },
    webhookUrl: { column: 'doel', columns: webhookKolommen },
    webhookUrlWeergave: { column: 'doel_weergave', readOnly: true },
    ontvangers: { column: 'ontvangers', json: true },
    gebeurtenissen: { column: 'gebeurtenissen', json: true },
    certificaatDagen: { column: 'certificaat_dagen', columns: jsonKolom('certificaat_dagen') },
    actief: { column: 'actief' },
  },
  children: [],
  sort: { naam: 'naam', soort: 'soort', ...meta },
  defaultSort: 'naam',
  filters: { organisatieId: eq('organisatie_id'), samenwerkingId: eq('samenwerking_id'), soort: eq('soort') },
  // An e-mail channel keeps no webhook URL (switching back asks for it again).
  derived: (i) => (i.soort === 'email' ? { doel: null, doel_weergave: null } : {}),
  references: { organisatieId: 'organisatie', samenwerkingId: 'samenwerking' },
  dependants: [],
  visibleTo: (q, ids) => q.where(sql<boolean>`organisatie_id = ANY(${orgs(ids)})`),
})

export const monitoringRepositories = { controles, onderhoudsvensters, meldingskanalen }
