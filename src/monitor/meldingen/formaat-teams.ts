// Microsoft Teams: a message with one Adaptive Card, the payload both the classic incoming
// webhook and a Workflows (Power Automate) "post to a channel when a webhook request is
// received" trigger accept. Version 1.4, the highest those renderers all support.

import type { Bericht } from './berichten.js'
import type { MeldingSoort } from './typen.js'

const KLEUR: Record<MeldingSoort, 'Attention' | 'Good' | 'Warning' | 'Accent'> = {
  'storing-geopend': 'Attention',
  'storing-hersteld': 'Good',
  'certificaat-verloopt': 'Warning',
  test: 'Accent',
}

export interface TeamsBody {
  type: 'message'
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive'
    contentUrl: null
    content: Record<string, unknown>
  }[]
}

export function teamsBody(b: Bericht): TeamsBody {
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: b.onderwerp.nl, weight: 'Bolder', size: 'Medium', color: KLEUR[b.soort], wrap: true },
    { type: 'TextBlock', text: b.tekst.nl, wrap: true },
    {
      type: 'FactSet',
      facts: b.velden.map((v) => ({ title: v.label.nl, value: v.waarde.nl })),
    },
    // The English second: the same sentence, subtle, for readers without Dutch.
    { type: 'TextBlock', text: `${b.onderwerp.en}. ${b.tekst.en}`, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' },
  ]
  const content: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    msteams: { width: 'Full' },
    body,
    ...(b.link ? { actions: [{ type: 'Action.OpenUrl', title: 'Openen in Regiekamer', url: b.link }] } : {}),
  }
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }],
  }
}
