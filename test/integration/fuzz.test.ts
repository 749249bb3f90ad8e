import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkAuditLog } from '../../src/cli/tasks.js'
import {
  APPLICATIE_HOSTING,
  APPLICATIE_STATUSSEN,
  BIV_NIVEAUS,
  KOPPELING_RICHTINGEN,
  KOPPELING_STATUSSEN,
  KOPPELING_TYPES,
  SAMENWERKING_VORMEN,
} from '../../src/domain/vocabulary.js'
import { seedDemo } from '../../src/io/demo.js'
import * as S from '../../src/schemas/registry.js'
import { createServices } from '../../src/services/index.js'
import { buildApplicatie, buildGastheerschap, buildOrganisatie, create, createLandscape } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'
import { createGebruiker, nextClientIp, type Reply, send as sendAs } from '../helpers/toegang.js'

// "A property test sends a few thousand random and malformed requests to every write
// endpoint: zero 5xx." Every write endpoint (POST, PUT, PATCH, DELETE on the five
// registry resources) gets its own property, so a failure names the endpoint. Besides
// status < 500, every 4xx must be a proper problem+json document.

// 20 endpoints × 150 = 3000 requests: 15–25 s on PGlite (2 cores) once nothing fails.
const RUNS_PER_ENDPOINT = 150

const RESOURCES = ['organisaties', 'samenwerkingen', 'gastheerschappen', 'applicaties', 'koppelingen'] as const
type ResourcePath = (typeof RESOURCES)[number]
type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE'

const FIELDS: Record<ResourcePath, string[]> = {
  organisaties: Object.keys(S.OrganisatieInvoer.properties),
  samenwerkingen: Object.keys(S.SamenwerkingInvoer.properties),
  gastheerschappen: Object.keys(S.GastheerschapInvoer.properties),
  applicaties: Object.keys(S.ApplicatieInvoer.properties),
  koppelingen: Object.keys(S.KoppelingInvoer.properties),
}

type Landscape = Awaited<ReturnType<typeof createLandscape>>

let server: TestServer
let base: string
const landscapes: Landscape[] = []

beforeAll(async () => {
  server = await startServer()
  base = server.base
  // Several landscapes, so ids still exist after a fuzzed DELETE succeeded.
  for (let i = 0; i < 3; i++) landscapes.push(await createLandscape(base))
})
afterAll(async () => server?.close())

const idsOf = (path: ResourcePath): string[] => {
  const pick: Record<ResourcePath, (l: Landscape) => string[]> = {
    organisaties: (l) => [l.gastheer.id, l.afnemer.id, l.leverancier.id],
    samenwerkingen: (l) => [l.samenwerking.id],
    gastheerschappen: (l) => [l.gastheerschap.id],
    applicaties: (l) => [l.bron.id, l.doel.id],
    koppelingen: (l) => [l.koppeling.id],
  }
  return landscapes.flatMap(pick[path])
}
const allIds = () => RESOURCES.flatMap(idsOf)

// ---------------------------------------------------------------------------------
// Values

const NIL_UUID = '00000000-0000-0000-0000-000000000000'

/** Strings that have broken servers before: control characters, lone surrogates, bidi, zero-width, emoji, injection. */
const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ude00x',
  '😀',
  '👩‍👩‍👧‍👦',
  '🇳🇱',
  '\u202egnilleppoK',
  'مرحبا',
  'שלום עולם',
  'a\u200bb',
  '\u200d',
  '\ufeff',
  '\uffff',
  '\ufffe',
  '\u0007\u001b[31m',
  'Z̷̢̛a̸l̵g̶o̴',
  "'; DROP TABLE organisatie; --",
  '%s%n%x',
  '\u0024{jndi:ldap://x}',
  '<script>alert(1)</script>',
  '\\',
  '"',
  '\r\n',
  'null',
  '__proto__',
  'constructor',
  'GM0402',
  'GM9999',
  '00000000000000000000',
  'https://example.nl',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '0000-01-01',
  '9999-12-31',
  '2024-02-30',
  '2024-02-29',
  '-001000-01-01',
  '2024-01-01T00:00:00Z',
  NIL_UUID,
  `urn:uuid:${NIL_UUID}`,
  `{${NIL_UUID}}`,
  NIL_UUID.replace(/-/g, ''),
]

const charArb = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 6 },
  { arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), weight: 1 },
  { arbitrary: fc.constantFrom('\u0000', '\u202e', '\u200b', '\ufeff', '\u0085', '\u2028'), weight: 1 },
)

const edgeString = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: charArb, maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom(...EDGE_STRINGS), fc.string({ maxLength: 10 })).map(([a, b]) => `${b}${a}${b}`), weight: 1 },
)

/** Just over the field limits, and over the 1 MiB body limit. */
const hugeString = fc
  .tuple(fc.constantFrom(201, 2_001, 4_001, 100_000, 1_100_000), fc.constantFrom('x', 'é', '€', '😀'))
  .map(([n, c]) => c.repeat(n))

function nested(depth: number, asArray: boolean): unknown {
  let v: unknown = 'bodem'
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v }
  return v
}
const deepValue = fc.tuple(fc.constantFrom(3, 50, 500, 2_000), fc.boolean()).map(([d, a]) => nested(d, a))

const idLike = () =>
  fc.oneof(
    fc.constantFrom(...allIds()),
    fc.constantFrom(...allIds()).map((id) => id.toUpperCase()),
    fc.constantFrom(...allIds()).map((id) => `urn:uuid:${id}`),
    fc.uuid(),
    fc.constant(NIL_UUID),
  )

const EDGE_NUMBERS = [0, -0, -1, 1.5, 100, 100.0001, 1800, 2200, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 100_000_001]

/** A value of any type, mostly the wrong one for whatever field it lands in. */
const wildValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: edgeString, weight: 6 },
    { arbitrary: fc.constantFrom(...EDGE_NUMBERS), weight: 2 },
    { arbitrary: fc.double(), weight: 1 },
    { arbitrary: fc.integer(), weight: 1 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
    { arbitrary: fc.array(edgeString, { maxLength: 4 }), weight: 2 },
    { arbitrary: fc.array(idLike(), { maxLength: 3 }), weight: 2 },
    { arbitrary: idLike(), weight: 3 },
    { arbitrary: fc.dictionary(fc.constantFrom('jaar', 'aantal', 'bron', 'status', 'datum', 'organisatieId', 'x'), edgeString), weight: 2 },
    { arbitrary: fc.array(fc.record({ jaar: fc.integer(), aantal: fc.integer(), bron: edgeString }), { maxLength: 3 }), weight: 1 },
    { arbitrary: fc.array(fc.record({ status: edgeString, datum: edgeString }), { maxLength: 3 }), weight: 1 },
    { arbitrary: fc.array(fc.record({ organisatieId: idLike(), startdatum: edgeString }), { maxLength: 3 }), weight: 1 },
    { arbitrary: hugeString, weight: 1 },
    { arbitrary: deepValue, weight: 1 },
  )

// ---------------------------------------------------------------------------------
// Bodies

const naam = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => `Fuzz ${s}`),
  edgeString.map((s) => `Fuzz ${s}`),
)
const datum = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
const withoutUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

/** Inputs the API should accept (or reject only for uniqueness), using ids that exist. */
function validBody(path: ResourcePath): fc.Arbitrary<Record<string, unknown>> {
  const land = fc.constantFrom(...landscapes)
  switch (path) {
    case 'organisaties':
      return fc
        .record({
          type: fc.constantFrom('leverancier', 'overig', 'samenwerkingsverband'),
          naam,
          oin: optional(fc.stringMatching(/^[0-9]{20}$/)),
          website: optional(fc.constantFrom('https://example.nl', 'http://intern.example.nl/x')),
          toelichting: optional(edgeString),
          inwoners: optional(fc.constant([{ jaar: 2025, aantal: 1000, bron: 'CBS' }])),
        })
        .map(withoutUndefined)
    case 'samenwerkingen':
      return fc
        .record({
          naam,
          vorm: fc.constantFrom(...SAMENWERKING_VORMEN),
          leden: land.map((l) => [{ organisatieId: l.gastheer.id, startdatum: '2020-01-01' }, { organisatieId: l.afnemer.id }]),
          startdatum: optional(datum),
          omschrijving: optional(edgeString),
        })
        .map(withoutUndefined)
    case 'gastheerschappen':
      return fc
        .record({
          taak: naam,
          l: land,
          startdatum: datum,
          beschikbaarheidsdoel: optional(fc.double({ min: 0, max: 100, noNaN: true })),
          dvoReferentie: optional(edgeString),
        })
        .map(({ l, ...rest }) =>
          withoutUndefined({ ...rest, gastheerId: l.gastheer.id, afnemerIds: [l.afnemer.id], samenwerkingId: l.samenwerking.id }),
        )
    case 'applicaties':
      return fc
        .record({
          naam,
          hosting: fc.constantFrom(...APPLICATIE_HOSTING),
          status: fc.constantFrom(...APPLICATIE_STATUSSEN),
          l: land,
          versie: optional(edgeString),
        })
        .map(({ l, ...rest }) => withoutUndefined({ ...rest, leverancierId: l.leverancier.id, inGebruikBij: [l.gastheer.id] }))
    case 'koppelingen':
      return fc
        .record({
          naam,
          type: fc.constantFrom(...KOPPELING_TYPES),
          richting: fc.constantFrom(...KOPPELING_RICHTINGEN),
          status: fc.constantFrom(...KOPPELING_STATUSSEN),
          gegevenscategorieen: fc.array(edgeString, { maxLength: 3 }),
          persoonsgegevens: fc.boolean(),
          beschikbaarheid: fc.constantFrom(...BIV_NIVEAUS),
          integriteit: fc.constantFrom(...BIV_NIVEAUS),
          vertrouwelijkheid: fc.constantFrom(...BIV_NIVEAUS),
          l: land,
          doelIsVoorziening: fc.boolean(),
          endpoint: optional(fc.constantFrom('https://api.example.nl', 'sftp://x.example.nl/in')),
        })
        .map(({ l, doelIsVoorziening, ...rest }) =>
          withoutUndefined({
            ...rest,
            bronApplicatieId: l.bron.id,
            ...(doelIsVoorziening ? { doelVoorziening: 'Digilevering' } : { doelApplicatieId: l.doel.id }),
            eigenaarId: l.gastheer.id,
          }),
        )
  }
}

/** A valid input with one field changed to a wild value, removed, nulled, or an unknown field added. */
function nearValidBody(path: ResourcePath): fc.Arbitrary<unknown> {
  const field = fc.constantFrom(...FIELDS[path])
  return fc.oneof(
    fc.tuple(validBody(path), field, wildValue()).map(([b, f, v]) => ({ ...b, [f]: v })),
    fc.tuple(validBody(path), field).map(([b, f]) => {
      const { [f]: _gone, ...rest } = b
      return rest
    }),
    fc.tuple(validBody(path), field).map(([b, f]) => ({ ...b, [f]: null })),
    fc
      .tuple(validBody(path), fc.oneof(edgeString, fc.constantFrom('id', 'revisie', 'Naam', 'naam ', 'aangemaaktOp')), wildValue())
      .map(([b, f, v]) => ({ ...b, [f]: v })),
  )
}

/** An object of the resource's real field names with random values. */
const wrongTypedBody = (path: ResourcePath) =>
  fc.dictionary(fc.constantFrom(...FIELDS[path]), wildValue(), { maxKeys: FIELDS[path].length })

const RAW_BODIES = [
  '',
  ' ',
  '{',
  '{"naam":',
  '{"a":1,}',
  "{'naam':'x'}",
  'undefined',
  'NaN',
  '-Infinity',
  'null',
  'true',
  '0',
  '"tekst"',
  '[]',
  '[1,2',
  '<organisatie/>',
  'naam=x&type=gemeente',
  '\ufeff{}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"type":"overig","naam":"a\\ud800b"}',
  '{"type":"overig","naam":"\\udfff"}',
  '{"type":"overig","naam":"a\\u0000b"}',
  '{"naam":"x","naam":"y","type":"overig"}',
  '{"type":"overig","naam":"x","inwoners":[{"jaar":2020,"aantal":1,"bron":"\\ud83d"}]}',
  '{"naam":"K","gegevenscategorieen":["\\ud800"]}',
  '{"taak":"T","startdatum":"2024-01-01","afnemerIds":[],"gastheerId":"x"}',
  '1e999',
  '{"a":1e999}',
  '{"a":-0}',
  '\u0000',
]

const rawBody = fc.oneof(
  { arbitrary: fc.constantFrom(...RAW_BODIES), weight: 6 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: charArb, maxLength: 40 }), weight: 1 },
  // Deeper than any object we would build in memory.
  { arbitrary: fc.constantFrom(10_000, 100_000).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`), weight: 1 },
  { arbitrary: fc.constantFrom(10_000, 100_000).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`), weight: 1 },
  { arbitrary: fc.constant(`{"naam":"${'x'.repeat(1_100_000)}"}`), weight: 1 },
)

const enc = new TextEncoder()
const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)))

/** Bytes that are no valid UTF-8: stray continuation bytes, overlong forms, CESU-8 surrogates, raw NUL in a string. */
const BAD_BYTES = [
  bytes([0xff, 0xfe]),
  bytes('{"type":"overig","naam":"', [0xc3, 0x28], '"}'),
  bytes('{"type":"overig","naam":"', [0xed, 0xa0, 0x80], '"}'),
  bytes('{"type":"overig","naam":"', [0xc0, 0xaf], '"}'),
  bytes('{"type":"overig","naam":"', [0x00], '"}'),
  bytes('{"type":"overig","naam":"', [0xf4, 0x90, 0x80, 0x80], '"}'),
  bytes([0xef, 0xbb, 0xbf], '{"type":"overig","naam":"x"}'),
]

type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string } | { kind: 'bytes'; bytes: Uint8Array }

function bodyArb(path: ResourcePath, method: Method): fc.Arbitrary<Body> {
  const json = (a: fc.Arbitrary<unknown>): fc.Arbitrary<Body> => a.map((value) => ({ kind: 'json', value }))
  const rich = method !== 'DELETE' ? 4 : 1
  return fc.oneof(
    { arbitrary: json(validBody(path)), weight: rich },
    { arbitrary: json(nearValidBody(path)), weight: 3 * rich },
    { arbitrary: json(wrongTypedBody(path)), weight: 2 * rich },
    { arbitrary: json(fc.jsonValue()), weight: 2 },
    { arbitrary: json(deepValue), weight: 1 },
    { arbitrary: json(hugeString), weight: 1 },
    { arbitrary: rawBody.map((text): Body => ({ kind: 'raw', text })), weight: 2 },
    { arbitrary: fc.constantFrom(...BAD_BYTES).map((b): Body => ({ kind: 'bytes', bytes: b })), weight: 1 },
    { arbitrary: fc.constant<Body>({ kind: 'none' }), weight: method === 'DELETE' ? 6 : 1 },
  )
}

// ---------------------------------------------------------------------------------
// Requests

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=grens',
  'application/problem+json',
  'application/json; charset=iso-8859-1',
  'APPLICATION/JSON',
  'application/jsonx',
  'application/xml',
  '*/*',
]

function contentTypeArb(method: Method): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant('application/json'), weight: 8 },
    { arbitrary: fc.constant('application/merge-patch+json'), weight: method === 'PATCH' ? 4 : 1 },
    { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 3 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  )
}

/** Header values a client can send: printable ASCII and Latin-1, no control characters. */
const headerText = fc
  .array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff })), { maxLength: 30 })
  .map((cs) => String.fromCharCode(...cs).trim())

const ifMatchArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 6 },
  {
    arbitrary: fc.constantFrom('*', '"1"', 'W/"1"', '"2"', '"0"', '"-1"', '"999999999"', '"12345678901"', '1', '""', '"1", "2"', ' "1" '),
    weight: 3,
  },
  { arbitrary: headerText, weight: 1 },
)

/** Percent-encodes every byte outside the unreserved set; lone surrogates become U+FFFD like any client would send. */
const encodeSegment = (s: string) =>
  [...enc.encode(s)]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('')

function idSegmentArb(path: ResourcePath): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...idsOf(path)), weight: 8 },
    { arbitrary: fc.constantFrom(...allIds()), weight: 2 },
    { arbitrary: fc.uuid(), weight: 2 },
    { arbitrary: fc.constantFrom(...idsOf(path)).map((id) => id.toUpperCase()), weight: 1 },
    { arbitrary: fc.constantFrom(...idsOf(path)).map((id) => encodeSegment(`urn:uuid:${id}`)), weight: 1 },
    { arbitrary: fc.constantFrom(...idsOf(path)).map((id) => encodeSegment(`{${id}}`)), weight: 1 },
    { arbitrary: fc.constantFrom(...idsOf(path)).map((id) => id.replace(/-/g, '')), weight: 1 },
    { arbitrary: edgeString.map(encodeSegment), weight: 2 },
    { arbitrary: fc.string({ maxLength: 40 }).map(encodeSegment), weight: 2 },
    // Malformed percent-encoding and path tricks, sent as they are.
    { arbitrary: fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%C0%AF', '..%2F..%2Fetc', 'x'.repeat(5_000), NIL_UUID), weight: 2 },
  )
}

interface FuzzRequest {
  method: Method
  path: string
  contentType: string | undefined
  ifMatch: string | undefined
  acceptLanguage: string | undefined
  body: Body
}

function requestArb(path: ResourcePath, method: Method): fc.Arbitrary<FuzzRequest> {
  const url = method === 'POST' ? fc.constant(`/${path}`) : idSegmentArb(path).map((id) => `/${path}/${id}`)
  return fc.record({
    method: fc.constant(method),
    path: url,
    contentType: contentTypeArb(method),
    ifMatch: method === 'POST' ? fc.constant(undefined) : ifMatchArb,
    acceptLanguage: fc.constantFrom(undefined, 'en', 'nl-NL', 'en-GB,nl;q=0.5', '*'),
    body: bodyArb(path, method),
  })
}

function payloadOf(body: Body): string | Uint8Array | undefined {
  switch (body.kind) {
    case 'none':
      return undefined
    case 'json':
      return JSON.stringify(body.value)
    case 'raw':
      return body.text
    case 'bytes':
      return body.bytes
  }
}

async function send(req: FuzzRequest) {
  const headers: Record<string, string> = {}
  if (req.ifMatch !== undefined) headers['if-match'] = req.ifMatch
  if (req.acceptLanguage !== undefined) headers['accept-language'] = req.acceptLanguage
  let payload = payloadOf(req.body)
  if (payload !== undefined) {
    if (req.contentType !== undefined) headers['content-type'] = req.contentType
    // A string body makes fetch add text/plain; bytes go without any content-type.
    else if (typeof payload === 'string') payload = enc.encode(payload)
  }
  const res = await fetch(`${base}${req.path}`, { method: req.method, headers, body: payload as BodyInit | undefined })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text }
}

const preview = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s)

function describeRequest(req: FuzzRequest): string {
  const payload = payloadOf(req.body)
  const body =
    payload === undefined
      ? '(none)'
      : typeof payload === 'string'
        ? preview(payload)
        : `bytes ${preview(Buffer.from(payload).toString('hex'), 200)}`
  return `${req.method} ${preview(req.path, 120)} content-type=${req.contentType ?? '(none)'} if-match=${req.ifMatch ?? '(none)'} body=${body}`
}

const isString = (v: unknown) => typeof v === 'string'

/** Everything that is wrong with the response; empty when it is fine. */
function problemsWith(res: { status: number; headers: Headers; text: string }): string[] {
  const wrong: string[] = []
  if (res.status >= 500) wrong.push(`status ${res.status}`)
  if (res.status >= 400 && res.status < 500) {
    const type = res.headers.get('content-type') ?? '(none)'
    let problem: Record<string, unknown> = {}
    try {
      problem = JSON.parse(res.text)
    } catch {
      wrong.push('problem body is no JSON')
    }
    if (!type.startsWith('application/problem+json')) wrong.push(`content-type ${type} for a ${res.status}`)
    if (problem.status !== res.status) wrong.push(`problem.status ${problem.status} differs from HTTP status ${res.status}`)
    if (!isString(problem.title) || !problem.title) wrong.push('problem without a title')
    if (!isString(problem.detail) || !problem.detail) wrong.push('problem without a detail')
    // Stricter than "when the body was a JSON object": the API gives invalidParams with
    // every 400 (even unparseable JSON is reported as {name: 'body', code: 'ongeldige-json'}).
    if (res.status === 400) {
      const params = problem.invalidParams
      if (!Array.isArray(params) || params.length === 0) wrong.push('400 without invalidParams')
      else {
        for (const p of params as Record<string, unknown>[]) {
          if (!isString(p?.name) || !isString(p?.code) || !isString(p?.reason)) wrong.push(`malformed invalidParam ${JSON.stringify(p)}`)
        }
      }
    }
  }
  if (!res.headers.get('api-version')) wrong.push('no API-Version header')
  return wrong
}

async function fuzz(path: ResourcePath, method: Method) {
  let runs = 0
  await fc.assert(
    fc.asyncProperty(requestArb(path, method), async (req) => {
      runs++
      const res = await send(req)
      const wrong = problemsWith(res)
      if (wrong.length > 0)
        throw new Error(`${wrong.join('; ')}\n  request: ${describeRequest(req)}\n  response ${res.status}: ${preview(res.text, 500)}`)
    }),
    // Without shrinking: the message above already shows the request, and shrinking
    // over HTTP could take minutes.
    { numRuns: RUNS_PER_ENDPOINT, endOnFailure: true },
  )
  expect(runs).toBe(RUNS_PER_ENDPOINT)
}

// DELETE last, so the landscapes keep their ids for the other methods as long as possible.
for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
  describe(`${method}: random and malformed requests never cause a 5xx`, () => {
    for (const path of RESOURCES) {
      it(`${method} ${method === 'POST' ? `/${path}` : `/${path}/{id}`}`, () => fuzz(path, method))
    }
  })
}

// ---------------------------------------------------------------------------------
// Cases the fuzzer found, pinned down so each one names its cause.

describe('edge cases found by fuzzing', () => {
  /** No 5xx; and an error, if any, as problem+json. */
  const expectNoServerError = async (method: string, path: string, body?: unknown) => {
    const res = await call(base, method, path, body)
    expect(res.status, `${method} ${path} → ${JSON.stringify(res.body)}`).toBeLessThan(500)
    if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    return res
  }
  const expectClientError = async (method: string, path: string, body?: unknown) => {
    const res = await expectNoServerError(method, path, body)
    expect(res.status, `${method} ${path} → ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400)
    return res
  }

  it('a NUL character in a text field is a 400, not a 500', async () => {
    const res = await expectClientError('POST', '/organisaties', { type: 'overig', naam: 'a\u0000b' })
    expect(res.status).toBe(400)
    expect((res.body.invalidParams as { name: string }[]).map((p) => p.name)).toContain('naam')
  })

  it('a NUL character inside a JSON column (inwoners[].bron) is a 400, not a 500', async () => {
    await expectClientError('POST', '/organisaties', { type: 'overig', naam: 'x', inwoners: [{ jaar: 2020, aantal: 1, bron: 'a\u0000' }] })
  })

  // JSON.stringify writes a lone surrogate as an escape (backslash-u d800), which jsonb refuses.
  it('a lone surrogate inside a JSON column (gegevenscategorieen) is no 500', async () => {
    const bron = await create(base, 'applicaties', buildApplicatie())
    const doel = await create(base, 'applicaties', buildApplicatie())
    await expectNoServerError('POST', '/koppelingen', {
      naam: 'Surrogaat',
      bronApplicatieId: bron.id,
      doelApplicatieId: doel.id,
      type: 'api',
      richting: 'A→B',
      status: 'in gebruik',
      gegevenscategorieen: ['\ud800'],
      persoonsgegevens: false,
      beschikbaarheid: 'laag',
      integriteit: 'laag',
      vertrouwelijkheid: 'laag',
    })
  })

  // The id format of ajv-formats accepts "urn:uuid:<uuid>", PostgreSQL's uuid type does not.
  it('an id of the form urn:uuid:… in the path is no 500', async () => {
    const org = await create(base, 'organisaties', buildOrganisatie())
    await expectNoServerError('GET', `/organisaties/urn:uuid:${org.id}`)
    await expectNoServerError('PATCH', `/organisaties/urn:uuid:${org.id}`, { toelichting: 'x' })
    await expectNoServerError('DELETE', `/organisaties/urn:uuid:${org.id}`)
  })

  it('a reference of the form urn:uuid:… in the body is no 500', async () => {
    const gastheer = await create(base, 'organisaties', buildOrganisatie())
    const afnemer = await create(base, 'organisaties', buildOrganisatie())
    const input = buildGastheerschap({ gastheerId: `urn:uuid:${gastheer.id}`, afnemerIds: [afnemer.id] })
    await expectNoServerError('POST', '/gastheerschappen', input)
  })

  it('the year 0000 (which PostgreSQL has not) is a 400, not a 500', async () => {
    const res = await expectClientError('POST', '/samenwerkingen', { naam: 'S', vorm: 'Convenant', leden: [], startdatum: '0000-01-01' })
    expect(res.status).toBe(400)
  })

  it('a PATCH without a body is a 400, not a 500', async () => {
    const org = await create(base, 'organisaties', buildOrganisatie())
    const res = await expectClientError('PATCH', `/organisaties/${org.id}`)
    expect(res.status).toBe(400)
  })

  it('a PATCH with the body null is a 400, not a 500', async () => {
    const org = await create(base, 'organisaties', buildOrganisatie())
    const res = await expectClientError('PATCH', `/organisaties/${org.id}`, 'null')
    expect(res.status).toBe(400)
  })

  it.each(['42', '[]', 'true', '"tekst"'])('a PATCH with the non-object body %s is a 400 and changes nothing', async (body) => {
    const org = await create(base, 'organisaties', buildOrganisatie())
    const res = await expectClientError('PATCH', `/organisaties/${org.id}`, body)
    expect(res.status).toBe(400)
    const after = await call(base, 'GET', `/organisaties/${org.id}`)
    expect(after.body.revisie).toBe(1)
  })

  it('a path with malformed percent-encoding gets a problem+json 400 with an API-Version header', async () => {
    for (const path of ['/organisaties/%ZZ', '/koppelingen/%E0%A4%A']) {
      const res = await expectClientError('DELETE', path)
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({ status: 400 })
      expect(res.headers.get('api-version')).toBe('1.0.0')
    }
  })

  it('an overlong id gets a problem+json 4xx with an API-Version header', async () => {
    const res = await expectClientError('PUT', `/organisaties/${'x'.repeat(500)}`, { type: 'overig', naam: 'x' })
    expect(res.body).toMatchObject({ status: res.status })
    expect(res.headers.get('api-version')).toBe('1.0.0')
  })

  // Not a write endpoint, found on the way: ajv accepts a leap second, new Date() does not.
  it('a leap-second timestamp in an auditlog filter is a 400, not a 500', async () => {
    const res = await expectClientError('GET', '/auditlog?vanaf=2024-12-31T23:59:60Z')
    expect(res.status).toBe(400)
  })
})

// ---------------------------------------------------------------------------------
// Every string class to every route (issue 10): each path parameter, query parameter
// and string body field of every operation in the OpenAPI document gets lone
// surrogates, U+0000, a 1 MB string and, as controls that must work, RTL text, emoji
// and combining marks; anonymously and as an admin. Then the audit chain, checked by
// the code behind `regiekamer audit verify`, must still be intact.

type Json = Record<string, unknown>

interface StringClass {
  naam: string
  /** As a JSON body sends it (lone surrogates as \u escapes). */
  waarde: string
  /** As a URL carries it: UTF-8 percent-encoded. A lone surrogate has no UTF-8 form; a client can only send its CESU-8 bytes. */
  url: string
  /** Must never be stored: refused wherever it is sent. */
  weigeren: { body: boolean; url: boolean }
}

const GELDIG = '\u202egnilleppoK مرحبا שלום 👩‍👩‍👧‍👦🇳🇱 Z̷̢̛a̸l̵g̶o̴'

const STRING_CLASSES: StringClass[] = [
  { naam: 'losse hoge surrogaat', waarde: 'a\ud800b', url: 'a%ED%A0%80b', weigeren: { body: true, url: false } },
  { naam: 'losse lage surrogaat', waarde: '\udc00', url: '%ED%B0%80', weigeren: { body: true, url: false } },
  { naam: 'U+0000', waarde: 'a\u0000b', url: 'a%00b', weigeren: { body: true, url: true } },
  // A URL cannot carry 1 MB: Node refuses request headers over 16 KB (431, see invoer.test.ts).
  { naam: '1 MB', waarde: 'x'.repeat(1_000_000), url: 'x'.repeat(12_000), weigeren: { body: true, url: false } },
  // Valid text that must work wherever text is allowed: right-to-left (with an override), emoji sequences, combining marks.
  { naam: 'RTL, emoji en combinerende tekens', waarde: GELDIG, url: encodeURIComponent(GELDIG), weigeren: { body: false, url: false } },
]

/** Routes with their own per-address rate limit (10 a minute): every request from a new address. */
const RATE_LIMITED = new Set(['/sessies', '/_setup'])

interface Operation {
  method: string
  path: string
  pathParams: string[]
  queryParams: string[]
  body?: Json
}

function operationsOf(doc: Json): Operation[] {
  const ops: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters ?? []) as { in: string; name: string }[]
      let body = (op.requestBody as Json | undefined)?.content as Record<string, { schema: Json }> | undefined
      let schema = body?.['application/json']?.schema
      // A merge patch documents a free object: fill it with the fields of the PUT beside it.
      if (schema && method === 'patch' && !Object.keys((schema.properties as Json) ?? {}).length && !schema.$ref) {
        body = ((item.put?.requestBody as Json | undefined)?.content as typeof body) ?? body
        schema = body?.['application/json']?.schema ?? schema
      }
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        body: schema,
      })
    }
  }
  return ops
}

function resolved(doc: Json, schema: Json | undefined): Json {
  let s = schema ?? {}
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) {
    s = (s.$ref as string)
      .slice(2)
      .split('/')
      .reduce<Json>((o, k) => o[k] as Json, doc)
  }
  return s
}

/** A body of the schema's required fields with plausible values, so a request gets past "required". */
function skeleton(doc: Json, schema: Json | undefined, depth = 0): unknown {
  const s = resolved(doc, schema)
  const alternatives = (s.anyOf ?? s.oneOf) as Json[] | undefined
  if (alternatives) return skeleton(doc, alternatives.find((a) => resolved(doc, a).type !== 'null') ?? alternatives[0], depth)
  if (Array.isArray(s.enum)) return s.enum[0]
  if (s.const !== undefined) return s.const
  switch (s.type) {
    case 'string':
      return (
        { date: '2026-01-01', 'date-time': '2026-06-01T00:00:00Z', uuid: NIL_UUID, email: 'iemand@example.nl', uri: 'https://example.nl' }[
          s.format as string
        ] ?? 'x'.repeat(Math.max(1, Number(s.minLength ?? 1)))
      )
    case 'integer':
    case 'number':
      return Math.max(Number(s.minimum ?? 1), 1)
    case 'boolean':
      return false
    case 'array':
      return depth < 4 && Number(s.minItems ?? 0) > 0 ? [skeleton(doc, s.items as Json, depth + 1)] : []
  }
  if (s.properties && depth < 5) {
    const required = new Set((s.required as string[]) ?? [])
    return Object.fromEntries(
      Object.entries(s.properties as Record<string, Json>)
        .filter(([k]) => required.has(k))
        .map(([k, p]) => [k, skeleton(doc, p, depth + 1)]),
    )
  }
  return {}
}

interface Slot {
  name: string
  with: (value: string) => unknown
}

/** Every place in a body where a string goes, each as a function building the body with a value there. */
function stringSlots(doc: Json, schema: Json | undefined, depth = 0): Slot[] {
  const s = resolved(doc, schema)
  const alternatives = (s.anyOf ?? s.oneOf) as Json[] | undefined
  if (alternatives) {
    const seen = new Set<string>()
    return alternatives.flatMap((a) => stringSlots(doc, a, depth)).filter((slot) => !seen.has(slot.name) && seen.add(slot.name))
  }
  if (s.type === 'string') return [{ name: '', with: (v) => v }]
  if (s.type === 'array' && depth < 5)
    return stringSlots(doc, s.items as Json, depth + 1).map((x) => ({ name: `[0]${x.name}`, with: (v) => [x.with(v)] }))
  if (s.properties && depth < 5) {
    const base = skeleton(doc, s, depth) as Json
    return Object.entries(s.properties as Record<string, Json>).flatMap(([k, p]) =>
      stringSlots(doc, p, depth + 1).map((x) => ({
        name: `${k}${x.name && !x.name.startsWith('[') ? '.' : ''}${x.name}`,
        with: (v: string) => ({ ...base, [k]: x.with(v) }),
      })),
    )
  }
  return []
}

describe('every string class to every route of the OpenAPI document, then audit verify', () => {
  let srv: TestServer
  let doc: Json
  const ids: Record<string, string> = {}
  /** Operations an anonymous caller gets past sign-in for (the rest answers 401 before reading anything). */
  const publicOps = new Set<string>()

  beforeAll(async () => {
    srv = await startServer()
    // The demo data (through the services, audited), a scenario, concept declaraties and a
    // user: real ids, so a body gets past a 404 to the checks that matter.
    await seedDemo(createServices(srv.database.handle.db), { naam: 'demo-gegevens', herkomst: 'test' })
    const admin = { token: srv.adminToken }
    const orgs = (await sendAs<{ resultaten: { id: string }[] }>(srv.base, 'GET', '/organisaties?paginaGrootte=2', admin)).body.resultaten
    const scenario = await sendAs<{ id: string }>(srv.base, 'POST', '/scenarios', {
      ...admin,
      body: {
        naam: 'Fuzz-scenario',
        soort: 'nieuwe samenwerking',
        invoer: {
          deelnemers: orgs.map((o) => ({ organisatieId: o.id, huidigeKosten: { eenmalig: 100, jaarlijks: 1000 } })),
          gezamenlijk: { eenmalig: 100, jaarlijks: 1500 },
          verdeling: { soort: 'gelijke delen' },
          horizonJaren: 5,
          disconteringsvoet: 3,
          startjaar: 2027,
        },
      },
    })
    expect(scenario.status, scenario.text).toBe(201)
    await sendAs(srv.base, 'POST', '/declaraties/_genereren', { ...admin, body: { periode: '2026' } })
    const standaard = (await sendAs<{ regels: Json[] }>(srv.base, 'GET', '/vertrouwensbeleid/standaard', admin)).body
    const beleid = await sendAs(srv.base, 'POST', '/vertrouwensbeleid', {
      ...admin,
      body: { eigenaarId: orgs[0].id, naam: 'Beleid fuzz', samenwerkingIds: [], regels: standaard.regels, bevestigGevolgen: true },
    })
    expect(beleid.status, beleid.text).toBe(201)
    // Monitoring: a check of a demo koppeling, a maintenance window of it and a webhook channel. Both
    // addresses are loopback, which the server will not probe or post to unless told: no request leaves.
    const koppeling = (await sendAs<{ resultaten: { id: string }[] }>(srv.base, 'GET', '/koppelingen?paginaGrootte=1', admin)).body
      .resultaten[0]
    const controle = await sendAs<{ id: string }>(srv.base, 'POST', '/controles', {
      ...admin,
      body: {
        naam: 'Fuzz-controle',
        koppelingId: koppeling.id,
        soort: 'http',
        url: 'http://127.0.0.1:9/gezondheid',
        intervalSeconden: 300,
        timeoutMs: 5000,
        geheimen: { headers: { Authorization: 'Bearer fuzz' } },
      },
    })
    expect(controle.status, controle.text).toBe(201)
    const venster = await sendAs(srv.base, 'POST', '/onderhoudsvensters', {
      ...admin,
      body: { reden: 'Fuzz-onderhoud', van: '2030-01-01T22:00:00+01:00', tot: '2030-01-02T02:00:00+01:00', controleId: controle.body.id },
    })
    expect(venster.status, venster.text).toBe(201)
    const kanaal = await sendAs(srv.base, 'POST', '/meldingskanalen', {
      ...admin,
      body: {
        naam: 'Fuzz-kanaal',
        organisatieId: orgs[0].id,
        soort: 'webhook',
        formaat: 'json',
        webhookUrl: 'http://127.0.0.1:9/webhook/fuzz',
        gebeurtenissen: ['storing-geopend'],
      },
    })
    expect(kanaal.status, kanaal.text).toBe(201)
    ids.gebruikers = (await createGebruiker(srv.base, srv.adminToken, [{ rol: 'lezer', organisatieId: orgs[0].id }])).id
    doc = (await sendAs<Json>(srv.base, 'GET', '/openapi.json')).body
    for (const path of Object.keys(doc.paths as Json)) {
      const collection = path.split('/')[1]
      if (ids[collection] || !/^[a-z-]+$/.test(collection) || !(doc.paths as Record<string, Json>)[`/${collection}`]?.get) continue
      const list = (await sendAs<unknown>(srv.base, 'GET', `/${collection}`, admin)).body as
        | { resultaten?: { id: string }[] }
        | { id: string }[]
      const first = Array.isArray(list) ? list[0] : list.resultaten?.[0]
      if (first) ids[collection] = first.id
    }
    ids.organisatieId = orgs[0].id
    ids.tokenId = ids['api-tokens']
    for (const op of operationsOf(doc)) {
      const res = await run({ op, url: urlOf(op), admin: false, where: '', mustRefuse: false })
      // Signing in answers 401 too, after reading the body.
      if (res.status !== 401 || RATE_LIMITED.has(op.path)) publicOps.add(`${op.method} ${op.path}`)
    }
  })
  afterAll(async () => srv?.close())

  /** A real id for a path parameter, by its name or the collection the path starts with. */
  const validParam = (path: string, name: string) => (name === 'id' ? ids[path.split('/')[1]] : ids[name]) ?? NIL_UUID

  const urlOf = (op: Operation, params: Record<string, string> = {}, query = '') =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? validParam(op.path, name)) + query

  interface Probe {
    op: Operation
    url: string
    body?: unknown
    admin: boolean
    /** Where the string went, for the failure message. */
    where: string
    mustRefuse: boolean
  }

  function probesFor(op: Operation, cls: StringClass, admin: boolean): Probe[] {
    const probes: Probe[] = []
    const base = { op, admin, mustRefuse: false }
    for (const p of op.pathParams)
      probes.push({ ...base, url: urlOf(op, { [p]: cls.url }), where: `path {${p}}`, mustRefuse: cls.weigeren.url })
    for (const q of op.queryParams)
      probes.push({ ...base, url: urlOf(op, {}, `?${q}=${cls.url}`), where: `query ${q}`, mustRefuse: cls.weigeren.url })
    if (op.body)
      for (const slot of stringSlots(doc, op.body))
        probes.push({
          ...base,
          url: urlOf(op),
          body: slot.with(cls.waarde),
          where: `body ${slot.name || '(root)'}`,
          mustRefuse: cls.weigeren.body,
        })
    return probes
  }

  async function run(probe: Probe): Promise<Reply> {
    return sendAs(srv.base, probe.op.method, probe.url, {
      body: probe.body,
      token: probe.admin ? srv.adminToken : undefined,
      ip: RATE_LIMITED.has(probe.op.path) ? nextClientIp() : undefined,
    })
  }

  function wrongWith(res: Reply, probe: Probe): string[] {
    const wrong = problemsWith({ status: res.status, headers: new Headers(res.headers as Record<string, string>), text: res.text })
    if (probe.mustRefuse && res.status < 400) wrong.push(`stored: ${res.status} where a refusal was due`)
    if (res.status === 429) wrong.push('rate limited: the probe tested nothing')
    return wrong
  }

  /** Runs probes a few at a time: enough to overlap network and parsing, not enough to starve the database. */
  async function all(probes: Probe[], check: (res: Reply, probe: Probe) => string[]): Promise<string[]> {
    const failures: string[] = []
    let next = 0
    const worker = async () => {
      while (next < probes.length) {
        const probe = probes[next++]
        const res = await run(probe)
        const wrong = check(res, probe)
        if (wrong.length > 0)
          failures.push(
            `${probe.admin ? 'admin' : 'anoniem'} ${probe.op.method} ${preview(probe.url, 100)} (${probe.where}): ${wrong.join('; ')} → ${preview(res.text, 200)}`,
          )
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()])
    return failures
  }

  it('covers every operation, including sign-in and setup', () => {
    const ops = operationsOf(doc)
    expect(ops.length).toBeGreaterThan(90)
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['POST /sessies', 'POST /_setup', 'POST /gebruikers']))
  })

  for (const cls of STRING_CLASSES) {
    it(`${cls.naam}: no 5xx, problem+json on every 4xx${cls.weigeren.body ? ', never stored' : ''}`, async () => {
      const ops = operationsOf(doc)
      const anonymous = (op: Operation) => {
        const probes = probesFor(op, cls, false)
        // Behind sign-in one probe per operation shows the 401; more would send the same request.
        return publicOps.has(`${op.method} ${op.path}`) ? probes : probes.slice(0, 1)
      }
      const probes = ops.flatMap((op) => [...anonymous(op), ...probesFor(op, cls, true)])
      const failures = await all(probes, wrongWith)
      expect(failures, failures.slice(0, 20).join('\n')).toEqual([])
    })
  }

  it('refuses an unknown query parameter on every operation (400 naming it)', async () => {
    const probes = operationsOf(doc).map(
      (op): Probe => ({ op, url: urlOf(op, {}, '?onbekendeParameter=1'), admin: true, where: 'query', mustRefuse: true }),
    )
    const failures = await all(probes, (res) => {
      const names = ((res.body as Json)?.invalidParams as { name: string }[] | undefined)?.map((p) => p.name) ?? []
      return res.status === 400 && names.includes('onbekendeParameter') ? [] : [`status ${res.status}, invalidParams ${names}`]
    })
    expect(failures, failures.join('\n')).toEqual([])
  })

  it('validates every body before it is used: an unknown field is a 400 naming it; a route without a body takes none', async () => {
    const probes = operationsOf(doc)
      .filter((op) => op.method !== 'GET')
      .map(
        (op): Probe => ({
          op,
          url: urlOf(op),
          body: op.body ? { ...(skeleton(doc, op.body) as Json), onbekendVeld: 'x' } : { onbekendVeld: 'x' },
          admin: true,
          where: 'body',
          mustRefuse: true,
        }),
      )
    const failures = await all(probes, (res, probe) => {
      const names = ((res.body as Json)?.invalidParams as { name: string }[] | undefined)?.map((p) => p.name) ?? []
      const expected = probe.op.body ? 'onbekendVeld' : 'body'
      return res.status === 400 && names.includes(expected) ? [] : [`status ${res.status}, invalidParams ${names}`]
    })
    expect(failures, failures.join('\n')).toEqual([])
  })

  it('leaves an audit log that `regiekamer audit verify` finds intact, with the valid strings logged as sent', async () => {
    const { result, untracked } = await checkAuditLog(srv.database.handle.db)
    expect(result.problems).toEqual([])
    expect(untracked).toEqual([])
    expect(result.checked).toBeGreaterThan(50)
    // Failed sign-ins with the control strings reached the log under exactly that name.
    const actors = await srv.database.handle.db.selectFrom('auditlog').select('actor').where('actie', '=', 'inloggen').execute()
    expect(actors.map((a) => a.actor)).toContain(GELDIG.toLowerCase())
    // The 1 MB user names were refused before they reached the log.
    expect(Math.max(...actors.map((a) => a.actor.length))).toBeLessThanOrEqual(100)
  })
})
