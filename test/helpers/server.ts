import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/api/app.js'
import type { MonitorConfig, OidcConfig } from '../../src/config.js'
import type { Caller } from '../../src/domain/access.js'
import type { Klok } from '../../src/domain/klok.js'
import { GebruikerInvoer } from '../../src/schemas/toegang.js'
import { AuthService } from '../../src/services/auth-service.js'
import { GebruikersService } from '../../src/services/gebruikers-service.js'
import { freshDatabase, type TestDatabase } from './database.js'

// The real server on a free loopback port with its own database; tests talk to it
// over HTTP with fetch.

export interface TestServer {
  base: string
  app: FastifyInstance
  database: TestDatabase
  /** An admin's API token; `call` sends it unless a test passes its own authorization. */
  adminToken: string
  close(): Promise<void>
}

const tokens = new Map<string, string>()

/** An admin with an API token (all scopes), made straight in the database. */
export async function createAdminToken(database: TestDatabase): Promise<string> {
  const db = database.handle.db
  const g = await new GebruikersService(db).create(
    { naam: 'testopzet', herkomst: 'test' },
    { gebruikersnaam: `admin-${randomUUID().slice(0, 8)}`, naam: 'Test-admin', rollen: [{ rol: 'admin' }] },
    GebruikerInvoer,
  )
  const auth = new AuthService(db, { idleMinuten: 30, maxUren: 12 })
  const caller: Caller = { gebruikerId: g.id, gebruikersnaam: g.gebruikersnaam, rollen: g.rollen, scopes: 'alle', via: 'sessie' }
  const { token } = await auth.createToken(caller, 'test', {
    naam: 'tests',
    scopes: ['lezen', 'schrijven', 'beheer'],
    verlooptOp: new Date(Date.now() + 86_400_000),
  })
  return token
}

export async function startServer(
  opts: {
    /** null: as if PUBLIC_URL were not set (the OpenAPI document then names a relative server). */
    publicUrl?: string | null
    bodyLimitBytes?: number
    rateLimitPerMinute?: number
    sessionIdleMinutes?: number
    /** OpenID Connect settings; without them OIDC is off, as in production. */
    oidc?: OidcConfig
    /** Where the server reads "now" (default: the system clock). */
    klok?: Klok
    /** false: the server runs no background jobs; the test runs them itself (createJobRunner). */
    achtergrondtaken?: boolean
    /** Link monitoring settings; without them the server probes nothing. */
    monitor?: MonitorConfig
  } = {},
): Promise<TestServer> {
  const database = await freshDatabase()
  const adminToken = await createAdminToken(database)
  const app = await buildApp({
    config: {
      bodyLimitBytes: opts.bodyLimitBytes ?? 1024 * 1024,
      publicUrl: opts.publicUrl ?? 'https://regiekamer.test',
      publicUrlSet: opts.publicUrl !== null,
      logLevel: 'silent',
      rateLimitPerMinute: opts.rateLimitPerMinute ?? 1_000_000,
      sessionIdleMinutes: opts.sessionIdleMinutes,
      oidc: opts.oidc,
      ...(opts.monitor ? { monitor: opts.monitor } : {}),
    },
    database: database.handle,
    logger: false,
    klok: opts.klok,
    achtergrondtaken: opts.achtergrondtaken,
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const base = `http://127.0.0.1:${port}/api/v1`
  tokens.set(base, adminToken)
  return {
    base,
    app,
    database,
    adminToken,
    async close() {
      tokens.delete(base)
      await app.close()
      await database.destroy()
    },
  }
}

export interface JsonResponse<T = Record<string, unknown>> {
  status: number
  headers: Headers
  body: T
}

export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const token = tokens.get(base)
  const auth: Record<string, string> =
    token && !('authorization' in headers) && !('cookie' in headers) ? { authorization: `Bearer ${token}` } : {}
  // An empty authorization header means: call anonymously.
  const own = Object.fromEntries(Object.entries(headers).filter(([k, v]) => !(k === 'authorization' && v === '')))
  const init: RequestInit = { method, headers: { ...auth, ...own } }
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    init.headers = { 'content-type': 'application/json', ...auth, ...own }
  }
  const res = await fetch(`${base}${path}`, init)
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {}
  return { status: res.status, headers: res.headers, body: parsed as T }
}
