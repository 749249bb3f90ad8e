// The HTTP(S) controle: resolve and check the address, send, judge status, size and
// body; on a redirect (when allowed) start over for the new URL — address check
// included, so a redirect cannot lead a probe where a URL could not.

import { msg } from '../../domain/errors.js'
import type { HttpControle, ProbeOpties, StatusVerwachting, UitkomstDetails } from '../typen.js'
import type { Deadline } from './deadline.js'
import { classificeer } from './fouten.js'
import { type Antwoord, stuurVerzoek } from './http-verzoek.js'
import { toetsInhoud } from './inhoud.js'
import { oplossen } from './oplossen.js'
import { fout, geslaagd, type Resultaat } from './resultaat.js'

export const STANDAARD_MAX_BYTES = 1024 * 1024
const REDIRECT = new Set([301, 302, 303, 307, 308])
const STANDAARD_STATUS: StatusVerwachting[] = [{ van: 200, tot: 299 }]

export const statusKlopt = (status: number, verwacht: StatusVerwachting[]): boolean =>
  verwacht.some((v) => (typeof v === 'number' ? v === status : status >= v.van && status <= v.tot))

const statusTekst = (verwacht: StatusVerwachting[]): string =>
  verwacht.map((v) => (typeof v === 'number' ? String(v) : `${v.van}–${v.tot}`)).join(', ')

export async function httpProbe(c: HttpControle, opties: ProbeOpties, deadline: Deadline, nu: Date): Promise<Resultaat> {
  const verwacht = c.verwachteStatus?.length ? c.verwachteStatus : STANDAARD_STATUS
  const maxBytes = c.maxBytes ?? STANDAARD_MAX_BYTES
  const maxRedirects = c.volgRedirects ?? 0
  const eerste = new URL(c.url)
  let url = eerste
  let methode: string = c.methode
  let body = c.verzoekBody
  const bezocht = new Set([url.href])
  const redirects: string[] = []
  const details = (extra: UitkomstDetails = {}): UitkomstDetails => ({
    ...(redirects.length ? { redirects: [...redirects] } : {}),
    ...extra,
  })

  for (;;) {
    const opgelost = await oplossen(url.hostname, opties, deadline)
    if (!opgelost.ok) {
      const r = opgelost.resultaat
      if (redirects.length === 0) return r
      // Say that the redirect led there, not the URL the administrator typed.
      return fout(
        r.soort,
        msg(`Doorverwezen naar ${url.href}: ${r.reden.nl}`, `Redirected to ${url.href}: ${r.reden.en}`),
        details(r.details),
      )
    }
    const adres = opgelost.adres
    // Headers and the client certificate are secrets of the first origin; a redirect elsewhere gets neither.
    const zelfdeOorsprong = url.origin === eerste.origin
    const volgen = (status: number) => REDIRECT.has(status) && maxRedirects > 0
    let antwoord: Antwoord
    try {
      antwoord = await stuurVerzoek({
        url,
        adres,
        methode,
        headers: zelfdeOorsprong ? (c.headers ?? {}) : {},
        ...(body !== undefined ? { body } : {}),
        ...(zelfdeOorsprong && c.clientCertificaat ? { clientCertificaat: c.clientCertificaat } : {}),
        ...(c.caPem ? { caPem: c.caPem } : {}),
        maxBytes,
        bewaar: c.body !== undefined,
        leesBody: (status) => !volgen(status) && statusKlopt(status, verwacht),
        deadline,
        nu,
      })
    } catch (e) {
      return classificeer(e, deadline, details({ adres }))
    }
    const d = (extra: UitkomstDetails = {}) =>
      details({ status: antwoord.status, adres, ...(antwoord.certificaat ? { certificaat: antwoord.certificaat } : {}), ...extra })

    if (volgen(antwoord.status) && antwoord.location !== undefined) {
      let volgende: URL
      try {
        volgende = new URL(antwoord.location, url)
      } catch {
        return fout(
          'fout-status',
          msg(`Doorverwijzing naar een ongeldige URL: ${antwoord.location}`, `Redirect to an invalid URL: ${antwoord.location}`),
          d(),
        )
      }
      if (volgende.protocol !== 'http:' && volgende.protocol !== 'https:')
        return fout(
          'verboden-adres',
          msg(
            `Doorverwijzing naar ${volgende.protocol}-URL; alleen http en https zijn toegestaan.`,
            `Redirect to a ${volgende.protocol} URL; only http and https are allowed.`,
          ),
          d(),
        )
      volgende.hash = ''
      redirects.push(volgende.href)
      if (bezocht.has(volgende.href))
        return fout(
          'redirect-lus',
          msg(
            `De doorverwijzingen lopen in een kring (terug naar ${volgende.href}).`,
            `The redirects run in a loop (back to ${volgende.href}).`,
          ),
          d(),
        )
      if (redirects.length > maxRedirects)
        return fout('te-veel-redirects', msg(`Meer dan ${maxRedirects} doorverwijzingen.`, `More than ${maxRedirects} redirects.`), d())
      bezocht.add(volgende.href)
      // As browsers do: 303 always, and 301/302 after a POST, continue as GET without body.
      if (antwoord.status === 303 || ((antwoord.status === 301 || antwoord.status === 302) && methode === 'POST')) {
        if (methode !== 'HEAD') methode = 'GET'
        body = undefined
      }
      url = volgende
      continue
    }

    if (!statusKlopt(antwoord.status, verwacht))
      return fout(
        'fout-status',
        msg(
          `De server antwoordde met status ${antwoord.status}, verwacht ${statusTekst(verwacht)}.`,
          `The server answered with status ${antwoord.status}, expected ${statusTekst(verwacht)}.`,
        ),
        d(),
      )
    if (antwoord.teGroot)
      return fout(
        'te-groot',
        msg(
          `Het antwoord is groter dan ${maxBytes} bytes; het lezen is gestopt.`,
          `The response is larger than ${maxBytes} bytes; reading stopped.`,
        ),
        d({ bytes: antwoord.bytes }),
      )
    if (c.body) {
      const probleem = toetsInhoud(c.body, antwoord.tekst ?? '')
      if (probleem) return fout('fout-inhoud', probleem, d({ bytes: antwoord.bytes }))
    }
    return geslaagd(
      msg(`De server antwoordde met status ${antwoord.status}.`, `The server answered with status ${antwoord.status}.`),
      d({ bytes: antwoord.bytes }),
    )
  }
}
