import rateLimit from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import type { DatabaseHandle } from '../db/database.js'
import { CHANGE_CHANNEL } from '../db/repos/maintenance.js'
import type { Klok } from '../domain/klok.js'
import { createJobRunner } from '../jobs/index.js'
import { Monitor } from '../monitor/planner.js'
import { AuditWaarde, AuditWeergave } from '../schemas/audit.js'
import * as common from '../schemas/common.js'
import { IMPACT_SCHEMAS } from '../schemas/impact.js'
import { INTEROP_SCHEMAS } from '../schemas/interop.js'
import { KOSTEN_SCHEMAS } from '../schemas/kosten.js'
import { MONITORING_SCHEMAS } from '../schemas/monitoring.js'
import { MONITORING_STATUS_SCHEMAS } from '../schemas/monitoring-status.js'
import * as registry from '../schemas/registry.js'
import { addSharedSchema } from '../schemas/validator.js'
import { VERTROUWEN_SCHEMAS } from '../schemas/vertrouwen.js'
import { VERTROUWENSBELEID_SCHEMAS } from '../schemas/vertrouwensbeleid.js'
import { AuthService } from '../services/auth-service.js'
import { GebruikersService } from '../services/gebruikers-service.js'
import { createServices } from '../services/index.js'
import { controleerRoutes } from '../services/objecttypen.js'
import { OidcService } from '../services/oidc-service.js'
import { API_PREFIX, API_VERSION, type Api } from './http.js'
import auth from './plugins/auth.js'
import securityHeaders, { headersBeforeRouting } from './plugins/headers.js'
import { conformOpenapi, registerOpenapi } from './plugins/openapi.js'
import problem, { clientErrorProblem, frameworkProblem, sendProblem, trailingSlashProblem } from './plugins/problem.js'
import { registerValidation, validatorCompiler } from './plugins/validation.js'
import { AuditRegel, registerAuditRoutes } from './routes/auditlog.js'
import { registerBevindingenRoutes } from './routes/bevindingen.js'
import { registerDeclaratieRoutes } from './routes/declaraties.js'
import { registerImpactRoutes } from './routes/impact.js'
import { registerImpactRapportRoutes } from './routes/impact-rapport.js'
import { registerInteropRoutes } from './routes/interop.js'
import { registerKostenRoutes } from './routes/kosten.js'
import { registerLandschapRoutes } from './routes/landschap.js'
import { registerMetaRoutes } from './routes/meta.js'
import { registerMonitoringRoutes } from './routes/monitoring.js'
import { registerMonitoringStatusRoutes } from './routes/monitoring-status.js'
import { registerOidcRoutes } from './routes/oidc.js'
import { registerRapportageRoutes } from './routes/rapportage.js'
import { registerResourceRoutes } from './routes/resources.js'
import { registerScenarioRoutes } from './routes/scenarios.js'
import { registerToegangRoutes, TOEGANG_SCHEMAS } from './routes/toegang.js'
import { registerVertrouwenRoutes } from './routes/vertrouwen.js'
import { registerWeb } from './web.js'

// Plugin order: external (OpenAPI, security headers, rate limit) → app (errors,
// schemas, validation, who is calling) → routes.

const SHARED_SCHEMAS = [
  common.Paginering,
  common.InvalidParam,
  common.Afhankelijke,
  common.Problem,
  registry.OrganisatieInvoer,
  registry.Organisatie,
  registry.SamenwerkingInvoer,
  registry.Samenwerking,
  registry.GastheerschapInvoer,
  registry.Gastheerschap,
  registry.ApplicatieInvoer,
  registry.Applicatie,
  registry.KoppelingInvoer,
  registry.Koppeling,
  registry.ReferentiecomponentInvoer,
  registry.Referentiecomponent,
  AuditWaarde,
  AuditWeergave,
  AuditRegel,
  ...TOEGANG_SCHEMAS,
  ...KOSTEN_SCHEMAS,
  ...VERTROUWEN_SCHEMAS,
  ...VERTROUWENSBELEID_SCHEMAS,
  ...IMPACT_SCHEMAS,
  ...MONITORING_SCHEMAS,
  ...MONITORING_STATUS_SCHEMAS,
  ...INTEROP_SCHEMAS,
]

/** The object types whose change can open or close a finding. */
const VERTROUWEN_RELEVANT = new Set([
  'organisatie',
  'samenwerking',
  'gastheerschap',
  'applicatie',
  'koppeling',
  'bewijsstuk',
  'contract',
  'toegang',
  'vertrouwensbeleid',
])

export interface AppOptions {
  config: Pick<Config, 'bodyLimitBytes' | 'publicUrl' | 'logLevel'> &
    Partial<Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'rateLimitPerMinute' | 'oidc' | 'publicUrlSet' | 'monitor'>>
  database: DatabaseHandle
  logger?: boolean
  /** Folder of the built web UI (default web/dist). */
  webRoot?: string
  /** Where "now" comes from (default: the system clock); tests move it. */
  klok?: Klok
  /**
   * false: this process queues background jobs but runs none (default true). For a test
   * that runs them itself, so no runner of the server's takes a job from under it.
   */
  achtergrondtaken?: boolean
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: opts.config.logLevel },
    bodyLimit: opts.config.bodyLimitBytes,
    trustProxy: false,
    // Errors Fastify raises before routing (bad URL encoding, over-long parameters) get
    // the same problem+json and API-Version as everything else.
    frameworkErrors: (error, request, reply) => {
      reply.header('API-Version', API_VERSION)
      reply.headers(headersBeforeRouting(request.url, secureCookies))
      return sendProblem(reply, request, frameworkProblem(error))
    },
    // Requests Node's parser refuses (a NUL in a header, headers over 16 KB) as problem+json too.
    clientErrorHandler: clientErrorProblem,
  })
  const secureCookies = opts.config.publicUrl.startsWith('https://')

  for (const s of SHARED_SCHEMAS) addSharedSchema(s)
  // Before any route: every route's body, query, parameters and headers are validated (plugins/validation.ts).
  registerValidation(app)

  // Without PUBLIC_URL the document names the relative server /api/v1, not a guessed host.
  await registerOpenapi(app, opts.config.publicUrlSet === false ? '' : opts.config.publicUrl)
  await app.register(problem)
  // The API serves JSON only: nothing may load, frame or run from its responses, and none is cached.
  await app.register(securityHeaders, { hsts: secureCookies })
  await app.register(rateLimit, { max: opts.config.rateLimitPerMinute ?? 1200, timeWindow: '1 minute' })

  // JSON only: a text/plain body is a client error (415), not a string to validate.
  app.removeContentTypeParser('text/plain')
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'))
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('API-Version', API_VERSION)
  })
  // No trailing slashes (404 for every API path), before any route sees the request:
  // otherwise `/organisaties/` would reach `/organisaties/:id` with an empty id.
  app.addHook('onRequest', async (request, reply) => {
    const slash = trailingSlashProblem(request.url, API_PREFIX)
    if (slash) return sendProblem(reply, request, slash)
  })

  const db = opts.database.db
  const services = createServices(db, { analyzeEvery: opts.database.kind === 'pglite' ? 1000 : 0, klok: opts.klok })
  // Background work runs while the app runs; the ChangeFeed asks it for fresh planner statistics.
  const jobs = createJobRunner(db, { log: app.log, klok: services.klok, changes: services.changes })
  services.changes.onStatisticsDue(() => jobs.request('planner-statistieken'))
  // A write that may change findings re-evaluates them (one run waits at a time; its own writes do not count).
  services.changes.onCommitted((wat) => {
    if (wat && VERTROUWEN_RELEVANT.has(wat)) jobs.request('vertrouwen-herevalueren')
  })
  if (opts.achtergrondtaken !== false) app.addHook('onReady', async () => jobs.start())
  app.addHook('onClose', async () => jobs.stop())
  // Link monitoring (src/monitor/): probes run while the app runs, unless MONITOR=uit.
  const monitorConfig = opts.config.monitor
  const monitorOpties = {
    publicUrl: opts.config.publicUrl,
    loopbackToegestaan: monitorConfig?.loopbackToegestaan ?? false,
    priveToegestaan: monitorConfig?.priveToegestaan ?? false,
    ...(monitorConfig
      ? {
          gelijktijdig: monitorConfig.gelijktijdig,
          leaseMargeMs: monitorConfig.leaseMargeMs,
          bewaren: { ruweMetingenDagen: monitorConfig.ruweMetingenDagen, rollupMaanden: monitorConfig.rollupMaanden },
          ...(monitorConfig.smtp ? { smtp: monitorConfig.smtp } : {}),
        }
      : {}),
  }
  const monitor = new Monitor(db, { ...monitorOpties, klok: services.klok, log: app.log })
  if (opts.achtergrondtaken !== false && monitorConfig?.actief) app.addHook('onReady', async () => monitor.start())
  app.addHook('onClose', async () => monitor.stop())
  const authService = new AuthService(db, {
    idleMinuten: opts.config.sessionIdleMinutes ?? 30,
    maxUren: opts.config.sessionMaxHours ?? 12,
  })
  // Other processes on the same PostgreSQL announce their commits; caches follow.
  const stopListening = await opts.database.listen(CHANGE_CHANNEL, () => services.changes.changedElsewhere())
  app.addHook('onClose', async () => stopListening())
  let openapiDoc: unknown
  await app.register(
    async (instance) => {
      // Routes take request parts typed from their schemas (see Api in http.ts).
      const api: Api = instance.withTypeProvider<TypeBoxTypeProvider>()
      for (const s of SHARED_SCHEMAS) api.addSchema(s)
      // A context that adds schemas gets a new schema controller: set the compiler again.
      api.setValidatorCompiler(validatorCompiler)
      await api.register(auth, { auth: authService, secureCookies })
      registerMetaRoutes(api, db, opts.database.kind)
      registerToegangRoutes(api, { auth: authService, gebruikers: new GebruikersService(db), secureCookies })
      // GET /oidc always answers; the sign-in flow only exists when OIDC is configured.
      const oidc = opts.config.oidc ? new OidcService(db, authService, opts.config.oidc, opts.config.publicUrl) : undefined
      registerOidcRoutes(api, { oidc, secureCookies })
      registerResourceRoutes(api, services)
      registerAuditRoutes(api, db)
      registerLandschapRoutes(api, db, services.changes)
      registerScenarioRoutes(api, services)
      registerImpactRoutes(api, services)
      registerImpactRapportRoutes(api, services)
      registerKostenRoutes(api, services)
      registerDeclaratieRoutes(api, services)
      registerRapportageRoutes(api, services)
      await registerVertrouwenRoutes(api, services)
      registerBevindingenRoutes(api, services)
      registerMonitoringRoutes(api, services)
      registerMonitoringStatusRoutes(api, services, monitor, monitorOpties)
      registerInteropRoutes(api, services)
      api.get('/openapi.json', { config: { publiek: true }, schema: { hide: true } }, async (_request, reply) => {
        openapiDoc ??= conformOpenapi(app.swagger() as never)
        return reply.header('Access-Control-Allow-Origin', '*').send(openapiDoc)
      })
    },
    { prefix: API_PREFIX },
  )
  // Every object type of the register has its collection route, or the server does not start.
  controleerRoutes(services.objecttypen, (pad) => app.hasRoute({ method: 'GET', url: `${API_PREFIX}/${pad}` }))
  await registerWeb(app, services.objecttypen, opts.webRoot)
  return app
}
