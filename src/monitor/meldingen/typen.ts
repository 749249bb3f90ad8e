// What a notification says, where it goes and how sending it ended, as plain data: the
// outbox stores and retries these, verstuurMelding (index.ts) carries one out. No I/O here.

import type { Message } from '../../domain/errors.js'
import type { AdresOpties } from '../typen.js'

/**
 * `json`: Regiekamer's own versioned body (docs/monitoring.md, "Meldingen");
 * `teams`: a Microsoft Teams incoming webhook or Workflows trigger (an Adaptive Card);
 * `slack`: a Slack incoming webhook, also Mattermost's (same `{ text, attachments }` payload).
 */
export type WebhookFormaat = 'json' | 'teams' | 'slack'
export const WEBHOOK_FORMATEN: readonly WebhookFormaat[] = ['json', 'teams', 'slack']

export interface WebhookKanaal {
  soort: 'webhook'
  formaat: WebhookFormaat
  /** Often a secret itself (Slack, Teams): never shown in a reason or log line, only its host. */
  url: string
  /** Sent as given, e.g. `Authorization` for a generic JSON receiver. */
  headers?: Record<string, string>
}

export interface EmailKanaal {
  soort: 'email'
  aan: string[]
}

export type Meldingskanaal = WebhookKanaal | EmailKanaal

export type MeldingSoort = 'storing-geopend' | 'storing-hersteld' | 'certificaat-verloopt' | 'test'
export const MELDING_SOORTEN: readonly MeldingSoort[] = ['storing-geopend', 'storing-hersteld', 'certificaat-verloopt', 'test']

/** Referred to by name only: a notification leaves Regiekamer, ids and probe targets stay inside. */
export interface Benoemd {
  naam: string
}

export interface Melding {
  soort: MeldingSoort
  /** Deduplication key of the outbox, opaque here; passed on in the JSON body so a receiver can dedupe too. */
  sleutel: string
  /** Epoch ms: when the storing opened or closed, or the certificate was seen. */
  tijdstip: number
  controle?: Benoemd
  koppeling?: Benoemd
  samenwerking?: Benoemd
  /** Why the controle failed, as the probe said it. */
  reden?: Message
  /** Certificate: whole days left (negative when expired). */
  dagenGeldig?: number
  /** Certificate: ISO 8601. */
  geldigTot?: string
  /** The page in Regiekamer (http or https; anything else is left out). */
  link?: string
}

export type Verzenduitkomst =
  | { geslaagd: true; duurMs: number }
  /** `tijdelijk`: a later attempt may succeed (time-out, connection, 5xx, 429); otherwise retrying is pointless. */
  | { geslaagd: false; tijdelijk: boolean; reden: Message; duurMs: number }

/** The operator's mail server; not checked against the address policy (it is configuration, not user input). */
export interface SmtpInstellingen {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; nodemailer's query options apply. */
  url: string
  /** The From address. */
  van: string
}

export interface VerzendOpties extends AdresOpties {
  /** The whole send — DNS, connect, TLS, request and response, or the SMTP dialogue — within this time. */
  timeoutMs: number
  smtp?: SmtpInstellingen
}
