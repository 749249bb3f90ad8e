import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, describeViolations, launchBrowser, login, openTab, screenshot, startUi, type Ui } from './harness.js'

// On a phone (390 × 844, an iPhone 12–15) a page starts with its heading, not with the
// whole menu: the menu hides behind a button, and list tables fit the screen.

const BREEDTE = 390
const HOOGTE = 844

/** The menu button's state as a screen reader hears it. */
const uitgeklapt = (page: Page) => page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')

/** The page's width, and what sticks out beyond the viewport (for the assertion message). */
const breedte = (page: Page) =>
  page.evaluate(() => ({
    breedte: document.documentElement.scrollWidth,
    uitstekend: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
  }))

/** What has the focus, by its visible text. */
const focus = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim())

describe('the UI on a phone (390 px wide)', () => {
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
    ['/', 'Dashboard', 'dashboard', null],
    ['/applicaties', 'Applicaties', 'applicaties', 'Applicaties'],
    ['/koppelingen', 'Koppelingen', 'koppelingen', 'Koppelingen'],
    ['/kostenposten', 'Kostenposten', 'kostenposten', 'Kostenposten'],
  ])('%s starts with its heading, keeps the menu behind a button and fits the screen', async (pad, kop, naam, tabel) => {
    const { page, errors, context } = await openTab(browser)
    await page.setViewportSize({ width: BREEDTE, height: HOOGTE })
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.goto(`${ui.origin}${pad}`)
    const h1 = page.getByRole('heading', { level: 1, name: kop })
    await h1.waitFor()
    if (tabel) await page.getByRole('table', { name: tabel }).getByRole('row').nth(1).waitFor()

    // The heading is on the first screen; the menu is collapsed behind its button.
    const box = await h1.boundingBox()
    expect(box?.y).toBeLessThan(HOOGTE)
    const knop = page.getByRole('button', { name: 'Menu' })
    expect(await uitgeklapt(page)).toBe('false')
    expect(await knop.getAttribute('aria-controls')).toBe('hoofdmenu')
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false)

    await screenshot(page, `mobiel-${naam}`)
    // Nothing sticks out at the right: the page never scrolls sideways.
    const b = await breedte(page)
    expect(b.breedte, b.uitstekend.join(', ')).toBeLessThanOrEqual(BREEDTE)
    // A list table fits its box: the columns that matter, no sideways scrolling.
    if (tabel) {
      const passend = await page.getByRole('table', { name: tabel }).evaluate((t) => {
        const vak = t.parentElement?.getBoundingClientRect().right ?? 0
        return {
          tabel: t.scrollWidth,
          vak: t.parentElement?.clientWidth ?? 0,
          uitstekend: [...t.querySelectorAll('*')]
            .filter((e) => e.getBoundingClientRect().right > vak + 0.5)
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${e.textContent?.slice(0, 20)}`),
        }
      })
      expect(passend.tabel, passend.uitstekend.join(', ')).toBeLessThanOrEqual(passend.vak)
    }
    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])

    // With the keyboard: Enter opens the menu, the focus stays on the button and Tab
    // goes on into the links; Escape closes it and returns to the button.
    await knop.focus()
    await page.keyboard.press('Enter')
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })
    await nav.waitFor()
    expect(await uitgeklapt(page)).toBe('true')
    expect(await nav.getByRole('link', { name: 'Koppelingen' }).isVisible()).toBe(true)
    expect(await focus(page)).toMatch(/^Menu/)
    await page.keyboard.press('Tab')
    expect(await focus(page)).toBe('Dashboard')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(BREEDTE)
    if (pad === '/') {
      const open = await axeViolations(page)
      expect(open, describeViolations(open)).toEqual([])
      await screenshot(page, 'mobiel-menu-open')
    }
    await page.keyboard.press('Escape')
    await nav.waitFor({ state: 'hidden' })
    expect(await uitgeklapt(page)).toBe('false')
    expect(await focus(page)).toMatch(/^Menu/)
    expect(errors).toEqual([])
    await context.close()
  })

  it('closes the menu when a link in it is chosen', async () => {
    const { page, errors, context } = await openTab(browser)
    await page.setViewportSize({ width: BREEDTE, height: HOOGTE })
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor()
    await page.getByRole('button', { name: 'Menu' }).click()
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })
    await nav.getByRole('link', { name: 'Applicaties' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Applicaties' }).waitFor()
    await nav.waitFor({ state: 'hidden' })
    expect(await uitgeklapt(page)).toBe('false')
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the desktop layout: no menu button, the menu always shown', async () => {
    const { page, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor()
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false)
    await context.close()
  })
})
