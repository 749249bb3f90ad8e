import Type from 'typebox'
import type { Database } from '../../db/database.js'
import { unauthenticated } from '../../domain/errors.js'
import { Dashboard, Landschap, LandschapQuery } from '../../schemas/landschap.js'
import type { ChangeFeed } from '../../services/changes.js'
import { LandschapService } from '../../services/landschap-service.js'
import type { Api } from '../http.js'
import { ListCache } from '../list-cache.js'
import { problems } from '../schemas.js'

// GET /dashboard and GET /landschap: one request per page of the web UI. Both answer
// from the serialized-response cache until the registry changes (keyed by the caller's
// roles and the URL), so a large landschap is computed once per change.

export function registerLandschapRoutes(app: Api, db: Database, changes: ChangeFeed) {
  const service = new LandschapService(db)
  const cache = new ListCache(changes)
  app.addSchema(Dashboard)
  app.addSchema(Landschap)

  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['Overzicht'],
        operationId: 'dashboard',
        summary: 'Overzicht per samenwerking: leden, gastheerschappen en koppelingen naar classificatie',
        description: 'Alles wat de startpagina toont in één antwoord, beperkt tot wat de vrager mag zien (dezelfde regels als de lijsten).',
        response: { 200: Type.Ref('Dashboard'), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const caller = request.caller
      if (!caller) throw unauthenticated()
      return cache.send(request, reply, () => service.dashboard(caller))
    },
  )

  app.get(
    '/landschap',
    {
      schema: {
        tags: ['Overzicht'],
        operationId: 'landschap',
        summary: 'Het applicatielandschap als graaf: organisaties, applicaties, landelijke voorzieningen en koppelingen',
        description:
          'Knopen en verbindingen met alleen de velden die de graaf nodig heeft, beperkt tot wat de vrager mag zien. ' +
          'Een koppeling via een tussenliggende applicatie heeft `via`; een koppeling met een eind dat de vrager niet mag zien, ontbreekt.',
        querystring: LandschapQuery,
        response: { 200: Type.Ref('Landschap'), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const caller = request.caller
      if (!caller) throw unauthenticated()
      return cache.send(request, reply, () => service.landschap(caller, request.query))
    },
  )
}
