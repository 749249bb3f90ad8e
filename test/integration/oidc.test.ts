import http from 'node:http'
import type { AddressInfo } from 'node:net'
// oidc-provider ships JavaScript only; the few calls made here are typed below.
// @ts-expect-error no type declarations
import Provider from 'oidc-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, type OidcConfig } from '../../src/config.js'
import { buildOrganisatie, create } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'

// OpenID Connect against a real provider (oidc-provider) started in this test on a
// loopback port. A browser is played by fetch: redirects are followed by hand and
// cookies carried per host. The provider's login and consent screens are replaced by
// a tiny interaction handler that signs in whoever `inTeLoggen` names, so the whole
// authorization code flow (PKCE, state, nonce, ID token) runs for real.
//
// Regiekamer's PUBLIC_URL is https://regiekamer.test (as behind a proxy): the provider
// redirects the "browser" there, and the test delivers those requests to the test
// server's loopback port.

interface Interaction {
  params: Record<string, string>
}
interface OidcProvider {
  callback(): http.RequestListener
  interactionDetails(req: http.IncomingMessage, res: http.ServerResponse): Promise<Interaction>
  interactionFinished(req: http.IncomingMessage, res: http.ServerResponse, result: unknown, opts?: object): Promise<void>
  Grant: new (o: { accountId: string; clientId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> }
}

const PUBLIC_URL = 'https://regiekamer.test'
const CALLBACK = `${PUBLIC_URL}/api/v1/oidc/terugkeer`
const CLIENT = { client_id: 'regiekamer', client_secret: 'een-lang-testgeheim-voor-de-client-0123456789' }
const WIJDEMEREN_OIN = '00000001234567890000'

/** Claims per account at the provider; tests change them between sign-ins. */
const accounts = new Map<string, Record<string, unknown>>()
/** Who the provider signs in next; `weigeren` makes it answer access_denied. */
let inTeLoggen = 'jan'
let weigeren = false

let idp: http.Server
let issuer: string
let provider: OidcProvider
let server: TestServer
let plain: TestServer
let hilversum: { id: string }

async function interact(req: http.IncomingMessage, res: http.ServerResponse) {
  try {
    if (weigeren) {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Geweigerd in de test' })
      return
    }
    const { params } = await provider.interactionDetails(req, res)
    const grant = new provider.Grant({ accountId: inTeLoggen, clientId: params.client_id })
    grant.addOIDCScope(params.scope)
    const grantId = await grant.save()
    await provider.interactionFinished(req, res, { login: { accountId: inTeLoggen }, consent: { grantId } })
  } catch (e) {
    res.statusCode = 500
    res.end(String(e))
  }
}

function oidcSettings(): OidcConfig {
  return {
    issuer,
    clientId: CLIENT.client_id,
    clientSecret: CLIENT.client_secret,
    scopes: 'openid profile email regiekamer',
    rollenClaim: 'regiekamer_rollen',
    rolmapping: { 'grp-auditors-hilversum': ['auditor@GM0402'], 'grp-niets': ['lezer@GM9999'] },
  }
}

/** A browser's cookie store, per host. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>()

  /** The URL to actually fetch: requests to PUBLIC_URL go to the test server. */
  private target(url: string): string {
    return url.startsWith(PUBLIC_URL) ? `${new URL(server.base).origin}${url.slice(PUBLIC_URL.length)}` : url
  }

  cookie(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name)
  }

  setCookie(url: string, name: string, value: string) {
    const host = new URL(url).host
    const jar = this.jars.get(host) ?? new Map<string, string>()
    jar.set(name, value)
    this.jars.set(host, jar)
  }

  async get(url: string): Promise<Response> {
    const host = new URL(url).host
    const jar = this.jars.get(host) ?? new Map<string, string>()
    this.jars.set(host, jar)
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await fetch(this.target(url), { redirect: 'manual', headers: cookie ? { cookie } : {} })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const name = pair.slice(0, pair.indexOf('='))
      const value = pair.slice(pair.indexOf('=') + 1)
      if (!value || /expires=thu, 01 jan 1970/i.test(line) || /max-age=0\b/i.test(line)) jar.delete(name)
      else jar.set(name, value)
    }
    return res
  }

  /** Starts a sign-in and follows the provider until it sends the browser back: that callback URL. */
  async toCallback(): Promise<string> {
    let url = `${PUBLIC_URL}/api/v1/oidc/inloggen`
    for (let hop = 0; hop < 10; hop++) {
      const res = await this.get(url)
      const location = res.headers.get('location')
      if (res.status < 300 || res.status > 399 || !location) {
        throw new Error(`stuck at ${url}: ${res.status} ${await res.text()}`)
      }
      url = new URL(location, url).href
      if (url.startsWith(CALLBACK)) return url
    }
    throw new Error('too many redirects')
  }

  /** A whole sign-in; the callback's response. */
  async signIn(): Promise<Response> {
    return this.get(await this.toCallback())
  }

  /** The Regiekamer session cookie as a request header. */
  sessionHeader(): Record<string, string> {
    return { cookie: `rk_sessie=${this.cookie(PUBLIC_URL, 'rk_sessie')}`, authorization: '' }
  }
}

beforeAll(async () => {
  // The provider's issuer includes its port, so listen first and attach the provider after.
  idp = http.createServer()
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`
  provider = new Provider(issuer, {
    clients: [{ ...CLIENT, redirect_uris: [CALLBACK], response_types: ['code'], grant_types: ['authorization_code'] }],
    async findAccount(_ctx: unknown, id: string) {
      const claims = accounts.get(id)
      return claims && { accountId: id, claims: async () => ({ sub: id, ...claims }) }
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
      regiekamer: ['regiekamer_rollen', 'groups'],
    },
    // Scope claims in the ID token itself (Regiekamer reads the ID token only), as
    // Entra ID and Keycloak mappers do.
    conformIdTokenClaims: false,
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaktie/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ['sleutel-voor-de-cookies-van-de-testprovider'] },
    // Explicit lifetimes (seconds), which also keeps the provider from printing notices.
    ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 300, Session: 600, Grant: 600 },
  }) as OidcProvider
  const handle = provider.callback()
  idp.on('request', (req, res) => (req.url?.startsWith('/interaktie/') ? interact(req, res) : handle(req, res)))

  server = await startServer({ publicUrl: PUBLIC_URL, oidc: oidcSettings() })
  plain = await startServer({ publicUrl: PUBLIC_URL })
  hilversum = await create(server.base, 'organisaties', buildOrganisatie({ type: 'gemeente', naam: 'Hilversum', cbsCode: 'GM0402' }))
  await create(
    server.base,
    'organisaties',
    buildOrganisatie({ type: 'gemeente', naam: 'Wijdemeren', cbsCode: 'GM1696', oin: WIJDEMEREN_OIN }),
  )
})

afterAll(async () => {
  await server?.close()
  await plain?.close()
  await new Promise((resolve) => idp?.close(resolve))
})

const sortRoles = (rollen: { rol: string; organisatieId?: string }[]) =>
  [...rollen].sort((a, b) => `${a.rol}${a.organisatieId}`.localeCompare(`${b.rol}${b.organisatieId}`))

describe('OpenID Connect sign-in', () => {
  it('is announced by GET /oidc with the URL to start from', async () => {
    const res = await call(server.base, 'GET', '/oidc', undefined, { authorization: '' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ingeschakeld: true, inloggenUrl: '/api/v1/oidc/inloggen' })
  })

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const browser = new Browser()
    const res = await browser.get(`${PUBLIC_URL}/api/v1/oidc/inloggen`)
    expect(res.status).toBe(302)
    expect(res.headers.get('api-version')).toBe('1.0.0')
    const to = new URL(res.headers.get('location') as string)
    expect(to.origin).toBe(issuer)
    expect(to.searchParams.get('client_id')).toBe(CLIENT.client_id)
    expect(to.searchParams.get('redirect_uri')).toBe(CALLBACK)
    expect(to.searchParams.get('response_type')).toBe('code')
    expect(to.searchParams.get('code_challenge_method')).toBe('S256')
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(to.searchParams.get('state')).toBeTruthy()
    expect(to.searchParams.get('nonce')).toBeTruthy()
    expect(res.headers.get('set-cookie')).toMatch(/rk_oidc=.+HttpOnly/i)
  })

  it('round trip: creates the user with the mapped roles and opens a session; a second sign-in replaces the roles', async () => {
    accounts.set('jan', {
      preferred_username: 'J.Jansen@Hilversum.nl',
      name: 'Jan Jansen',
      email: 'j.jansen@hilversum.nl',
      regiekamer_rollen: ['beheerder@GM0402', `lezer@${WIJDEMEREN_OIN}`, 'lezer@GM9999', 'baas@GM0402', 'admin@GM0402'],
      groups: ['grp-auditors-hilversum', 'grp-onbekend'],
    })
    inTeLoggen = 'jan'
    const browser = new Browser()
    const res = await browser.signIn()
    expect(res.status, await res.clone().text()).toBe(302)
    expect(res.headers.get('location')).toBe('/')
    expect(res.headers.get('set-cookie')).toMatch(/rk_sessie=rks_.+HttpOnly.+SameSite=Lax/i)
    expect(browser.cookie(PUBLIC_URL, 'rk_oidc')).toBeUndefined()

    const ik = await call<{
      gebruiker: { id: string; gebruikersnaam: string; naam: string; email: string; rollen: object[] }
      via: string
    }>(server.base, 'GET', '/_ik', undefined, browser.sessionHeader())
    expect(ik.status).toBe(200)
    expect(ik.body.via).toBe('sessie')
    expect(ik.body.gebruiker).toMatchObject({ gebruikersnaam: 'j.jansen@hilversum.nl', naam: 'Jan Jansen', email: 'j.jansen@hilversum.nl' })
    const wijdemeren = (await call<{ resultaten: { id: string }[] }>(server.base, 'GET', '/organisaties?zoek=Wijdemeren')).body
      .resultaten[0]
    // Unknown organisation (GM9999), unknown role (baas), admin with an organisation and
    // an unmapped group are ignored; the rest maps by CBS code and by OIN.
    expect(sortRoles(ik.body.gebruiker.rollen as never)).toEqual(
      sortRoles([
        { rol: 'beheerder', organisatieId: hilversum.id },
        { rol: 'auditor', organisatieId: hilversum.id },
        { rol: 'lezer', organisatieId: wijdemeren.id },
      ]),
    )

    // The provider now says: only lezer at Hilversum, and a new name.
    accounts.set('jan', { ...accounts.get('jan'), name: 'Jan P. Jansen', regiekamer_rollen: ['lezer@GM0402'], groups: [] })
    const again = new Browser()
    expect((await again.signIn()).status).toBe(302)
    const ik2 = await call<{ gebruiker: { id: string; naam: string; rollen: object[] } }>(
      server.base,
      'GET',
      '/_ik',
      undefined,
      again.sessionHeader(),
    )
    expect(ik2.body.gebruiker.id).toBe(ik.body.gebruiker.id)
    expect(ik2.body.gebruiker.naam).toBe('Jan P. Jansen')
    expect(ik2.body.gebruiker.rollen).toEqual([{ rol: 'lezer', organisatieId: hilversum.id }])
    // The first session holds the new roles too: rights are read per request.
    const first = await call<{ gebruiker: { rollen: object[] } }>(server.base, 'GET', '/_ik', undefined, browser.sessionHeader())
    expect(first.body.gebruiker.rollen).toEqual([{ rol: 'lezer', organisatieId: hilversum.id }])

    const audit = await call<{ resultaten: { actor: string; actie: string; resultaat: string }[] }>(
      server.base,
      'GET',
      `/auditlog?objectId=${ik.body.gebruiker.id}&paginaGrootte=50`,
    )
    const entries = audit.body.resultaten.map((r) => `${r.actie}:${r.resultaat}:${r.actor}`).reverse()
    const bron = `oidc:${new URL(issuer).host}`
    expect(entries).toEqual([
      `aanmaken:geslaagd:${bron}`,
      'inloggen:geslaagd:j.jansen@hilversum.nl',
      `wijzigen:geslaagd:${bron}`,
      'inloggen:geslaagd:j.jansen@hilversum.nl',
    ])
  })

  it('maps "admin" to the installation-wide admin role', async () => {
    accounts.set('beheer', { preferred_username: 'it-beheer', name: 'IT-beheer', regiekamer_rollen: 'admin' })
    inTeLoggen = 'beheer'
    const browser = new Browser()
    expect((await browser.signIn()).status).toBe(302)
    const ik = await call<{ gebruiker: { rollen: object[] }; rechten: { gebruikersBeheren: boolean } }>(
      server.base,
      'GET',
      '/_ik',
      undefined,
      browser.sessionHeader(),
    )
    expect(ik.body.gebruiker.rollen).toEqual([{ rol: 'admin' }])
    expect(ik.body.rechten.gebruikersBeheren).toBe(true)
  })

  it('never links to a local account with the same user name', async () => {
    const local = await call<{ id: string }>(server.base, 'POST', '/gebruikers', {
      gebruikersnaam: 'piet',
      naam: 'Lokale Piet',
      rollen: [{ rol: 'admin' }],
    })
    expect(local.status).toBe(201)
    accounts.set('piet-bij-idp', { preferred_username: 'piet', name: 'Piet van de IdP', regiekamer_rollen: ['lezer@GM0402'] })
    inTeLoggen = 'piet-bij-idp'
    const browser = new Browser()
    expect((await browser.signIn()).status).toBe(302)
    const ik = await call<{ gebruiker: { id: string; gebruikersnaam: string; rollen: object[] } }>(
      server.base,
      'GET',
      '/_ik',
      undefined,
      browser.sessionHeader(),
    )
    expect(ik.body.gebruiker.id).not.toBe(local.body.id)
    expect(ik.body.gebruiker.gebruikersnaam).toMatch(/^piet-[0-9a-f]{8}$/)
    expect(ik.body.gebruiker.rollen).toEqual([{ rol: 'lezer', organisatieId: hilversum.id }])
  })

  it('refuses someone without a Regiekamer role (403) and creates no account', async () => {
    accounts.set('zonder-rol', { preferred_username: 'zonder-rol', regiekamer_rollen: ['lezer@GM9999'], groups: ['grp-niets'] })
    inTeLoggen = 'zonder-rol'
    const before = (await call<unknown[]>(server.base, 'GET', '/gebruikers')).body.length
    const res = await new Browser().signIn()
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/rk_sessie=rks_/)
    expect((await call<unknown[]>(server.base, 'GET', '/gebruikers')).body.length).toBe(before)
  })

  it('rejects a tampered state (400 problem+json), and the attempt cannot be finished afterwards', async () => {
    accounts.set('jan', { preferred_username: 'j.jansen@hilversum.nl', regiekamer_rollen: ['lezer@GM0402'] })
    inTeLoggen = 'jan'
    const browser = new Browser()
    const callback = new URL(await browser.toCallback())
    const genuine = callback.href
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`)
    const sleutel = browser.cookie(PUBLIC_URL, 'rk_oidc') as string
    const res = await browser.get(callback.href)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const body = await res.json()
    expect(body.detail).toMatch(/inlogpoging/)
    expect(JSON.stringify(body)).not.toMatch(/\bat \w+ \(|node_modules/)
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/rk_sessie=rks_/)
    browser.setCookie(PUBLIC_URL, 'rk_oidc', sleutel)
    expect((await browser.get(genuine)).status).toBe(400)
  })

  it('rejects a replayed callback (400) and one from another browser (400)', async () => {
    inTeLoggen = 'jan'
    const browser = new Browser()
    const callback = await browser.toCallback()
    const sleutel = browser.cookie(PUBLIC_URL, 'rk_oidc') as string
    expect((await browser.get(callback)).status).toBe(302)
    browser.setCookie(PUBLIC_URL, 'rk_oidc', sleutel)
    const replay = await browser.get(callback)
    expect(replay.status).toBe(400)
    expect(replay.headers.get('content-type')).toMatch(/^application\/problem\+json/)

    const other = new Browser()
    const stolen = await new Browser().toCallback()
    expect((await other.get(stolen)).status).toBe(400)
  })

  it('answers 401 problem+json when the provider refuses the sign-in', async () => {
    weigeren = true
    try {
      const res = await new Browser().signIn()
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect((await res.json()).detail).toMatch(/identiteitsprovider/)
    } finally {
      weigeren = false
    }
  })

  // PostgreSQL cannot store U+0000, and turns a lone surrogate into U+FFFD: such a claim
  // was a 500 (or a stored value other than the one hashed into the audit log).
  it.each([
    ['U+0000 in the name', { preferred_username: 'nul-in-naam', name: 'Jan\u0000Jansen' }],
    ['U+0000 in a role', { preferred_username: 'nul-in-rol', regiekamer_rollen: ['lezer@GM\u00000402'] }],
    ['a lone surrogate in the user name', { preferred_username: 'los-\ud800' }],
  ])('refuses a sign-in whose claims hold unstorable text (%s) with 401, creating no account', async (_, claims) => {
    accounts.set('onopslaanbaar', { regiekamer_rollen: ['lezer@GM0402'], ...claims })
    inTeLoggen = 'onopslaanbaar'
    const before = (await call<unknown[]>(server.base, 'GET', '/gebruikers')).body.length
    const res = await new Browser().signIn()
    expect(res.status, await res.clone().text()).toBe(401)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect((await call<unknown[]>(server.base, 'GET', '/gebruikers')).body.length).toBe(before)
  })

  it('documents the sign-in routes, with their 302 redirects, in OpenAPI', async () => {
    const doc = (
      await call<{ paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>> }>(
        server.base,
        'GET',
        '/openapi.json',
      )
    ).body
    for (const path of ['/oidc/inloggen', '/oidc/terugkeer']) {
      const op = doc.paths[path]?.get
      expect(op, path).toBeDefined()
      expect(Object.keys(op.responses['302'].headers ?? {})).toEqual(expect.arrayContaining(['Location', 'API-Version']))
    }
  })
})

describe('without OIDC configuration', () => {
  it('has no sign-in routes (404), and GET /oidc says so', async () => {
    for (const path of ['/oidc/inloggen', '/oidc/terugkeer?code=x&state=y']) {
      const res = await call(plain.base, 'GET', path, undefined, { authorization: '' })
      expect(res.status, path).toBe(404)
    }
    const status = await call(plain.base, 'GET', '/oidc', undefined, { authorization: '' })
    expect(status.body).toEqual({ ingeschakeld: false })
  })
})

describe('OIDC configuration', () => {
  const env = { OIDC_ISSUER: 'https://login.example.nl/realms/gemeenten', OIDC_CLIENT_ID: 'regiekamer' }

  it('is off without OIDC_ISSUER and has defaults otherwise', () => {
    expect(loadConfig({}).oidc).toBeUndefined()
    expect(loadConfig(env).oidc).toEqual({
      issuer: env.OIDC_ISSUER,
      clientId: 'regiekamer',
      clientSecret: undefined,
      scopes: 'openid profile email',
      rollenClaim: 'regiekamer_rollen',
      rolmapping: {},
    })
    expect(
      loadConfig({ ...env, OIDC_ROLMAPPING: '{"grp-a":"beheerder@GM0402","grp-b":["lezer@GM0402","admin"]}' }).oidc?.rolmapping,
    ).toEqual({
      'grp-a': ['beheerder@GM0402'],
      'grp-b': ['lezer@GM0402', 'admin'],
    })
  })

  it('refuses unsafe or incomplete settings with a clear message', () => {
    const message = (extra: Record<string, string>) => {
      try {
        loadConfig({ ...env, ...extra })
        return ''
      } catch (e) {
        return (e as Error).message
      }
    }
    expect(message({ OIDC_ISSUER: 'http://idp.example.nl' })).toMatch(/https/)
    expect(message({ OIDC_ISSUER: 'http://127.0.0.1:4000' })).toBe('')
    expect(message({ OIDC_ISSUER: 'geen url' })).toMatch(/OIDC_ISSUER/)
    expect(message({ OIDC_CLIENT_ID: '' })).toMatch(/OIDC_CLIENT_ID/)
    expect(message({ OIDC_SCOPES: 'profile email' })).toMatch(/openid/)
    expect(message({ OIDC_ROLMAPPING: '["beheerder@GM0402"]' })).toMatch(/OIDC_ROLMAPPING/)
    expect(message({ OIDC_ROLMAPPING: '{"grp":42}' })).toMatch(/OIDC_ROLMAPPING/)
  })
})
