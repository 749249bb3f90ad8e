import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { send } from '../helpers/toegang.js'
import { expectAxeClean, launchBrowser, login, openTab, poll, screenshot, startUi, type Ui } from './harness.js'

// Issue 20, items 4, 13, 14, 15 and 18 in Chromium: an information manager of Heemstede
// adds a koppeling between two Bloemendaal–Heemstede applicaties without gastheerschap;
// the form says in which samenwerking it will appear, and it does: in the landschap
// filtered to that samenwerking (graph, node table and link table agree), reachable by
// keyboard, and on the samenwerking's page.

const BH = 'ICT-samenwerking Bloemendaal – Heemstede'
const HW = 'Gastheerschappen Hilversum – Wijdemeren'
const ZAAK = 'Zaaksysteem Bloemendaal-Heemstede'
const DMS = 'Documentmanagementsysteem Bloemendaal-Heemstede'
const NAAM = 'Zaken naar DMS zonder gastheerschap (e2e)'

let ui: Ui
let browser: Browser
beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

async function idVan(pad: string, naam: string): Promise<string> {
  const res = await send<{ resultaten: { id: string; naam: string }[] }>(ui.api, 'GET', `${pad}?paginaGrootte=200`, {
    token: ui.server.adminToken,
  })
  const o = res.body.resultaten.find((r) => r.naam === naam)
  if (!o) throw new Error(`${naam} not found`)
  return o.id
}

/** Lines cytoscape draws at a node, by its name. */
async function getekendeLijnen(page: Page, naam: string): Promise<number> {
  return page.evaluate((naam) => {
    const el = document.querySelector('.rk-graaf') as HTMLElement & {
      _cyreg: { cy: { nodes(): { filter(f: (n: { data(k: string): string }) => boolean): { connectedEdges(): { length: number } } } } }
    }
    return el._cyreg.cy
      .nodes()
      .filter((n) => n.data('naam') === naam)
      .connectedEdges().length
  }, naam)
}

describe('a koppeling without gastheerschap in its samenwerking', () => {
  it('is placed in Bloemendaal – Heemstede by the form, shows in its landschap and tables, is reached by keyboard, and on the samenwerking page', async () => {
    const bh = await idVan('/samenwerkingen', BH)
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'beheerder-heemstede')

    // The form: landelijke voorziening from a list, directions named after the applicaties, the samenwerking said before saving.
    await page.goto(`${ui.origin}/koppelingen/nieuw`)
    await page.getByLabel(/^Naam/).fill(NAAM)
    await page.getByRole('group', { name: /^Bron/ }).getByLabel('Bron-applicatie').selectOption({ label: ZAAK })
    const doel = page.getByRole('group', { name: /^Doel/ })
    await doel.getByLabel('Landelijke voorziening').check()
    const voorzieningen = await doel
      .getByLabel(/^Doel: landelijke voorziening/)
      .locator('option')
      .allTextContents()
    expect(voorzieningen).toEqual(expect.arrayContaining(['BRP', 'BAG', 'DigiD', 'eHerkenning', 'overig']))
    await doel.getByLabel('Applicatie uit het register').check()
    await doel.getByLabel('Doel-applicatie').selectOption({ label: DMS })
    const richting = page.getByLabel(/^Richting van de gegevensstroom/)
    await poll(() => richting.locator('option').allTextContents()).toContain(`A→B: van ${ZAAK} naar ${DMS}`)
    await richting.selectOption('A→B')
    await page.getByLabel(/^Type/).selectOption('api')
    await page.getByLabel(/^Huidige status/).selectOption('in gebruik')
    await page.getByLabel(/^Beschikbaarheid/).selectOption('midden')
    await page.getByLabel(/^Integriteit/).selectOption('midden')
    await page.getByLabel(/^Vertrouwelijkheid/).selectOption('midden')
    const melding = page.getByTestId('koppeling-samenwerking')
    await poll(() => melding.getAttribute('data-uitkomst')).toBe('afgeleid')
    expect(await melding.textContent()).toContain(BH)
    await expectAxeClean(page)
    await screenshot(page, 'koppeling-samenwerking-formulier')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/koppelingen\/[0-9a-f-]{36}$/)
    const koppelingId = new URL(page.url()).pathname.split('/').pop()

    // The landschap of Bloemendaal – Heemstede draws it, and both tables agree with the drawing.
    await page.goto(`${ui.origin}/landschap?samenwerkingId=${bh}`)
    await page.locator('.rk-graaf[data-klaar="ja"]').waitFor()
    await page.getByText('Knopen als tabel').click()
    const knopen = page.getByRole('table', { name: 'Alle knopen in het landschap' })
    for (const naam of [ZAAK, DMS]) {
      const cel = knopen
        .getByRole('row', { name: new RegExp(`^${naam}`) })
        .getByRole('cell')
        .nth(1)
      expect(Number(await cel.textContent()), naam).toBe(await getekendeLijnen(page, naam))
    }
    const tabel = page.locator('summary', { hasText: 'Koppelingen als tabel' })
    // The keyboard route to a link: open the table, tab to its button, press Enter: the same details panel.
    await tabel.focus()
    await page.keyboard.press('Enter')
    const koppelingen = page.getByRole('table', { name: /Alle koppelingen in het landschap/ })
    const rij = koppelingen.getByRole('row', { name: new RegExp(NAAM.replace(/[()]/g, '\\$&')) })
    await poll(() => rij.count()).toBe(1)
    expect(await rij.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining([ZAAK, DMS, 'in gebruik']))
    const knop = rij.getByRole('button', { name: `Details van ${NAAM}` })
    let bereikt = false
    for (let i = 0; i < 60 && !bereikt; i++) {
      await page.keyboard.press('Tab')
      bereikt = await knop.evaluate((el) => el === document.activeElement)
    }
    expect(bereikt).toBe(true)
    await page.keyboard.press('Enter')
    const paneel = page.getByRole('complementary', { name: NAAM })
    await poll(() => paneel.count()).toBe(1)
    expect(new URL(page.url()).searchParams.get('koppeling')).toBe(koppelingId)
    expect(await paneel.getByRole('link', { name: /in het register/ }).getAttribute('href')).toBe(`/koppelingen/${koppelingId}`)
    // The graph selected the same line.
    await poll(() =>
      page.evaluate(
        (id) =>
          (
            document.querySelector('.rk-graaf') as HTMLElement & {
              _cyreg: { cy: { edges(s: string): { length: number } } }
            }
          )._cyreg.cy.edges(`[koppelingId = "${id}"]:selected`).length,
        koppelingId,
      ),
    ).toBe(1)
    await expectAxeClean(page)
    await screenshot(page, 'koppeling-samenwerking-landschap')

    // The samenwerking page: its koppelingen and applicaties, with links; the leden once.
    await page.goto(`${ui.origin}/samenwerkingen/${bh}`)
    const kop = page.getByRole('region', { name: 'Koppelingen van deze samenwerking' })
    await poll(() => kop.getByRole('link', { name: NAAM }).count()).toBe(1)
    expect(await kop.getByRole('link', { name: NAAM }).getAttribute('href')).toBe(`/koppelingen/${koppelingId}`)
    const apps = page.getByRole('region', { name: 'Applicaties in gebruik bij de leden' })
    await poll(() => apps.getByRole('link', { name: ZAAK }).count()).toBe(1)
    expect(await page.getByRole('heading', { name: 'Deelnemende organisaties' }).count()).toBe(0)
    await expectAxeClean(page)
    await screenshot(page, 'samenwerking-koppelingen')

    // A samenwerking Heemstede may not see: "niet gevonden of geen toegang", not "bestaat niet".
    await page.goto(`${ui.origin}/samenwerkingen/${await idVan('/samenwerkingen', HW)}`)
    await poll(() => page.getByRole('heading', { name: 'Niet gevonden of geen toegang' }).count()).toBe(1)
    expect(await page.getByText(/samenwerking [0-9a-f-]+ bestaat niet/).count()).toBe(0)
    await expectAxeClean(page)
    // The API answers 404 to that, so the console shows the failed request: nothing else.
    expect(errors.filter((e) => !/404/.test(e))).toEqual([])
    await context.close()
  })

  it('warns on the page of a koppeling that belongs to no samenwerking', async () => {
    const als = <T>(method: string, pad: string, body: unknown) =>
      send<T & { id: string }>(ui.api, method, pad, { token: ui.server.adminToken, body })
    const org = await als('POST', '/organisaties', { type: 'overig', naam: 'Losse partij (e2e)' })
    const app = await als('POST', '/applicaties', {
      naam: 'Losse app (e2e)',
      hosting: 'SaaS',
      status: 'in productie',
      inGebruikBij: [org.body.id],
    })
    const k = await als<{ waarschuwingen?: { code: string }[] }>('POST', '/koppelingen', {
      naam: 'Losse koppeling (e2e)',
      bronApplicatieId: app.body.id,
      doelVoorziening: 'DigiD',
      type: 'api',
      richting: 'A→B',
      status: 'in gebruik',
      gegevenscategorieen: [],
      persoonsgegevens: false,
      beschikbaarheid: 'laag',
      integriteit: 'laag',
      vertrouwelijkheid: 'laag',
    })
    expect(k.body.waarschuwingen?.[0]?.code).toBe('geen-samenwerking')
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'admin')
    await page.goto(`${ui.origin}/koppelingen/${k.body.id}`)
    const melding = page.getByTestId('koppeling-waarschuwingen')
    await poll(() => melding.count()).toBe(1)
    expect(await melding.textContent()).toContain('verschijnt dus in geen enkel samenwerkingslandschap')
    expect(await page.getByText('DigiD (landelijke voorziening)').count()).toBe(1)
    await expectAxeClean(page)
    expect(errors).toEqual([])
    await context.close()
  })
})
