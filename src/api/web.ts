import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ObjecttypeRegister } from '../services/objecttypen.js'
import { API_PREFIX } from './http.js'

// The web UI is a built single-page app in web/dist, served by the same process.
// Its pages get their own Content-Security-Policy: scripts, styles and data only from
// this origin, nothing inline, no framing. API responses keep `default-src 'none'`.

export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist')

const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** The app's pages that show no object type; each type's pages sit at its API path (the register). */
const PAGINAS = [
  'inloggen',
  'setup',
  'landschap',
  'transparantie',
  'benchmark',
  'auditlog',
  'beheer',
  'vertrouwen',
  'herbeoordelingen',
  'uitbestedingstoets',
  // Monitoring (issue 14): the overview, storingen, availability, and the public status
  // page (/status/{slug}: no sign-in; the app renders it without the signed-in shell).
  'monitoring',
  'storingen',
  'beschikbaarheid',
  'status',
  // Interoperability (issue 15): ArchiMate import and export, the harmonisation overview.
  'archimate',
  'harmonisatie',
]

/** Client-side routes the app knows; anything else under them is resolved by the app. */
function appRoutes(register: ObjecttypeRegister): RegExp {
  const paden = [...PAGINAS, ...Object.values(register).map((e) => e.pad)]
  return new RegExp(`^/(?:$|${paden.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?:[/?#]|$)`)
}

function missingBuild(reply: FastifyReply) {
  return reply
    .code(503)
    .type('text/plain; charset=utf-8')
    .send(
      'De webinterface is niet gebouwd: voer `npm run build` uit (npm start doet dat zelf).\n' +
        'The web UI has not been built: run `npm run build` (npm start does this itself).\n',
    )
}

export async function registerWeb(app: FastifyInstance, register: ObjecttypeRegister, root = WEB_DIST): Promise<void> {
  const APP_ROUTES = appRoutes(register)
  const indexFile = join(root, 'index.html')
  const built = existsSync(indexFile)

  await app.register(async (web) => {
    if (built) {
      await web.register(fastifyStatic, {
        root: join(root, 'assets'),
        prefix: '/assets/',
        decorateReply: false,
        index: false,
        wildcard: true,
        // File names carry a content hash: they never change.
        maxAge: '365d',
        immutable: true,
        serve: true,
        allowedPath: (path) => !path.includes('..'),
      })
    }
    // Read per request: a rebuild while the server runs must not leave it pointing at
    // asset names that no longer exist.
    const sendIndex = async (_request: unknown, reply: FastifyReply) => {
      if (!existsSync(indexFile)) return missingBuild(reply)
      // Only the page itself gets the UI's policy; a 404 from here keeps the API's `default-src 'none'`.
      return reply
        .header('content-security-policy', UI_CSP)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(readFileSync(indexFile))
    }
    web.get('/', { schema: { hide: true } }, sendIndex)
    web.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? ''
      if (path.startsWith(`${API_PREFIX}/`) || path === API_PREFIX || !APP_ROUTES.test(path)) return reply.callNotFound()
      return sendIndex(request, reply)
    })
    for (const file of ['favicon.svg', 'robots.txt']) {
      web.get(`/${file}`, { schema: { hide: true } }, async (_request, reply) => {
        const full = join(root, file)
        if (!existsSync(full)) return reply.callNotFound()
        return reply.type(file.endsWith('.svg') ? 'image/svg+xml' : 'text/plain; charset=utf-8').send(readFileSync(full))
      })
    }
  })
}
