import type { ControleRij } from '../db/repos/monitoring.js'
import { type ControleGeheimen, leesVerwachteStatus } from '../domain/monitoring/invoer.js'
import type { BodyControle, Controle, DnsType, HttpMethode } from './typen.js'

// A stored controle (its columns and its decrypted secrets) as the probe runs it.

const STANDAARD_MIN_DAGEN = 14

export function naarProbe(c: ControleRij, geheimen: ControleGeheimen | undefined): Controle {
  const timeoutMs = c.timeoutMs
  switch (c.soort) {
    case 'tls':
      return {
        soort: 'tls',
        host: c.host ?? '',
        port: c.poort ?? 443,
        ...(c.servernaam ? { servername: c.servernaam } : {}),
        minDagenGeldig: c.minDagenGeldig ?? STANDAARD_MIN_DAGEN,
        ...(c.caPem ? { caPem: c.caPem } : {}),
        timeoutMs,
      }
    case 'tcp':
      return { soort: 'tcp', host: c.host ?? '', port: c.poort ?? 0, timeoutMs }
    case 'dns':
      return {
        soort: 'dns',
        naam: c.dnsNaam ?? '',
        type: (c.dnsType ?? 'A') as DnsType,
        ...(c.dnsVerwacht ? { verwacht: c.dnsVerwacht } : {}),
        timeoutMs,
      }
    default: {
      const status = c.verwachteStatus ? leesVerwachteStatus(c.verwachteStatus) : undefined
      const headers = { ...(c.headers ?? {}), ...(geheimen?.headers ?? {}) }
      return {
        soort: 'http',
        url: c.url ?? '',
        methode: (c.methode ?? 'GET') as HttpMethode,
        ...(status ? { verwachteStatus: status } : {}),
        ...(c.inhoudControle ? { body: c.inhoudControle as BodyControle } : {}),
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        ...(c.verzoekInhoud ? { verzoekBody: c.verzoekInhoud } : {}),
        ...(c.clientCertificaatPem && geheimen?.clientSleutelPem
          ? { clientCertificaat: { certPem: c.clientCertificaatPem, keyPem: geheimen.clientSleutelPem } }
          : {}),
        ...(c.caPem ? { caPem: c.caPem } : {}),
        ...(c.volgRedirects ? { volgRedirects: c.volgRedirects } : {}),
        ...(c.maxBytes ? { maxBytes: c.maxBytes } : {}),
        timeoutMs,
      }
    }
  }
}
