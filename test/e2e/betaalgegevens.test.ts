import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfTekst } from '../helpers/pdf.js'
import { axeViolations, describeViolations, launchBrowser, login, openTab, screenshot, startUi, type Ui } from './harness.js'

// Issue 20, item 11 in Chromium: the beheerder of Hilversum records its IBAN and payment
// term in the organisation form (a typo in the IBAN is flagged at the field); the
// regisseur's declaratie PDF, downloaded from the English UI, is in English and prints
// the IBAN in groups of four; a kostenpost's form offers the BTW setting in words.

let ui: Ui
let browser: Browser
beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

describe('payment details', () => {
  it('the organisation form has IBAN and Betaaltermijn (dagen); a wrong IBAN is flagged at the field, a right one shown in groups', async () => {
    const { page, errors } = await openTab(browser)
    await login(page, ui.origin, 'beheerder-hilversum')
    await page.goto(`${ui.origin}/organisaties`)
    await page.getByRole('link', { name: 'Hilversum', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Hilversum' }).waitFor()
    // The demo's (fictitious) IBAN, read in groups of four.
    expect(await page.getByText('NL08 RKMR 0000 0402 00').isVisible()).toBe(true)
    await page.getByRole('link', { name: /Bewerken/ }).click()
    const iban = page.getByLabel('IBAN')
    const termijn = page.getByLabel('Betaaltermijn (dagen)')
    expect(await termijn.inputValue()).toBe('30')
    await iban.fill('NL91 ABNA 0417 1643 01')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => iban.getAttribute('aria-invalid')).toBe('true')
    expect(
      await page
        .getByText(/de controlecijfers passen niet bij het rekeningnummer/)
        .first()
        .isVisible(),
    ).toBe(true)
    const violations = await axeViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await screenshot(page, 'organisatie-iban-fout')

    await iban.fill('nl91 abna 0417 1643 00')
    await termijn.fill('14')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.getByRole('heading', { level: 1, name: 'Hilversum' }).waitFor()
    await page.getByText('NL91 ABNA 0417 1643 00').waitFor()
    // The one 400 is the refused IBAN.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
  })

  it('the declaratie PDF downloaded from the English UI is in English, with the IBAN and the due date', async () => {
    const { page, context, errors } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    const csrf = await page.evaluate(async () => ((await (await fetch('/api/v1/_ik')).json()) as { csrfToken: string }).csrfToken)
    const gen = await context.request.post(`${ui.origin}/api/v1/declaraties/_genereren`, {
      data: { periode: '2026-Q2' },
      headers: { 'x-csrf-token': csrf },
    })
    expect(gen.status()).toBe(200)
    const id = ((await gen.json()) as { gegenereerd: { id: string; aanNaam: string }[] }).gegenereerd.find(
      (d) => d.aanNaam === 'Wijdemeren',
    )?.id
    await page.goto(`${ui.origin}/declaraties/${id}`)
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    const link = page.getByRole('link', { name: /PDF/ }).first()
    const href = (await link.getAttribute('href')) ?? ''
    expect(href).toContain('taal=en')
    const tekst = pdfTekst(await (await context.request.get(`${ui.origin}${href}`)).body())
    expect(tekst).toContain('Declaration')
    expect(tekst).toContain('NL91 ABNA 0417 1643 00 in the name of Hilversum')
    expect(tekst).toContain('14 days after the date it is made final')
    expect(tekst).toContain('No VAT due.')
    expect(errors).toEqual([])
  })

  it('a kostenpost form offers the BTW setting in words, "Geen BTW verschuldigd" for a new one', async () => {
    const { page, errors } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.goto(`${ui.origin}/kostenposten/nieuw`)
    const btw = page.getByLabel(/BTW over de bedragen/)
    await btw.waitFor()
    expect(await btw.locator('option:checked').textContent()).toBe('Geen BTW verschuldigd')
    expect(await btw.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['Bedragen zijn exclusief BTW', 'Bedragen zijn inclusief BTW']),
    )
    expect(errors).toEqual([])
  })
})
