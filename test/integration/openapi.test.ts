import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApplicatie, buildOrganisatie, create, createLandscape } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'
import { createApiToken, createGebruiker, login, nextClientIp, send } from '../helpers/toegang.js'

// The OpenAPI document checked against the NL API Design Rules as DESIGN.md lists them
// ("API conventions"). One `it` per rule, so a failure names the rule.

type Json = Record<string, unknown>
interface Operation extends Json {
  operationId?: string
  summary?: string
  description?: string
  parameters?: { name: string; in: string; schema?: Json }[]
  requestBody?: { content?: Record<string, Json> }
  responses: Record<string, { description?: string; headers?: Record<string, Json>; content?: Record<string, Json> }>
}

const PUBLIC_URL = 'https://regiekamer.test'
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const

let server: TestServer
let doc: Json & {
  openapi: string
  info: Json & { version: string; contact?: Json }
  servers: { url: string }[]
  paths: Record<string, Record<string, Operation>>
  components: Json & { schemas: Record<string, Json>; headers?: Record<string, Json> }
}
let headers: Headers
let status: number

beforeAll(async () => {
  server = await startServer({ publicUrl: PUBLIC_URL })
  const res = await fetch(`${server.base}/openapi.json`)
  status = res.status
  headers = res.headers
  doc = await res.json()
})
afterAll(async () => server?.close())

function operations(): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => (METHODS as readonly string[]).includes(method))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  )
}

/** Follows a local $ref like #/components/headers/API-Version. */
function deref(value: Json | undefined): Json | undefined {
  const ref = value?.$ref
  if (typeof ref !== 'string') return value
  expect(ref.startsWith('#/'), `only local references: ${ref}`).toBe(true)
  let target: unknown = doc
  for (const part of ref.slice(2).split('/')) target = (target as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')]
  return target as Json | undefined
}

/** Every (schemaName, path, property name, property schema) in components.schemas, at any depth. */
function properties(): { where: string; name: string; schema: Json }[] {
  const found: { where: string; name: string; schema: Json }[] = []
  const walk = (schema: unknown, where: string) => {
    if (!schema || typeof schema !== 'object') return
    const s = schema as Json
    if (s.properties && typeof s.properties === 'object') {
      for (const [name, sub] of Object.entries(s.properties as Json)) {
        found.push({ where, name, schema: sub as Json })
        walk(sub, `${where}.${name}`)
      }
    }
    if (s.items) walk(s.items, `${where}[]`)
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (!Array.isArray(s[key])) continue
      for (const [i, sub] of (s[key] as unknown[]).entries()) walk(sub, `${where}.${key}[${i}]`)
    }
    if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${where}{}`)
  }
  for (const [name, schema] of Object.entries(doc.components.schemas)) walk(schema, name)
  return found
}

const CAMEL = /^[a-z][a-zA-Z0-9]*$/
const PASCAL = /^[A-Z][a-zA-Z0-9]*$/
const KEBAB_SEGMENT = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const UNDERSCORE_SEGMENT = /^_[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const PARAM_SEGMENT = /^\{[a-z][a-zA-Z0-9]*\}$/
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/

// Words that mark a text as Dutch, and English words that would give it away.
const DUTCH =
  /\b(een|de|het|van|voor|met|die|dit|deze|waarin|waarvan|lijst|overzicht|gezondheid|nieuwste|eerst|aanmaken|lezen|wijzigen|verwijderen|vervangen)\b/i
const ENGLISH = /\b(the|get|list|create|update|delete|returns|which|with)\b/i

describe('the OpenAPI document (NL API Design Rules)', () => {
  it('is served with GET at /api/v1/openapi.json with status 200 and Access-Control-Allow-Origin: *', () => {
    expect(status).toBe(200)
    expect(headers.get('access-control-allow-origin')).toBe('*')
    expect(headers.get('content-type')).toMatch(/^application\/(vnd\.oai\.openapi\+)?json/)
  })

  it('is served with GET only', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await call(server.base, method, '/openapi.json', method === 'DELETE' ? undefined : {})
      expect(res.status, method).toBeGreaterThanOrEqual(400)
      expect(res.status, method).toBeLessThan(500)
    }
  })

  it('is OpenAPI 3.x', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/)
  })

  it('has info.version in semver', () => {
    expect(doc.info.version).toMatch(SEMVER)
  })

  it('has info.contact with name, url and email', () => {
    const contact = doc.info.contact as { name?: string; url?: string; email?: string } | undefined
    expect(contact?.name).toEqual(expect.any(String))
    expect(contact?.name?.trim()).not.toBe('')
    expect(() => new URL(contact?.url ?? '')).not.toThrow()
    expect(contact?.email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/)
  })

  it('has a Dutch description of the API', () => {
    expect(doc.info.description).toMatch(DUTCH)
  })

  it('names as first server the absolute https URL of this installation, ending in /v1', () => {
    const url = doc.servers?.[0]?.url
    expect(url).toBe(`${PUBLIC_URL}/api/v1`)
    expect(new URL(url).protocol).toBe('https:')
    expect(url).toMatch(/\/v1$/)
  })

  it('has kebab-case path segments and {param}s, a leading _ only on the last segment, no trailing slashes', () => {
    // /core/path-segments-kebab-case and /core/no-trailing-slash.
    const bad: string[] = []
    for (const path of Object.keys(doc.paths)) {
      if (path === '/') continue // the API's own index, i.e. the server URL itself
      if (!path.startsWith('/') || path.endsWith('/')) bad.push(path)
      const segments = path.slice(1).split('/')
      for (const [i, segment] of segments.entries()) {
        const last = i === segments.length - 1
        if (!(KEBAB_SEGMENT.test(segment) || (last && UNDERSCORE_SEGMENT.test(segment)) || PARAM_SEGMENT.test(segment)))
          bad.push(`${path} (${segment})`)
      }
    }
    expect(Object.keys(doc.paths).length).toBeGreaterThan(10)
    expect(bad).toEqual([])
  })

  it('names the relative server /api/v1 when PUBLIC_URL is not set', async () => {
    const local = await startServer({ publicUrl: null })
    try {
      const res = await fetch(`${local.base}/openapi.json`)
      const own = (await res.json()) as { servers: { url: string }[] }
      expect(own.servers.map((s) => s.url)).toEqual(['/api/v1'])
    } finally {
      await local.close()
    }
  })

  it('has paths relative to the server URL (no /api/v1 repeated in them)', () => {
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/') || p.includes('/v1'))).toEqual([])
  })

  it('names every schema in PascalCase', () => {
    const names = Object.keys(doc.components.schemas)
    expect(names.length).toBeGreaterThan(5)
    expect(names.filter((n) => !PASCAL.test(n))).toEqual([])
  })

  it('names every property in components.schemas in camelCase', () => {
    const all = properties()
    expect(all.length).toBeGreaterThan(50)
    expect(all.filter((p) => !CAMEL.test(p.name)).map((p) => `${p.where}.${p.name}`)).toEqual([])
  })

  it('documents the API-Version header on every 2xx and 3xx response', () => {
    const missing: string[] = []
    for (const { method, path, op } of operations()) {
      for (const [code, response] of Object.entries(op.responses)) {
        if (!/^[23]\d\d$/.test(code)) continue
        const header = deref(response.headers?.['API-Version'])
        if (!header?.schema) missing.push(`${method} ${path} ${code}`)
      }
    }
    expect(operations().length).toBeGreaterThan(20)
    expect(missing).toEqual([])
  })

  it('documents a 400 for every POST, PUT and PATCH, and for every GET and DELETE with parameters', () => {
    const missing = operations()
      .filter(({ method, op }) => ['POST', 'PUT', 'PATCH'].includes(method) || (op.parameters ?? []).some((p) => p.in !== 'header'))
      .filter(({ op }) => !op.responses['400'])
      .map(({ method, path }) => `${method} ${path}`)
    expect(missing).toEqual([])
  })

  it('describes every 4xx response as application/problem+json, and nothing else', () => {
    const bad: string[] = []
    let seen = 0
    for (const { method, path, op } of operations()) {
      for (const [code, response] of Object.entries(op.responses)) {
        if (!/^4\d\d$/.test(code)) continue
        seen++
        const types = Object.keys(deref(response as Json)?.content ?? {})
        if (types.length !== 1 || types[0] !== 'application/problem+json')
          bad.push(`${method} ${path} ${code}: ${types.join(', ') || '(none)'}`)
        const schema = deref((response.content?.['application/problem+json'] as Json | undefined)?.schema as Json | undefined)
        if (schema && !(schema.properties as Json | undefined)?.detail) bad.push(`${method} ${path} ${code}: schema without detail`)
      }
    }
    expect(seen).toBeGreaterThan(20)
    expect(bad).toEqual([])
  })

  it('has a Problem schema with status, title, detail, type, instance and invalidParams of {name, code, reason}', () => {
    const problem = doc.components.schemas.Problem as { properties: Json }
    expect(Object.keys(problem.properties)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'invalidParams']),
    )
    const item = deref((problem.properties.invalidParams as { items: Json }).items) as { properties: Json }
    expect(Object.keys(item.properties)).toEqual(expect.arrayContaining(['name', 'code', 'reason']))
  })

  it('names every query parameter in camelCase', () => {
    const query = operations().flatMap(({ method, path, op }) =>
      (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ at: `${method} ${path}`, name: p.name })),
    )
    expect(query.length).toBeGreaterThan(10)
    expect(query.filter((q) => !CAMEL.test(q.name))).toEqual([])
  })

  it('gives date fields format date and timestamp fields format date-time', () => {
    const isDateName = (n: string) => /datum$/i.test(n)
    const isTimestampName = (n: string) => /(tijdstip|Op)$/.test(n) || n === 'vanaf' || n === 'tot'
    const wrong: string[] = []
    for (const p of properties()) {
      if (isDateName(p.name) && p.schema.format !== 'date') wrong.push(`${p.where}.${p.name}: ${p.schema.format}`)
      if (isTimestampName(p.name) && p.schema.format !== 'date-time') wrong.push(`${p.where}.${p.name}: ${p.schema.format}`)
    }
    for (const { method, path, op } of operations()) {
      for (const param of op.parameters ?? []) {
        if (isDateName(param.name) && param.schema?.format !== 'date') wrong.push(`${method} ${path} ?${param.name}`)
        if (isTimestampName(param.name) && param.schema?.format !== 'date-time') wrong.push(`${method} ${path} ?${param.name}`)
      }
    }
    // The rule must have something to check.
    expect(properties().filter((p) => isDateName(p.name)).length).toBeGreaterThan(3)
    expect(properties().filter((p) => isTimestampName(p.name)).length).toBeGreaterThan(3)
    expect(wrong).toEqual([])
  })

  it('describes every integer field whose name suggests money as eurocent, with an example', () => {
    // Amounts are integer euro cents; JSON cannot tell 1000000.00 from 1000000, so the unit must be impossible to miss.
    const GELD =
      /bedrag|begroting|realisatie|kosten|grondslag|eenmalig|jaarlijks|verschil|cumulatief|contantewaarde|gedeclareerd|referentie|structureel|initieel|totaal$|prijs|tarief|saldo|centen/i
    // Integer fields with such a name that count something else.
    const GEEN_GELD = [/^components\.schemas\.Dashboard\b.*\.totaal$/]
    const integer = (s: Json | undefined): Json | undefined =>
      s?.type === 'integer' ? s : ((s?.anyOf ?? s?.oneOf) as Json[] | undefined)?.find((x) => x?.type === 'integer')
    const gevonden: string[] = []
    const fout: string[] = []
    const walk = (value: unknown, where: string) => {
      if (!value || typeof value !== 'object') return
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          walk(v, `${where}[${i}]`)
        })
        return
      }
      const s = value as Json
      for (const [naam, sub] of Object.entries((s.properties as Record<string, Json> | undefined) ?? {})) {
        const geheel = integer(sub)
        const plek = `${where}.${naam}`
        if (!geheel || !GELD.test(naam) || GEEN_GELD.some((r) => r.test(plek))) continue
        gevonden.push(plek)
        const tekst = `${geheel.description ?? ''} ${sub.description ?? ''}`
        if (!/eurocent/i.test(tekst)) fout.push(`${plek}: description does not say eurocent (${tekst.trim() || 'none'})`)
        if (!Number.isInteger(geheel.example)) fout.push(`${plek}: no integer example`)
      }
      for (const [k, v] of Object.entries(s)) walk(v, where ? `${where}.${k.replace(/\./g, '~')}` : k)
    }
    walk({ components: doc.components, paths: doc.paths }, '')
    // The rule must have something to check: amounts of costs, scenarios, declaraties and reports.
    for (const veld of ['KostenpostInvoer.begroting', 'ScenarioInvoer', 'DeclaratieRegel.bedrag', 'Transparantieverslag'])
      expect(
        gevonden.some((g) => g.includes(veld)),
        veld,
      ).toBe(true)
    expect(gevonden.length).toBeGreaterThan(40)
    expect(fout).toEqual([])
  })

  it('gives every operation a Dutch summary or description', () => {
    const notDutch = operations()
      .filter(({ op }) => {
        const text = [op.summary, op.description].filter(Boolean).join(' ')
        return !text.trim() || !DUTCH.test(text) || ENGLISH.test(op.summary ?? '')
      })
      .map(({ method, path, op }) => `${method} ${path}: ${op.summary ?? op.description ?? '(none)'}`)
    expect(notDutch).toEqual([])
  })

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(({ op }) => op.operationId)
    expect(ids.filter((id) => typeof id !== 'string' || id === '')).toEqual([])
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  it('sends an API-Version header equal to info.version on real responses', async () => {
    expect(headers.get('api-version')).toBe(doc.info.version)
    const list = await call(server.base, 'GET', '/organisaties')
    expect(list.status).toBe(200)
    expect(list.headers.get('api-version')).toBe(doc.info.version)
    const missing = await call(server.base, 'GET', '/organisaties/00000000-0000-4000-8000-000000000000')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('api-version')).toBe(doc.info.version)
    const invalid = await call(server.base, 'POST', '/organisaties', {})
    expect(invalid.status).toBe(400)
    expect(invalid.headers.get('api-version')).toBe(doc.info.version)
  })
})

describe('real responses keep the rules the document states', () => {
  it('answers 404 problem+json to a path with a trailing slash, for every resource (/core/no-trailing-slash)', async () => {
    const org = await create(server.base, 'organisaties', buildOrganisatie())
    const paths = [
      '/organisaties/',
      `/organisaties/${org.id}/`,
      '/applicaties/',
      '/auditlog/',
      '/gebruikers/',
      '/_ik/',
      '/openapi.json/',
      '/bestaat-niet/',
    ]
    for (const path of paths) {
      for (const method of ['GET', 'DELETE']) {
        const res = await call(server.base, method, path)
        expect(res.status, `${method} ${path}`).toBe(404)
        expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/problem\+json/)
        expect(res.headers.get('api-version')).toBe(doc.info.version)
        expect((res.body as Json).status).toBe(404)
      }
    }
    // The index is the server URL itself; with or without its slash it answers.
    expect((await call(server.base, 'GET', '/')).status).toBe(200)
    expect((await fetch(server.base)).status).toBe(200)
  })

  it('answers 405 with an Allow header listing the methods the path has, for every documented path', async () => {
    const org = await create(server.base, 'organisaties', buildOrganisatie())
    const concrete = (path: string) => path.replace(/\{[^}]+\}/g, org.id)
    let checked = 0
    for (const [path, item] of Object.entries(doc.paths)) {
      const documented = Object.keys(item)
        .filter((m) => (METHODS as readonly string[]).includes(m))
        .map((m) => m.toUpperCase())
      // A method no documented path matching this one has (PUT /scenarios/_vergelijking would be a scenario's PUT).
      const elsewhere = Object.entries(doc.paths)
        .filter(([other]) => other !== path && new RegExp(`^${other.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path))
        .flatMap(([, i]) => Object.keys(i).map((m) => m.toUpperCase()))
      const lacking = ['PUT', 'PATCH', 'DELETE', 'POST'].find((m) => !documented.includes(m) && !elsewhere.includes(m))
      if (!lacking) continue
      const res = await call(server.base, lacking, concrete(path), lacking === 'DELETE' ? undefined : {})
      expect(res.status, `${lacking} ${path}`).toBe(405)
      expect(res.headers.get('content-type'), `${lacking} ${path}`).toMatch(/^application\/problem\+json/)
      const allow = (res.headers.get('allow') ?? '').split(/,\s*/).filter(Boolean)
      // Methods of a parametric sibling that also matches (a scenario's PUT) are the path's too.
      const all = [...documented, ...elsewhere]
      const expected = all.includes('GET') ? [...all, 'HEAD'] : all
      expect(allow.sort(), `${lacking} ${path}`).toEqual([...new Set(expected)].sort())
      checked++
    }
    expect(checked).toBeGreaterThan(20)
    const put = await call(server.base, 'PUT', '/organisaties', {})
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST')
    expect((put.body as Json).detail).toMatch(/PUT/)
  })

  it('sends every response header the document promises, and documents every Location and ETag it sends', async () => {
    // Real exchanges over HTTP: each 201, the ETag of reads, and the sign-in.
    const seen: { method: string; url: string; status: number; headers: Record<string, string | undefined> }[] = []
    const record = (method: string, url: string, status: number, headers: Record<string, unknown>) =>
      seen.push({
        method,
        url,
        status,
        headers: Object.fromEntries(Object.entries(headers).map(([h, v]) => [h.toLowerCase(), v === undefined ? undefined : String(v)])),
      })
    const viaCall = async (method: string, url: string, body?: unknown) => {
      const res = await call<{ id: string }>(server.base, method, url, body)
      record(method, url, res.status, Object.fromEntries(res.headers.entries()))
      return res
    }
    const land = await createLandscape(server.base)
    await viaCall('POST', '/organisaties', buildOrganisatie())
    await viaCall('POST', '/applicaties', buildApplicatie())
    for (const [type, id] of [
      ['organisaties', land.gastheer.id],
      ['samenwerkingen', land.samenwerking.id],
      ['gastheerschappen', land.gastheerschap.id],
      ['applicaties', land.bron.id],
      ['koppelingen', land.koppeling.id],
    ] as const) {
      await viaCall('GET', `/${type}/${id}`)
      await viaCall('GET', `/${type}`)
    }
    const u = await createGebruiker(server.base, server.adminToken, [{ rol: 'admin' }])
    await viaCall('GET', `/gebruikers/${u.id}`)
    const ip = nextClientIp()
    const signIn = await send(server.base, 'POST', '/sessies', { body: { gebruikersnaam: u.gebruikersnaam, wachtwoord: u.wachtwoord }, ip })
    record('POST', '/sessies', signIn.status, signIn.headers)
    const session = await login(server.base, u.gebruikersnaam, u.wachtwoord, ip)
    const token = await send(server.base, 'POST', '/api-tokens', {
      session,
      ip,
      body: { naam: 'documentatie', scopes: ['lezen'], verlooptOp: new Date(Date.now() + 86_400_000).toISOString() },
    })
    record('POST', '/api-tokens', token.status, token.headers)
    const gebruiker = await send(server.base, 'POST', '/gebruikers', {
      token: server.adminToken,
      body: { gebruikersnaam: `docs-${Date.now()}`, naam: 'Docs', rollen: [{ rol: 'admin' }] },
    })
    record('POST', '/gebruikers', gebruiker.status, gebruiker.headers)
    await createApiToken(server.base, session, ['lezen'], { ip })

    const templates = Object.keys(doc.paths).map((path) => ({
      path,
      re: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    const wrong: string[] = []
    const created = new Set<string>()
    for (const r of seen) {
      const path = r.url.split('?')[0] as string
      const template = templates.filter((t) => t.re.test(path)).sort((a, b) => b.path.length - a.path.length)[0]
      const op = template && doc.paths[template.path]?.[r.method.toLowerCase()]
      if (!op) {
        wrong.push(`${r.method} ${path}: not in the document`)
        continue
      }
      const at = `${r.method} ${template.path} ${r.status}`
      const response = op.responses[String(r.status)]
      if (!response) {
        wrong.push(`${at}: status not documented`)
        continue
      }
      const documented = Object.keys(response.headers ?? {}).map((h) => h.toLowerCase())
      for (const h of documented) if (!r.headers[h]) wrong.push(`${at}: documents ${h}, sends none`)
      for (const h of ['location', 'etag']) if (r.headers[h] && !documented.includes(h)) wrong.push(`${at}: sends ${h}, documents none`)
      if (r.status === 201) {
        created.add(`${r.method} ${template.path}`)
        // A Location that leads somewhere under the API, to the object just made.
        expect(r.headers.location, at).toMatch(/^\/api\/v1\//)
      }
    }
    expect(wrong).toEqual([])
    expect([...created].sort()).toEqual(
      expect.arrayContaining(['POST /api-tokens', 'POST /applicaties', 'POST /gebruikers', 'POST /organisaties', 'POST /sessies']),
    )
  })
})
