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
import type { Database, DatabaseHandle } from '../src/db/database.js'
import type { ApplicatieGebruikerTable, ApplicatieTable, KoppelingTable, OrganisatieTable } from '../src/db/schema.js'
import {
  APPLICATIE_HOSTING,
  APPLICATIE_STATUSSEN,
  BIV_NIVEAUS,
  KOPPELING_RICHTINGEN,
  KOPPELING_STATUSSEN,
  KOPPELING_TYPES,
} from '../src/domain/vocabulary.js'
import { openMigrated } from '../src/runtime.js'

// List-endpoint throughput and p99 latency against a generated landscape, as a ratio
// to a bare Fastify route measured in the same run (see DESIGN.md, "Tests and
// benchmarks"). Writes the latest figures to bench/RESULTS.md.

const CONNECTIONS = 32
const DURATION_S = durationFromEnv()
const WARMUP_S = 1
// Far above the measuring window: a slow answer must show up as latency, not as an error.
const REQUEST_TIMEOUT_S = 120
const DRAIN_LIMIT_MS = 180_000
const GOAL = { minRatio: 0.3, maxP99Ms: 50 }
const SIZES = { leveranciers: 100, gemeenten: 250, applicaties: 10_000, koppelingen: 50_000 }
const BATCH_ROWS = 1000
const SEARCH_TERM = 'belasting'
const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'RESULTS.md')

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

interface Target {
  name: string
  path: string
}

interface Measurement {
  target: Target
  matches: number | undefined
  completed: number
  requestsPerSecond: number
  p99Ms: number
  failures: number
}

/** A server under load, with the number of requests it is still working on. */
interface Server {
  origin: string
  inFlight: () => number
}

interface Dataset {
  counts: Record<string, number>
  applicatieIds: string[]
  seconds: number
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

/** Seeded PRNG (mulberry32) so every run measures the same landscape. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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
  const random = seededRandom(20_240_601)
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
  return {
    counts: {
      organisaties: organisaties.length,
      applicaties: applicaties.length,
      applicatieGebruikers: gebruikers.length,
      koppelingen: koppelingen.length,
    },
    applicatieIds,
    seconds: (performance.now() - started) / 1000,
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
function countInFlight(app: FastifyInstance): () => number {
  let n = 0
  app.addHook('onRequest', async () => {
    n += 1
  })
  app.addHook('onSend', async (_request, _reply, payload) => {
    n -= 1
    return payload
  })
  return () => n
}

async function listenOnLoopback(app: FastifyInstance): Promise<Server> {
  const inFlight = countInFlight(app)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, inFlight }
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
    config: { bodyLimitBytes: 1_048_576, publicUrl: 'http://127.0.0.1', logLevel: 'silent' },
    database: handle,
    logger: false,
  })
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
async function probe(url: string): Promise<number | undefined> {
  const res = await fetch(url)
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`)
  const body = (await res.json()) as { paginering?: { totaalAantal?: number } }
  return body.paginering?.totaalAantal
}

// autocannon runs in a worker thread so the load generator does not share the event
// loop with the server under test (which, with PGlite, also hosts the database).
async function load(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: REQUEST_TIMEOUT_S, workers: 1 })
}

async function drain(server: Server): Promise<void> {
  const deadline = Date.now() + DRAIN_LIMIT_MS
  while (server.inFlight() > 0) {
    if (Date.now() > deadline)
      throw new Error(`${server.inFlight()} requests still running ${DRAIN_LIMIT_MS / 1000} s after the load stopped.`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function measure(server: Server, target: Target): Promise<Measurement> {
  const url = `${server.origin}${target.path}`
  const matches = await probe(url)
  await load(url, WARMUP_S)
  await drain(server)
  const result = await load(url, DURATION_S)
  await drain(server)
  const measurement = {
    target,
    matches,
    completed: result.requests.total,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    // A target that answers nothing within the window cannot be called error-free.
    failures: result.errors + result.timeouts + result.non2xx + (result.requests.total === 0 ? 1 : 0),
  }
  console.log(
    `  ${target.name}: ${fmt(measurement.requestsPerSecond, 1)} req/s, p99 ${measurement.p99Ms} ms, ${measurement.completed} requests`,
  )
  return measurement
}

function appTargets(applicatieId: string): Target[] {
  return [
    { name: 'applicaties, page 1', path: '/api/v1/applicaties?paginaGrootte=20' },
    { name: 'koppelingen, page 1', path: '/api/v1/koppelingen?paginaGrootte=20' },
    { name: `koppelingen, zoek=${SEARCH_TERM}`, path: `/api/v1/koppelingen?zoek=${SEARCH_TERM}&paginaGrootte=20` },
    { name: 'koppelingen, applicatieId filter', path: `/api/v1/koppelingen?applicatieId=${applicatieId}&paginaGrootte=20` },
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

function resultsTable(bare: Measurement, measurements: Measurement[], bareAgain: Measurement): string {
  const header = [
    '| Target | Matches | Requests | req/s (mean) | p99 (ms) | errors + non-2xx | ratio to bare | goal met |',
    '|---|--:|--:|--:|--:|--:|--:|:-:|',
  ]
  const row = (m: Measurement, goal: string) =>
    `| ${m.target.name} (\`${m.target.path}\`) | ${m.matches === undefined ? '—' : fmt(m.matches, 0)} | ${fmt(m.completed, 0)} | ${fmt(m.requestsPerSecond, 1)} | ${m.p99Ms} | ${m.failures} | ${fmt(m.requestsPerSecond / bare.requestsPerSecond, 3)} | ${goal} |`
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
  return `# Benchmark results

Latest run of \`bench/api.ts\`; rewritten by every successful \`npm run bench\`.

- Date: ${new Date().toISOString()}
- Machine: ${machine()}; load average at start ${r.loadAverage.map((n) => fmt(n, 2)).join(' / ')}
- Command: \`${commandLine()}\`
- Database: ${database}
- Dataset: ${counts}; generated and inserted in ${fmt(r.dataset.seconds, 1)} s
- Load: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per target after a ${WARMUP_S} s warm-up, loopback (127.0.0.1), load generator in a worker thread of the same process; each target starts once the previous one's abandoned requests have finished
- Goal per target: ≥ ${GOAL.minRatio} × the bare route's throughput and p99 ≤ ${GOAL.maxP99Ms} ms
- Peak RSS: ${mib(r.rssSeeding)} while generating the dataset, ${mib(r.rssLoad)} under load (whole process, load generator included)

${r.table}

The bare route is a \`fastify()\` instance with one GET returning a static three-item JSON list;
ratios are against its first measurement. Its repeat at the end shows how much the
machine's load drifted during the run.

## What limits throughput

- With PGlite the database is single-threaded WASM in the same process as the HTTP
  server: queries run one at a time on the event loop's thread, so the connection pool
  adds no parallelism and database time directly displaces request handling.
- Each list request runs two queries over the same filter: the page (ORDER BY
  lower(naam), id LIMIT 20) and a \`count(*)\` for \`totaalAantal\`. Unfiltered, the count
  reads the whole table, so its cost grows with the table, not with the page.
- \`zoek\` is \`naam ILIKE '%term%'\`: no index serves a leading wildcard, so the count
  (and, without statistics, the page too) scans every koppeling on each request.
- PGlite never collects planner statistics: it runs no autovacuum and the app never
  runs ANALYZE. Without them the planner serves the \`applicatieId\` filter by walking
  the koppeling_naam index in name order and discarding almost every row, instead of
  combining the bron/doel/via indexes (seen with EXPLAIN ANALYZE on this dataset).
  The bench measures the app as it runs, so it does not ANALYZE either.
- Applicaties also load their gebruikers (one more query per page).
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
    console.log(`  ${JSON.stringify(dataset.counts)} in ${fmt(dataset.seconds, 1)} s`)
    const rssSeeding = rss.takePeak()

    const bare = bareServer()
    servers.push(bare)
    const app = await registryApp(handle)
    servers.push(app)
    const bareListening = await listenOnLoopback(bare)
    const appListening = await listenOnLoopback(app)

    console.log(`Measuring: ${CONNECTIONS} connections, ${DURATION_S} s per target`)
    const bareResult = await measure(bareListening, { name: 'bare Fastify route', path: '/items' })
    const measurements: Measurement[] = []
    for (const target of appTargets(dataset.applicatieIds[0] as string)) measurements.push(await measure(appListening, target))
    // Measured again last: if the machine got busier or quieter meanwhile, this row shows it.
    const bareAgain = await measure(bareListening, { name: 'bare Fastify route, again after the targets', path: '/items' })
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
    await fs.writeFile(RESULTS_FILE, resultsMarkdown({ kind: handle.kind, loadAverage, dataset, table, rssSeeding, rssLoad }))
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
