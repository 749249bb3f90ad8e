import { createHash } from 'node:crypto'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAxeClean, launchBrowser, login, openTab, poll, screenshot, startUi, type Tab, type Ui } from './harness.js'

// The trust registers in Chromium on the demo data, as Hilversum's information manager
// (beheerder-hilversum) uses them: any beheerder may record evidence about a party and
// then keeps it (src/domain/policies/vertrouwen.ts), so she records a pentest of the tax
// software supplier, uploads its report, downloads it again and sees a PNG posing as a
// PDF refused at the field; and she reviews the access Hilversum granted that supplier
// (src/io/demo-vertrouwen.ts: last reviewed in 2024), approving it until a new date.

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from('1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

let ui: Ui
let browser: Browser
let tab: Tab
beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
  tab = await openTab(browser)
  await login(tab.page, ui.origin, 'beheerder-hilversum')
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

/** What a field's aria-describedby points at: its description and its error message. */
const beschrijving = (binnen: Page | Locator, label: string | RegExp) =>
  binnen.getByLabel(label).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  )

describe('bewijsstukken', () => {
  it('records a pentest through the form, uploads its report, downloads it byte for byte and refuses a fake PDF at the field', async () => {
    const { page } = tab
    await page.getByRole('link', { name: 'Bewijsstukken', exact: true }).click()
    await poll(() => h1(page)).toBe('Bewijsstukken')
    // The demo's expired certificate comes first: the list is ordered by end date.
    const eerste = page.getByRole('table', { name: 'Bewijsstukken' }).getByRole('row').nth(1)
    await poll(() => eerste.textContent()).toContain('ISO 27001-certificaat — Leverancier belastingsoftware (fictief)')
    await expectAxeClean(page, 'bewijsstukken, lijst')
    await screenshot(page, 'vertrouwen-bewijsstukken-lijst')

    await page.getByRole('link', { name: 'Nieuw bewijsstuk' }).click()
    await poll(() => h1(page)).toBe('Nieuw bewijsstuk')
    await page.getByLabel(/^Partij/).selectOption({ label: 'Leverancier belastingsoftware (fictief)' })
    // "Getekend met" is asked only for a verwerkersovereenkomst.
    await page.getByLabel(/^Soort bewijsstuk/).selectOption('verwerkersovereenkomst')
    await poll(() => page.getByLabel(/^Getekend met/).count()).toBe(1)
    await page.getByLabel(/^Soort bewijsstuk/).selectOption('pentest')
    await poll(() => page.getByLabel(/^Getekend met/).count()).toBe(0)
    await page.getByLabel(/^Uitgever/).fill('Beveiligingsonderzoek Gooi B.V. (e2e)')
    await page.getByLabel(/^Geldig vanaf/).fill('2026-10-01')
    await page.getByLabel(/^Geldig tot en met/).fill('2027-09-30')
    await page.getByLabel(/^Scope/).fill('Webportaal en API van Key2Belastingen')
    await expectAxeClean(page, 'bewijsstuk, formulier')
    await screenshot(page, 'vertrouwen-bewijsstuk-formulier')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/bewijsstukken\/[0-9a-f-]{36}$/)
    await poll(() => h1(page)).toBe('Penetratietest — Leverancier belastingsoftware (fictief)')
    await poll(() => page.getByText('Er is geen document geüpload.').count()).toBe(1)

    // The report, as raw bytes with its own type and name.
    const veld = 'Document uploaden'
    expect(await beschrijving(page, veld)).toContain('Een PDF, PNG of JPEG van ten hoogste 10 MB.')
    await page.getByLabel(veld).setInputFiles({ name: 'pentest rapport 2026.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.getByRole('button', { name: 'Uploaden', exact: true }).click()
    await poll(() => page.getByRole('status').filter({ hasText: 'Het document “pentest rapport 2026.pdf” is opgeslagen.' }).count()).toBe(1)
    const sha256 = createHash('sha256').update(PDF).digest('hex')
    await poll(() => page.getByTestId('bijlage-sha256').textContent()).toBe(sha256)
    expect(await page.locator('.rk-bijlage').textContent()).toContain(`${PDF.length} bytes`)
    await expectAxeClean(page, 'bewijsstuk met document')
    await screenshot(page, 'vertrouwen-bewijsstuk-document')

    // The download link serves the same bytes, as an attachment.
    const link = page.getByRole('link', { name: 'Download “pentest rapport 2026.pdf”' })
    const href = await link.getAttribute('href')
    expect(href).toMatch(/^\/api\/v1\/bewijsstukken\/[0-9a-f-]{36}\/bijlage$/)
    const gedownload = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'same-origin' })
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        disposition: res.headers.get('content-disposition'),
        bytes: Array.from(new Uint8Array(await res.arrayBuffer())),
      }
    }, href as string)
    expect(gedownload.status).toBe(200)
    expect(gedownload.type).toBe('application/pdf')
    expect(gedownload.disposition).toMatch(/^attachment;/)
    expect(Buffer.from(gedownload.bytes).equals(PDF)).toBe(true)

    // A PNG that calls itself a PDF: refused at the field, in words, and the stored report stays.
    const vervangen = 'Ander document uploaden (vervangt het huidige)'
    await page.getByLabel(vervangen).setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: PNG })
    await page.getByRole('button', { name: 'Uploaden', exact: true }).click()
    await poll(() => page.getByLabel(vervangen).getAttribute('aria-invalid')).toBe('true')
    expect(await beschrijving(page, vervangen)).toContain(
      'Het bestand “scan.pdf” is geen echte PDF: de inhoud past niet bij het soort bestand.',
    )
    expect(await page.getByTestId('bijlage-sha256').textContent()).toBe(sha256)
    await expectAxeClean(page, 'bewijsstuk, fout bij het document')
    await screenshot(page, 'vertrouwen-bewijsstuk-document-fout')

    // Removing asks first, in a modal dialog.
    await page.getByRole('button', { name: 'Document verwijderen' }).click()
    const dialoog = page.getByRole('dialog', { name: 'Document verwijderen?' })
    await dialoog.waitFor()
    await dialoog.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await poll(() => page.getByText('Er is geen document geüpload.').count()).toBe(1)
    await poll(() => page.getByTestId('bijlage-sha256').count()).toBe(0)
    expect(tab.errors.filter((e) => !/status of 400/.test(e))).toEqual([])
  })
})

describe('toegangen', () => {
  it('approves the supplier’s access in the review dialog until a new date; a date in the past is refused at the field', async () => {
    const { page } = tab
    await page.getByRole('link', { name: 'Toegangen', exact: true }).click()
    await poll(() => h1(page)).toBe('Toegangen')
    await expectAxeClean(page, 'toegangen, lijst')
    await page.getByRole('link', { name: /Beheer op afstand en tweedelijns ondersteuning Key2Belastingen/ }).click()
    await page.waitForURL(/\/toegangen\/[0-9a-f-]{36}$/)
    await poll(() => page.getByTestId('herbeoordeling-laatste').textContent()).toContain(
      'Laatst herbeoordeeld op 15 november 2024 door CISO Hilversum (fictief).',
    )
    await expectAxeClean(page, 'toegang, detail')

    await page.getByRole('button', { name: 'Goedkeuren' }).click()
    const dialoog = page.getByRole('dialog', { name: 'Toegang goedkeuren' })
    await dialoog.waitFor()
    const datum = dialoog.getByLabel('Nieuwe einddatum (niet verplicht)')
    await poll(() => datum.evaluate((el) => el === document.activeElement)).toBe(true)
    await datum.fill('2020-01-01')
    await dialoog.getByRole('button', { name: 'Goedkeuren' }).click()
    await poll(() => datum.getAttribute('aria-invalid')).toBe('true')
    expect(await beschrijving(dialoog, 'Nieuwe einddatum (niet verplicht)')).toMatch(/vandaag/)
    await expectAxeClean(page, 'toegang, dialoog met fout')
    await screenshot(page, 'vertrouwen-toegang-goedkeuren-fout')

    const jaar = new Date().getFullYear() + 1
    await datum.fill(`${jaar}-12-31`)
    await dialoog.getByRole('button', { name: 'Goedkeuren' }).click()
    await poll(() => dialoog.count()).toBe(0)
    await poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: `geldig tot en met 31 december ${jaar}` })
        .count(),
    ).toBe(1)
    const gegevens = page.locator('.rk-gegevens').first()
    await poll(() => gegevens.textContent()).toContain(`31 december ${jaar}`)
    await poll(() => page.getByTestId('herbeoordeling-laatste').textContent()).toContain('door beheerder-hilversum')
    await expectAxeClean(page, 'toegang, goedgekeurd')
    await screenshot(page, 'vertrouwen-toegang-goedgekeurd')
    expect(tab.errors.filter((e) => !/status of 400/.test(e))).toEqual([])
  })
  it('records access to a netwerkzone through the form (an empty zone name at its field), then revokes it with a reason', async () => {
    const { page } = tab
    await page.goto(`${ui.origin}/toegangen/nieuw`)
    await poll(() => h1(page)).toBe('Nieuwe toegang')
    await page.getByLabel(/^Partij/).selectOption({ label: 'Leverancier HR- en salarissoftware (fictief)' })
    const object = page.getByRole('group', { name: /^Toegang tot/ })
    await object.getByLabel('Netwerkzone').check()
    await object.getByLabel(/^Beheerder van de netwerkzone/).selectOption({ label: 'Hilversum' })
    await page.getByLabel(/^Doel/).fill('Onderhoud op locatie aan de salarisserver (e2e)')
    await page.getByLabel(/^Verleend door/).selectOption({ label: 'Hilversum' })
    await page.getByLabel(/^Geldig vanaf/).fill('2026-11-01')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const naam = object.getByLabel(/^Naam van de netwerkzone/)
    await poll(() => naam.getAttribute('aria-invalid')).toBe('true')
    await poll(() =>
      page
        .getByRole('region', { name: /Het formulier bevat 1 fout/ })
        .getByRole('link')
        .textContent(),
    ).toMatch(/Toegang tot: Naam van de netwerkzone/)
    await expectAxeClean(page, 'toegang, formulier met fout')
    await screenshot(page, 'vertrouwen-toegang-formulier-fout')
    await naam.fill('Serverruimte stadhuis Hilversum (e2e)')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/toegangen\/[0-9a-f-]{36}$/)
    await poll(() => h1(page)).toBe('Leverancier HR- en salarissoftware (fictief) → Onderhoud op locatie aan de salarisserver (e2e)')
    await poll(() => page.locator('.rk-gegevens').first().textContent()).toContain(
      'Serverruimte stadhuis Hilversum (e2e) (netwerkzone), beheerd door Hilversum',
    )

    await page.getByRole('button', { name: 'Intrekken' }).click()
    const dialoog = page.getByRole('dialog', { name: 'Toegang intrekken' })
    await dialoog.getByRole('button', { name: 'Intrekken' }).click()
    const reden = dialoog.getByLabel(/^Reden van intrekking/)
    await poll(() => reden.getAttribute('aria-invalid')).toBe('true')
    expect(await beschrijving(dialoog, /^Reden van intrekking/)).toContain('Geef de reden van de intrekking.')
    await reden.fill('Onderhoud afgerond (e2e)')
    await dialoog.getByRole('button', { name: 'Intrekken' }).click()
    await poll(() => dialoog.count()).toBe(0)
    await poll(() => page.getByRole('status').filter({ hasText: 'De toegang is ingetrokken.' }).count()).toBe(1)
    const herbeoordeling = page.getByRole('region', { name: 'Herbeoordeling' })
    await poll(() => herbeoordeling.getByText('Reden: Onderhoud afgerond (e2e)').count()).toBe(1)
    expect(await herbeoordeling.textContent()).toMatch(/Ingetrokken op \d+ \w+ \d{4} door beheerder-hilversum\./)
    // A revoked grant is not approved again: no review buttons.
    expect(await page.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0)
    await expectAxeClean(page, 'toegang, ingetrokken')
    await screenshot(page, 'vertrouwen-toegang-ingetrokken')
    expect(tab.errors.filter((e) => !/status of 400/.test(e))).toEqual([])
  })
})
