import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login as apiLogin, nextClientIp, type Session, send } from '../helpers/toegang.js'
import { DEMO_WACHTWOORD, expectAxeClean, launchBrowser, login, openTab, poll, screenshot, startUi, type Tab, type Ui } from './harness.js'

// The registry pages as an information manager uses them: lists, details and forms
// for the five resources, validation and edit conflicts from the API, what a reader
// may not do, and hostile text that must stay text.

const SOORTEN = [
  { soort: 'organisaties', enkel: 'organisatie' },
  { soort: 'samenwerkingen', enkel: 'samenwerking' },
  { soort: 'gastheerschappen', enkel: 'gastheerschap' },
  { soort: 'applicaties', enkel: 'applicatie' },
  { soort: 'koppelingen', enkel: 'koppeling' },
] as const

// Pages load lazily and the machine may be busy: give each check some room.

const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'

describe('registry pages in Chromium', () => {
  let ui: Ui
  let browser: Browser
  let beheerder: Tab

  const api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    send<T>(ui.api, method, path, { token: ui.server.adminToken, body, headers })
  /** As a demo user over the API: a supplier is kept by the organisation whose beheerder registered it. */
  const apiSessies = new Map<string, Session>()
  async function als<T = Record<string, unknown>>(wie: string, method: string, path: string, body?: unknown) {
    let session = apiSessies.get(wie)
    if (!session) {
      session = await apiLogin(ui.api, wie, DEMO_WACHTWOORD, nextClientIp())
      apiSessies.set(wie, session)
    }
    return send<T>(ui.api, method, path, { session, body })
  }

  async function eerste(soort: string, query = ''): Promise<{ id: string; naam?: string; taak?: string }> {
    const res = await api<{ resultaten: { id: string; naam?: string; taak?: string }[] }>('GET', `/${soort}?paginaGrootte=1${query}`)
    const o = res.body.resultaten[0]
    if (!o) throw new Error(`no ${soort}`)
    return o
  }

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

  beforeAll(async () => {
    ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
    beheerder = await openTab(browser)
    await login(beheerder.page, ui.origin, 'beheerder-hilversum')
  })
  afterAll(async () => {
    await browser?.close()
    await ui?.close()
  })

  it('creates an organisatie, an applicatie and a koppeling through the forms', async () => {
    const { page } = beheerder
    await page.goto(`${ui.origin}/organisaties`)
    await page.getByRole('link', { name: 'Nieuwe organisatie' }).click()
    await poll(() => h1(page)).toBe('Nieuwe organisatie')
    await page.getByLabel(/^Naam/).fill('Regionaal Rekencentrum (e2e)')
    await page.getByLabel(/^Type/).selectOption('leverancier')
    await page.getByLabel('OIN').fill('00000001234567890000')
    await page.getByLabel('Website').fill('https://rekencentrum.example')
    await page.getByRole('button', { name: 'Inwonertal toevoegen' }).click()
    await page.getByLabel(/^Jaar \(inwonertal 1\)/).fill('2025')
    await page.getByLabel(/^Aantal inwoners \(inwonertal 1\)/).fill('1234')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/organisaties\/[0-9a-f-]{36}$/)
    await poll(() => h1(page)).toBe('Regionaal Rekencentrum (e2e)')
    await poll(() => page.getByText('00000001234567890000').count()).toBe(1)
    await poll(() => page.getByRole('cell', { name: '1.234' }).count()).toBe(1)
    const leverancierId = new URL(page.url()).pathname.split('/').pop()

    await page.goto(`${ui.origin}/applicaties/nieuw`)
    await page.getByLabel(/^Naam/).fill('Rekenmodule (e2e)')
    await page.getByLabel('Leverancier', { exact: true }).selectOption({ label: 'Regionaal Rekencentrum (e2e)' })
    await page.getByLabel(/^Hosting/).selectOption('SaaS')
    await page.getByLabel(/^Huidige status/).selectOption('in productie')
    await page.getByRole('group', { name: 'In gebruik bij' }).getByLabel('Hilversum').check()
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/applicaties\/[0-9a-f-]{36}$/)
    await poll(() => h1(page)).toBe('Rekenmodule (e2e)')
    await poll(() => page.getByRole('link', { name: 'Regionaal Rekencentrum (e2e)' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: 'Regionaal Rekencentrum (e2e)' }).getAttribute('href')).toBe(
      `/organisaties/${leverancierId}`,
    )

    await page.goto(`${ui.origin}/koppelingen/nieuw`)
    await page.getByLabel(/^Naam/).fill('Rekenmodule – BRP (e2e)')
    const bron = page.getByRole('group', { name: /^Bron/ })
    await bron.getByLabel('Bron-applicatie').selectOption({ label: 'Rekenmodule (e2e)' })
    const doel = page.getByRole('group', { name: /^Doel/ })
    await doel.getByLabel('Landelijke voorziening').check()
    await doel.getByLabel(/^Doel: landelijke voorziening/).selectOption('BRP')
    await page.getByLabel(/^Type/).selectOption('api')
    await page.getByLabel(/^Richting/).selectOption('A→B')
    await page.getByLabel(/^Huidige status/).selectOption('in ontwikkeling')
    await page.getByLabel(/^Beschikbaarheid/).selectOption('midden')
    await page.getByLabel(/^Integriteit/).selectOption('hoog')
    await page.getByLabel(/^Vertrouwelijkheid/).selectOption('hoog')
    await page.getByLabel('Persoonsgegevens').check()
    await page.getByRole('button', { name: 'Gegevenscategorie toevoegen' }).click()
    await page.getByLabel('Gegevenscategorie 1').fill('NAW-gegevens')
    await page.getByLabel(/^Eigenaar/).selectOption({ label: 'Hilversum' })
    // Hilversum is in two samenwerkingen: the form asks which one this koppeling belongs to.
    await poll(() => page.getByTestId('koppeling-samenwerking').getAttribute('data-uitkomst')).toBe('kiezen')
    await page.getByLabel('Samenwerking', { exact: true }).selectOption({ label: 'Gastheerschappen Hilversum – Wijdemeren' })
    await poll(() => page.getByTestId('koppeling-samenwerking').getAttribute('data-uitkomst')).toBe('gekozen')
    await screenshot(page, 'registry-koppeling-formulier')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/koppelingen\/[0-9a-f-]{36}$/)
    await poll(() => h1(page)).toBe('Rekenmodule – BRP (e2e)')
    await poll(() => page.getByText('BRP (landelijke voorziening)').count()).toBe(1)
    await poll(() => page.getByRole('link', { name: 'Rekenmodule (e2e)' }).count()).toBe(1)
    await poll(() => page.getByText('NAW-gegevens').count()).toBe(1)
    await screenshot(page, 'registry-koppeling-detail')

    // The applicatie now shows its koppeling, and cannot be deleted while it has one.
    await page.getByRole('link', { name: 'Rekenmodule (e2e)' }).click()
    await poll(() => page.getByRole('link', { name: 'Rekenmodule – BRP (e2e)' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Verwijderen' }).click()
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await poll(() => page.getByRole('heading', { name: 'Kan niet worden verwijderd' }).count()).toBe(1)
    await poll(() => page.getByRole('alert').getByRole('link', { name: 'Rekenmodule – BRP (e2e)' }).count()).toBe(1)
    expect(beheerder.errors.filter((e) => !/409/.test(e))).toEqual([])
  })

  it('shows the API’s validation errors next to the field and keeps what was typed', async () => {
    const { page } = beheerder
    await page.goto(`${ui.origin}/organisaties/nieuw`)
    await page.getByLabel(/^Naam/).fill('Organisatie met kort OIN')
    await page.getByLabel(/^Type/).selectOption('overig')
    await page.getByLabel('OIN').fill('12345')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const summary = page.getByRole('region', { name: /Het formulier bevat 1 fout/ })
    await poll(() => summary.count()).toBe(1)
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('foutoverzicht-kop')
    const oin = page.getByLabel('OIN')
    await poll(() => oin.getAttribute('aria-invalid')).toBe('true')
    const described = await oin.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    )
    expect(described).toContain('20 cijfers')
    expect(await oin.inputValue()).toBe('12345')
    expect(await page.getByLabel(/^Naam/).inputValue()).toBe('Organisatie met kort OIN')
    await summary.getByRole('link', { name: /^OIN/ }).click()
    await poll(() => oin.evaluate((el) => el === document.activeElement)).toBe(true)
    await expectAxeClean(page)
    await screenshot(page, 'registry-organisatie-formulier-fout')

    // A koppeling from an applicatie to itself: the message lands at the target.
    await page.goto(`${ui.origin}/koppelingen/nieuw`)
    await page.getByLabel(/^Naam/).fill('Kringkoppeling')
    await page.getByRole('group', { name: /^Bron/ }).getByLabel('Bron-applicatie').selectOption({ label: 'Key2Belastingen' })
    const doelApp = page.getByRole('group', { name: /^Doel/ }).getByLabel('Doel-applicatie')
    await doelApp.selectOption({ label: 'Key2Belastingen' })
    for (const [label, waarde] of [
      [/^Type/, 'api'],
      [/^Richting/, 'A→B'],
      [/^Huidige status/, 'in gebruik'],
      [/^Beschikbaarheid/, 'laag'],
      [/^Integriteit/, 'laag'],
      [/^Vertrouwelijkheid/, 'laag'],
    ] as const)
      await page.getByLabel(label).selectOption(waarde)
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await poll(() => doelApp.getAttribute('aria-invalid')).toBe('true')
    await poll(() => page.getByText('Bron en doel zijn dezelfde applicatie.').count()).toBeGreaterThan(0)
    expect(new URL(page.url()).pathname).toBe('/koppelingen/nieuw')
  })

  it('explains an edit conflict, keeps the typed value and saves against the new version', async () => {
    const { page } = beheerder
    const made = await als<{ id: string }>('beheerder-hilversum', 'POST', '/organisaties', {
      type: 'leverancier',
      naam: 'Leverancier vóór conflict',
    })
    expect(made.status).toBe(201)
    const id = made.body.id
    await page.goto(`${ui.origin}/organisaties/${id}/bewerken`)
    await poll(() => h1(page)).toBe('Leverancier vóór conflict bewerken')
    const naam = page.getByLabel(/^Naam/)
    await poll(() => naam.inputValue()).toBe('Leverancier vóór conflict')

    const changed = await api('PATCH', `/organisaties/${id}`, JSON.stringify({ naam: 'Naam van een collega' }), {
      'content-type': 'application/merge-patch+json',
    })
    expect(changed.status).toBe(200)

    await naam.fill('Mijn nieuwe naam')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await poll(() => page.getByRole('heading', { name: 'Iemand anders heeft dit intussen gewijzigd' }).count()).toBe(1)
    expect(await naam.inputValue()).toBe('Mijn nieuwe naam')
    // Both changed the name: the comparison shows both, and keeps the person's own by default.
    const rij = page.locator('tr[data-veld="naam"]')
    await poll(() => rij.getByText('Naam van een collega').count()).toBe(1)
    expect(await rij.getByRole('radio', { name: 'Mijn waarde' }).isChecked()).toBe(true)
    await expectAxeClean(page)
    await screenshot(page, 'registry-organisatie-conflict')

    await page.getByRole('button', { name: 'Opslaan met deze keuzes' }).click()
    await page.waitForURL(`${ui.origin}/organisaties/${id}`)
    await poll(() => h1(page)).toBe('Mijn nieuwe naam')
    const now = await api<{ naam: string; revisie: number }>('GET', `/organisaties/${id}`)
    expect(now.body).toMatchObject({ naam: 'Mijn nieuwe naam', revisie: 3 })
  })

  it('shows a lezer no buttons to create, edit or delete', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'lezer-wijdemeren')
    for (const { soort } of SOORTEN) {
      await page.goto(`${ui.origin}/${soort}`)
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: /resulta/ })
            .count(),
        )
        .toBe(1)
      expect(await page.getByRole('link', { name: /^Nieuwe? / }).count()).toBe(0)
      const eersteLink = page.getByRole('table').first().getByRole('row').nth(1).getByRole('link').first()
      await eersteLink.click()
      await page.waitForURL(new RegExp(`/${soort}/[0-9a-f-]{36}$`))
      await poll(() => page.getByText('Laatst gewijzigd').count()).toBe(1)
      expect(await page.getByRole('link', { name: 'Bewerken' }).count()).toBe(0)
      expect(await page.getByRole('button', { name: 'Verwijderen' }).count()).toBe(0)
      // Typing the edit address by hand gives a plain refusal, not a form that cannot be saved.
      await page.goto(`${page.url()}/bewerken`)
      await poll(() => page.getByText('U mag dit object bekijken, maar niet wijzigen.').count()).toBe(1)
      expect(await page.getByRole('button', { name: 'Opslaan' }).count()).toBe(0)
    }
    await page.goto(`${ui.origin}/koppelingen/nieuw`)
    await poll(() => page.getByText('U mag dit soort object niet aanmaken voor een van uw organisaties.').count()).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('counts, in Dutch, the dependants of a refused delete that the user may not see', async () => {
    // A scenario about Hilversum – Gooise Meren in which Hilversum takes no part: hidden from Hilversum.
    const sw = await eerste('samenwerkingen', `&zoek=${encodeURIComponent('Hilversum – Gooise Meren')}`)
    const gm = await eerste('organisaties', '&cbsCode=GM1942')
    const deelnemer = { organisatieId: gm.id, huidigeKosten: { eenmalig: 0, jaarlijks: 100_00 } }
    const scenario = await api('POST', '/scenarios', {
      naam: 'Gooise Meren alleen (e2e)',
      soort: 'nieuwe samenwerking',
      samenwerkingId: sw.id,
      invoer: {
        deelnemers: [deelnemer],
        gezamenlijk: { eenmalig: 0, jaarlijks: 100_00 },
        verdeling: { soort: 'gelijke delen' },
        horizonJaren: 5,
        disconteringsvoet: 3,
        startjaar: 2027,
      },
    })
    expect(scenario.status).toBe(201)
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'beheerder-hilversum')
    await page.goto(`${ui.origin}/samenwerkingen/${sw.id}`)
    await page.getByRole('button', { name: 'Verwijderen' }).click()
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await poll(() => page.getByRole('heading', { name: 'Kan niet worden verwijderd' }).count()).toBe(1)
    const melding = page.getByRole('alert')
    await poll(() => melding.getByText('en 1 object dat u niet mag zien').count()).toBe(1)
    expect(await melding.getByText('Gooise Meren alleen (e2e)').count()).toBe(0)
    expect(errors.filter((e) => !/409/.test(e))).toEqual([])
    await context.close()
  })

  it('renders a hostile name as text on the list and the detail page', async () => {
    const made = await als<{ id: string }>('beheerder-hilversum', 'POST', '/organisaties', { type: 'overig', naam: HOSTILE })
    expect(made.status).toBe(201)
    const { page } = beheerder
    await page.goto(`${ui.origin}/organisaties?zoek=${encodeURIComponent('<img')}`)
    const link = page.getByRole('link', { name: HOSTILE })
    await poll(() => link.count()).toBe(1)
    await link.click()
    await poll(() => h1(page)).toBe(HOSTILE)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
    expect(await page.locator('main img[src="x"], main script').count()).toBe(0)

    // Deleting asks first, then returns to the list.
    await page.getByRole('button', { name: 'Verwijderen' }).click()
    const vraag = page.getByRole('region', { name: 'Verwijderen bevestigen' })
    await poll(() => vraag.getByText(`Weet u zeker dat u “${HOSTILE}” wilt verwijderen?`).count()).toBe(1)
    await vraag.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await page.waitForURL(`${ui.origin}/organisaties`)
    await poll(() => page.getByText(`“${HOSTILE}” is verwijderd.`).count()).toBe(1)
    expect((await api('GET', `/organisaties/${made.body.id}`)).status).toBe(404)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  })

  it('shows each lid as confirmed or awaiting confirmation, and lets a member confirm its own', async () => {
    const heemstede = await eerste('organisaties', '&cbsCode=GM0397')
    const hilversum = await eerste('organisaties', '&cbsCode=GM0402')
    const sw = await als<{ id: string }>('beheerder-heemstede', 'POST', '/samenwerkingen', {
      naam: 'Uitnodiging aan Hilversum (e2e)',
      vorm: 'Convenant',
      leden: [{ organisatieId: heemstede.id }, { organisatieId: hilversum.id }],
    })
    expect(sw.status).toBe(201)
    const { page } = beheerder
    await page.goto(`${ui.origin}/samenwerkingen/${sw.body.id}`)
    await poll(() => h1(page)).toBe('Uitnodiging aan Hilversum (e2e)')
    const leden = page.getByRole('table', { name: 'Leden' })
    await poll(() => leden.getByRole('cell', { name: 'Wacht op bevestiging' }).count()).toBe(1)
    await poll(() => leden.getByRole('cell', { name: /^Bevestigd op / }).count()).toBe(1)
    const knop = page.getByRole('button', { name: 'Lidmaatschap van Hilversum bevestigen' })
    await poll(() => knop.count()).toBe(1)
    await expectAxeClean(page)
    await screenshot(page, 'registry-samenwerking-bevestigen')
    await knop.click()
    await poll(() => page.getByText('Het lidmaatschap van Hilversum is bevestigd.').count()).toBe(1)
    await poll(() => leden.getByRole('cell', { name: 'Wacht op bevestiging' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /bevestigen$/ }).count()).toBe(0)
    const nu = await api<{ leden: { bevestigd: boolean }[] }>('GET', `/samenwerkingen/${sw.body.id}`)
    expect(nu.body.leden.map((l) => l.bevestigd)).toEqual([true, true])
  })

  it('shows each afnemer as confirmed or awaiting confirmation, and lets the afnemer confirm', async () => {
    const heemstede = await eerste('organisaties', '&cbsCode=GM0397')
    const hilversum = await eerste('organisaties', '&cbsCode=GM0402')
    const gh = await als<{ id: string }>('beheerder-heemstede', 'POST', '/gastheerschappen', {
      taak: 'Taak voor Hilversum (e2e)',
      gastheerId: heemstede.id,
      afnemerIds: [hilversum.id],
      startdatum: '2026-01-01',
    })
    expect(gh.status).toBe(201)
    const { page } = beheerder
    await page.goto(`${ui.origin}/gastheerschappen/${gh.body.id}`)
    await poll(() => h1(page)).toBe('Taak voor Hilversum (e2e)')
    await poll(() => page.getByRole('listitem').filter({ hasText: 'Hilversum — Wacht op bevestiging' }).count()).toBe(1)
    const knop = page.getByRole('button', { name: 'Bevestigen dat Hilversum afnemer is' })
    await poll(() => knop.count()).toBe(1)
    await expectAxeClean(page)
    await screenshot(page, 'registry-gastheerschap-afnemer-bevestigen')
    await knop.click()
    await poll(() => page.getByText('Bevestigd: Hilversum is afnemer van dit gastheerschap.').count()).toBe(1)
    await poll(() =>
      page
        .getByRole('listitem')
        .filter({ hasText: /^Hilversum — Bevestigd op / })
        .count(),
    ).toBe(1)
    expect(await page.getByRole('button', { name: /afnemer is$/ }).count()).toBe(0)
    const nu = await api<{ afnemers: { bevestigd: boolean }[] }>('GET', `/gastheerschappen/${gh.body.id}`)
    expect(nu.body.afnemers.map((a) => a.bevestigd)).toEqual([true])
  })

  it('keeps search, filter, sort and page in the address bar', async () => {
    const { page } = beheerder
    await page.goto(`${ui.origin}/koppelingen`)
    await page.getByLabel('Vertrouwelijkheid').selectOption('hoog')
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await page.waitForURL(/vertrouwelijkheid=hoog/)
    const status = page.getByRole('status').filter({ hasText: /resulta/ })
    await poll(() => status.textContent()).toMatch(/^\d+ resulta/)
    const naamKop = page.getByRole('columnheader', { name: /^Naam/ })
    expect(await naamKop.getAttribute('aria-sort')).toBe('ascending')
    await naamKop.getByRole('button').click()
    await page.waitForURL(/sorteer=-naam/)
    await poll(() => naamKop.getAttribute('aria-sort')).toBe('descending')
    await page.goBack()
    await poll(() => naamKop.getAttribute('aria-sort')).toBe('ascending')
    expect(new URL(page.url()).searchParams.get('vertrouwelijkheid')).toBe('hoog')
    await screenshot(page, 'registry-koppelingen-lijst-gefilterd')

    await page.goto(`${ui.origin}/organisaties?paginaGrootte=3`)
    const nav = page.getByRole('navigation', { name: 'Paginering' })
    await poll(() => nav.getByText(/^Pagina 1 van \d+$/).count()).toBe(1)
    const eerstePagina = await page.getByRole('table').getByRole('link').first().textContent()
    await nav.getByRole('link', { name: 'Volgende' }).click()
    await page.waitForURL(/pagina=2/)
    await poll(() => nav.getByText(/^Pagina 2 van \d+$/).count()).toBe(1)
    await poll(() => page.getByRole('table').getByRole('link').first().textContent()).not.toBe(eerstePagina)
  })

  for (const { soort, enkel } of SOORTEN) {
    it(`passes axe on the list, detail and form pages of ${soort}`, async () => {
      const { page } = beheerder
      await page.goto(`${ui.origin}/${soort}`)
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: /resulta/ })
            .count(),
        )
        .toBe(1)
      await poll(() => page.getByRole('table').count()).toBe(1)
      await expectAxeClean(page)
      await screenshot(page, `registry-${soort}-lijst`)

      const o = await eerste(soort, soort === 'organisaties' ? '&cbsCode=GM0402' : '')
      await page.goto(`${ui.origin}/${soort}/${o.id}`)
      await poll(() => h1(page)).toBe(o.naam ?? o.taak)
      await poll(() => page.getByText('Laden…').count()).toBe(0)
      await expectAxeClean(page)
      await screenshot(page, `registry-${enkel}-detail`)

      await page.goto(`${ui.origin}/${soort}/nieuw`)
      await poll(() => page.getByRole('button', { name: 'Opslaan' }).count()).toBe(1)
      await expectAxeClean(page)
      await screenshot(page, `registry-${enkel}-formulier`)
    })
  }
})
