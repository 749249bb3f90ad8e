import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAxeClean, geenHorizontaleScroll, launchBrowser, login, openTab, poll, screenshot, startUi, type Ui } from './harness.js'

// Issue 20, items 1 and 8: "who changed this, and what?" in euros and names. A regisseur
// changes a post's begroting; an auditor reads that change in the audit log (on a 1366 px
// laptop screen, the browser in UTC) and on the post's own page, as a person reads it.

const tekst = async (page: Page, selector = 'main') => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ')

describe('the audit log and the Wijzigingen section in euros and names', { timeout: 180_000 }, () => {
  let ui: Ui
  let browser: Browser
  const ids: Record<string, string> = {}
  const api = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const res = await fetch(`${ui.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${ui.server.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as T }
  }
  const idVan = async (path: string, veld: string, waarde: string) => {
    const r = await api<{ resultaten: Record<string, string>[] }>('GET', `${path}?paginaGrootte=200`)
    const o = r.body.resultaten.find((x) => x[veld] === waarde)
    if (!o) throw new Error(`${waarde} not in ${path}`)
    return o.id
  }

  beforeAll(async () => {
    ;[ui, browser] = await Promise.all([startUi(), launchBrowser()])
    ids.hilversum = await idVan('/organisaties', 'naam', 'Hilversum')
    const post = await api<{ id: string }>('POST', '/kostenposten', {
      omschrijving: 'Licentie zaaksysteem (e2e audit)',
      samenwerkingId: await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Hilversum – Gooise Meren'),
      gemaaktDoorId: ids.hilversum,
      periode: '2026-Q4',
      soort: 'structureel',
      categorie: 'licenties',
      begroting: 1234567,
      verdeelsleutelId: await idVan('/verdeelsleutels', 'naam', 'Uitwijk en helpdesk: half vast, half naar omvang'),
    })
    expect(post.status).toBe(201)
    ids.post = post.body.id
    // The audit office of Bloemendaal and Heemstede also audits Hilversum here, so it may
    // see this post (auditors read what their organisations may see).
    const gebruikers = await api<{ id: string; gebruikersnaam: string; rollen: unknown[] }[]>('GET', '/gebruikers')
    const a = gebruikers.body.find((g) => g.gebruikersnaam === 'auditor-rekenkamer')
    if (!a) throw new Error('no auditor-rekenkamer')
    const rollen = [...a.rollen, { rol: 'auditor', organisatieId: ids.hilversum }]
    expect((await api('PATCH', `/gebruikers/${a.id}`, { rollen })).status).toBe(200)
  })
  afterAll(async () => {
    await browser?.close()
    await ui?.close()
  })

  it('shows the regisseur the change on the post, and the auditor in the audit log and on the post', async () => {
    // A regisseur of Hilversum changes the begroting in the form.
    const regisseur = await openTab(browser)
    await login(regisseur.page, ui.origin, 'regisseur-hilversum')
    await regisseur.page.goto(`${ui.origin}/kostenposten/${ids.post}/bewerken`)
    await poll(() => regisseur.page.getByLabel(/^Begroting/).inputValue()).toBe('12.345,67')
    await regisseur.page.getByLabel(/^Begroting/).fill('13.345,67')
    await regisseur.page.getByRole('button', { name: 'Opslaan' }).click()
    await regisseur.page.waitForURL(/\/kostenposten\/[0-9a-f-]{36}$/)
    const eigen = regisseur.page.getByRole('region', { name: 'Wijzigingen' })
    await poll(async () => (await eigen.textContent())?.replace(/\s+/g, ' ')).toContain('Begroting: € 12.345,67 → € 13.345,67')
    expect(regisseur.errors).toEqual([])
    await regisseur.context.close()

    // The auditor, on a laptop screen, with the browser's clock in UTC.
    const { page, context, errors } = await openTab(browser, { viewport: { width: 1366, height: 768 }, timezoneId: 'UTC' })
    await login(page, ui.origin, 'auditor-rekenkamer')
    await page.goto(`${ui.origin}/auditlog`)
    await poll(() => page.getByRole('table', { name: /Auditregels/ }).count()).toBe(1)
    // The type filter offers every kind of object, the costs included.
    const soorten = await page.getByLabel('Soort object').locator('option').allTextContents()
    expect(soorten).toEqual(expect.arrayContaining(['Kostenpost', 'Declaratie', 'Verdeelsleutel', 'Maatstafwaarde', 'Businesscase']))
    await page.getByLabel('Soort object').selectOption('kostenpost')
    await page.getByLabel('Object-id').fill(ids.post)
    await page.getByRole('button', { name: 'Filteren', exact: true }).click()
    await page.waitForURL(/objectId=/)
    const tabel = page.getByRole('table', { name: /Auditregels/ })
    await poll(() => tabel.locator('tbody tr').count()).toBe(2)
    const rij = tabel.locator('tbody tr').first()
    await poll(async () => (await rij.textContent())?.replace(/\s+/g, ' ')).toContain('Gewijzigd')
    expect(await rij.textContent()).toContain('Regisseur gastheerschappen Hilversum (demo)')
    expect(await rij.getByRole('link', { name: 'Licentie zaaksysteem (e2e audit)' }).count()).toBe(1)

    // "Toon verschil" is on screen, and the page does not scroll sideways.
    const knop = rij.getByRole('button', { name: /Toon verschil/ })
    const box = await knop.boundingBox()
    expect(box).not.toBeNull()
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1366)
    expect(await geenHorizontaleScroll(page)).toBe(true)
    await knop.click()
    const diff = page.getByRole('table', { name: /Gewijzigde velden van regel/ })
    await poll(() => diff.count()).toBe(1)
    const begroting = diff.getByRole('row', { name: /^Begroting/ })
    expect((await begroting.textContent())?.replace(/\s+/g, ' ')).toBe('Begroting€ 12.345,67€ 13.345,67')
    const verschil = (await diff.textContent()) ?? ''
    expect(verschil).not.toContain('1234567')
    expect(verschil).not.toContain('begroting')
    // Times in Dutch time, whatever the browser's clock says.
    const tijdstip = (await api<{ resultaten: { tijdstip: string }[] }>('GET', `/auditlog?objectId=${ids.post}&actie=wijzigen`)).body
      .resultaten[0].tijdstip
    const [amsterdam, utc] = await page.evaluate(
      (t) =>
        ['Europe/Amsterdam', 'UTC'].map((timeZone) =>
          new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(t)),
        ),
      tijdstip,
    )
    expect(amsterdam).not.toBe(utc)
    const pagina = await tekst(page)
    expect(pagina).toContain(amsterdam)
    expect(pagina).not.toContain(utc)
    // Opened, the difference still fits: the button stays in view, nothing scrolls sideways.
    const verberg = rij.getByRole('button', { name: /Verberg verschil/ })
    expect(await verberg.getAttribute('aria-expanded')).toBe('true')
    const open = await verberg.boundingBox()
    expect((open?.x ?? 0) + (open?.width ?? 0)).toBeLessThanOrEqual(1366)
    expect(await geenHorizontaleScroll(page)).toBe(true)
    await expectAxeClean(page)
    await screenshot(page, 'auditlog-weergave-1366')

    // The raw values stay available: what is stored and hashed.
    await page.getByLabel('Ruwe waarden tonen').click()
    await page.waitForURL(/ruw=1/)
    await poll(() => page.getByLabel('Ruwe waarden tonen').isChecked()).toBe(true)
    const ruw = page.getByRole('table', { name: /Gewijzigde velden van regel/ })
    await poll(async () => (await ruw.getByRole('row', { name: /begroting/ }).textContent()) ?? '').toContain('1334567')
    expect(await ruw.getByRole('row', { name: /begroting/ }).textContent()).toContain('1234567')
    await expectAxeClean(page)

    // The post's own page: who, when, what.
    await page.goto(`${ui.origin}/kostenposten/${ids.post}`)
    const sectie = page.getByRole('region', { name: 'Wijzigingen' })
    await poll(async () => (await sectie.textContent())?.replace(/\s+/g, ' ')).toContain('Begroting: € 12.345,67 → € 13.345,67')
    const wijzigingen = ((await sectie.textContent()) ?? '').replace(/\s+/g, ' ')
    expect(wijzigingen).toContain('Gewijzigd door Regisseur gastheerschappen Hilversum (demo)')
    expect(wijzigingen).toContain(amsterdam)
    expect(wijzigingen).not.toContain('gemaaktDoorId')
    expect(wijzigingen).not.toContain('1334567')
    expect(await geenHorizontaleScroll(page)).toBe(true)
    await expectAxeClean(page)
    await screenshot(page, 'kostenpost-wijzigingen')
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows every change of an object, also beyond the largest page the API gives at once (200)', async () => {
    const post = await api<{ id: string }>('POST', '/kostenposten', {
      omschrijving: 'Post met een lange geschiedenis (e2e)',
      samenwerkingId: await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Hilversum – Gooise Meren'),
      gemaaktDoorId: ids.hilversum,
      periode: '2026-Q4',
      soort: 'structureel',
      categorie: 'licenties',
      begroting: 100,
      verdeelsleutelId: await idVan('/verdeelsleutels', 'naam', 'Uitwijk en helpdesk: half vast, half naar omvang'),
    })
    for (let i = 1; i <= 205; i++) expect((await api('PATCH', `/kostenposten/${post.body.id}`, { begroting: 100 + i })).status).toBe(200)
    const { page, context, errors } = await openTab(browser)
    await login(page, ui.origin, 'admin')
    await page.goto(`${ui.origin}/kostenposten/${post.body.id}`)
    const sectie = page.getByRole('region', { name: 'Wijzigingen' })
    const meer = sectie.getByRole('button', { name: 'Oudere wijzigingen tonen' })
    await poll(() => meer.count()).toBe(1)
    for (let klik = 0; klik < 30 && (await meer.count()) > 0; klik++) {
      const voor = await sectie.locator('.rk-wijzigingen__regel').count()
      await meer.click()
      await poll(() => sectie.locator('.rk-wijzigingen__regel').count()).toBeGreaterThan(voor)
    }
    expect(await meer.count()).toBe(0)
    expect(await sectie.locator('.rk-wijzigingen__regel').count()).toBe(206)
    expect(((await sectie.textContent()) ?? '').replace(/\s+/g, ' ')).toContain('Aangemaakt door')
    expect(errors).toEqual([])
    await context.close()
  })

  it('gives every record page a Wijzigingen section, also for a reader who is no auditor', async () => {
    const { page, context, errors } = await openTab(browser)
    await login(page, ui.origin, 'lezer-wijdemeren')
    const wijdemeren = await idVan('/organisaties', 'naam', 'Wijdemeren')
    const key2 = (await api<{ resultaten: { id: string }[] }>('GET', '/kostenposten?zoek=Key2Belastingen')).body.resultaten[0].id
    for (const pad of [`/organisaties/${wijdemeren}`, `/kostenposten/${key2}`]) {
      await page.goto(`${ui.origin}${pad}`)
      const sectie = page.getByRole('region', { name: 'Wijzigingen' })
      await poll(async () => (await sectie.textContent()) ?? '').toContain('Aangemaakt door')
      // Not an auditor: no link into the audit log, which it may not read.
      expect(await sectie.getByRole('link', { name: /auditlog/ }).count()).toBe(0)
      // What the object was made with, folded away until asked for.
      await sectie.getByText(/^Toon de \d+ vastgelegde velden$/).click()
      await poll(async () => (await sectie.locator('details').first().textContent()) ?? '').toMatch(
        /(Naam: Wijdemeren|Omschrijving: Licentie Key2Belastingen)/,
      )
      await expectAxeClean(page)
    }
    expect(errors).toEqual([])
    await context.close()
  })
})
