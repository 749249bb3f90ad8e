// Which addresses a probe may connect to. A probe fetches URLs that users type, so
// without this policy it is a server-side request forgery tool: it could read the cloud
// metadata service (credentials!) or scan the internal network. Checked on the resolved
// address, right before connecting, and again on every redirect (probes/oplossen.ts).

import { type Message, msg } from '../domain/errors.js'
import { binnen, type IpBytes, ipTekst, type Prefix, parseIp, prefix } from './ip.js'
import type { AdresOpties } from './typen.js'

export type AdresOordeel = { ok: true } | { ok: false; reden: Message }

interface Regel {
  prefixen: Prefix[]
  reden: (ip: string) => Message
}

const regel = (cidrs: string[], reden: (ip: string) => Message): Regel => ({ prefixen: cidrs.map(prefix), reden })

/**
 * Cloud instance metadata and host services, named so the reason says what was avoided.
 * Most lie in link-local space and are refused by that rule too; these are the ones outside it
 * (Alibaba's in carrier-grade NAT space, Azure's WireServer and Oracle's legacy endpoint in
 * ordinary space, the IPv6 endpoints in unique-local space an administrator may allow).
 */
const METADATA = regel(
  [
    '169.254.169.254/32', // AWS, GCP, Azure, Oracle, DigitalOcean, Hetzner, OpenStack IMDS
    '169.254.170.2/32', // AWS ECS task metadata and credentials
    '169.254.170.23/32', // AWS EKS Pod Identity
    '169.254.42.42/32', // Scaleway
    '169.254.0.23/32', // Tencent Cloud
    '100.100.100.200/32', // Alibaba Cloud
    '168.63.129.16/32', // Azure WireServer (host agent)
    '192.0.0.192/32', // Oracle Cloud legacy metadata
    'fd00:ec2::/32', // AWS IMDS, DNS and Pod Identity over IPv6 (fd00:ec2::254 …)
    'fd20:ce::254/128', // Google Cloud metadata over IPv6
    'fd00:42::42/128', // Scaleway over IPv6
  ],
  (ip) =>
    msg(
      `${ip} is een metadata-adres van een cloudplatform; daar mag een controle nooit komen.`,
      `${ip} is a cloud platform metadata address; a check may never reach it.`,
    ),
)

const ALTIJD_VERBODEN: Regel[] = [
  METADATA,
  regel(['0.0.0.0/8', '::/128'], (ip) =>
    msg(`${ip} is geen bestemming (niet-gespecificeerd adres).`, `${ip} is not a destination (unspecified address).`),
  ),
  regel(['169.254.0.0/16', 'fe80::/10'], (ip) =>
    msg(`${ip} is een link-local adres; daar mag een controle nooit komen.`, `${ip} is a link-local address; a check may never reach it.`),
  ),
  regel(['224.0.0.0/4', 'ff00::/8'], (ip) =>
    msg(`${ip} is een multicastadres; daar mag een controle niet komen.`, `${ip} is a multicast address; a check may not reach it.`),
  ),
  regel(['255.255.255.255/32'], (ip) =>
    msg(`${ip} is het broadcastadres; daar mag een controle niet komen.`, `${ip} is the broadcast address; a check may not reach it.`),
  ),
]

const GERESERVEERD = regel(
  [
    '240.0.0.0/4', // reserved for future use
    '192.0.0.0/24', // IETF protocol assignments
    '192.0.2.0/24', // documentation
    '198.51.100.0/24',
    '203.0.113.0/24',
    '198.18.0.0/15', // benchmarking
    '192.88.99.0/24', // retired 6to4 relay anycast
    '2001:db8::/32', // documentation
    '100::/64', // discard-only
    '2001::/32', // Teredo: the real IPv4 address is hidden in it
    'fec0::/10', // retired site-local
    '::/96', // retired IPv4-compatible addresses (::1 is decided before this rule)
  ],
  (ip) =>
    msg(
      `${ip} ligt in een gereserveerd adresbereik; daar mag een controle niet komen.`,
      `${ip} is in a reserved address range; a check may not reach it.`,
    ),
)

const LOOPBACK = [prefix('127.0.0.0/8'), prefix('::1/128')]
const PRIVE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7', '64:ff9b:1::/48'].map(prefix)

/** IPv6 forms that carry an IPv4 address the packets really go to: judge that address instead. */
const INGEBED: { prefix: Prefix; vanaf: number }[] = [
  { prefix: prefix('::ffff:0:0/96'), vanaf: 12 }, // IPv4-mapped
  { prefix: prefix('::ffff:0:0:0/96'), vanaf: 12 }, // IPv4-translated (SIIT)
  { prefix: prefix('64:ff9b::/96'), vanaf: 12 }, // NAT64 well-known prefix
  { prefix: prefix('2002::/16'), vanaf: 2 }, // 6to4
]

function ipv4Binnenin(ip: IpBytes): IpBytes | undefined {
  if (ip.length !== 16) return undefined
  for (const { prefix: p, vanaf } of INGEBED) if (binnen(ip, p)) return ip.slice(vanaf, vanaf + 4)
  return undefined
}

export function adresToegestaan(ip: string, opties: AdresOpties): AdresOordeel {
  const geparsed = parseIp(ip)
  if (!geparsed) return { ok: false, reden: msg(`'${ip}' is geen geldig IP-adres.`, `'${ip}' is not a valid IP address.`) }
  const ingebed = ipv4Binnenin(geparsed)
  const bytes = ingebed ?? geparsed
  const tekst = ingebed ? `${ip} (${ipTekst(ingebed)})` : ip
  for (const r of ALTIJD_VERBODEN) if (r.prefixen.some((p) => binnen(bytes, p))) return { ok: false, reden: r.reden(tekst) }
  // Loopback before the reserved ranges: ::1 lies inside the retired ::/96.
  if (LOOPBACK.some((p) => binnen(bytes, p)))
    return opties.loopbackToegestaan
      ? { ok: true }
      : {
          ok: false,
          reden: msg(
            `${tekst} is een loopback-adres (deze machine zelf); dat is niet toegestaan in de configuratie.`,
            `${tekst} is a loopback address (this machine itself); the configuration does not allow it.`,
          ),
        }
  if (GERESERVEERD.prefixen.some((p) => binnen(bytes, p))) return { ok: false, reden: GERESERVEERD.reden(tekst) }
  if (PRIVE.some((p) => binnen(bytes, p)) && !opties.priveToegestaan)
    return {
      ok: false,
      reden: msg(
        `${tekst} is een privé-adres (intern netwerk); dat is niet toegestaan in de configuratie.`,
        `${tekst} is a private address (internal network); the configuration does not allow it.`,
      ),
    }
  return { ok: true }
}
