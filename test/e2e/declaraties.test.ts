import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, describeViolations, launchBrowser, login, openTab, screenshot, startUi, type Ui } from './harness.js'

// Declaraties in Chromium on the demo data: regisseur-hilversum generates 2026-Q3,
// opens the concept, finalises it (with confirmation), sees its number and downloads
// the PDF; lezer-wijdemeren (the recipient) sees it without action buttons.

let ui: Ui
let browser: Browser
beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

let detailUrl = ''
let nummer = ''

describe('declaraties', () => {
  it('regisseur-hilversum generates 2026-Q3: a wrong period is flagged at the field, then one concept', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.getByRole('link', { name: 'Declaraties', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Declaraties' }).waitFor()
    await page.getByText('Geen declaraties gevonden.').waitFor()
    await page.getByRole('link', { name: 'Declaraties genereren' }).click()
    await page.getByRole('heading', { level: 1, name: 'Declaraties genereren' }).waitFor()

    // Year 0000 is refused like a malformed period (the server's rule: years 1900–2200).
    await page.getByLabel('Periode').fill('0000-Q1')
    await page.getByRole('button', { name: 'Genereren' }).click()
    const veld = page.getByLabel('Periode')
    await expect.poll(() => veld.getAttribute('aria-invalid')).toBe('true')
    expect(
      await page
        .getByText('Een periode is een jaar (2026), kwartaal (2026-Q3) of maand (2026-07), in de jaren 1900 tot en met 2200.')
        .first()
        .isVisible(),
    ).toBe(true)
    await screenshot(page, 'declaraties-genereren-fout')

    await veld.fill('2026-Q3')
    await page.getByRole('button', { name: 'Genereren' }).click()
    await page.getByText('1 concept-declaratie gegenereerd.').waitFor()
    const link = page.getByRole('link', { name: /Hilversum → Wijdemeren: € 79\.017,62/ })
    expect(await link.isVisible()).toBe(true)
    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await screenshot(page, 'declaraties-genereren-resultaat')

    await link.click()
    await page.getByRole('heading', { level: 1, name: 'Declaratie (concept)' }).waitFor()
    detailUrl = page.url()
    const regels = page.getByRole('table', { name: /Regels van de declaratie/ })
    expect(await regels.getByRole('row').count()).toBe(4) // header, 2 lines, total
    await regels
      .getByRole('button', { name: /Toon berekening/ })
      .first()
      .click()
    expect(
      await page
        .getByText(/versie vanaf 2016/)
        .first()
        .isVisible(),
    ).toBe(true)
    expect(await page.getByText('100 % volledig afnemer: 1 van 1').first().isVisible()).toBe(true)
    const v2 = await axeViolations(page)
    expect(v2, describeViolations(v2)).toEqual([])
    await screenshot(page, 'declaraties-concept')

    await page.getByRole('button', { name: 'Definitief maken' }).click()
    await page.getByRole('heading', { name: 'Declaratie definitief maken?' }).waitFor()
    expect(await page.getByText(/daarna onveranderlijk/).isVisible()).toBe(true)
    await screenshot(page, 'declaraties-bevestigen')
    await page.getByRole('button', { name: 'Ja, definitief maken' }).click()
    const gelukt = page.getByText(/definitief gemaakt met nummer (\d{4}-0001)/)
    await gelukt.waitFor()
    nummer = /(\d{4}-0001)/.exec((await gelukt.textContent()) ?? '')?.[1] ?? ''
    expect(nummer).toMatch(/^\d{4}-0001$/)
    await page.getByRole('heading', { level: 1, name: `Declaratie ${nummer}` }).waitFor()
    expect(await page.getByRole('button', { name: 'Markeren als verzonden' }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Definitief maken' }).count()).toBe(0)

    const pdfLink = page.getByRole('link', { name: 'PDF van deze declaratie downloaden' })
    const href = (await pdfLink.getAttribute('href')) ?? ''
    const res = await context.request.get(`${ui.origin}${href}`)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toBe('application/pdf')
    expect(res.headers()['content-disposition']).toContain(`declaratie-${nummer}`)
    expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()])
    expect(download.suggestedFilename()).toContain(nummer)

    const v3 = await axeViolations(page)
    expect(v3, describeViolations(v3)).toEqual([])
    await screenshot(page, 'declaraties-definitief')
    expect(errors).toEqual([])
    await context.close()
  })

  it('lezer-wijdemeren sees it in the list and on its page, without action buttons', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'lezer-wijdemeren')
    await page.goto(`${ui.origin}/declaraties`)
    const tabel = page.getByRole('table', { name: /Declaraties 1–1 van 1/ })
    await tabel.waitFor()
    expect(
      await tabel.getByRole('row', { name: new RegExp(`${nummer}.*Hilversum → Wijdemeren.*2026-Q3.*Definitief.*79\\.017,62`) }).count(),
    ).toBe(1)
    expect(await page.getByRole('link', { name: 'Declaraties genereren' }).count()).toBe(0)
    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await screenshot(page, 'declaraties-lijst-ontvanger')

    await page.goto(detailUrl)
    await page.getByRole('heading', { level: 1, name: `Declaratie ${nummer}` }).waitFor()
    for (const knop of ['Definitief maken', 'Markeren als verzonden', 'Betaald melden', 'Corrigeren', 'Verwijderen'])
      expect(await page.getByRole('button', { name: knop }).count(), knop).toBe(0)
    expect(await page.getByRole('heading', { name: 'Acties' }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'PDF van deze declaratie downloaden' }).isVisible()).toBe(true)
    const v2 = await axeViolations(page)
    expect(v2, describeViolations(v2)).toEqual([])
    await screenshot(page, 'declaraties-detail-ontvanger')

    // The list filter checks the period at the field.
    await page.goto(`${ui.origin}/declaraties`)
    await page.getByLabel('Periode').fill('juli')
    await page.getByRole('button', { name: 'Filteren', exact: true }).click()
    await expect.poll(() => page.getByLabel('Periode').getAttribute('aria-invalid')).toBe('true')
    expect(errors).toEqual([])
    await context.close()
  })
})
