import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, describeViolations, launchBrowser, login, openTab, screenshot, startUi, type Ui } from './harness.js'

// The dashboard as a phone shows it (390 × 844) and as a desktop does: it fits the
// screen, every link in its lists and in the shell is a touch target of at least
// 24 × 24 px (WCAG 2.2 2.5.8), it shows no placeholders for capabilities that do not
// exist, and the count of links with personal data stands apart from the
// confidentiality totals.

const BREEDTE = 390
const HOOGTE = 844

/** Links in lists, tables and the shell smaller than 24 × 24 px, by their text. */
const kleineDoelen = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'main li a, main td a, main dt a, main p a, footer a, header a, header button, nav a, .rk-skiplink, a[download]',
      ),
    ]
      .filter((a) => (a as HTMLElement).offsetParent !== null)
      .map((a) => ({ tekst: a.textContent?.trim() ?? '', r: a.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 24 || r.width < 24)
      .map(({ tekst, r }) => `${tekst} (${Math.round(r.width)}×${Math.round(r.height)})`),
  )

describe('the dashboard on a phone and a desktop', () => {
  let ui: Ui
  let browser: Browser
  beforeAll(async () => {
    ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await ui?.close()
  })

  it.each([
    ['admin', 'nl', BREEDTE],
    ['regisseur-hilversum', 'nl', BREEDTE],
    ['admin', 'en', BREEDTE],
    ['admin', 'nl', 1280],
  ])('as %s (%s) at %i px: fits, targets of 24 px, no placeholders, personal data apart', async (wie, taal, breedte) => {
    const { page, errors, context } = await openTab(browser)
    await page.setViewportSize({ width: breedte, height: HOOGTE })
    if (taal === 'en') await page.addInitScript(() => localStorage.setItem('regiekamer.taal', 'en'))
    await login(page, ui.origin, wie)
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor()
    const kaart = page.locator('article.rk-kaart').first()
    await kaart.waitFor()
    if (breedte === BREEDTE) await screenshot(page, `dashboard-${wie}-${taal}-${breedte}`)

    // No sideways scrolling of the page.
    const maat = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      uitstekend: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
    }))
    expect(maat.scroll, maat.uitstekend.join(', ')).toBeLessThanOrEqual(maat.client)
    // On a phone the card's parts stack: members above the link counts, not beside them.
    if (breedte === BREEDTE) {
      const delen = await kaart.locator('.rk-kaart__delen > section').evaluateAll((s) => s.map((e) => e.getBoundingClientRect().left))
      expect(new Set(delen.map(Math.round)).size).toBe(1)
    }

    expect(await kleineDoelen(page)).toEqual([])
    // The menu's links too, once the menu is open on a phone.
    if (breedte === BREEDTE) {
      await page.getByRole('button', { name: 'Menu' }).click()
      await page.getByRole('navigation', { name: taal === 'en' ? 'Main menu' : 'Hoofdmenu' }).waitFor()
      expect(await kleineDoelen(page)).toEqual([])
      await page.keyboard.press('Escape')
    }

    // Only what exists: no "not available yet" slots.
    const tekst = (await page.locator('main').textContent()) ?? ''
    expect(tekst).not.toMatch(/Nog niet beschikbaar|Not available yet/)
    expect(await page.locator('.rk-later').count()).toBe(0)

    // Personal data is a count of its own, outside the confidentiality table.
    const tabel = kaart.getByRole('table', { name: taal === 'en' ? /by confidentiality/ : /per vertrouwelijkheid/ })
    expect(await tabel.textContent()).not.toMatch(/persoonsgegevens|personal data/i)
    const rijen = await tabel.locator('tbody tr th').allTextContents()
    expect(rijen).toEqual(taal === 'en' ? ['Low', 'Medium', 'High', 'Total'] : ['Laag', 'Midden', 'Hoog', 'Totaal'])
    await expect
      .poll(() => kaart.locator('[data-telling="persoonsgegevens"]').textContent())
      .toMatch(
        taal === 'en'
          ? /^Counted separately: \d+ of these \d+ data links carry personal data/
          : /^Apart geteld: \d+ van deze \d+ koppelingen/,
      )

    // One English name for gastheerschappen.
    if (taal === 'en') {
      expect(tekst).not.toMatch(/Hosted tasks/)
      expect(tekst).toMatch(/Hosting arrangements/)
    }

    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('makes the links of a list table and its page navigation 24 px touch targets on a phone', async () => {
    const { page, errors, context } = await openTab(browser)
    await page.setViewportSize({ width: BREEDTE, height: HOOGTE })
    await login(page, ui.origin, 'admin')
    await page.goto(`${ui.origin}/applicaties?paginaGrootte=5`)
    const tabel = page.getByRole('table', { name: 'Applicaties' })
    await tabel.getByRole('row').nth(1).waitFor()
    await page.getByRole('navigation', { name: /pagin/i }).getByRole('link').first().waitFor()
    const klein = await page.evaluate(() =>
      [...document.querySelectorAll('main table a, main nav a')]
        // Columns a phone leaves out (Kolom.bijzaak) are not there to touch.
        .filter((a) => (a as HTMLElement).offsetParent !== null)
        .map((a) => ({ tekst: a.textContent?.trim() ?? '', r: a.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 24 || r.width < 24)
        .map(({ tekst, r }) => `${tekst} (${Math.round(r.width)}×${Math.round(r.height)})`),
    )
    expect(klein).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(BREEDTE)
    expect(errors).toEqual([])
    await context.close()
  })
})
