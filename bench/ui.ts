import { spawn } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { chromium, type Page } from 'playwright-core'
// @ts-expect-error plain JavaScript module without types
import { buildWeb, initialJsBytes } from '../bin/build-web.js'
import { DEMO_WACHTWOORD } from '../src/io/demo-gebruikers.js'
import { machineDescription, writeResultsSection } from './results.js'

// How fast the dashboard is usable in a real browser (Debian Chromium) on localhost
// with the demo data: from navigation until the samenwerkingen with their figures are
// on screen. Baseline in the same run and browser: a static page with one heading from
// a bare Fastify server. The goal: usable within 1 s.

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const MARKER = 'Gastheerschappen Hilversum – Wijdemeren'

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN }
}

interface Loads {
  /** From page.goto until ready, as the test driver sees it (includes opening the tab). */
  wall: number[]
  /** From the page's own navigation start until ready: what a person waits after clicking. */
  inPage: number[]
}

async function timeLoads(newPage: () => Promise<Page>, url: string, ready: (page: Page) => Promise<unknown>): Promise<Loads> {
  const out: Loads = { wall: [], inPage: [] }
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage()
    const started = performance.now()
    await page.goto(url)
    await ready(page)
    out.wall.push(performance.now() - started)
    out.inPage.push(await page.evaluate(() => performance.now()))
    await page.close()
  }
  return out
}

async function main() {
  await buildWeb({ quiet: true })
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rk-bench-ui-'))
  // The server runs as its own process, as after `npm start` (demo data and demo users on
  // a fresh embedded database), so the browser driver does not share its event loop.
  const server = spawn(process.execPath, ['bin/regiekamer.js', 'serve', '--port', '0'], {
    env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const origin = await new Promise<string>((resolve, reject) => {
    let out = ''
    server.stdout?.on('data', (d) => {
      out += d
      const m = /\(API: (http:\/\/[^\s)]+)\/api\/v1\)/.exec(out)
      if (m?.[1]) resolve(m[1])
    })
    server.on('exit', (code) => reject(new Error(`server stopped (${code}):\n${out}`)))
  })
  const bare = Fastify()
  bare.get('/', async (_req, reply) =>
    reply.type('text/html').send('<!doctype html><html lang="nl"><title>Basis</title><h1>Regiekamer</h1></html>'),
  )
  const bareOrigin = await bare.listen({ host: '127.0.0.1', port: 0 })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
  try {
    const context = await browser.newContext()
    const login = await context.newPage()
    await login.goto(`${origin}/inloggen`)
    await login.getByLabel('Gebruikersnaam').fill('admin')
    await login.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD)
    await login.getByRole('button', { name: 'Inloggen' }).click()
    await login.waitForURL(`${origin}/`)
    await login.close()

    const dashboardReady = (page: Page) => page.getByText(MARKER).first().waitFor({ state: 'visible' })
    const baseline = await timeLoads(
      () => context.newPage(),
      bareOrigin,
      (p) => p.getByRole('heading').waitFor(),
    )
    const warm = await timeLoads(() => context.newPage(), `${origin}/`, dashboardReady)
    // A first visit: a new context has an empty cache but the same session cookie.
    const cookies = await context.cookies()
    const cold = await timeLoads(
      async () => {
        const c = await browser.newContext()
        await c.addCookies(cookies)
        return c.newPage()
      },
      `${origin}/`,
      dashboardReady,
    )
    const kb = (initialJsBytes() as number) / 1024
    const base = { wall: stats(baseline.wall), inPage: stats(baseline.inPage) }
    const row = (name: string, l: Loads) => {
      const w = stats(l.wall)
      const p = stats(l.inPage)
      return `| ${name} | ${p.median.toFixed(0)} | ${p.p95.toFixed(0)} | ${(p.median / base.inPage.median).toFixed(1)} | ${w.median.toFixed(0)} | ${w.p95.toFixed(0)} | ${(w.median / base.wall.median).toFixed(1)} |`
    }
    const met = stats(warm.inPage).p95 <= 1000 && stats(cold.inPage).p95 <= 1000
    const markdown = `## Dashboard in the browser (bench/ui.ts)

- Date: ${new Date().toISOString()}
- Machine: ${machineDescription()}
- Command: \`npm run bench:ui\` (${RUNS} page loads per row; \`BENCH_RUNS\` changes that)
- Browser: Debian Chromium, headless, via playwright-core; server and browser on loopback
- Server: \`regiekamer serve\` as its own process on a fresh embedded PGlite with the demo dataset (as after \`npm start\`); signed in as \`admin\`
- "Usable" = until the first samenwerking ("${MARKER}") is visible with its figures. *In page*: from the page's own navigation start (what a person waits after clicking); *wall*: from the driver's \`page.goto\`, which also includes opening a tab
- Initial JavaScript of a first visit: ${kb.toFixed(1)} KB gzipped (budget 300 KB)
- Goal: dashboard usable within 1 000 ms in page (p95)

| Load | in page, median (ms) | in page, p95 (ms) | ratio to baseline | wall, median (ms) | wall, p95 (ms) | ratio to baseline |
|---|--:|--:|--:|--:|--:|--:|
${row('baseline: static page with one heading, bare Fastify', baseline)}
${row('dashboard, assets cached', warm)}
${row('dashboard, first visit (empty cache)', cold)}

Goal met: **${met ? 'yes' : 'no'}**.
`
    console.log(markdown)
    await writeResultsSection('ui', markdown)
  } finally {
    await browser.close()
    await bare.close()
    server.kill('SIGTERM')
    await once(server, 'exit')
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}

await main()
