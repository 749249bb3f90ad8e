// One HTTP(S) request to an address that was already checked, read to at most maxBytes.
// Everything it opens — socket, request, response — is destroyed before the promise
// settles, and its deadline listener is removed, so thousands of probes leave nothing behind.

import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import type { SecureContext, TLSSocket } from 'node:tls'
import type { CertificaatInfo, ClientCertificaat } from '../typen.js'
import { leesCertificaat } from './certificaat.js'
import { type Deadline, TijdOp } from './deadline.js'
import { tlsContext } from './tls-context.js'

export interface Verzoek {
  url: URL
  /** The checked address to connect to; the URL's host name only goes into Host and SNI. */
  adres: string
  methode: string
  headers: Record<string, string>
  body?: string
  clientCertificaat?: ClientCertificaat
  caPem?: string
  maxBytes: number
  /** Keep the body's text (for a body assertion); otherwise only count it. */
  bewaar: boolean
  /** Asked once the status is known: read the body, or stop here (a redirect, a wrong status)? */
  leesBody: (status: number) => boolean
  deadline: Deadline
  nu: Date
}

export interface Antwoord {
  status: number
  location?: string
  bytes: number
  teGroot: boolean
  tekst?: string
  certificaat?: CertificaatInfo
}

const AGENT = 'Regiekamer-controle/1'

export function stuurVerzoek(v: Verzoek): Promise<Antwoord> {
  const versleuteld = v.url.protocol === 'https:'
  const hostnaam = v.url.hostname.replace(/^\[|\]$/g, '')
  const headers: Record<string, string> = { 'user-agent': AGENT, accept: '*/*' }
  for (const [k, w] of Object.entries(v.headers)) if (k.toLowerCase() !== 'host') headers[k.toLowerCase()] = w
  headers.host = v.url.host
  // A fresh connection per probe: a pooled one would measure nothing and could outlive the probe.
  headers.connection = 'close'
  // secureContext reaches tls.connect at run time; Node's types for https.request leave it out.
  const opties: https.RequestOptions & { secureContext?: SecureContext } = {
    host: v.adres,
    port: v.url.port || (versleuteld ? 443 : 80),
    method: v.methode,
    path: `${v.url.pathname}${v.url.search}`,
    headers,
    agent: false,
  }
  if (versleuteld) {
    // RFC 6066 forbids an IP address as SNI; Node then checks the certificate against the address.
    if (!isIP(hostnaam)) opties.servername = hostnaam
    // Trust is checked before a byte of the request (and its secrets) goes out.
    opties.rejectUnauthorized = true
    const context = tlsContext(v.caPem, v.clientCertificaat)
    if (context) opties.secureContext = context
  }

  return new Promise<Antwoord>((resolve, reject) => {
    // Nothing is opened once the time is up (and bijVerlopen below then never fires early).
    if (v.deadline.verlopen) return reject(new TijdOp())
    let klaar = false
    let res: http.IncomingMessage | undefined
    let req: http.ClientRequest | undefined
    const einde = (afronden: () => void) => {
      if (klaar) return
      klaar = true
      los()
      res?.destroy()
      req?.destroy()
      afronden()
    }
    const los = v.deadline.bijVerlopen(() => einde(() => reject(new TijdOp())))
    v.deadline.fase = 'verbinden'
    // Node throws right here on e.g. a header value with a line break: that too becomes an uitkomst.
    try {
      req = maakVerzoek()
    } catch (e) {
      einde(() => reject(e))
    }

    function maakVerzoek(): http.ClientRequest {
      const verzoek = (versleuteld ? https.request : http.request)(opties, (r) => {
        res = r
        v.deadline.fase = 'lezen'
        const status = r.statusCode ?? 0
        const location = typeof r.headers.location === 'string' ? r.headers.location : undefined
        const certificaat = versleuteld ? leesCertificaat(r.socket as TLSSocket, hostnaam, v.nu)?.info : undefined
        const basis = { status, ...(location ? { location } : {}), ...(certificaat ? { certificaat } : {}) }
        if (!v.leesBody(status)) return einde(() => resolve({ ...basis, bytes: 0, teGroot: false }))
        // An announced length over the limit needs no reading at all (HEAD announces a body it does not send).
        const lengte = Number(r.headers['content-length'])
        if (v.methode !== 'HEAD' && Number.isFinite(lengte) && lengte > v.maxBytes)
          return einde(() => resolve({ ...basis, bytes: lengte, teGroot: true }))
        let bytes = 0
        const delen: Buffer[] = []
        r.on('data', (stuk: Buffer) => {
          bytes += stuk.length
          if (v.bewaar) delen.push(stuk)
          if (bytes > v.maxBytes) einde(() => resolve({ ...basis, bytes, teGroot: true }))
        })
        r.on('end', () =>
          einde(() => resolve({ ...basis, bytes, teGroot: false, ...(v.bewaar ? { tekst: Buffer.concat(delen).toString('utf8') } : {}) })),
        )
        r.on('error', (e) => einde(() => reject(e)))
        r.on('close', () => {
          if (!r.complete) einde(() => reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })))
        })
      })
      verzoek.on('socket', (s) => {
        s.once('connect', () => {
          if (v.deadline.fase === 'verbinden') v.deadline.fase = versleuteld ? 'tls' : 'antwoord'
        })
        if (versleuteld)
          s.once('secureConnect', () => {
            if (v.deadline.fase === 'tls') v.deadline.fase = 'antwoord'
          })
      })
      verzoek.on('error', (e) => einde(() => reject(e)))
      verzoek.end(v.body)
      return verzoek
    }
  })
}
