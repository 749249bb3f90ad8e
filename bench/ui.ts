import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { chromium, type Page } from 'playwright-core'
// @ts-expect-error plain JavaScript module without types
import { buildWeb, initialJsBytes } from '../bin/build-web.js'
import { buildApp } from '../src/api/app.js'
import { cliActor } from '../src/cli/actor.js'
import { seedDemo } from '../src/io/demo.js'
import { DEMO_WACHTWOORD, seedDemoGebruikers } from '../src/io/demo-gebruikers.js'
import { openMigrated } from '../src/runtime.js'
import { createServices } from '../src/services/index.js'
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

async function timeLoads(newPage: () => Promise<Page>, url: string, ready: (page: Page) => Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage()
    const started = performance.now()
    await page.goto(url)
    await ready(page)
    out.push(performance.now() - started)
    await page.close()
  }
  return out
}

async function main() {
  await buildWeb({ quiet: true })
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rk-bench-ui-'))
  const { handle } = await openMigrated({ dataDir, databaseUrl: undefined })
  await seedDemo(createServices(handle.db), cliActor('bench'))
  await seedDemoGebruikers(handle.db, cliActor('bench'))
  const app = await buildApp({
    config: { bodyLimitBytes: 1024 * 1024, publicUrl: 'http://127.0.0.1', logLevel: 'silent', rateLimitPerMinute: 1_000_000 },
    database: handle,
    logger: false,
  })
  const origin = await app.listen({ host: '127.0.0.1', port: 0 })
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
    const baseline = stats(
      await timeLoads(
        () => context.newPage(),
        bareOrigin,
        (p) => p.getByRole('heading').waitFor(),
      ),
    )
    const warm = stats(await timeLoads(() => context.newPage(), `${origin}/`, dashboardReady))
    // A first visit: a new context has an empty cache but the same session cookie.
    const cookies = await context.cookies()
    const cold = stats(
      await timeLoads(
        async () => {
          const c = await browser.newContext()
          await c.addCookies(cookies)
          return c.newPage()
        },
        `${origin}/`,
        dashboardReady,
      ),
    )
    const kb = (initialJsBytes() as number) / 1024
    const row = (name: string, s: ReturnType<typeof stats>) =>
      `| ${name} | ${s.median.toFixed(0)} | ${s.p95.toFixed(0)} | ${s.max.toFixed(0)} | ${(s.median / baseline.median).toFixed(1)} |`
    const markdown = `## Dashboard in the browser (bench/ui.ts)

- Date: ${new Date().toISOString()}
- Machine: ${machineDescription()}
- Command: \`npm run bench:ui\` (${RUNS} page loads per row; \`BENCH_RUNS\` changes that)
- Browser: Debian Chromium, headless, via playwright-core; server and browser on loopback
- Data: the demo dataset on embedded PGlite, signed in as \`admin\`
- "Usable" = from \`page.goto\` until the first samenwerking ("${MARKER}") is visible with its figures
- Initial JavaScript of a first visit: ${kb.toFixed(1)} KB gzipped (budget 300 KB)
- Goal: dashboard usable within 1 000 ms (median and p95)

| Load | median (ms) | p95 (ms) | max (ms) | ratio to baseline (median) |
|---|--:|--:|--:|--:|
${row('baseline: static page with one heading, bare Fastify', baseline)}
${row('dashboard, assets cached', warm)}
${row('dashboard, first visit (empty cache)', cold)}

Goal met: **${warm.p95 <= 1000 && cold.p95 <= 1000 ? 'yes' : 'no'}**.
`
    console.log(markdown)
    await writeResultsSection('ui', markdown)
  } finally {
    await browser.close()
    await bare.close()
    await app.close()
    await handle.close()
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}

await main()
