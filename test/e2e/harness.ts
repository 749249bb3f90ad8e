import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import type { MonitorConfig, OidcConfig } from '../../src/config.js'
import { seedDemo } from '../../src/io/demo.js'
import { DEMO_WACHTWOORD, seedDemoGebruikers } from '../../src/io/demo-gebruikers.js'
import { createServices } from '../../src/services/index.js'
import { startServer, type TestServer } from '../helpers/server.js'

// End-to-end tests: the real server on a free loopback port with its own fresh
// database (demo data and demo users), driven by Debian's Chromium through
// playwright-core. Never a downloaded browser.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = path.resolve('test/e2e/screenshots')
export { DEMO_WACHTWOORD }

export interface Ui {
  /** http://127.0.0.1:<port> — the UI's origin. */
  origin: string
  /** The API base (…/api/v1), for arranging data over HTTP. */
  api: string
  server: TestServer
  close(): Promise<void>
}

/** The server with the demo dataset and demo users, as a first `npm start` has it. */
export async function startUi(opts: { oidc?: OidcConfig; monitor?: MonitorConfig } = {}): Promise<Ui> {
  // monitor: link monitoring on (probes to a target the test starts need loopbackToegestaan).
  const server = await startServer({ publicUrl: 'http://127.0.0.1', oidc: opts.oidc, monitor: opts.monitor })
  const db = server.database.handle.db
  await seedDemo(createServices(db), cliActor('e2e'))
  await seedDemoGebruikers(db, cliActor('e2e'))
  const origin = server.base.replace(/\/api\/v1$/, '')
  return { origin, api: server.base, server, close: () => server.close() }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  })
}

export interface Tab {
  context: BrowserContext
  page: Page
  /** Console errors and uncaught exceptions seen so far (CSP violations show up here). */
  errors: string[]
}

/** A fresh browser context (own cookies) with one page, collecting errors. */
export async function openTab(
  browser: Browser,
  opts: { locale?: string; viewport?: { width: number; height: number }; timezoneId?: string } = {},
): Promise<Tab> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    locale: opts.locale ?? 'nl-NL',
    timezoneId: opts.timezoneId,
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    // A 401 from /_ik before signing in is how the UI learns nobody is signed in.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(`console: ${m.text()}`)
  })
  return { context, page, errors }
}

export async function login(page: Page, origin: string, gebruikersnaam: string, wachtwoord = DEMO_WACHTWOORD): Promise<void> {
  await page.goto(`${origin}/inloggen`)
  await page.getByLabel(/^(Gebruikersnaam|Username)/).fill(gebruikersnaam)
  await page.getByLabel(/^(Wachtwoord|Password)/).fill(wachtwoord)
  await page.getByRole('button', { name: /^(Inloggen|Sign in)$/ }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'))
}

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/**
 * axe-core's WCAG 2.1 A/AA rules on the current page. The script is evaluated
 * through the DevTools protocol, so the page's CSP (no inline scripts) stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }))
  })
}

/** Readable summary for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n')
}

/** Saves a full-page screenshot under test/e2e/screenshots/ for reviewers. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** Polls until the assertion holds: what the UI shows arrives after requests, so a test waits for it rather than reading once. */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 })

/** Fails with axe's findings when the page breaks a WCAG 2.1 A/AA rule; `wat` says which page. */
export async function expectAxeClean(page: Page, wat?: string): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations, wat ? `${wat}\n${describeViolations(violations)}` : describeViolations(violations)).toEqual([])
}

/** The page scrolls sideways when its content is wider than the window. */
export const geenHorizontaleScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)
