// The e-mail: a Dutch subject, a plain-text body and a simple HTML part with the same
// content, Dutch first and English below. Every name and reason is escaped in the HTML.

import type { Message } from '../../domain/errors.js'
import type { Bericht } from './berichten.js'

export interface EmailInhoud {
  onderwerp: string
  tekst: string
  html: string
}

type Taal = keyof Message

const OPENEN: Message = { nl: 'Openen in Regiekamer', en: 'Open in Regiekamer' }

export const htmlTekst = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** A header carries no line break; nodemailer encodes the rest. */
const eenRegel = (s: string): string => s.replace(/[\r\n\t]+/g, ' ').trim()

function tekstBlok(b: Bericht, taal: Taal): string {
  const regels = [b.onderwerp[taal], '', b.tekst[taal], '']
  for (const v of b.velden) regels.push(`${v.label[taal]}: ${v.waarde[taal]}`)
  if (b.link) regels.push('', `${OPENEN[taal]}: ${b.link}`)
  return regels.join('\n')
}

function htmlBlok(b: Bericht, taal: Taal): string {
  const rijen = b.velden
    .map(
      (v) =>
        `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 16px 2px 0">${htmlTekst(v.label[taal])}</th><td style="padding:2px 0">${htmlTekst(v.waarde[taal])}</td></tr>`,
    )
    .join('')
  const link = b.link ? `<p><a href="${htmlTekst(b.link)}">${OPENEN[taal]}</a></p>` : ''
  return `<div lang="${taal}"><h1 style="font-size:18px">${htmlTekst(b.onderwerp[taal])}</h1><p>${htmlTekst(b.tekst[taal])}</p><table role="presentation" style="border-collapse:collapse">${rijen}</table>${link}</div>`
}

export function emailInhoud(b: Bericht): EmailInhoud {
  return {
    onderwerp: eenRegel(b.onderwerp.nl),
    tekst: `${tekstBlok(b, 'nl')}\n\n-- English --\n\n${tekstBlok(b, 'en')}\n`,
    html: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${htmlTekst(eenRegel(b.onderwerp.nl))}</title></head><body style="font-family:Arial,sans-serif;font-size:14px;color:#1a1a1a">${htmlBlok(b, 'nl')}<hr style="border:0;border-top:1px solid #ccc;margin:24px 0">${htmlBlok(b, 'en')}</body></html>`,
  }
}
