import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MonitorConfig } from '../../src/config.js'
import { buildApplicatie, buildGastheerschap, buildKoppeling, buildOrganisatie, buildSamenwerking, create } from '../helpers/factories.js'
import { call } from '../helpers/server.js'
import { expectAxeClean, launchBrowser, login, openTab, poll, screenshot, startUi, type Ui } from './harness.js'

// Link monitoring in Chromium (issue 14), on a landscape the test makes itself and a
// local HTTP target it starts (the demo's own controles are paused and not relied on):
// admin creates a controle through the form (bad input first: at the field), sees it in
// the overview, runs it now, makes the target fail and — the next metingen brought
// forward in the database instead of waited for — sees a storing open, adds a note,
// overrides the koppeling's state, opens the availability page, makes the status page
// public and reads it without signing in: names and states, no address of the target.

const MONITOR: MonitorConfig = {
  actief: true,
  loopbackToegestaan: true,
  priveToegestaan: false,
  gelijktijdig: 4,
  leaseMargeMs: 5000,
  ruweMetingenDagen: 30,
  rollupMaanden: 24,
  smtp: undefined,
}

const KOPPELING = 'Zaaksysteem → Burgerzaken (e2e)'
const CONTROLE = 'Zaaksysteem bereikbaar (e2e)'
const SLUG = 'zaken-e2e'

let ui: Ui
let browser: Browser
let doel: http.Server
let doelUrl: string
let gezond = true
let koppelingId: string
let samenwerkingId: string
let controleId: string

beforeAll(async () => {
  doel = http.createServer((req, res) => {
    // The secret header is sent: without it the target refuses.
    if (req.headers.authorization !== 'Bearer e2e-geheim') return void res.writeHead(401).end()
    res.writeHead(gezond ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: gezond ? 'ok' : 'down' }))
  })
  await new Promise<void>((r) => doel.listen(0, '127.0.0.1', r))
  doelUrl = `http://127.0.0.1:${(doel.address() as AddressInfo).port}/gezondheid`
  ;[ui, browser] = await Promise.all([startUi({ monitor: MONITOR }), launchBrowser()])
  const base = ui.api
  const gastheer = await create(base, 'organisaties', buildOrganisatie({ type: 'overig', naam: 'Gastheer e2e' }))
  const afnemer = await create(base, 'organisaties', buildOrganisatie({ type: 'overig', naam: 'Afnemer e2e' }))
  samenwerkingId = (
    await create(
      base,
      'samenwerkingen',
      buildSamenwerking({ naam: 'Zaken e2e', leden: [{ organisatieId: gastheer.id }, { organisatieId: afnemer.id }] }),
    )
  ).id
  const gastheerschap = await create(
    base,
    'gastheerschappen',
    buildGastheerschap({ gastheerId: gastheer.id, afnemerIds: [afnemer.id], samenwerkingId, beschikbaarheidsdoel: 99.5 }),
  )
  const bron = await create(base, 'applicaties', buildApplicatie({ naam: 'Zaaksysteem e2e', inGebruikBij: [gastheer.id] }))
  const naar = await create(base, 'applicaties', buildApplicatie({ naam: 'Burgerzaken e2e', inGebruikBij: [afnemer.id] }))
  koppelingId = (
    await create(
      base,
      'koppelingen',
      buildKoppeling({
        naam: KOPPELING,
        bronApplicatieId: bron.id,
        doelApplicatieId: naar.id,
        eigenaarId: gastheer.id,
        gastheerschapId: gastheerschap.id,
        samenwerkingId,
      }),
    )
  ).id
})
afterAll(async () => {
  await browser?.close()
  await ui?.close()
  await new Promise<void>((r) => (doel ? doel.close(() => r()) : r()))
})

/** The scheduler's next run of the controle, now: instead of waiting out its interval. */
const nuDraaien = () =>
  ui.server.database.handle.db
    .updateTable('controle_toestand')
    .set({ volgende_op: new Date(Date.now() - 1000) })
    .where('controle_id', '=', controleId)
    .execute()
const aantalMetingen = async () =>
  (await ui.server.database.handle.db.selectFrom('meting').select('controle_id').where('controle_id', '=', controleId).execute()).length

describe('monitoring', () => {
  it('a controle from the form to a storing, a note, an override, availability and the public status page', async () => {
    const { page, errors, context } = await openTab(browser)
    await login(page, ui.origin, 'admin')

    // The form: the soort chooses the fields; units in the labels; bad input at the field.
    await page.goto(`${ui.origin}/controles/nieuw?koppelingId=${koppelingId}`)
    await page.getByRole('heading', { level: 1, name: 'Nieuwe controle' }).waitFor()
    expect(await page.getByLabel('Koppeling', { exact: true }).inputValue()).toBe(koppelingId)
    await page.getByLabel('TCP-poort').check()
    await page.getByLabel('Poort *').waitFor()
    expect(await page.getByLabel('URL *').count()).toBe(0)
    await page.getByLabel('HTTP(S)-verzoek').check()
    await page.getByLabel('Naam *').fill(CONTROLE)
    await page.getByLabel('URL *').fill(doelUrl)
    await page.getByLabel('Interval (seconden) *').fill('vijf')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.getByText('Vul een heel getal in.').first().waitFor()
    // Too often: the API's bound, at the field.
    await page.getByLabel('Interval (seconden) *').fill('5')
    await page.getByLabel('Time-out (milliseconden) *').fill('2000')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const intervalFout = page.locator('#controle-intervalSeconden .utrecht-form-field-error-message')
    await poll(() => intervalFout.count()).toBeGreaterThan(0)
    expect(await intervalFout.textContent()).toMatch(/30/)
    await expectAxeClean(page, 'controleformulier met fouten')
    await screenshot(page, 'monitoring-controle-formulier')
    await page.getByLabel('Interval (seconden) *').fill('30')
    await page.getByLabel('Mislukte metingen op rij voor een storing').fill('2')
    await page.getByLabel(/^Geheime headers/).fill('Authorization: Bearer e2e-geheim')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.getByRole('heading', { level: 1, name: CONTROLE }).waitFor()
    controleId = page.url().split('/').pop() as string
    // The secret is stored and named, never shown.
    await page.getByText('Authorization (ingesteld)').waitFor()
    expect(await page.content()).not.toContain('e2e-geheim')

    // Run now: the outcome with its reason, in Dutch.
    await page.getByRole('button', { name: 'Nu uitvoeren' }).click()
    await poll(() => page.locator('[data-uitkomst]').getAttribute('data-uitkomst')).toBe('geslaagd')
    expect(await page.locator('[data-uitkomst]').textContent()).toMatch(/^Geslaagd in \d+ milliseconden: /)
    await poll(() =>
      page
        .getByRole('table', { name: /De laatste metingen/ })
        .getByRole('row')
        .count(),
    ).toBeGreaterThan(1)
    await page.locator('[data-grafiek]').waitFor()
    await expectAxeClean(page, 'controle')
    await screenshot(page, 'monitoring-controle')

    // The overview reads the scheduler's state: its first run, brought forward (a run now
    // is recorded as a meting, but the state only follows the scheduler's).
    await poll(
      async () =>
        (
          await ui.server.database.handle.db
            .selectFrom('controle_toestand')
            .select('controle_id')
            .where('controle_id', '=', controleId)
            .execute()
        ).length,
    ).toBe(1)
    const gedraaid = await aantalMetingen()
    await nuDraaien()
    await poll(aantalMetingen).toBe(gedraaid + 1)
    await page.goto(`${ui.origin}/monitoring?zoek=${encodeURIComponent('(e2e)')}`)
    const rij = page.locator(`[data-controle="${controleId}"]`)
    await poll(() => rij.locator('[data-status]').getAttribute('data-status')).toBe('werkt')
    expect(await rij.getByRole('link', { name: KOPPELING }).getAttribute('href')).toBe(`/koppelingen/${koppelingId}`)
    await expectAxeClean(page, 'overzicht')
    await screenshot(page, 'monitoring-overzicht')

    // The target fails; two metingen in a row open a storing.
    gezond = false
    const voor = await aantalMetingen()
    for (const n of [1, 2]) {
      await nuDraaien()
      await poll(aantalMetingen).toBe(voor + n)
    }
    await poll(
      async () =>
        (await call<{ resultaten: unknown[] }>(ui.api, 'GET', `/storingen?controleId=${controleId}&open=true`)).body.resultaten.length,
    ).toBe(1)
    await page.goto(`${ui.origin}/storingen`)
    await page.getByRole('heading', { level: 1, name: 'Storingen' }).waitFor()
    const storingLink = page.getByRole('link', { name: new RegExp(`^Storing van ${CONTROLE.replace(/[()]/g, '\\$&')} sinds`) })
    await storingLink.waitFor()
    // Open first: the first row of the table is ours.
    expect(await page.locator('[data-storing]').first().locator('[data-status="storing"]').count()).toBe(1)
    await expectAxeClean(page, 'storingen')
    await storingLink.click()
    await page.getByRole('heading', { level: 1, name: `Storing: ${CONTROLE}` }).waitFor()
    // A note without text is refused at the field; then with text it joins the timeline.
    await page.getByLabel('Notitie', { exact: true }).check()
    await page.getByRole('button', { name: 'Toevoegen' }).click()
    await page.getByText('Schrijf de notitie.').first().waitFor()
    await page.getByLabel('Tekst').fill('Leverancier gebeld; herstart gepland.')
    await page.getByRole('button', { name: 'Toevoegen' }).click()
    await page.locator('[data-gebeurtenis="notitie"]', { hasText: 'Leverancier gebeld; herstart gepland.' }).waitFor()
    expect(await page.locator('[data-gebeurtenis="notitie"]').textContent()).toContain('door admin')
    await page.getByLabel('Bevestigen: ik pak dit op').check()
    await page.getByRole('button', { name: 'Toevoegen' }).click()
    await page.locator('[data-gebeurtenis="bevestigd"]').waitFor()
    await expectAxeClean(page, 'storing')
    await screenshot(page, 'monitoring-storing')

    // The dashboard names the open storing.
    await page.goto(`${ui.origin}/`)
    await page
      .locator('[data-slot="werking"]')
      .getByRole('link', { name: new RegExp(`^${KOPPELING.replace(/[()]/g, '\\$&')}: sinds`) })
      .waitFor()
    expect(Number(await page.locator('[data-werking="storing"] dd').textContent())).toBeGreaterThanOrEqual(1)

    // The koppeling: measured storing; overridden by hand (a reason is required), then back.
    await page.goto(`${ui.origin}/koppelingen/${koppelingId}`)
    const werking = page.locator('[data-werking]')
    await poll(() => werking.locator('[data-status]').first().getAttribute('data-status')).toBe('storing')
    await page.getByLabel('Status', { exact: true }).selectOption('verstoord')
    await page.getByRole('button', { name: 'Status zetten' }).click()
    await page.getByText('Geef een reden.').first().waitFor()
    await page.getByLabel('Reden *').fill('Leverancier meldt gedeeltelijke uitval')
    await page.getByRole('button', { name: 'Status zetten' }).click()
    await page.getByText('De status is gezet.').waitFor()
    await poll(() => werking.locator('[data-status]').first().getAttribute('data-status')).toBe('verstoord')
    await werking.getByText(/Handmatig gezet door admin .*: Leverancier meldt gedeeltelijke uitval/).waitFor()
    await expectAxeClean(page, 'koppeling met werking')
    await screenshot(page, 'monitoring-koppeling')
    await page.getByRole('button', { name: 'Handmatige status weghalen' }).click()
    await page.getByText('De handmatige status is weggehaald; de metingen bepalen weer de werking.').waitFor()
    await poll(() => werking.locator('[data-status]').first().getAttribute('data-status')).toBe('storing')

    // Availability this month: the koppeling with its target, expandable into its controle.
    await page.goto(`${ui.origin}/beschikbaarheid?samenwerkingId=${samenwerkingId}`)
    const kRij = page.locator(`[data-koppeling="${koppelingId}"]`)
    await kRij.waitFor()
    expect(await kRij.getByRole('cell').nth(1).textContent()).toBe('99,500 %')
    await kRij.getByRole('button', { name: 'Controles (1)' }).click()
    await page.getByRole('link', { name: CONTROLE }).waitFor()
    const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')
    expect(csv).toMatch(/^\/api\/v1\/beschikbaarheid\?maand=\d{4}-\d{2}&samenwerkingId=[0-9a-f-]{36}&formaat=csv$/)
    const antwoord = await context.request.get(`${ui.origin}${csv}`)
    expect(antwoord.status()).toBe(200)
    expect(antwoord.headers()['content-type']).toMatch(/^text\/csv/)
    expect(await page.getByRole('link', { name: 'Download Excel' }).getAttribute('href')).toMatch(/formaat=xlsx$/)
    await expectAxeClean(page, 'beschikbaarheid')
    await screenshot(page, 'monitoring-beschikbaarheid')

    // The status page public: a bad address at the field, then a good one.
    await page.goto(`${ui.origin}/samenwerkingen/${samenwerkingId}`)
    await page.getByLabel('Openbaar maken').check()
    await page.getByLabel('Adres (slug)').fill('Met Spaties')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await poll(() => page.locator('#statuspagina-slug .utrecht-form-field-error-message').count()).toBe(1)
    await page.getByLabel('Adres (slug)').fill(SLUG)
    await page.getByLabel('Titel').fill('Zaken e2e')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.getByText(`Opgeslagen: de statuspagina is openbaar op /status/${SLUG}.`).waitFor()
    await expectAxeClean(page, 'samenwerking met statuspagina')
    await page.getByRole('link', { name: 'Statuspagina bekijken' }).click()
    await page.getByRole('heading', { level: 1, name: 'Status: Zaken e2e' }).waitFor()
    await expectAxeClean(page, 'statuspagina intern')
    // The two 400s are the bad interval and the bad slug this test sent on purpose.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
    expect(errors.length).toBe(2)
    await context.close()

    // Without signing in: the page renders without the shell, and says nothing of the target.
    const anoniem = await openTab(browser)
    await anoniem.page.goto(`${ui.origin}/status/${SLUG}`)
    await anoniem.page.getByRole('heading', { level: 1, name: 'Status: Zaken e2e' }).waitFor()
    await anoniem.page.getByRole('heading', { level: 2, name: KOPPELING }).waitFor()
    expect(anoniem.page.url()).toBe(`${ui.origin}/status/${SLUG}`)
    expect(await anoniem.page.getByRole('navigation').count()).toBe(0)
    expect(await anoniem.page.locator('a[href^="/"]').count()).toBe(0)
    // (The page itself is served from 127.0.0.1 too: what it shows is in <main>.)
    const tekst = await anoniem.page.locator('main').innerHTML()
    expect(tekst).not.toContain('127.0.0.1')
    expect(tekst).not.toContain(`:${new URL(doelUrl).port}`)
    expect(tekst).not.toContain('gezondheid')
    expect(tekst).not.toContain('503')
    // 90 days, each with words for who cannot see the bars.
    expect(await anoniem.page.locator('.rk-mon-dag').count()).toBe(90)
    expect(await anoniem.page.locator('.rk-mon-dag .rk-visually-hidden').first().textContent()).toMatch(/\d{4}/)
    await expectAxeClean(anoniem.page, 'statuspagina openbaar')
    await screenshot(anoniem.page, 'monitoring-statuspagina-openbaar')
    await anoniem.page.goto(`${ui.origin}/status/bestaat-niet`)
    await anoniem.page.getByText('Deze statuspagina bestaat niet of is niet openbaar.').waitFor()
    // The API's 404 shows in the console; nothing else may.
    expect(anoniem.errors.filter((e) => !/status of 404/.test(e))).toEqual([])
    await anoniem.context.close()
  }, 90_000)
})
