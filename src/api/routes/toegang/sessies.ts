import Type from 'typebox'
import * as T from '../../../schemas/toegang.js'
import { API_PREFIX, type Api, sendNoContent } from '../../http.js'
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../plugins/auth.js'
import { problems, refTo } from '../../schemas.js'
import { type ToegangDeps, tags } from './shared.js'

// Signing in with a password (POST /sessies) and out (DELETE /sessies/huidige).

export function registerSessieRoutes(app: Api, { auth, secureCookies }: Pick<ToegangDeps, 'auth' | 'secureCookies'>) {
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
        body: refTo(T.Inloggen),
        response: { 201: Type.Ref('Sessie'), ...problems(400, 401, 415) },
      },
    },
    async (request, reply) => {
      const { gebruikersnaam, wachtwoord } = request.body
      const sessie = await auth.login(gebruikersnaam, wachtwoord, request.ip)
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
      return sendNoContent(reply)
    },
  )
}
