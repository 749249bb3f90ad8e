import ExcelJS from 'exceljs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login as apiLogin, nextClientIp, send } from '../helpers/toegang.js'
import {
  axeViolations,
  DEMO_WACHTWOORD,
  describeViolations,
  launchBrowser,
  login,
  openTab,
  screenshot,
  startUi,
  type Ui,
} from './harness.js'

// The transparency report and the benchmark in Chromium on the demo data, as the
// rekenkamer's auditor of Bloemendaal and Heemstede sees them.

let ui: Ui
let browser: Browser
beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
  // A second reference for 2025 that only gives a (low) value per werkplek.
  const admin = await apiLogin(ui.api, 'admin', DEMO_WACHTWOORD, nextClientIp())
  const res = await send<{ id: string }>(ui.api, 'POST', '/referentiewaarden', {
    session: admin,
    body: { naam: LAAG, jaar: 2025, kostenPerWerkplek: 1_000_00 },
  })
  expect(res.status).toBe(201)
  laagId = res.body.id
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

const BH = 'ICT-samenwerking Bloemendaal – Heemstede'
const HW = 'Gastheerschappen Hilversum – Wijdemeren'
const DEMO_REF = 'Benchmark gemeenten 25.000–100.000 inwoners (gemiddelde)'
const LAAG = 'Lage referentie werkplek (test)'
let laagId = ''
/** Amounts come with a no-break space after the euro sign. */
const tekst = async (p: Promise<string | null>) => ((await p) ?? '').replace(/\u00a0/g, ' ')

describe('transparantie', () => {
  it('shows the auditor the Bloemendaal – Heemstede report for 2025 with charts, tables and an XLSX download', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'auditor-rekenkamer')
    await page.getByRole('navigation').getByRole('link', { name: 'Transparantie' }).click()
    await page.waitForURL(/\/transparantie/)
    await expect.poll(() => page.title()).toBe('Transparantie — Regiekamer')
    await page.getByLabel('Samenwerking').selectOption({ label: BH })
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025')
    await page.getByRole('heading', { level: 2, name: `${BH} · 2025` }).waitFor()
    expect(new URL(page.url()).searchParams.get('jaar')).toBe('2025')

    const kern = page.getByTestId('kerncijfers')
    await expect.poll(() => tekst(kern.textContent())).toContain('€ 899.042,35')
    const perOrg = page.getByRole('table', { name: 'Kosten per organisatie in 2025, structureel en initieel' })
    const rij = (naam: string) => perOrg.getByRole('row', { name: new RegExp(`^${naam}`) })
    expect(await tekst(rij('Bloemendaal').getByRole('cell').last().textContent())).toBe('€ 409.064,27')
    expect(await tekst(rij('Heemstede').getByRole('cell').last().textContent())).toBe('€ 489.978,08')
    expect(await tekst(rij('Totaal').getByRole('cell').last().textContent())).toBe('€ 899.042,35')
    const trend = page.getByRole('table', { name: 'Kosten per organisatie per jaar' })
    expect(await trend.getByRole('columnheader').allTextContents()).toEqual(['Organisatie', '2024', '2025'])
    expect(await page.getByRole('table', { name: /Verdeelsleutels/ }).textContent()).toContain(
      'vast percentage: Bloemendaal 45,5%, Heemstede 54,5%',
    )

    // Charts: drawn as SVG, each one image with a label.
    await expect.poll(() => page.locator('[data-grafiek] svg').count()).toBe(3)
    for (const g of await page.locator('[data-grafiek]').all()) {
      expect(await g.getAttribute('role')).toBe('img')
      expect((await g.getAttribute('aria-label'))?.length).toBeGreaterThan(20)
    }
    expect(await page.locator('[data-grafiek] svg rect, [data-grafiek] svg path').count()).toBeGreaterThan(10)

    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await screenshot(page, 'transparantie-bloemendaal-heemstede-2025')

    // The XLSX download: a real file with the same totals.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tabellen als Excel (XLSX)' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('transparantieverslag-ict-samenwerking-bloemendaal-heemstede-2025.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await download.path()) as string)
    const rijen = (wb.getWorksheet('Per organisatie')?.getSheetValues() ?? []).slice(2) as unknown[][]
    expect(rijen.map((r) => [r[1], Math.round(Number(r[2]) * 100)])).toEqual([
      ['Bloemendaal', 40906427],
      ['Heemstede', 48997808],
      ['Totaal', 89904235],
    ])
    const pdf = await page.request.get(await page.getByRole('link', { name: /PDF/ }).evaluate((a) => (a as HTMLAnchorElement).href))
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    expect(errors).toEqual([])
    await context.close()
  })
})

describe('transparantie: the latest year and the money chain (issue 20)', () => {
  it('opens on 2026 for Hilversum – Wijdemeren, compares only posts with a realisatie and shows the chain per afnemer', async () => {
    // A council member's laptop: 1366 px wide.
    const { page, errors, context } = await openTab(browser, { viewport: { width: 1366, height: 768 } })
    await login(page, ui.origin, 'lezer-wijdemeren')
    await page.goto(`${ui.origin}/transparantie`)
    await page.getByLabel('Samenwerking').selectOption({ label: HW })
    await page.getByRole('heading', { level: 2, name: `${HW} · 2026` }).waitFor()
    expect(await page.getByLabel('Jaar', { exact: true }).inputValue()).toBe('2026')

    const kern = page.getByTestId('kerncijfers')
    await expect.poll(() => tekst(kern.textContent())).toContain('€ 346,11 (+0,1%)')
    expect(await tekst(kern.textContent())).toContain('€ 54.000,00 begroot, 1 post')
    expect(await tekst(kern.textContent())).not.toContain('−19')

    const keten = page.getByRole('table', { name: 'Toegerekend, gedeclareerd, betaald en openstaand per afnemer in 2026' })
    expect(await keten.getByRole('columnheader').allTextContents()).toEqual([
      'Afnemer (betaalt)',
      'Toegerekend',
      'Concept',
      'Definitief',
      'Verzonden',
      'Betaald',
      'Gedeclareerd',
      'Openstaand',
      'Nog te declareren',
    ])
    const rij = await tekst(keten.getByRole('row', { name: /^Wijdemeren/ }).textContent())
    expect(rij).toContain('€ 335.296,11')
    expect(rij).toContain('€ 0,00')
    await page.getByRole('heading', { level: 3, name: 'Declaraties aan Wijdemeren' }).waitFor()
    expect(await tekst(page.getByRole('region', { name: 'Van toerekening tot betaling' }).textContent())).toContain(
      'Hilversum heeft Wijdemeren voor 2026 nog niets gedeclareerd (toegerekend: € 335.296,11).',
    )
    // Every column of every report table is in view at 1366 px: no table wider than its box.
    const teBreed = await page.evaluate(() =>
      [...document.querySelectorAll('main table')]
        .filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1)
        .map((t) => t.querySelector('caption')?.textContent),
    )
    expect(teBreed).toEqual([])
    // The downloads follow the UI's language.
    const pdfHref = await page.getByRole('link', { name: /PDF/ }).evaluate((a) => (a as HTMLAnchorElement).href)
    expect(new URL(pdfHref).searchParams.get('taal')).toBe('nl')
    expect(new URL(pdfHref).searchParams.get('jaar')).toBe('2026')

    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await screenshot(page, 'transparantie-hilversum-wijdemeren-2026')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('benchmark', () => {
  it('shows costs per inwoner and per werkplek with the assessment in words', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'auditor-rekenkamer')
    await page.goto(`${ui.origin}/benchmark?jaar=2025`)
    await expect.poll(() => page.title()).toBe('Benchmark — Regiekamer')
    const perInwoner = page.getByRole('table', { name: 'ICT-kosten per inwoner in 2025' })
    await perInwoner.waitFor()
    expect(await perInwoner.getByRole('rowheader').allTextContents()).toEqual(['Bloemendaal', 'Heemstede'])
    // Against the demo reference (€ 78,40 per inwoner, € 7.650 per werkplek) both are below.
    expect(await page.getByLabel('Referentie', { exact: true }).locator('option:checked').textContent()).toBe(DEMO_REF)
    expect(await perInwoner.getByText('onder gemiddelde').count()).toBe(2)
    const perWerkplek = page.getByRole('table', { name: 'ICT-kosten per werkplek in 2025' })
    expect(await perWerkplek.getByText('onder gemiddelde').count()).toBe(2)
    expect(await tekst(perWerkplek.getByRole('row', { name: /^Bloemendaal/ }).textContent())).toContain('€ 1.319,56')
    await expect.poll(() => page.locator('[data-grafiek] svg').count()).toBe(2)

    // Against a lower reference per werkplek: above, said in words; the choice is in the URL.
    await page.getByLabel('Referentie', { exact: true }).selectOption({ label: LAAG })
    await expect.poll(() => perWerkplek.getByText('boven gemiddelde').count()).toBe(2)
    expect(new URL(page.url()).searchParams.get('referentiewaardeId')).toBe(laagId)
    expect(await perInwoner.textContent()).toContain('De referentie noemt geen kosten per inwoner.')
    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await screenshot(page, 'benchmark-2025')

    // 2024: no werkplekken and no inwoners known → reasons instead of figures.
    await page.getByLabel('Jaar', { exact: true }).selectOption('2024')
    const werkplek2024 = page.getByRole('table', { name: 'ICT-kosten per werkplek in 2024' })
    await werkplek2024.waitFor()
    expect(await werkplek2024.textContent()).toContain('Geen werkplekken bekend voor 2024.')
    expect(errors).toEqual([])
    await context.close()
  })
})
