// The generic webhook body: Regiekamer's own JSON, versioned so a receiver can rely on
// its shape (docs/monitoring.md, "Meldingen"). A field that may change meaning gets a new
// `versie`; new optional fields may be added within one. Absent facts are left out, never null.

import type { Message } from '../../domain/errors.js'
import type { Bericht } from './berichten.js'
import type { Benoemd, Melding, MeldingSoort } from './typen.js'

export const JSON_VERSIE = 1

export interface JsonMelding {
  versie: typeof JSON_VERSIE
  soort: MeldingSoort
  /** The outbox's deduplication key: the same notification sent twice (a retry) carries the same one. */
  sleutel: string
  /** ISO 8601, UTC. */
  tijdstip: string
  onderwerp: Message
  tekst: Message
  samenwerking?: Benoemd
  koppeling?: Benoemd
  controle?: Benoemd
  reden?: Message
  dagenGeldig?: number
  geldigTot?: string
  link?: string
}

export function jsonBody(m: Melding, b: Bericht): JsonMelding {
  return {
    versie: JSON_VERSIE,
    soort: m.soort,
    sleutel: m.sleutel,
    tijdstip: new Date(m.tijdstip).toISOString(),
    onderwerp: b.onderwerp,
    tekst: b.tekst,
    ...(m.samenwerking ? { samenwerking: { naam: m.samenwerking.naam } } : {}),
    ...(m.koppeling ? { koppeling: { naam: m.koppeling.naam } } : {}),
    ...(m.controle ? { controle: { naam: m.controle.naam } } : {}),
    ...(m.reden ? { reden: { nl: m.reden.nl, en: m.reden.en } } : {}),
    ...(m.dagenGeldig !== undefined ? { dagenGeldig: m.dagenGeldig } : {}),
    ...(m.geldigTot !== undefined ? { geldigTot: m.geldigTot } : {}),
    ...(b.link ? { link: b.link } : {}),
  }
}
