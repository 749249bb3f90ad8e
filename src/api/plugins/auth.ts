import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type Caller, hasScope } from '../../domain/access.js'
import { forbiddenAction, msg, unauthenticated } from '../../domain/errors.js'
import type { TokenScope } from '../../domain/vocabulary.js'
import { type AuthService, type NieuweSessie, sameSecret } from '../../services/auth-service.js'

// Who is calling: an API token (Authorization: Bearer …) or a session cookie. Routes
// are closed unless marked `config: { publiek: true }`. Writes with a session cookie
// must carry the session's CSRF token in X-CSRF-Token (tokens are not sent by browsers
// on their own, so they need none).
//
// A public route needs no identity, so it looks at none: credentials sent to it, valid
// or not, are ignored (a load balancer's health check or a login never fails on a stale
// token; a client learns that its token is bad from the 401 of the first closed route).
//
// Token scopes: every read (GET, HEAD) needs `lezen` unless the route names the scope it
// needs in `config: { scope }` (user management names `beheer`); writes are checked by
// the route's own rule (canWrite needs `schrijven`, canManageUsers `beheer`). Sessions
// may do all their roles allow.

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller
    csrfToken?: string
  }
  interface FastifyContextConfig {
    publiek?: boolean
    /** The scope a token needs for this route; default for reads: `lezen`. */
    scope?: TokenScope
  }
}

export const SESSION_COOKIE = 'rk_sessie'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface AuthOptions {
  auth: AuthService
  secureCookies: boolean
}

export function setSessionCookie(reply: FastifyReply, sessie: NieuweSessie, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, sessie.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: sessie.verlooptOp })
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' })
}

async function identify(request: FastifyRequest, reply: FastifyReply, opts: AuthOptions): Promise<void> {
  const header = request.headers.authorization
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    const caller = m ? await opts.auth.tokenCaller(m[1]) : undefined
    if (!caller) throw unauthenticated()
    request.caller = caller
    return
  }
  const token = request.cookies[SESSION_COOKIE]
  if (!token) return
  const session = await opts.auth.sessionCaller(token)
  if (!session) {
    clearSessionCookie(reply, opts.secureCookies)
    return
  }
  request.caller = session.caller
  request.csrfToken = session.csrfToken
}

async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
  await app.register(cookie)
  app.decorateRequest('caller', undefined)
  app.decorateRequest('csrfToken', undefined)
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.publiek === true) return
    await identify(request, reply, opts)
    const caller = request.caller
    if (!caller) throw unauthenticated()
    if (caller.via === 'sessie' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token']
      if (typeof sent !== 'string' || !request.csrfToken || !sameSecret(sent, request.csrfToken)) {
        throw forbiddenAction(
          msg(
            'CSRF-controle mislukt: stuur het csrfToken van de sessie mee in de header X-CSRF-Token.',
            "CSRF check failed: send the session's csrfToken in the X-CSRF-Token header.",
          ),
        )
      }
    }
    const scope = request.routeOptions.config?.scope ?? (SAFE_METHODS.has(request.method) ? 'lezen' : undefined)
    if (scope && !hasScope(caller, scope)) {
      throw forbiddenAction(
        scope === 'lezen'
          ? msg('Dit token mag niet lezen (scope lezen ontbreekt).', 'This token may not read (scope lezen missing).')
          : msg(`Dit token mist de scope ${scope}.`, `This token lacks the scope ${scope}.`),
      )
    }
  })
}

export default fp(authPlugin, { name: 'auth' })
