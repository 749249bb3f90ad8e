import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../helpers/server.js'
import { axeViolations, describeViolations, launchBrowser, login, openTab, screenshot, startUi, type Ui } from './harness.js'

// Business cases (scenarios) in Chromium on the demo data: the feasibility study of the
// seeds typed in through the form, the verdict per participant, the chart, comparing
// two business cases, and what a lezer may not do.

let ui: Ui
let browser: Browser
const org: Record<string, string> = {}

beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
  for (const [k, cbs] of Object.entries({ H: 'GM0402', W: 'GM1696', G: 'GM1942' })) {
    const res = await call<{ resultaten: { id: string }[] }>(ui.api, 'GET', `/organisaties?cbsCode=${cbs}`)
    org[k] = res.body.resultaten[0].id
  }
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

async function geenAxeFouten(page: Page, waar: string) {
  const v = await axeViolations(page)
  expect(v, `${waar}:\n${describeViolations(v)}`).toEqual([])
}

async function deelnemer(page: Page, nummer: number, naam: string, eenmalig: string, jaarlijks: string, werkplekken: string) {
  const rij = `(deelnemer ${nummer})`
  await page.getByLabel(`Organisatie ${rij}`).selectOption({ label: naam })
  await page.getByLabel(`Huidige eenmalige kosten (€) ${rij}`).fill(eenmalig)
  await page.getByLabel(`Huidige jaarlijkse kosten (€) ${rij}`).fill(jaarlijks)
  await page.getByLabel(`Waarde van de maatstaf ${rij}`).fill(werkplekken)
}

describe('business cases', () => {
  it('lets regisseur-hilversum enter the feasibility study and see who gains, with a chart', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Businesscases' }).click()
    await page.getByRole('heading', { level: 1, name: 'Businesscases' }).waitFor()
    await geenAxeFouten(page, 'list')
    await page.getByRole('link', { name: 'Nieuwe businesscase' }).click()
    await page.getByRole('heading', { level: 1, name: 'Nieuwe businesscase' }).waitFor()

    await page.getByLabel('Naam', { exact: true }).fill('Partiële IT-samenwerking (e2e)')
    await page.getByLabel('Naar een maatstaf (bijvoorbeeld werkplekken)').check()
    await page.getByLabel('Naam van de maatstaf').fill('werkplekken')
    await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click()
    await expect.poll(() => page.getByLabel('Organisatie (deelnemer 2)').locator('option').count()).toBeGreaterThan(3)
    await deelnemer(page, 1, 'Hilversum', '300.000', '1.100.000,00', '1000')
    await deelnemer(page, 2, 'Wijdemeren', '250000', '450.000,00', '300')
    await deelnemer(page, 3, 'Gooise Meren', '€ 300.000', '700.000', '500')
    await page.getByLabel('Eenmalige kosten gezamenlijk (€)').fill('600.000')
    await page.getByLabel('Jaarlijkse kosten gezamenlijk (€)').fill('2.100.000')
    await page.getByLabel('Startjaar (optioneel)').fill('2027')
    await geenAxeFouten(page, 'form')
    await screenshot(page, 'scenarios-formulier')

    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/scenarios\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { level: 1, name: 'Partiële IT-samenwerking (e2e)' }).waitFor()
    const tabel = page.getByRole('table', { name: /Uitkomst per deelnemer/ })
    const rij = (naam: string) => tabel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: naam, exact: true }) })
    expect(await rij('Hilversum').textContent()).toContain('Gaat er niet op vooruit')
    expect(await rij('Hilversum').textContent()).toContain('niet binnen de horizon')
    expect(await rij('Wijdemeren').textContent()).toContain('Gaat erop vooruit')
    expect(await rij('Gooise Meren').textContent()).toContain('Gaat erop vooruit')
    expect(await page.getByText('2 van de 3 deelnemers gaan erop vooruit; 1 niet.').isVisible()).toBe(true)

    // The chart: ECharts drew an svg in its container, which is an image with a text alternative.
    const grafiek = page.locator('.rk-grafiek[role="img"]')
    await expect.poll(() => grafiek.locator('svg').count()).toBeGreaterThan(0)
    expect(await grafiek.getAttribute('aria-label')).toContain('Cumulatief verschil per jaar')
    expect(await page.getByRole('table', { name: 'Cumulatief verschil per jaar' }).getByRole('row').count()).toBe(12)
    await geenAxeFouten(page, 'detail')
    await screenshot(page, 'scenarios-detail')
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows an invalid amount next to its field and sends nothing', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.goto(`${ui.origin}/scenarios/nieuw`)
    await page.getByLabel('Naam', { exact: true }).fill('Foutief')
    await page.getByLabel('Organisatie (deelnemer 1)').selectOption({ label: 'Hilversum' })
    await page.getByLabel('Huidige eenmalige kosten (€) (deelnemer 1)').fill('12,345')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const samenvatting = page.locator('.rk-error-summary')
    await samenvatting.waitFor()
    expect(await samenvatting.textContent()).toContain(
      'Deelnemer 1: Huidige eenmalige kosten (€): Een bedrag heeft hoogstens twee cijfers na de komma (hele centen).',
    )
    await geenAxeFouten(page, 'form with errors')
    expect(page.url()).toMatch(/\/scenarios\/nieuw$/)
    expect(errors).toEqual([])
    await context.close()
  })

  it('compares two business cases side by side', async () => {
    const basis = {
      soort: 'nieuwe samenwerking',
      invoer: {
        deelnemers: [
          { organisatieId: org.H, huidigeKosten: { eenmalig: 30_000_000, jaarlijks: 110_000_000 } },
          { organisatieId: org.G, huidigeKosten: { eenmalig: 30_000_000, jaarlijks: 70_000_000 } },
        ],
        gezamenlijk: { eenmalig: 40_000_000, jaarlijks: 150_000_000 },
        verdeling: { soort: 'gelijke delen' },
        horizonJaren: 8,
        disconteringsvoet: 2,
      },
    }
    const a = await call<{ id: string }>(ui.api, 'POST', '/scenarios', { ...basis, naam: 'Vergelijk A: gelijke delen' })
    const b = await call<{ id: string }>(ui.api, 'POST', '/scenarios', {
      ...basis,
      naam: 'Vergelijk B: 60/40',
      invoer: {
        ...basis.invoer,
        verdeling: {
          soort: 'vast percentage',
          percentages: [
            { deelnemerId: org.H, percentage: 60 },
            { deelnemerId: org.G, percentage: 40 },
          ],
        },
      },
    })
    expect([a.status, b.status]).toEqual([201, 201])

    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.goto(`${ui.origin}/scenarios/vergelijken`)
    await page.getByLabel('Vergelijk A: gelijke delen').check()
    await page.getByRole('button', { name: 'Vergelijken' }).click()
    expect(await page.getByText('Kies minstens twee en hoogstens vijf businesscases.').isVisible()).toBe(true)
    await page.getByLabel('Vergelijk B: 60/40').check()
    await page.getByRole('button', { name: 'Vergelijken' }).click()
    await page.waitForURL(/ids=/)
    const tabel = page.getByRole('table', { name: /per deelnemer in elke businesscase/ })
    await tabel.waitFor()
    expect(await tabel.getByRole('columnheader').allTextContents()).toEqual([
      'Deelnemer',
      'Vergelijk A: gelijke delen',
      'Vergelijk B: 60/40',
    ])
    const hilversum = tabel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Hilversum', exact: true }) })
    const cellen = await hilversum.getByRole('cell').allTextContents()
    // Equal shares: € 750.000 a year against € 1.100.000 alone; 60%: € 900.000 — Hilversum gains in both.
    expect(cellen.every((c) => c.includes('Gaat erop vooruit'))).toBe(true)
    const gooi = tabel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Gooise Meren', exact: true }) })
    const gooiCellen = await gooi.getByRole('cell').allTextContents()
    // Gooise Meren: € 750.000 against € 700.000 alone (does not gain); 40% = € 600.000 (gains).
    expect(gooiCellen[0]).toContain('Gaat er niet op vooruit')
    expect(gooiCellen[1]).toContain('Gaat erop vooruit')
    await geenAxeFouten(page, 'compare')
    await screenshot(page, 'scenarios-vergelijken')
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows a lezer no button to create one', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'lezer-wijdemeren')
    await page.goto(`${ui.origin}/scenarios`)
    await page.getByRole('heading', { level: 1, name: 'Businesscases' }).waitFor()
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/resulta/)
    expect(await page.getByRole('link', { name: 'Nieuwe businesscase' }).count()).toBe(0)
    await screenshot(page, 'scenarios-lijst-lezer')
    expect(errors).toEqual([])
    await context.close()
  })
})
