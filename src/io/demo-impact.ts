import type { ImpactScenarioInvoer } from '../schemas/scenario.js'
import type { Services } from '../services/index.js'
import type { Actor } from '../services/registry-service.js'

// The impact scenario of the seed: what if Wijdemeren stops taking its tasks from
// Hilversum? Hilversum warned that the koppelingen "moeten blijven werken" whatever the
// guest decides; the audit office asks whether the cooperation can be disentangled and
// with what consequences. The costs entered here are invented and say so; the cost
// effect per participant comes from the demo's kostenposten through the allocation engine.

type Ids = Record<string, string>

const FICTIEF = 'Fictief: bedragen en aannames zijn voor de demo verzonnen.'
const euro = (e: number) => Math.round(e * 100)

export function wijdemerenStopt(ids: Ids): ImpactScenarioInvoer {
  return {
    naam: 'Wijdemeren stopt met de gastheerschappen van Hilversum',
    soort: 'impactanalyse',
    omschrijving:
      'Wijdemeren treedt per 1 januari 2028 uit de samenwerking en neemt P&O, financiën, belastingen incl. WOZ en BAG/BGT niet langer af van Hilversum.',
    samenwerkingId: ids.hilWijd,
    invoer: {
      opstellerId: ids.wijdemeren,
      vraag: 'Kan de samenwerking worden ontvlochten en zo ja, wat zijn daarvan de gevolgen?',
      wijzigingen: [{ soort: 'uittreden', datum: '2028-01-01', organisatieId: ids.wijdemeren, samenwerkingId: ids.hilWijd }],
      aannames: [
        'Wijdemeren belegt de taken bij een andere gastheer of besteedt ze uit; de nieuwe partij is nog niet gekozen.',
        'De DVO’s worden tijdig opgezegd; de opzegtermijn is in dit scenario niet getoetst.',
        FICTIEF,
      ],
      kosten: [
        {
          organisatieId: ids.wijdemeren,
          omschrijving: 'Conversie belasting- en WOZ-gegevens (fictief)',
          eenmalig: euro(180_000),
          jaarlijks: 0,
        },
        {
          organisatieId: ids.wijdemeren,
          omschrijving: 'Aanbesteding en implementatie nieuwe voorzieningen (fictief)',
          eenmalig: euro(240_000),
          jaarlijks: euro(95_000),
        },
        { organisatieId: ids.hilversum, omschrijving: 'Ontvlechten koppelingen en gegevens (fictief)', eenmalig: euro(60_000) },
      ],
    },
    toelichting: FICTIEF,
  }
}

export async function seedDemoImpact(services: Services, actor: Actor, ids: Ids): Promise<Record<string, number>> {
  await services.scenarios.create(actor, wijdemerenStopt(ids))
  return { impactscenarios: 1 }
}
