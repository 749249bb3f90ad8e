// The TLS certificate controle: complete a handshake without trusting (so an untrusted
// or expired certificate can still be read and described), then judge expiry, chain
// and host name ourselves. An expiring PKIoverheid certificate is a classic cause of a
// broken koppeling, hence the warning days before it breaks.

import { isIP } from 'node:net'
import { connect, type TLSSocket } from 'node:tls'
import { msg } from '../../domain/errors.js'
import type { ProbeOpties, TlsControle } from '../typen.js'
import { leesCertificaat } from './certificaat.js'
import { type Deadline, TijdOp } from './deadline.js'
import { classificeer, tlsReden } from './fouten.js'
import { oplossen } from './oplossen.js'
import { fout, geslaagd, type Resultaat } from './resultaat.js'
import { tlsContext } from './tls-context.js'

function handdruk(c: TlsControle, adres: string, servername: string | undefined, deadline: Deadline): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    if (deadline.verlopen) return reject(new TijdOp())
    let klaar = false
    const einde = (afronden: () => void) => {
      if (klaar) return
      klaar = true
      los()
      afronden()
    }
    deadline.fase = 'verbinden'
    const socket = connect({
      host: adres,
      port: c.port,
      ...(servername ? { servername } : {}),
      // Inspect, do not trust: the verdict is in socket.authorized / authorizationError.
      rejectUnauthorized: false,
      ...(c.caPem ? { secureContext: tlsContext(c.caPem, undefined) } : {}),
    })
    const los = deadline.bijVerlopen(() =>
      einde(() => {
        socket.destroy()
        reject(new TijdOp())
      }),
    )
    socket.once('connect', () => {
      deadline.fase = 'tls'
    })
    socket.once('secureConnect', () => einde(() => resolve(socket)))
    socket.on('error', (e) =>
      einde(() => {
        socket.destroy()
        reject(e)
      }),
    )
  })
}

export async function tlsProbe(c: TlsControle, opties: ProbeOpties, deadline: Deadline, nu: Date): Promise<Resultaat> {
  const opgelost = await oplossen(c.host, opties, deadline)
  if (!opgelost.ok) return opgelost.resultaat
  const adres = opgelost.adres
  const kaal = c.host.replace(/^\[|\]$/g, '')
  // RFC 6066 forbids an IP address as SNI (and Node warns about it).
  const gevraagd = c.servername ?? kaal
  const servername = isIP(gevraagd) ? undefined : gevraagd
  let socket: TLSSocket
  try {
    socket = await handdruk(c, adres, servername, deadline)
  } catch (e) {
    return classificeer(e, deadline, { adres })
  }
  try {
    const gelezen = leesCertificaat(socket, gevraagd, nu)
    if (!gelezen) return fout('tls-fout', msg('De server stuurde geen certificaat.', 'The server sent no certificate.'), { adres })
    const { info, ketenFout } = gelezen
    const details = { adres, certificaat: info }
    if (info.dagenGeldig < 0 || ketenFout === 'CERT_HAS_EXPIRED')
      return fout(
        'certificaat-verlopen',
        msg(`Het certificaat is verlopen op ${info.geldigTot.slice(0, 10)}.`, `The certificate expired on ${info.geldigTot.slice(0, 10)}.`),
        details,
      )
    if (gelezen.geldigVanaf.getTime() > nu.getTime()) return fout('tls-fout', tlsReden('CERT_NOT_YET_VALID'), details)
    if (ketenFout) return fout('tls-fout', tlsReden(ketenFout), details)
    if (!info.hostnaamKlopt)
      return fout('tls-fout', msg(`Het certificaat hoort niet bij ${gevraagd}.`, `The certificate does not match ${gevraagd}.`), details)
    if (info.dagenGeldig < c.minDagenGeldig)
      // Still working today, so geslaagd stays true: this is the early warning.
      return {
        geslaagd: true,
        soort: 'certificaat-verloopt',
        reden: msg(
          `Het certificaat verloopt over ${info.dagenGeldig} dagen (${info.geldigTot.slice(0, 10)}); vervang het tijdig.`,
          `The certificate expires in ${info.dagenGeldig} days (${info.geldigTot.slice(0, 10)}); replace it in time.`,
        ),
        details,
      }
    return geslaagd(
      msg(`Het certificaat is geldig, nog ${info.dagenGeldig} dagen.`, `The certificate is valid for ${info.dagenGeldig} more days.`),
      details,
    )
  } finally {
    socket.destroy()
  }
}
