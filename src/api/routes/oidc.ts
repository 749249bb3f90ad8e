import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import type { OidcService, Waarschuw } from '../../services/oidc-service.js'
import { API_PREFIX, type Api } from '../http.js'
import { setSessionCookie } from '../plugins/auth.js'
import { problem, problems } from '../schemas.js'

// Signing in through an OpenID provider. GET /oidc always tells whether that is
// possible (the web UI shows the button); the flow itself exists only when OIDC is
// configured. The service does the work; these routes move the browser and cookies.

/** Ties a provider's callback to the browser that started the sign-in. */
const AANVRAAG_COOKIE = 'rk_oidc'
const COOKIE_PATH = `${API_PREFIX}/oidc`
const INLOGGEN = `${API_PREFIX}/oidc/inloggen`

const tags = ['Toegang']

const redirect = (description: string) =>
  Type.Null({
    description,
    headers: { Location: Type.String({ description: 'Waarheen de browser verder gaat.' }) },
  })

const naarProvider = problem('De identiteitsprovider is niet bereikbaar of niet goed ingesteld.')

function waarschuwVia(request: FastifyRequest): Waarschuw {
  return (bericht, details) => request.log.warn(details ?? {}, bericht)
}

export function registerOidcRoutes(app: Api, deps: { oidc: OidcService | undefined; secureCookies: boolean }) {
  const { oidc, secureCookies } = deps

  app.get(
    '/oidc',
    {
      config: { publiek: true },
      schema: {
        tags,
        operationId: 'oidc_status',
        summary: 'Kan er met OpenID Connect worden ingelogd?',
        description: 'Zegt of inloggen via de identiteitsprovider van de organisatie is ingesteld, en zo ja met welke URL de UI begint.',
        response: {
          200: Type.Object(
            {
              ingeschakeld: Type.Boolean({ description: 'true als OpenID Connect is ingesteld.' }),
              inloggenUrl: Type.Optional(Type.String({ description: 'Pad waarmee de browser het inloggen begint.' })),
            },
            { description: 'Of inloggen met OpenID Connect kan.' },
          ),
        },
      },
    },
    async () => (oidc ? { ingeschakeld: true, inloggenUrl: INLOGGEN } : { ingeschakeld: false }),
  )

  if (!oidc) return

  app.get(
    '/oidc/inloggen',
    {
      config: { publiek: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        operationId: 'oidc_inloggen',
        summary: 'Inloggen via de identiteitsprovider beginnen',
        description:
          'Stuurt de browser door naar de identiteitsprovider (authorization code flow met PKCE, state en nonce). Zet een kortlevend HttpOnly-cookie dat de terugkeer aan deze browser bindt; een inlogpoging verloopt na 10 minuten.',
        response: { 302: redirect('Door naar de identiteitsprovider.'), 502: naarProvider },
      },
    },
    async (request, reply) => {
      const { url, sleutel } = await oidc.start(waarschuwVia(request))
      reply.setCookie(AANVRAAG_COOKIE, sleutel, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: COOKIE_PATH, maxAge: 600 })
      return reply.redirect(url, 302)
    },
  )

  app.get(
    '/oidc/terugkeer',
    {
      config: { publiek: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        operationId: 'oidc_terugkeer',
        summary: 'Terugkeer van de identiteitsprovider: sessie openen',
        description:
          'De identiteitsprovider stuurt de browser hierheen. Regiekamer controleert state, wisselt de code in (PKCE), controleert het ID-token (nonce), maakt de gebruiker zo nodig aan, zet de rollen zoals de provider ze opgeeft en opent een sessie (sessiecookie). Daarna door naar /.',
        querystring: Type.Object({
          code: Type.Optional(Type.String({ description: 'De autorisatiecode van de provider.' })),
          state: Type.Optional(Type.String({ description: 'De state van de inlogpoging.' })),
          iss: Type.Optional(Type.String({ description: 'De issuer van de provider (RFC 9207).' })),
          error: Type.Optional(Type.String({ description: 'Foutcode als de provider het inloggen weigerde.' })),
        }),
        response: {
          302: redirect('Ingelogd: sessiecookie gezet, door naar de startpagina.'),
          ...problems(400, 401),
          403: problem('Ingelogd bij de provider, maar zonder rol in Regiekamer of met een uitgeschakeld account.'),
          502: naarProvider,
        },
      },
    },
    async (request, reply) => {
      const sleutel = request.cookies[AANVRAAG_COOKIE]
      reply.clearCookie(AANVRAAG_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: COOKIE_PATH })
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
      const sessie = await oidc.finish(sleutel, query, request.ip, waarschuwVia(request))
      setSessionCookie(reply, sessie, secureCookies)
      return reply.redirect('/', 302)
    },
  )
}
