import Type from 'typebox'
import { type Caller, isAdmin } from '../../../domain/access.js'
import { forbiddenAction, invalidInput, msg, notFound } from '../../../domain/errors.js'
import * as T from '../../../schemas/toegang.js'
import { API_PREFIX, type Api, sendNoContent } from '../../http.js'
import { IdParams, problems, refTo } from '../../schemas.js'
import { callerOf, type ToegangDeps, tags } from './shared.js'

// The caller's own API tokens: list, create (shown once), revoke. An admin manages
// another user's tokens under /gebruikers/{id}/api-tokens (gebruikers.ts).

const MAX_TOKEN_DAYS = 366

/** A token is created from a signed-in session only, never with another token. */
function requireSession(caller: Caller): void {
  if (caller.via === 'sessie') return
  throw forbiddenAction(
    msg(
      'Een API-token kan alleen vanuit een ingelogde sessie worden aangemaakt.',
      'An API token can only be created from a signed-in session.',
    ),
  )
}

/** The expiry of a new token: in the future, at most a year ahead. */
function expiryOf(body: T.ApiTokenInvoer): Date {
  const verlooptOp = new Date(body.verlooptOp)
  const days = (verlooptOp.getTime() - Date.now()) / 86_400_000
  if (days > 0 && days <= MAX_TOKEN_DAYS) return verlooptOp
  throw invalidInput([
    {
      name: 'verlooptOp',
      code: 'buiten-bereik',
      reason: msg('Kies een moment in de toekomst, uiterlijk over een jaar.', 'Choose a moment in the future, at most a year ahead.'),
    },
  ])
}

function checkScopes(caller: Caller, body: T.ApiTokenInvoer): void {
  if (!body.scopes.includes('beheer') || isAdmin(caller)) return
  throw invalidInput([
    {
      name: 'scopes',
      code: 'niet-toegestaan',
      reason: msg('Alleen een admin mag een token met scope beheer maken.', 'Only an admin may create a token with scope beheer.'),
    },
  ])
}

export function registerApiTokenRoutes(app: Api, { auth }: Pick<ToegangDeps, 'auth'>) {
  app.get(
    '/api-tokens',
    {
      schema: {
        tags,
        operationId: 'api_tokens_lijst',
        summary: 'Mijn API-tokens',
        description: 'De API-tokens van de ingelogde gebruiker, zonder het geheim.',
        response: { 200: Type.Array(Type.Ref('ApiToken'), { description: 'Tokens van de ingelogde gebruiker.' }), ...problems(401) },
      },
    },
    async (request) => auth.listTokens(callerOf(request)),
  )

  app.post(
    '/api-tokens',
    {
      schema: {
        tags,
        operationId: 'api_tokens_aanmaken',
        summary: 'Een API-token aanmaken',
        description: 'Het token wordt eenmalig getoond. Alleen vanuit een sessie; scope beheer alleen voor een admin.',
        body: refTo(T.ApiTokenInvoer),
        response: { 201: Type.Ref('NieuwApiToken'), ...problems(400, 401, 403, 415) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      requireSession(caller)
      const { body } = request
      const verlooptOp = expiryOf(body)
      checkScopes(caller, body)
      const created = await auth.createToken(caller, request.ip, { naam: body.naam, scopes: body.scopes, verlooptOp })
      return reply.code(201).header('Location', `${API_PREFIX}/api-tokens/${created.id}`).send(created)
    },
  )

  app.delete(
    '/api-tokens/:id',
    {
      schema: {
        tags,
        operationId: 'api_tokens_intrekken',
        summary: 'Een eigen API-token intrekken',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Ingetrokken.' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      if (!(await auth.revokeToken(callerOf(request), request.ip, id))) throw notFound('api-token', id)
      return sendNoContent(reply)
    },
  )
}
