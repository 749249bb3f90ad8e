import Type from 'typebox'
import * as T from '../../../schemas/toegang.js'
import { type Api, actorOf, etagOf, ifMatchRevisie, sendNoContent } from '../../http.js'
import { IdParams, IfMatchHeaders, problems, refTo } from '../../schemas.js'
import { requireUserAdmin, type ToegangDeps, tags } from './shared.js'

// User management, for an admin only (scope beheer): users with their roles, and the
// API tokens of any user.

type Deps = Pick<ToegangDeps, 'gebruikers'>

export function registerGebruikerRoutes(app: Api, { gebruikers }: Deps) {
  app.get(
    '/gebruikers',
    {
      config: { scope: 'beheer' },
      schema: {
        tags,
        operationId: 'gebruikers_lijst',
        summary: 'Alle gebruikers (admin)',
        description: 'De lijst van alle gebruikers met hun rollen; alleen voor een admin.',
        response: { 200: Type.Array(Type.Ref('Gebruiker'), { description: 'Gebruikers op gebruikersnaam.' }), ...problems(401, 403) },
      },
    },
    async (request) => {
      requireUserAdmin(request)
      return gebruikers.list()
    },
  )

  app.post(
    '/gebruikers',
    {
      config: { scope: 'beheer' },
      schema: {
        tags,
        operationId: 'gebruikers_aanmaken',
        summary: 'Een gebruiker aanmaken (admin)',
        body: refTo(T.GebruikerInvoer),
        response: { 201: Type.Ref('Gebruiker'), ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      requireUserAdmin(request)
      const created = await gebruikers.create(actorOf(request), request.body, T.GebruikerInvoer)
      return reply
        .code(201)
        .header('ETag', etagOf(created.revisie))
        .header('Location', `${request.url.split('?')[0]}/${created.id}`)
        .send(created)
    },
  )

  app.get(
    '/gebruikers/:id',
    {
      config: { scope: 'beheer' },
      schema: {
        tags,
        operationId: 'gebruikers_lezen',
        summary: 'Een gebruiker (admin)',
        params: IdParams,
        response: { 200: Type.Ref('Gebruiker'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      requireUserAdmin(request)
      const g = await gebruikers.get(request.params.id)
      return reply.header('ETag', etagOf(g.revisie)).send(g)
    },
  )

  app.patch(
    '/gebruikers/:id',
    {
      config: { scope: 'beheer' },
      schema: {
        tags,
        operationId: 'gebruikers_bijwerken',
        summary: 'Een gebruiker wijzigen: naam, e-mail, wachtwoord, actief, rollen (admin)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: refTo(T.GebruikerWijziging),
        response: { 200: Type.Ref('Gebruiker'), ...problems(400, 401, 403, 404, 409, 412, 415) },
      },
    },
    async (request, reply) => {
      requireUserAdmin(request)
      const updated = await gebruikers.update(
        actorOf(request),
        request.params.id,
        request.body,
        ifMatchRevisie(request),
        T.GebruikerWijziging,
      )
      return reply.header('ETag', etagOf(updated.revisie)).send(updated)
    },
  )

  app.delete(
    '/gebruikers/:id',
    {
      config: { scope: 'beheer' },
      schema: {
        tags,
        operationId: 'gebruikers_verwijderen',
        summary: 'Een gebruiker verwijderen (admin)',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null({ description: 'Verwijderd.' }), ...problems(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      requireUserAdmin(request)
      await gebruikers.remove(actorOf(request), request.params.id, ifMatchRevisie(request))
      return sendNoContent(reply)
    },
  )
}

const GebruikerTokenParams = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Identificatie van de gebruiker (UUID).' }),
    tokenId: Type.String({ format: 'uuid', description: 'Identificatie van het API-token (UUID).' }),
  },
  { additionalProperties: false },
)

/** Any user's API tokens, also revoked and expired ones, for an admin. */
export function registerGebruikerTokenRoutes(app: Api, { gebruikers }: Deps) {
  app.get(
    '/gebruikers/:id/api-tokens',
    {
      config: { scope: 'beheer' },
      schema: {
        tags,
        operationId: 'gebruikers_api_tokens_lijst',
        summary: 'De API-tokens van een gebruiker (admin)',
        description: 'Alle API-tokens van een gebruiker, ook ingetrokken en verlopen, zonder het geheim; alleen voor een admin.',
        params: IdParams,
        response: {
          200: Type.Array(Type.Ref('ApiToken'), { description: 'Tokens van de gebruiker, nieuwste eerst.' }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      requireUserAdmin(request)
      return gebruikers.listTokens(request.params.id)
    },
  )

  app.delete(
    '/gebruikers/:id/api-tokens/:tokenId',
    {
      config: { scope: 'beheer' },
      schema: {
        tags,
        operationId: 'gebruikers_api_tokens_intrekken',
        summary: 'Een API-token van een gebruiker intrekken (admin)',
        description: 'Trekt het token direct in; de gebruiker en diens andere tokens en sessies blijven. Staat in de auditlog.',
        params: GebruikerTokenParams,
        response: { 204: Type.Null({ description: 'Ingetrokken.' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      requireUserAdmin(request)
      const { id, tokenId } = request.params
      await gebruikers.revokeToken(actorOf(request), id, tokenId)
      return sendNoContent(reply)
    },
  )
}
