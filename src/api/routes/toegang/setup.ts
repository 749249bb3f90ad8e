import Type from 'typebox'
import { forbiddenAction, msg } from '../../../domain/errors.js'
import * as T from '../../../schemas/toegang.js'
import { API_PREFIX, type Api, etagOf } from '../../http.js'
import { problems, refTo } from '../../schemas.js'
import { type ToegangDeps, tags } from './shared.js'

// POST /_setup: the first admin, created once with the setup link printed at start-up.

export function registerSetupRoute(app: Api, { auth, gebruikers }: Pick<ToegangDeps, 'auth' | 'gebruikers'>) {
  app.post(
    '/_setup',
    {
      config: { publiek: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        operationId: 'setup',
        summary: 'De eerste admin aanmaken met de eenmalige setup-link',
        description: 'Werkt alleen zolang er nog geen gebruikers zijn, eenmalig, binnen 24 uur na het starten.',
        body: refTo(T.SetupInvoer),
        response: { 201: Type.Ref('Gebruiker'), ...problems(400, 403, 415) },
      },
    },
    async (request, reply) => {
      const body = request.body
      if (!(await auth.useSetupLink(body.token))) {
        throw forbiddenAction(
          msg('Deze setup-link is ongeldig, verlopen of al gebruikt.', 'This setup link is invalid, expired or already used.'),
        )
      }
      const created = await gebruikers.create(
        { naam: `setup:${body.gebruikersnaam.toLowerCase()}`, herkomst: request.ip },
        { gebruikersnaam: body.gebruikersnaam, naam: body.naam, wachtwoord: body.wachtwoord, rollen: [{ rol: 'admin' }] },
        T.GebruikerInvoer,
      )
      return reply
        .code(201)
        .header('Location', `${API_PREFIX}/gebruikers/${created.id}`)
        .header('ETag', etagOf(created.revisie))
        .send(created)
    },
  )
}
