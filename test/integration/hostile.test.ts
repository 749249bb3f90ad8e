import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildKoppeling, createLandscape } from '../helpers/factories.js'
import { startServer, type TestServer } from '../helpers/server.js'
import { createGebruiker, isProblem, login, nextClientIp, type Reply, type Session, send } from '../helpers/toegang.js'

// A corpus of hostile inputs — SQL injection, XSS, path traversal, huge numbers and
// Unicode edge cases — in every string field of every write endpoint and as every query
// value of every list endpoint (issue 3). Wherever a value is valid it must be stored
// exactly as sent and come back JSON-encoded, byte for byte; wherever it is invalid the
// answer is a 400 problem+json naming the field. Never a 5xx. Afterwards every table is
// still there, holding exactly the rows the accepted writes added.

const CORPUS: Record<string, string> = {
  'sql drop': "'; DROP TABLE organisatie; --",
  'sql or': '" OR 1=1 --',
  'sql or quoted': "' OR '1'='1",
  'sql union': "x' UNION SELECT wachtwoord_hash FROM gebruiker --",
  'sql stacked': '1; DELETE FROM auditlog; SELECT pg_sleep(5); --',
  'sql comment': "admin'/*",
  'xss script': '<script>alert(1)</script>',
  'xss img': '<img src=x onerror=alert(1)>',
  'xss attribute': '"><svg/onload=alert(1)>',
  'javascript url': 'javascript:alert(1)',
  'path traversal': '../../etc/passwd',
  'encoded traversal': '%2e%2e%2f',
  'windows traversal': '..\\..\\windows\\win.ini',
  'huge number': '1e308',
  'huge negative number': '-1e308',
  'beyond safe integer': '9007199254740993',
  'rtl override': '\u202egnilleppoK.exe',
  'zero-width joiner': '👩\u200d💻',
  'lone zero-width joiner': '\u200d',
  'combining marks': 'Z\u0337\u0322a\u0338l\u0335g\u0336o\u0301\u0301\u0301',
  'emoji with skin tones': '👍🏽👋🏿🧑🏻\u200d🤝\u200d🧑🏾',
  'nfc é': 'caf\u00e9',
  'nfd é': 'cafe\u0301',
  '4-byte characters': '𝕳𝖊𝖑𝖑𝖔 𠜎 🀄',
  '200 emoji': '😀'.repeat(200),
  '201 emoji': '😀'.repeat(201),
  '10 000 characters': 'x'.repeat(10_000),
  'like wildcards': '%_\\',
  'quotes and markup': 'O\'Reilly "&" <b>vet</b> &amp;',
  'nul byte': 'a\u0000b',
  'byte order mark': '\ufeffBOM',
  'line separators': 'a\u2028b\u2029c',
  'header injection': 'x\r\nSet-Cookie: rk_sessie=gestolen',
  'template injection': '\u0024{7*7}{{7*7}}<%= 7*7 %>',
  'only spaces': '   ',
  json: '{"naam": null, "__proto__": {"admin": true}}',
}

/** Hostile but well-formed URLs (valid for website and endpoint) and URLs that are not acceptable. */
const URLS: Record<string, boolean> = {
  'https://example.nl/%3Cscript%3Ealert(1)%3C/script%3E': true,
  "https://example.nl/?q='%20OR%201=1--": true,
  'https://example.nl/..%2F..%2Fetc%2Fpasswd': true,
  'https://example.nl/../../etc/passwd': true,
  'https://example.nl/%00': true,
  'https://example.nl/<script>': false,
  'javascript:alert(1)': false,
  'file:///etc/passwd': false,
  'data:text/html,<script>alert(1)</script>': false,
  'https://exa mple.nl': false,
}

/** Hostile e-mail addresses the format allows, and some it does not. */
const EMAILS: Record<string, boolean> = {
  "o'reilly+test@example.nl": true,
  "x'OR'1'='1@example.nl": true,
  '%2e%2e%2f@example.nl': true,
  '<script>@example.nl': false,
  'a@example.nl\r\nBcc: b@example.nl': false,
  "'; DROP TABLE gebruiker; --@example.nl": false,
}

const STRICT_SAMPLE = ['sql drop', 'sql or', 'xss script', 'path traversal', 'huge number', 'rtl override', '10 000 characters', 'nul byte']

/** Raw JSON number literals, sent as they are. */
const NUMBERS = ['1e308', '-1e308', '9007199254740993', '1e309', '-1e309', '123456789012345678901234567890']

// ---------------------------------------------------------------------------------
// What a field accepts (from src/schemas; LIMITS in src/domain/vocabulary.ts)

/**
 * naam: 1–200 characters, not only white space; tekst: up to 4000; kort: up to 200;
 * strikt: a uuid, date, enum value, pattern or URL none of the corpus satisfies;
 * gebruikersnaam: 3–100 of A–Z a–z 0–9 . _ @ + -, stored in lower case.
 */
type Kind = 'naam' | 'tekst' | 'kort' | 'strikt' | 'url' | 'email' | 'gebruikersnaam'

// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is what must be refused
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const length = (v: string) => [...v].length

/** The value the API must store for `v`, or undefined when `v` must be refused. */
function accepted(kind: Kind, v: string): string | undefined {
  if (UNSTORABLE.test(v)) return undefined
  const ok = (() => {
    switch (kind) {
      case 'naam':
        return length(v) >= 1 && length(v) <= 200 && /\S/u.test(v)
      case 'tekst':
        return length(v) <= 4000
      case 'kort':
        return length(v) <= 200
      case 'url':
        return URLS[v] === true
      case 'email':
        return EMAILS[v] === true
      case 'gebruikersnaam':
        return /^[A-Za-z0-9._@+-]{3,100}$/.test(v)
      case 'strikt':
        return false
    }
  })()
  if (!ok) return undefined
  return kind === 'gebruikersnaam' ? v.toLowerCase() : v
}

const valuesFor = (kind: Kind): [string, string][] => [
  ...Object.entries(CORPUS),
  ...(kind === 'url' ? Object.keys(URLS).map((u): [string, string] => [`url ${u}`, u]) : []),
  ...(kind === 'email' ? Object.keys(EMAILS).map((e): [string, string] => [`email ${e}`, e]) : []),
]

// ---------------------------------------------------------------------------------
// Paths into a body: `naam`, `leden[0].organisatieId`, `afnemerIds[0]`

type Json = Record<string, unknown>
const clone = <T>(v: T): T => structuredClone(v)
const steps = (path: string) => path.split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s))

function setAt(o: Json, path: string, value: unknown): Json {
  const out = clone(o)
  const parts = steps(path)
  let cur = out as Record<string | number, unknown>
  for (const p of parts.slice(0, -1)) cur = cur[p] as Record<string | number, unknown>
  cur[parts[parts.length - 1]] = value
  return out
}

function getAt(o: unknown, path: string): unknown {
  let cur = o as Record<string | number, unknown> | undefined
  for (const p of steps(path)) cur = cur?.[p] as Record<string | number, unknown> | undefined
  return cur
}

/** A JSON merge patch that turns `from` into `to`, top-level keys only. */
function mergePatchOf(from: Json, to: Json): Json {
  const patch: Json = {}
  for (const k of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (JSON.stringify(from[k]) !== JSON.stringify(to[k])) patch[k] = to[k] === undefined ? null : to[k]
  }
  return patch
}

// ---------------------------------------------------------------------------------

interface Field {
  path: string
  kind: Kind
  /** Adjusts the base body so the field may be set at all (e.g. a voorziening instead of an applicatie). */
  prepare?: (body: Json) => Json
}

interface Target {
  /** Collection path, e.g. /organisaties. */
  path: string
  table: 'organisatie' | 'samenwerking' | 'gastheerschap' | 'applicatie' | 'koppeling' | 'gebruiker' | 'api_token'
  base: () => Json
  fields: Field[]
  methods: ('POST' | 'PUT' | 'PATCH')[]
}

let server: TestServer
let base: string
let adminSession: Session
let adminIp: string
let landscape: Awaited<ReturnType<typeof createLandscape>>
let targets: Target[]
let baseline: Record<string, number>
/** Rows each table must have gained: one per accepted create. */
const created: Record<string, number> = {}
/** Audit log rows the accepted writes must have added. */
let audited = 0

const TABLES = [
  'organisatie',
  'samenwerking',
  'gastheerschap',
  'applicatie',
  'koppeling',
  'gebruiker',
  'api_token',
  'auditlog',
  'sessie',
] as const

async function counts(): Promise<Record<string, number>> {
  const db = server.database.handle.db
  const out: Record<string, number> = {}
  for (const t of TABLES) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(db)
    out[t] = r.rows[0].n
  }
  return out
}

beforeAll(async () => {
  server = await startServer()
  base = server.base
  landscape = await createLandscape(base)
  const admin = await createGebruiker(base, server.adminToken, [{ rol: 'admin' }], { prefix: 'admin' })
  adminIp = nextClientIp()
  adminSession = await login(base, admin.gebruikersnaam, admin.wachtwoord, adminIp)
  const L = landscape
  const org = (path: string, kind: Kind): Field => ({ path, kind })
  targets = [
    {
      path: '/organisaties',
      table: 'organisatie',
      methods: ['POST', 'PUT', 'PATCH'],
      base: () => ({
        type: 'leverancier',
        naam: 'Basis',
        website: 'https://example.nl',
        toelichting: 'toelichting',
        inwoners: [{ jaar: 2024, aantal: 1000, bron: 'CBS' }],
      }),
      fields: [
        org('naam', 'naam'),
        org('type', 'strikt'),
        org('oin', 'strikt'),
        org('cbsCode', 'strikt'),
        org('website', 'url'),
        org('toelichting', 'tekst'),
        org('inwoners[0].bron', 'kort'),
      ],
    },
    {
      path: '/samenwerkingen',
      table: 'samenwerking',
      methods: ['POST', 'PUT', 'PATCH'],
      base: () => ({
        naam: 'Basis',
        vorm: 'Convenant',
        omschrijving: 'omschrijving',
        startdatum: '2024-01-01',
        leden: [{ organisatieId: L.gastheer.id, startdatum: '2024-01-01' }],
        toelichting: 'toelichting',
      }),
      fields: [
        org('naam', 'naam'),
        org('vorm', 'strikt'),
        org('omschrijving', 'tekst'),
        org('startdatum', 'strikt'),
        org('einddatum', 'strikt'),
        org('leden[0].organisatieId', 'strikt'),
        org('leden[0].startdatum', 'strikt'),
        org('leden[0].einddatum', 'strikt'),
        org('toelichting', 'tekst'),
      ],
    },
    {
      path: '/gastheerschappen',
      table: 'gastheerschap',
      methods: ['POST', 'PUT', 'PATCH'],
      base: () => ({
        taak: 'Basis',
        omschrijving: 'omschrijving',
        gastheerId: L.gastheer.id,
        afnemerIds: [L.afnemer.id],
        samenwerkingId: L.samenwerking.id,
        dvoReferentie: 'DVO-1',
        startdatum: '2024-01-01',
        beschikbaarheidsdoel: 99.5,
        serviceniveau: 'kantoortijden',
        kostenafspraak: 'alle kosten door afnemer',
        toelichting: 'toelichting',
      }),
      fields: [
        org('taak', 'naam'),
        org('omschrijving', 'tekst'),
        org('gastheerId', 'strikt'),
        org('afnemerIds[0]', 'strikt'),
        org('samenwerkingId', 'strikt'),
        org('dvoReferentie', 'kort'),
        org('startdatum', 'strikt'),
        org('einddatum', 'strikt'),
        org('serviceniveau', 'tekst'),
        org('kostenafspraak', 'tekst'),
        org('toelichting', 'tekst'),
      ],
    },
    {
      path: '/applicaties',
      table: 'applicatie',
      methods: ['POST', 'PUT', 'PATCH'],
      base: () => ({
        naam: 'Basis',
        omschrijving: 'omschrijving',
        leverancierId: L.leverancier.id,
        hosting: 'SaaS',
        versie: '1.0',
        status: 'in productie',
        statusHistorie: [{ status: 'in productie', datum: '2024-01-01' }],
        inGebruikBij: [L.gastheer.id],
        toelichting: 'toelichting',
      }),
      fields: [
        org('naam', 'naam'),
        org('omschrijving', 'tekst'),
        org('leverancierId', 'strikt'),
        org('hosting', 'strikt'),
        org('versie', 'kort'),
        org('status', 'strikt'),
        org('statusHistorie[0].status', 'strikt'),
        org('statusHistorie[0].datum', 'strikt'),
        org('inGebruikBij[0]', 'strikt'),
        org('toelichting', 'tekst'),
      ],
    },
    {
      path: '/koppelingen',
      table: 'koppeling',
      methods: ['POST', 'PUT', 'PATCH'],
      base: () =>
        buildKoppeling({
          naam: 'Basis',
          omschrijving: 'omschrijving',
          bronApplicatieId: L.bron.id,
          doelApplicatieId: L.doel.id,
          eigenaarId: L.gastheer.id,
          gastheerschapId: L.gastheerschap.id,
          statusHistorie: [{ status: 'in gebruik', datum: '2024-01-01' }],
          standaard: 'StUF-BG',
          standaardVersie: '3.10',
          endpoint: 'https://example.nl/api',
          toelichting: 'toelichting',
        }) as unknown as Json,
      fields: [
        org('naam', 'naam'),
        org('omschrijving', 'tekst'),
        org('bronApplicatieId', 'strikt'),
        // A landelijke voorziening is one of a fixed list (issue 20.13); a name of its own only with overig.
        {
          path: 'bronVoorziening',
          kind: 'strikt',
          prepare: (b) => {
            const { bronApplicatieId: _, ...rest } = b
            return { ...rest, bronVoorziening: 'BRP' }
          },
        },
        {
          path: 'bronVoorzieningOverig',
          kind: 'naam',
          prepare: (b) => {
            const { bronApplicatieId: _, ...rest } = b
            return { ...rest, bronVoorziening: 'overig', bronVoorzieningOverig: 'Landelijk loket' }
          },
        },
        org('doelApplicatieId', 'strikt'),
        {
          path: 'doelVoorziening',
          kind: 'strikt',
          prepare: (b) => {
            const { doelApplicatieId: _, ...rest } = b
            return { ...rest, doelVoorziening: 'MijnOverheid Berichtenbox' }
          },
        },
        org('viaApplicatieId', 'strikt'),
        org('type', 'strikt'),
        org('richting', 'strikt'),
        org('status', 'strikt'),
        org('statusHistorie[0].status', 'strikt'),
        org('standaard', 'kort'),
        org('standaardVersie', 'kort'),
        org('gegevenscategorieen[0]', 'kort'),
        org('beschikbaarheid', 'strikt'),
        org('eigenaarId', 'strikt'),
        org('gastheerschapId', 'strikt'),
        org('endpoint', 'url'),
        org('toelichting', 'tekst'),
      ],
    },
    {
      path: '/gebruikers',
      table: 'gebruiker',
      methods: ['POST', 'PATCH'],
      base: () => ({ gebruikersnaam: `hostile-${randomUUID().slice(0, 12)}`, naam: 'Basis', email: 'basis@example.nl', rollen: [] }),
      fields: [org('naam', 'naam'), org('email', 'email'), org('gebruikersnaam', 'gebruikersnaam')],
    },
    {
      path: '/api-tokens',
      table: 'api_token',
      methods: ['POST'],
      base: () => ({ naam: 'Basis', scopes: ['lezen'], verlooptOp: new Date(Date.now() + 86_400_000).toISOString() }),
      fields: [org('naam', 'naam')],
    },
  ]
  baseline = await counts()
})
afterAll(async () => server?.close())

/** Writes as an admin in a browser would: with a session and its CSRF token (API tokens only come from one). */
const asAdmin = () => ({ session: adminSession, ip: adminIp })

function write(_t: Target, method: string, path: string, body: unknown): Promise<Reply> {
  return send(base, method, path, { session: adminSession, ip: adminIp, body })
}

function readBack(t: Target, id: string): Promise<Reply> {
  return send(base, 'GET', t.path === '/api-tokens' ? '/api-tokens' : `${t.path}/${id}`, { session: adminSession, ip: adminIp })
}

const pick = (t: Target, reply: Reply, id: string): unknown =>
  t.path === '/api-tokens' && Array.isArray(reply.body) ? (reply.body as Json[]).find((x) => x.id === id) : reply.body

function same(got: unknown, want: string): boolean {
  return typeof got === 'string' && got === want && Buffer.from(got, 'utf8').equals(Buffer.from(want, 'utf8'))
}

const show = (v: string) => (v.length > 60 ? `${JSON.stringify(v.slice(0, 40))}… (${v.length})` : JSON.stringify(v))

/**
 * Checks one write: the status, the problem for a refusal, and for an accepted value the
 * stored value in the response and on reading back. Returns what is wrong, if anything.
 */
async function checkWrite(
  t: Target,
  label: string,
  field: Field,
  value: string,
  reply: Reply,
  ok: number,
  readAgain: boolean,
): Promise<string[]> {
  const want = accepted(field.kind, value)
  const where = `${label} ${field.path}=${show(value)}`
  if (reply.status >= 500) return [`${where}: ${reply.status} ${reply.text.slice(0, 200)}`]
  if (want === undefined) {
    const params = ((reply.body as { invalidParams?: { name: string }[] } | null)?.invalidParams ?? []).map((p) => p.name)
    if (!isProblem(reply, 400)) return [`${where}: expected 400 problem+json, got ${reply.status} ${reply.text.slice(0, 200)}`]
    if (!params.includes(field.path)) return [`${where}: 400 without ${field.path} in invalidParams (${params.join(', ')})`]
    return []
  }
  if (reply.status !== ok) return [`${where}: expected ${ok}, got ${reply.status} ${reply.text.slice(0, 300)}`]
  const problems: string[] = []
  if (!reply.contentType.startsWith('application/json')) problems.push(`${where}: content-type ${reply.contentType}`)
  if (reply.headers['x-content-type-options'] !== 'nosniff') problems.push(`${where}: no nosniff`)
  const id = (reply.body as Json).id as string
  if (!same(getAt(reply.body, field.path), want)) problems.push(`${where}: response holds ${show(String(getAt(reply.body, field.path)))}`)
  if (!readAgain) return problems
  const back = await readBack(t, id)
  if (back.status !== 200 || !back.contentType.startsWith('application/json'))
    problems.push(`${where}: read back ${back.status} ${back.contentType}`)
  else if (!same(getAt(pick(t, back, id), field.path), want))
    problems.push(`${where}: read back ${show(String(getAt(pick(t, back, id), field.path)))}`)
  return problems
}

describe('hostile strings in every string field of every write endpoint', () => {
  const names: [string, string][] = [
    ['/organisaties', 'organisaties'],
    ['/samenwerkingen', 'samenwerkingen'],
    ['/gastheerschappen', 'gastheerschappen'],
    ['/applicaties', 'applicaties'],
    ['/koppelingen', 'koppelingen'],
    ['/gebruikers', 'gebruikers (naam, email, gebruikersnaam)'],
    ['/api-tokens', 'api-tokens (naam)'],
  ]
  for (const [path, name] of names) {
    it(`${name}: stored exactly when valid, 400 problem+json when not, never 5xx`, async () => {
      const t = targets.find((x) => x.path === path) as Target
      const failures: string[] = []
      const accept = (reply: Reply, isCreate: boolean) => {
        if (reply.status < 300) {
          audited++
          if (isCreate) created[t.table] = (created[t.table] ?? 0) + 1
        }
      }
      for (const field of t.fields) {
        const fieldBase = () => (field.prepare ? field.prepare(t.base()) : t.base())
        // A fresh object per field to change with PUT and PATCH, so earlier fields do not interfere.
        let targetId: string | undefined
        let targetBody: Json | undefined
        if (t.methods.includes('PUT') || t.methods.includes('PATCH')) {
          targetBody = fieldBase()
          const res = await write(t, 'POST', t.path, targetBody)
          if (res.status !== 201) throw new Error(`${t.path}: base body refused: ${res.text}`)
          accept(res, true)
          targetId = (res.body as Json).id as string
        }
        for (const [label, value] of valuesFor(field.kind)) {
          const body = setAt(fieldBase(), field.path, value)
          // POST gets the whole corpus in every field. PUT and PATCH store through the same
          // validator and columns: they get the whole corpus in the name fields and a
          // sample in the others.
          const changes = field.kind === 'naam' || field.kind === 'url' || field.kind === 'email' || STRICT_SAMPLE.includes(label)
          if (t.methods.includes('POST')) {
            const res = await write(t, 'POST', t.path, body)
            failures.push(...(await checkWrite(t, `POST ${label}`, field, value, res, 201, true)))
            accept(res, true)
          }
          if (t.methods.includes('PUT') && targetId && changes) {
            const res = await write(t, 'PUT', `${t.path}/${targetId}`, body)
            failures.push(...(await checkWrite(t, `PUT ${label}`, field, value, res, 200, false)))
            accept(res, false)
          }
          if (t.methods.includes('PATCH') && targetId && targetBody && changes) {
            const patch =
              t.path === '/gebruikers' ? { [field.path]: value } : mergePatchOf(targetBody, setAt(targetBody, field.path, value))
            if (t.path === '/gebruikers' && field.path === 'gebruikersnaam') continue // not changeable
            const res = await write(t, 'PATCH', `${t.path}/${targetId}`, patch)
            failures.push(...(await checkWrite(t, `PATCH ${label}`, field, value, res, 200, false)))
            accept(res, false)
          }
        }
      }
      expect(failures).toEqual([])
    })
  }

  it('refuses huge and unrepresentable numbers, in number and in string fields, with 400', async () => {
    const L = landscape
    const cases: [string, string, Json, string][] = [
      ['/organisaties', 'inwoners[0].jaar', { type: 'leverancier', naam: 'n', inwoners: [{ jaar: 2024, aantal: 1 }] }, 'inwoners[0].jaar'],
      [
        '/organisaties',
        'inwoners[0].aantal',
        { type: 'leverancier', naam: 'n', inwoners: [{ jaar: 2024, aantal: 1 }] },
        'inwoners[0].aantal',
      ],
      ['/organisaties', 'naam', { type: 'leverancier', naam: 'n' }, 'naam'],
      [
        '/gastheerschappen',
        'beschikbaarheidsdoel',
        { taak: 't', gastheerId: L.gastheer.id, afnemerIds: [L.afnemer.id], startdatum: '2024-01-01' },
        'beschikbaarheidsdoel',
      ],
      [
        '/koppelingen',
        'persoonsgegevens',
        buildKoppeling({ bronApplicatieId: L.bron.id, doelApplicatieId: L.doel.id }) as unknown as Json,
        'persoonsgegevens',
      ],
    ]
    const failures: string[] = []
    for (const [path, field, body, param] of cases) {
      for (const n of NUMBERS) {
        const raw = JSON.stringify(setAt(body, field, '__GETAL__')).replace('"__GETAL__"', n)
        for (const [method, url] of [
          ['POST', path],
          ['PUT', `${path}/${(path === '/organisaties' ? L.leverancier : path === '/koppelingen' ? L.koppeling : L.gastheerschap).id}`],
        ]) {
          const res = await send<{ invalidParams?: { name: string }[] }>(base, method, url, { ...asAdmin(), body: raw })
          const names = (res.body?.invalidParams ?? []).map((p) => p.name)
          if (!isProblem(res, 400) || !names.includes(param))
            failures.push(`${method} ${path} ${field}=${n}: ${res.status} ${res.text.slice(0, 200)}`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('refuses prototype-polluting and unknown keys with 400', async () => {
    const failures: string[] = []
    for (const raw of [
      '{"type":"leverancier","naam":"n","__proto__":{"admin":true}}',
      '{"type":"leverancier","naam":"n","constructor":{"prototype":{"admin":true}}}',
      `{"type":"leverancier","naam":"n",${JSON.stringify(CORPUS['xss script'])}:1}`,
      `{"type":"leverancier","naam":"n",${JSON.stringify(CORPUS['sql drop'])}:1}`,
    ]) {
      const res = await send(base, 'POST', '/organisaties', { ...asAdmin(), body: raw })
      if (!isProblem(res, 400)) failures.push(`${raw}: ${res.status} ${res.text.slice(0, 200)}`)
    }
    expect(failures).toEqual([])
    expect(({} as Json).admin).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------

interface QueryParam {
  name: string
  schema: { type?: string; format?: string; pattern?: string; enum?: unknown[]; maxLength?: number }
}
interface ListOperation {
  path: string
  operationId: string
  query: QueryParam[]
}

async function listOperations(): Promise<ListOperation[]> {
  const doc = await send<{ paths: Record<string, Record<string, { operationId: string; parameters?: (QueryParam & { in: string })[] }>> }>(
    base,
    'GET',
    '/openapi.json',
  )
  return Object.entries(doc.body.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method, op]) => method === 'get' && (op.parameters ?? []).some((p) => p.in === 'query'))
      .map(([, op]) => ({ path, operationId: op.operationId, query: (op.parameters ?? []).filter((p) => p.in === 'query') })),
  )
}

/** A free-text query parameter: any string up to maxLength (no format, pattern or choice). */
const freeText = (p: QueryParam) => p.schema.type === 'string' && !p.schema.format && !p.schema.pattern && !p.schema.enum

function idForPath(path: string): string {
  const L = landscape
  const parent = path.split('/')[1]
  const ids: Record<string, string> = {
    organisaties: L.gastheer.id,
    samenwerkingen: L.samenwerking.id,
    gastheerschappen: L.gastheerschap.id,
    applicaties: L.bron.id,
    koppelingen: L.koppeling.id,
  }
  // Elsewhere a well-formed id of nothing: the query is checked before the object is looked up.
  return ids[parent] ?? '00000000-0000-4000-8000-000000000000'
}

/** The field a list's `zoek` searches: the name of what the list holds (its last path segment). */
const nameField = (path: string) => (path.endsWith('/gastheerschappen') ? 'taak' : 'naam')

describe('hostile values as query parameters of every list endpoint', () => {
  it('answers 200 (valid) or 400 problem+json naming the parameter, never 5xx; a search finds exactly what it says', async () => {
    const ops = await listOperations()
    expect(ops.length).toBeGreaterThanOrEqual(14)
    const failures: string[] = []
    for (const op of ops) {
      const path = op.path.replace('{id}', idForPath(op.path))
      for (const p of op.query) {
        // A uuid, choice, pattern or number refuses the corpus in one validator: a sample does.
        const values = Object.entries(CORPUS).filter(([label]) => freeText(p) || STRICT_SAMPLE.includes(label))
        for (const [label, value] of values) {
          const valid = freeText(p) && !UNSTORABLE.test(value) && length(value) <= (p.schema.maxLength ?? Number.POSITIVE_INFINITY)
          const res = await send<{ resultaten?: Json[]; invalidParams?: { name: string }[] }>(
            base,
            'GET',
            `${path}?${p.name}=${encodeURIComponent(value)}`,
            asAdmin(),
          )
          const where = `${op.operationId} ${p.name}=${label}`
          if (res.status >= 500) failures.push(`${where}: ${res.status}`)
          else if (!valid) {
            const names = (res.body?.invalidParams ?? []).map((x) => x.name)
            if (!isProblem(res, 400) || !names.includes(p.name))
              failures.push(`${where}: expected 400 naming ${p.name}, got ${res.status} ${res.text.slice(0, 150)}`)
          } else if (res.status !== 200 || !res.contentType.startsWith('application/json') || !Array.isArray(res.body?.resultaten)) {
            failures.push(`${where}: expected 200 JSON, got ${res.status} ${res.contentType} ${res.text.slice(0, 150)}`)
          } else if (p.name === 'zoek') {
            const field = nameField(op.path)
            const wrong = (res.body.resultaten as Json[]).filter((r) => !String(r[field]).toLowerCase().includes(value.toLowerCase()))
            if (wrong.length > 0) failures.push(`${where}: ${wrong.length} result(s) without the term in ${field}`)
          }
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('finds every object stored under a hostile name by searching for exactly that name', async () => {
    const failures: string[] = []
    for (const [path, field] of [
      ['/organisaties', 'naam'],
      ['/samenwerkingen', 'naam'],
      ['/gastheerschappen', 'taak'],
      ['/applicaties', 'naam'],
      ['/koppelingen', 'naam'],
    ]) {
      for (const [label, value] of Object.entries(CORPUS)) {
        if (accepted('naam', value) === undefined) continue
        const res = await send<{ resultaten: Json[] }>(base, 'GET', `${path}?zoek=${encodeURIComponent(value)}&paginaGrootte=200`, {
          ...asAdmin(),
        })
        if (res.status !== 200) failures.push(`${path} zoek=${label}: ${res.status}`)
        else if (!res.body.resultaten.some((r) => same(r[field], value)))
          failures.push(`${path} zoek=${label}: the object named so is not found`)
      }
    }
    expect(failures).toEqual([])
  })

  it('refuses hostile parameter names and repeated parameters with 400', async () => {
    const failures: string[] = []
    for (const q of [
      `${encodeURIComponent(CORPUS['xss script'])}=1`,
      `${encodeURIComponent(CORPUS['sql drop'])}=1`,
      '__proto__[admin]=1',
      'zoek=a&zoek=b',
      'zoek[]=a',
      'pagina=1e308',
      'paginaGrootte=9007199254740993',
      'pagina=-1e308',
      'sorteer=naam;DROP%20TABLE%20organisatie',
    ]) {
      const res = await send(base, 'GET', `/organisaties?${q}`, asAdmin())
      if (!isProblem(res, 400)) failures.push(`${q}: ${res.status} ${res.text.slice(0, 150)}`)
    }
    expect(failures).toEqual([])
  })
})

describe('hostile values as path ids', () => {
  it('answers 400 or 404 problem+json for every operation with an {id}, never 5xx', async () => {
    const doc = await send<{ paths: Record<string, Record<string, unknown>> }>(base, 'GET', '/openapi.json')
    const failures: string[] = []
    for (const [path, item] of Object.entries(doc.body.paths)) {
      if (!path.includes('{id}')) continue
      for (const method of Object.keys(item).map((m) => m.toUpperCase())) {
        const ids = [
          ...Object.values(CORPUS).map((v) => encodeURIComponent(v)),
          '..%2F..%2Fetc%2Fpasswd',
          '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
          '..',
          '%00',
          '%ZZ',
        ]
        for (const id of ids) {
          const body = method === 'PUT' || method === 'PATCH' ? { naam: 'x' } : undefined
          const res = await send(base, method, path.replace('{id}', id), { ...asAdmin(), body })
          // 414 for an id longer than any route parameter may be.
          if (![400, 404, 414].some((status) => isProblem(res, status)))
            failures.push(`${method} ${path} id=${id.slice(0, 40)}: ${res.status} ${res.contentType}`)
        }
      }
    }
    for (const raw of ['/organisaties/../../etc/passwd', '/../../../etc/passwd', '/organisaties/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await send(base, 'GET', raw, asAdmin())
      if (!(isProblem(res, 400) || isProblem(res, 404))) failures.push(`GET ${raw}: ${res.status} ${res.text.slice(0, 100)}`)
    }
    expect(failures).toEqual([])
  })
})

describe('hostile header values', () => {
  it('answers a hostile If-Match with 412 and a hostile Accept-Language in Dutch, never 5xx', async () => {
    const failures: string[] = []
    // Header values are Latin-1 without control characters; the rest cannot be sent.
    const sendable = Object.entries(CORPUS).filter(([, v]) => /^[\x20-\x7e]*$/.test(v) && v.length < 8000)
    const id = landscape.leverancier.id
    for (const [label, value] of sendable) {
      const patch = await send(base, 'PATCH', `/organisaties/${id}`, {
        ...asAdmin(),
        body: { toelichting: 'x' },
        headers: { 'if-match': value },
      })
      if (!isProblem(patch, 412)) failures.push(`If-Match ${label}: ${patch.status} ${patch.text.slice(0, 100)}`)
      const get = await send(base, 'GET', '/organisaties/00000000-0000-4000-8000-000000000000', {
        ...asAdmin(),
        headers: { 'accept-language': value },
      })
      if (!isProblem(get, 404)) failures.push(`Accept-Language ${label}: ${get.status} ${get.text.slice(0, 100)}`)
    }
    expect(failures).toEqual([])
  })
})

describe('the database afterwards', () => {
  it('still has every table, holding exactly the rows the accepted writes added', async () => {
    const db = server.database.handle.db
    for (const t of TABLES) {
      const r = await sql<{ t: string | null }>`SELECT to_regclass(${t})::text AS t`.execute(db)
      expect(r.rows[0].t, t).toBe(t)
    }
    const now = await counts()
    expect(Object.keys(created).length, 'the write tests ran').toBeGreaterThan(0)
    const expected = Object.fromEntries(TABLES.map((t) => [t, t === 'auditlog' ? baseline[t] + audited : baseline[t] + (created[t] ?? 0)]))
    expect(now).toEqual(expected)
  })
})
