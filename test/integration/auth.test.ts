import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/api/app.js'
import { AuthService, sha256 } from '../../src/services/auth-service.js'
import { freshDatabase, type TestDatabase } from '../helpers/database.js'
import { buildOrganisatie, create } from '../helpers/factories.js'
import { startServer, type TestServer } from '../helpers/server.js'
import {
  createApiToken,
  createGebruiker,
  isProblem,
  login,
  nextClientIp,
  type Reply,
  type Session,
  send,
  sessionCookieOf,
  WACHTWOORD,
} from '../helpers/toegang.js'

// Signing in, sessions, CSRF, API tokens, rate limits, security headers, the setup link
// and user management, over real HTTP (issue 3, "Tests that must show it"). Each test
// calls from its own loopback address, so the per-IP login limit belongs to one test.

const IDLE_MINUTES = 10
// Spelled out, not imported: the test pins the exact header.
const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()'

let server: TestServer
let base: string
let db: TestServer['database']['handle']['db']
let gemeente: { id: string }

beforeAll(async () => {
  server = await startServer({ sessionIdleMinutes: IDLE_MINUTES })
  base = server.base
  db = server.database.handle.db
  gemeente = await create(base, 'organisaties', buildOrganisatie({ type: 'overig', naam: `Gemeente ${randomUUID().slice(0, 8)}` }))
})
afterAll(async () => server?.close())

const admin = () => ({ token: server.adminToken })

async function adminUser(): Promise<{ gebruikersnaam: string; wachtwoord: string; id: string }> {
  return createGebruiker(base, server.adminToken, [{ rol: 'admin' }], { prefix: 'admin' })
}

async function beheerder(): Promise<{ gebruikersnaam: string; wachtwoord: string; id: string }> {
  return createGebruiker(base, server.adminToken, [{ rol: 'beheerder', organisatieId: gemeente.id }], { prefix: 'beheerder' })
}

const attributes = (setCookie: string) =>
  setCookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase())

function rowCount(table: 'organisatie' | 'gebruiker' | 'api_token'): Promise<number> {
  return db
    .selectFrom(table)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => r.n)
}

describe('inloggen', () => {
  it('opens a session with the right password: 201, an HttpOnly, SameSite=Lax, Secure cookie and a csrfToken', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const res = await send<{ csrfToken: string; gebruiker: { id: string; gebruikersnaam: string }; verlooptOp: string }>(
      base,
      'POST',
      '/sessies',
      { body: { gebruikersnaam: u.gebruikersnaam, wachtwoord: u.wachtwoord }, ip },
    )
    expect(res.status).toBe(201)
    const cookie = res.setCookie.find((c) => c.startsWith('rk_sessie='))
    expect(cookie).toBeDefined()
    const attrs = attributes(cookie as string)
    expect(attrs).toContain('httponly')
    expect(attrs).toContain('samesite=lax')
    expect(attrs).toContain('secure') // the test server's publicUrl is https
    expect(attrs).toContain('path=/')
    expect(typeof res.body.csrfToken).toBe('string')
    expect(res.body.csrfToken.length).toBeGreaterThanOrEqual(20)
    expect(res.body.gebruiker).toMatchObject({ id: u.id, gebruikersnaam: u.gebruikersnaam })
    expect(Date.parse(res.body.verlooptOp)).toBeGreaterThan(Date.now())
    expect(res.text).not.toContain('$argon2')
    expect(res.text).not.toContain(u.wachtwoord)
    // The cookie is the session; the CSRF token is not in it.
    expect(cookie).not.toContain(res.body.csrfToken)
    // Only the hash of the session token is stored.
    const token = (sessionCookieOf(res.setCookie) as string).slice('rk_sessie='.length)
    const rows = await db.selectFrom('sessie').select('token_hash').where('gebruiker_id', '=', u.id).execute()
    expect(rows.map((r) => r.token_hash)).toEqual([sha256(token)])

    const ik = await send(base, 'GET', '/_ik', {
      session: { cookie: sessionCookieOf(res.setCookie) as string, csrfToken: '', gebruikerId: u.id },
      ip,
    })
    expect(ik.status).toBe(200)
    expect(ik.body).toMatchObject({ via: 'sessie', csrfToken: res.body.csrfToken, gebruiker: { id: u.id } })
  })

  it('answers a wrong password and an unknown user with the identical 401 (no user enumeration)', async () => {
    const u = await beheerder()
    const zonderWachtwoord = await createGebruiker(base, server.adminToken, [{ rol: 'lezer', organisatieId: gemeente.id }], {
      wachtwoord: null,
    })
    const inactief = await beheerder()
    expect((await send(base, 'PATCH', `/gebruikers/${inactief.id}`, { ...admin(), body: { actief: false } })).status).toBe(200)

    const attempts: Reply[] = []
    for (const [gebruikersnaam, wachtwoord] of [
      [u.gebruikersnaam, `${u.wachtwoord}x`],
      [`onbekend-${randomUUID().slice(0, 8)}`, u.wachtwoord],
      [zonderWachtwoord.gebruikersnaam, WACHTWOORD],
      [inactief.gebruikersnaam, inactief.wachtwoord],
    ]) {
      attempts.push(await send(base, 'POST', '/sessies', { body: { gebruikersnaam, wachtwoord }, ip: nextClientIp() }))
    }
    for (const a of attempts) {
      expect(isProblem(a, 401), a.text).toBe(true)
      expect(a.setCookie.filter((c) => c.startsWith('rk_sessie=') && !/rk_sessie=;/.test(c))).toEqual([])
    }
    const [first, ...rest] = attempts
    for (const a of rest) {
      expect(a.text).toBe(first.text)
      expect(a.contentType).toBe(first.contentType)
    }
  })

  it('blocks an account after 5 wrong passwords, even for the right one, until geblokkeerd_tot has passed', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const attempt = (wachtwoord: string) => send(base, 'POST', '/sessies', { body: { gebruikersnaam: u.gebruikersnaam, wachtwoord }, ip })
    const wrong: Reply[] = []
    for (let i = 0; i < 5; i++) wrong.push(await attempt(`fout wachtwoord ${i}`))
    for (const w of wrong) expect(w.status).toBe(401)

    const blocked = await attempt(u.wachtwoord)
    expect(blocked.status).toBe(401)
    expect(blocked.text).toBe(wrong[0].text) // a blocked account looks like a wrong password
    const row = await db
      .selectFrom('gebruiker')
      .select(['geblokkeerd_tot', 'mislukte_pogingen'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow()
    expect(row.mislukte_pogingen).toBe(5)
    expect(new Date(row.geblokkeerd_tot as unknown as string).getTime()).toBeGreaterThan(Date.now())

    // Someone else is not blocked by it.
    const ander = await beheerder()
    await login(base, ander.gebruikersnaam, ander.wachtwoord, nextClientIp())

    await db.updateTable('gebruiker').set({ geblokkeerd_tot: sql`now() - interval '1 second'` }).where('id', '=', u.id).execute()
    const unblocked = await attempt(u.wachtwoord)
    expect(unblocked.status).toBe(201)
    const after = await db
      .selectFrom('gebruiker')
      .select(['geblokkeerd_tot', 'mislukte_pogingen'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow()
    expect(after).toEqual({ geblokkeerd_tot: null, mislukte_pogingen: 0 })
  })

  it('limits login attempts per client: the 11th within a minute gets 429 problem+json', async () => {
    const ip = nextClientIp()
    const statuses: number[] = []
    let last: Reply | undefined
    for (let i = 0; i < 11; i++) {
      last = await send(base, 'POST', '/sessies', { body: { gebruikersnaam: `niemand-${i}`, wachtwoord: 'x' }, ip })
      statuses.push(last.status)
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429])
    expect(isProblem(last as Reply, 429), last?.text).toBe(true)
    // Another client is not affected.
    const u = await beheerder()
    await login(base, u.gebruikersnaam, u.wachtwoord, nextClientIp())
  })
})

describe('sessies', () => {
  it('logs out: the cookie is cleared and the old cookie gets 401', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    expect((await send(base, 'GET', '/_ik', { session: s, ip })).status).toBe(200)
    const out = await send(base, 'DELETE', '/sessies/huidige', { session: s, ip })
    expect(out.status).toBe(204)
    const cleared = out.setCookie.find((c) => c.startsWith('rk_sessie='))
    expect(cleared).toBeDefined()
    expect(cleared).toMatch(/^rk_sessie=;/)
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i)
    expect(await db.selectFrom('sessie').select('token_hash').where('gebruiker_id', '=', u.id).execute()).toEqual([])

    const again = await send(base, 'GET', '/_ik', { session: s, ip })
    expect(isProblem(again, 401), again.text).toBe(true)
    const write = await send(base, 'POST', '/api-tokens', {
      session: s,
      ip,
      body: { naam: 'x', scopes: ['lezen'], verlooptOp: new Date(Date.now() + 86_400_000).toISOString() },
    })
    expect(write.status).toBe(401)
  })

  it(`ends a session idle for longer than sessionIdleMinutes (${IDLE_MINUTES}); one used within it lives on and is touched`, async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const idle = (minutes: number) =>
      db
        .updateTable('sessie')
        .set({ laatst_gebruikt_op: sql`now() - make_interval(mins => ${minutes})` })
        .where('gebruiker_id', '=', u.id)
        .execute()

    await idle(IDLE_MINUTES - 1)
    expect((await send(base, 'GET', '/_ik', { session: s, ip })).status).toBe(200)
    const touched = await db.selectFrom('sessie').select('laatst_gebruikt_op').where('gebruiker_id', '=', u.id).executeTakeFirstOrThrow()
    expect(Date.now() - new Date(touched.laatst_gebruikt_op as unknown as string).getTime()).toBeLessThan(60_000)

    await idle(IDLE_MINUTES + 1)
    const res = await send(base, 'GET', '/_ik', { session: s, ip })
    expect(isProblem(res, 401), res.text).toBe(true)
    expect(res.setCookie.some((c) => /^rk_sessie=;/.test(c))).toBe(true)
  })

  it('counts idle time from the last use, not from the last once-a-minute write', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    // Time passes by moving the stored last use back: the session as it would be that much later.
    const later = (seconds: number) =>
      db
        .updateTable('sessie')
        .set({ laatst_gebruikt_op: sql`laatst_gebruikt_op - make_interval(secs => ${seconds})` })
        .where('gebruiker_id', '=', u.id)
        .execute()
    // Last written 50 s ago, used now: the idle time starts now.
    await later(50)
    expect((await send(base, 'GET', '/_ik', { session: s, ip })).status).toBe(200)
    // 30 s short of the idle limit after that use: still signed in.
    await later(IDLE_MINUTES * 60 - 30)
    const res = await send(base, 'GET', '/_ik', { session: s, ip })
    expect(res.status, res.text).toBe(200)
    // And the full idle time after this last use ends it.
    await later(IDLE_MINUTES * 60 + 1)
    expect((await send(base, 'GET', '/_ik', { session: s, ip })).status).toBe(401)
  })

  it('ends a session past its absolute expiry (verloopt_op), however recently used', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    await db
      .updateTable('sessie')
      .set({ verloopt_op: sql`now() - interval '1 second'`, laatst_gebruikt_op: sql`now()` })
      .where('gebruiker_id', '=', u.id)
      .execute()
    const res = await send(base, 'GET', '/_ik', { session: s, ip })
    expect(isProblem(res, 401), res.text).toBe(true)
  })

  it('ends every session and revokes every token of a user who gets a new password', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const s1 = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const s2 = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const t = await createApiToken(base, s1, ['lezen'], { ip })
    expect(
      (await send(base, 'PATCH', `/gebruikers/${u.id}`, { ...admin(), body: { wachtwoord: 'een heel nieuw wachtwoord' } })).status,
    ).toBe(200)
    expect((await send(base, 'GET', '/_ik', { session: s1, ip })).status).toBe(401)
    expect((await send(base, 'GET', '/_ik', { session: s2, ip })).status).toBe(401)
    expect((await send(base, 'GET', '/_ik', { token: t.token, ip })).status).toBe(401)
    const tokens = await send<{ id: string; ingetrokkenOp?: string }[]>(base, 'GET', `/gebruikers/${u.id}/api-tokens`, admin())
    expect(tokens.body.find((x) => x.id === t.id)?.ingetrokkenOp).toBeDefined()
    // The new password works, and a token made after it does too.
    const s3 = await login(base, u.gebruikersnaam, 'een heel nieuw wachtwoord', ip)
    const t2 = await createApiToken(base, s3, ['lezen'], { ip })
    expect((await send(base, 'GET', '/_ik', { token: t2.token, ip })).status).toBe(200)
  })

  it('keeps tokens of a deactivated user revoked after reactivation', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const t = await createApiToken(base, s, ['lezen'], { ip })
    expect((await send(base, 'PATCH', `/gebruikers/${u.id}`, { ...admin(), body: { actief: false } })).status).toBe(200)
    expect((await send(base, 'GET', '/_ik', { token: t.token, ip })).status).toBe(401)
    expect((await send(base, 'GET', '/_ik', { session: s, ip })).status).toBe(401)
    expect((await send(base, 'PATCH', `/gebruikers/${u.id}`, { ...admin(), body: { actief: true } })).status).toBe(200)
    expect((await send(base, 'GET', '/_ik', { token: t.token, ip })).status).toBe(401)
    expect((await send(base, 'GET', '/_ik', { session: s, ip })).status).toBe(401)
  })

  it('ends sessions and revokes tokens when a role is taken away, not when one is added or only the name changes', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const t = await createApiToken(base, s, ['lezen'], { ip })
    const beheer = { rol: 'beheerder', organisatieId: gemeente.id }
    const lezer = { rol: 'lezer', organisatieId: gemeente.id }
    expect((await send(base, 'PATCH', `/gebruikers/${u.id}`, { ...admin(), body: { naam: 'Andere naam' } })).status).toBe(200)
    expect((await send(base, 'PATCH', `/gebruikers/${u.id}`, { ...admin(), body: { rollen: [beheer, lezer] } })).status).toBe(200)
    expect((await send(base, 'GET', '/_ik', { session: s, ip })).status).toBe(200)
    expect((await send(base, 'GET', '/_ik', { token: t.token, ip })).status).toBe(200)
    expect((await send(base, 'PATCH', `/gebruikers/${u.id}`, { ...admin(), body: { rollen: [lezer] } })).status).toBe(200)
    expect((await send(base, 'GET', '/_ik', { session: s, ip })).status).toBe(401)
    expect((await send(base, 'GET', '/_ik', { token: t.token, ip })).status).toBe(401)
  })

  it("lets an admin list and revoke another user's tokens, audited; others get 403, unknown ids 404, bad ids 400", async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const t1 = await createApiToken(base, s, ['lezen'], { ip, naam: 'script een' })
    const t2 = await createApiToken(base, s, ['lezen'], { ip, naam: 'script twee' })
    const list = await send<Record<string, unknown>[]>(base, 'GET', `/gebruikers/${u.id}/api-tokens`, admin())
    expect(list.status).toBe(200)
    expect(list.body.map((x) => x.naam).sort()).toEqual(['script een', 'script twee'])
    expect(list.text).not.toContain(t1.token)
    expect(list.text).not.toContain(t1.token.slice(12))

    const revoke = await send(base, 'DELETE', `/gebruikers/${u.id}/api-tokens/${t1.id}`, admin())
    expect(revoke.status, revoke.text).toBe(204)
    expect((await send(base, 'GET', '/_ik', { token: t1.token, ip })).status).toBe(401)
    expect((await send(base, 'GET', '/_ik', { token: t2.token, ip })).status).toBe(200)
    expect((await send(base, 'GET', '/_ik', { session: s, ip })).status).toBe(200)
    const audit = await db
      .selectFrom('auditlog')
      .select(['actie', 'actor', 'object_id'])
      .where('actie', '=', 'token-intrekken')
      .where('object_id', '=', t1.id)
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0].actor).not.toBe(u.gebruikersnaam)

    // Someone else's token under this user, an unknown user, an unknown token: 404.
    const other = await beheerder()
    const os = await login(base, other.gebruikersnaam, other.wachtwoord, ip)
    const ot = await createApiToken(base, os, ['lezen'], { ip })
    expect(isProblem(await send(base, 'DELETE', `/gebruikers/${u.id}/api-tokens/${ot.id}`, admin()), 404)).toBe(true)
    expect((await send(base, 'GET', '/_ik', { token: ot.token, ip })).status).toBe(200)
    expect(isProblem(await send(base, 'GET', `/gebruikers/${randomUUID()}/api-tokens`, admin()), 404)).toBe(true)
    expect(isProblem(await send(base, 'DELETE', `/gebruikers/${u.id}/api-tokens/${randomUUID()}`, admin()), 404)).toBe(true)
    expect(isProblem(await send(base, 'DELETE', `/gebruikers/${randomUUID()}/api-tokens/${t2.id}`, admin()), 404)).toBe(true)
    // Not a uuid: 400 naming the parameter.
    const bad = await send<{ invalidParams: { name: string }[] }>(base, 'DELETE', `/gebruikers/${u.id}/api-tokens/niet-een-uuid`, admin())
    expect(isProblem(bad, 400), bad.text).toBe(true)
    expect(bad.body.invalidParams.map((p) => p.name)).toContain('tokenId')
    expect(isProblem(await send(base, 'GET', '/gebruikers/x/api-tokens', admin()), 400)).toBe(true)
    // The user itself, and anyone but an admin: 403; nobody: 401.
    expect(isProblem(await send(base, 'GET', `/gebruikers/${u.id}/api-tokens`, { session: s, ip }), 403)).toBe(true)
    expect(isProblem(await send(base, 'DELETE', `/gebruikers/${other.id}/api-tokens/${ot.id}`, { session: s, ip }), 403)).toBe(true)
    expect(isProblem(await send(base, 'GET', `/gebruikers/${u.id}/api-tokens`, { ip }), 401)).toBe(true)
    expect((await send(base, 'GET', '/_ik', { token: ot.token, ip })).status).toBe(200)
  })
})

describe('CSRF', () => {
  it('refuses cookie writes without the X-CSRF-Token header or with a wrong one (403); the right one works', async () => {
    const u = await adminUser()
    const ip = nextClientIp()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const before = await rowCount('organisatie')
    const body = buildOrganisatie()

    const without = await send(base, 'POST', '/organisaties', { session: s, csrf: null, body, ip })
    expect(isProblem(without, 403), without.text).toBe(true)
    // One character off. Replacing the last one by a fixed 'x' was no change at all for the
    // one token in 64 that ends in 'x', which the server then rightly accepted.
    const last = s.csrfToken.slice(-1) === 'x' ? 'y' : 'x'
    const wrong = await send(base, 'POST', '/organisaties', { session: s, csrf: `${s.csrfToken.slice(0, -1)}${last}`, body, ip })
    expect(isProblem(wrong, 403), wrong.text).toBe(true)
    const empty = await send(base, 'POST', '/organisaties', { session: s, csrf: '', body, ip })
    expect(isProblem(empty, 403), empty.text).toBe(true)
    // Another session's token is no good either.
    const other = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const crossed = await send(base, 'POST', '/organisaties', { session: s, csrf: other.csrfToken, body, ip })
    expect(isProblem(crossed, 403), crossed.text).toBe(true)
    expect(await rowCount('organisatie')).toBe(before)

    const ok = await send<{ id: string; revisie: number }>(base, 'POST', '/organisaties', { session: s, body, ip })
    expect(ok.status).toBe(201)
    expect(await rowCount('organisatie')).toBe(before + 1)

    // Every unsafe method is checked, reads are not.
    for (const [method, extra] of [
      ['PATCH', { body: { toelichting: 'x' } }],
      ['PUT', { body }],
      ['DELETE', {}],
    ] as const) {
      const res = await send(base, method, `/organisaties/${ok.body.id}`, { session: s, csrf: null, ip, ...extra })
      expect(res.status, `${method} ${res.text}`).toBe(403)
    }
    expect((await send(base, 'GET', `/organisaties/${ok.body.id}`, { session: s, csrf: null, ip })).status).toBe(200)
    const logout = await send(base, 'DELETE', '/sessies/huidige', { session: s, csrf: null, ip })
    expect(logout.status).toBe(403)
    expect((await send(base, 'GET', '/_ik', { session: s, ip })).status).toBe(200)
  })
})

describe('API tokens', () => {
  let u: { gebruikersnaam: string; wachtwoord: string; id: string }
  let s: Session
  let ip: string
  beforeAll(async () => {
    u = await beheerder()
    ip = nextClientIp()
    s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
  })

  it("lets a 'lezen' token read but not write (403)", async () => {
    const t = await createApiToken(base, s, ['lezen'], { ip })
    expect((await send(base, 'GET', '/organisaties', { token: t.token, ip })).status).toBe(200)
    expect((await send(base, 'GET', `/organisaties/${gemeente.id}`, { token: t.token, ip })).status).toBe(200)
    const before = await rowCount('organisatie')
    const post = await send(base, 'POST', '/organisaties', { token: t.token, body: buildOrganisatie(), ip })
    expect(isProblem(post, 403), post.text).toBe(true)
    const patch = await send(base, 'PATCH', `/organisaties/${gemeente.id}`, { token: t.token, body: { toelichting: 'x' }, ip })
    expect(patch.status).toBe(403)
    expect(await rowCount('organisatie')).toBe(before)
  })

  it("refuses reads to a 'schrijven'-only token (403), which may still write", async () => {
    const t = await createApiToken(base, s, ['schrijven'], { ip })
    const list = await send(base, 'GET', '/organisaties', { token: t.token, ip })
    expect(isProblem(list, 403), list.text).toBe(true)
    expect((await send(base, 'GET', `/organisaties/${gemeente.id}`, { token: t.token, ip })).status).toBe(403)
    expect((await send(base, 'GET', '/_ik', { token: t.token, ip })).status).toBe(403)
    const post = await send(base, 'POST', '/organisaties', { token: t.token, body: buildOrganisatie(), ip })
    expect(post.status).toBe(201)
  })

  it("needs scope 'beheer' (and the admin role) to manage users", async () => {
    const a = await adminUser()
    const as = await login(base, a.gebruikersnaam, a.wachtwoord, ip)
    const zonderBeheer = await createApiToken(base, as, ['lezen', 'schrijven'], { ip })
    expect((await send(base, 'GET', '/gebruikers', { token: zonderBeheer.token, ip })).status).toBe(403)
    const metBeheer = await createApiToken(base, as, ['beheer'], { ip })
    expect((await send(base, 'GET', '/gebruikers', { token: metBeheer.token, ip })).status).toBe(200)
    // A non-admin cannot make a beheer token at all.
    const res = await send(base, 'POST', '/api-tokens', {
      session: s,
      ip,
      body: { naam: 'beheer', scopes: ['beheer'], verlooptOp: new Date(Date.now() + 86_400_000).toISOString() },
    })
    expect(res.status).toBe(400)
  })

  it('refuses revoked and expired tokens with 401', async () => {
    const revoked = await createApiToken(base, s, ['lezen'], { ip })
    expect((await send(base, 'GET', '/_ik', { token: revoked.token, ip })).status).toBe(200)
    expect((await send(base, 'DELETE', `/api-tokens/${revoked.id}`, { session: s, ip })).status).toBe(204)
    const r = await send(base, 'GET', '/_ik', { token: revoked.token, ip })
    expect(isProblem(r, 401), r.text).toBe(true)
    // Revoking again, or someone else's token, is "not found".
    expect((await send(base, 'DELETE', `/api-tokens/${revoked.id}`, { session: s, ip })).status).toBe(204)
    const other = await adminUser()
    const os = await login(base, other.gebruikersnaam, other.wachtwoord, ip)
    const othersToken = await createApiToken(base, os, ['lezen'], { ip })
    expect((await send(base, 'DELETE', `/api-tokens/${othersToken.id}`, { session: s, ip })).status).toBe(404)
    expect((await send(base, 'GET', '/_ik', { token: othersToken.token, ip })).status).toBe(200)

    const expired = await createApiToken(base, s, ['lezen'], { ip })
    await db.updateTable('api_token').set({ verloopt_op: sql`now() - interval '1 second'` }).where('id', '=', expired.id).execute()
    const e = await send(base, 'GET', '/_ik', { token: expired.token, ip })
    expect(isProblem(e, 401), e.text).toBe(true)
    // A token that is no token at all, and a malformed header.
    expect((await send(base, 'GET', '/_ik', { token: 'rkt_onzin', ip })).status).toBe(401)
    expect((await send(base, 'GET', '/_ik', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, ip })).status).toBe(401)
  })

  it('makes tokens only from a session (a token-authenticated POST /api-tokens gets 403) and shows each token once', async () => {
    const t = await createApiToken(base, s, ['lezen', 'schrijven'], { ip })
    const before = await rowCount('api_token')
    const byToken = await send(base, 'POST', '/api-tokens', {
      token: t.token,
      ip,
      body: { naam: 'via token', scopes: ['lezen'], verlooptOp: new Date(Date.now() + 86_400_000).toISOString() },
    })
    expect(isProblem(byToken, 403), byToken.text).toBe(true)
    expect(await rowCount('api_token')).toBe(before)

    const created = await send<{ id: string; token: string; voorvoegsel: string }>(base, 'POST', '/api-tokens', {
      session: s,
      ip,
      body: { naam: 'eenmalig', scopes: ['lezen'], verlooptOp: new Date(Date.now() + 86_400_000).toISOString() },
    })
    expect(created.status).toBe(201)
    expect(created.body.token).toMatch(/^rkt_[A-Za-z0-9_-]{40,}$/)
    expect(created.body.token.startsWith(created.body.voorvoegsel)).toBe(true)

    const list = await send<Record<string, unknown>[]>(base, 'GET', '/api-tokens', { session: s, ip })
    expect(list.status).toBe(200)
    expect(list.body.find((x) => x.id === created.body.id)).toMatchObject({ naam: 'eenmalig', scopes: ['lezen'] })
    for (const item of list.body) expect(item).not.toHaveProperty('token')
    expect(list.text).not.toContain(created.body.token)
    const viaToken = await send(base, 'GET', '/api-tokens', { token: created.body.token, ip })
    expect(viaToken.text).not.toContain(created.body.token)
    // Stored only as a hash; not in the audit log either.
    const row = await db.selectFrom('api_token').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(sha256(created.body.token))
    expect(JSON.stringify(row)).not.toContain(created.body.token)
    const audit = await db.selectFrom('auditlog').select(['voor', 'na']).where('object_id', '=', created.body.id).execute()
    expect(audit.length).toBeGreaterThan(0)
    expect(JSON.stringify(audit)).not.toContain(created.body.token)
  })

  it('refuses token lifetimes in the past or beyond a year (400)', async () => {
    for (const verlooptOp of [new Date(Date.now() - 60_000), new Date(Date.now() + 400 * 86_400_000)]) {
      const res = await send(base, 'POST', '/api-tokens', {
        session: s,
        ip,
        body: { naam: 'x', scopes: ['lezen'], verlooptOp: verlooptOp.toISOString() },
      })
      expect(isProblem(res, 400), res.text).toBe(true)
    }
  })
})

describe('scopes: a token reads only with lezen', () => {
  it("keeps a 'beheer'-only token to user management: 403 on every other read in the OpenAPI document, while it still manages users", async () => {
    const ip = nextClientIp()
    const a = await adminUser()
    const as = await login(base, a.gebruikersnaam, a.wachtwoord, ip)
    const t = await createApiToken(base, as, ['beheer'], { ip })
    type Doc = { paths: Record<string, Record<string, { operationId: string }>> }
    const doc = await send<Doc>(base, 'GET', '/openapi.json', { ip })
    const reads = Object.entries(doc.body.paths).flatMap(([path, item]) =>
      item.get ? [{ path: path.replace(/\{[^}]+\}/g, a.id), operationId: item.get.operationId }] : [],
    )
    const beheer = reads.filter((r) => r.operationId.startsWith('gebruikers_'))
    expect(beheer.map((r) => r.operationId).sort()).toEqual(['gebruikers_api_tokens_lijst', 'gebruikers_lezen', 'gebruikers_lijst'])
    const wrong: string[] = []
    for (const r of reads) {
      // Public routes answer everyone; they are not reads of anyone's data.
      if ((await send(base, 'GET', r.path, { ip })).status !== 401) continue
      const res = await send(base, 'GET', r.path, { token: t.token, ip })
      const expected = beheer.includes(r) ? 200 : 403
      if (res.status !== expected || (expected === 403 && !isProblem(res, 403))) wrong.push(`${r.operationId}: ${res.status}`)
    }
    expect(wrong).toEqual([])
    // The registry, the audit log and the caller's own view are all reads: none of them.
    for (const path of ['/organisaties', `/organisaties/${gemeente.id}`, '/auditlog', '/_ik']) {
      const res = await send(base, 'GET', path, { token: t.token, ip })
      expect(isProblem(res, 403), `${path}: ${res.text}`).toBe(true)
      expect(res.text).not.toContain('Gemeente')
    }
    // Managing users is what it is for.
    const created = await send<{ id: string; revisie: number }>(base, 'POST', '/gebruikers', {
      token: t.token,
      ip,
      body: {
        gebruikersnaam: `via-beheer-${randomUUID().slice(0, 8)}`,
        naam: 'Via beheer',
        rollen: [{ rol: 'lezer', organisatieId: gemeente.id }],
      },
    })
    expect(created.status, created.text).toBe(201)
    const patch = await send(base, 'PATCH', `/gebruikers/${created.body.id}`, { token: t.token, ip, body: { naam: 'Anders' } })
    expect(patch.status, patch.text).toBe(200)
    // A token with lezen (and not beheer) is no way around it: users stay the beheer scope's.
    const lezen = await createApiToken(base, as, ['lezen'], { ip })
    expect((await send(base, 'GET', '/organisaties', { token: lezen.token, ip })).status).toBe(200)
    expect(isProblem(await send(base, 'GET', '/gebruikers', { token: lezen.token, ip }), 403)).toBe(true)
  })
})

describe('credentials on public routes', () => {
  it('ignores credentials a public route does not need: a bad or revoked token, a malformed header or a stale cookie still gets the health check, the document, the index and a sign-in', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const revoked = await createApiToken(base, s, ['lezen'], { ip })
    expect((await send(base, 'DELETE', `/api-tokens/${revoked.id}`, { session: s, ip })).status).toBe(204)
    const stale = { cookie: 'rk_sessie=verlopen-of-verzonnen', csrfToken: 'x', gebruikerId: u.id }
    const credentials: [string, { token?: string; headers?: Record<string, string>; session?: Session }][] = [
      ['a token that is no token', { token: 'rkt_onzin' }],
      ['a revoked token', { token: revoked.token }],
      ['a malformed header', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }],
      ['a stale session cookie', { session: stale }],
    ]
    // A client of its own: the sign-ins below stay within the per-address login limit.
    const client = nextClientIp()
    for (const [what, c] of credentials) {
      expect((await send(base, 'GET', '/_gezondheid', { ...c, ip: client })).status, `${what}: health`).toBe(200)
      expect((await send(base, 'GET', '/openapi.json', { ...c, ip: client })).status, `${what}: openapi.json`).toBe(200)
      expect((await send(base, 'GET', '/', { ...c, ip: client })).status, `${what}: index`).toBe(200)
      const signIn = await send(base, 'POST', '/sessies', {
        ...c,
        ip: client,
        csrf: null,
        body: { gebruikersnaam: u.gebruikersnaam, wachtwoord: u.wachtwoord },
      })
      expect(signIn.status, `${what}: sign-in ${signIn.text}`).toBe(201)
      // A wrong password is still a wrong password: the credentials change nothing.
      const wrong = await send(base, 'POST', '/sessies', {
        ...c,
        ip: client,
        csrf: null,
        body: { gebruikersnaam: u.gebruikersnaam, wachtwoord: 'fout' },
      })
      expect(isProblem(wrong, 401), `${what}: wrong password`).toBe(true)
      // A closed route tells the client that its credentials are bad.
      const closed = await send(base, 'GET', '/organisaties', { ...c, ip: client })
      expect(isProblem(closed, 401), `${what}: closed route ${closed.text}`).toBe(true)
    }
  })
})

describe('hardening', () => {
  it('sends security headers: a strict CSP, nosniff and HSTS behind https', async () => {
    const ip = nextClientIp()
    for (const [path, opts] of [
      ['/_gezondheid', {}],
      ['/openapi.json', {}],
      ['/organisaties', {}],
      ['/organisaties', admin()],
      ['/bestaat-niet', admin()],
    ] as const) {
      const res = await send(base, 'GET', path, { ...opts, ip })
      const csp = String(res.headers['content-security-policy'] ?? '')
      expect(csp, path).toMatch(/(^|;)\s*default-src 'none'\s*(;|$)/)
      expect(csp, path).toMatch(/frame-ancestors 'none'/)
      expect(res.headers['x-content-type-options'], path).toBe('nosniff')
      expect(String(res.headers['strict-transport-security'] ?? ''), path).toMatch(/max-age=\d{6,}/)
      expect(res.headers['x-powered-by'], path).toBeUndefined()
    }
  })

  it('sends exactly the API headers: a pure CSP, X-Frame-Options DENY, a Permissions-Policy and Cache-Control no-store', async () => {
    const ip = nextClientIp()
    const u = await beheerder()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const directives = (csp: unknown) =>
      String(csp ?? '')
        .split(';')
        .map((d) => d.trim().replace(/\s+/g, ' '))
        .filter(Boolean)
        .sort()
    const apiCsp = ["base-uri 'none'", "default-src 'none'", "form-action 'none'", "frame-ancestors 'none'"]
    const requests: [string, string, Parameters<typeof send>[3]][] = [
      ['GET', '/_gezondheid', { ip }],
      ['GET', '/_ik', { session: s, ip }],
      ['GET', '/_ik', { ip }],
      ['GET', '/organisaties', { ...admin(), ip }],
      ['GET', `/organisaties/${gemeente.id}`, { session: s, ip }],
      ['GET', '/bestaat-niet', { ...admin(), ip }],
      ['GET', '/organisaties/%E0%A4%A', { ...admin(), ip }],
      ['POST', '/organisaties', { ...admin(), ip, body: { onbekend: 1 } }],
      ['POST', '/organisaties', { ...admin(), ip, body: '{"kapot', headers: { 'content-type': 'application/json' } }],
      ['POST', '/sessies', { ip, body: { gebruikersnaam: u.gebruikersnaam, wachtwoord: u.wachtwoord } }],
      ['GET', '/openapi.json', { ip }],
    ]
    for (const [method, path, opts] of requests) {
      const res = await send(base, method, path, opts)
      const what = `${method} ${path} (${res.status})`
      expect(directives(res.headers['content-security-policy']), what).toEqual(apiCsp)
      expect(res.headers['x-frame-options'], what).toBe('DENY')
      expect(res.headers['permissions-policy'], what).toBe(PERMISSIONS_POLICY)
      expect(res.headers['x-content-type-options'], what).toBe('nosniff')
      expect(res.headers['referrer-policy'], what).toBe('no-referrer')
      expect(res.headers['strict-transport-security'], what).toBe('max-age=31536000; includeSubDomains')
      // The OpenAPI document is public and the same for everyone: it may be cached a while.
      expect(res.headers['cache-control'], what).toBe(path === '/openapi.json' ? 'public, max-age=300' : 'no-store')
    }

    // The web UI: its own CSP that lets the app load its files, the same framing and
    // feature policy, a page that is revalidated and assets cached for good.
    // `send` puts the path after the base's path: the origin's is '/'.
    const origin = base.replace(/\/api\/v1$/, '/')
    const page = await send(origin, 'GET', 'landschap', { ip })
    expect(page.status).toBe(200)
    expect(page.contentType).toContain('text/html')
    expect(directives(page.headers['content-security-policy'])).toEqual([
      "base-uri 'none'",
      "connect-src 'self'",
      "default-src 'self'",
      "font-src 'self' data:",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "img-src 'self' data:",
      "object-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
    ])
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['permissions-policy']).toBe(PERMISSIONS_POLICY)
    expect(page.headers['cache-control']).toBe('no-cache')
    const asset = /assets\/[^"']+\.js/.exec(page.text)?.[0]
    expect(asset).toBeDefined()
    const file = await send(origin, 'GET', asset as string, { ip })
    expect(file.status).toBe(200)
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(file.headers['x-frame-options']).toBe('DENY')
  })

  it('does not send HSTS or Secure cookies behind plain http', async () => {
    const plain = await startServer({ publicUrl: 'http://regiekamer.test' })
    try {
      const u = await createGebruiker(plain.base, plain.adminToken, [{ rol: 'admin' }])
      const res = await send(plain.base, 'POST', '/sessies', {
        body: { gebruikersnaam: u.gebruikersnaam, wachtwoord: u.wachtwoord },
        ip: nextClientIp(),
      })
      expect(res.status).toBe(201)
      const attrs = attributes(res.setCookie.find((c) => c.startsWith('rk_sessie=')) as string)
      expect(attrs).toContain('httponly')
      expect(attrs).toContain('samesite=lax')
      expect(attrs).not.toContain('secure')
      expect(res.headers['strict-transport-security']).toBeUndefined()
    } finally {
      await plain.close()
    }
  })

  it('answers an unauthenticated GET on every registry list with 401 problem+json', async () => {
    const ip = nextClientIp()
    for (const path of ['organisaties', 'samenwerkingen', 'gastheerschappen', 'applicaties', 'koppelingen', 'auditlog', 'gebruikers']) {
      const res = await send(base, 'GET', `/${path}`, { ip })
      expect(isProblem(res, 401), `${path}: ${res.text}`).toBe(true)
      expect(res.headers['api-version']).toBe('1.0.0')
    }
    const item = await send(base, 'GET', `/organisaties/${gemeente.id}`, { ip })
    expect(isProblem(item, 401), item.text).toBe(true)
    expect(item.text).not.toContain('Gemeente')
  })

  it('serves the OpenAPI document, the index and the health check anonymously', async () => {
    const ip = nextClientIp()
    const doc = await send<{ openapi: string; paths: object }>(base, 'GET', '/openapi.json', { ip })
    expect(doc.status).toBe(200)
    expect(doc.body.openapi).toMatch(/^3\./)
    expect(doc.headers['access-control-allow-origin']).toBe('*')
    const health = await send(base, 'GET', '/_gezondheid', { ip })
    expect(health.status).toBe(200)
    expect(health.body).toMatchObject({ status: 'ok' })
    expect((await send(base, 'GET', '/', { ip })).status).toBe(200)
  })
})

describe('setup link', () => {
  let database: TestDatabase
  let app: FastifyInstance
  let setupBase: string
  let auth: AuthService

  beforeAll(async () => {
    database = await freshDatabase()
    app = await buildApp({
      config: { bodyLimitBytes: 1024 * 1024, publicUrl: 'https://regiekamer.test', logLevel: 'silent' },
      database: database.handle,
      logger: false,
    })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    setupBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`
    auth = new AuthService(database.handle.db, { idleMinuten: 30, maxUren: 12 })
  })
  afterAll(async () => {
    await app?.close()
    await database?.destroy()
  })

  it('creates the first admin once; then the link (and any other) is refused with 403; the last admin stays', async () => {
    const ip = nextClientIp()
    const eerste = { gebruikersnaam: 'Eerste.Admin', naam: 'Eerste admin', wachtwoord: 'een lang en sterk wachtwoord' }
    const setup = (token: string, who = eerste) => send(setupBase, 'POST', '/_setup', { body: { token, ...who }, ip })

    expect((await setup('rku_verzonnen')).status).toBe(403)
    const verlopen = await auth.createSetupLink()
    await database.handle.db
      .updateTable('setup_link')
      .set({ verloopt_op: sql`now() - interval '1 second'` })
      .where('token_hash', '=', sha256(verlopen))
      .execute()
    expect((await setup(verlopen)).status).toBe(403)
    const invalid = await setup('', { ...eerste, wachtwoord: 'kort' })
    expect(isProblem(invalid, 400), invalid.text).toBe(true)

    const token = await auth.createSetupLink()
    const tweedeLink = await auth.createSetupLink()
    const created = await setup(token)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ gebruikersnaam: 'eerste.admin', rollen: [{ rol: 'admin' }], actief: true })
    expect(created.text).not.toContain('$argon2')

    const again = await setup(token, { ...eerste, gebruikersnaam: 'tweede.admin' })
    expect(isProblem(again, 403), again.text).toBe(true)
    const other = await setup(tweedeLink, { ...eerste, gebruikersnaam: 'derde.admin' })
    expect(isProblem(other, 403), other.text).toBe(true)
    const users = await database.handle.db.selectFrom('gebruiker').select('gebruikersnaam').execute()
    expect(users.map((u) => u.gebruikersnaam)).toEqual(['eerste.admin'])

    // The new admin signs in, and cannot lock the installation out.
    const s = await login(setupBase, 'EERSTE.admin', eerste.wachtwoord, ip)
    const id = (created.body as { id: string }).id
    for (const change of [{ actief: false }, { rollen: [] }]) {
      const res = await send(setupBase, 'PATCH', `/gebruikers/${id}`, { session: s, body: change, ip })
      expect(isProblem(res, 409), res.text).toBe(true)
    }
    const del = await send(setupBase, 'DELETE', `/gebruikers/${id}`, { session: s, ip })
    expect(isProblem(del, 409), del.text).toBe(true)
    expect((await send(setupBase, 'GET', '/_ik', { session: s, ip })).status).toBe(200)

    // With a second admin, the first may step down.
    const tweede = await send<{ id: string }>(setupBase, 'POST', '/gebruikers', {
      session: s,
      ip,
      body: { gebruikersnaam: 'tweede.admin', naam: 'Tweede', rollen: [{ rol: 'admin' }] },
    })
    expect(tweede.status).toBe(201)
    expect((await send(setupBase, 'PATCH', `/gebruikers/${id}`, { session: s, body: { actief: false }, ip })).status).toBe(200)
  })
})

describe('gebruikersbeheer', () => {
  it('lets an admin create a user with roles; the response and the audit log hold no password', async () => {
    const a = await adminUser()
    const ip = nextClientIp()
    const s = await login(base, a.gebruikersnaam, a.wachtwoord, ip)
    const gebruikersnaam = `nieuw-${randomUUID().slice(0, 8)}`
    const wachtwoord = 'wachtwoord van de nieuwe gebruiker'
    const res = await send<{ id: string; rollen: unknown[] }>(base, 'POST', '/gebruikers', {
      session: s,
      ip,
      body: {
        gebruikersnaam,
        naam: 'Nieuwe Gebruiker',
        email: 'nieuw@example.nl',
        wachtwoord,
        rollen: [
          { rol: 'beheerder', organisatieId: gemeente.id },
          { rol: 'auditor', organisatieId: gemeente.id },
        ],
      },
    })
    expect(res.status).toBe(201)
    expect(res.headers.location).toBe(`/api/v1/gebruikers/${res.body.id}`)
    expect(res.headers.etag).toBe('"1"')
    expect(res.body.rollen).toEqual(
      expect.arrayContaining([
        { rol: 'beheerder', organisatieId: gemeente.id },
        { rol: 'auditor', organisatieId: gemeente.id },
      ]),
    )
    expect(res.body).not.toHaveProperty('wachtwoord')
    expect(res.text).not.toContain('$argon2')
    expect(res.text).not.toContain(wachtwoord)
    const read = await send(base, 'GET', `/gebruikers/${res.body.id}`, { session: s, ip })
    expect(read.status).toBe(200)
    expect(read.text).not.toContain('$argon2')
    const list = await send(base, 'GET', '/gebruikers', { session: s, ip })
    expect(list.text).not.toContain('$argon2')
    expect(list.text).not.toContain('wachtwoord')

    // The new user can sign in with roles as given.
    const ns = await login(base, gebruikersnaam, wachtwoord, nextClientIp())
    expect(ns.gebruikerId).toBe(res.body.id)
  })

  it('validates roles and user names: admin with organisatieId, beheerder without, unknown organisatie, duplicate name → 400', async () => {
    const existing = await beheerder()
    const cases: [string, Record<string, unknown>, string[]][] = [
      [
        'admin bij een organisatie',
        { rollen: [{ rol: 'admin', organisatieId: gemeente.id }] },
        ['rollen[0].organisatieId:niet-toegestaan'],
      ],
      ['beheerder zonder organisatie', { rollen: [{ rol: 'beheerder' }] }, ['rollen[0].organisatieId:verplicht']],
      [
        'onbekende organisatie',
        { rollen: [{ rol: 'lezer', organisatieId: '00000000-0000-4000-8000-000000000000' }] },
        ['rollen[0].organisatieId:bestaat-niet'],
      ],
      [
        'dubbele rol',
        {
          rollen: [
            { rol: 'lezer', organisatieId: gemeente.id },
            { rol: 'lezer', organisatieId: gemeente.id },
          ],
        },
        ['rollen[1]:dubbel'],
      ],
      ['bestaande gebruikersnaam', { gebruikersnaam: existing.gebruikersnaam, rollen: [] }, ['gebruikersnaam:niet-uniek']],
      [
        'bestaande gebruikersnaam, andere hoofdletters',
        { gebruikersnaam: existing.gebruikersnaam.toUpperCase(), rollen: [] },
        ['gebruikersnaam:niet-uniek'],
      ],
      ['ongeldige rol', { rollen: [{ rol: 'superuser' }] }, ['rollen[0].rol:ongeldige-waarde']],
      ['kort wachtwoord', { wachtwoord: 'kort', rollen: [] }, ['wachtwoord:te-kort']],
    ]
    const before = await rowCount('gebruiker')
    for (const [what, override, expected] of cases) {
      const res = await send<{ invalidParams?: { name: string; code: string }[] }>(base, 'POST', '/gebruikers', {
        ...admin(),
        body: { gebruikersnaam: `val-${randomUUID().slice(0, 8)}`, naam: 'Validatie', ...override },
      })
      expect(isProblem(res, 400), `${what}: ${res.text}`).toBe(true)
      expect(
        (res.body.invalidParams ?? []).map((p) => `${p.name}:${p.code}`),
        what,
      ).toEqual(expected)
    }
    expect(await rowCount('gebruiker')).toBe(before)
    // Rules apply to changes too.
    const u = await beheerder()
    const res = await send(base, 'PATCH', `/gebruikers/${u.id}`, {
      ...admin(),
      body: { rollen: [{ rol: 'admin', organisatieId: gemeente.id }] },
    })
    expect(isProblem(res, 400), res.text).toBe(true)
  })

  it('refuses user management to anyone but an admin (403)', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    const s = await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const before = await rowCount('gebruiker')
    const attempts: [string, string, unknown][] = [
      ['GET', '/gebruikers', undefined],
      ['POST', '/gebruikers', { gebruikersnaam: `x-${randomUUID().slice(0, 8)}`, naam: 'x', rollen: [{ rol: 'admin' }] }],
      ['GET', `/gebruikers/${u.id}`, undefined],
      ['PATCH', `/gebruikers/${u.id}`, { rollen: [{ rol: 'admin' }] }],
      ['DELETE', `/gebruikers/${u.id}`, undefined],
    ]
    for (const [method, path, body] of attempts) {
      const res = await send(base, method, path, { session: s, body, ip })
      expect(isProblem(res, 403), `${method} ${path}: ${res.text}`).toBe(true)
    }
    expect(await rowCount('gebruiker')).toBe(before)
    const me = await send<{ gebruiker: { rollen: unknown[] } }>(base, 'GET', '/_ik', { session: s, ip })
    expect(me.body.gebruiker.rollen).toEqual([{ rol: 'beheerder', organisatieId: gemeente.id }])
  })

  it('writes every change to the audit log, without any password or hash', async () => {
    const a = await adminUser()
    const ip = nextClientIp()
    const s = await login(base, a.gebruikersnaam, a.wachtwoord, ip)
    const geheim1 = `geheim-${randomUUID()}`
    const geheim2 = `geheim-${randomUUID()}`
    const created = await send<{ id: string }>(base, 'POST', '/gebruikers', {
      session: s,
      ip,
      body: {
        gebruikersnaam: `audit-${randomUUID().slice(0, 8)}`,
        naam: 'Audit',
        wachtwoord: geheim1,
        rollen: [{ rol: 'lezer', organisatieId: gemeente.id }],
      },
    })
    expect(created.status).toBe(201)
    const id = created.body.id
    const patch = (body: object) => send(base, 'PATCH', `/gebruikers/${id}`, { session: s, ip, body })
    expect((await patch({ naam: 'Audit Gewijzigd', email: 'audit@example.nl' })).status).toBe(200)
    expect((await patch({ wachtwoord: geheim2 })).status).toBe(200)
    expect((await patch({ rollen: [{ rol: 'beheerder', organisatieId: gemeente.id }] })).status).toBe(200)
    expect((await patch({ actief: false })).status).toBe(200)
    expect((await send(base, 'DELETE', `/gebruikers/${id}`, { session: s, ip })).status).toBe(204)

    const rows = await db
      .selectFrom('auditlog')
      .select(['actie', 'actor', 'objecttype', 'voor', 'na'])
      .where('object_id', '=', id)
      .orderBy('volgnummer')
      .execute()
    expect(rows.map((r) => r.actie)).toEqual([
      'aanmaken',
      'wijzigen',
      'wachtwoord-en-gegevens-wijzigen',
      'wijzigen',
      'wijzigen',
      'verwijderen',
    ])
    for (const r of rows) {
      expect(r.objecttype).toBe('gebruiker')
      expect(r.actor).toBe(a.gebruikersnaam)
    }
    expect(rows[3].na).toMatchObject({ rollen: [{ rol: 'beheerder', organisatieId: gemeente.id }] })
    expect(rows[4].na).toMatchObject({ actief: false })

    // Nothing secret anywhere in the user entries (including logins and tokens).
    const all = await db.selectFrom('auditlog').select(['actor', 'voor', 'na']).where('objecttype', '=', 'gebruiker').execute()
    const text = JSON.stringify(all)
    for (const secret of ['wachtwoord', '$argon2', geheim1, geheim2, WACHTWOORD]) expect(text).not.toContain(secret)
    // The audit log over the API shows the same.
    const api = await send<{ resultaten: { actie: string }[] }>(base, 'GET', `/auditlog?objectId=${id}`, { session: s, ip })
    expect(api.status).toBe(200)
    expect(api.body.resultaten.map((r) => r.actie)).toHaveLength(6)
    expect(api.text).not.toContain('$argon2')
  })

  it('refuses to delete an organisation at which users hold roles: 409 naming what depends on it, never 500', async () => {
    const org = await create(base, 'organisaties', buildOrganisatie())
    const g = await createGebruiker(base, server.adminToken, [{ rol: 'lezer', organisatieId: org.id }], { wachtwoord: null })
    const res = await send<{ afhankelijken?: { id: string }[] }>(base, 'DELETE', `/organisaties/${org.id}`, admin())
    expect(isProblem(res, 409), res.text).toBe(true)
    // DESIGN.md: "Deleting something others depend on answers 409 with what depends on it."
    expect(JSON.stringify(res.body.afhankelijken ?? []), res.text).toContain(g.id)
    expect((await send(base, 'GET', `/organisaties/${org.id}`, admin())).status).toBe(200)
  })

  it('records sign-ins and failed sign-ins in the audit log', async () => {
    const u = await beheerder()
    const ip = nextClientIp()
    await send(base, 'POST', '/sessies', { body: { gebruikersnaam: u.gebruikersnaam, wachtwoord: 'fout fout fout' }, ip })
    await login(base, u.gebruikersnaam, u.wachtwoord, ip)
    const rows = await db
      .selectFrom('auditlog')
      .select(['actie', 'resultaat', 'herkomst'])
      .where('object_id', '=', u.id)
      .orderBy('volgnummer')
      .execute()
    expect(rows.filter((r) => r.actie === 'inloggen').map((r) => r.resultaat)).toEqual(['geweigerd', 'geslaagd'])
    expect(rows.find((r) => r.actie === 'inloggen')?.herkomst).toBe(ip)
  })
})

describe('a user name asked for twice at the same moment', () => {
  it('creates the user once and answers every other request 400 at gebruikersnaam (was a 500 on PostgreSQL when two passed the check)', async () => {
    const gebruikersnaam = `tegelijk-${randomUUID().slice(0, 8)}`
    const body = { gebruikersnaam, naam: 'Tegelijk', rollen: [{ rol: 'lezer', organisatieId: gemeente.id }] }
    const replies = await Promise.all(Array.from({ length: 8 }, () => send(base, 'POST', '/gebruikers', { ...admin(), body })))
    expect(replies.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400, 400, 400, 400])
    for (const r of replies.filter((x) => x.status === 400)) {
      expect(isProblem(r, 400), r.text).toBe(true)
      expect(r.text).toContain('"name":"gebruikersnaam"')
      expect(r.text).toContain('niet-uniek')
    }
  })
})
