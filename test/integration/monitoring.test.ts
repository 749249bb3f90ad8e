import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MonitorConfig } from '../../src/config.js'
import { gemeenten } from '../../src/io/gemeenten.js'
import { buildApplicatie, buildKoppeling, buildOrganisatie, create } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'

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
let doel: http.Server
let doelUrl: string
/** What the target answers: the test flips it. */
let gezond = true
let verzoeken = 0

const cbs = [...gemeenten().keys()]

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
  const bron = (await create(base, 'applicaties', buildApplicatie({ naam: 'Key2Belastingen', inGebruikBij: [org] }))).id
  const doelApp = (await create(base, 'applicaties', buildApplicatie({ naam: 'Digitale Belastingbalie', inGebruikBij: [org] }))).id
  koppelingId = (
    await create(
      base,
      'koppelingen',
      buildKoppeling({ naam: 'Balie → Key2', eigenaarId: org, bronApplicatieId: bron, doelApplicatieId: doelApp }),
    )
  ).id
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
