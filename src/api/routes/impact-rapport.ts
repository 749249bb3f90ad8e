import Type, { type Static } from 'typebox'
import { OBJECT_OPSLAG } from '../../db/repos/zichtbare-ids.js'
import { type Caller, leesbereik } from '../../domain/access.js'
import { unauthenticated } from '../../domain/errors.js'
import { impactReferences } from '../../domain/impact/scenario.js'
import type { Objecttype } from '../../domain/registry-rules.js'
import { TALEN } from '../../domain/taal.js'
import { impactRapportBestandsnaam, impactRapportMarkdown } from '../../io/impact-rapport.js'
import { impactRapportPdf } from '../../io/impact-rapport-pdf.js'
import { Keuze } from '../../schemas/common.js'
import type { ImpactScenario } from '../../schemas/scenario.js'
import type { Services } from '../../services/index.js'
import { type Api, languageOf } from '../http.js'
import { problems } from '../schemas.js'
import { impactScenario } from './impact.js'

// The report of a saved impact scenario for a council (issue 13), as Markdown or PDF:
// question, changes, assumptions, consequences with their paths and owners, cost effect
// and open risks — computed for the caller like GET /scenarios/{id}/impact, so it holds
// only what the caller may see. Never cached: it carries the moment it was made.

const IdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Id van het scenario.' }) }, { additionalProperties: false })

export const ImpactRapportQuery = Type.Object(
  {
    formaat: Type.Optional(
      Keuze(['markdown', 'pdf'] as const, 'markdown (standaard; tekst met tabellen, om te bewerken) of pdf (om aan de raad te sturen).'),
    ),
    taal: Type.Optional(
      Keuze(
        TALEN,
        'Taal van het rapport: nl (Nederlands) of en (Engels). Zonder taal: de voorkeur tussen nl en en in Accept-Language, anders Nederlands.',
      ),
    ),
  },
  { additionalProperties: false },
)
export type ImpactRapportQuery = Static<typeof ImpactRapportQuery>

const MIME = { markdown: 'text/markdown; charset=utf-8', pdf: 'application/pdf' } as const

/**
 * Names for the ids the scenario's changes refer to, from the dependency graph — only
 * those the caller may see (organisations are public); the report prints "niet zichtbaar
 * object" for the rest, never an id. A gastheerschap is named by its task and its host.
 */
async function namenVoor(services: Services, s: ImpactScenario, caller: Caller): Promise<(id: string) => string | undefined> {
  const graaf = await services.afhankelijkheden.actueel()
  const refs = impactReferences(s.invoer)
  if (s.samenwerkingId) refs.push({ name: 'samenwerkingId', objecttype: 'samenwerking', id: s.samenwerkingId })
  const bereik = leesbereik(caller)
  const zichtbaar = new Map<Objecttype, Set<string>>()
  for (const soort of new Set(refs.map((r) => r.objecttype))) {
    const ids = [...new Set(refs.filter((r) => r.objecttype === soort).map((r) => r.id.toLowerCase()))]
    zichtbaar.set(soort, soort === 'organisatie' ? new Set(ids) : await OBJECT_OPSLAG[soort].existingIds(services.db, ids, bereik))
  }
  const organisatie = (id: string) => graaf.organisaties.get(id)?.naam
  return (ruw) => {
    const id = ruw.toLowerCase()
    const mag = (soort: Objecttype) => zichtbaar.get(soort)?.has(id) ?? false
    if (mag('organisatie')) return organisatie(id)
    if (mag('samenwerking')) return graaf.samenwerkingen.get(id)?.naam
    if (mag('applicatie')) return graaf.applicaties.get(id)?.naam
    if (mag('gastheerschap')) {
      const g = graaf.gastheerschappen.get(id)
      if (!g) return undefined
      const gastheer = organisatie(g.gastheerId)
      return gastheer ? `${g.taak} (${gastheer})` : g.taak
    }
    return undefined
  }
}

export function registerImpactRapportRoutes(app: Api, services: Services) {
  app.get(
    '/scenarios/:id/rapport',
    {
      schema: {
        tags: ['Scenario’s'],
        operationId: 'impact_rapport',
        summary: 'Rapport van een impactanalyse voor de raad (Markdown of PDF)',
        description:
          'Het rapport van een opgeslagen impactanalyse: de vraag, de wijzigingen in woorden (met datum en namen), de aannames, de samenvatting met aantallen, ' +
          'de gevolgen (gastheerschappen, koppelingen — gevoelige eerst, elk met het verklarende pad, de eigenaar en de actie —, applicaties, contracten, toegangen, kringlopen, bevindingen), ' +
          'het kosteneffect per organisatie per jaar in euro (nu, straks, verschil, ingevulde eenmalige en jaarlijkse kosten; het kostenjaar; kostenposten waarvan de verdeelsleutel herzien moet worden) ' +
          'en de open risico’s, met in de voettekst het moment van maken (Europe/Amsterdam). Een scenario dat zijn bedragen "Fictief" noemt, draagt die markering op elke pagina. ' +
          'Berekend zoals GET /scenarios/{id}/impact: alleen wat de vrager mag zien. formaat=markdown (standaard) of pdf; taal=nl (standaard) of en. ' +
          'Een scenario dat niet bestaat of dat de vrager niet mag zien: 404; een businesscase: 400.',
        params: IdParams,
        querystring: ImpactRapportQuery,
        response: {
          200: {
            description: 'Het rapport als bijlage (Content-Disposition) met de naam van het scenario en de datum in de bestandsnaam.',
            content: {
              'text/markdown': { schema: { type: 'string' } },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const caller = request.caller
      if (!caller) throw unauthenticated()
      const formaat = request.query.formaat ?? 'markdown'
      const taal = languageOf(request, request.query.taal)
      const scenario = await impactScenario(services, request.params.id, caller)
      const uitkomst = await services.impact.uitkomst(scenario.invoer, caller)
      const gemaaktOp = services.klok.nu()
      const gegevens = { scenario, uitkomst, namen: await namenVoor(services, scenario, caller), gemaaktOp, taal }
      const body = formaat === 'pdf' ? await impactRapportPdf(gegevens) : Buffer.from(impactRapportMarkdown(gegevens), 'utf8')
      const naam = impactRapportBestandsnaam(scenario.naam, formaat === 'pdf' ? 'pdf' : 'md', taal, gemaaktOp)
      return reply
        .header('Content-Type', MIME[formaat])
        .header('Content-Disposition', `attachment; filename="${naam}"`)
        .header('Content-Language', taal)
        .header('Cache-Control', 'private, no-store')
        .header('X-Content-Type-Options', 'nosniff')
        .send(body)
    },
  )
}
