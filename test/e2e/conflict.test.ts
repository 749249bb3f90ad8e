import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login as apiLogin, nextClientIp, type Session, send } from '../helpers/toegang.js'
import { DEMO_WACHTWOORD, expectAxeClean, launchBrowser, login, openTab, poll, screenshot, startUi, type Ui } from './harness.js'

// An edit conflict as two people meet it: someone opens a form, someone else saves the
// same object in between, and the first one saves. The 412 must not silently overwrite
// the other person's work: the comparison shows both versions field by field (who saved,
// when, amounts in euros), a field the person left alone keeps the other person's value
// unless the person chooses their own, and saving then goes against the current version.

describe('the edit-conflict comparison', () => {
  let ui: Ui
  let browser: Browser
  let admin: Session
  const alsAdmin = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    send<T>(ui.api, method, path, { session: admin, body, headers })

  beforeAll(async () => {
    ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
    admin = await apiLogin(ui.api, 'admin', DEMO_WACHTWOORD, nextClientIp())
  })
  afterAll(async () => {
    await browser?.close()
    await ui?.close()
  })

  it('keeps the other person’s Toelichting of an organisatie by default, and the person’s own change', async () => {
    // A supplier is kept by the organisation whose beheerder registered it.
    const collega = await apiLogin(ui.api, 'beheerder-hilversum', DEMO_WACHTWOORD, nextClientIp())
    const made = await send<{ id: string; revisie: number }>(ui.api, 'POST', '/organisaties', {
      session: collega,
      body: { type: 'leverancier', naam: 'Leverancier (conflict)', toelichting: 'Oorspronkelijke toelichting' },
    })
    expect(made.status).toBe(201)
    const id = made.body.id
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'admin')
    await page.goto(`${ui.origin}/organisaties/${id}/bewerken`)
    const naam = page.getByLabel(/^Naam/)
    await poll(() => naam.inputValue()).toBe('Leverancier (conflict)')

    // Someone else saves a new Toelichting in between.
    const tussendoor = await send(ui.api, 'PATCH', `/organisaties/${id}`, {
      session: collega,
      body: { toelichting: 'Toelichting van een collega' },
      headers: { 'content-type': 'application/merge-patch+json', 'if-match': `"${made.body.revisie}"` },
    })
    expect(tussendoor.status).toBe(200)

    await naam.fill('Leverancier (mijn naam)')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const vergelijking = page.getByRole('table', { name: 'Uw versie naast de opgeslagen versie, veld voor veld' })
    await vergelijking.waitFor()
    // Who saved, and when (Europe/Amsterdam), above the stored values.
    expect(await vergelijking.getByRole('columnheader').nth(2).textContent()).toMatch(
      /^Opgeslagen waarde door Informatiemanager Hilversum \(demo\) om \d{1,2} \w+ \d{4} om \d{2}:\d{2}$/,
    )
    await poll(() => page.getByText(/^Opgeslagen door Informatiemanager Hilversum \(demo\) om .* \(revisie 2\)\./).count()).toBe(1)

    // Differing rows say so in words; the equal ones are not offered a choice.
    const toelichting = vergelijking.locator('tr[data-veld="toelichting"]')
    expect(await toelichting.textContent()).toContain('Verschilt (door de ander gewijzigd)')
    expect(await toelichting.getByRole('cell').nth(0).textContent()).toBe('Oorspronkelijke toelichting')
    expect(await toelichting.getByRole('cell').nth(1).textContent()).toBe('Toelichting van een collega')
    expect(await toelichting.getByRole('radio', { name: 'Andere waarde' }).isChecked()).toBe(true)
    const naamRij = vergelijking.locator('tr[data-veld="naam"]')
    expect(await naamRij.textContent()).toContain('Verschilt (door u gewijzigd)')
    expect(await naamRij.getByRole('radio', { name: 'Mijn waarde' }).isChecked()).toBe(true)
    expect(await vergelijking.locator('tr[data-veld="type"]').getByRole('radio').count()).toBe(0)
    expect(await vergelijking.locator('tr[data-verschilt="true"]').count()).toBe(2)
    // The form holds the choices: the colleague's Toelichting, the person's own name.
    expect(await page.getByLabel('Toelichting').inputValue()).toBe('Toelichting van een collega')
    expect(await naam.inputValue()).toBe('Leverancier (mijn naam)')
    await expectAxeClean(page)
    await screenshot(page, 'conflict-organisatie')

    await page.getByRole('button', { name: 'Opslaan met deze keuzes' }).click()
    await page.waitForURL(`${ui.origin}/organisaties/${id}`)
    const nu = await alsAdmin<{ naam: string; toelichting: string; revisie: number }>('GET', `/organisaties/${id}`)
    expect(nu.body).toMatchObject({ naam: 'Leverancier (mijn naam)', toelichting: 'Toelichting van een collega', revisie: 3 })
    // The 412 itself is what the test provokes; nothing else may go wrong.
    expect(errors.filter((e) => !/status of 412/.test(e))).toEqual([])
    await context.close()
  })

  it('on a kostenpost: amounts in euros, and the person may keep their own Toelichting', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    const regisseur = await apiLogin(ui.api, 'regisseur-hilversum', DEMO_WACHTWOORD, nextClientIp())
    const lijst = await send<{ resultaten: { id: string }[] }>(ui.api, 'GET', '/kostenposten?paginaGrootte=1', { session: regisseur })
    const id = lijst.body.resultaten[0]?.id as string
    const start = await alsAdmin<{ omschrijving: string; toelichting?: string; revisie: number }>('GET', `/kostenposten/${id}`)
    await page.goto(`${ui.origin}/kostenposten/${id}/bewerken`)
    const omschrijving = page.getByLabel(/^Omschrijving/)
    await poll(() => omschrijving.inputValue()).toBe(start.body.omschrijving)

    const tussendoor = await alsAdmin(
      'PATCH',
      `/kostenposten/${id}`,
      { toelichting: 'Toelichting van de controller', begroting: 1_234_567 },
      { 'content-type': 'application/merge-patch+json', 'if-match': `"${start.body.revisie}"` },
    )
    expect(tussendoor.status).toBe(200)

    await omschrijving.fill('Mijn omschrijving')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const vergelijking = page.getByRole('table', { name: 'Uw versie naast de opgeslagen versie, veld voor veld' })
    await vergelijking.waitFor()
    expect(await vergelijking.getByRole('columnheader').nth(2).textContent()).toMatch(/^Opgeslagen waarde door Demo-admin om /)
    const begroting = vergelijking.locator('tr[data-veld="begroting"]')
    expect((await begroting.getByRole('cell').nth(1).textContent())?.replace(/\s/g, ' ')).toBe('€ 12.345,67')
    expect(await begroting.getByRole('radio', { name: 'Andere waarde' }).isChecked()).toBe(true)
    const toelichting = vergelijking.locator('tr[data-veld="toelichting"]')
    expect(await toelichting.getByRole('radio', { name: 'Andere waarde' }).isChecked()).toBe(true)
    // The person chooses their own (the unchanged) Toelichting after all.
    await toelichting.getByRole('radio', { name: 'Mijn waarde' }).check()
    expect(await page.getByLabel(/^Toelichting/).inputValue()).toBe(start.body.toelichting ?? '')
    await expectAxeClean(page)
    await screenshot(page, 'conflict-kostenpost')

    await page.getByRole('button', { name: 'Opslaan met deze keuzes' }).click()
    await page.waitForURL(`${ui.origin}/kostenposten/${id}`)
    const nu = await alsAdmin<{ omschrijving: string; toelichting?: string; begroting: number; revisie: number }>(
      'GET',
      `/kostenposten/${id}`,
    )
    expect(nu.body.omschrijving).toBe('Mijn omschrijving')
    expect(nu.body.toelichting).toBe(start.body.toelichting)
    expect(nu.body.begroting).toBe(1_234_567)
    expect(nu.body.revisie).toBe(start.body.revisie + 2)
    // The 412 itself is what the test provokes; nothing else may go wrong.
    expect(errors.filter((e) => !/status of 412/.test(e))).toEqual([])
    await context.close()
  })

  it('on a business case: the other person’s Toelichting and joint costs (in euros) are kept, the own name too', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'admin')
    const lijst = await alsAdmin<{ resultaten: { id: string; naam: string }[] }>('GET', '/scenarios?paginaGrootte=1')
    const id = lijst.body.resultaten[0]?.id as string
    const start = await alsAdmin<{ naam: string; toelichting?: string; revisie: number; invoer: { gezamenlijk: { jaarlijks: number } } }>(
      'GET',
      `/scenarios/${id}`,
    )
    await page.goto(`${ui.origin}/scenarios/${id}/bewerken`)
    const naam = page.getByLabel('Naam', { exact: true })
    await poll(() => naam.inputValue()).toBe(start.body.naam)

    const collega = await apiLogin(ui.api, 'regisseur-hilversum', DEMO_WACHTWOORD, nextClientIp())
    const invoer = { ...start.body.invoer, gezamenlijk: { ...start.body.invoer.gezamenlijk, jaarlijks: 4_321_000 } }
    const tussendoor = await send(ui.api, 'PATCH', `/scenarios/${id}`, {
      session: collega,
      body: { toelichting: 'Aangepast door de regisseur', invoer },
      headers: { 'content-type': 'application/merge-patch+json', 'if-match': `"${start.body.revisie}"` },
    })
    expect(tussendoor.status).toBe(200)
    const door = 'Regisseur gastheerschappen Hilversum (demo)'

    await naam.fill('Mijn naam voor de businesscase')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const vergelijking = page.getByRole('table', { name: 'Uw versie naast de opgeslagen versie, veld voor veld' })
    await vergelijking.waitFor()
    expect(await vergelijking.getByRole('columnheader').nth(2).textContent()).toContain(`Opgeslagen waarde door ${door} om `)
    const kosten = vergelijking.locator('tr[data-veld="gezamenlijkJaarlijks"]')
    expect((await kosten.getByRole('cell').nth(1).textContent())?.replace(/\s/g, ' ')).toBe('€ 43.210,00')
    expect(await kosten.getByRole('radio', { name: 'Andere waarde' }).isChecked()).toBe(true)
    expect(await vergelijking.locator('tr[data-veld="toelichting"]').getByRole('radio', { name: 'Andere waarde' }).isChecked()).toBe(true)
    expect(await vergelijking.locator('tr[data-veld="naam"]').getByRole('radio', { name: 'Mijn waarde' }).isChecked()).toBe(true)
    await expectAxeClean(page)

    await page.getByRole('button', { name: 'Opslaan met deze keuzes' }).click()
    await page.waitForURL(`${ui.origin}/scenarios/${id}`)
    const nu = await alsAdmin<{ naam: string; toelichting?: string; invoer: { gezamenlijk: { jaarlijks: number } } }>(
      'GET',
      `/scenarios/${id}`,
    )
    expect(nu.body.naam).toBe('Mijn naam voor de businesscase')
    expect(nu.body.toelichting).toBe('Aangepast door de regisseur')
    expect(nu.body.invoer.gezamenlijk.jaarlijks).toBe(4_321_000)
    expect(errors.filter((e) => !/status of 412/.test(e))).toEqual([])
    await context.close()
  })

  it('fits a phone (390 px): the comparison does not make the page scroll sideways', async () => {
    const collega = await apiLogin(ui.api, 'beheerder-hilversum', DEMO_WACHTWOORD, nextClientIp())
    const made = await send<{ id: string; revisie: number }>(ui.api, 'POST', '/organisaties', {
      session: collega,
      body: { type: 'leverancier', naam: 'Leverancier (telefoon)', toelichting: 'Oud' },
    })
    const { page, errors, context } = await openTab(browser)
    await page.setViewportSize({ width: 390, height: 844 })
    await login(page, ui.origin, 'admin')
    await page.goto(`${ui.origin}/organisaties/${made.body.id}/bewerken`)
    const naam = page.getByLabel(/^Naam/)
    await poll(() => naam.inputValue()).toBe('Leverancier (telefoon)')
    const tussendoor = await send(ui.api, 'PATCH', `/organisaties/${made.body.id}`, {
      session: collega,
      body: { toelichting: 'Een lange toelichting van een collega die op een telefoon moet passen zonder dat de pagina opzij schuift' },
      headers: { 'content-type': 'application/merge-patch+json', 'if-match': `"${made.body.revisie}"` },
    })
    expect(tussendoor.status).toBe(200)
    await naam.fill('Leverancier (mijn telefoonnaam)')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const vergelijking = page.getByRole('table', { name: 'Uw versie naast de opgeslagen versie, veld voor veld' })
    await vergelijking.waitFor()
    await screenshot(page, 'conflict-telefoon')
    const maat = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      uitstekend: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
    }))
    expect(maat.scroll, maat.uitstekend.join(', ')).toBeLessThanOrEqual(maat.client)
    // The choice is within reach without scrolling the table sideways.
    const radio = vergelijking.locator('tr[data-veld="toelichting"]').getByRole('radio', { name: 'Mijn waarde' })
    const box = await radio.boundingBox()
    expect((box?.x ?? 999) + (box?.width ?? 0)).toBeLessThanOrEqual(390)
    await expectAxeClean(page)
    expect(errors.filter((e) => !/status of 412/.test(e))).toEqual([])
    await context.close()
  })
})
