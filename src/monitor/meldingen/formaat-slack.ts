// Slack's incoming-webhook payload, which Mattermost accepts as is: `text` (shown in the
// push notification and the channel) and one legacy attachment with a colour bar and the
// facts as fields. Blocks are left out on purpose: Mattermost ignores them.

import type { Bericht } from './berichten.js'
import type { MeldingSoort } from './typen.js'

export const KLEUR: Record<MeldingSoort, string> = {
  'storing-geopend': '#d13438',
  'storing-hersteld': '#107c10',
  'certificaat-verloopt': '#ffb900',
  test: '#0078d4',
}

/** Slack's three control characters; a name like `<!channel>` must not ping a whole channel. */
export const slackTekst = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export interface SlackBody {
  text: string
  attachments: {
    fallback: string
    color: string
    fields: { title: string; value: string; short: boolean }[]
    title?: string
    title_link?: string
  }[]
}

export function slackBody(b: Bericht): SlackBody {
  const regels = [`*${slackTekst(b.onderwerp.nl)}*`, slackTekst(b.tekst.nl), slackTekst(b.tekst.en)]
  // `|` ends the URL part of Slack's <url|label>; the URL parser leaves it unencoded.
  if (b.link) regels.push(`<${b.link.replace(/\|/g, '%7C')}|Openen in Regiekamer (open in Regiekamer)>`)
  return {
    text: regels.join('\n'),
    attachments: [
      {
        fallback: slackTekst(`${b.onderwerp.nl} — ${b.tekst.nl}`),
        color: KLEUR[b.soort],
        fields: b.velden.map((v) => ({
          title: v.label.nl,
          value: slackTekst(v.waarde.nl === v.waarde.en ? v.waarde.nl : `${v.waarde.nl}\n${v.waarde.en}`),
          short: !v.breed,
        })),
        ...(b.link ? { title: 'Openen in Regiekamer', title_link: b.link } : {}),
      },
    ],
  }
}
