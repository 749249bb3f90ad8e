// What the server's certificate says, read from the TLS socket: expiry in whole days,
// issuer and subject, and whether chain and host name were found valid. Chain and
// host name are reported apart: "untrusted CA" and "wrong name" need different fixes.

import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls'
import type { CertificaatInfo } from '../typen.js'

const DAG = 86_400_000

const naam = (n: PeerCertificate['subject'] | undefined): string => {
  if (!n) return ''
  const cn = Array.isArray(n.CN) ? n.CN.join(', ') : n.CN
  const o = Array.isArray(n.O) ? n.O.join(', ') : n.O
  return [cn, o].filter(Boolean).join(' — ')
}

export interface GelezenCertificaat {
  info: CertificaatInfo
  geldigVanaf: Date
  /** OpenSSL's verdict on the chain (undefined when it trusts it). */
  ketenFout?: string
}

/** Undefined when the server sent no certificate. */
export function leesCertificaat(socket: TLSSocket, naamOmTeToetsen: string, nu: Date): GelezenCertificaat | undefined {
  const cert = socket.getPeerCertificate()
  if (!cert || Object.keys(cert).length === 0 || !cert.valid_to) return undefined
  const geldigTot = new Date(cert.valid_to)
  // Node checks the host name only after the chain passed, so check it here ourselves.
  const hostnaamKlopt = checkServerIdentity(naamOmTeToetsen, cert) === undefined
  const fout = socket.authorized ? undefined : String(socket.authorizationError ?? 'onbekend')
  const ketenFout = fout === 'ERR_TLS_CERT_ALTNAME_INVALID' ? undefined : fout
  return {
    info: {
      geldigTot: geldigTot.toISOString(),
      dagenGeldig: Math.floor((geldigTot.getTime() - nu.getTime()) / DAG),
      uitgever: naam(cert.issuer),
      onderwerp: naam(cert.subject),
      hostnaamKlopt,
      ketenGeldig: ketenFout === undefined,
    },
    geldigVanaf: new Date(cert.valid_from),
    ...(ketenFout ? { ketenFout } : {}),
  }
}
