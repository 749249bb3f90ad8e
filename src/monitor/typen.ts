// What a controle asks and what a probe answers, as plain data: the scheduler stores and
// schedules these, the probes (probes/) carry them out. No I/O here.

import type { Message } from '../domain/errors.js'

export type HttpMethode = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'OPTIONS'
export const HTTP_METHODES: readonly HttpMethode[] = ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS']

/** One expected status code, or an inclusive range (e.g. 200–299). */
export type StatusVerwachting = number | { van: number; tot: number }

/** What the response body must show; checked on at most maxBytes of it. */
export type BodyControle =
  | { soort: 'tekst-bevat'; tekst: string }
  /** RFC 6901 JSON pointer (e.g. `/status`) whose value must deep-equal `waarde`. */
  | { soort: 'json-pointer'; pointer: string; waarde: unknown }

/** Client certificate for mTLS (Digikoppeling): PEM texts, decrypted by the caller. */
export interface ClientCertificaat {
  certPem: string
  keyPem: string
}

interface ControleBasis {
  /** The whole probe — DNS, connect, TLS, response and body — within this time. */
  timeoutMs: number
}

export interface HttpControle extends ControleBasis {
  soort: 'http'
  url: string
  methode: HttpMethode
  /** Default: 200–299. */
  verwachteStatus?: StatusVerwachting[]
  body?: BodyControle
  headers?: Record<string, string>
  /** Sent with POST/PUT. */
  verzoekBody?: string
  clientCertificaat?: ClientCertificaat
  /** Extra trusted roots in PEM (e.g. PKIoverheid Private Root, which Node does not ship). */
  caPem?: string
  /** Maximum number of redirects to follow; 0 (default) judges the 3xx itself. */
  volgRedirects?: number
  /** Stop reading after this many bytes; default 1 MiB. */
  maxBytes?: number
}

export interface TlsControle extends ControleBasis {
  soort: 'tls'
  host: string
  port: number
  /** SNI and the name the certificate must carry; default: host (when it is a name). */
  servername?: string
  /** Warn (certificaat-verloopt) when fewer days remain. */
  minDagenGeldig: number
  caPem?: string
}

export interface TcpControle extends ControleBasis {
  soort: 'tcp'
  host: string
  port: number
}

export type DnsType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT'
export const DNS_TYPES: readonly DnsType[] = ['A', 'AAAA', 'CNAME', 'MX', 'TXT']

export interface DnsControle extends ControleBasis {
  soort: 'dns'
  naam: string
  type: DnsType
  /** One of the answers must equal this (names compared without case and trailing dot). */
  verwacht?: string
}

export type Controle = HttpControle | TlsControle | TcpControle | DnsControle

export type UitkomstSoort =
  | 'geslaagd'
  | 'fout-status'
  | 'fout-inhoud'
  | 'time-out'
  | 'verbinding-geweigerd'
  | 'verbinding-verbroken'
  /** No route to the host (EHOSTUNREACH, ENETUNREACH). */
  | 'onbereikbaar'
  | 'dns-fout'
  | 'tls-fout'
  | 'certificaat-verlopen'
  /** A warning: the probe passed (geslaagd stays true) but the certificate expires within minDagenGeldig. */
  | 'certificaat-verloopt'
  | 'te-groot'
  /** Not HTTP at all (the parser gave up). */
  | 'ongeldig-antwoord'
  | 'redirect-lus'
  | 'te-veel-redirects'
  | 'verboden-adres'
  | 'ongeldige-controle'
  | 'onbekende-fout'

export interface CertificaatInfo {
  /** ISO 8601. */
  geldigTot: string
  /** Whole days until geldigTot; negative when expired. */
  dagenGeldig: number
  uitgever: string
  onderwerp: string
  hostnaamKlopt: boolean
  ketenGeldig: boolean
}

export interface UitkomstDetails {
  status?: number
  bytes?: number
  certificaat?: CertificaatInfo
  /** The address connected to (or refused). */
  adres?: string
  /** DNS answers, as text. */
  antwoorden?: string[]
  /** The URLs followed, first to last. */
  redirects?: string[]
}

export interface Uitkomst {
  geslaagd: boolean
  soort: UitkomstSoort
  reden: Message
  duurMs: number
  details?: UitkomstDetails
}

/** Which address ranges an administrator allowed probes to reach. */
export interface AdresOpties {
  loopbackToegestaan: boolean
  priveToegestaan: boolean
}

export interface ProbeOpties extends AdresOpties {
  /** Clock for certificate days; tests pin it. */
  nu?: () => Date
  /** The DNS servers the DNS controle asks (`ip` or `ip:port`); default the system's. */
  dnsServers?: string[]
}
