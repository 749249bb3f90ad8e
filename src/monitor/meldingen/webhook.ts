// One POST to a webhook, with the probes' address policy: the host is resolved once, every
// address checked (oplossen), and the request goes to the checked address (stuurVerzoek),
// so a webhook URL cannot reach the metadata service or, unless allowed, the internal
// network. No redirect is followed; one deadline covers the whole request.
// The URL itself is often the secret (Slack, Teams): a reason names its host, never the URL.

import { validateHeaderName, validateHeaderValue } from 'node:http'
import { msg } from '../../domain/errors.js'
import { Deadline } from '../probes/deadline.js'
import { classificeer } from '../probes/fouten.js'
import { type Antwoord, stuurVerzoek } from '../probes/http-verzoek.js'
import { oplossen } from '../probes/oplossen.js'
import { type Afloop, blijvendeFout, gelukt, tijdelijkeFout } from './afloop.js'
import type { Bericht } from './berichten.js'
import { jsonBody } from './formaat-json.js'
import { slackBody } from './formaat-slack.js'
import { teamsBody } from './formaat-teams.js'
import type { Melding, VerzendOpties, WebhookKanaal } from './typen.js'

/** An error page is read this far, for the reason; a success is not read at all. */
export const MAX_ANTWOORD_BYTES = 64 * 1024
const AGENT = 'Regiekamer-meldingen/1'
/** Set by Regiekamer whatever the kanaal's headers say. */
const EIGEN_HEADERS = new Set(['host', 'content-type', 'content-length', 'connection', 'transfer-encoding'])

export function webhookBody(kanaal: WebhookKanaal, m: Melding, b: Bericht): unknown {
  switch (kanaal.formaat) {
    case 'json':
      return jsonBody(m, b)
    case 'teams':
      return teamsBody(b)
    case 'slack':
      return slackBody(b)
  }
}

/** The start of an error body, on one line, for the administrator. */
function fragment(tekst: string | undefined): string {
  const kort = (tekst ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)
  return kort ? ` ("${kort}")` : ''
}

function beoordeelStatus(a: Antwoord, host: string): Afloop {
  const s = a.status
  if (s >= 200 && s <= 299) return gelukt
  const extra = fragment(a.tekst)
  if (s >= 300 && s <= 399)
    return blijvendeFout(
      msg(
        `De webhook op ${host} verwijst door (status ${s}); Regiekamer volgt geen doorverwijzingen. Vul de uiteindelijke URL in.`,
        `The webhook at ${host} redirects (status ${s}); Regiekamer does not follow redirects. Enter the final URL.`,
      ),
    )
  if (s === 408 || s === 429)
    return tijdelijkeFout(
      msg(
        `De webhook op ${host} antwoordde met status ${s} (${s === 429 ? 'te veel verzoeken' : 'time-out'}); een latere poging kan slagen.`,
        `The webhook at ${host} answered with status ${s} (${s === 429 ? 'too many requests' : 'request timeout'}); a later attempt may succeed.`,
      ),
    )
  if (s >= 400 && s <= 499)
    return blijvendeFout(
      msg(
        `De webhook op ${host} weigerde de melding met status ${s}${extra}. Controleer de URL en de headers van het kanaal.`,
        `The webhook at ${host} refused the notification with status ${s}${extra}. Check the channel's URL and headers.`,
      ),
    )
  return tijdelijkeFout(
    msg(
      `De webhook op ${host} gaf een serverfout (status ${s})${extra}.`,
      `The webhook at ${host} gave a server error (status ${s})${extra}.`,
    ),
  )
}

/** What is wrong with the kanaal itself; no attempt will fix that. */
function ongeldigKanaal(kanaal: WebhookKanaal): { url: URL } | { fout: Afloop } {
  let url: URL
  try {
    url = new URL(kanaal.url)
  } catch {
    return { fout: blijvendeFout(msg('De webhook-URL is geen geldige URL.', 'The webhook URL is not a valid URL.')) }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { fout: blijvendeFout(msg('Een webhook-URL moet met http of https beginnen.', 'A webhook URL must use http or https.')) }
  if (url.username || url.password)
    return {
      fout: blijvendeFout(
        msg(
          'Een webhook-URL met gebruikersnaam of wachtwoord is niet toegestaan; zet die in een header.',
          'A webhook URL with a user name or password is not allowed; put them in a header.',
        ),
      ),
    }
  for (const [naam, waarde] of Object.entries(kanaal.headers ?? {}))
    try {
      validateHeaderName(naam)
      validateHeaderValue(naam, waarde)
    } catch {
      return {
        fout: blijvendeFout(
          msg(`De header '${naam}' heeft een ongeldige naam of waarde.`, `The header '${naam}' has an invalid name or value.`),
        ),
      }
    }
  return { url }
}

export async function verstuurWebhook(kanaal: WebhookKanaal, m: Melding, b: Bericht, opties: VerzendOpties): Promise<Afloop> {
  const gecontroleerd = ongeldigKanaal(kanaal)
  if ('fout' in gecontroleerd) return gecontroleerd.fout
  const { url } = gecontroleerd
  const body = JSON.stringify(webhookBody(kanaal, m, b))
  const headers: Record<string, string> = { 'user-agent': AGENT, accept: 'application/json, text/plain, */*' }
  for (const [naam, waarde] of Object.entries(kanaal.headers ?? {}))
    if (!EIGEN_HEADERS.has(naam.toLowerCase())) headers[naam.toLowerCase()] = waarde
  headers['content-type'] = 'application/json; charset=utf-8'
  headers['content-length'] = String(Buffer.byteLength(body))

  const deadline = new Deadline(opties.timeoutMs)
  try {
    const opgelost = await oplossen(url.hostname, opties, deadline)
    if (!opgelost.ok) {
      const r = opgelost.resultaat
      // A forbidden address stays forbidden; a name that did not resolve (or in time) may later.
      return r.soort === 'verboden-adres' ? blijvendeFout(r.reden) : tijdelijkeFout(r.reden)
    }
    let antwoord: Antwoord
    try {
      antwoord = await stuurVerzoek({
        url,
        adres: opgelost.adres,
        methode: 'POST',
        headers,
        body,
        maxBytes: MAX_ANTWOORD_BYTES,
        bewaar: true,
        // A 2xx is all there is to know; an error page is read (bounded) for its first words.
        leesBody: (status) => status >= 400,
        deadline,
        nu: new Date(),
      })
    } catch (e) {
      const r = classificeer(e, deadline)
      return tijdelijkeFout(msg(`Webhook op ${url.host}: ${r.reden.nl}`, `Webhook at ${url.host}: ${r.reden.en}`))
    }
    return beoordeelStatus(antwoord, url.host)
  } finally {
    deadline.stop()
  }
}
