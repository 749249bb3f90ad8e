import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAxeClean, geenHorizontaleScroll, launchBrowser, login, openTab, poll, screenshot, startUi, type Ui } from './harness.js'

// Trust in Chromium on the demo data (src/io/demo-vertrouwen.ts): the supplier of the
// tax software breaks the BIO default policy of Hilversum — an ISO 27001 certificate
// that expired on 1 March 2026, a grant last reviewed on 15 November 2024, a contract
// without exit strategy. beheerder-hilversum (the CISO's role) sees the overview, the
// party page, the findings list with its filters, accepts the review finding's risk and
// sees it as geaccepteerd in the list, the history and the dashboard's counts.

let ui: Ui
let browser: Browser
beforeAll(async () => {
  // The demo's seed evaluates the trust data once, so the findings are there.
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

const HW = 'Gastheerschappen Hilversum – Wijdemeren'
const LEVERANCIER = 'Leverancier belastingsoftware (fictief)'

/** Today plus `dagen`, YYYY-MM-DD in Europe/Amsterdam (as the server counts "today"). */
function datumOver(dagen: number): string {
  const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date())
  const [y, m, d] = vandaag.split('-').map(Number)
  return new Date(Date.UTC(y as number, (m as number) - 1, (d as number) + dagen)).toISOString().slice(0, 10)
}

const lang = (datum: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${datum}T00:00:00Z`),
  )

const cel = (page: Page, tabel: string, rij: RegExp, kolom: number) =>
  page.getByRole('table', { name: tabel }).getByRole('row', { name: rij }).getByRole('cell').nth(kolom).textContent()

describe('vertrouwen', () => {
  it('overview by severity, the party page with its expired certificate in words', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'beheerder-hilversum')
    // The nav group "Vertrouwen" leads to the overview.
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })
    await nav.getByRole('link', { name: 'Overzicht', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Vertrouwen' }).waitFor()
    expect(await page.title()).toBe('Vertrouwen — Regiekamer')
    // The first samenwerking the user sees is chosen.
    const keuze = page.getByLabel('Samenwerking', { exact: true })
    expect(await keuze.locator('option:checked').textContent()).toBe(HW)

    const tabel = `Bevindingen van ${HW} per ernst`
    await page.getByRole('table', { name: tabel }).waitFor()
    expect(await cel(page, tabel, /^Hoog/, 0)).toBe('1')
    // Middel: the review, the contract without exit strategy, and the supplier's yearly assurance.
    expect(await cel(page, tabel, /^Middel/, 0)).toBe('3')
    expect(await cel(page, tabel, /^Laag/, 0)).toBe('0')
    expect(await cel(page, tabel, /^Middel/, 1)).toBe('0')
    // A count leads to the list filtered on it.
    expect(await page.getByRole('link', { name: '1 open bevinding met ernst hoog' }).getAttribute('href')).toMatch(
      /^\/bevindingen\?samenwerkingId=[0-9a-f-]{36}&status=open&ernst=hoog$/,
    )

    const partijen = page.getByRole('table', { name: `Partijen van ${HW} met open bevindingen, ernstigste eerst` })
    const rij = partijen.getByRole('row', { name: new RegExp(LEVERANCIER.replace(/[()]/g, '\\$&')) })
    expect(await rij.getByRole('cell').allTextContents()).toEqual(['1', '3', '0', '4'])
    await poll(() => page.locator('[data-telling="herbeoordeling"]').textContent()).toBe(
      '1 toegang, verleend door een lid van deze samenwerking, is niet op tijd herbeoordeeld.',
    )
    expect(await page.getByRole('link', { name: 'Naar de herbeoordelingen' }).getAttribute('href')).toBe('/herbeoordelingen')
    // The evidence window is there (what falls in it depends on today's date).
    await page.locator('[data-telling="verlopend-bewijs"]').waitFor()
    await expectAxeClean(page, 'overzicht')
    await screenshot(page, 'vertrouwen-overzicht')

    await rij.getByRole('link', { name: LEVERANCIER }).click()
    await page.getByRole('heading', { level: 1, name: `${LEVERANCIER}: vertrouwen` }).waitFor()
    expect(page.url()).toMatch(/\/vertrouwen\/partijen\/[0-9a-f-]{36}$/)
    const bewijs = page.getByRole('table', { name: `Bewijsstukken van ${LEVERANCIER}` })
    const iso = bewijs.getByRole('row', { name: /ISO 27001-certificaat/ })
    await iso.waitFor()
    expect(await iso.textContent()).toContain('Verlopen op 1 maart 2026')
    expect(await iso.getByRole('link', { name: 'ISO 27001-certificaat' }).getAttribute('href')).toMatch(/^\/bewijsstukken\/[0-9a-f-]{36}$/)
    const vo = bewijs.getByRole('row', { name: /Verwerkersovereenkomst/ })
    expect(await vo.textContent()).toContain('Geldig, zonder einddatum')
    await poll(() => vo.textContent()).toContain('getekend met Hilversum')

    const contract = page
      .getByRole('table', { name: `Contracten met ${LEVERANCIER} als leverancier` })
      .getByRole('row', { name: /Key2Belastingen/ })
    await poll(() => contract.getByRole('cell').allTextContents()).toEqual([
      'Licentie, onderhoud en ondersteuning Key2Belastingen (fictief)',
      'Hilversum',
      'vanaf 1 januari 2019',
      'Ja',
      'Nee',
    ])
    const toegang = page.getByRole('table', { name: `Toegangen van ${LEVERANCIER}` }).getByRole('row', { name: /Key2Belastingen/ })
    await poll(() => toegang.getByRole('cell').allTextContents()).toEqual([
      'Key2Belastingen',
      'Beheer op afstand en tweedelijns ondersteuning Key2Belastingen (fictief)',
      'Hilversum',
      '15 november 2024',
    ])
    const open = page.getByRole('table', { name: 'Open bevindingen' })
    expect(await open.getByRole('row').count()).toBe(5)
    expect(await open.getByRole('row').nth(1).textContent()).toMatch(/^▲Hoog/)
    await expectAxeClean(page, 'partijpagina')
    await screenshot(page, 'vertrouwen-partij')
    expect(errors).toEqual([])
    await context.close()
  })

  it('filters the findings, accepts a risk with reason, owner and end date, and the dashboard counts it', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'beheerder-hilversum')
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bevindingen', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Bevindingen' }).waitFor()
    const tabel = page.getByRole('table', { name: /^Bevindingen \d+–\d+ van \d+$/ })
    await poll(() => tabel.locator('caption').textContent()).toBe('Bevindingen 1–4 van 4')
    // Most severe first, the severity in words, the control and the party by name.
    const eerste = tabel.getByRole('row').nth(1)
    expect(await eerste.getByRole('cell').first().textContent()).toBe('▲Hoog')
    expect(await eerste.textContent()).toContain('Maatregel: BIO 15.1.2; BIO2 5.19, 5.20; AVG art. 28')
    expect(await eerste.getByRole('link', { name: LEVERANCIER }).getAttribute('href')).toMatch(/^\/vertrouwen\/partijen\//)
    expect(await eerste.textContent()).toContain('verlopen op 1 maart 2026')

    await page.getByLabel('Ernst', { exact: true }).selectOption({ label: 'Middel' })
    await page.getByRole('button', { name: 'Filteren', exact: true }).click()
    await poll(() => new URL(page.url()).searchParams.get('ernst')).toBe('middel')
    await poll(() => tabel.locator('caption').textContent()).toBe('Bevindingen 1–3 van 3')
    await page.getByLabel('Soort regel', { exact: true }).selectOption({ label: 'Herbeoordeling van toegang' })
    await page.getByRole('button', { name: 'Filteren', exact: true }).click()
    await poll(() => tabel.locator('caption').textContent()).toBe('Bevindingen 1–1 van 1')
    expect(new URL(page.url()).search).toBe('?ernst=middel&regelSoort=herbeoordeling')
    await expectAxeClean(page, 'bevindingenlijst')
    await screenshot(page, 'vertrouwen-bevindingen')

    await tabel.getByRole('link', { name: 'Herbeoordeling van toegang' }).click()
    const titel = `Herbeoordeling van toegang: ${LEVERANCIER}`
    await page.getByRole('heading', { level: 1, name: titel }).waitFor()
    expect(await page.getByText(/is voor het laatst herbeoordeeld op 15 november 2024/).count()).toBeGreaterThan(0)
    expect(
      await page
        .getByText('Laat Hilversum de toegang herbeoordelen: goedkeuren tot een nieuwe datum, of intrekken met een reden.')
        .isVisible(),
    ).toBe(true)
    await poll(() => page.getByRole('link', { name: 'Key2Belastingen', exact: true }).count()).toBeGreaterThan(0)
    expect(await page.getByRole('link', { name: 'Toegang bekijken' }).getAttribute('href')).toMatch(/^\/toegangen\//)
    const geschiedenis = page.locator('.rk-vtw-tijdlijn li')
    expect(await geschiedenis.count()).toBe(1)
    expect(await geschiedenis.first().textContent()).toMatch(/^Geopend \d{1,2} \w+ \d{4} om \d{2}:\d{2}/)
    await expectAxeClean(page, 'bevinding')

    // Empty: the form says so at each field, before asking anything.
    await page.getByRole('button', { name: 'Risico aanvaarden…' }).click()
    await poll(() => page.getByLabel('Reden', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Risico-eigenaar', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByText('Einddatum: Kies een einddatum.').isVisible()).toBe(true)
    expect(await page.getByRole('dialog').count()).toBe(0)
    // A date before today is refused at its field.
    await page.getByLabel('Reden', { exact: true }).fill('De leverancier herbeoordeelt samen met ons in het eerste kwartaal.')
    await page.getByLabel('Risico-eigenaar', { exact: true }).fill('CISO Hilversum')
    await page.getByLabel('Einddatum', { exact: true }).fill(datumOver(-1))
    await page.getByRole('button', { name: 'Risico aanvaarden…' }).click()
    await poll(() => page.getByLabel('Einddatum', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Reden', { exact: true }).getAttribute('aria-invalid')).not.toBe('true')
    await expectAxeClean(page, 'risico-formulier met fouten')
    await screenshot(page, 'vertrouwen-risico-fouten')

    const tot = datumOver(90)
    await page.getByLabel('Einddatum', { exact: true }).fill(tot)
    await page.getByRole('button', { name: 'Risico aanvaarden…' }).click()
    const dialoog = page.getByRole('dialog', { name: 'Risico aanvaarden?' })
    await dialoog.waitFor()
    expect(await dialoog.textContent()).toContain(`tot en met ${lang(tot)}, met CISO Hilversum als risico-eigenaar`)
    await expectAxeClean(page, 'bevestiging')
    await screenshot(page, 'vertrouwen-risico-bevestigen')
    await dialoog.getByRole('button', { name: 'Ja, risico aanvaarden' }).click()
    await page.getByText(`Het risico is aanvaard tot en met ${lang(tot)}.`).waitFor()
    expect(await page.getByRole('dialog').count()).toBe(0)
    await poll(() => page.locator('.rk-vtw-kopregel [data-status]').textContent()).toBe(`Geaccepteerd tot en met ${lang(tot)}`)
    await poll(() => geschiedenis.count()).toBe(2)
    const stap = (await geschiedenis.nth(1).textContent()) ?? ''
    expect(stap).toMatch(/^Risico aanvaard \d{1,2} \w+ \d{4} om \d{2}:\d{2}/)
    expect(stap).toContain('risico-eigenaar CISO Hilversum')
    expect(stap).toContain('De leverancier herbeoordeelt samen met ons in het eerste kwartaal.')
    await expectAxeClean(page, 'bevinding na aanvaarden')
    await screenshot(page, 'vertrouwen-bevinding')

    // Listed as geaccepteerd.
    await page.goto(`${ui.origin}/bevindingen?status=geaccepteerd`)
    await poll(() => tabel.locator('caption').textContent()).toBe('Bevindingen 1–1 van 1')
    expect(await tabel.getByRole('row').nth(1).textContent()).toContain(`Geaccepteerd tot en met ${lang(tot)}`)

    // The dashboard: open findings per severity (hoog 1, middel 2 now: the supplier's yearly assurance too), the accepted one apart.
    await page.goto(`${ui.origin}/`)
    const slot = page.locator('[data-slot="bevindingen"]')
    await slot.getByRole('heading', { level: 2, name: 'Bevindingen vertrouwen' }).waitFor()
    await poll(() => slot.locator('[data-ernst="hoog"] dd').textContent()).toBe('1')
    expect(await slot.locator('[data-ernst="middel"] dd').textContent()).toBe('2')
    expect(await slot.locator('[data-ernst="laag"] dd').textContent()).toBe('0')
    expect(await slot.getByRole('link', { name: 'Ernst hoog' }).getAttribute('href')).toBe('/bevindingen?status=open&ernst=hoog')
    expect(await slot.textContent()).toContain('Daarnaast 1 geaccepteerd risico.')
    await expectAxeClean(page, 'dashboard')
    await screenshot(page, 'vertrouwen-dashboard')

    // The link leads to the list filtered on it.
    await slot.getByRole('link', { name: 'Ernst middel' }).click()
    await poll(() => tabel.locator('caption').textContent()).toBe('Bevindingen 1–2 van 2')
    expect(await tabel.textContent()).toContain('Eisen aan het contract')
    expect(await tabel.textContent()).toContain('Jaarlijkse onafhankelijke verklaring')
    expect(errors).toEqual([])
    await context.close()
  })

  it('reads in English, and a user who sees no findings gets zero counts and no accept form', async () => {
    const { page, errors, context } = await openTab(browser)
    await page.addInitScript(() => localStorage.setItem('regiekamer.taal', 'en'))
    await login(page, ui.origin, 'lezer-wijdemeren')
    await page.goto(`${ui.origin}/bevindingen`)
    await page.getByRole('heading', { level: 1, name: 'Findings' }).waitFor()
    await page.getByText('No findings with these filters.').waitFor()
    await page.goto(`${ui.origin}/`)
    const slot = page.locator('[data-slot="bevindingen"]')
    await slot.getByRole('heading', { level: 2, name: 'Trust findings' }).waitFor()
    await poll(() => slot.locator('[data-ernst="hoog"] dd').textContent()).toBe('0')
    await page.goto(`${ui.origin}/vertrouwen`)
    await page.getByRole('heading', { level: 1, name: 'Trust' }).waitFor()
    await poll(() => page.getByText('No open findings within this cooperation.').count()).toBe(1)
    await expectAxeClean(page, 'overview (en)')
    expect(errors).toEqual([])
    await context.close()
  })

  it('on a phone, in English: the explanation in the UI language, and no page scrolls sideways', async () => {
    const { page, errors, context } = await openTab(browser, { viewport: { width: 390, height: 844 } })
    await page.addInitScript(() => localStorage.setItem('regiekamer.taal', 'en'))
    await login(page, ui.origin, 'beheerder-hilversum')
    await page.goto(`${ui.origin}/bevindingen?ernst=hoog`)
    const tabel = page.getByRole('table', { name: 'Findings 1–1 of 1' })
    await tabel.waitFor()
    expect(await tabel.textContent()).toContain('Access of Leverancier belastingsoftware (fictief) to application Key2Belastingen')
    expect(await tabel.getByRole('row').nth(1).getByRole('cell').first().textContent()).toBe('▲High')
    expect(await geenHorizontaleScroll(page)).toBe(true)
    await screenshot(page, 'vertrouwen-bevindingen-en-390')
    await tabel.getByRole('link', { name: 'Evidence required' }).click()
    await page.getByRole('heading', { level: 1, name: `Evidence required: ${LEVERANCIER}` }).waitFor()
    expect(await page.getByText('One of: ISO 27001 certificate, ISAE 3402 type II report, valid on').count()).toBe(1)
    expect(await geenHorizontaleScroll(page)).toBe(true)
    await expectAxeClean(page, 'finding (en, 390)')
    await screenshot(page, 'vertrouwen-bevinding-en-390')
    for (const pad of ['/vertrouwen', '/vertrouwen/partijen']) {
      if (pad === '/vertrouwen/partijen') await page.getByRole('link', { name: LEVERANCIER }).first().click()
      else await page.goto(`${ui.origin}${pad}`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.locator('table').first().waitFor()
      expect(await geenHorizontaleScroll(page), pad).toBe(true)
    }
    await screenshot(page, 'vertrouwen-partij-en-390')
    expect(errors).toEqual([])
    await context.close()
  })
})
