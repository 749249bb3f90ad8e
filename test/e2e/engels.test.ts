import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAxeClean, launchBrowser, login, openTab, poll, screenshot, startUi, type Tab, type Ui } from './harness.js'

// The English UI reads English throughout: the values of the fixed lists (structureel,
// licenties, in productie, …) show as English labels in forms, filters, lists and
// detail pages, and the server's messages come back English, with English nouns
// ("cost item", "hosting arrangement"), not English with Dutch nouns.

/** The texts of a select's options. */
const opties = (page: Page, label: RegExp | string) =>
  page.getByLabel(label).evaluate((s) => [...(s as HTMLSelectElement).options].map((o) => o.textContent?.trim() ?? ''))

describe('the English UI', () => {
  let ui: Ui
  let browser: Browser
  let tab: Tab
  beforeAll(async () => {
    ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
    tab = await openTab(browser, { locale: 'en-GB' })
    await tab.page.addInitScript(() => localStorage.setItem('regiekamer.taal', 'en'))
    await login(tab.page, ui.origin, 'regisseur-hilversum')
  })
  afterAll(async () => {
    await browser?.close()
    await ui?.close()
  })

  it('shows English labels for the vocabulary values in a form, and the server’s message in English', async () => {
    const { page, errors } = tab
    await page.goto(`${ui.origin}/kostenposten/nieuw`)
    await page.getByRole('heading', { level: 1, name: 'New cost item' }).waitFor()
    await poll(() => opties(page, /^Kind/)).toEqual(expect.arrayContaining(['recurring', 'one-off (initial)']))
    const categorie = await opties(page, /^Category/)
    expect(categorie).toEqual(expect.arrayContaining(['staff', 'licences', 'workstations', 'advice']))
    expect([...categorie, ...(await opties(page, /^Kind/))]).not.toContain('licenties')

    // Costs of a cooperation without the member who incurs them: only the API knows, and says so in English.
    await page.getByLabel(/^Description/).fill('Licences (e2e)')
    await page.getByRole('radio', { name: 'Cooperation' }).check()
    await page.getByRole('combobox', { name: /^Cooperation/ }).selectOption({ label: 'Gastheerschappen Hilversum – Wijdemeren' })
    await page.getByLabel(/^Period/).fill('2026')
    await page.getByLabel(/^Kind/).selectOption('structureel')
    await page.getByLabel(/^Category/).selectOption('licenties')
    await page.getByLabel(/^Budget/).fill('1000')
    const sleutel = page.getByLabel(/^Allocation key/)
    await poll(() => sleutel.locator('option').count()).toBeGreaterThan(1)
    await sleutel.selectOption({ index: 1 })
    await page.getByRole('button', { name: 'Save' }).click()
    await poll(() => page.locator('main').textContent()).toMatch(
      /For costs of a cooperation, give the member that incurs and declares them\./,
    )
    // The summary of messages (names of objects aside, which are data) has no Dutch nouns.
    const samenvatting = (await page.getByRole('alert').first().textContent()) ?? ''
    expect(samenvatting).toMatch(/For costs of a cooperation/)
    expect(samenvatting).not.toMatch(/kostenpost|gastheerschap|samenwerking\b/i)
    await expectAxeClean(page)
    await screenshot(page, 'engels-kostenpost-fout')
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
  })

  it('shows English labels in a list, its filter and a detail page', async () => {
    const { page } = tab
    await page.goto(`${ui.origin}/applicaties`)
    const tabel = page.getByRole('table', { name: 'Applications' })
    await tabel.getByRole('row').nth(1).waitFor()
    const cellen = (await tabel.getByRole('cell').allTextContents()).join(' | ')
    expect(cellen).toContain('in production')
    expect(cellen).not.toContain('in productie')
    expect(await opties(page, /^Status/)).toEqual(expect.arrayContaining(['procurement', 'in production', 'phased out']))

    await page.goto(`${ui.origin}/kostenposten`)
    const posten = page.getByRole('table', { name: 'Cost items' })
    await posten.getByRole('row').nth(1).waitFor()
    await posten.getByRole('row').nth(1).getByRole('link').first().click()
    await page.waitForURL(/\/kostenposten\/[0-9a-f-]{36}$/)
    const gegevens = page.locator('main')
    await poll(() => gegevens.textContent()).toMatch(/recurring|one-off \(initial\)/)
    expect(await gegevens.textContent()).not.toMatch(/\bstructureel\b|\binitieel\b/)
    // Its Changes section too: the recorded fields of its creation read English values.
    const changes = page.getByRole('region', { name: 'Changes' })
    await changes
      .locator('summary', { hasText: /Show the \d+ recorded fields/ })
      .first()
      .click()
    await poll(async () => (await changes.textContent()) ?? '').toMatch(/Kind: (recurring|one-off \(initial\))/)
    expect(await changes.textContent()).not.toMatch(/\bstructureel\b|\binitieel\b|\blicenties\b|\bpersoneel\b/)
    await expectAxeClean(page)
  })

  it('shows English labels in the landscape’s table of data links', async () => {
    const { page } = tab
    await page.goto(`${ui.origin}/landschap`)
    const samenvatting = page.locator('summary', { hasText: /data links/i }).first()
    await samenvatting.waitFor()
    await samenvatting.click()
    const tabel = page.getByRole('table', { name: 'All data links in the landscape: from, to, via and status' })
    await tabel.getByRole('row').nth(1).waitFor()
    const statussen = await tabel.locator('tbody tr td:nth-of-type(4)').allTextContents()
    expect(statussen.length).toBeGreaterThan(0)
    expect(statussen.filter((s) => s !== '')).toEqual(expect.arrayContaining(['in use']))
    expect(statussen).not.toContain('in gebruik')
  })
})
