import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MonitorConfig } from '../../src/config.js'
import { gemeenten } from '../../src/io/gemeenten.js'
import { buildApplicatie, buildGastheerschap, buildKoppeling, buildOrganisatie, buildSamenwerking, create } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'
import { createApiToken, createGebruiker, login, nextClientIp } from '../helpers/toegang.js'

// Monitoring over HTTP (issue 14): controles as registry objects (secrets written, never
// read back; every bad definition a 400 at its field), and the scheduler against a real
// local target: metingen, a storing opened after N failures and closed on recovery, the
// koppeling's working state following them, and a notification in the outbox.

type Obj = { id: string; revisie: number } & Record<string, unknown>
type Problem = { invalidParams?: { name: string; code: string; reason: string }[] }

const MONITOR: MonitorConfig = {
  actief: true,
  loopbackToegestaan: true,
  priveToegestaan: false,
  gelijktijdig: 8,
  leaseMargeMs: 5000,
  ruweMetingenDagen: 30,
  rollupMaanden: 24,
  smtp: undefined,
}

let server: TestServer
let base: string
let koppelingId: string
let samenwerkingId: string
let anderOrg: string
/** Tokens of a lezer who sees nothing of this landscape, and of one of the guest municipality. */
let lezerAnder: string
let lezerGast: string
/** The controle the scheduler test made: its storing and metingen are read by the tests after it. */
let gemeten: string
let doel: http.Server
let doelUrl: string
/** What the target answers: the test flips it. */
let gezond = true
let verzoeken = 0

const cbs = [...gemeenten().keys()]
async function tokenVoor(rol: string, organisatieId: string): Promise<string> {
  const ip = nextClientIp()
  const g = await createGebruiker(base, server.adminToken, [{ rol, organisatieId }], { prefix: rol })
  return (await createApiToken(base, await login(base, g.gebruikersnaam, g.wachtwoord, ip), ['lezen', 'schrijven'], { ip })).token
}
const als = (token: string) => ({ authorization: `Bearer ${token}` })

beforeAll(async () => {
  doel = http.createServer((req, res) => {
    verzoeken++
    if (req.headers.authorization !== 'Bearer geheim-123') {
      res.writeHead(401).end()
      return
    }
    res.writeHead(gezond ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: gezond ? 'ok' : 'down' }))
  })
  await new Promise<void>((r) => doel.listen(0, '127.0.0.1', r))
  doelUrl = `http://127.0.0.1:${(doel.address() as AddressInfo).port}/gezondheid`
  server = await startServer({ monitor: MONITOR })
  base = server.base
  const org = (await create(base, 'organisaties', buildOrganisatie({ type: 'gemeente', naam: 'Gemeente M', cbsCode: cbs[20] }))).id
  const gast = (await create(base, 'organisaties', buildOrganisatie({ type: 'gemeente', naam: 'Gemeente G', cbsCode: cbs[21] }))).id
  anderOrg = (await create(base, 'organisaties', buildOrganisatie({ type: 'gemeente', naam: 'Gemeente X', cbsCode: cbs[22] }))).id
  samenwerkingId = (
    await create(
      base,
      'samenwerkingen',
      buildSamenwerking({ naam: 'ICT-samenwerking M–G', leden: [{ organisatieId: org }, { organisatieId: gast }] }),
    )
  ).id
  const gastheerschap = (
    await create(
      base,
      'gastheerschappen',
      buildGastheerschap({ taak: 'Belastingen', gastheerId: org, afnemerIds: [gast], samenwerkingId, beschikbaarheidsdoel: 99.5 }),
    )
  ).id
  const bron = (await create(base, 'applicaties', buildApplicatie({ naam: 'Key2Belastingen', inGebruikBij: [org] }))).id
  const doelApp = (await create(base, 'applicaties', buildApplicatie({ naam: 'Digitale Belastingbalie', inGebruikBij: [org] }))).id
  koppelingId = (
    await create(
      base,
      'koppelingen',
      buildKoppeling({
        naam: 'Balie → Key2',
        eigenaarId: org,
        bronApplicatieId: bron,
        doelApplicatieId: doelApp,
        gastheerschapId: gastheerschap,
      }),
    )
  ).id
  lezerAnder = await tokenVoor('lezer', anderOrg)
  lezerGast = await tokenVoor('lezer', gast)
})
afterAll(async () => {
  await server?.close()
  await new Promise<void>((r) => doel.close(() => r()))
})

const httpControle = (o: Record<string, unknown> = {}) => ({
  naam: 'Belastingbalie bereikbaar',
  koppelingId,
  soort: 'http',
  url: doelUrl,
  verwachteStatus: '200',
  inhoudControle: { soort: 'json-pointer', pointer: '/status', waarde: 'ok' },
  intervalSeconden: 30,
  timeoutMs: 2000,
  foutenVoorStoring: 2,
  geheimen: { headers: { Authorization: 'Bearer geheim-123' } },
  ...o,
})

describe('controles', () => {
  it('stores a controle with its secret header encrypted: the API shows the header name, never the value — not in the audit log either', async () => {
    const r = await call<Obj>(base, 'POST', '/controles', httpControle({ actief: false }))
    expect(r.status).toBe(201)
    expect(r.body.geheimenIngesteld).toEqual({ headers: ['Authorization'], clientSleutel: false })
    expect(JSON.stringify(r.body)).not.toContain('geheim-123')
    const gelezen = await call<Obj>(base, 'GET', `/controles/${r.body.id}`)
    expect(JSON.stringify(gelezen.body)).not.toContain('geheim-123')
    const rij = await server.database.handle.db
      .selectFrom('controle')
      .select('geheimen')
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow()
    expect(rij.geheimen?.toString('latin1')).not.toContain('geheim-123')
    const audit = await call<{ items: unknown[] }>(base, 'GET', `/auditlog?objectId=${r.body.id}`)
    expect(audit.status).toBe(200)
    expect(JSON.stringify(audit.body)).toContain('Authorization')
    expect(JSON.stringify(audit.body)).not.toContain('geheim-123')
    // A change without geheimen keeps them; an empty object clears them.
    const p = await call<Obj>(
      base,
      'PATCH',
      `/controles/${r.body.id}`,
      { naam: 'Balie (hernoemd)' },
      {
        'content-type': 'application/merge-patch+json',
        'if-match': `"${gelezen.body.revisie}"`,
      },
    )
    expect(p.status).toBe(200)
    expect(p.body.geheimenIngesteld).toEqual({ headers: ['Authorization'], clientSleutel: false })
    const leeg = await call<Obj>(
      base,
      'PATCH',
      `/controles/${r.body.id}`,
      { geheimen: {} },
      {
        'content-type': 'application/merge-patch+json',
        'if-match': `"${p.body.revisie}"`,
      },
    )
    expect(leeg.body.geheimenIngesteld).toEqual({ headers: [], clientSleutel: false })
    await call(base, 'DELETE', `/controles/${r.body.id}`, undefined, { 'if-match': `"${leeg.body.revisie}"` })
  })

  it.each([
    ['an interval below the minimum', { intervalSeconden: 5 }, 'intervalSeconden'],
    ['an unknown method', { methode: 'TRACE' }, 'methode'],
    ['a URL with credentials in it', { url: 'https://gebruiker:wachtwoord@example.org/' }, 'url'],
    ['a URL that is no URL', { url: 'geen url' }, 'url'],
    ['ftp', { url: 'ftp://example.org/' }, 'url'],
    ['a timeout as long as the interval', { timeoutMs: 30_000 }, 'timeoutMs'],
    ['a status that is no status', { verwachteStatus: '2xx' }, 'verwachteStatus'],
    ['a header with a line break', { headers: { 'X-A': 'a\r\nX-B: b' } }, 'headers.X-A'],
    ['a TLS field on an HTTP check', { poort: 443 }, 'poort'],
    ['both a koppeling and an applicatie', { applicatieId: '00000000-0000-4000-8000-000000000000' }, 'koppelingId'],
    ['an unknown koppeling', { koppelingId: '00000000-0000-4000-8000-000000000000' }, 'koppelingId'],
  ])('refuses %s with 400 at the field and stores nothing', async (_, extra, veld) => {
    const voor = await call<{ resultaten: unknown[] }>(base, 'GET', '/controles?paginaGrootte=200')
    const r = await call<Problem>(base, 'POST', '/controles', httpControle(extra))
    expect(r.status).toBe(400)
    expect(r.body.invalidParams?.map((p) => p.name)).toContain(veld)
    const na = await call<{ resultaten: unknown[] }>(base, 'GET', '/controles?paginaGrootte=200')
    expect(na.body.resultaten.length).toBe(voor.body.resultaten.length)
  })

  it('requires host and poort for a TCP check, naming both', async () => {
    const r = await call<Problem>(base, 'POST', '/controles', {
      naam: 'SFTP',
      koppelingId,
      soort: 'tcp',
      intervalSeconden: 60,
      timeoutMs: 2000,
    })
    expect(r.status).toBe(400)
    expect(r.body.invalidParams?.map((p) => p.name).sort()).toEqual(['host', 'poort'])
  })

  it('refuses to delete a koppeling that has controles (409 naming them)', async () => {
    const c = await call<Obj>(base, 'POST', '/controles', httpControle({ naam: 'Houdt de koppeling vast', actief: false }))
    const k = await call<Obj>(base, 'GET', `/koppelingen/${koppelingId}`)
    const r = await call<{ afhankelijken?: Obj[] }>(base, 'DELETE', `/koppelingen/${koppelingId}`, undefined, {
      'if-match': `"${k.body.revisie}"`,
    })
    expect(r.status).toBe(409)
    expect(JSON.stringify(r.body)).toContain('Houdt de koppeling vast')
    await call(base, 'DELETE', `/controles/${c.body.id}`, undefined, { 'if-match': `"${c.body.revisie}"` })
  })
})

describe('the scheduler', () => {
  it('probes, opens a storing after N failures, closes it on recovery, and the metingen and hourly roll-ups are stored', async () => {
    const db = server.database.handle.db
    const c = await call<Obj>(base, 'POST', '/controles', httpControle())
    expect(c.status).toBe(201)
    const id = c.body.id
    gemeten = id
    const metingen = async () =>
      (await db.selectFrom('meting').selectAll().where('controle_id', '=', id).orderBy('tijdstip').execute()).length
    // First due within its interval (30 s): bring it forward instead of waiting.
    const eerstvolgende = async () =>
      db
        .updateTable('controle_toestand')
        .set({ volgende_op: new Date(Date.now() - 1000) })
        .where('controle_id', '=', id)
        .execute()
    await expect
      .poll(async () => (await db.selectFrom('controle_toestand').select('controle_id').where('controle_id', '=', id).execute()).length, {
        timeout: 15_000,
      })
      .toBe(1)
    await eerstvolgende()
    await expect.poll(metingen, { timeout: 15_000 }).toBe(1)
    const eerste = await db.selectFrom('meting').selectAll().where('controle_id', '=', id).executeTakeFirstOrThrow()
    expect(eerste.geslaagd).toBe(true)

    gezond = false
    for (const n of [2, 3]) {
      await eerstvolgende()
      await expect.poll(metingen, { timeout: 15_000 }).toBe(n)
    }
    const storingen = await db.selectFrom('storing').selectAll().where('controle_id', '=', id).execute()
    expect(storingen).toHaveLength(1)
    expect(storingen[0]?.gesloten_op).toBeNull()
    expect(storingen[0]?.meetsoort).toBe('fout-status')

    gezond = true
    await eerstvolgende()
    await expect.poll(metingen, { timeout: 15_000 }).toBe(4)
    const gesloten = await db.selectFrom('storing').selectAll().where('controle_id', '=', id).executeTakeFirstOrThrow()
    expect(gesloten.gesloten_op).not.toBeNull()
    const uren = await db.selectFrom('meting_uur').selectAll().where('controle_id', '=', id).execute()
    expect(uren.reduce((s, u) => s + u.aantal, 0)).toBe(4)
    expect(uren.reduce((s, u) => s + u.geslaagd, 0)).toBe(2)
    expect(verzoeken).toBeGreaterThanOrEqual(4)
  })
})

describe('what the measurements say', () => {
  it('shows the overview, the history, the storing with its timeline and the koppeling working again — and nothing of it to a reader who may not see the koppeling', async () => {
    const o = await call<{ totalen: Record<string, number>; resultaten: Obj[] }>(
      base,
      'GET',
      `/monitoring?samenwerkingId=${samenwerkingId}`,
    )
    expect(o.status, JSON.stringify(o.body)).toBe(200)
    const regel = o.body.resultaten.find((r) => r.id === gemeten)
    expect(regel?.status).toBe('werkt')
    expect(regel?.koppeling).toEqual({ id: koppelingId, naam: 'Balie → Key2' })
    expect(regel?.beschikbaarheid24u).toBe(50)
    expect(o.body.totalen.werkt).toBeGreaterThanOrEqual(1)
    expect(JSON.stringify(o.body)).not.toContain('geheim-123')

    const v = await call<{ stand: Obj; uren: Obj[]; metingen: Obj[] }>(base, 'GET', `/controles/${gemeten}/verloop?dagen=1`)
    expect(v.status).toBe(200)
    expect(v.body.metingen).toHaveLength(4)
    expect(v.body.stand).toMatchObject({ id: gemeten, status: 'werkt', beschikbaarheid24u: 50 })
    expect(v.body.metingen.filter((m) => m.geslaagd === false).every((m) => (m.reden as { nl: string }).nl.length > 0)).toBe(true)

    const st = await call<{ resultaten: Obj[] }>(base, 'GET', `/storingen?controleId=${gemeten}`)
    expect(st.body.resultaten).toHaveLength(1)
    const storing = st.body.resultaten[0] as Obj
    expect(storing.open).toBe(false)
    expect((storing.tijdlijn as Obj[]).map((g) => g.soort)).toEqual(['geopend', 'hersteld', 'gesloten'])
    const notitie = await call<Obj>(base, 'POST', `/storingen/${storing.id}/tijdlijn`, {
      soort: 'notitie',
      tekst: 'Oorzaak: verlopen token bij de leverancier.',
    })
    expect(notitie.status).toBe(200)
    expect((notitie.body.tijdlijn as Obj[]).at(-1)).toMatchObject({
      soort: 'notitie',
      tekst: 'Oorzaak: verlopen token bij de leverancier.',
    })
    const bevestigen = await call<{ invalidParams: { code: string }[] }>(base, 'POST', `/storingen/${storing.id}/tijdlijn`, {
      soort: 'bevestigd',
    })
    expect(bevestigen.status).toBe(400)
    expect(bevestigen.body.invalidParams[0]?.code).toBe('storing-gesloten')
    const leeg = await call(base, 'POST', `/storingen/${storing.id}/tijdlijn`, { soort: 'notitie', tekst: '   ' })
    expect(leeg.status).toBe(400)

    const w = await call<Obj>(base, 'GET', `/koppelingen/${koppelingId}/werking`)
    expect(w.body).toMatchObject({ status: 'werkt', gemeten: 'werkt', bron: 'metingen' })

    // A reader of another municipality: the controle, its storing, its history and the koppeling's state do not exist for it.
    for (const pad of [
      `/controles/${gemeten}`,
      `/controles/${gemeten}/verloop`,
      `/storingen/${storing.id}`,
      `/koppelingen/${koppelingId}/werking`,
    ]) {
      const r = await call(base, 'GET', pad, undefined, als(lezerAnder))
      expect(r.status, pad).toBe(404)
    }
    const zijn = await call<{ totalen: Record<string, number>; resultaten: Obj[] }>(base, 'GET', '/monitoring', undefined, als(lezerAnder))
    expect(zijn.body.resultaten).toEqual([])
    expect(Object.values(zijn.body.totalen).every((n) => n === 0)).toBe(true)
    expect((await call<{ resultaten: Obj[] }>(base, 'GET', '/storingen', undefined, als(lezerAnder))).body.resultaten).toEqual([])
    // A filter on a samenwerking it may not see answers as one on an unknown id: nothing.
    const filter = await call<Obj>(base, 'GET', `/monitoring?samenwerkingId=${samenwerkingId}`, undefined, als(lezerAnder))
    const onbekend = await call<Obj>(
      base,
      'GET',
      '/monitoring?samenwerkingId=00000000-0000-4000-8000-000000000000',
      undefined,
      als(lezerAnder),
    )
    expect(filter.status).toBe(200)
    expect(filter.body).toEqual(onbekend.body)
    // A lezer may read but not write the timeline.
    const lezerGastNotitie = await call(base, 'POST', `/storingen/${storing.id}/tijdlijn`, { soort: 'notitie', tekst: 'x' }, als(lezerGast))
    expect(lezerGastNotitie.status).toBe(403)
  })

  it('lets a person override the measured state with a reason, and take it away', async () => {
    const zonder = await call<{ invalidParams: { name: string }[] }>(base, 'PUT', `/koppelingen/${koppelingId}/werking`, {
      status: 'storing',
      reden: ' ',
    })
    expect(zonder.status).toBe(400)
    const zet = await call(base, 'PUT', `/koppelingen/${koppelingId}/werking`, {
      status: 'storing',
      reden: 'Leverancier meldt uitval van het berichtenverkeer',
    })
    expect(zet.status).toBe(204)
    const w = await call<Obj>(base, 'GET', `/koppelingen/${koppelingId}/werking`)
    expect(w.body).toMatchObject({
      status: 'storing',
      gemeten: 'werkt',
      bron: 'handmatig',
      reden: 'Leverancier meldt uitval van het berichtenverkeer',
    })
    expect(await call(base, 'PUT', `/koppelingen/${koppelingId}/werking`, { status: 'werkt', reden: 'x' }, als(lezerGast))).toMatchObject({
      status: 403,
    })
    expect((await call(base, 'DELETE', `/koppelingen/${koppelingId}/werking`)).status).toBe(204)
    expect((await call<Obj>(base, 'GET', `/koppelingen/${koppelingId}/werking`)).body.bron).toBe('metingen')
    // Both are in the koppeling's audit trail, with the reason.
    const audit = await call<{ resultaten: { actie: string }[] }>(base, 'GET', `/auditlog?objectId=${koppelingId}`)
    expect(audit.body.resultaten.map((r) => r.actie)).toEqual(expect.arrayContaining(['werking-zetten', 'werking-wissen']))
    expect(JSON.stringify(audit.body)).toContain('Leverancier meldt uitval van het berichtenverkeer')
  })

  it("reports availability per month against the gastheerschap's level, as JSON, CSV and XLSX", async () => {
    const maand = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).format(new Date())
    const r = await call<{ maand: string; resultaten: Obj[] }>(base, 'GET', `/beschikbaarheid?samenwerkingId=${samenwerkingId}`)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.maand).toBe(maand)
    const k = r.body.resultaten.find((x) => (x.koppeling as Obj).id === koppelingId)
    expect(k, JSON.stringify(r.body)).toMatchObject({ doel: 99.5, oordeel: 'niet-gehaald' })
    // Two of four metingen passed; the domain floors per hour in whole ms, against the service.
    expect(k?.beschikbaarheid).toBeGreaterThanOrEqual(49.99)
    expect(k?.beschikbaarheid).toBeLessThanOrEqual(50)
    const csv = await fetch(`${base}/beschikbaarheid?samenwerkingId=${samenwerkingId}&formaat=csv`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const tekst = await csv.text()
    expect(tekst).toContain('Balie → Key2')
    expect(tekst).toContain('niet gehaald')
    const xlsx = await fetch(`${base}/beschikbaarheid?formaat=xlsx&maand=${maand}`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    })
    expect(xlsx.status).toBe(200)
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
    expect((await call(base, 'GET', '/beschikbaarheid?maand=2026-13')).status).toBe(400)
    expect((await call(base, 'GET', `/beschikbaarheid?samenwerkingId=${samenwerkingId}`, undefined, als(lezerAnder))).status).toBe(404)
  })

  it('publishes a status page without URLs, hosts or error texts, only when the samenwerking chose so', async () => {
    expect((await call(base, 'GET', '/status/m-g', undefined, { authorization: '' })).status).toBe(404)
    expect((await call(base, 'PUT', `/samenwerkingen/${samenwerkingId}/statuspagina`, { openbaar: true })).status).toBe(400)
    const zet = await call(base, 'PUT', `/samenwerkingen/${samenwerkingId}/statuspagina`, {
      openbaar: true,
      slug: 'm-g',
      titel: 'Koppelingen M–G',
    })
    expect(zet.status).toBe(200)
    const p = await call<Obj>(base, 'GET', '/status/m-g', undefined, { authorization: '' })
    expect(p.status).toBe(200)
    expect(p.body.titel).toBe('Koppelingen M–G')
    const tekst = JSON.stringify(p.body)
    expect(tekst).toContain('Balie → Key2')
    for (const verboden of ['127.0.0.1', 'gezondheid', 'http', 'fout-status', koppelingId, samenwerkingId])
      expect(tekst).not.toContain(verboden)
    const k = (p.body.koppelingen as Obj[])[0] as Obj
    expect(k.dagen as Obj[]).toHaveLength(90)
    await call(base, 'PUT', `/samenwerkingen/${samenwerkingId}/statuspagina`, { openbaar: false, slug: 'm-g' })
    expect((await call(base, 'GET', '/status/m-g', undefined, { authorization: '' })).status).toBe(404)
  })

  it('runs a controle now and says what it found; a lezer may not', async () => {
    const r = await call<Obj>(base, 'POST', `/controles/${gemeten}/uitvoeren`)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ geslaagd: true, soort: 'geslaagd' })
    expect((await call(base, 'POST', `/controles/${gemeten}/uitvoeren`, undefined, als(lezerGast))).status).toBe(403)
    expect((await call(base, 'POST', `/controles/${gemeten}/uitvoeren`, undefined, als(lezerAnder))).status).toBe(404)
    // A paused controle the scheduler never saw: run by hand, its state follows at once.
    const nieuw = await call<Obj>(base, 'POST', '/controles', httpControle({ naam: 'Met de hand', actief: false }))
    expect((await call<Obj>(base, 'POST', `/controles/${nieuw.body.id}/uitvoeren`)).body.geslaagd).toBe(true)
    const v = await call<{ stand: Obj }>(base, 'GET', `/controles/${nieuw.body.id}/verloop`)
    expect(v.body.stand).toMatchObject({ status: 'gepauzeerd', laatsteMeting: { geslaagd: true, soort: 'geslaagd' } })
  })

  it('sends a test notification to a webhook and refuses a forbidden address', async () => {
    const ontvangen: string[] = []
    const haak = http.createServer((req, res) => {
      let b = ''
      req.on('data', (d) => {
        b += d
      })
      req.on('end', () => {
        ontvangen.push(b)
        res.writeHead(200).end()
      })
    })
    await new Promise<void>((r) => haak.listen(0, '127.0.0.1', r))
    try {
      const orgs = await call<{ resultaten: Obj[] }>(base, 'GET', '/organisaties?zoek=Gemeente M')
      const kanaal = await call<Obj>(base, 'POST', '/meldingskanalen', {
        naam: 'Regieteam',
        organisatieId: (orgs.body.resultaten[0] as Obj).id,
        soort: 'webhook',
        formaat: 'json',
        webhookUrl: `http://127.0.0.1:${(haak.address() as AddressInfo).port}/haak/token-abc`,
        gebeurtenissen: ['storing-geopend', 'storing-hersteld'],
      })
      expect(kanaal.status).toBe(201)
      expect(JSON.stringify(kanaal.body)).not.toContain('token-abc')
      expect(kanaal.body.webhookUrlWeergave).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…/)
      const t = await call<Obj>(base, 'POST', `/meldingskanalen/${kanaal.body.id}/test`)
      expect(t.body).toMatchObject({ geslaagd: true })
      expect(JSON.parse(ontvangen[0] as string)).toMatchObject({ soort: 'test' })
      const metadata = await call<Obj>(base, 'POST', '/meldingskanalen', {
        naam: 'Metadata',
        organisatieId: (orgs.body.resultaten[0] as Obj).id,
        soort: 'webhook',
        formaat: 'slack',
        webhookUrl: 'http://169.254.169.254/latest/meta-data',
        gebeurtenissen: ['storing-geopend'],
      })
      const fout = await call<Obj>(base, 'POST', `/meldingskanalen/${metadata.body.id}/test`)
      expect(fout.body).toMatchObject({ geslaagd: false, tijdelijk: false })

      // E-mail keeps no webhook URL; back to webhook without one is refused at the field.
      const email = await call<Obj>(
        base,
        'PATCH',
        `/meldingskanalen/${kanaal.body.id}`,
        { soort: 'email', formaat: null, ontvangers: ['regie@example.org'] },
        {
          'content-type': 'application/merge-patch+json',
          'if-match': `"${kanaal.body.revisie}"`,
        },
      )
      expect(email.status, JSON.stringify(email.body)).toBe(200)
      expect(email.body.webhookUrlWeergave).toBeUndefined()
      const terug = await call<{ invalidParams: { name: string }[] }>(
        base,
        'PATCH',
        `/meldingskanalen/${kanaal.body.id}`,
        { soort: 'webhook', formaat: 'json', ontvangers: null },
        {
          'content-type': 'application/merge-patch+json',
          'if-match': `"${email.body.revisie}"`,
        },
      )
      expect(terug.status).toBe(400)
      expect(terug.body.invalidParams.map((p) => p.name)).toContain('webhookUrl')
    } finally {
      await new Promise<void>((r) => haak.close(() => r()))
    }
  })
})

describe('notifications', () => {
  it('tells a channel once when a storing opens and once when it closes, through the outbox; a channel of an organisation that may not see the koppeling hears nothing', async () => {
    const db = server.database.handle.db
    const ontvangen: { soort: string; sleutel: string; koppeling?: { naam: string } }[] = []
    const haak = http.createServer((req, res) => {
      let b = ''
      req.on('data', (d) => {
        b += d
      })
      req.on('end', () => {
        ontvangen.push(JSON.parse(b))
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((r) => haak.listen(0, '127.0.0.1', r))
    try {
      const haakUrl = `http://127.0.0.1:${(haak.address() as AddressInfo).port}/haak`
      const orgM = (await call<{ resultaten: Obj[] }>(base, 'GET', '/organisaties?zoek=Gemeente M')).body.resultaten[0] as Obj
      const gebeurtenissen = ['storing-geopend', 'storing-hersteld']
      const eigen = await call<Obj>(base, 'POST', '/meldingskanalen', {
        naam: 'Regie M',
        organisatieId: orgM.id,
        soort: 'webhook',
        formaat: 'json',
        webhookUrl: `${haakUrl}/m`,
        gebeurtenissen,
      })
      const vreemd = await call<Obj>(base, 'POST', '/meldingskanalen', {
        naam: 'Regie X',
        organisatieId: anderOrg,
        soort: 'webhook',
        formaat: 'json',
        webhookUrl: `${haakUrl}/x`,
        gebeurtenissen,
      })
      expect([eigen.status, vreemd.status]).toEqual([201, 201])
      const c = await call<Obj>(base, 'POST', '/controles', httpControle({ naam: 'Meldt zich', foutenVoorStoring: 1 }))
      const id = c.body.id
      const nu = async () =>
        db
          .updateTable('controle_toestand')
          .set({ volgende_op: new Date(Date.now() - 1000) })
          .where('controle_id', '=', id)
          .execute()
      const metingen = async () => (await db.selectFrom('meting').select('tijdstip').where('controle_id', '=', id).execute()).length
      await expect
        .poll(async () => (await db.selectFrom('controle_toestand').select('controle_id').where('controle_id', '=', id).execute()).length, {
          timeout: 15_000,
        })
        .toBe(1)
      const inStoring = async () =>
        (await call<{ paginering: { totaalAantal: number } }>(base, 'GET', '/monitoring?status=storing&zoek=Meldt zich')).body.paginering
          .totaalAantal
      expect(await inStoring()).toBe(0)
      gezond = false
      await nu()
      await expect.poll(metingen, { timeout: 15_000 }).toBe(1)
      await expect.poll(() => ontvangen.length, { timeout: 15_000 }).toBe(1)
      // No registry write happened in between: the total by state follows the metingen anyway.
      expect(await inStoring()).toBe(1)
      gezond = true
      await nu()
      await expect.poll(metingen, { timeout: 15_000 }).toBe(2)
      await expect.poll(() => ontvangen.length, { timeout: 15_000 }).toBe(2)
      expect(ontvangen.map((m) => m.soort)).toEqual(['storing-geopend', 'storing-hersteld'])
      expect(ontvangen[0]?.koppeling?.naam).toBe('Balie → Key2')
      // The receiver has the message before the sender records that it arrived: wait for the record.
      const statussen = async () =>
        (
          await db.selectFrom('melding').select(['kanaal_id', 'status']).where('kanaal_id', 'in', [eigen.body.id, vreemd.body.id]).execute()
        ).map((r) => [r.kanaal_id, r.status])
      await expect.poll(statussen, { timeout: 15_000 }).toEqual([
        [eigen.body.id, 'verzonden'],
        [eigen.body.id, 'verzonden'],
      ])
      // No URL, host or error text of the probe leaves Regiekamer in a notification.
      expect(JSON.stringify(ontvangen)).not.toContain('gezondheid')
    } finally {
      await new Promise<void>((r) => haak.close(() => r()))
    }
  })
})

describe('maintenance windows', () => {
  it('do not count: failures inside one open no storing, and availability reports the minutes as onderhoud, not as down', async () => {
    const db = server.database.handle.db
    const c = await call<Obj>(base, 'POST', '/controles', httpControle({ naam: 'In onderhoud', foutenVoorStoring: 1 }))
    const id = c.body.id
    const venster = await call<Obj>(base, 'POST', '/onderhoudsvensters', {
      reden: 'Upgrade Key2Belastingen',
      van: new Date(Date.now() - 60_000).toISOString(),
      tot: new Date(Date.now() + 20 * 60_000).toISOString(),
      controleId: id,
    })
    expect(venster.status, JSON.stringify(venster.body)).toBe(201)
    const ongeldig = await call<{ invalidParams: { name: string }[] }>(base, 'POST', '/onderhoudsvensters', {
      reden: 'Achterstevoren',
      van: new Date(Date.now() + 60_000).toISOString(),
      tot: new Date(Date.now() - 60_000).toISOString(),
      koppelingId,
    })
    expect(ongeldig.status).toBe(400)
    expect(ongeldig.body.invalidParams.map((p) => p.name)).toContain('tot')
    await expect
      .poll(async () => (await db.selectFrom('controle_toestand').select('controle_id').where('controle_id', '=', id).execute()).length, {
        timeout: 15_000,
      })
      .toBe(1)
    gezond = false
    try {
      await db
        .updateTable('controle_toestand')
        .set({ volgende_op: new Date(Date.now() - 1000) })
        .where('controle_id', '=', id)
        .execute()
      await expect
        .poll(async () => (await db.selectFrom('meting').select('tijdstip').where('controle_id', '=', id).execute()).length, {
          timeout: 15_000,
        })
        .toBe(1)
    } finally {
      gezond = true
    }
    expect(await db.selectFrom('storing').select('id').where('controle_id', '=', id).execute()).toEqual([])
    const uur = await db.selectFrom('meting_uur').selectAll().where('controle_id', '=', id).executeTakeFirstOrThrow()
    expect([uur.aantal, uur.geslaagd, uur.in_onderhoud]).toEqual([1, 0, 1])
    const r = await call<{ resultaten: Obj[] }>(base, 'GET', '/beschikbaarheid')
    const regel = ((r.body.resultaten.find((x) => (x.koppeling as Obj).id === koppelingId) as Obj).controles as Obj[]).find(
      (x) => x.id === id,
    ) as Obj
    expect(regel.onderhoudMinuten as number).toBeGreaterThan(0)
    expect(regel.beschikbaarheid).toBeUndefined()
    expect(regel.oordeel).toBe('onbekend')
  })
})
