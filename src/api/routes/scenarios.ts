import Type from 'typebox'
import type { Caller } from '../../domain/access.js'
import { invalidInput, msg, unauthenticated } from '../../domain/errors.js'
import { Id, Keuze } from '../../schemas/common.js'
import {
  type BusinesscaseScenario,
  isBusinesscase,
  SCENARIO_SCHEMAS,
  SCENARIO_SOORTEN_NU,
  ScenarioInvoer,
  Scenario as ScenarioSchema,
  type ScenarioVergelijking,
  VergelijkingQuery,
} from '../../schemas/scenario.js'
import type { Services } from '../../services/index.js'
import type { Api } from '../http.js'
import { ListCache } from '../list-cache.js'
import { metUitkomst, scenarioPresenter } from '../presenters/scenario.js'
import { problems } from '../schemas.js'
import { registerRegistryRoutes } from './registry.js'

// Scenarios (business cases): the generic CRUD routes, with the outcome computed on
// every read and added to each scenario, and a side-by-side comparison of 2–5 of them.

async function vergelijk(services: Services, caller: Caller, ids: string[]): Promise<ScenarioVergelijking> {
  const gezien = new Set<string>()
  const dubbel = ids.filter((id) => {
    const d = gezien.has(id.toLowerCase())
    gezien.add(id.toLowerCase())
    return d
  })
  if (dubbel.length > 0)
    throw invalidInput([
      {
        name: 'ids',
        code: 'dubbel',
        reason: msg(`Scenario ${dubbel[0]} staat dubbel in ids.`, `Scenario ${dubbel[0]} occurs twice in ids.`),
      },
    ])
  const scenarios: BusinesscaseScenario[] = []
  // What the caller may not see answers 404, exactly like what does not exist.
  for (const id of ids) {
    const s = await services.scenarios.get(id, caller)
    if (!isBusinesscase(s))
      throw invalidInput([
        {
          name: 'ids',
          code: 'andere-soort',
          reason: msg(
            `Scenario ${id} is een impactanalyse: vergelijk die met /scenarios/_impactvergelijking.`,
            `Scenario ${id} is an impact analysis: compare those with /scenarios/_impactvergelijking.`,
          ),
        },
      ])
    scenarios.push(s)
  }
  const metU = (await metUitkomst(services.db, scenarios)) as BusinesscaseScenario[]
  const deelnemers = new Map<string, { organisatieId: string; naam: string }>()
  for (const s of metU)
    for (const d of s.uitkomst?.deelnemers ?? [])
      if (!deelnemers.has(d.organisatieId))
        deelnemers.set(d.organisatieId, { organisatieId: d.organisatieId, naam: d.naam ?? d.organisatieId })
  const volgorde = [...deelnemers.values()].sort(
    (a, b) => a.naam.localeCompare(b.naam, 'nl') || (a.organisatieId < b.organisatieId ? -1 : 1),
  )
  return {
    scenarios: metU.map((s) => ({
      id: s.id,
      naam: s.naam,
      horizonJaren: s.invoer.horizonJaren,
      disconteringsvoet: s.uitkomst?.disconteringsvoet ?? String(s.invoer.disconteringsvoet),
      nettoContanteWaarde: s.uitkomst?.totaal.nettoContanteWaarde ?? 0,
      aantalVooruit: s.uitkomst?.totaal.aantalVooruit ?? 0,
      aantalDeelnemers: s.invoer.deelnemers.length,
    })),
    deelnemers: volgorde.map((o) => ({
      ...o,
      perScenario: metU.map((s) => {
        const d = s.uitkomst?.deelnemers.find((x) => x.organisatieId === o.organisatieId)
        return d
          ? {
              scenarioId: s.id,
              doetMee: true as const,
              nettoContanteWaarde: d.nettoContanteWaarde,
              terugverdiendInJaar: d.terugverdiendInJaar,
              oordeel: d.oordeel,
              vooruit: d.vooruit,
            }
          : { scenarioId: s.id, doetMee: false as const }
      }),
    })),
  }
}

export function registerScenarioRoutes(app: Api, services: Services) {
  for (const s of SCENARIO_SCHEMAS) app.addSchema(s)
  const cache = new ListCache(services.changes)

  // Static path, so it wins over /scenarios/{id}.
  app.get(
    '/scenarios/_vergelijking',
    {
      schema: {
        tags: ['Scenario’s'],
        operationId: 'scenarios_vergelijking',
        summary: 'Twee tot vijf scenario’s naast elkaar vergelijken',
        description:
          'Per deelnemer de netto contante waarde, het terugverdienjaar en het oordeel in elk scenario, en per scenario de totalen. ' +
          'Een scenario dat niet bestaat of dat de vrager niet mag zien, geeft 404.',
        querystring: VergelijkingQuery,
        response: { 200: Type.Ref('ScenarioVergelijking'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const caller = request.caller
      if (!caller) throw unauthenticated()
      const { ids } = request.query
      return cache.send(request, reply, () => vergelijk(services, caller, ids.split(',')))
    },
  )

  registerRegistryRoutes(
    app,
    {
      path: services.objecttypen.scenario.pad,
      tag: 'Scenario’s',
      singular: 'scenario',
      service: services.scenarios,
      presenter: scenarioPresenter(services.db),
      input: ScenarioInvoer,
      resource: ScenarioSchema,
      filters: {
        soort: Type.Optional(Keuze(SCENARIO_SOORTEN_NU, 'Alleen scenario’s van deze soort.')),
        samenwerkingId: Type.Optional(Id('Alleen scenario’s over deze samenwerking.')),
        organisatieId: Type.Optional(Id('Alleen scenario’s waarin deze organisatie deelnemer is.')),
      },
      sortFields: ['naam', 'soort', 'aangemaaktOp', 'gewijzigdOp'],
    },
    cache,
  )
}
