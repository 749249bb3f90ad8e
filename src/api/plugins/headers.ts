import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { API_PREFIX } from '../http.js'

// Security headers on every response. The API serves JSON only: its CSP is exactly
// `default-src 'none'` plus the directives that default-src does not cover (no helmet
// defaults merged in), nothing may frame it, no browser feature is granted, and no
// response is stored by a browser or proxy — `_ik` carries the session's CSRF token.
// The web UI's pages replace the CSP with their own (src/api/web.ts) and set their own
// caching, as do its assets; the OpenAPI document may be cached for a few minutes.

export const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

const OPENAPI_PATH = `${API_PREFIX}/openapi.json`

function cachingFor(url: string): string | undefined {
  const path = url.split('?')[0] ?? ''
  if (path === OPENAPI_PATH) return 'public, max-age=300'
  if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) return 'no-store'
  return undefined
}

const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] }
const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * The headers for a response that never reaches the hooks: errors Fastify raises before
 * routing (bad URL encoding, over-long parameters).
 */
export function headersBeforeRouting(url: string, hsts: boolean): Record<string, string> {
  const caching = cachingFor(url)
  return {
    'content-security-policy': "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': PERMISSIONS_POLICY,
    ...(caching ? { 'cache-control': caching } : {}),
    ...(hsts ? { 'strict-transport-security': HSTS } : {}),
  }
}

async function securityHeaders(app: FastifyInstance, opts: { hsts: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    xFrameOptions: { action: 'deny' },
    hsts: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })
  app.addHook('onRequest', async (request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY)
    const caching = cachingFor(request.url)
    if (caching) reply.header('cache-control', caching)
  })
}

export default fp(securityHeaders, { name: 'security-headers' })
