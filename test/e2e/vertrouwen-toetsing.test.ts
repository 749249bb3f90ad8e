import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datumInAmsterdam } from '../../src/domain/declaraties.js'
import {
  expectAxeClean,
  geenHorizontaleScroll,
  launchBrowser,
  login,
  openTab,
  poll,
  screenshot,
  startUi,
  type Tab,
  type Ui,
} from './harness.js'

// Periodic review, the outsourcing check and the trust policy in Chromium on the demo
// data. beheerder-hilversum (the CISO of Hilversum, who granted the access) sees the
// grant of the tax software supplier that was last reviewed on 15 November 2024 as
// overdue, approves it in the dialog and sees it leave the list; revokes the HR
// supplier's grant with a reason; runs the uitbestedingstoets for Key2Belastingen moving
// to Kennemer Infra Beheer; reads the shipped BIO policy and adopts it after a preview.

const BELASTING = 'Leverancier belastingsoftware (fictief)'
const HR = 'Leverancier HR- en salarissoftware (fictief)'

describe('herbeoordeling, uitbestedingstoets and vertrouwensbeleid in Chromium', { timeout: 180_000 }, () => {
  let ui: Ui
  let browser: Browser
  let tab: Tab
  const api = async <T>(path: string, init: { method?: string; body?: unknown; ifMatch?: string } = {}): Promise<T> => {
    const res = await fetch(`${ui.api}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${ui.server.adminToken}`,
        ...(init.body === undefined
          ? {}
          : { 'content-type': init.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
        ...(init.ifMatch ? { 'if-match': init.ifMatch } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    expect(res.status, `${init.method ?? 'GET'} ${path}`).toBe(200)
    return (await res.json()) as T
  }
  const toegangVan = async (partijNaam: string) => {
    const orgs = await api<{ resultaten: { id: string; naam: string }[] }>('/organisaties?paginaGrootte=200')
    const partij = orgs.resultaten.find((o) => o.naam === partijNaam)
    const lijst = await api<{ resultaten: { id: string }[] }>(`/toegangen?partijId=${partij?.id}`)
    const id = lijst.resultaten[0]?.id
    return api<{
      id: string
      revisie: number
      laatsteBeoordeling?: string
      beoordelaar?: string
      intrekking?: { reden: string; op: string }
    }>(`/toegangen/${id}`)
  }

  beforeAll(async () => {
    ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
    tab = await openTab(browser)
    await login(tab.page, ui.origin, 'beheerder-hilversum')
  })
  afterAll(async () => {
    await browser?.close()
    await ui?.close()
  })

  it('shows the grant not reviewed for two years as overdue, approves it in the dialog, and it leaves the list', async () => {
    const { page } = tab
    await page.getByRole('navigation').getByRole('link', { name: 'Herbeoordelingen', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Herbeoordelingen' }).waitFor()
    const tabel = page.getByRole('table', { name: /Toegangen die achterstallig zijn/ })
    const rij = tabel.getByRole('row').filter({ hasText: BELASTING })
    await rij.waitFor()
    expect(await rij.textContent()).toMatch(
      /verleend door Hilversum.*uiterlijk 15 november 2025.*laatst op 15 november 2024.*Achterstallig: \d+ dagen over de datum/,
    )
    expect(await rij.textContent()).toContain('BIO 9.2.5; BIO2 5.18')
    // The grant's object, named by the registry.
    await rij.getByRole('link', { name: 'Key2Belastingen' }).waitFor()
    await page.getByText(/toegang(en)? te herbeoordelen, waarvan 1 achterstallig/).waitFor()
    await expectAxeClean(page, '/herbeoordelingen')
    await screenshot(page, 'vertrouwen-herbeoordelingen')

    await rij.getByRole('button', { name: `Goedkeuren (toegang van ${BELASTING})` }).click()
    const dialoog = page.getByRole('dialog', { name: `Toegang van ${BELASTING} goedkeuren?` })
    await dialoog.waitFor()
    expect(await dialoog.getByLabel(/Nieuwe einddatum/).isVisible()).toBe(true)
    await expectAxeClean(page, 'goedkeuren-dialoog')
    await screenshot(page, 'vertrouwen-herbeoordelen-goedkeuren')
    await dialoog.getByRole('button', { name: 'Ja, goedkeuren' }).click()

    await page
      .getByRole('status')
      .filter({ hasText: `De toegang van ${BELASTING}` })
      .waitFor()
    expect(await page.getByRole('status').filter({ hasText: 'is goedgekeurd' }).count()).toBe(1)
    await poll(() => page.getByRole('row').filter({ hasText: BELASTING }).count()).toBe(0)
    expect(await dialoog.count()).toBe(0)
    await poll(() => page.getByText(/Geen toegangen die achterstallig zijn|waarvan 0 achterstallig/).count()).toBe(1)
    // Focus went back to the page (the button that opened the dialog is gone).
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await expectAxeClean(page, '/herbeoordelingen na goedkeuren')
    await screenshot(page, 'vertrouwen-herbeoordelingen-goedgekeurd')

    const toegang = await toegangVan(BELASTING)
    expect(toegang.laatsteBeoordeling).toBe(datumInAmsterdam(new Date()))
    expect(toegang.beoordelaar).toBe('beheerder-hilversum')
    expect(tab.errors).toEqual([])
  })

  it('revokes another grant: the reason is required, then it leaves the list', async () => {
    const { page } = tab
    await page.getByLabel('Toon ook toegangen die herbeoordeeld moeten worden binnen').selectOption('366')
    await page.getByRole('button', { name: 'Tonen' }).click()
    await page.waitForURL(/binnenDagen=366/)
    const rij = page.getByRole('row').filter({ hasText: HR })
    await rij.waitFor()
    // The approved grant is back in this longer window, due a year from today and no longer overdue.
    expect(await page.getByRole('row').filter({ hasText: BELASTING }).textContent()).toMatch(/Over \d+ dagen/)

    await rij.getByRole('button', { name: `Intrekken (toegang van ${HR})` }).click()
    const dialoog = page.getByRole('dialog', { name: `Toegang van ${HR} intrekken?` })
    await dialoog.waitFor()
    const reden = dialoog.getByLabel('Reden van intrekken')
    // The dialog starts on its field.
    await poll(() => reden.evaluate((el) => el === document.activeElement)).toBe(true)
    await dialoog.getByRole('button', { name: 'Ja, intrekken' }).click()
    await poll(() => reden.getAttribute('aria-invalid')).toBe('true')
    await dialoog.getByText('Geef de reden van het intrekken.').waitFor()
    await expectAxeClean(page, 'intrekken-dialoog met fout')
    await screenshot(page, 'vertrouwen-herbeoordelen-intrekken-fout')

    await reden.fill('Het HR-systeem gaat per 1 januari naar een andere leverancier (e2e).')
    // Meanwhile someone else changes the grant: the dialog's If-Match is stale (412), says so, and reloads the grant.
    const hr = await toegangVan(HR)
    await api(`/toegangen/${hr.id}`, { method: 'PATCH', body: { beoordelaar: 'CISO Hilversum (e2e)' }, ifMatch: `"${hr.revisie}"` })
    await dialoog.getByRole('button', { name: 'Ja, intrekken' }).click()
    await dialoog.getByRole('alert').filter({ hasText: 'heeft deze toegang intussen gewijzigd' }).waitFor()
    expect(await reden.inputValue()).toBe('Het HR-systeem gaat per 1 januari naar een andere leverancier (e2e).')
    await screenshot(page, 'vertrouwen-herbeoordelen-verouderd')
    // With the grant read again, confirming once more sends the current revision.
    await dialoog.getByRole('button', { name: 'Ja, intrekken' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `De toegang van ${HR}` })
      .waitFor()
    expect(await page.getByRole('status').filter({ hasText: 'is ingetrokken' }).count()).toBe(1)
    // A revoked grant needs no review: it leaves the list.
    await poll(() => page.getByRole('row').filter({ hasText: HR }).count()).toBe(0)
    expect(await dialoog.count()).toBe(0)
    await expectAxeClean(page, '/herbeoordelingen na intrekken')
    await screenshot(page, 'vertrouwen-herbeoordelingen-ingetrokken')

    const toegang = await toegangVan(HR)
    expect(toegang.intrekking?.reden).toBe('Het HR-systeem gaat per 1 januari naar een andere leverancier (e2e).')
    // The 412 itself is what the test provokes; nothing else may go wrong.
    expect(tab.errors.filter((e) => !/status of 412/.test(e))).toEqual([])
    tab.errors.length = 0
  })

  it('runs the uitbestedingstoets: field errors at the fields, then koppelingen, grants and failing rules with their BIO control', async () => {
    const { page } = tab
    await page.getByRole('navigation').getByRole('link', { name: 'Uitbestedingstoets', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Uitbestedingstoets' }).waitFor()
    // The user's own organisation is chosen; its applicaties are offered.
    await poll(() => page.getByLabel('Organisatie die uitbesteedt').locator('option:checked').textContent()).toBe('Hilversum')
    await page.getByRole('checkbox', { name: 'Key2Belastingen' }).waitFor()

    await page.getByRole('button', { name: 'Toets uitvoeren' }).click()
    await page.getByRole('link', { name: 'Wat verhuist: Kies minstens één applicatie, of noem een netwerkzone.' }).waitFor()
    await poll(() => page.getByLabel('Partij waarnaar het verhuist').getAttribute('aria-invalid')).toBe('true')
    await expectAxeClean(page, '/uitbestedingstoets met fouten')
    await screenshot(page, 'vertrouwen-uitbestedingstoets-fout')

    await page.getByRole('checkbox', { name: 'Key2Belastingen' }).check()
    // Infrastructure too: a netwerkzone of Hilversum, by name (an empty line is ignored).
    await page.getByLabel('Infrastructuur die verhuist (netwerkzones)').fill('Kantoornetwerk\n\n')
    await page.getByLabel('Partij waarnaar het verhuist').selectOption({ label: 'Kennemer Infra Beheer B.V. (fictief) (leverancier)' })
    await page.getByRole('button', { name: 'Toets uitvoeren' }).click()
    await page.getByRole('heading', { level: 2, name: 'Uitkomst' }).waitFor()
    const samenvatting = page
      .getByRole('status')
      .filter({ hasText: 'Als Hilversum applicatie Key2Belastingen en netwerkzone Kantoornetwerk onderbrengt bij' })
    await samenvatting.waitFor()
    expect(await samenvatting.textContent()).toMatch(/raakt .* 4 koppeling\(en\) en 2 gastheerschap\(pen\).*voldoet vandaag niet/)

    await page.getByRole('heading', { name: 'Koppelingen die Kennemer Infra Beheer B.V. (fictief) zou raken (4)' }).waitFor()
    const koppeling = page.getByRole('link', { name: 'Gegevensmakelaar – Key2Belastingen (BRP)' }).first()
    expect(await koppeling.getAttribute('href')).toMatch(/^\/koppelingen\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { name: 'Gastheerschappen van die koppelingen (2)' }).waitFor()
    const toegangen = page.getByRole('table', { name: 'Toegangen die Kennemer Infra Beheer B.V. (fictief) nodig heeft (6)' })
    await toegangen.waitFor()
    expect(await toegangen.getByRole('row', { name: /netwerkzone Kantoornetwerk/ }).textContent()).toContain(
      'Hilversum brengt netwerkzone Kantoornetwerk onder bij de partij en verleent de toegang.',
    )
    await page.getByRole('heading', { name: /^Regels die Kennemer Infra Beheer B\.V\. \(fictief\) vandaag niet haalt \(\d+\)$/ }).waitFor()
    await page
      .getByRole('heading', { name: 'Regel bewijs-hoog-of-persoonsgegevens (BIO 15.1.2; BIO2 5.19, 5.20; AVG art. 28)' })
      .first()
      .waitFor()
    await page.getByRole('heading', { name: 'Regel verwerkersovereenkomst (BIO 15.1.1; AVG art. 28)' }).waitFor()
    expect(
      await page.getByText(/verwerkersovereenkomst met Hilversum van Kennemer Infra Beheer B\.V\. \(fictief\) ontbreekt/).count(),
    ).toBeGreaterThan(0)
    await page.getByRole('heading', { name: 'Bewijs van Kennemer Infra Beheer B.V. (fictief) dat dit oplost' }).waitFor()
    await page.getByText(/^Een verwerkersovereenkomst, getekend met Hilversum, geldig op \d+ \w+ \d{4}$/).waitFor()
    await page.getByText(/Het contract moet een exitstrategie regelen/).waitFor()
    await expectAxeClean(page, '/uitbestedingstoets uitkomst')
    await screenshot(page, 'vertrouwen-uitbestedingstoets')
    expect(tab.errors).toEqual([])
  })

  it('shows the standard BIO policy readable, each rule with its control, and adopts it after a preview', async () => {
    const { page } = tab
    await page.getByRole('navigation').getByRole('link', { name: 'Vertrouwensbeleid', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Vertrouwensbeleid' }).waitFor()
    await page.getByText('Er is geen vastgesteld beleid dat u mag zien').waitFor()
    await expectAxeClean(page, '/vertrouwensbeleid')
    await screenshot(page, 'vertrouwen-beleid-lijst')

    await page.getByRole('link', { name: 'Standaardbeleid BIO (Regiekamer)' }).click()
    await page.getByRole('heading', { level: 1, name: 'Standaardbeleid BIO (Regiekamer)' }).waitFor()
    const regel = page.getByRole('article', { name: 'Herbeoordeling van toegang (herbeoordeling-jaarlijks)' })
    await regel.waitFor()
    const tekst = (await regel.textContent()) ?? ''
    expect(tekst).toContain('MaatregelBIO 9.2.5; BIO2 5.18')
    expect(tekst).toContain('minstens elke 12 maanden herbeoordeeld')
    expect(tekst).toContain('Toegangsrechten worden minstens jaarlijks herbeoordeeld.')
    const bewijs = (await page.getByRole('article', { name: 'Vereist bewijs (bewijs-hoog-of-persoonsgegevens)' }).textContent()) ?? ''
    expect(bewijs).toContain(
      'Geldig bewijs van de partij: een ISO 27001-certificaat of ISAE 3402 type II-verklaring en een verwerkersovereenkomst met de organisatie die de toegang verleent.',
    )
    expect(bewijs).toContain('Toegang tot applicaties en koppelingen met vertrouwelijkheid hoog of hoger')
    expect(bewijs).toContain('Alleen voor partijen van de soort leverancier of overig.')
    expect(await page.getByRole('article').count()).toBe(8)
    await expectAxeClean(page, '/vertrouwensbeleid/standaard')
    await screenshot(page, 'vertrouwen-beleid-standaard')

    await page.getByRole('link', { name: 'Standaardbeleid overnemen als eigen beleid' }).click()
    await page.getByRole('heading', { level: 1, name: 'Standaardbeleid overnemen' }).waitFor()
    await poll(() => page.getByLabel('Naam van het beleid').inputValue()).toBe('Vertrouwensbeleid Hilversum')
    await page.getByRole('button', { name: 'Gevolgen bekijken' }).click()
    const uitkomst = page
      .getByRole('status')
      .filter({ hasText: /^Als u dit beleid vastlegt: \d+ bevindingen? zou(den)? openen en \d+ bevindingen? zou(den)? sluiten\.$/ })
    await uitkomst.waitFor()
    await page.getByRole('table', { name: /bevinding(en)? zou(den)? openen/ }).waitFor()
    await expectAxeClean(page, '/vertrouwensbeleid/overnemen voorvertoning')
    await screenshot(page, 'vertrouwen-beleid-overnemen')

    await page.getByRole('button', { name: 'Beleid vastleggen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Vertrouwensbeleid Hilversum' }).waitFor()
    await page.getByText('Het beleid "Vertrouwensbeleid Hilversum" is vastgelegd.').waitFor()
    const versies = page.getByRole('table', { name: /1 versie, nieuwste eerst/ })
    await versies.waitFor()
    expect(await versies.getByRole('row').nth(1).textContent()).toMatch(
      /1 \(geldt nu\)\d+ \w+ \d{4} om \d{2}:\d{2}beheerder-hilversumVertrouwensbeleid Hilversum8 regels/,
    )
    expect(await page.getByRole('article').count()).toBe(8)
    await expectAxeClean(page, '/vertrouwensbeleid/{id}')
    await screenshot(page, 'vertrouwen-beleid-detail')

    // A second version, saved elsewhere (the API): the history says who, when and which rule changed.
    const id = new URL(page.url()).pathname.split('/').pop() ?? ''
    const beleid = await api<{ revisie: number; regels: { id: string; soort: string; maxMaanden?: number }[] }>(`/vertrouwensbeleid/${id}`)
    const regels = beleid.regels.map((r) => (r.id === 'herbeoordeling-jaarlijks' ? { ...r, maxMaanden: 6 } : r))
    await api(`/vertrouwensbeleid/${id}`, { method: 'PATCH', body: { regels }, ifMatch: `"${beleid.revisie}"` })
    await page.reload()
    const twee = page.getByRole('table', { name: /2 versies, nieuwste eerst/ })
    await twee.waitFor()
    expect(await twee.getByRole('row').nth(1).textContent()).toMatch(/^2 \(geldt nu\).*8 regels; gewijzigd: herbeoordeling-jaarlijks$/)
    expect(await page.getByRole('article', { name: 'Herbeoordeling van toegang (herbeoordeling-jaarlijks)' }).textContent()).toContain(
      'minstens elke 6 maanden herbeoordeeld',
    )
    await screenshot(page, 'vertrouwen-beleid-versies')

    await page.getByRole('link', { name: 'Terug naar vertrouwensbeleid' }).click()
    await page
      .getByRole('table', { name: 'Vastgesteld beleid 1–1 van 1' })
      .getByRole('link', { name: 'Vertrouwensbeleid Hilversum' })
      .waitFor()
    expect(tab.errors).toEqual([])
  })

  it('opens each page by its address on a phone: no sideways scrolling, rows as cards', async () => {
    const telefoon = await openTab(browser, { viewport: { width: 390, height: 844 } })
    const { page } = telefoon
    await login(page, ui.origin, 'beheerder-hilversum')
    for (const [pad, kop] of [
      ['/herbeoordelingen?binnenDagen=366', 'Herbeoordelingen'],
      ['/uitbestedingstoets', 'Uitbestedingstoets'],
      ['/vertrouwensbeleid', 'Vertrouwensbeleid'],
      ['/vertrouwensbeleid/standaard', 'Standaardbeleid BIO (Regiekamer)'],
    ] as const) {
      await page.goto(`${ui.origin}${pad}`)
      await page.getByRole('heading', { level: 1, name: kop }).waitFor()
      if (pad.startsWith('/herbeoordelingen')) await page.getByRole('row').filter({ hasText: BELASTING }).waitFor()
      if (pad === '/vertrouwensbeleid/standaard') await page.getByRole('article').first().waitFor()
      expect(await geenHorizontaleScroll(page), pad).toBe(true)
      await expectAxeClean(page, `${pad} op 390 px`)
    }
    await page.goto(`${ui.origin}/herbeoordelingen?binnenDagen=366`)
    await page.getByRole('row').filter({ hasText: BELASTING }).waitFor()
    await screenshot(page, 'vertrouwen-herbeoordelingen-390')
    expect(telefoon.errors).toEqual([])
    await telefoon.context.close()
  })
})
