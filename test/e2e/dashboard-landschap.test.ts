import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, describeViolations, launchBrowser, login, openTab, screenshot, startUi, type Ui } from './harness.js'

// The dashboard and the landschap graph in Chromium on the demo data.

let ui: Ui
let browser: Browser
beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

const HW = 'Gastheerschappen Hilversum – Wijdemeren'
const HG = 'ICT-samenwerking Hilversum – Gooise Meren'
const BH = 'ICT-samenwerking Bloemendaal – Heemstede'

/** Where cytoscape draws a node, in page coordinates (cytoscape registers itself on its container). */
async function nodePosition(page: Page, naam: string): Promise<{ x: number; y: number }> {
  await page.locator('.rk-graaf').evaluate((el) => el.scrollIntoView({ block: 'center' }))
  // Cytoscape refreshes its cached container offset on a debounced scroll handler.
  await page.waitForTimeout(400)
  return page.evaluate((naam) => {
    const container = document.querySelector('.rk-graaf') as HTMLElement & {
      _cyreg: {
        cy: { nodes(): { filter(f: (n: { data(k: string): string }) => boolean): { renderedPosition(): { x: number; y: number } } } }
      }
    }
    const node = container._cyreg.cy.nodes().filter((n) => n.data('naam') === naam)
    const pos = node.renderedPosition()
    const box = container.getBoundingClientRect()
    return { x: box.left + pos.x, y: box.top + pos.y }
  }, naam)
}

const aantalKnopen = async (page: Page) => {
  const text = (await page.locator('.rk-landschap__aantal').textContent()) ?? ''
  return Number(/(\d+) knopen/.exec(text)?.[1] ?? Number.NaN)
}

describe('dashboard', () => {
  it('shows an admin every demo samenwerking with its members and koppeling counts, and passes axe', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'admin')
    await page.goto(`${ui.origin}/`)
    await expect.poll(() => page.locator('article.rk-kaart').count()).toBe(3)
    expect(await page.title()).toBe('Dashboard — Regiekamer')
    const kaart = (naam: string) => page.locator('article.rk-kaart', { has: page.getByRole('heading', { level: 3, name: naam }) })
    const hw = kaart(HW)
    expect(await hw.getByRole('listitem').allTextContents()).toEqual(['Hilversum', 'Wijdemeren'])
    const telling = hw.getByRole('table', { name: `Koppelingen van ${HW} per vertrouwelijkheid` })
    expect(await telling.getByRole('row', { name: /Hoog/ }).getByRole('cell').textContent()).toBe('4')
    // Personal data is a count apart from the confidentiality totals, not a row of them.
    expect(await telling.getByRole('row', { name: /persoonsgegevens/i }).count()).toBe(0)
    expect(await hw.locator('[data-telling="persoonsgegevens"]').textContent()).toMatch(/^Apart geteld: 4 van deze 7 koppelingen/)
    expect(
      await telling
        .getByRole('row', { name: /Totaal/ })
        .getByRole('cell')
        .textContent(),
    ).toBe('7')
    expect(
      await hw
        .getByRole('table', { name: `Gastheerschappen van ${HW}` })
        .getByRole('row')
        .count(),
    ).toBe(5)
    // No placeholders for capabilities that do not exist yet; costs lead to their reports.
    expect(await hw.getByText('Nog niet beschikbaar').count()).toBe(0)
    expect(await hw.getByRole('link', { name: /Transparantie/ }).count()).toBeGreaterThan(0)
    for (const [kop, n] of [
      ['Werking van koppelingen', 0],
      ['Bevindingen vertrouwen', 0],
      ['Kosten', 1],
    ] as const)
      expect(await hw.getByRole('heading', { level: 4, name: kop }).count()).toBe(n)
    expect(await kaart(HG).isVisible()).toBe(true)
    expect(await kaart(BH).isVisible()).toBe(true)

    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await screenshot(page, 'dashboard')
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows lezer-wijdemeren only its own samenwerking', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'lezer-wijdemeren')
    await page.goto(`${ui.origin}/`)
    await expect.poll(() => page.locator('article.rk-kaart').count()).toBe(1)
    expect(await page.locator('article.rk-kaart').getByRole('heading', { level: 3 }).allTextContents()).toEqual([HW])
    expect(await page.getByText('Bloemendaal').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('landschap', () => {
  it('draws the graph, opens details on a click on a node, filters by samenwerking, and passes axe', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'admin')
    await page.goto(`${ui.origin}/landschap`)
    await page.locator('.rk-graaf[data-klaar="ja"]').waitFor()
    expect(await page.title()).toBe('Landschap — Regiekamer')
    const graaf = page.getByRole('img', { name: /Graaf van het landschap/ })
    expect(await graaf.count()).toBe(1)
    const alle = await aantalKnopen(page)
    expect(alle).toBeGreaterThan(15)
    // No inline <style> from cytoscape (the CSP would refuse it).
    expect(await page.locator('style#__________cytoscape_stylesheet').count()).toBe(0)

    // A real click on the canvas where cytoscape drew "Key2Belastingen".
    const pos = await nodePosition(page, 'Key2Belastingen')
    await page.mouse.click(pos.x, pos.y)
    const paneel = page.getByRole('complementary', { name: 'Key2Belastingen' })
    await expect.poll(() => paneel.count()).toBe(1)
    expect(await paneel.getByText('Applicatie', { exact: true }).count()).toBe(1)
    const link = paneel.getByRole('link', { name: 'Open in het register: Key2Belastingen' })
    expect(await link.getAttribute('href')).toMatch(/^\/applicaties\/[0-9a-f-]{36}$/)
    expect(new URL(page.url()).searchParams.get('knoop')).toBeTruthy()
    // Its koppelingen are listed, and one opens as a koppeling with a link to its page.
    await paneel.getByRole('button', { name: 'Gegevensmakelaar – Key2Belastingen (BRP)' }).click()
    const kp = page.getByRole('complementary', { name: 'Gegevensmakelaar – Key2Belastingen (BRP)' })
    await expect.poll(() => kp.count()).toBe(1)
    expect(await kp.getByText('BRP', { exact: true }).count()).toBe(1)
    expect(await kp.getByRole('link', { name: /in het register/ }).getAttribute('href')).toMatch(/^\/koppelingen\//)

    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await screenshot(page, 'landschap')

    // The keyboard route: choose a node from the list.
    await page.getByLabel('Kies een knoop of koppeling', { exact: true }).selectOption({ label: 'DLP' })
    await expect.poll(() => page.getByRole('complementary', { name: 'DLP' }).count()).toBe(1)

    // Filter by samenwerking: fewer nodes, and the filter is in the URL.
    await page.getByLabel('Samenwerking', { exact: true }).selectOption({ label: HG })
    await expect.poll(() => new URL(page.url()).searchParams.get('samenwerkingId')).toBeTruthy()
    await expect.poll(() => aantalKnopen(page)).toBeLessThan(alle)
    await page.locator('.rk-graaf[data-klaar="ja"]').waitFor()
    const opties = await page.getByLabel('Kies een knoop of koppeling', { exact: true }).locator('option').allTextContents()
    expect(opties).toContain('ICT-servicedesksysteem')
    expect(opties).not.toContain('Key2Belastingen')
    // The URL alone restores the view.
    await page.reload()
    await expect
      .poll(() => page.getByLabel('Samenwerking', { exact: true }).inputValue())
      .toBe(new URL(page.url()).searchParams.get('samenwerkingId'))
    await expect.poll(() => aantalKnopen(page)).toBeLessThan(alle)

    // The table alternative opens details too.
    await page.getByText('Knopen als tabel').click()
    await page.getByRole('button', { name: 'Details van ICT-servicedesksysteem' }).click()
    await expect.poll(() => page.getByRole('complementary', { name: 'ICT-servicedesksysteem' }).count()).toBe(1)
    const violations2 = await axeViolations(page)
    expect(violations2, describeViolations(violations2)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('filters by classification and shows beheerder-heemstede only its own landscape', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'beheerder-heemstede')
    await page.goto(`${ui.origin}/landschap`)
    await page.locator('.rk-graaf[data-klaar="ja"]').waitFor()
    expect(await aantalKnopen(page)).toBe(4)
    await page.getByLabel('Vertrouwelijkheid', { exact: true }).selectOption({ label: 'Laag' })
    await expect.poll(() => page.getByText('Er is niets te tonen met deze filters.').count()).toBe(1)
    expect(new URL(page.url()).searchParams.get('vertrouwelijkheid')).toBe('laag')
    await page.getByRole('button', { name: 'Filters wissen' }).click()
    await expect.poll(() => aantalKnopen(page)).toBe(4)
    expect(errors).toEqual([])
    await context.close()
  })
})
