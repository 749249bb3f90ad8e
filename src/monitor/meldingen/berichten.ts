// What a notification says, in Dutch and English, before any format shapes it: a
// subject, one sentence, the facts as labelled fields and the link. Every format
// (webhooks, e-mail) is built from this, so they never say different things. Pure.
// Only names go out — never ids, a probe's URL or host, or an error text beyond `reden`.

import { type Message, msg } from '../../domain/errors.js'
import type { Melding, MeldingSoort } from './typen.js'

export interface Veld {
  label: Message
  waarde: Message
  /** A sentence rather than a name or a date: formats with columns give it the whole width. */
  breed?: boolean
}

export interface Bericht {
  soort: MeldingSoort
  onderwerp: Message
  tekst: Message
  velden: Veld[]
  /** Only an http(s) URL without credentials; anything else is left out. */
  link?: string
}

const delenVan = (taal: string) =>
  new Intl.DateTimeFormat(taal, {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
const NL = delenVan('nl-NL')
const EN = delenVan('en-GB')

/** "7 december 2026 19:05" / "7 December 2026 19:05", Europe/Amsterdam; parts picked so no ICU "om"/"at" slips in. */
export function tijdstipTekst(ms: number): Message {
  if (!Number.isFinite(ms)) return msg('onbekend tijdstip', 'unknown time')
  const schrijf = (f: Intl.DateTimeFormat) => {
    const p: Record<string, string> = {}
    for (const deel of f.formatToParts(ms)) p[deel.type] = deel.value
    return `${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}`
  }
  return msg(schrijf(NL), schrijf(EN))
}

/** An ISO 8601 moment written out; a text that is no moment stays as it is. */
function geldigTotTekst(iso: string): Message {
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? tijdstipTekst(ms) : msg(iso, iso)
}

export function veiligeLink(link: string | undefined): string | undefined {
  if (!link) return undefined
  try {
    const url = new URL(link)
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined
    return url.href
  } catch {
    return undefined
  }
}

/** "koppeling X (controle Y)" — what the notification is about, as a phrase. */
function onderwerpZin(m: Melding): Message {
  const k = m.koppeling?.naam
  const c = m.controle?.naam
  if (k && c) return msg(`koppeling ${k} (controle ${c})`, `data link ${k} (check ${c})`)
  if (k) return msg(`koppeling ${k}`, `data link ${k}`)
  if (c) return msg(`controle ${c}`, `check ${c}`)
  return msg('een controle', 'a check')
}

/** "X — Y" after the subject's prefix; empty without names. */
function namen(m: Melding): string {
  return [m.koppeling?.naam, m.controle?.naam].filter((n): n is string => Boolean(n)).join(' — ')
}

const metNamen = (voor: Message, m: Melding): Message => {
  const n = namen(m)
  return n ? msg(`${voor.nl}: ${n}`, `${voor.en}: ${n}`) : voor
}

/** The subject's prefix, the verb phrase and what to do, by the days left. */
function certificaatTermijn(dagen: number | undefined): { kop: Message; zin: Message; oproep: Message } {
  const tijdig = msg('vervang het tijdig', 'replace it in time')
  if (dagen === undefined || !Number.isFinite(dagen))
    return {
      kop: msg('Certificaat verloopt binnenkort', 'Certificate expires soon'),
      zin: msg('verloopt binnenkort', 'expires soon'),
      oproep: tijdig,
    }
  if (dagen < 0)
    return {
      kop: msg('Certificaat is verlopen', 'Certificate has expired'),
      zin: msg('is verlopen', 'has expired'),
      oproep: msg('vervang het', 'replace it'),
    }
  if (dagen === 0)
    return {
      kop: msg('Certificaat verloopt vandaag', 'Certificate expires today'),
      zin: msg('verloopt vandaag', 'expires today'),
      oproep: tijdig,
    }
  const nl = dagen === 1 ? '1 dag' : `${dagen} dagen`
  const en = dagen === 1 ? '1 day' : `${dagen} days`
  return {
    kop: msg(`Certificaat verloopt over ${nl}`, `Certificate expires in ${en}`),
    zin: msg(`verloopt over ${nl}`, `expires in ${en}`),
    oproep: tijdig,
  }
}

export function stelBerichtOp(m: Melding): Bericht {
  const t = tijdstipTekst(m.tijdstip)
  const wat = onderwerpZin(m)
  let onderwerp: Message
  let tekst: Message
  switch (m.soort) {
    case 'storing-geopend':
      onderwerp = metNamen(msg('Storing', 'Outage'), m)
      tekst = msg(
        `Regiekamer heeft op ${t.nl} een storing vastgesteld bij ${wat.nl}.`,
        `Regiekamer detected an outage of ${wat.en} on ${t.en}.`,
      )
      break
    case 'storing-hersteld':
      onderwerp = metNamen(msg('Hersteld', 'Resolved'), m)
      tekst = msg(`De storing bij ${wat.nl} is op ${t.nl} hersteld.`, `The outage of ${wat.en} was resolved on ${t.en}.`)
      break
    case 'certificaat-verloopt': {
      const { kop, zin, oproep } = certificaatTermijn(m.dagenGeldig)
      const tot = m.geldigTot ? geldigTotTekst(m.geldigTot) : undefined
      onderwerp = metNamen(kop, m)
      tekst = msg(
        `Het certificaat bij ${wat.nl} ${zin.nl}${tot ? ` (geldig tot ${tot.nl})` : ''}; ${oproep.nl}.`,
        `The certificate of ${wat.en} ${zin.en}${tot ? ` (valid until ${tot.en})` : ''}; ${oproep.en}.`,
      )
      break
    }
    case 'test':
      onderwerp = msg('Testmelding van Regiekamer', 'Test notification from Regiekamer')
      tekst = msg(
        `Dit is een testmelding, verstuurd op ${t.nl}. Komt hij aan, dan werkt dit meldingskanaal.`,
        `This is a test notification, sent on ${t.en}. If it arrives, this notification channel works.`,
      )
      break
  }

  const velden: Veld[] = []
  const naamVeld = (label: Message, b: { naam: string } | undefined) => {
    if (b?.naam) velden.push({ label, waarde: msg(b.naam, b.naam) })
  }
  naamVeld(msg('Samenwerking', 'Cooperation'), m.samenwerking)
  naamVeld(msg('Koppeling', 'Data link'), m.koppeling)
  naamVeld(msg('Controle', 'Check'), m.controle)
  velden.push({ label: msg('Tijdstip', 'Time'), waarde: t })
  if (m.reden) velden.push({ label: msg('Reden', 'Reason'), waarde: m.reden, breed: true })
  if (m.soort === 'certificaat-verloopt' && m.geldigTot)
    velden.push({ label: msg('Geldig tot', 'Valid until'), waarde: geldigTotTekst(m.geldigTot) })

  const link = veiligeLink(m.link)
  return { soort: m.soort, onderwerp, tekst, velden, ...(link ? { link } : {}) }
}
