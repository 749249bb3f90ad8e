// verstuurMelding: send one notification to one channel and always come back with a
// Verzenduitkomst — never an exception, never much later than timeoutMs. Storage,
// deduplication and retries are the outbox's (it asks volgendePoging when to try again).

import { type Message, msg } from '../../domain/errors.js'
import { MAX_TIMEOUT_MS } from '../probes/index.js'
import { type Afloop, blijvendeFout } from './afloop.js'
import { stelBerichtOp } from './berichten.js'
import { verstuurEmail } from './email.js'
import { MELDING_SOORTEN, type Melding, type Meldingskanaal, type VerzendOpties, type Verzenduitkomst, WEBHOOK_FORMATEN } from './typen.js'
import { verstuurWebhook } from './webhook.js'

/** A melding or options from an old row or a bug: refused before anything goes out. */
function ongeldig(kanaal: Meldingskanaal, m: Melding, opties: VerzendOpties): Message | undefined {
  if (!Number.isFinite(opties.timeoutMs) || opties.timeoutMs <= 0 || opties.timeoutMs > MAX_TIMEOUT_MS)
    return msg(`De time-out moet tussen 1 en ${MAX_TIMEOUT_MS} ms liggen.`, `The timeout must be between 1 and ${MAX_TIMEOUT_MS} ms.`)
  if (!MELDING_SOORTEN.includes(m.soort))
    return msg(`Onbekende soort melding '${String(m.soort)}'.`, `Unknown kind of notification '${String(m.soort)}'.`)
  if (!Number.isFinite(m.tijdstip)) return msg('De melding heeft geen geldig tijdstip.', 'The notification has no valid time.')
  if (kanaal.soort === 'webhook' && !WEBHOOK_FORMATEN.includes(kanaal.formaat))
    return msg(`Onbekend webhookformaat '${String(kanaal.formaat)}'.`, `Unknown webhook format '${String(kanaal.formaat)}'.`)
  if (kanaal.soort !== 'webhook' && kanaal.soort !== 'email')
    return msg('Onbekende soort meldingskanaal.', 'Unknown kind of notification channel.')
  return undefined
}

export async function verstuurMelding(kanaal: Meldingskanaal, melding: Melding, opties: VerzendOpties): Promise<Verzenduitkomst> {
  const start = performance.now()
  const klaar = (a: Afloop): Verzenduitkomst => ({ ...a, duurMs: Math.round(performance.now() - start) })
  try {
    const fout = ongeldig(kanaal, melding, opties)
    if (fout) return klaar(blijvendeFout(fout))
    const bericht = stelBerichtOp(melding)
    return klaar(
      kanaal.soort === 'webhook' ? await verstuurWebhook(kanaal, melding, bericht, opties) : await verstuurEmail(kanaal, bericht, opties),
    )
  } catch (e) {
    // A bug, not the receiver: a retry may well meet the same bug, but it costs little and the reason is kept.
    const tekst = e instanceof Error ? e.message : String(e)
    return klaar({ geslaagd: false, tijdelijk: true, reden: msg(`Onverwachte fout: ${tekst}`, `Unexpected error: ${tekst}`) })
  }
}

export type { Bericht, Veld } from './berichten.js'
export { stelBerichtOp, tijdstipTekst } from './berichten.js'
export { type EmailInhoud, emailInhoud } from './email-inhoud.js'
export { JSON_VERSIE, type JsonMelding, jsonBody } from './formaat-json.js'
export { type SlackBody, slackBody } from './formaat-slack.js'
export { type TeamsBody, teamsBody } from './formaat-teams.js'
export { MAX_POGINGEN, volgendePoging, WACHTTIJDEN_MS } from './herhalen.js'
export type {
  EmailKanaal,
  Melding,
  MeldingSoort,
  Meldingskanaal,
  SmtpInstellingen,
  VerzendOpties,
  Verzenduitkomst,
  WebhookFormaat,
  WebhookKanaal,
} from './typen.js'
export { MAX_ANTWOORD_BYTES, webhookBody } from './webhook.js'
