import Type from 'typebox'
import type { Caller } from '../../domain/access.js'
import { invalidInput, msg, unauthenticated } from '../../domain/errors.js'
import type { ImpactUitkomst, ImpactVergelijking } from '../../schemas/impact.js'
import { type ImpactScenario, type Scenario, VergelijkingQuery } from '../../schemas/scenario.js'
import type { Services } from '../../services/index.js'
import type { Api } from '../http.js'
import { ListCache } from '../list-cache.js'
import { problems } from '../schemas.js'

// Impact scenarios (issue 13): the outcome of a saved scenario for the caller, a preview
// of an unsaved one, and a side-by-side comparison. The scenario itself is stored and
// changed through the scenario routes (soort `impactanalyse`).

const IdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Id van het scenario.' }) }, { additionalProperties: false })

function geenImpact(id: string) {
  return invalidInput([
    {
      name: 'id',
      code: 'andere-soort',
      reason: msg(`Scenario ${id} is een businesscase, geen impactanalyse.`, `Scenario ${id} is a business case, not an impact analysis.`),
    },
  ])
}

/** The caller's view of a saved impact scenario (404 when invisible or unknown, 400 for a business case). */
export async function impactScenario(services: Services, id: string, caller: Caller): Promise<ImpactScenario> {
  const s: Scenario = await services.scenarios.get(id, caller)
  if (s.soort !== 'impactanalyse') throw geenImpact(id)
  return s
}

async function vergelijk(services: Services, caller: Caller, ids: string[]): Promise<ImpactVergelijking> {
  const dubbel = ids.find((id, i) => ids.findIndex((x) => x.toLowerCase() === id.toLowerCase()) !== i)
  if (dubbel)
    throw invalidInput([
      { name: 'ids', code: 'dubbel', reason: msg(`Scenario ${dubbel} staat dubbel in ids.`, `Scenario ${dubbel} occurs twice in ids.`) },
    ])
  const scenarios: { s: ImpactScenario; u: ImpactUitkomst }[] = []
  for (const id of ids) {
    const s = await services.scenarios.get(id, caller)
    if (s.soort !== 'impactanalyse')
      throw invalidInput([
        {
          name: 'ids',
          code: 'andere-soort',
          reason: msg(
            `Scenario ${id} is een businesscase: vergelijk die met /scenarios/_vergelijking.`,
            `Scenario ${id} is a business case: compare those with /scenarios/_vergelijking.`,
          ),
        },
      ])
    scenarios.push({ s, u: await services.impact.uitkomst(s.invoer, caller) })
  }
  const namen = new Map<string, string>()
  for (const { u } of scenarios) {
    for (const o of u.organisaties) namen.set(o.id, o.naam)
    for (const k of u.kosten.perOrganisatie) namen.set(k.organisatieId, k.naam)
  }
  const organisaties = [...namen.entries()]
    .sort(([a, na], [b, nb]) => na.localeCompare(nb, 'nl') || (a < b ? -1 : 1))
    .map(([organisatieId, naam]) => ({
      organisatieId,
      naam,
      perScenario: scenarios.map(({ s, u }) => {
        const k = u.kosten.perOrganisatie.find((x) => x.organisatieId === organisatieId)
        const o = u.organisaties.find((x) => x.id === organisatieId)
        return {
          scenarioId: s.id,
          geraakt: Boolean(k || o),
          verschilPerJaar: (k?.verschil ?? 0) + (k?.jaarlijksExtra ?? 0),
          eenmalig: k?.eenmalig ?? 0,
          acties: o?.acties ?? 0,
        }
      }),
    }))
  return {
    scenarios: scenarios.map(({ s, u }) => ({
      id: s.id,
      naam: s.naam,
      peildatum: u.peildatum,
      aantallen: u.aantallen,
      jaar: u.kosten.jaar,
      openRisicos: u.openRisicos.length,
    })),
    organisaties,
  }
}

export function registerImpactRoutes(app: Api, services: Services) {
  const cache = new ListCache(services.changes)
  const beller = (caller: Caller | undefined) => {
    if (!caller) throw unauthenticated()
    return caller
  }

  app.post(
    '/scenarios/_impact',
    {
      schema: {
        tags: ['Scenario’s'],
        operationId: 'impact_voorvertoning',
        summary: 'Impact van wijzigingen bekijken zonder op te slaan',
        description:
          'Wat de wijzigingen raken (gastheerschappen, koppelingen direct en via tussenschakels met het verklarende pad, applicaties, organisaties, contracten, toegangen), ' +
          'wie moet handelen, het kosteneffect per deelnemer (dezelfde verdeling als de declaraties) en open risico’s — alleen wat de vrager mag zien. ' +
          'Een id die niet bestaat of die de vrager niet mag zien, een datum vóór de start van de samenwerking, het lidmaatschap of het gastheerschap, ' +
          'of een organisatie die geen lid of afnemer is: 400 met het veld. Bedragen in eurocent.',
        body: Type.Ref('ImpactVraag'),
        response: { 200: Type.Ref('ImpactUitkomst'), ...problems(400, 401, 403, 415) },
      },
    },
    async (request) => services.impact.voorvertoning(request.body as never, beller(request.caller)),
  )

  app.get(
    '/scenarios/_impactvergelijking',
    {
      schema: {
        tags: ['Scenario’s'],
        operationId: 'impact_vergelijking',
        summary: 'Twee tot vijf impactanalyses naast elkaar',
        description:
          'Per scenario de aantallen en per organisatie wat zij per jaar meer of minder betaalt, de eenmalige kosten en het aantal acties. ' +
          'Een scenario dat niet bestaat of dat de vrager niet mag zien: 404; een businesscase: 400.',
        querystring: VergelijkingQuery,
        response: { 200: Type.Ref('ImpactVergelijking'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const caller = beller(request.caller)
      return cache.send(request, reply, () => vergelijk(services, caller, request.query.ids.split(',')))
    },
  )

  app.get(
    '/scenarios/:id/impact',
    {
      schema: {
        tags: ['Scenario’s'],
        operationId: 'impact_uitkomst',
        summary: 'Uitkomst van een impactanalyse',
        description:
          'Berekend bij elke vraag uit het actuele landschap, voor de vrager: wat die niet mag zien, telt nergens mee en staat in paden als "niet zichtbaar object". ' +
          'Koppelingen met vertrouwelijkheid hoog of persoonsgegevens eerst. Bedragen in eurocent.',
        params: IdParams,
        response: { 200: Type.Ref('ImpactUitkomst'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const caller = beller(request.caller)
      return cache.send(request, reply, async () => {
        const s = await impactScenario(services, request.params.id, caller)
        return services.impact.uitkomst(s.invoer, caller)
      })
    },
  )
}
