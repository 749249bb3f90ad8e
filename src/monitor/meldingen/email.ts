// One e-mail through the operator's SMTP server (nodemailer), a new connection per send
// (notifications are few; a pool would outlive the send). The server is configuration,
// not user input, so the address policy does not apply to it. Every timeout of nodemailer
// is set from timeoutMs, and an abort signal ends the whole dialogue at timeoutMs.

import nodemailer from 'nodemailer'
import { type Message, msg } from '../../domain/errors.js'
import { type Afloop, blijvendeFout, gelukt, tijdelijkeFout } from './afloop.js'
import type { Bericht } from './berichten.js'
import { emailInhoud } from './email-inhoud.js'
import type { EmailKanaal, SmtpInstellingen, VerzendOpties } from './typen.js'

// Deliberately loose: the server judges the address; this only keeps out what cannot be one
// (no @, spaces, line breaks, several addresses in one string).
const ADRES = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/

/** Nodemailer's error, as far as it is read here. */
interface SmtpFout {
  code?: string
  responseCode?: number
  response?: string
  permanent?: boolean
  rejected?: string[]
}

/** `noreply@x.nl` or `Regiekamer <noreply@x.nl>`. */
const afzenderOk = (van: unknown): boolean => {
  if (typeof van !== 'string') return false
  const binnen = /^[^\r\n<>]*<([^<>]+)>$/.exec(van.trim())
  return ADRES.test(binnen ? (binnen[1] as string) : van)
}

const leesFout = (e: unknown): SmtpFout => (e && typeof e === 'object' ? (e as SmtpFout) : {})

/** The server's own words, on one line and short: what the administrator needs to look it up. */
const antwoord = (f: SmtpFout): string => {
  const r = (f.response ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)
  return r ? `: ${r}` : ''
}

function ongeldig(kanaal: EmailKanaal, smtp: SmtpInstellingen | undefined): Afloop | URL {
  if (!smtp?.url)
    return blijvendeFout(
      msg(
        'Er is geen SMTP-server ingesteld; e-mailmeldingen kunnen niet worden verstuurd.',
        'No SMTP server is configured; e-mail notifications cannot be sent.',
      ),
    )
  let url: URL
  try {
    url = new URL(smtp.url)
  } catch {
    return blijvendeFout(msg('De SMTP-URL is geen geldige URL.', 'The SMTP URL is not a valid URL.'))
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname)
    return blijvendeFout(
      msg(
        'De SMTP-URL moet de vorm smtp://host:587 of smtps://host:465 hebben.',
        'The SMTP URL must look like smtp://host:587 or smtps://host:465.',
      ),
    )
  if (!afzenderOk(smtp.van))
    return blijvendeFout(msg(`Het afzenderadres '${smtp.van}' is ongeldig.`, `The sender address '${smtp.van}' is invalid.`))
  if (!Array.isArray(kanaal.aan) || kanaal.aan.length === 0)
    return blijvendeFout(msg('Het kanaal heeft geen ontvangers.', 'The channel has no recipients.'))
  const fout = kanaal.aan.find((a) => typeof a !== 'string' || !ADRES.test(a))
  if (fout !== undefined) return blijvendeFout(msg(`Het e-mailadres '${fout}' is ongeldig.`, `The e-mail address '${fout}' is invalid.`))
  return url
}

function beoordeelFout(e: unknown, timeoutMs: number, verlopen: boolean, host: string): Afloop {
  const f = leesFout(e)
  if (verlopen || f.code === 'EABORT' || f.code === 'ETIMEDOUT')
    return tijdelijkeFout(
      msg(
        `De mailserver ${host} antwoordde niet binnen ${timeoutMs} ms.`,
        `The mail server ${host} did not answer within ${timeoutMs} ms (${f.code ?? 'EABORT'}).`,
      ),
    )
  if (typeof f.responseCode === 'number') {
    const c = f.responseCode
    // RFC 5321: 5yz is final; 503 (bad sequence) only says this session went wrong.
    const blijvend = f.permanent ?? (c >= 500 && c <= 599 && c !== 503)
    const wie = f.rejected?.length ? ` (${f.rejected.join(', ')})` : ''
    const reden: Message =
      f.code === 'EAUTH'
        ? msg(
            `De mailserver ${host} weigerde de aanmelding (${c}${antwoord(f)}); controleer gebruikersnaam en wachtwoord in de SMTP-URL.`,
            `The mail server ${host} refused the login (${c}${antwoord(f)}); check the user name and password in the SMTP URL.`,
          )
        : msg(
            `De mailserver ${host} weigerde de melding${wie} met code ${c}${antwoord(f)}.`,
            `The mail server ${host} refused the notification${wie} with code ${c}${antwoord(f)}.`,
          )
    return blijvend ? blijvendeFout(reden) : tijdelijkeFout(reden)
  }
  if (f.code === 'EAUTH' || f.code === 'ENOAUTH' || f.code === 'ECONFIG' || f.code === 'EENVELOPE')
    return blijvendeFout(
      msg(
        `De mailserver ${host} of de SMTP-instellingen staan het versturen niet toe (${f.code}).`,
        `The mail server ${host} or the SMTP settings do not allow sending (${f.code}).`,
      ),
    )
  const tekst = e instanceof Error ? e.message : String(e)
  return tijdelijkeFout(
    msg(
      `De mailserver ${host} is niet bereikbaar of verbrak de verbinding (${f.code ?? 'onbekend'}).`,
      `The mail server ${host} cannot be reached or closed the connection (${f.code ?? 'unknown'}: ${tekst}).`,
    ),
  )
}

export async function verstuurEmail(kanaal: EmailKanaal, b: Bericht, opties: VerzendOpties): Promise<Afloop> {
  const gecontroleerd = ongeldig(kanaal, opties.smtp)
  if (!(gecontroleerd instanceof URL)) return gecontroleerd
  const smtp = opties.smtp as SmtpInstellingen
  const host = gecontroleerd.host
  const t = opties.timeoutMs
  const inhoud = emailInhoud(b)
  const stop = new AbortController()
  const timer = setTimeout(() => stop.abort(), t)
  const transport = nodemailer.createTransport({
    url: smtp.url,
    connectionTimeout: t,
    greetingTimeout: t,
    socketTimeout: t,
    dnsTimeout: t,
    // After QUIT the socket is closed at once instead of lingering past the send.
    socketCloseTimeout: 0,
  })
  try {
    const info = await transport.sendMail({
      from: smtp.van,
      to: kanaal.aan,
      subject: inhoud.onderwerp,
      text: inhoud.tekst,
      html: inhoud.html,
      // RFC 3834: an automatic message; out-of-office replies stay away.
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Regiekamer-Melding': b.soort },
      signal: stop.signal,
    })
    // Some recipients refused, the others have it: retrying would send them a second copy.
    if (info.rejected.length > 0)
      return blijvendeFout(
        msg(
          `De mailserver ${host} weigerde ${info.rejected.join(', ')}; de andere ontvangers kregen de melding wel.`,
          `The mail server ${host} refused ${info.rejected.join(', ')}; the other recipients did get the notification.`,
        ),
      )
    return gelukt
  } catch (e) {
    return beoordeelFout(e, t, stop.signal.aborted, host)
  } finally {
    clearTimeout(timer)
    transport.close()
  }
}
