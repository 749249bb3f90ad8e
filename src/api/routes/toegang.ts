import type { FastifyInstance, FastifyRequest } from 'fastify'
import Type from 'typebox'
import { type Caller, canCreateAny, canManageUsers, canReadAuditlog, isAdmin } from '../../domain/access.js'
import { forbiddenAction, invalidInput, msg, notFound, unauthenticated } from '../../domain/errors.js'
import type { Objecttype } from '../../domain/registry-rules.js'
import * as T from '../../schemas/toegang.js'
import type { AuthService } from '../../services/auth-service.js'
import type { GebruikersService } from '../../services/gebruikers-service.js'
import { API_PREFIX, actorOf, etagOf, ifMatchRevisie } from '../http.js'
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../plugins/auth.js'
import { IdParams, IfMatchHeaders, problems } from '../schemas.js'

// Signing in and out, the caller's own view (_ik), API tokens and user management.

export const TOEGANG_SCHEMAS = [
  T.Roltoekenning,
  T.GebruikerInvoer,
  T.GebruikerWijziging,
  T.Gebruiker,
  T.Inloggen,
  T.Sessie,
  T.Ik,
  T.ApiTokenInvoer,
  T.ApiToken,
  T.NieuwApiToken,
  T.SetupInvoer,
]

const OBJECTTYPES: Objecttype[] = [
  'organisatie',
  'samenwerking',
  'gastheerschap',
  'applicatie',
  'koppeling',
  'kostenpost',
  'verdeelsleutel',
  'maatstafwaarde',
  'referentiewaarde',
  'declaratie',
  'scenario',
]
const MAX_TOKEN_DAYS = 366

function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthenticated()
  return request.caller
}

function requireUserAdmin(request: FastifyRequest): Caller {
  const caller = callerOf(request)
  if (!canManageUsers(caller)) {
    throw forbiddenAction(msg('Alleen een admin mag gebruikers en rollen beheren.', 'Only an admin may manage users and roles.'))
  }
  return caller
}

export interface ToegangDeps {
  auth: AuthService
  gebruikers: GebruikersService
  secureCookies: boolean
}

export function registerToegangRoutes(app: FastifyInstance, deps: ToegangDeps) {
  const { auth, gebruikers, secureCookies } = deps
  const tags = ['Toegang']

  app.post(
    '/sessies',
    {
      config: { publiek: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        operationId: 'sessie_openen',
        summary: 'Inloggen met gebruikersnaam en wachtwoord',
        description:
          'Opent een sessie en zet het sessiecookie (HttpOnly, SameSite=Lax). Na herhaalde mislukte pogingen wordt het account tijdelijk geblokkeerd.',
        body: Type.Ref('Inloggen'),
        response: { 201: Type.Ref('Sessie'), ...problems(400, 401, 415) },
      },
    },
    async (request, reply) => {
      const body = request.body as T.Inloggen
      const sessie = await auth.login(body.gebruikersnaam, body.wachtwoord, request.ip)
      setSessionCookie(reply, sessie, secureCookies)
      // The session just opened is, for its browser, the current one: DELETE it there to sign out.
      return reply
        .code(201)
        .header('Location', `${API_PREFIX}/sessies/huidige`)
        .send({ gebruiker: sessie.gebruiker, csrfToken: sessie.csrfToken, verlooptOp: sessie.verlooptOp.toISOString() })
    },
  )

  app.delete(
    '/sessies/huidige',
    {
      schema: {
        tags,
        operationId: 'sessie_sluiten',
        summary: 'Uitloggen',
        description: 'Sluit de huidige sessie en verwijdert het sessiecookie.',
        response: { 204: Type.Null({ description: 'Uitgelogd.' }), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE]
      if (token) await auth.logout(token)
      clearSessionCookie(reply, secureCookies)
      return reply.code(204).send()
    },
  )

  app.get(
    '/_ik',
    {
      schema: {
        tags,
        operationId: 'ik',
        summary: 'Wie ben ik en wat mag ik?',
        description: 'De ingelogde gebruiker, de rollen en wat die mag; de UI toont alleen wat mag.',
        response: { 200: Type.Ref('Ik'), ...problems(401) },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      return {
        gebruiker: await gebruikers.get(caller.gebruikerId),
        via: caller.via,
        ...(request.csrfToken ? { csrfToken: request.csrfToken } : {}),
        rechten: {
          auditlogLezen: canReadAuditlog(caller),
          gebruikersBeheren: canManageUsers(caller),
          aanmaken: Object.fromEntries(OBJECTTYPES.map((t) => [t, canCreateAny(caller, t)])),
        },
      }
    },
  )

  app.post(
    '/_setup',
    {
      config: { publiek: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        operationId: 'setup',
        summary: 'De eerste admin aanmaken met de eenmalige setup-link',
        description: 'Werkt alleen zolang er nog geen gebruikers zijn, eenmalig, binnen 24 uur na het starten.',
        body: Type.Ref('SetupInvoer'),
        response: { 201: Type.Ref('Gebruiker'), ...problems(400, 403, 415) },
      },
    },
    async (request, reply) => {
      const body = request.body as T.SetupInvoer
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
        body: Type.Ref('ApiTokenInvoer'),
        response: { 201: Type.Ref('NieuwApiToken'), ...problems(400, 401, 403, 415) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      if (caller.via !== 'sessie') {
        throw forbiddenAction(
          msg(
            'Een API-token kan alleen vanuit een ingelogde sessie worden aangemaakt.',
            'An API token can only be created from a signed-in session.',
          ),
        )
      }
      const body = request.body as T.ApiTokenInvoer
      const verlooptOp = new Date(body.verlooptOp)
      const days = (verlooptOp.getTime() - Date.now()) / 86_400_000
      if (days <= 0 || days > MAX_TOKEN_DAYS) {
        throw invalidInput([
          {
            name: 'verlooptOp',
            code: 'buiten-bereik',
            reason: msg('Kies een moment in de toekomst, uiterlijk over een jaar.', 'Choose a moment in the future, at most a year ahead.'),
          },
        ])
      }
      if (body.scopes.includes('beheer') && !isAdmin(caller)) {
        throw invalidInput([
          {
            name: 'scopes',
            code: 'niet-toegestaan',
            reason: msg('Alleen een admin mag een token met scope beheer maken.', 'Only an admin may create a token with scope beheer.'),
          },
        ])
      }
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
      const { id } = request.params as { id: string }
      if (!(await auth.revokeToken(callerOf(request), request.ip, id))) throw notFound('api-token', id)
      return reply.code(204).send()
    },
  )

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
        body: Type.Ref('GebruikerInvoer'),
        response: { 201: Type.Ref('Gebruiker'), ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      requireUserAdmin(request)
      const created = await gebruikers.create(actorOf(request), request.body as T.GebruikerInvoer, T.GebruikerInvoer)
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
      const g = await gebruikers.get((request.params as { id: string }).id)
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
        body: Type.Ref('GebruikerWijziging'),
        response: { 200: Type.Ref('Gebruiker'), ...problems(400, 401, 403, 404, 409, 412, 415) },
      },
    },
    async (request, reply) => {
      requireUserAdmin(request)
      const { id } = request.params as { id: string }
      const updated = await gebruikers.update(
        actorOf(request),
        id,
        request.body as T.GebruikerWijziging,
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
      await gebruikers.remove(actorOf(request), (request.params as { id: string }).id, ifMatchRevisie(request))
      return reply.code(204).send()
    },
  )

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
      return gebruikers.listTokens((request.params as { id: string }).id)
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
      const { id, tokenId } = request.params as { id: string; tokenId: string }
      await gebruikers.revokeToken(actorOf(request), id, tokenId)
      return reply.code(204).send()
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
