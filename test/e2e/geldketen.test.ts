import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAxeClean, launchBrowser, login, openTab, poll, screenshot, startUi, type Ui } from './harness.js'

// Issue 20, the chain as a controller and an auditor follow it, through the UI only:
// the controller of Hilversum enters a post for Wijdemeren, declares it and makes the
// declaratie final; changes the post; the post and the declaratie both say a correction
// is due and how much; the correction is made and made final; original and correction
// point at each other; Wijdemeren's audit office reads the change in euros and names.

/** Intl writes a no-break space after "€"; a person reads a space. */
const plat = (s: string | null) =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
const OMSCHRIJVING = 'Licentie WOZ-taxatiemodel (e2e geldketen)'
const PERIODE = '2031-Q2'

let ui: Ui
let browser: Browser
beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

describe('from kostenpost to declaratie to correction, and back', { timeout: 240_000 }, () => {
  it('is followed by the controller in the UI and read by the audit office in euros and names', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')

    // 1. Enter the post.
    await page.goto(`${ui.origin}/kostenposten/nieuw`)
    await page.getByRole('heading', { level: 1, name: 'Nieuwe kostenpost' }).waitFor()
    await page.getByLabel(/^Omschrijving/).fill(OMSCHRIJVING)
    await page.getByRole('radio', { name: 'Gastheerschap' }).check()
    const gastheerschap = page.getByLabel(/^Gastheerschap \(verplicht\)/)
    const belastingen = gastheerschap.locator('option', { hasText: 'Belastingen inclusief uitvoering Wet WOZ' })
    await poll(() => belastingen.count()).toBe(1)
    await gastheerschap.selectOption((await belastingen.getAttribute('value')) as string)
    await page.getByLabel(/^Periode/).fill(PERIODE)
    await page.getByLabel(/^Soort/).selectOption('structureel')
    await page.getByLabel(/^Categorie/).selectOption('licenties')
    await page.getByLabel(/^Realisatie/).fill('12.345,67')
    await poll(async () => plat(await page.locator('#veld-realisatie .rk-begrepen').textContent())).toBe('= € 12.345,67')
    const sleutel = page.getByLabel(/^Verdeelsleutel/)
    await poll(() => sleutel.locator('option', { hasText: 'Wijdemeren vergoedt alles' }).count()).toBe(1)
    await sleutel.selectOption({ label: 'Wijdemeren vergoedt alles' })
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/kostenposten\/[0-9a-f-]{36}$/)
    const postUrl = new URL(page.url()).pathname

    // 2. Declare the period, and 3. make the declaratie final.
    await page.goto(`${ui.origin}/declaraties/genereren`)
    await page.getByLabel('Periode').fill(PERIODE)
    await page.getByRole('button', { name: 'Genereren' }).click()
    await page.getByRole('link', { name: /Hilversum → Wijdemeren: € 12\.345,67/ }).click()
    await page.getByRole('button', { name: 'Definitief maken' }).click()
    await page.getByRole('button', { name: 'Ja, definitief maken' }).click()
    const gelukt = await page.getByText(/definitief gemaakt met nummer (\d{4}-\d{4})/).textContent()
    const nummer = /(\d{4}-\d{4})/.exec(gelukt ?? '')?.[1] as string
    const origineelUrl = new URL(page.url()).pathname

    // 4. Change the post: the form warns first.
    await page.goto(`${ui.origin}${postUrl}/bewerken`)
    await poll(() => page.getByLabel(/^Realisatie/).inputValue()).toBe('12.345,67')
    await page.getByLabel(/^Realisatie/).fill('13.345,67')
    await poll(() => page.getByText(`Deze post is gedeclareerd in ${nummer}; na opslaan is een correctie nodig.`).count()).toBe(1)
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL((u) => u.pathname === postUrl)

    // 5. The post says what is due, and so does the declaratie.
    const gedeclareerd = page.getByRole('region', { name: 'Gedeclareerd' })
    await poll(async () => plat(await gedeclareerd.textContent())).toContain(
      `gedeclareerd € 12.345,67; na deze wijziging € 13.345,67: maak een correctiedeclaratie`,
    )
    await expectAxeClean(page, 'kostenpost with a correction due')
    await gedeclareerd.getByRole('link', { name: 'maak een correctiedeclaratie' }).click()
    await page.waitForURL((u) => u.pathname === origineelUrl)
    const nodig = page.getByRole('alert').filter({ hasText: 'Correctie nodig' })
    await poll(async () => plat(await nodig.textContent())).toContain(
      `${OMSCHRIJVING} (${PERIODE}): gedeclareerd € 12.345,67, nu € 13.345,67, verschil € 1.000,00`,
    )
    expect(await nodig.getByRole('link', { name: OMSCHRIJVING }).getAttribute('href')).toBe(postUrl)
    await screenshot(page, 'geldketen-correctie-nodig')
    await expectAxeClean(page, 'declaratie with a correction due')

    // 6. Correct, and make the correction final.
    await page.getByRole('button', { name: 'Corrigeren' }).click()
    await page.getByRole('heading', { level: 1, name: /Correctiedeclaratie/ }).waitFor()
    const correctieUrl = new URL(page.url()).pathname
    expect(correctieUrl).not.toBe(origineelUrl)
    await page.getByRole('button', { name: 'Definitief maken' }).click()
    await page.getByRole('button', { name: 'Ja, definitief maken' }).click()
    const correctieGelukt = await page.getByText(/definitief gemaakt met nummer (\d{4}-\d{4})/).textContent()
    const correctieNummer = /(\d{4}-\d{4})/.exec(correctieGelukt ?? '')?.[1] as string
    expect(correctieNummer).not.toBe(nummer)

    // 7. Both point at each other; nothing is due any more.
    const corrigeert = page.locator('dd').filter({ has: page.getByRole('link', { name: nummer }) })
    expect(await corrigeert.getByRole('link', { name: nummer }).getAttribute('href')).toBe(origineelUrl)
    await page.goto(`${ui.origin}${origineelUrl}`)
    await poll(async () => plat(await page.locator('main').textContent())).toContain(
      'Deze declaratie was € 12.345,67; na correcties is verschuldigd: € 13.345,67.',
    )
    expect(await page.getByRole('link', { name: `correctiedeclaratie ${correctieNummer}` }).getAttribute('href')).toBe(correctieUrl)
    await poll(() => page.getByText('Correctie nodig').count()).toBe(0)
    await screenshot(page, 'geldketen-gecorrigeerd')
    await expectAxeClean(page, 'corrected declaratie')
    expect(errors).toEqual([])
    await context.close()

    // 8. Wijdemeren's audit office: who changed the post, in euros and names.
    const auditor = await openTab(browser)
    await login(auditor.page, ui.origin, 'auditor-wijdemeren')
    await auditor.page.goto(`${ui.origin}${postUrl}`)
    const wijzigingen = auditor.page.getByRole('region', { name: 'Wijzigingen' })
    await poll(async () => plat(await wijzigingen.textContent())).toContain('Realisatie: € 12.345,67 → € 13.345,67')
    const tekst = plat(await wijzigingen.textContent())
    expect(tekst).toContain('Regisseur gastheerschappen Hilversum (demo)')
    expect(tekst).not.toContain('1234567')
    await expectAxeClean(auditor.page, 'kostenpost changes seen by the audit office')
    // The declaratie and its correction, as the recipient's audit office sees them.
    await auditor.page.goto(`${ui.origin}${correctieUrl}`)
    await poll(async () => plat(await auditor.page.locator('main').textContent())).toContain(`Corrigeert${nummer}`)
    await auditor.page.goto(`${ui.origin}/auditlog?objecttype=declaratie`)
    const tabel = auditor.page.getByRole('table', { name: /Auditregels/ })
    await poll(async () => plat(await tabel.textContent())).toContain('Definitief gemaakt')
    expect(plat(await tabel.textContent())).toContain('Regisseur gastheerschappen Hilversum (demo)')
    await screenshot(auditor.page, 'geldketen-auditor')
    await expectAxeClean(auditor.page, 'audit log of declaraties seen by the audit office')
    expect(auditor.errors).toEqual([])
    await auditor.context.close()
  })
})
