import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { sql } from 'kysely'
// @ts-expect-error plain JavaScript module without types
import { buildWeb } from '../bin/build-web.js'
import { SESSION_COOKIE } from '../src/api/plugins/auth.js'
import type { DatabaseHandle } from '../src/db/database.js'
import { maandVan, plusMaanden } from '../src/domain/monitoring/tijd.js'
import { openMigrated } from '../src/runtime.js'
import { GEVULDE_TABELLEN, GROOTTE, type MonitoringLandschap, maakMonitoringLandschap, STATUS_SLUG } from './monitoring-landschap.js'
import { CHROMIUM_ARGS, chromium, type Gemeten, meetPagina, meetVerzoeken, type PaginaMeting } from './monitoring-meten.js'
import { maakToegang, type Toegang } from './monitoring-toegang.js'
import { machineDescription, writeResultsSection } from './results.js'

// Issue 14: the monitoring overview and status pages at 10 000 controles with a month of
// metingen. Generates the landscape (bench/monitoring-landschap.ts) on a fresh embedded
// database (or the PostgreSQL of DATABASE_URL, which must not hold these tables' rows),
// starts `regiekamer serve` as its own process with MONITOR=uit (nothing probes, so the
// data stays as generated), and times sequential requests to each monitoring read beside
// a bare Fastify route in the same run; then /monitoring in Chromium beside a static page.
// Goals: overview p95 ≤ 200 ms, the page usable (its table with rows visible) ≤ 1 s.

const AANTAL = Number(process.env.BENCH_REQUESTS ?? 50)
const WARMUP = 5
const PAGINA_LADINGEN = Number(process.env.BENCH_RUNS ?? 20)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops. */
const CPU_PROF = process.env.BENCH_CPU_PROF
const DOEL = { overzichtP95Ms: 200, paginaMs: 1000 }

interface Doel {
  naam: string
  pad: string | ((i: number) => string)
  /** Shown instead of the path (a new URL per request). */
  toon?: string
  wie: 'admin' | 'lezer' | 'niemand'
  overzicht?: boolean
}

interface Uitkomst {
  doel: Doel
  gemeten: Gemeten
}

function commandLine(): string {
  const env: string[] = []
  if (process.env.BENCH_REQUESTS) env.push(`BENCH_REQUESTS=${process.env.BENCH_REQUESTS}`)
  if (process.env.BENCH_RUNS) env.push(`BENCH_RUNS=${process.env.BENCH_RUNS}`)
  if (process.env.DATABASE_URL) env.push('DATABASE_URL=<set>')
  return [...env, 'npm run bench:monitoring'].join(' ')
}

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })

// --- the server ------------------------------------------------------------------------

async function startServer(dataDir: string): Promise<{ proces: ChildProcess; origin: string }> {
  const args = [...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []), 'bin/regiekamer.js', 'serve', '--port', '0']
  const proces = spawn(process.execPath, args, {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MONITOR: 'uit',
      DEMO: 'false',
      // Sequential requests from one address: the limiter must never answer 429.
      RATE_LIMIT_PER_MINUTE: '10000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const origin = await new Promise<string>((resolve, reject) => {
    let out = ''
    proces.stdout?.on('data', (d) => {
      out += d
      const m = /\(API: (http:\/\/[^\s)]+)\/api\/v1\)/.exec(out)
      if (m?.[1]) resolve(m[1])
    })
    proces.on('exit', (code) => reject(new Error(`server stopped (${code}):\n${out}`)))
  })
  return { proces, origin }
}

async function stopServer(proces: ChildProcess): Promise<void> {
  if (proces.exitCode !== null) return
  proces.kill('SIGTERM')
  await once(proces, 'exit')
}

// --- the dataset -----------------------------------------------------------------------

async function openDatabase(dataDir: string): Promise<DatabaseHandle> {
  const { handle } = await openMigrated({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined })
  if (handle.kind === 'postgresql')
    for (const t of GEVULDE_TABELLEN) {
      const r = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(handle.db)
      if (Number(r.rows[0]?.n) > 0) {
        await handle.close()
        throw new Error(`Table ${t} is not empty; point DATABASE_URL at a throwaway database.`)
      }
    }
  return handle
}

/** A shared PostgreSQL gets back what it had: the generated rows and the bench's users go. */
async function opruimen(dataDir: string): Promise<void> {
  const { handle } = await openMigrated({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined })
  try {
    await sql`DELETE FROM gebruiker WHERE gebruikersnaam LIKE 'bench-%'`.execute(handle.db)
    for (const t of GEVULDE_TABELLEN) await sql`DELETE FROM ${sql.table(t)}`.execute(handle.db)
  } finally {
    await handle.close()
  }
}

// --- targets ---------------------------------------------------------------------------

function doelen(l: MonitoringLandschap): Doel[] {
  const maand = plusMaanden(maandVan(l.nu), -1)
  // "Belastingen 17", "WOZ 3", …: each new, so every request also counts its matches.
  const woorden = ['Belastingen', 'Burgerzaken', 'Zaaksysteem', 'Personeel', 'WOZ', 'BAG']
  const term = (i: number) => `${woorden[i % woorden.length]} ${1 + Math.floor(i / woorden.length)}`
  return [
    { naam: 'overview, first page (50 controles)', pad: '/api/v1/monitoring', wie: 'admin', overzicht: true },
    { naam: 'overview, status=storing', pad: '/api/v1/monitoring?status=storing', wie: 'admin', overzicht: true },
    {
      naam: 'overview, one samenwerking',
      pad: `/api/v1/monitoring?samenwerkingId=${l.groteSamenwerkingId}`,
      wie: 'admin',
      overzicht: true,
    },
    {
      naam: 'overview, a new search term per request',
      pad: (i) => `/api/v1/monitoring?zoek=${encodeURIComponent(term(i))}`,
      toon: '/api/v1/monitoring?zoek=Belastingen%201, Burgerzaken 1, …',
      wie: 'admin',
      overzicht: true,
    },
    {
      naam: 'overview, first page, as a lezer of the host municipality (visibility filter)',
      pad: '/api/v1/monitoring',
      wie: 'lezer',
      overzicht: true,
    },
    { naam: 'open storingen', pad: '/api/v1/storingen?open=true', wie: 'admin' },
    {
      naam: 'status page of the samenwerking with ~1 000 controles',
      pad: `/api/v1/samenwerkingen/${l.groteSamenwerkingId}/status`,
      wie: 'admin',
    },
    { naam: 'the same status page, public (no sign-in)', pad: `/api/v1/status/${STATUS_SLUG}`, wie: 'niemand' },
    {
      naam: `availability of that samenwerking's koppelingen, month ${maand}`,
      pad: `/api/v1/beschikbaarheid?samenwerkingId=${l.groteSamenwerkingId}&maand=${maand}`,
      wie: 'admin',
    },
    { naam: "one controle's history, 30 days", pad: `/api/v1/controles/${l.controleMetMetingen}/verloop?dagen=30`, wie: 'admin' },
  ]
}

// --- report ----------------------------------------------------------------------------

function tabel(basis: Gemeten, uitkomsten: Uitkomst[]): string {
  const b = basis.tijden
  const rij = (naam: string, pad: string, g: Gemeten, doel: string) => {
    const t = g.tijden
    return `| ${naam} (\`${pad}\`) | ${fmt(t.p50)} | ${fmt(t.p95)} | ${fmt(t.p99)} | ${fmt(t.max)} | ${fmt(g.eerste)} | ${fmt(g.bytes / 1024, 0)} | ${fmt(t.p50 / b.p50, 0)}× | ${fmt(t.p95 / b.p95, 0)}× | ${doel} |`
  }
  return [
    '| Target | p50 ms | p95 ms | p99 ms | max ms | first request ms | KiB | p50 / bare | p95 / bare | goal |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|',
    rij('bare Fastify route', '/items', basis, '(baseline)'),
    ...uitkomsten.map((u) =>
      rij(
        u.doel.naam,
        u.doel.toon ?? (u.doel.pad as string),
        u.gemeten,
        u.doel.overzicht ? (u.gemeten.tijden.p95 <= DOEL.overzichtP95Ms ? 'p95 ≤ 200 ms: yes' : 'p95 ≤ 200 ms: **no**') : '—',
      ),
    ),
  ].join('\n')
}

function paginaTabel(basis: PaginaMeting, pagina: PaginaMeting | string): string {
  const rij = (naam: string, m: PaginaMeting, doel: string) => {
    const p = m.inPagina
    const w = m.wand
    return `| ${naam} | ${fmt(p.p50, 0)} | ${fmt(p.p95, 0)} | ${fmt(p.p50 / basis.inPagina.p50)}× | ${fmt(w.p50, 0)} | ${fmt(w.p95, 0)} | ${fmt(w.p50 / basis.wand.p50)}× | ${doel} |`
  }
  const kop = [
    '| Load | in page p50 ms | in page p95 ms | p50 / baseline | wall p50 ms | wall p95 ms | p50 / baseline | goal |',
    '|---|--:|--:|--:|--:|--:|--:|:-:|',
    rij('baseline: static page with one heading, bare Fastify', basis, '(baseline)'),
  ]
  if (typeof pagina === 'string') return [...kop, `| /monitoring | — | — | — | — | — | — | not measured: ${pagina} |`].join('\n')
  const met = pagina.inPagina.p95 <= DOEL.paginaMs
  return [...kop, rij('`/monitoring`, signed in as admin, assets cached', pagina, met ? '≤ 1 000 ms: yes' : '≤ 1 000 ms: **no**')].join(
    '\n',
  )
}

interface Verslag {
  kind: string
  landschap: MonitoringLandschap
  basis: Gemeten
  uitkomsten: Uitkomst[]
  pagina: { basis: PaginaMeting; monitoring: PaginaMeting | string } | undefined
  /** Why the page was not measured. */
  webFout: string | undefined
  loadAverage: number[]
  loadAverageEind: number[]
}

function verslag(v: Verslag): string {
  const l = v.landschap
  const a = l.aantallen
  const n = (k: string) => fmt(a[k] ?? 0, 0)
  const overzicht = v.uitkomsten.filter((u) => u.doel.overzicht)
  const overzichtMet = overzicht.every((u) => u.gemeten.tijden.p95 <= DOEL.overzichtP95Ms)
  const database = v.kind === 'pglite' ? 'embedded PGlite (WASM) in the server process, over its unix socket' : 'PostgreSQL (DATABASE_URL)'
  const paginaMet = v.pagina && typeof v.pagina.monitoring !== 'string' ? v.pagina.monitoring.inPagina.p95 <= DOEL.paginaMs : undefined
  return `## Monitoring at 10 000 controles (bench/monitoring.ts)

Latest run ${new Date().toISOString()} · ${machineDescription()}; load average ${v.loadAverage.map((x) => fmt(x, 2)).join(' / ')} at start, ${v.loadAverageEind.map((x) => fmt(x, 2)).join(' / ')} at the end · \`${commandLine()}\`

Dataset (generated by bench/monitoring-landschap.ts, seeded; written straight into the tables, then \`ANALYZE\`): ${n('organisatie')} organisaties, ${n('samenwerking')} samenwerkingen (5 gemeenten each, the first lid hosts 3 gastheerschappen with a level of 99.5 / 99 / 98 %), ${n('applicatie')} applicaties, ${n('koppeling')} koppelingen (${GROOTTE.koppelingenPerSamenwerking.join(', ')} per samenwerking), **${n('controle')} controles** (${GROOTTE.controlesPerKoppeling} per koppeling; http, tls, tcp, dns; interval 60, 120 or 300 s; about 2 % paused, 2 % with an open storing, 5 % failing, 1 % silent, the rest working), ${n('controle_toestand')} controle_toestand rows, ${n('storing')} storingen (the open ones and ${fmt(GROOTTE.geslotenStoringen, 0)} closed in the past month), **${n('meting_uur')} hourly roll-ups** (${GROOTTE.uren} hours per controle up to the current hour, 3600 / interval metingen each; ~3 % of hours lose 1–3, 0.2 % half in maintenance; made by \`generate_series\` in SQL), and ${n('meting')} raw metingen: 30 days at their interval for only the first ${GROOTTE.metRuweMetingen} controles with a 300 s interval (all 10 000 would be ~230 M rows). Written in ${fmt(l.seconden.registry)} s (registry and state), ${fmt(l.seconden.rollups)} s (roll-ups), ${fmt(l.seconden.metingen)} s (raw metingen), ANALYZE ${fmt(l.seconden.analyze)} s.

Server: \`regiekamer serve\` as its own process, \`MONITOR=uit\` (nothing probes; the data stays as generated), database: ${database}. Client: this process, one request at a time (no concurrency: each figure is one request's latency), ${WARMUP} untimed requests then ${AANTAL} timed ones per target, over loopback with an API token (\`Authorization: Bearer\`) of an admin unless the row says otherwise. Baseline: a bare Fastify route in this process returning a three-item JSON list, timed the same way. The overview's \`totaalAantal\` is cached per query until a registry write (so after the first request of a URL only its page, counts per state and 24-hour availability run); the search row asks a new term each time, so it also counts.

${tabel(v.basis, v.uitkomsten)}

Overview goal (p95 ≤ ${DOEL.overzichtP95Ms} ms on every overview row): **${overzichtMet ? 'met' : 'not met'}**.

### /monitoring in the browser

${
  v.pagina
    ? `Debian Chromium (headless, playwright-core, the flags of bench/ui.ts), signed in with a session cookie; ${PAGINA_LADINGEN} loads in new tabs after one untimed load (assets cached). "Usable" as in bench/ui.ts: until the overview's table shows its first row (\`main table tbody tr\`). *In page*: from the page's own navigation start; *wall*: from \`page.goto\`. The page: ${paginaVersie()}.

${paginaTabel(v.pagina.basis, v.pagina.monitoring)}

Page goal (usable ≤ ${DOEL.paginaMs} ms in page, p95): **${paginaMet === undefined ? 'not measured' : paginaMet ? 'met' : 'not met'}**.`
    : `Not measured in this run: ${v.webFout ?? 'no reason given'}.`
}
`
}

/** Which version of the page was measured: the web UI is built from the working tree. */
function paginaVersie(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim()
    const laatste = git(['log', '-1', '--format=%h (%cI)', '--', 'web/src/features/monitoring'])
    const gewijzigd = git(['status', '--porcelain', '--', 'web/src/features/monitoring']) !== ''
    return `web/src/features/monitoring as in the working tree: last commit ${laatste || 'none'}${gewijzigd ? ', with uncommitted changes' : ', no uncommitted changes'}`
  } catch {
    return 'web/src/features/monitoring: version unknown (no git)'
  }
}

// --- main ------------------------------------------------------------------------------

async function meetBrowser(origin: string, toegang: Toegang): Promise<{ basis: PaginaMeting; monitoring: PaginaMeting | string }> {
  const bare = Fastify()
  bare.get('/', async (_req, reply) =>
    reply.type('text/html').send('<!doctype html><html lang="nl"><title>Basis</title><h1>Regiekamer</h1></html>'),
  )
  const bareOrigin = await bare.listen({ host: '127.0.0.1', port: 0 })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const basis = await meetPagina(browser, [], bareOrigin, (p) => p.getByRole('heading').waitFor(), PAGINA_LADINGEN)
    const cookies = [{ name: SESSION_COOKIE, value: toegang.sessie, url: origin }]
    const rijZichtbaar = (p: import('playwright-core').Page) =>
      p.locator('main table tbody tr').first().waitFor({ state: 'visible', timeout: 20_000 })
    let monitoring: PaginaMeting | string
    try {
      monitoring = await meetPagina(browser, cookies, `${origin}/monitoring`, rijZichtbaar, PAGINA_LADINGEN)
    } catch (e) {
      monitoring = `the page showed no table row within 20 s (${(e as Error).message.split('\n')[0]})`
    }
    return { basis, monitoring }
  } finally {
    await browser.close()
    await bare.close()
  }
}

async function main(): Promise<number> {
  const loadAverage = os.loadavg()
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rk-bench-monitoring-'))
  let server: ChildProcess | undefined
  let gevuld = false
  let kind = 'pglite'
  try {
    // The web UI is built from the working tree; a build that fails leaves the page unmeasured, not the API.
    let webFout: string | undefined = process.env.BENCH_ZONDER_BROWSER ? 'BENCH_ZONDER_BROWSER is set' : undefined
    if (!webFout)
      await buildWeb({ quiet: true }).catch((e: Error) => {
        webFout = `the web build failed (${e.message.split('\n')[0]})`
      })
    const handle = await openDatabase(dataDir)
    kind = handle.kind
    let landschap: MonitoringLandschap
    let admin: Toegang
    let lezer: Toegang
    try {
      console.log(`Generating the monitoring landscape (${handle.kind})…`)
      gevuld = true
      landschap = await maakMonitoringLandschap(handle.db, Date.now())
      console.log(`  ${JSON.stringify(landschap.aantallen)}; ${JSON.stringify(landschap.seconden)}`)
      admin = await maakToegang(handle.db, { rol: 'admin' })
      lezer = await maakToegang(handle.db, { rol: 'lezer', organisatieId: landschap.gastheerId })
    } finally {
      // PGlite is one process's database: the server opens it after this one closes it.
      await handle.close()
    }
    const started = await startServer(dataDir)
    server = started.proces
    const origin = started.origin

    const bare = Fastify({ logger: false })
    const body = { resultaten: [1, 2, 3].map((n) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, naam: `Item ${n}` })) }
    bare.get('/items', async () => body)
    const bareOrigin = await bare.listen({ host: '127.0.0.1', port: 0 })
    const headers = { admin: { authorization: admin.bearer }, lezer: { authorization: lezer.bearer }, niemand: {} }
    let basis: Gemeten
    const uitkomsten: Uitkomst[] = []
    try {
      basis = await meetVerzoeken(`${bareOrigin}/items`, {}, AANTAL, WARMUP)
      console.log(`  bare route: p50 ${fmt(basis.tijden.p50, 2)} ms, p95 ${fmt(basis.tijden.p95, 2)} ms`)
      for (const doel of doelen(landschap)) {
        const pad = doel.pad
        const url = typeof pad === 'string' ? `${origin}${pad}` : (i: number) => `${origin}${pad(i)}`
        const gemeten = await meetVerzoeken(url, headers[doel.wie], AANTAL, WARMUP)
        uitkomsten.push({ doel, gemeten })
        const t = gemeten.tijden
        console.log(`  ${doel.naam}: p50 ${fmt(t.p50)} ms, p95 ${fmt(t.p95)} ms, p99 ${fmt(t.p99)} ms (first ${fmt(gemeten.eerste)} ms)`)
      }
    } finally {
      await bare.close()
    }
    const pagina = webFout ? undefined : await meetBrowser(origin, admin)
    if (pagina) {
      const m = pagina.monitoring
      console.log(
        `  page: baseline p50 ${fmt(pagina.basis.inPagina.p50, 0)} ms; /monitoring ${typeof m === 'string' ? m : `p50 ${fmt(m.inPagina.p50, 0)} ms, p95 ${fmt(m.inPagina.p95, 0)} ms`}`,
      )
    }
    const markdown = verslag({ kind, landschap, basis, uitkomsten, pagina, webFout, loadAverage, loadAverageEind: os.loadavg() })
    console.log(`\n${markdown}`)
    await writeResultsSection('monitoring', markdown)
    return 0
  } finally {
    if (server) await stopServer(server)
    if (gevuld && kind === 'postgresql') await opruimen(dataDir)
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
