import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkAuditLog } from '../../src/cli/tasks.js'
import { auditlog } from '../../src/db/repos/auditlog.js'
import { buildOrganisatie, create } from '../helpers/factories.js'
import { startServer, type TestServer } from '../helpers/server.js'
import { isProblem, nextClientIp, type Reply, send } from '../helpers/toegang.js'

// Issue 10, items 1 and 11: every route checks its body, query, parameters and headers
// against its schema before a handler runs, so nothing unchecked reaches the database
// or the hash-chained audit log; and the chain hashes exactly what the database stores.

let server: TestServer
let base: string
let admin: string

beforeAll(async () => {
  server = await startServer()
  base = server.base
  admin = server.adminToken
})
afterAll(async () => server?.close())

const db = () => server.database.handle.db
const auditCount = async () =>
  (
    await db()
      .selectFrom('auditlog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n
const paramsOf = (r: Reply) => (r.body as { invalidParams?: { name: string; code: string; reason: string }[] }).invalidParams ?? []

async function expectIntactAuditLog() {
  const { result, untracked } = await checkAuditLog(db())
  expect(result.problems).toEqual([])
  expect(untracked).toEqual([])
}

describe('signing in: the body is validated before anything is looked up or logged', () => {
  const login = (body: unknown) => send(base, 'POST', '/sessies', { body, ip: nextClientIp() })

  it('refuses a lone surrogate in the user name with 400 at the field; the audit log stays verifiable (was 401, then audit verify failed)', async () => {
    const before = Number(await auditCount())
    for (const naam of ['\ud800', 'a\udfffb']) {
      const res = await login({ gebruikersnaam: naam, wachtwoord: 'x' })
      expect(isProblem(res, 400), res.text).toBe(true)
      expect(paramsOf(res)).toEqual([expect.objectContaining({ name: 'gebruikersnaam', code: 'ongeldig-teken' })])
    }
    expect(Number(await auditCount())).toBe(before)
    await expectIntactAuditLog()
  })

  it('refuses U+0000 in the user name with 400, not 500', async () => {
    const res = await login({ gebruikersnaam: '\u0000', wachtwoord: 'x' })
    expect(isProblem(res, 400), res.text).toBe(true)
    expect(paramsOf(res).map((p) => p.name)).toEqual(['gebruikersnaam'])
  })

  it('refuses a user name of 1 000 000 characters (the schema says at most 100) and logs nothing', async () => {
    const before = Number(await auditCount())
    const res = await login({ gebruikersnaam: 'x'.repeat(1_000_000), wachtwoord: 'x' })
    expect(isProblem(res, 400), res.text.slice(0, 300)).toBe(true)
    expect(paramsOf(res)).toEqual([expect.objectContaining({ name: 'gebruikersnaam', code: 'te-lang' })])
    expect(Number(await auditCount())).toBe(before)
  })

  it('reports every error at once: missing, wrong type and unknown fields (was 401)', async () => {
    const res = await login({ gebruikersnaam: 42, extra: true })
    expect(isProblem(res, 400), res.text).toBe(true)
    expect(
      paramsOf(res)
        .map((p) => `${p.name}:${p.code}`)
        .sort(),
    ).toEqual(['extra:onbekend-veld', 'gebruikersnaam:ongeldig-type', 'wachtwoord:verplicht'])
  })

  it('gives the reason in English when asked', async () => {
    const res = await send(base, 'POST', '/sessies', {
      body: { gebruikersnaam: '\ud800', wachtwoord: 'x' },
      headers: { 'accept-language': 'en' },
      ip: nextClientIp(),
    })
    expect(paramsOf(res)[0].reason).toMatch(/cannot be stored/)
  })
})

describe('a route without a body schema takes no body', () => {
  it('refuses a body on DELETE with 400 and deletes nothing (the body was ignored)', async () => {
    const org = await create(base, 'organisaties', buildOrganisatie())
    const res = await send(base, 'DELETE', `/organisaties/${org.id}`, { token: admin, body: { reden: 'x' } })
    // The registry's DELETE has no body schema: a body was silently accepted before.
    expect(isProblem(res, 400), res.text).toBe(true)
    expect(paramsOf(res)[0]).toMatchObject({ name: 'body', code: 'niet-toegestaan' })
    expect((await send(base, 'GET', `/organisaties/${org.id}`, { token: admin })).status).toBe(200)
  })
})

describe('unknown query parameters are a 400 on every route (item 11)', () => {
  it.each(['/dashboard', '/_ik', '/_gezondheid', '/', '/api-tokens', '/gebruikers', '/oidc'])('GET %s?onbekend=1 → 400', async (path) => {
    const res = await send(base, 'GET', `${path}?onbekend=1`, { token: admin })
    expect(isProblem(res, 400), res.text).toBe(true)
    expect(paramsOf(res)).toEqual([expect.objectContaining({ name: 'onbekend', code: 'onbekend-veld' })])
  })

  it('still answers the same routes without parameters', async () => {
    for (const path of ['/dashboard', '/_ik', '/_gezondheid']) expect((await send(base, 'GET', path, { token: admin })).status).toBe(200)
  })

  it('refuses U+0000 in a query parameter with 400 at the parameter', async () => {
    const res = await send(base, 'GET', '/organisaties?zoek=a%00b', { token: admin })
    expect(isProblem(res, 400), res.text).toBe(true)
    expect(paramsOf(res)).toEqual([expect.objectContaining({ name: 'zoek', code: 'ongeldig-teken' })])
  })
})

/** Sends raw bytes and returns the raw response; for requests no HTTP client will send. */
function raw(request: string): Promise<string> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname)
    let data = ''
    socket.on('data', (c) => {
      data += c.toString('latin1')
    })
    socket.on('close', () => resolve(data))
    socket.on('error', reject)
    socket.write(request)
  })
}

describe('requests the HTTP parser refuses', () => {
  it('a NUL in a header gets a problem+json 400 with API-Version (was Fastify’s plain JSON)', async () => {
    const res = await raw(`GET /api/v1/_gezondheid HTTP/1.1\r\nHost: x\r\nX-CSRF-Token: a\u0000b\r\nConnection: close\r\n\r\n`)
    expect(res).toMatch(/^HTTP\/1\.1 400 /)
    expect(res).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/i)
    expect(res).toMatch(/\r\nAPI-Version: 1\.0\.0\r\n/i)
    const body = JSON.parse(res.slice(res.indexOf('\r\n\r\n') + 4))
    expect(body).toMatchObject({ status: 400, invalidParams: [expect.objectContaining({ name: 'verzoek' })] })
  })

  it('headers over the size limit get a problem+json 431', async () => {
    const res = await raw(`GET /api/v1/_gezondheid?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    expect(res).toMatch(/^HTTP\/1\.1 431 /)
    expect(res).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/i)
  })
})

describe('the audit chain hashes exactly what the database stores', () => {
  // Whatever string reaches the append path (a future route that forgets to validate, a
  // claim, a CLI argument), the row read back must match its hash.
  it('stores and hashes U+0000, lone surrogates, keys and dates alike, so the chain verifies', async () => {
    const stored = await db()
      .transaction()
      .execute((trx) =>
        auditlog.append(trx, {
          actor: 'a\ud800b\u0000',
          herkomst: '\udc00',
          actie: 'inloggen',
          objecttype: 'gebruiker',
          objectId: '-',
          resultaat: 'geweigerd',
          voor: { 'sleutel\ud83d': ['\u0000', '😀', 'Z̷a̸'], datum: new Date('2026-01-02T03:04:05.000Z'), weg: undefined },
          na: '\ud800',
        }),
      )
    expect(stored.actor).toBe('a\ufffdb\ufffd')
    expect(stored.herkomst).toBe('\ufffd')
    expect(stored.voor).toEqual({ 'sleutel\ufffd': ['\ufffd', '😀', 'Z̷a̸'], datum: '2026-01-02T03:04:05.000Z' })
    const [row] = (await auditlog.list(db(), { pagina: 1, paginaGrootte: 1 })).items
    expect(row).toEqual(stored)
    await expectIntactAuditLog()
  })

  it('keeps at most 300 characters of an actor', async () => {
    const stored = await db()
      .transaction()
      .execute((trx) =>
        auditlog.append(trx, {
          actor: 'x'.repeat(1_000_000),
          herkomst: 'test',
          actie: 'inloggen',
          objecttype: 'gebruiker',
          objectId: '-',
          resultaat: 'geweigerd',
          voor: null,
          na: null,
        }),
      )
    expect(stored.actor).toHaveLength(300)
    await expectIntactAuditLog()
  })
})
