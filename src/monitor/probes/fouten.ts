// Node's network errors (codes from libuv, c-ares, OpenSSL and the HTTP parser) turned
// into an outcome kind and a reason a koppeling's owner understands. The code stays in
// the English text so an administrator can look it up.

import { type Message, msg } from '../../domain/errors.js'
import type { UitkomstDetails, UitkomstSoort } from '../typen.js'
import type { Deadline } from './deadline.js'
import { fout, type Resultaat } from './resultaat.js'

const code = (e: unknown): string => {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code
  return ''
}
const tekst = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Why OpenSSL did not trust a certificate (authorizationError or an error code). */
export function tlsReden(c: string): Message {
  switch (c) {
    case 'CERT_HAS_EXPIRED':
      return msg('Het certificaat van de server is verlopen.', 'The server certificate has expired.')
    case 'CERT_NOT_YET_VALID':
      return msg('Het certificaat van de server is nog niet geldig.', 'The server certificate is not valid yet.')
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return msg(
        'Het certificaat van de server is zelfondertekend en wordt niet vertrouwd.',
        `The server certificate is self-signed and not trusted (${c}).`,
      )
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return msg(
        'De uitgever van het certificaat wordt niet vertrouwd: de keten is onvolledig of de CA is onbekend.',
        `The certificate issuer is not trusted: the chain is incomplete or the CA unknown (${c}).`,
      )
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return msg('Het certificaat van de server hoort niet bij deze hostnaam.', 'The server certificate does not match this host name.')
    default:
      return msg(`Het certificaat van de server wordt niet vertrouwd (${c}).`, `The server certificate is not trusted (${c}).`)
  }
}

const TLS_CODES = new Set([
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
])

/** Every failure of a probe ends here, so none escapes as an exception. */
export function classificeer(e: unknown, deadline: Deadline, details?: UitkomstDetails): Resultaat {
  if (deadline.verlopen) return fout('time-out', deadline.reden(), details)
  const c = code(e)
  const f = (soort: UitkomstSoort, reden: Message) => fout(soort, reden, details)
  if (c === 'ECONNREFUSED')
    return f(
      'verbinding-geweigerd',
      msg('De server weigert de verbinding (poort gesloten).', 'The server refuses the connection (port closed).'),
    )
  if (c === 'ECONNRESET' || c === 'EPIPE' || c === 'ERR_STREAM_PREMATURE_CLOSE' || c === 'ECONNABORTED')
    return f(
      'verbinding-verbroken',
      msg(
        'De server verbrak de verbinding voordat het antwoord compleet was.',
        `The server closed the connection before the response was complete (${c}).`,
      ),
    )
  if (c === 'EHOSTUNREACH' || c === 'ENETUNREACH' || c === 'EADDRNOTAVAIL')
    return f('onbereikbaar', msg('De server is via het netwerk niet te bereiken.', `The server cannot be reached over the network (${c}).`))
  if (c === 'CERT_HAS_EXPIRED') return f('certificaat-verlopen', tlsReden(c))
  if (TLS_CODES.has(c)) return f('tls-fout', tlsReden(c))
  if (/CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|BAD_CERTIFICATE|UNKNOWN_CA/.test(c))
    return f(
      'tls-fout',
      msg(
        'De server weigerde de TLS-verbinding; waarschijnlijk vraagt hij een (ander) clientcertificaat (mTLS).',
        `The server refused the TLS connection; it probably requires a (different) client certificate (mTLS) (${c}).`,
      ),
    )
  if (c.startsWith('ERR_SSL') || c === 'EPROTO' || c.startsWith('ERR_TLS'))
    return f('tls-fout', msg(`De TLS-verbinding mislukte (${c}).`, `The TLS connection failed (${c}).`))
  // From reading PEM texts (client certificate, key, CA), before any connection.
  if (c.startsWith('ERR_OSSL_'))
    return f(
      'ongeldige-controle',
      msg(
        `Het clientcertificaat, de sleutel of de CA van de controle is niet te lezen (${c}).`,
        `The check's client certificate, key or CA cannot be read (${c}).`,
      ),
    )
  if (c === 'HPE_HEADER_OVERFLOW')
    return f('te-groot', msg('De kopregels van het antwoord zijn te groot.', 'The response headers are too large.'))
  if (c.startsWith('HPE_'))
    return f('ongeldig-antwoord', msg(`Het antwoord is geen geldig HTTP (${c}).`, `The response is not valid HTTP (${c}).`))
  return f('onbekende-fout', msg(`Onverwachte fout: ${tekst(e)}`, `Unexpected error: ${tekst(e)}`))
}

/** A failed name lookup (getaddrinfo or a DNS query): always dns-fout, even for ECONNREFUSED from the DNS server. */
export function dnsFout(e: unknown, naam: string, deadline: Deadline, details?: UitkomstDetails): Resultaat {
  if (deadline.verlopen) return fout('time-out', deadline.reden(), details)
  const c = code(e)
  if (c === 'ENOTFOUND' || c === 'NXDOMAIN')
    return fout('dns-fout', msg(`De naam ${naam} bestaat niet in DNS.`, `The name ${naam} does not exist in DNS (${c}).`), details)
  if (c === 'ENODATA')
    return fout(
      'dns-fout',
      msg(`De naam ${naam} heeft in DNS geen gegevens van dit type.`, `The name ${naam} has no records of this type in DNS (${c}).`),
      details,
    )
  return fout(
    'dns-fout',
    msg(`De DNS-server gaf geen bruikbaar antwoord voor ${naam}.`, `The DNS server gave no usable answer for ${naam} (${c || tekst(e)}).`),
    details,
  )
}
