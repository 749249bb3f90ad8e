import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuthService } from '../../src/services/auth-service.js'
import { startServer, type TestServer } from '../helpers/server.js'
import { axeViolations, describeViolations, launchBrowser, login, openTab, screenshot, startUi, type Tab, type Ui } from './harness.js'

// Auditlog, user and role management, API tokens and first-admin setup in Chromium.
// Signing in is limited to 10 attempts a minute per client, so the admin signs in once
// and every other role at most once.

const WACHTWOORD_NIEUW = 'een-lang-wachtwoord-2026'

/** expect.poll with room for a busy machine (its default gives up after one second). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 })

async function expectNoAxeViolations(page: Page) {
  const violations = await axeViolations(page)
  expect(violations, describeViolations(violations)).toEqual([])
}

// Several pages, sign-ins and axe runs per test: more room than the default minute on a
// shared, busy machine.
describe('beheer and auditlog in Chromium', { timeout: 120_000 }, () => {
  let ui: Ui
  let browser: Browser
  let admin: Tab
  const api = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${ui.api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ui.server.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, etag: res.headers.get('etag') ?? undefined, body: (text ? JSON.parse(text) : null) as T }
  }
  const organisatieId = async (cbsCode: string) => {
    const r = await api<{ resultaten: { id: string; naam: string }[] }>('GET', `/organisaties?cbsCode=${cbsCode}`)
    const org = r.body.resultaten[0]
    if (!org) throw new Error(`no organisation ${cbsCode}`)
    return org
  }
  const maakGebruiker = async (gebruikersnaam: string, rollen: { rol: string; organisatieId?: string }[]) => {
    const r = await api<{ id: string }>('POST', '/gebruikers', { gebruikersnaam, naam: `E2E ${gebruikersnaam}`, rollen })
    expect(r.status).toBe(201)
    return r.body.id
  }

  beforeAll(async () => {
    ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
    admin = await openTab(browser)
    await login(admin.page, ui.origin, 'admin')
  })
  afterAll(async () => {
    await browser?.close()
    await ui?.close()
  })

  it('lets an admin create a user with a role, who can then sign in, and edit the roles', async () => {
    const heemstede = await organisatieId('GM0397')
    const wijdemeren = await organisatieId('GM1696')
    const { page } = admin
    await page.goto(`${ui.origin}/beheer/gebruikers`)
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gebruikers')
    await poll(() => page.getByRole('link', { name: 'beheerder-heemstede' }).count()).toBe(1)
    await page.getByLabel('Zoeken op naam, gebruikersnaam of e-mail').fill('hilversum')
    await poll(() => page.getByRole('link', { name: 'beheerder-heemstede' }).count()).toBe(0)
    await poll(() => page.getByRole('link', { name: 'regisseur-hilversum' }).count()).toBe(1)
    await page.getByLabel('Zoeken op naam, gebruikersnaam of e-mail').fill('')
    await expectNoAxeViolations(page)
    await screenshot(page, 'beheer-gebruikers')

    await page.getByRole('link', { name: 'Nieuwe gebruiker' }).click()
    await page.waitForURL(/\/beheer\/gebruikers\/nieuw$/)
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click()
    // Invalid input: every message at once, in a summary and next to the field.
    await poll(() => page.getByRole('alert').textContent()).toContain('Gebruikersnaam')
    expect(await page.getByLabel('Volledige naam').getAttribute('aria-invalid')).toBe('true')
    await expectNoAxeViolations(page)

    await page.getByLabel('Gebruikersnaam').fill('e2e-jan')
    await page.getByLabel('Volledige naam').fill('Jan Janssen (e2e)')
    await page.getByLabel('E-mailadres').fill('jan@example.org')
    await page.getByLabel('Eerste wachtwoord').fill(WACHTWOORD_NIEUW)
    const rol1 = page.getByRole('group', { name: 'Rol 1' })
    await rol1.getByLabel('Rol', { exact: true }).selectOption('beheerder')
    await rol1.getByLabel('Organisatie').selectOption(heemstede.id)
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click()
    await page.waitForURL(/\/beheer\/gebruikers\/[0-9a-f-]{36}$/)
    await poll(() => page.getByRole('status').filter({ hasText: 'De gebruiker is aangemaakt.' }).count()).toBe(1)
    const id = new URL(page.url()).pathname.split('/').pop() as string
    await expectNoAxeViolations(page)
    await screenshot(page, 'beheer-gebruiker')

    const jan = await openTab(browser)
    await login(jan.page, ui.origin, 'e2e-jan', WACHTWOORD_NIEUW)
    await poll(() => jan.page.getByText('Ingelogd als Jan Janssen (e2e)').count()).toBe(1)
    await jan.context.close()

    await page.getByRole('button', { name: 'Rol toevoegen' }).click()
    const rol2 = page.getByRole('group', { name: 'Rol 2' })
    await rol2.getByLabel('Rol', { exact: true }).selectOption('lezer')
    await rol2.getByLabel('Organisatie').selectOption(wijdemeren.id)
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await poll(() => page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' }).count()).toBe(1)
    const stored = await api<{ rollen: { rol: string; organisatieId?: string }[] }>('GET', `/gebruikers/${id}`)
    expect(stored.body.rollen).toEqual(
      expect.arrayContaining([
        { rol: 'beheerder', organisatieId: heemstede.id },
        { rol: 'lezer', organisatieId: wijdemeren.id },
      ]),
    )
    expect(stored.body.rollen).toHaveLength(2)
  })

  it('keeps what was typed when someone else saved the user meanwhile (412)', async () => {
    const heemstede = await organisatieId('GM0397')
    const id = await maakGebruiker('e2e-conflict', [{ rol: 'lezer', organisatieId: heemstede.id }])
    const { page } = admin
    await page.goto(`${ui.origin}/beheer/gebruikers/${id}`)
    await page.getByLabel('Volledige naam').fill('Getypt in de UI')
    expect((await api('PATCH', `/gebruikers/${id}`, { naam: 'Intussen via de API' })).status).toBe(200)

    await page.getByRole('button', { name: 'Opslaan' }).click()
    await poll(() => page.getByRole('heading', { name: 'Iemand anders heeft dit intussen gewijzigd' }).count()).toBe(1)
    expect(await page.getByLabel('Volledige naam').inputValue()).toBe('Getypt in de UI')
    // Both changed the name: the comparison shows the stored one and keeps the typed one by default.
    const rij = page.locator('tr[data-veld="naam"]')
    expect(await rij.getByText('Intussen via de API').count()).toBe(1)
    expect(await rij.getByRole('radio', { name: 'Mijn waarde' }).isChecked()).toBe(true)
    expect((await api<{ naam: string }>('GET', `/gebruikers/${id}`)).body.naam).toBe('Intussen via de API')
    await expectNoAxeViolations(page)

    // Having seen the current version, saving again goes through.
    await page.getByRole('button', { name: 'Opslaan met deze keuzes' }).click()
    await poll(() => page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' }).count()).toBe(1)
    expect((await api<{ naam: string }>('GET', `/gebruikers/${id}`)).body.naam).toBe('Getypt in de UI')
  })

  it('shows an auditor the before/after difference of an earlier change', async () => {
    const heemstede = await organisatieId('GM0397')
    const current = await api('GET', `/organisaties/${heemstede.id}`)
    const patched = await api(
      'PATCH',
      `/organisaties/${heemstede.id}`,
      { toelichting: 'Toelichting gewijzigd door de e2e-test', inwoners: [{ jaar: 2026, aantal: 27_000, bron: 'e2e' }] },
      { 'if-match': current.etag as string, 'content-type': 'application/merge-patch+json' },
    )
    expect(patched.status).toBe(200)

    const { page, context } = await openTab(browser)
    await login(page, ui.origin, 'auditor-rekenkamer')
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditlog' }).click()
    await page.waitForURL(/\/auditlog$/)
    await poll(() => page.getByRole('table').count()).toBeGreaterThan(0)

    await page.getByLabel('Object-id').fill(heemstede.id)
    await page.getByLabel('Actie').selectOption('wijzigen')
    await page.getByRole('button', { name: 'Filteren', exact: true }).click()
    await page.waitForURL(/objectId=/)
    const tabel = page.getByRole('table', { name: /Auditregels/ })
    await poll(() => tabel.getByRole('row').count()).toBe(2)
    // The object still exists and the auditor may open it: a link by its name.
    await poll(() => tabel.getByRole('link', { name: heemstede.naam }).count()).toBe(1)
    await tabel.getByRole('button', { name: /Toon verschil/ }).click()
    const diff = page.getByRole('table', { name: /Gewijzigde velden van regel/ })
    await poll(() => diff.count()).toBe(1)
    // Each field by its label, each value as a person reads it (issue 20).
    const rij = diff.getByRole('row', { name: /^Toelichting/ })
    expect(await rij.textContent()).toContain('Toelichting gewijzigd door de e2e-test')
    expect(await diff.getByRole('row', { name: /^Inwonertallen/ }).textContent()).toContain('Aantal inwoners: 27.000')
    // Unchanged fields are not listed.
    expect(await diff.getByRole('rowheader', { name: 'Naam', exact: true }).count()).toBe(0)
    expect(await tabel.getByRole('button', { name: /Verberg verschil/ }).getAttribute('aria-expanded')).toBe('true')
    await expectNoAxeViolations(page)
    await screenshot(page, 'auditlog')
    await context.close()
  })

  it('shows an admin sign-ins and user changes in the auditlog', async () => {
    const { page } = admin
    await page.goto(`${ui.origin}/auditlog?actie=inloggen`)
    const tabel = page.getByRole('table', { name: /Auditregels/ })
    await poll(() => tabel.getByRole('row').count()).toBeGreaterThan(1)
    // The action as something that happened; a refused one would say so.
    expect(await tabel.getByRole('cell', { name: 'Ingelogd', exact: true }).count()).toBeGreaterThan(0)
    await expectNoAxeViolations(page)
  })

  it('tells a lezer there is no access to the auditlog and user management', async () => {
    const { page, context, errors } = await openTab(browser)
    await login(page, ui.origin, 'lezer-wijdemeren')
    await page.goto(`${ui.origin}/auditlog`)
    await poll(() => page.getByText('U heeft geen toegang tot deze pagina.').count()).toBe(1)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Auditlog')
    expect(await page.getByRole('table').count()).toBe(0)
    await expectNoAxeViolations(page)
    await page.goto(`${ui.origin}/beheer/gebruikers`)
    await poll(() => page.getByText('Alleen een admin mag gebruikers en rollen beheren.').count()).toBe(1)
    expect(await page.getByRole('table').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('creates an API token, shows its secret once, and revokes it', async () => {
    const { page, context, errors } = await openTab(browser)
    await login(page, ui.origin, 'beheerder-hilversum')
    await page.goto(`${ui.origin}/beheer/api-tokens`)
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('API-tokens')
    // Scope beheer is for admins only.
    expect(await page.getByRole('checkbox', { name: /^Beheer/ }).count()).toBe(0)
    await expectNoAxeViolations(page)

    await page.getByLabel('Naam', { exact: true }).fill('e2e-script')
    await page.getByRole('checkbox', { name: /^Schrijven/ }).check()
    await page.getByRole('button', { name: 'Token aanmaken' }).click()
    await poll(() => page.getByRole('heading', { name: 'Kopieer het token nu' }).count()).toBe(1)
    const geheim = await page.getByLabel('Het token “e2e-script”').inputValue()
    expect(geheim.length).toBeGreaterThan(20)
    const metToken = await fetch(`${ui.api}/_ik`, { headers: { authorization: `Bearer ${geheim}` } })
    expect(metToken.status).toBe(200)
    await poll(() => page.getByRole('row', { name: /e2e-script/ }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await screenshot(page, 'beheer-api-tokens')

    await page.getByRole('button', { name: 'Ik heb het token bewaard' }).click()
    expect(await page.getByLabel('Het token “e2e-script”').count()).toBe(0)
    await page.reload()
    await poll(() => page.getByRole('row', { name: /e2e-script/ }).count()).toBe(1)
    expect(await page.content()).not.toContain(geheim)

    await page.getByRole('button', { name: 'Token “e2e-script” intrekken' }).click()
    await poll(() => page.getByRole('heading', { name: 'Token intrekken?' }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Ja, intrekken' }).click()
    await poll(() => page.getByRole('status').filter({ hasText: 'Het token “e2e-script” is ingetrokken.' }).count()).toBe(1)
    await poll(() => page.getByRole('row', { name: /e2e-script/ }).textContent()).toContain('Ingetrokken op')
    expect(await page.getByRole('button', { name: 'Token “e2e-script” intrekken' }).count()).toBe(0)
    const naIntrekken = await fetch(`${ui.api}/_ik`, { headers: { authorization: `Bearer ${geheim}` } })
    expect(naIntrekken.status).toBe(401)
    expect(errors).toEqual([])
    await context.close()
  })

  it("lets an admin revoke another user's API token on that user's page", async () => {
    const heemstede = await organisatieId('GM0397')
    const id = await maakGebruiker('e2e-scripter', [{ rol: 'lezer', organisatieId: heemstede.id }])
    const auth = new AuthService(ui.server.database.handle.db, { idleMinuten: 30, maxUren: 12 })
    const caller = { gebruikerId: id, gebruikersnaam: 'e2e-scripter', rollen: [], scopes: 'alle' as const, via: 'sessie' as const }
    const verlooptOp = new Date(Date.now() + 86_400_000)
    const { token: geheim } = await auth.createToken(caller, 'e2e', { naam: 'nachtelijke-export', scopes: ['lezen'], verlooptOp })
    await auth.createToken(caller, 'e2e', { naam: 'dashboard-koppeling', scopes: ['lezen'], verlooptOp })

    const { page } = admin
    await page.goto(`${ui.origin}/beheer/gebruikers/${id}`)
    await poll(() => page.getByRole('heading', { level: 2, name: 'API-tokens van deze gebruiker' }).count()).toBe(1)
    await poll(() => page.getByRole('row', { name: /nachtelijke-export/ }).count()).toBe(1)
    expect(await page.getByRole('table', { name: 'API-tokens van E2E e2e-scripter' }).count()).toBe(1)
    expect(await page.content()).not.toContain(geheim)
    await page.getByRole('button', { name: 'Token “nachtelijke-export” intrekken' }).click()
    await poll(() => page.getByRole('heading', { level: 3, name: 'Token intrekken?' }).count()).toBe(1)
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Ja, intrekken' }).click()
    await poll(() => page.getByRole('status').filter({ hasText: 'Het token “nachtelijke-export” is ingetrokken.' }).count()).toBe(1)
    await poll(() => page.getByRole('row', { name: /nachtelijke-export/ }).textContent()).toContain('Ingetrokken op')
    expect((await fetch(`${ui.api}/_ik`, { headers: { authorization: `Bearer ${geheim}` } })).status).toBe(401)
    // The other token is untouched until the user loses access: a new password revokes it too.
    expect(await page.getByRole('row', { name: /dashboard-koppeling/ }).textContent()).toContain('Geldig')
    await page.getByLabel('Nieuw wachtwoord').fill('een-heel-nieuw-wachtwoord')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await poll(() => page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' }).count()).toBe(1)
    await poll(() => page.getByRole('row', { name: /dashboard-koppeling/ }).textContent()).toContain('Ingetrokken op')
    await expectNoAxeViolations(page)
  })
})

describe('first-admin setup in Chromium', { timeout: 120_000 }, () => {
  let server: TestServer
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer({ publicUrl: 'http://127.0.0.1' }), launchBrowser()])
    // startServer makes a test admin straight in the database; the setup link only
    // works on an installation without users, as after a first start.
    await server.database.handle.db.deleteFrom('gebruiker').execute()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('creates the first admin with the token from the link, signs in, and keeps that admin', async () => {
    const token = await new AuthService(server.database.handle.db, { idleMinuten: 30, maxUren: 12 }).createSetupLink()
    const origin = server.base.replace(/\/api\/v1$/, '')
    const { page, context, errors } = await openTab(browser)
    await page.goto(`${origin}/setup#token=${token}`)
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Eerste beheerder aanmaken')
    // The secret is taken from the fragment and removed from the address bar.
    expect(new URL(page.url()).hash).toBe('')
    expect(await page.getByLabel('Setup-token').inputValue()).toBe(token)
    await page.getByLabel('Gebruikersnaam').fill('eerste-admin')
    await page.getByLabel('Volledige naam').fill('Eerste Admin')
    await page.getByLabel('Wachtwoord', { exact: true }).fill(WACHTWOORD_NIEUW)
    await page.getByLabel('Herhaal het wachtwoord').fill(`${WACHTWOORD_NIEUW}x`)
    await page.getByRole('button', { name: 'Beheerder aanmaken' }).click()
    await poll(() => page.getByText('De wachtwoorden zijn niet gelijk.').count()).toBe(1)
    await page.getByLabel('Wachtwoord', { exact: true }).fill(WACHTWOORD_NIEUW)
    await page.getByLabel('Herhaal het wachtwoord').fill(WACHTWOORD_NIEUW)
    await expectNoAxeViolations(page)
    await screenshot(page, 'setup')
    await page.getByRole('button', { name: 'Beheerder aanmaken' }).click()
    await page.waitForURL(`${origin}/`)
    await poll(() => page.getByText('Ingelogd als Eerste Admin').count()).toBe(1)

    // The only admin cannot block themself: the API's 409, said plainly.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click()
    await page.getByRole('link', { name: 'eerste-admin' }).click()
    await page.getByLabel('Actief: mag inloggen').uncheck()
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await poll(() => page.getByRole('alert').filter({ hasText: 'Er moet een actieve admin overblijven' }).count()).toBe(1)
    await expectNoAxeViolations(page)

    // A used link does not work twice.
    const again = await fetch(`${server.base}/_setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, gebruikersnaam: 'tweede', naam: 'Tweede', wachtwoord: WACHTWOORD_NIEUW }),
    })
    expect(again.status).toBe(403)
    // The refused save shows up as a failed request in the console; nothing else may.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([])
    await context.close()
  })
})
