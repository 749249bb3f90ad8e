import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import type { Declaratie } from '../../src/schemas/declaraties.js'
import { DeclaratieService } from '../../src/services/declaratie-service.js'
import { createServices } from '../../src/services/index.js'
import { axeViolations, describeViolations, launchBrowser, login, openTab, screenshot, startUi, type Ui } from './harness.js'

// Issue 20 (items 2, 6, 10 and the declaratie part of 17) in Chromium on the demo data.
// Arranged in-process as the CLI would: Hilversum's 2026-Q3 declaratie to Wijdemeren is
// final and a post has changed since. Then, as regisseur-hilversum: the year filter finds
// the quarter's declaratie; "Markeren als verzonden" asks first in a dialog (Escape
// cancels, nothing is sent); a correction is made and finalised, and the two declaraties
// point at each other; on a phone the lines stack and the total stays in view.

let ui: Ui
let browser: Browser
let origineel: Declaratie

const axeSchoon = async (page: Page) => {
  const v = await axeViolations(page)
  expect(v, describeViolations(v)).toEqual([])
}
const focusTekst = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim())

beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
  const db = ui.server.database.handle.db
  const services = createServices(db)
  const actor = cliActor('e2e')
  const declaraties = new DeclaratieService(db, services.changes)
  const gen = await declaraties.genereren(actor, { periode: '2026-Q3' })
  const concept = gen.gegenereerd.find((d) => d.aanNaam === 'Wijdemeren')
  if (!concept) throw new Error('no 2026-Q3 concept for Wijdemeren')
  origineel = await declaraties.definitiefMaken(actor, concept.id, undefined)
  // The realisatie of one post changes after finalising: a correction is now due.
  const regel = origineel.regels.find((r) => r.omschrijving === 'Inzet team belastingen en WOZ')
  if (!regel) throw new Error('no line for the belastingen post')
  await services.kostenposten.patch(actor, regel.kostenpostId, { realisatie: regel.bedrag + 12_345 }, undefined)
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await ui?.close()
})

describe('declaraties: year filter, confirmation, corrections both ways, phone', () => {
  let correctieNummer = ''

  it('the Periode filter "2026" finds the 2026-Q3 declaratie (it said "Geen declaraties gevonden")', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.goto(`${ui.origin}/declaraties`)
    await page.getByRole('heading', { level: 1, name: 'Declaraties' }).waitFor()
    await page.getByLabel('Periode').fill('2026')
    await page.getByRole('button', { name: 'Filteren', exact: true }).click()
    const tabel = page.getByRole('table', { name: /Declaraties 1–1 van 1/ })
    await tabel.waitFor()
    expect(await tabel.getByRole('row', { name: new RegExp(`${origineel.nummer}.*2026-Q3`) }).count()).toBe(1)
    expect(page.url()).toContain('periode=2026')
    expect(await page.getByText('Geen declaraties gevonden.').count()).toBe(0)
    // A quarter of another year finds nothing.
    await page.getByLabel('Periode').fill('2025-Q3')
    await page.getByRole('button', { name: 'Filteren', exact: true }).click()
    await page.getByText('Geen declaraties gevonden.').waitFor()
    await axeSchoon(page)
    expect(errors).toEqual([])
    await context.close()
  })

  it('"Markeren als verzonden" asks first in a dialog: focus inside, Escape cancels without a call, then it marks it sent', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    const verzonden: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/verzenden')) verzonden.push(r.method())
    })
    await page.goto(`${ui.origin}/declaraties/${origineel.id}`)
    await page.getByRole('heading', { level: 1, name: `Declaratie ${origineel.nummer}` }).waitFor()
    expect(await page.getByRole('button', { name: 'Verzenden', exact: true }).count()).toBe(0)
    const knop = page.getByRole('button', { name: 'Markeren als verzonden' })
    expect(await knop.getAttribute('aria-haspopup')).toBe('dialog')

    await knop.click()
    const dialoog = page.getByRole('dialog', { name: `Declaratie ${origineel.nummer} markeren als verzonden?` })
    await dialoog.waitFor()
    expect(await dialoog.getByText(/Regiekamer verstuurt zelf niets/).isVisible()).toBe(true)
    expect(await focusTekst(page)).toBe('Annuleren')
    // A modal dialog: the page behind it is inert; Shift+Tab goes to the other button in it.
    expect(await page.evaluate(() => document.querySelector('dialog')?.matches(':modal'))).toBe(true)
    await page.keyboard.press('Shift+Tab')
    expect(await focusTekst(page)).toBe('Ja, markeren als verzonden')
    await axeSchoon(page)
    await screenshot(page, 'declaratie-bevestig-verzenden')

    await page.keyboard.press('Escape')
    await dialoog.waitFor({ state: 'hidden' })
    await expect.poll(() => focusTekst(page)).toBe('Markeren als verzonden')
    expect(verzonden).toEqual([])
    expect(await page.getByText(/· Definitief$/).isVisible()).toBe(true)

    await knop.click()
    await dialoog.waitFor()
    await dialoog.getByRole('button', { name: 'Ja, markeren als verzonden' }).click()
    await page.getByText('De declaratie is gemarkeerd als verzonden.').waitFor()
    await dialoog.waitFor({ state: 'hidden' })
    expect(verzonden).toEqual(['POST'])
    expect(await page.getByText(/· Verzonden$/).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Markeren als verzonden' }).count()).toBe(0)
    // The trigger is gone: the focus lands on the page's heading, not on nothing.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1')

    // "Betaald melden" asks too, with the date in the dialog; Annuleren leaves it unpaid.
    await page.getByRole('button', { name: 'Betaald melden' }).click()
    const betaald = page.getByRole('dialog', { name: `Betaling van declaratie ${origineel.nummer} melden?` })
    await betaald.waitFor()
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('date')
    await axeSchoon(page)
    await betaald.getByRole('button', { name: 'Annuleren' }).click()
    await betaald.waitFor({ state: 'hidden' })
    expect(await page.getByText(/· Verzonden$/).isVisible()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('a correction and its original point at each other, with links, and the original shows what is due after it', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'regisseur-hilversum')
    await page.goto(`${ui.origin}/declaraties/${origineel.id}`)
    await page.getByRole('heading', { level: 1, name: `Declaratie ${origineel.nummer}` }).waitFor()
    await page.getByRole('button', { name: 'Corrigeren' }).click()
    await page.getByRole('heading', { level: 1, name: 'Correctiedeclaratie (concept)' }).waitFor()
    await page.getByRole('button', { name: 'Definitief maken' }).click()
    const dialoog = page.getByRole('dialog', { name: 'Declaratie definitief maken?' })
    await dialoog.waitFor()
    await dialoog.getByRole('button', { name: 'Ja, definitief maken' }).click()
    const gelukt = page.getByText(/definitief gemaakt met nummer (\d{4}-\d{4})/)
    await gelukt.waitFor()
    correctieNummer = /(\d{4}-\d{4})/.exec((await gelukt.textContent()) ?? '')?.[1] ?? ''
    expect(correctieNummer).not.toBe(origineel.nummer)
    await page.getByRole('heading', { level: 1, name: `Correctiedeclaratie ${correctieNummer}` }).waitFor()

    // Correction → original.
    await page.getByRole('link', { name: origineel.nummer as string, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: `Declaratie ${origineel.nummer}` }).waitFor()
    // Original → correction, and the net amount.
    // The page may first show the original as cached while the correction was a concept
    // ("correctiedeclaratie (concept)"), then as it is now: wait for the numbered link.
    const link = page.getByRole('link', { name: `correctiedeclaratie ${correctieNummer}` })
    await link.waitFor()
    expect(await page.getByRole('heading', { name: 'Gecorrigeerd door' }).isVisible()).toBe(true)
    expect(await page.getByText('(definitief, verschil € 123,45)').isVisible()).toBe(true)
    expect(await page.getByText('Deze declaratie was € 79.017,62; na correcties is verschuldigd: € 79.141,07.').isVisible()).toBe(true)
    const regels = page.getByRole('table', { name: /Regels van de declaratie/ })
    expect(await regels.getByRole('row', { name: /Totaal na correcties.*€ 79\.141,07/ }).count()).toBe(1)
    await axeSchoon(page)
    await screenshot(page, 'declaratie-gecorrigeerd')
    await link.click()
    await page.getByRole('heading', { level: 1, name: `Correctiedeclaratie ${correctieNummer}` }).waitFor()

    // The list marks the corrected declaratie.
    await page.goto(`${ui.origin}/declaraties?periode=2026-Q3`)
    const tabel = page.getByRole('table', { name: /Declaraties 1–2 van 2/ })
    await tabel.waitFor()
    expect(
      await tabel
        .getByRole('row', { name: new RegExp(`${origineel.nummer}.*gecorrigeerd door ${correctieNummer}.*na correcties € 79\\.141,07`) })
        .count(),
    ).toBe(1)
    await axeSchoon(page)
    expect(errors).toEqual([])
    await context.close()
  })

  it('on a phone (390 × 844) the lines stack: no sideways scroll, every amount and the total in view; downloads are touch targets', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'lezer-wijdemeren')
    for (const [breedte, hoogte] of [
      [390, 844],
      [1280, 900],
    ] as const) {
      await page.setViewportSize({ width: breedte, height: hoogte })
      await page.goto(`${ui.origin}/declaraties/${origineel.id}`)
      await page.getByRole('heading', { level: 1, name: `Declaratie ${origineel.nummer}` }).waitFor()
      const maat = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        uitstekend: [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
      }))
      expect(maat.scroll, maat.uitstekend.join(', ')).toBeLessThanOrEqual(maat.client)

      const regels = page.getByRole('table', { name: /Regels van de declaratie/ })
      const totaal = regels.getByText('€ 79.017,62', { exact: true })
      const bedragen = [totaal, ...(await regels.getByText(/^€ [\d.]+,\d\d$/).all())]
      for (const b of bedragen) {
        const box = await b.boundingBox()
        expect(box, (await b.textContent()) ?? '').not.toBeNull()
        expect(box?.x ?? -1).toBeGreaterThanOrEqual(0)
        expect((box?.x ?? 0) + (box?.width ?? 0), `${breedte}: ${await b.textContent()}`).toBeLessThanOrEqual(breedte)
      }
      for (const formaat of ['PDF', 'Excel (XLSX)', 'CSV']) {
        const box = await page.getByRole('link', { name: `${formaat} van deze declaratie downloaden` }).boundingBox()
        expect(box?.height ?? 0, formaat).toBeGreaterThanOrEqual(24)
        expect(box?.width ?? 0, formaat).toBeGreaterThanOrEqual(24)
      }
      if (breedte === 390) {
        // The lines keep their labels when stacked.
        expect(await regels.getByText('Inzet team belastingen en WOZ').isVisible()).toBe(true)
        await screenshot(page, 'mobiel-declaratie')
      }
      await axeSchoon(page)
    }
    expect(errors).toEqual([])
    await context.close()
  })
})
