import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Insertable } from 'kysely'
import { buildApp } from '../src/api/app.js'
import { SESSION_COOKIE } from '../src/api/plugins/auth.js'
import type { Database, DatabaseHandle } from '../src/db/database.js'
import { analyzeDatabase } from '../src/db/repos/maintenance.js'
import type { ApplicatieGebruikerTable, ApplicatieTable, KoppelingTable, OrganisatieTable } from '../src/db/schema.js'
import type { Caller } from '../src/domain/access.js'
import {
  APPLICATIE_HOSTING,
  APPLICATIE_STATUSSEN,
  BIV_NIVEAUS,
  KOPPELING_RICHTINGEN,
  KOPPELING_STATUSSEN,
  KOPPELING_TYPES,
} from '../src/domain/vocabulary.js'
import { openMigrated } from '../src/runtime.js'
import { GebruikerInvoer } from '../src/schemas/toegang.js'
import { AuthService } from '../src/services/auth-service.js'
import { GebruikersService } from '../src/services/gebruikers-service.js'
import { RESULTS_FILE, writeResultsSection } from './results.js'
import { willekeurig } from './willekeur.js'

// List-endpoint throughput and p99 latency against a generated landscape, as a ratio
// to a bare Fastify route measured in the same run (see DESIGN.md, "Tests and
// benchmarks"). Writes the latest figures to bench/RESULTS.md.
//
// Warm targets repeat one URL, so they measure the list cache; cold targets give every
// request a URL not asked before (bench/rotate-request.cjs), so every request runs its
// queries. The server counts repeated URLs, and the report shows them.

const CONNECTIONS = 32
const DURATION_S = durationFromEnv()
const WARMUP_S = 1
// Far above the measuring window: a slow answer must show up as latency, not as an error.
const REQUEST_TIMEOUT_S = 120
const DRAIN_LIMIT_MS = 180_000
const DRAIN_QUIET_MS = 300
const GOAL = { minRatio: 0.3, maxP99Ms: 50 }
const SIZES = { leveranciers: 100, gemeenten: 250, applicaties: 10_000, koppelingen: 50_000 }
const BATCH_ROWS = 1000
const SEARCH_TERM = 'belasting'
const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
// autocannon's worker thread loads setupRequest by file path.
const ROTATE_MODULE = path.join(BENCH_DIR, 'rotate-request.cjs')
// Cold targets: page sizes that make one query many distinct URLs.
const COLD_FILTER_PAGE_SIZES = { from: 20, to: 29 }
const COLD_PAGING_PAGE_SIZES = { from: 20, to: 59 }
const COLD_ZOEK_NUMBERS = 99
const RATE_LIMIT_PER_MINUTE = 1_000_000_000

const APP_WORDS = [
  'Zaaksysteem',
  'Burgerzaken',
  'Belastingen',
  'Sociaal Domein',
  'Documentbeheer',
  'Geo-informatie',
  'Vergunningen',
  'Financiën',
  'Personeel',
  'Klantcontact',
]
const DATA_CATEGORIES = ['persoonsgegevens', 'adresgegevens', 'financiële gegevens', 'zaakgegevens', 'documenten']

/**
 * warm: one URL over and over, so after the first request every answer comes from the
 * list cache. cold: every request a URL not asked before in the run, so every request
 * does its database work.
 */
type TargetKind = 'baseline' | 'warm' | 'cold'

interface Target {
  name: string
  kind: TargetKind
  /** Probed once before the load (must answer 200); for a cold target, its first URL. */
  path: string
  /** Cold targets: what autocannon sends instead of `path` over and over. */
  requests?: autocannon.Request[]
  /** Sent instead of the server's own headers (another way of signing in). */
  headers?: Record<string, string>
  /** Cold targets: how many distinct URLs the list holds before it wraps around. */
  available?: number
  /** Cold targets: how the URLs are chosen, for the report. */
  design?: string
}

interface Measurement {
  target: Target
  matches: number | undefined
  completed: number
  requestsPerSecond: number
  p99Ms: number
  failures: number
  /** GETs the server answered for this target (probe, warm-up, window, abandoned ones). */
  served: number
  /** Of those, how many asked for a URL not served before in this run. */
  distinct: number
}

/** GETs served since the last call, and how many of them repeated a URL served earlier in the run. */
interface UrlStats {
  served: number
  repeated: number
}

/** A server under load, with the number of requests it is still working on. */
interface Server {
  origin: string
  /** Sent with every request: the app needs a caller. */
  headers: Record<string, string>
  load: RequestCounts
  takeUrlStats: () => UrlStats
}

interface RequestCounts {
  /** Requests received and not yet answered. */
  inFlight: () => number
  /** Requests received so far. */
  started: () => number
}

interface Dataset {
  counts: Record<string, number>
  applicatieIds: string[]
  seconds: number
  analyzeSeconds: number
}

// --- configuration ----------------------------------------------------------------

function durationFromEnv(): number {
  const raw = process.env.BENCH_DURATION ?? '10'
  const seconds = Number(raw)
  if (!Number.isInteger(seconds) || seconds < 1) throw new Error(`BENCH_DURATION must be a whole number of seconds ≥ 1, not "${raw}".`)
  return seconds
}

function commandLine(): string {
  const env: string[] = []
  if (process.env.BENCH_DURATION) env.push(`BENCH_DURATION=${process.env.BENCH_DURATION}`)
  // Never print the URL itself: it may hold a password.
  if (process.env.DATABASE_URL) env.push('DATABASE_URL=<set>')
  return [...env, 'npm run bench'].join(' ')
}

// --- dataset ------------------------------------------------------------------------

type Random = () => number

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T
}

/** `count` distinct items from `list`, in random order. */
function pickDistinct<T>(random: Random, list: readonly T[], count: number): T[] {
  const chosen = new Set<T>()
  while (chosen.size < Math.min(count, list.length)) chosen.add(pick(random, list))
  return [...chosen]
}

function makeOrganisaties(): Insertable<OrganisatieTable>[] {
  const leveranciers = Array.from({ length: SIZES.leveranciers }, (_, i) => ({
    id: randomUUID(),
    type: 'leverancier',
    naam: `Leverancier ${i + 1} B.V.`,
    inwoners: '[]',
  }))
  const gemeenten = Array.from({ length: SIZES.gemeenten }, (_, i) => ({
    id: randomUUID(),
    type: 'gemeente',
    naam: `Gemeente ${i + 1}`,
    cbs_code: `GM${String(i + 1).padStart(4, '0')}`,
    inwoners: JSON.stringify([{ jaar: 2024, aantal: 5_000 + i * 700, bron: 'CBS' }]),
  }))
  return [...leveranciers, ...gemeenten]
}

function makeApplicaties(random: Random, leverancierIds: string[]): Insertable<ApplicatieTable>[] {
  return Array.from({ length: SIZES.applicaties }, (_, i) => {
    const status = pick(random, APPLICATIE_STATUSSEN)
    return {
      id: randomUUID(),
      naam: `${pick(random, APP_WORDS)} ${i + 1}`,
      omschrijving: 'Fictieve applicatie voor de benchmark.',
      leverancier_id: pick(random, leverancierIds),
      hosting: pick(random, APPLICATIE_HOSTING),
      versie: `${1 + Math.floor(random() * 9)}.${Math.floor(random() * 20)}`,
      status,
      status_historie: JSON.stringify([{ status, datum: '2023-01-01' }]),
    }
  })
}

function makeGebruikers(random: Random, applicatieIds: string[], gemeenteIds: string[]): Insertable<ApplicatieGebruikerTable>[] {
  return applicatieIds.flatMap((applicatie_id) =>
    pickDistinct(random, gemeenteIds, 1 + Math.floor(random() * 3)).map((organisatie_id, positie) => ({
      applicatie_id,
      organisatie_id,
      positie,
    })),
  )
}

function makeKoppelingen(random: Random, applicaties: { id: string; naam: string }[], eigenaarIds: string[]): Insertable<KoppelingTable>[] {
  return Array.from({ length: SIZES.koppelingen }, (_, i) => {
    const [bron, doel] = pickDistinct(random, applicaties, 2) as [{ id: string; naam: string }, { id: string; naam: string }]
    const status = pick(random, KOPPELING_STATUSSEN)
    const persoonsgegevens = random() < 0.5
    return {
      id: randomUUID(),
      naam: `${bron.naam} naar ${doel.naam} (${i + 1})`,
      bron_applicatie_id: bron.id,
      doel_applicatie_id: doel.id,
      type: pick(random, KOPPELING_TYPES),
      richting: pick(random, KOPPELING_RICHTINGEN),
      status,
      status_historie: JSON.stringify([{ status, datum: '2023-06-01' }]),
      gegevenscategorieen: JSON.stringify(pickDistinct(random, DATA_CATEGORIES, 2)),
      persoonsgegevens,
      beschikbaarheid: pick(random, BIV_NIVEAUS),
      integriteit: pick(random, BIV_NIVEAUS),
      vertrouwelijkheid: persoonsgegevens ? 'hoog' : pick(random, BIV_NIVEAUS),
      eigenaar_id: pick(random, eigenaarIds),
    }
  })
}

// Multi-row INSERTs of 1000 rows stay well under PostgreSQL's 65 535 bind parameters.
async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) await insert(rows.slice(i, i + BATCH_ROWS))
}

/** Straight into the tables, not through the API: 60 000 POSTs would take far longer than the measurement. */
async function seedDataset(db: Database): Promise<Dataset> {
  const started = performance.now()
  const random = willekeurig(20_240_601)
  const organisaties = makeOrganisaties()
  const leverancierIds = organisaties.filter((o) => o.type === 'leverancier').map((o) => o.id as string)
  const gemeenteIds = organisaties.filter((o) => o.type === 'gemeente').map((o) => o.id as string)
  const applicaties = makeApplicaties(random, leverancierIds)
  const applicatieRefs = applicaties.map((a) => ({ id: a.id as string, naam: a.naam }))
  const applicatieIds = applicatieRefs.map((a) => a.id)
  const gebruikers = makeGebruikers(random, applicatieIds, gemeenteIds)
  const koppelingen = makeKoppelingen(random, applicatieRefs, gemeenteIds)

  await insertInBatches(organisaties, (batch) => db.insertInto('organisatie').values(batch).execute())
  await insertInBatches(applicaties, (batch) => db.insertInto('applicatie').values(batch).execute())
  await insertInBatches(gebruikers, (batch) => db.insertInto('applicatie_gebruiker').values(batch).execute())
  await insertInBatches(koppelingen, (batch) => db.insertInto('koppeling').values(batch).execute())
  const seconds = (performance.now() - started) / 1000
  // The rows bypassed the app, whose start-up ANALYZE (openMigrated) saw empty tables.
  // The app runs ANALYZE after a CSV import; do the same after this bulk load.
  const analyzeStarted = performance.now()
  await analyzeDatabase(db)
  return {
    counts: {
      organisaties: organisaties.length,
      applicaties: applicaties.length,
      applicatieGebruikers: gebruikers.length,
      koppelingen: koppelingen.length,
    },
    applicatieIds,
    seconds,
    analyzeSeconds: (performance.now() - analyzeStarted) / 1000,
  }
}

const SEEDED_TABLES = ['koppeling', 'applicatie_gebruiker', 'applicatie', 'organisatie'] as const

/** A shared PostgreSQL must start empty: the figures assume exactly the generated dataset. */
async function assertEmpty(db: Database): Promise<void> {
  for (const table of SEEDED_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(row.n) > 0) throw new Error(`Table ${table} is not empty; point DATABASE_URL at a throwaway database.`)
  }
}

async function removeDataset(db: Database): Promise<void> {
  for (const table of SEEDED_TABLES) await db.deleteFrom(table).execute()
}

// --- servers ------------------------------------------------------------------------

// autocannon drops its connections when the window closes, but the server finishes the
// queued handlers anyway; counting them lets the next target start on an idle server.
// onSend, not onResponse: only onSend still runs for a request the client abandoned.
function countRequests(app: FastifyInstance): RequestCounts {
  let started = 0
  let answered = 0
  app.addHook('onRequest', async () => {
    started += 1
  })
  app.addHook('onSend', async (_request, _reply, payload) => {
    answered += 1
    return payload
  })
  return { inFlight: () => started - answered, started: () => started }
}

// The list cache is keyed by request.url, so a GET whose URL was served before in this
// run may be a cache hit; one whose URL is new cannot be. Counted as the server sees them.
function trackUrls(app: FastifyInstance): () => UrlStats {
  const seen = new Set<string>()
  let stats: UrlStats = { served: 0, repeated: 0 }
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'GET') return
    stats.served += 1
    if (seen.has(request.url)) stats.repeated += 1
    else seen.add(request.url)
  })
  return () => {
    const taken = stats
    stats = { served: 0, repeated: 0 }
    return taken
  }
}

async function listenOnLoopback(app: FastifyInstance, headers: Record<string, string> = {}): Promise<Server> {
  const load = countRequests(app)
  const takeUrlStats = trackUrls(app)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, headers, load, takeUrlStats }
}

/** The baseline: what Fastify alone does on this machine with a small JSON list. */
function bareServer(): FastifyInstance {
  const bare = Fastify({ logger: false })
  const body = {
    resultaten: [1, 2, 3].map((n) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, naam: `Applicatie ${n}` })),
    paginering: { pagina: 1, paginaGrootte: 20, totaalAantal: 3, totaalPaginas: 1 },
  }
  bare.get('/items', async () => body)
  return bare
}

async function registryApp(handle: DatabaseHandle): Promise<FastifyInstance> {
  return buildApp({
    // The rate limiter still runs on every request; only its ceiling is out of reach.
    config: { bodyLimitBytes: 1_048_576, publicUrl: 'http://127.0.0.1', logLevel: 'silent', rateLimitPerMinute: RATE_LIMIT_PER_MINUTE },
    database: handle,
    logger: false,
  })
}

interface Credentials {
  /** Authorization header value: an API token (what scripts and integrations use). */
  bearer: string
  /** Cookie header value: a session, as a browser would send it. */
  sessionCookie: string
}

/**
 * Every route but the public ones needs a caller: an admin (sees everything, so lists
 * get no visibility filter) with an API token and a session, made straight in the
 * database as the tests do.
 */
async function signIn(db: Database): Promise<Credentials> {
  const actor = { naam: 'benchmark', herkomst: 'bench' }
  const g = await new GebruikersService(db).create(
    actor,
    { gebruikersnaam: `bench-${randomUUID().slice(0, 8)}`, naam: 'Benchmark', rollen: [{ rol: 'admin' }] },
    GebruikerInvoer,
  )
  const caller: Caller = { gebruikerId: g.id, gebruikersnaam: g.gebruikersnaam, rollen: g.rollen, scopes: 'alle', via: 'sessie' }
  const auth = new AuthService(db, { idleMinuten: 30, maxUren: 12 })
  const { token } = await auth.createToken(caller, actor.herkomst, {
    naam: 'benchmark',
    scopes: ['lezen'],
    verlooptOp: new Date(Date.now() + 86_400_000),
  })
  const sessie = await auth.startSession(g.id, actor.herkomst)
  return { bearer: `Bearer ${token}`, sessionCookie: `${SESSION_COOKIE}=${sessie.token}` }
}

// --- measuring ----------------------------------------------------------------------

/** Peak resident set size, sampled; the sampler is reset between phases. */
function rssSampler() {
  let peak = 0
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }
  sample()
  const timer = setInterval(sample, 100)
  timer.unref()
  return {
    takePeak(): number {
      sample()
      const p = peak
      peak = 0
      return p
    },
    stop: () => clearInterval(timer),
  }
}

/** One GET before the load: the target must answer 200, and we learn how many rows match. */
async function probe(url: string, headers: Record<string, string>): Promise<number | undefined> {
  const res = await fetch(url, { headers })
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`)
  const body = (await res.json()) as { paginering?: { totaalAantal?: number } }
  return body.paginering?.totaalAantal
}

// autocannon runs in a worker thread so the load generator does not share the event
// loop with the server under test (which, with PGlite, also hosts the database).
async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  requests: autocannon.Request[] | undefined,
): Promise<autocannon.Result> {
  return autocannon({ url, headers, connections: CONNECTIONS, duration: seconds, timeout: REQUEST_TIMEOUT_S, workers: 1, requests })
}

/**
 * A request that takes the next of `paths` each time it is sent (bench/rotate-request.cjs),
 * starting at `start`. The cursor is shared memory, so it carries on from the warm-up into
 * the measurement and is shared by all connections.
 */
function rotatingRequest(paths: string[], start: number): autocannon.Request {
  if (paths.some((p) => p.includes('\n'))) throw new Error('A rotating path must not contain a newline.')
  const cursor = new SharedArrayBuffer(4)
  Atomics.store(new Int32Array(cursor), 0, start)
  const request: autocannon.Request & { rotation: { paths: string; cursor: SharedArrayBuffer } } = {
    setupRequest: ROTATE_MODULE,
    rotation: { paths: paths.join('\n'), cursor },
  }
  return request
}

// Requests the worker wrote just before it closed its sockets can still be on their way
// to the server's event loop: idle means nothing running and nothing new for a while,
// or they would land in the next target's figures.
async function drain(server: Server): Promise<void> {
  const deadline = Date.now() + DRAIN_LIMIT_MS
  let lastStarted = -1
  let quietSince = Date.now()
  for (;;) {
    const started = server.load.started()
    if (started !== lastStarted || server.load.inFlight() > 0) {
      lastStarted = started
      quietSince = Date.now()
    } else if (Date.now() - quietSince >= DRAIN_QUIET_MS) return
    if (Date.now() > deadline)
      throw new Error(`${server.load.inFlight()} requests still running ${DRAIN_LIMIT_MS / 1000} s after the load stopped.`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function measure(server: Server, target: Target): Promise<Measurement> {
  const url = `${server.origin}${target.path}`
  const headers = target.headers ?? server.headers
  const matches = await probe(url, headers)
  await load(url, headers, WARMUP_S, target.requests)
  await drain(server)
  const result = await load(url, headers, DURATION_S, target.requests)
  await drain(server)
  const urls = server.takeUrlStats()
  const measurement = {
    target,
    matches,
    completed: result.requests.total,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    // A target that answers nothing within the window cannot be called error-free.
    failures: result.errors + result.timeouts + result.non2xx + (result.requests.total === 0 ? 1 : 0),
    served: urls.served,
    distinct: urls.served - urls.repeated,
  }
  console.log(
    `  ${target.name}: ${fmt(measurement.requestsPerSecond, 1)} req/s, p99 ${measurement.p99Ms} ms, ${measurement.completed} requests, ` +
      `${measurement.distinct} of ${measurement.served} GET URLs new`,
  )
  return measurement
}

function warmTargets(applicatieId: string, sessionCookie: string): Target[] {
  return [
    { name: 'applicaties, page 1', kind: 'warm', path: '/api/v1/applicaties?paginaGrootte=20' },
    { name: 'koppelingen, page 1', kind: 'warm', path: '/api/v1/koppelingen?paginaGrootte=20' },
    {
      name: 'koppelingen, page 1, signed in with a session cookie instead of the API token',
      kind: 'warm',
      path: '/api/v1/koppelingen?paginaGrootte=20',
      headers: { cookie: sessionCookie },
    },
    { name: `koppelingen, zoek=${SEARCH_TERM}`, kind: 'warm', path: `/api/v1/koppelingen?zoek=${SEARCH_TERM}&paginaGrootte=20` },
    { name: 'koppelingen, applicatieId filter', kind: 'warm', path: `/api/v1/koppelingen?applicatieId=${applicatieId}&paginaGrootte=20` },
  ]
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

/** A target whose every request asks for the next of `paths`; the first one is the probe. */
function coldTarget(name: string, design: string, paths: string[]): Target {
  return { name, kind: 'cold', path: paths[0] as string, requests: [rotatingRequest(paths, 1)], available: paths.length, design }
}

function coldTargets(applicatieIds: string[]): Target[] {
  // Every applicatie in turn, then again with the next page size: 100 000 URLs. Starts
  // at the second applicatie: the warm target already asked for the first.
  const ids = [...applicatieIds.slice(1), ...applicatieIds.slice(0, 1)]
  const byApplicatie = range(COLD_FILTER_PAGE_SIZES.from, COLD_FILTER_PAGE_SIZES.to).flatMap((size) =>
    ids.map((id) => `/api/v1/koppelingen?applicatieId=${id}&paginaGrootte=${size}`),
  )
  // Page 1 to the last, ascending then descending by name, then the same with the next
  // page size. Every URL is the same query (no filter), whose count is cached (by the
  // warm target already), so each page only runs its page query.
  const paging = range(COLD_PAGING_PAGE_SIZES.from, COLD_PAGING_PAGE_SIZES.to).flatMap((size) =>
    ['naam', '-naam'].flatMap((sorteer) =>
      range(1, Math.ceil(SIZES.applicaties / size)).map(
        (pagina) => `/api/v1/applicaties?pagina=${pagina}&paginaGrootte=${size}&sorteer=${sorteer}`,
      ),
    ),
  )
  // Terms such as "Burgerzaken 37" and "37 naar Burgerzaken": each matches roughly 50
  // to 1 200 koppelingen, so page 1 is full and the count runs; each term is new.
  const terms = range(1, COLD_ZOEK_NUMBERS).flatMap((n) => APP_WORDS.flatMap((word) => [`${word} ${n}`, `${n} naar ${word}`]))
  const zoek = terms.map((term) => `/api/v1/koppelingen?zoek=${encodeURIComponent(term)}&paginaGrootte=20`)
  return [
    coldTarget(
      'koppelingen, applicatieId filter, a new applicatie per request',
      `every applicatie in turn, then all again with the next paginaGrootte (${COLD_FILTER_PAGE_SIZES.from}–${COLD_FILTER_PAGE_SIZES.to});`,
      byApplicatie,
    ),
    coldTarget(
      'applicaties, paging through all pages',
      `pagina 1 to the last, by naam ascending then descending, then the same with the next paginaGrootte (${COLD_PAGING_PAGE_SIZES.from}–${COLD_PAGING_PAGE_SIZES.to}); every URL is the same query (no filter), whose count the warm \`applicaties, page 1\` row already cached;`,
      paging,
    ),
    coldTarget(
      'koppelingen, zoek, a new term per request',
      `terms \`<word> <n>\` and \`<n> naar <word>\` for the ${APP_WORDS.length} words in the generated names and n = 1–${COLD_ZOEK_NUMBERS}, each matching roughly 50 to 1 200 koppelingen, so page 1 is full and the count runs;`,
      zoek,
    ),
  ]
}

// --- reporting ----------------------------------------------------------------------

function fmt(n: number, decimals: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
}

function mib(bytes: number): string {
  return `${fmt(bytes / 1024 / 1024, 0)} MiB`
}

function goalMet(m: Measurement, bare: Measurement): boolean {
  return m.failures === 0 && m.requestsPerSecond / bare.requestsPerSecond >= GOAL.minRatio && m.p99Ms <= GOAL.maxP99Ms
}

const CACHE_LABEL: Record<TargetKind, string> = {
  baseline: '—',
  warm: 'warm (cached)',
  cold: 'cold (every URL new)',
}

function resultsTable(bare: Measurement, measurements: Measurement[], bareAgain: Measurement): string {
  const header = [
    '| Target | List cache | Matches | Requests | new GET URLs / GETs served | req/s (mean) | p99 (ms) | errors + non-2xx | ratio to bare | goal met |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|:-:|',
  ]
  const row = (m: Measurement, goal: string) => {
    const cold = m.target.kind === 'cold'
    const shown = `${cold ? 'first URL ' : ''}\`${m.target.path}\``
    const matches = m.matches === undefined ? '—' : `${fmt(m.matches, 0)}${cold ? ' (first URL)' : ''}`
    return `| ${m.target.name} (${shown}) | ${CACHE_LABEL[m.target.kind]} | ${matches} | ${fmt(m.completed, 0)} | ${fmt(m.distinct, 0)} / ${fmt(m.served, 0)} | ${fmt(m.requestsPerSecond, 1)} | ${m.p99Ms} | ${m.failures} | ${fmt(m.requestsPerSecond / bare.requestsPerSecond, 3)} | ${goal} |`
  }
  return [
    ...header,
    row(bare, '(baseline)'),
    ...measurements.map((m) => row(m, goalMet(m, bare) ? 'yes' : '**no**')),
    row(bareAgain, '(drift check)'),
  ].join('\n')
}

function machine(): string {
  const cpus = os.cpus()
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${mib(os.totalmem())} RAM, ${os.type()} ${os.release()}, Node ${process.version}`
}

interface Report {
  kind: DatabaseHandle['kind']
  /** The cold targets' measurements, for the notes on how their URLs were chosen. */
  cold: Measurement[]
  /** Other work on the machine skews every figure, the bare route's included. */
  loadAverage: number[]
  dataset: Dataset
  table: string
  rssSeeding: number
  rssLoad: number
}

function resultsMarkdown(r: Report): string {
  const counts = Object.entries(r.dataset.counts)
    .map(([k, n]) => `${fmt(n, 0)} ${k}`)
    .join(', ')
  const database = r.kind === 'pglite' ? 'embedded PGlite (WASM, in-process) over its unix socket' : 'PostgreSQL (DATABASE_URL)'
  return `## API throughput (bench/api.ts)

Latest run of \`bench/api.ts\`; rewritten by every successful \`npm run bench\`.

- Date: ${new Date().toISOString()}
- Machine: ${machine()}; load average at start ${r.loadAverage.map((n) => fmt(n, 2)).join(' / ')}
- Command: \`${commandLine()}\`
- Database: ${database}
- Dataset: ${counts}; generated and inserted in ${fmt(r.dataset.seconds, 1)} s, straight into the tables; then \`ANALYZE\` (${fmt(r.dataset.analyzeSeconds, 1)} s) through the app's own \`analyzeDatabase\`, as the app does after a CSV import (its start-up ANALYZE ran on empty tables)
- Load: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per target after a ${WARMUP_S} s warm-up, loopback (127.0.0.1), load generator in a worker thread of the same process; each target starts once the previous one's abandoned requests have finished
- Goal per target: ≥ ${GOAL.minRatio} × the bare route's throughput and p99 ≤ ${GOAL.maxP99Ms} ms
- Peak RSS: ${mib(r.rssSeeding)} while generating the dataset, ${mib(r.rssLoad)} under load (whole process, load generator included)

${r.table}

The bare route is a \`fastify()\` instance with one GET returning a static three-item JSON list;
ratios are against its first measurement. Its repeat at the end shows how much the
machine's load drifted during the run.

Every app request signs in as an admin (sees everything, so lists get no visibility
filter) with an API token (\`Authorization: Bearer\`), except the row that says it uses
a session cookie. The rate limiter runs on every request, its ceiling raised to
${fmt(RATE_LIMIT_PER_MINUTE, 0)} a minute so it never answers 429.

**Warm (cached)** rows ask for one URL over and over: after the first request the list
comes from the app's list cache (serialized bodies per caller role and URL, valid until a
write commits), so they measure a cache hit plus signing in, not a list query.
**Cold** rows give every request the next URL from a list of distinct URLs, so every
request misses the list cache and runs its queries:

${r.cold.map((m) => `- ${m.target.name}: ${m.target.design} ${fmt(m.target.available ?? 0, 0)} URLs in the list; ${fmt(m.distinct, 0)} of the ${fmt(m.served, 0)} GETs the server answered for this target (probe, warm-up, window and abandoned requests) had a URL not served before in the run.`).join('\n')}

"new GET URLs / GETs served" counts, per target and as the server saw them, the GETs
whose URL was not served before in this run; only a repeated URL can be a cache hit.
"Requests" counts only the answers within the measuring window.

No write-then-read target: on PGlite, concurrent writes currently break the database
connection pool (see the notes), so the app cannot take a load with writes in it.

### What limits throughput

- With PGlite the database is single-threaded WASM in the same process as the HTTP
  server: statements run one at a time on the event loop's thread, so the connection
  pool adds no parallelism and database time directly displaces request handling. Each
  statement is a round trip over the unix socket into the engine, about 0.5–1 ms here
  even when the query itself takes microseconds.
- Signing in is now the largest cost of a cached list: an API token takes four statements
  per request (token lookup, an UPDATE of the token's \`laatst_gebruikt_op\` on every
  request, the user, the user's roles), a session cookie three (a session is touched at
  most once a minute). The warm rows are bounded by that, not by the lists; compare the
  token and session-cookie rows for \`koppelingen, page 1\`.
- Counting is no longer per request: \`totaalAantal\` is cached per query (caller role,
  \`zoek\` and filters) across pages and page sizes until a write commits, and a short
  first page is its own total. The cold \`applicatieId\` URLs (about 10 matches each)
  never count; the cold paging URLs share one count; each new \`zoek\` term counts once.
- Statistics: the bench runs \`ANALYZE\` after its bulk insert (see Dataset above), as the
  app does after an import. With statistics the \`applicatieId\` filter is a BitmapOr over
  the bron/doel/via indexes and a sort of the few matches (well under 1 ms in the engine).
  A cold \`applicatieId\` request is mostly fixed costs: signing in, the page query, and one
  more query for the gebruikers of the bron and doel applicaties on the page (for
  \`toegestaneActies\`).
- Paging is OFFSET-based: page n walks (n − 1) × paginaGrootte index entries before the 20
  it returns, so deep pages cost several ms in the engine (EXPLAIN ANALYZE on a dataset of
  this size: ~9 ms at offset 5 000); descending by naam adds an incremental sort, because the index is
  (lower(naam), id) and the id tiebreak stays ascending. Applicaties also load their
  gebruikers (one more query per page).
- \`zoek\` (\`naam ILIKE '%term%'\`) now has a trigram index, which serves the count. The page
  query (ORDER BY lower(naam), id LIMIT 20) is planned from the trigram estimate; for
  terms the planner thinks common it walks the name index and filters row by row (seen on a
  dataset of this size: 15 500 rows skipped, ~24 ms, for "37 naar Burgerzaken"). Every new term also runs its count.
- Concurrent writes on PGlite are broken, which is why there is no write-then-read target:
  the pool of four socket connections shares PGlite's single session, and with a few
  transactions running alongside other statements, statements get each other's results or
  protocol errors ("bind message supplies 2 parameters, but prepared statement "" requires 1",
  "unnamed prepared statement does not exist"); the API answers 401 for a valid token,
  404 for an existing object or 500, and then stops answering. Reproduced with plain
  transactions on the handle from \`openDatabase\`, without the HTTP layer.
- With requests served one after another, mean latency at ${CONNECTIONS} connections is about
  ${CONNECTIONS} / throughput (Little's law): p99 ≤ ${GOAL.maxP99Ms} ms needs well over ${fmt((CONNECTIONS * 1000) / GOAL.maxP99Ms, 0)} req/s.
`
}

// --- main ---------------------------------------------------------------------------

async function openDatabase(dataDir: string): Promise<DatabaseHandle> {
  const { handle } = await openMigrated({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined })
  if (handle.kind === 'postgresql') await assertEmpty(handle.db)
  return handle
}

async function main(): Promise<number> {
  const loadAverage = os.loadavg()
  const rss = rssSampler()
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'regiekamer-bench-'))
  const servers: FastifyInstance[] = []
  let handle: DatabaseHandle | undefined
  let seeded = false
  try {
    handle = await openDatabase(dataDir)
    console.log(`Generating dataset (${handle.kind})…`)
    seeded = true
    const dataset = await seedDataset(handle.db)
    console.log(`  ${JSON.stringify(dataset.counts)} in ${fmt(dataset.seconds, 1)} s, ANALYZE ${fmt(dataset.analyzeSeconds, 1)} s`)
    const rssSeeding = rss.takePeak()

    const bare = bareServer()
    servers.push(bare)
    const app = await registryApp(handle)
    servers.push(app)
    const bareListening = await listenOnLoopback(bare)
    const credentials = await signIn(handle.db)
    const appListening = await listenOnLoopback(app, { authorization: credentials.bearer })

    console.log(`Measuring: ${CONNECTIONS} connections, ${DURATION_S} s per target`)
    const bareResult = await measure(bareListening, { name: 'bare Fastify route', kind: 'baseline', path: '/items' })
    const measurements: Measurement[] = []
    const targets = [...warmTargets(dataset.applicatieIds[0] as string, credentials.sessionCookie), ...coldTargets(dataset.applicatieIds)]
    for (const target of targets) measurements.push(await measure(appListening, target))
    // Measured again last: if the machine got busier or quieter meanwhile, this row shows it.
    const bareAgain = await measure(bareListening, {
      name: 'bare Fastify route, again after the targets',
      kind: 'baseline',
      path: '/items',
    })
    const rssLoad = rss.takePeak()

    const table = resultsTable(bareResult, measurements, bareAgain)
    console.log(`\n${table}\n`)
    console.log(`Peak RSS: ${mib(rssSeeding)} seeding, ${mib(rssLoad)} under load. Dataset generated in ${fmt(dataset.seconds, 1)} s.`)

    const failed = [bareResult, ...measurements, bareAgain].filter((m) => m.failures > 0)
    if (failed.length > 0) {
      // Figures with failed requests are not figures; keep the last good RESULTS.md.
      console.error(
        `\nFAILED: requests errored or were not 2xx for: ${failed.map((m) => m.target.name).join(', ')}. RESULTS.md not updated.`,
      )
      return 1
    }
    const cold = measurements.filter((m) => m.target.kind === 'cold')
    await writeResultsSection('api', resultsMarkdown({ kind: handle.kind, cold, loadAverage, dataset, table, rssSeeding, rssLoad }))
    console.log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}.`)
    return 0
  } finally {
    rss.stop()
    for (const server of servers) await server.close()
    if (handle) {
      if (seeded && handle.kind === 'postgresql') await removeDataset(handle.db)
      await handle.close()
    }
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error(e)
    process.exitCode = 1
  },
)
