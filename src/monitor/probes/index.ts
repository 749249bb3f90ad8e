// voerUit: run one controle now and always come back with an Uitkomst — never an
// exception, never later than the controle's timeout (plus the time to clean up).

import { validateHeaderName, validateHeaderValue } from 'node:http'
import { type Message, msg } from '../../domain/errors.js'
import { type Controle, DNS_TYPES, HTTP_METHODES, type ProbeOpties, type Uitkomst } from '../typen.js'
import { Deadline } from './deadline.js'
import { dnsProbe } from './dns.js'
import { classificeer } from './fouten.js'
import { httpProbe } from './http.js'
import type { Resultaat } from './resultaat.js'
import { tcpProbe } from './tcp.js'
import { tlsProbe } from './tls.js'

export const MAX_TIMEOUT_MS = 120_000

const poortOk = (p: unknown) => Number.isInteger(p) && (p as number) >= 1 && (p as number) <= 65_535

/**
 * The last line of defence before a socket opens (the API validates the fields for the user):
 * a definition from an old row or a bug must not become an unbounded or odd probe.
 */
export function ongeldigeControle(c: Controle): Message | undefined {
  if (!Number.isFinite(c.timeoutMs) || c.timeoutMs <= 0 || c.timeoutMs > MAX_TIMEOUT_MS)
    return msg(`De time-out moet tussen 1 en ${MAX_TIMEOUT_MS} ms liggen.`, `The timeout must be between 1 and ${MAX_TIMEOUT_MS} ms.`)
  switch (c.soort) {
    case 'http': {
      let url: URL
      try {
        url = new URL(c.url)
      } catch {
        return msg(`'${c.url}' is geen geldige URL.`, `'${c.url}' is not a valid URL.`)
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return msg('Alleen http- en https-URL’s.', 'Only http and https URLs.')
      // Credentials belong in the (encrypted) headers, not in a URL that is shown and logged.
      if (url.username || url.password)
        return msg('Een URL met gebruikersnaam of wachtwoord is niet toegestaan.', 'A URL with a user name or password is not allowed.')
      if (!HTTP_METHODES.includes(c.methode))
        return msg(`Onbekende methode '${String(c.methode)}'.`, `Unknown method '${String(c.methode)}'.`)
      for (const [naam, waarde] of Object.entries(c.headers ?? {}))
        try {
          validateHeaderName(naam)
          validateHeaderValue(naam, waarde)
        } catch {
          return msg(`De header '${naam}' heeft een ongeldige naam of waarde.`, `The header '${naam}' has an invalid name or value.`)
        }
      if (c.maxBytes !== undefined && !(Number.isInteger(c.maxBytes) && c.maxBytes > 0))
        return msg('maxBytes moet een positief geheel getal zijn.', 'maxBytes must be a positive integer.')
      if (c.volgRedirects !== undefined && !(Number.isInteger(c.volgRedirects) && c.volgRedirects >= 0 && c.volgRedirects <= 20))
        return msg('volgRedirects moet tussen 0 en 20 liggen.', 'volgRedirects must be between 0 and 20.')
      return undefined
    }
    case 'tls':
    case 'tcp':
      if (!c.host) return msg('De host ontbreekt.', 'The host is missing.')
      if (!poortOk(c.port)) return msg('De poort moet tussen 1 en 65535 liggen.', 'The port must be between 1 and 65535.')
      return undefined
    case 'dns':
      if (!c.naam) return msg('De naam ontbreekt.', 'The name is missing.')
      if (!DNS_TYPES.includes(c.type)) return msg(`Onbekend DNS-type '${String(c.type)}'.`, `Unknown DNS type '${String(c.type)}'.`)
      return undefined
    default:
      return msg('Onbekende soort controle.', 'Unknown kind of check.')
  }
}

export async function voerUit(controle: Controle, opties: ProbeOpties): Promise<Uitkomst> {
  const start = performance.now()
  const duur = () => Math.round(performance.now() - start)
  const ongeldig = ongeldigeControle(controle)
  if (ongeldig) return { geslaagd: false, soort: 'ongeldige-controle', reden: ongeldig, duurMs: duur() }
  const deadline = new Deadline(controle.timeoutMs)
  const nu = opties.nu?.() ?? new Date()
  let r: Resultaat
  try {
    switch (controle.soort) {
      case 'http':
        r = await httpProbe(controle, opties, deadline, nu)
        break
      case 'tls':
        r = await tlsProbe(controle, opties, deadline, nu)
        break
      case 'tcp':
        r = await tcpProbe(controle, opties, deadline)
        break
      case 'dns':
        r = await dnsProbe(controle, opties, deadline)
        break
    }
  } catch (e) {
    r = classificeer(e, deadline)
  } finally {
    deadline.stop()
  }
  return { ...r, duurMs: duur() }
}

export { adresToegestaan } from '../veilig-adres.js'
