import type { Browser, BrowserContext, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, describeViolations, launchBrowser, login, openTab, screenshot, startUi, type Ui } from './harness.js'

/** Every API request of the page (the sign-out's path may change; its method does not). */
const API_ROUTES = '**/api/v1/**'

/** The browser's cookies as a Cookie header, to ask the API with that session outside the page. */
async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
}

/** What GET /_ik answers for a session right now. */
async function ikStatus(ui: Ui, cookie: string): Promise<number> {
  const res = await fetch(`${ui.api}/_ik`, { headers: { cookie } })
  await res.body?.cancel()
  return res.status
}

describe('shell and sign-in in Chromium', () => {
  let ui: Ui
  let browser: Browser
  beforeAll(async () => {
    ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await ui?.close()
  })

  it('sends an anonymous visitor to the login page, which passes axe', async () => {
    const { page, errors, context } = await openTab(browser)
    await page.goto(`${ui.origin}/koppelingen`)
    await page.waitForURL(/\/inloggen\?terug=%2Fkoppelingen/)
    await expect.poll(() => page.title()).toBe('Inloggen — Regiekamer')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen')
    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await screenshot(page, 'inloggen')
    expect(errors).toEqual([])
    await context.close()
  })

  it('rejects a wrong password with a message and keeps the person on the login page', async () => {
    const { page, context } = await openTab(browser)
    await page.goto(`${ui.origin}/inloggen`)
    await page.getByLabel('Gebruikersnaam').fill('admin')
    await page.getByLabel('Wachtwoord').fill('fout-wachtwoord')
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0)
    expect(new URL(page.url()).pathname).toBe('/inloggen')
    await context.close()
  })

  it('signs in, returns to the page asked for, switches language and signs out', async () => {
    const { page, errors, context } = await openTab(browser)
    await page.goto(`${ui.origin}/koppelingen`)
    await page.waitForURL(/\/inloggen/)
    await page.getByLabel('Gebruikersnaam').fill('beheerder-hilversum')
    await page.getByLabel('Wachtwoord').fill('regiekamer-demo')
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.waitForURL(`${ui.origin}/koppelingen`)
    await expect.poll(() => page.getByText('Ingelogd als').count()).toBe(1)

    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    await expect.poll(() => page.getByRole('navigation', { name: 'Main menu' }).count()).toBe(1)
    await page.reload()
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nl')

    // On a slow connection the sign-out request takes a while. The page may say "U bent
    // uitgelogd" only once the server has ended the session: a person who leaves then
    // must leave no session behind.
    const oudeSessie = await cookieHeader(context)
    expect(await ikStatus(ui, oudeSessie)).toBe(200)
    await page.route(API_ROUTES, async (route) => {
      if (route.request().method() !== 'DELETE') return route.fallback()
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await route.fallback()
    })
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    const bezig = page.getByRole('button', { name: 'Bezig met uitloggen…' })
    await bezig.waitFor()
    expect(await bezig.isDisabled()).toBe(true)
    await page.getByText('U bent uitgelogd.').waitFor()
    expect(await ikStatus(ui, oudeSessie)).toBe(401)
    expect(new URL(page.url()).search).toBe('?uitgelogd=1')
    await page.goto(`${ui.origin}/`)
    await page.waitForURL(/\/inloggen/)
    expect(errors).toEqual([])
    await context.close()
  })

  it.each([
    [
      'the server answers 500',
      (route: Route) =>
        route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"title":"Interne fout","status":500}' }),
    ],
    ['the connection drops', (route: Route) => route.abort('connectionreset')],
  ])('says so when signing out fails because %s, and does not claim the person is signed out', async (_, fail) => {
    const { page, context } = await openTab(browser)
    await login(page, ui.origin, 'beheerder-hilversum')
    const sessie = await cookieHeader(context)
    await page.route(API_ROUTES, (route) => (route.request().method() === 'DELETE' ? fail(route) : route.fallback()))
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    const fout = page.getByRole('alert').filter({ hasText: 'U bent niet uitgelogd' })
    await fout.waitFor()
    expect(await fout.textContent()).toContain('Uw sessie is mogelijk nog actief')
    expect(await page.getByText('U bent uitgelogd.').count()).toBe(0)
    expect(new URL(page.url()).pathname).toBe('/')
    expect(await page.getByRole('button', { name: 'Uitloggen' }).isEnabled()).toBe(true)
    // The focus goes back to the button (disabled while busy), so trying again is one key away.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Uitloggen')
    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    expect(await ikStatus(ui, sessie)).toBe(200)

    // Once the connection works again, trying again signs the person out.
    await page.unroute(API_ROUTES)
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await page.getByText('U bent uitgelogd.').waitFor()
    expect(await ikStatus(ui, sessie)).toBe(401)
    await context.close()
  })

  it('serves the UI under its own CSP and keeps the API locked down', async () => {
    const page = await fetch(`${ui.origin}/samenwerkingen/iets`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await page.text()).toContain('<div id="root">')
    const api = await fetch(`${ui.api}/openapi.json`)
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'")
    const unknown = await fetch(`${ui.origin}/bestaat-niet`)
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toContain('application/problem+json')
  })

  it('shows a lezer only what a lezer may open', async () => {
    const { page, context } = await openTab(browser)
    await login(page, ui.origin, 'lezer-wijdemeren')
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })
    await expect.poll(() => nav.getByRole('link', { name: 'Koppelingen' }).count()).toBe(1)
    expect(await nav.getByRole('link', { name: 'Auditlog' }).count()).toBe(0)
    expect(await nav.getByRole('link', { name: 'Gebruikers' }).count()).toBe(0)
    await context.close()
  })
})

describe('sign-in with OpenID Connect in Chromium', () => {
  it('offers the organisation account on the login page when OIDC is configured', async () => {
    // Discovery happens only when someone starts signing in, so an unreachable issuer is fine here.
    const ui = await startUi({
      oidc: {
        issuer: 'http://127.0.0.1:9/',
        clientId: 'regiekamer',
        clientSecret: undefined,
        scopes: 'openid',
        rollenClaim: 'rollen',
        rolmapping: {},
      },
    })
    const browser = await launchBrowser()
    try {
      const { page, errors } = await openTab(browser)
      await page.goto(`${ui.origin}/inloggen`)
      const link = page.getByRole('link', { name: 'Inloggen met OpenID Connect' })
      await expect.poll(() => link.count()).toBe(1)
      expect(await link.getAttribute('href')).toBe('/api/v1/oidc/inloggen')
      const violations = await axeViolations(page)
      expect(violations, describeViolations(violations)).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await browser.close()
      await ui.close()
    }
  })
})
