import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAxeClean, launchBrowser, login, openTab, poll, screenshot, startUi, type Ui } from './harness.js'

// Issue 20, items 5, 12 and 15 in Chromium on the demo data: numbers typed the Dutch
// way and shown as understood before saving ("12.345" is twelve thousand); a count saved
// as the person meant it; the kostenpost form's "hoort bij" errors at the chosen field and
// its summary in form order; and a post that says it was declared, warns before a change
// and after it points to where the correction is made.

/** Intl writes a no-break space after "€"; a person reads a space. */
const plat = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()

let ui: Ui
let browser: Browser
beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

const apiGet = <T>(page: Page, pad: string) =>
  page.evaluate(async (p) => (await fetch(`/api/v1${p}`, { headers: { accept: 'application/json' } })).json(), pad) as Promise<T>

describe('numbers typed in a form', () => {
  it('shows an amount as understood while typing, and one message for a stray point', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.goto(`${ui.origin}/kostenposten/nieuw`)
    await page.getByRole('heading', { level: 1, name: 'Nieuwe kostenpost' }).waitFor()
    const realisatie = page.getByLabel(/^Realisatie/)
    const begrepen = page.locator('#veld-realisatie .rk-begrepen')
    await realisatie.fill('12.345')
    await poll(async () => plat(await begrepen.textContent())).toBe('= € 12.345,00')
    expect(await begrepen.getAttribute('aria-live')).toBe('polite')
    await realisatie.fill('12,34')
    await poll(async () => plat(await begrepen.textContent())).toBe('= € 12,34')
    await realisatie.fill('12.34')
    await poll(async () => plat(await begrepen.textContent())).toMatch(/^Bedoelt u 12,34\? Gebruik een komma voor de centen/)
    await realisatie.fill('12345.678')
    await poll(async () => plat(await begrepen.textContent())).toMatch(/^Gebruik een komma voor de centen/)
    await realisatie.fill('12.345,678')
    await poll(async () => plat(await begrepen.textContent())).toBe('Een bedrag heeft hoogstens twee cijfers na de komma (hele centen).')
    await realisatie.fill('12.345')
    await screenshot(page, 'kostenpost-bedrag-begrepen')
    await expectAxeClean(page, 'kostenpost form with an amount understood')
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
    await context.close()
  })

  it('saves "12.345" in a count field as 12345, in Dutch words when it cannot be read', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'beheerder-hilversum')
    await page.goto(`${ui.origin}/organisaties/nieuw`)
    await page.getByRole('heading', { level: 1, name: 'Nieuwe organisatie' }).waitFor()
    await page.getByLabel(/^Naam/).fill('Telbureau (e2e)')
    await page.getByLabel(/^Type/).selectOption('overig')
    await page.getByRole('button', { name: 'Inwonertal toevoegen' }).click()
    await page.getByLabel(/^Jaar \(inwonertal 1\)/).fill('2025')
    const aantal = page.getByLabel(/^Aantal inwoners \(inwonertal 1\)/)
    await aantal.fill('12,5')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const samenvatting = page.locator('.rk-error-summary')
    await samenvatting.waitFor()
    await poll(async () => plat(await samenvatting.textContent())).toContain('Een aantal is een geheel getal, zonder cijfers na de komma.')
    expect(await samenvatting.textContent()).not.toMatch(/Verwacht type|integer/)
    await expectAxeClean(page, 'organisatie form with a count error')

    await aantal.fill('12.345')
    await poll(async () =>
      plat(await aantal.locator('xpath=ancestor::div[contains(@class,"rk-getalveld")]').locator('.rk-begrepen').textContent()),
    ).toBe('= 12.345')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/organisaties\/[0-9a-f-]{36}$/)
    const id = new URL(page.url()).pathname.split('/').pop()
    const org = await apiGet<{ inwoners: { jaar: number; aantal: number }[] }>(page, `/organisaties/${id}`)
    expect(org.inwoners).toEqual([{ jaar: 2025, aantal: 12_345 }])
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
    await context.close()
  })
})

describe('the kostenpost form', () => {
  it('lists no suppliers as makers, puts the "hoort bij" error at the chosen field and sums up in form order', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.goto(`${ui.origin}/kostenposten/nieuw`)
    await page.getByRole('heading', { level: 1, name: 'Nieuwe kostenpost' }).waitFor()
    const makers = page.getByLabel(/^Gemaakt en gedeclareerd door/)
    await poll(() => makers.locator('option', { hasText: 'Hilversum' }).count()).toBeGreaterThan(0)
    const namen = await makers.locator('option').allTextContents()
    expect(namen.filter((n) => /Leverancier|Kennemer Infra/.test(n))).toEqual([])

    await page.getByRole('radio', { name: 'Samenwerking' }).check()
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const samenvatting = page.locator('.rk-error-summary')
    await samenvatting.waitFor()
    await poll(() => page.locator('#veld-samenwerkingId').getByText('Kies de samenwerking waar deze kostenpost bij hoort.').count()).toBe(1)
    const labels = await samenvatting.locator('li').allTextContents()
    expect(labels.some((l) => l.startsWith('Gastheerschap'))).toBe(false)
    // The summary's links in the order of their fields on the page.
    const doelen = await samenvatting.locator('li a').evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').replace(/^#/, '')))
    const posities = await page.evaluate((ids) => {
      const alle = [...document.querySelectorAll('[id^="veld-"]')].map((e) => e.id)
      return ids.map((i) => alle.indexOf(i))
    }, doelen)
    expect(posities.length).toBeGreaterThan(2)
    expect(posities).toEqual([...posities].sort((a, b) => a - b))
    await screenshot(page, 'kostenpost-leeg-samenwerking')
    await expectAxeClean(page, 'empty kostenpost form submitted')
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
    await context.close()
  })
})

describe('a declared kostenpost', () => {
  it('says it is in a definitive declaratie, warns before a change and afterwards points to the correction', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    // Declare 2026-Q1 and finalise it, as the controller does.
    await page.goto(`${ui.origin}/declaraties/genereren`)
    await page.getByLabel('Periode').fill('2026-Q1')
    await page.getByRole('button', { name: 'Genereren' }).click()
    await page.getByRole('link', { name: /Hilversum → Wijdemeren/ }).click()
    await page.getByRole('button', { name: 'Definitief maken' }).click()
    await page.getByRole('button', { name: 'Ja, definitief maken' }).click()
    const gelukt = await page.getByText(/definitief gemaakt met nummer (\d{4}-0001)/).textContent()
    const nummer = /(\d{4}-0001)/.exec(gelukt ?? '')?.[1] as string
    const declaratieUrl = new URL(page.url()).pathname

    const posten = await apiGet<{ resultaten: { id: string; omschrijving: string }[] }>(
      page,
      '/kostenposten?periode=2026-Q1&paginaGrootte=100',
    )
    const post = posten.resultaten.find((p) => p.omschrijving === 'Salarisadministratie Wijdemeren')
    await page.goto(`${ui.origin}/kostenposten/${post?.id}`)
    const sectie = page.getByRole('region', { name: 'Gedeclareerd' })
    await poll(async () => plat(await sectie.textContent())).toContain(
      `in declaratie ${nummer} (definitief) aan Wijdemeren over 2026-Q1: € 18.112,50`,
    )
    expect(await sectie.getByRole('link', { name: nummer }).getAttribute('href')).toBe(declaratieUrl)
    await expectAxeClean(page, 'declared kostenpost')

    await page.getByRole('link', { name: 'Bewerken' }).click()
    await page.getByLabel(/^Realisatie/).waitFor()
    await poll(() => page.getByText(`Deze post is gedeclareerd in ${nummer}. Wijzigt u het bedrag`).count()).toBe(1)
    await page.getByLabel(/^Realisatie/).fill('18.200')
    await poll(() => page.getByText(`Deze post is gedeclareerd in ${nummer}; na opslaan is een correctie nodig.`).count()).toBe(1)
    await poll(async () => plat(await page.locator('#veld-realisatie .rk-begrepen').textContent())).toBe('= € 18.200,00')
    await screenshot(page, 'kostenpost-gedeclareerd-waarschuwing')
    await expectAxeClean(page, 'form of a declared kostenpost')
    await page.getByRole('button', { name: 'Opslaan' }).click()

    await page.waitForURL(new RegExp(`/kostenposten/${post?.id}$`))
    await poll(async () => plat(await sectie.textContent())).toContain(
      `Declaratie ${nummer} aan Wijdemeren: gedeclareerd € 18.112,50; na deze wijziging € 18.200,00: maak een correctiedeclaratie.`,
    )
    await screenshot(page, 'kostenpost-correctie-nodig')
    await expectAxeClean(page, 'kostenpost with a correction due')
    await sectie.getByRole('link', { name: 'maak een correctiedeclaratie' }).click()
    await page.waitForURL((u) => u.pathname === declaratieUrl)
    await page.getByRole('button', { name: 'Corrigeren' }).waitFor()
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
    await context.close()

    // The recipient reads that a correction is due, and that the sender makes it.
    const afnemer = await openTab(browser)
    await login(afnemer.page, ui.origin, 'lezer-wijdemeren')
    await afnemer.page.goto(`${ui.origin}/kostenposten/${post?.id}`)
    const bijAfnemer = afnemer.page.getByRole('region', { name: 'Gedeclareerd' })
    await poll(async () => plat(await bijAfnemer.textContent())).toContain(
      `gedeclareerd € 18.112,50; na deze wijziging € 18.200,00. De afzender maakt een correctiedeclaratie.`,
    )
    await expectAxeClean(afnemer.page, 'declared kostenpost seen by the recipient')
    expect(afnemer.errors).toEqual([])
    await afnemer.context.close()
  })
})
