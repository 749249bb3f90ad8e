import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAxeClean, launchBrowser, login, openTab, poll, screenshot, startUi, type Ui } from './harness.js'

// Interoperability in Chromium (issue 15), on the demo data: the harmonisation overview
// of Hilversum–Wijdemeren shows Zaaksysteem served by two different applicaties; the
// referentiecomponent's page lists them; an admin runs a trial import of a small
// hand-made ArchiMate file (Hilversum recognised by its CBS code, the rest new), imports
// it and finds the new applicatie in the list; a broken file is refused with its line.

const NS = 'xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'

const GOED = `<?xml version="1.0" encoding="UTF-8"?>
<model ${NS} identifier="id-e2e-model">
  <name xml:lang="nl">Raadsinformatie e2e</name>
  <elements>
    <element identifier="id-e2e-hilversum" xsi:type="BusinessActor">
      <name xml:lang="nl">Gemeente Hilversum</name>
      <properties>
        <property propertyDefinitionRef="pd-cbs"><value xml:lang="nl">GM0402</value></property>
      </properties>
    </element>
    <element identifier="id-e2e-eemnes" xsi:type="BusinessActor">
      <name xml:lang="nl">Eemnes</name>
      <properties>
        <property propertyDefinitionRef="pd-cbs"><value xml:lang="nl">GM0317</value></property>
      </properties>
    </element>
    <element identifier="id-e2e-ris" xsi:type="ApplicationComponent">
      <name xml:lang="nl">Raadsinformatiesysteem e2e</name>
      <properties>
        <property propertyDefinitionRef="pd-contact"><value xml:lang="nl">Griffie Hilversum</value></property>
      </properties>
    </element>
    <element identifier="id-e2e-vergader" xsi:type="ApplicationComponent">
      <name xml:lang="nl">Vergaderapp e2e</name>
    </element>
  </elements>
  <relationships>
    <relationship identifier="id-e2e-r1" source="id-e2e-ris" target="id-e2e-hilversum" xsi:type="Serving"/>
    <relationship identifier="id-e2e-r2" source="id-e2e-vergader" target="id-e2e-eemnes" xsi:type="Serving"/>
    <relationship identifier="id-e2e-r3" source="id-e2e-ris" target="id-e2e-vergader" xsi:type="Flow">
      <name xml:lang="nl">Vergaderstukken e2e</name>
    </relationship>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="pd-cbs" type="string"><name xml:lang="nl">CBS-code</name></propertyDefinition>
    <propertyDefinition identifier="pd-contact" type="string"><name xml:lang="nl">Contactpersoon</name></propertyDefinition>
  </propertyDefinitions>
</model>
`

// Line 5 closes an element that was never opened.
const KAPOT = `<?xml version="1.0" encoding="UTF-8"?>
<model ${NS} identifier="id-kapot">
  <name xml:lang="nl">Kapot</name>
  <elements>
    </element>
  </elements>
</model>
`

let ui: Ui
let browser: Browser
let map: string

beforeAll(async () => {
  ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
  map = await mkdtemp(path.join(tmpdir(), 'regiekamer-e2e-archimate-'))
  await writeFile(path.join(map, 'raadsinformatie.xml'), GOED)
  await writeFile(path.join(map, 'kapot.xml'), KAPOT)
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
  if (map) await rm(map, { recursive: true, force: true })
})

describe('interoperability', () => {
  it('harmonisation of Hilversum–Wijdemeren marks Zaaksysteem as served by different applicaties', async () => {
    const { page, errors } = await openTab(browser)
    await login(page, ui.origin, 'admin')

    // From the samenwerking's page, by its link.
    await page.getByRole('navigation').getByRole('link', { name: 'Samenwerkingen', exact: true }).click()
    await page.getByRole('table').getByRole('link', { name: 'Gastheerschappen Hilversum – Wijdemeren', exact: true }).click()
    await page.getByRole('link', { name: /^Harmonisatie: welke applicaties/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Harmonisatie' }).waitFor()
    await page.getByRole('heading', { level: 2, name: /^Harmonisatie van Gastheerschappen Hilversum – Wijdemeren in \d{4}$/ }).waitFor()

    const zaak = page.locator('[data-referentiecomponent="Zaaksysteem"]')
    await zaak.waitFor()
    expect(await zaak.getAttribute('data-verschillend')).toBe('true')
    expect(await zaak.textContent()).toContain('Verschillende applicaties voor hetzelfde doel')
    const apps = await zaak.locator('[data-applicatie]').evaluateAll((rijen) => rijen.map((r) => r.getAttribute('data-applicatie')))
    expect(apps.sort()).toEqual(['Zaaksysteem Hilversum', 'Zaaksysteem Wijdemeren'])
    // Who uses each, as links to the organisations.
    await zaak.locator('[data-applicatie="Zaaksysteem Hilversum"]').getByRole('link', { name: 'Hilversum', exact: true }).waitFor()
    // Components where partners differ come first.
    const volgorde = await page
      .locator('[data-referentiecomponent]')
      .evaluateAll((secties) => secties.map((s) => s.getAttribute('data-verschillend')))
    expect(volgorde.indexOf('false') === -1 || volgorde.lastIndexOf('true') < volgorde.indexOf('false')).toBe(true)
    // Costs in euros from the kostenposten that name the applicatie (the API counts cents).
    expect(await page.locator('[data-referentiecomponent="Belastingsysteem"] [data-applicatie="Key2Belastingen"]').textContent()).toMatch(
      /€\s?\d{1,3}(\.\d{3})*,\d{2} \(\d+ kostenpost(en)?\)/,
    )
    // Key2Belastingen fulfils two components: the page says its costs are not to be added up.
    await page.getByText(/tel de kosten per component dus niet bij elkaar op/).waitFor()
    await expectAxeClean(page, 'harmonisatie')
    await screenshot(page, 'interop-harmonisatie')
    const key2Id = (
      await page
        .locator('[data-referentiecomponent="Belastingsysteem"]')
        .getByRole('link', { name: 'Key2Belastingen', exact: true })
        .getAttribute('href')
    )
      ?.split('/')
      .pop()

    // The same in English.
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Harmonisation' }).waitFor()
    expect(await zaak.textContent()).toContain('Different applications for the same purpose')
    await screenshot(page, 'interop-harmonisatie-en')
    await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click()
    await page.getByRole('heading', { level: 1, name: 'Harmonisatie' }).waitFor()

    // The component's own page lists the applicaties that fulfil it.
    await zaak.getByRole('link', { name: 'Zaaksysteem', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Zaaksysteem' }).waitFor()
    const vervullers = page.getByRole('table', { name: 'Applicaties die deze component invullen' })
    await vervullers.getByRole('link', { name: 'Zaaksysteem Hilversum' }).waitFor()
    await vervullers.getByRole('link', { name: 'Zaaksysteem Wijdemeren' }).waitFor()
    await expectAxeClean(page, 'referentiecomponent')
    await screenshot(page, 'interop-referentiecomponent')

    // The kostenposten of an applicatie: the list filter, and the post names its applicatie.
    await page.goto(`${ui.origin}/kostenposten?applicatieId=${key2Id}`)
    await page.getByRole('heading', { level: 1, name: 'Kostenposten' }).waitFor()
    expect(await page.getByLabel('Applicatie', { exact: true }).inputValue()).toBe(key2Id)
    const posten = page.locator('main table tbody tr')
    // Only Key2Belastingen's (in every year; the overview counted this year's).
    await poll(() => posten.count()).toBeGreaterThan(0)
    expect(await posten.count()).toBeLessThan(5)
    await posten.first().getByRole('link').first().click()
    await page.locator('.rk-gegevens, dl').getByRole('link', { name: 'Key2Belastingen', exact: true }).first().waitFor()
    expect(await page.locator('main').textContent()).toContain('Applicatie (waarvoor de kosten zijn)')
    await page.goBack()
    await page.goBack()

    // An applicatie shows its referentiecomponenten as links.
    await vervullers.getByRole('link', { name: 'Zaaksysteem Hilversum' }).click()
    await page.getByRole('heading', { level: 1, name: 'Zaaksysteem Hilversum' }).waitFor()
    await page.locator('.rk-gegevens').getByRole('link', { name: 'Zaaksysteem', exact: true }).waitFor()
    expect(errors).toEqual([])
  })

  it('an admin runs a trial import, sees the report, imports, and finds the new applicatie', async () => {
    const { page, errors } = await openTab(browser)
    await login(page, ui.origin, 'admin')
    await page.getByRole('link', { name: 'ArchiMate importeren en exporteren' }).click()
    await page.getByRole('heading', { level: 1, name: 'ArchiMate importeren en exporteren' }).waitFor()
    // Everyone may export: a plain link to the file.
    expect(await page.getByRole('link', { name: 'Exportbestand downloaden (.xml)' }).getAttribute('href')).toBe('/api/v1/archimate/export')

    // Without a file: said at the field, nothing sent.
    await page.getByRole('button', { name: 'Proefimport' }).click()
    await page.getByText('Kies eerst een bestand.').waitFor()

    await page.getByLabel('ArchiMate-bestand (.xml)').setInputFiles(path.join(map, 'raadsinformatie.xml'))
    await page.getByRole('button', { name: 'Proefimport' }).click()
    await page.getByRole('heading', { level: 2, name: 'Resultaat van de proefimport' }).waitFor()
    await page.getByText('Dit is een proef: er is nog niets opgeslagen.').waitFor()
    await page.getByText('Model “Raadsinformatie e2e”: 4 elementen en 3 relaties.').waitFor()

    // Totals: Hilversum merged, Eemnes and both applicaties new, one koppeling.
    const totalen = page.getByRole('table', { name: 'Aantallen per soort object' })
    const telling = async (soort: string) => (await totalen.locator(`[data-soort="${soort}"] td`).allTextContents()).map((s) => s.trim())
    expect(await telling('organisatie')).toEqual(['1', '1'])
    expect(await telling('applicatie')).toEqual(['2', '0'])
    expect(await telling('koppeling')).toEqual(['1', '0'])

    // Each object: Hilversum merged on its CBS code (a link: it exists), the new ones not yet linked.
    const objecten = page.getByRole('table', { name: /^Objecten uit het bestand/ })
    const hilversum = objecten.getByRole('row').filter({ hasText: 'Gemeente Hilversum' })
    expect(await hilversum.textContent()).toContain('Samenvoegen')
    expect(await hilversum.textContent()).toContain('CBS-code')
    await hilversum.getByRole('link', { name: 'Gemeente Hilversum' }).waitFor()
    const ris = objecten.getByRole('row').filter({ hasText: 'Raadsinformatiesysteem e2e' })
    expect(await ris.textContent()).toContain('Nieuw')
    expect(await ris.getByRole('link').count()).toBe(0)
    // Nothing was written by the trial.
    expect(
      await ui.server.database.handle.db.selectFrom('applicatie').select('id').where('naam', '=', 'Raadsinformatiesysteem e2e').execute(),
    ).toEqual([])
    await expectAxeClean(page, 'proefimport')
    await screenshot(page, 'interop-proefimport')

    // Import the same file: the result links to what was created.
    await page.getByRole('button', { name: 'Importeren', exact: true }).click()
    await page.getByRole('heading', { level: 2, name: 'Resultaat van de import' }).waitFor()
    await page.getByText(/^Het bestand is geïmporteerd: 4 aangemaakt, 1 samengevoegd/).waitFor()
    const gemaakt = page.getByRole('table', { name: /^Objecten uit het bestand/ }).getByRole('link', { name: 'Raadsinformatiesysteem e2e' })
    await gemaakt.waitFor()
    await expectAxeClean(page, 'import')
    await screenshot(page, 'interop-import')

    // The new applicatie is in the list, used by Hilversum.
    await page.getByRole('link', { name: 'Applicaties', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Applicaties' }).waitFor()
    await page.getByLabel('Zoeken op naam').fill('Raadsinformatiesysteem')
    await page.getByLabel('Zoeken op naam').press('Enter')
    await page.getByRole('link', { name: 'Raadsinformatiesysteem e2e' }).click()
    await page.getByRole('heading', { level: 1, name: 'Raadsinformatiesysteem e2e' }).waitFor()
    await page.locator('.rk-gegevens').getByRole('link', { name: 'Hilversum', exact: true }).waitFor()
    // It keeps the identifier the next import of the file recognises it by, and the file's properties.
    await page.getByText('id-e2e-ris').waitFor()
    const eigenschappen = page.locator('.rk-gegevens .rk-eigenschappen')
    expect(await page.locator('.rk-gegevens').textContent()).toContain('Eigenschappen uit import')
    expect(await eigenschappen.textContent()).toContain('Griffie Hilversum')
    await expectAxeClean(page, 'geïmporteerde applicatie')
    await screenshot(page, 'interop-geimporteerde-applicatie')

    // Editing keeps the identifier and the properties (the form sends them back), and chooses a referentiecomponent.
    await page.getByRole('link', { name: 'Bewerken' }).click()
    await page.getByRole('heading', { level: 1, name: 'Raadsinformatiesysteem e2e bewerken' }).waitFor()
    await page
      .getByRole('group', { name: /^GEMMA-referentiecomponenten/ })
      .getByLabel('Zaaksysteem', { exact: true })
      .check()
    await screenshot(page, 'interop-applicatie-formulier')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.getByText('“Raadsinformatiesysteem e2e” is opgeslagen.').waitFor()
    await page.locator('.rk-gegevens').getByRole('link', { name: 'Zaaksysteem', exact: true }).waitFor()
    expect(await eigenschappen.textContent()).toContain('Griffie Hilversum')
    await page.getByText('id-e2e-ris').waitFor()
    expect(errors).toEqual([])
  })

  it('shows the upload progress of a larger file, then the report', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'admin')
    await page.getByRole('link', { name: 'ArchiMate importeren en exporteren' }).click()
    // About 1 MB of documentation, sent at 256 kB/s: the upload takes a few seconds.
    await writeFile(
      path.join(map, 'groot.xml'),
      GOED.replace('<elements>', `<documentation>${'x'.repeat(1024 * 1024)}</documentation>\n  <elements>`),
    )
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 })
    await page.getByLabel('ArchiMate-bestand (.xml)').setInputFiles(path.join(map, 'groot.xml'))
    await page.getByRole('button', { name: 'Proefimport' }).click()
    const voortgang = page.getByRole('progressbar', { name: 'Voortgang van het uploaden' })
    await voortgang.waitFor()
    await poll(async () => Number(await voortgang.getAttribute('value'))).toBeGreaterThan(0)
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /^Proefimport: uploaden \d+ %$/ })
        .count(),
    ).toBe(1)
    await screenshot(page, 'interop-uploaden')
    await page.getByRole('heading', { level: 2, name: 'Resultaat van de proefimport' }).waitFor()
    expect(await voortgang.count()).toBe(0)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    expect(errors).toEqual([])
  })

  it('a trial with errors lists them with their line, and the import stays disabled', async () => {
    const { page, errors } = await openTab(browser)
    await login(page, ui.origin, 'admin')
    await page.getByRole('link', { name: 'ArchiMate importeren en exporteren' }).click()
    // A new gemeente (line 11) without its CBS code: a gemeente needs one. (Another identifier and
    // name than Eemnes, which the import in the test before created.)
    const fout = GOED.replaceAll('id-e2e-eemnes', 'id-e2e-nergens')
      .replace('<name xml:lang="nl">Eemnes</name>', '<name xml:lang="nl">Nergenshuizen e2e</name>')
      .replace(
        '<property propertyDefinitionRef="pd-cbs"><value xml:lang="nl">GM0317</value></property>',
        '<property propertyDefinitionRef="pd-type"><value xml:lang="nl">gemeente</value></property>',
      )
      .replace(
        '</propertyDefinitions>',
        '  <propertyDefinition identifier="pd-type" type="string"><name>Type</name></propertyDefinition>\n  </propertyDefinitions>',
      )
    await writeFile(path.join(map, 'zonder-cbs.xml'), fout)
    await page.getByLabel('ArchiMate-bestand (.xml)').setInputFiles(path.join(map, 'zonder-cbs.xml'))
    await page.getByRole('button', { name: 'Proefimport' }).click()
    await page.getByRole('heading', { level: 2, name: 'Resultaat van de proefimport' }).waitFor()
    const fouten = page.getByRole('table', { name: 'Fouten met hun regel in het bestand' })
    await fouten.waitFor()
    const rij = fouten.locator('tbody tr').first()
    expect((await rij.locator('td').first().textContent())?.trim()).toBe('11')
    expect(await rij.textContent()).toContain('CBS-code')
    expect(await rij.textContent()).toContain('Nergenshuizen e2e')
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).isDisabled()).toBe(true)
    await page.getByText('Importeren kan pas als de proefimport geen fouten geeft').waitFor()
    await expectAxeClean(page, 'proefimport met fouten')
    await screenshot(page, 'interop-proefimport-fouten')
    expect(errors).toEqual([])
  })

  it('a broken file is refused in Dutch, naming its line', async () => {
    const { page, errors } = await openTab(browser)
    await login(page, ui.origin, 'admin')
    await page.getByRole('link', { name: 'ArchiMate importeren en exporteren' }).click()
    await page.getByLabel('ArchiMate-bestand (.xml)').setInputFiles(path.join(map, 'kapot.xml'))
    await page.getByRole('button', { name: 'Proefimport' }).click()
    const melding = page.getByRole('alert').filter({ hasText: 'Het bestand is geweigerd' })
    await melding.waitFor()
    await poll(() => melding.textContent()).toMatch(/regel 5/)
    // The import stays out of reach: no report, no button.
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).count()).toBe(0)
    await expectAxeClean(page, 'geweigerd bestand')
    await screenshot(page, 'interop-geweigerd')
    // The API's problem for the broken XML is logged by the browser as a failed request only.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
  })

  it('someone who is not an admin may export but is not offered the import', async () => {
    const { page, errors } = await openTab(browser)
    await login(page, ui.origin, 'lezer-wijdemeren')
    // Both pages open from their address too (a reload, a shared link), not only from the menu.
    await page.goto(`${ui.origin}/harmonisatie`)
    await page.getByRole('heading', { level: 1, name: 'Harmonisatie' }).waitFor()
    await page.goto(`${ui.origin}/archimate`)
    await page.getByRole('heading', { level: 1, name: 'ArchiMate importeren en exporteren' }).waitFor()
    await page.getByText('Alleen een admin mag een ArchiMate-bestand importeren. Exporteren mag iedereen.').waitFor()
    expect(await page.getByRole('button', { name: 'Proefimport' }).count()).toBe(0)
    const samenwerking = page.getByLabel('Samenwerking')
    await poll(() => samenwerking.locator('option').count()).toBeGreaterThan(1)
    const id = await samenwerking.locator('option').nth(1).getAttribute('value')
    await samenwerking.selectOption(id as string)
    const href = await page.getByRole('link', { name: 'Exportbestand downloaden (.xml)' }).getAttribute('href')
    expect(href).toBe(`/api/v1/archimate/export?samenwerkingId=${id}`)
    // The link gives the exchange file of that samenwerking.
    const res = await page.request.get(`${ui.origin}${href}`)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toMatch(/xml/)
    expect(await res.text()).toContain('<model')
    await expectAxeClean(page, 'archimate als lezer')
    await screenshot(page, 'interop-archimate-lezer')
    expect(errors).toEqual([])
  })
})
