import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { seedDemo } from '../../src/io/demo.js'
import { DEMO_WACHTWOORD, seedDemoGebruikers } from '../../src/io/demo-gebruikers.js'
import { createServices } from '../../src/services/index.js'
import { call, startServer, type TestServer } from '../helpers/server.js'
import { login, nextClientIp, type Session, send } from '../helpers/toegang.js'

// Invisible means nonexistent on every path into data. For every GET operation in the
// OpenAPI document, every query parameter that takes an id and every {id} in a path is
// tried with each object the caller may not see and with an unknown uuid: the answers
// must be identical (status, type, body with the id itself blanked). Operations and
// parameters come from the document, so a new filter is covered without touching this.

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: { format?: string; enum?: string[]; type?: string; minimum?: number; pattern?: string }
}
interface Operation {
  operationId: string
  parameters?: Parameter[]
}

let server: TestServer
let operations: { path: string; op: Operation }[] = []
const sessies: Record<string, Session> = {}
/** Every stored object by collection path (`/kostenposten`), as the admin sees them. */
const alle: Record<string, string[]> = {}

const CALLERS = ['lezer-wijdemeren', 'beheerder-heemstede', 'auditor-rekenkamer']
const PER_COLLECTION = 2

const isIdParam = (p: Parameter) => p.in === 'query' && (p.schema?.format === 'uuid' || /Id$/.test(p.name) || p.name === 'ids')

async function scenario(naam: string, deelnemers: string[]): Promise<void> {
  const res = await call(server.base, 'POST', '/scenarios', {
    naam,
    soort: 'nieuwe samenwerking',
    invoer: {
      deelnemers: deelnemers.map((organisatieId) => ({ organisatieId, huidigeKosten: { eenmalig: 100_00, jaarlijks: 1_000_00 } })),
      gezamenlijk: { eenmalig: 100_00, jaarlijks: 1_000_00 },
      verdeling: { soort: 'gelijke delen' },
      horizonJaren: 5,
      disconteringsvoet: 3,
      startjaar: 2027,
    },
  })
  if (res.status !== 201) throw new Error(`scenario: ${res.status} ${JSON.stringify(res.body)}`)
}

async function orgId(cbsCode: string): Promise<string> {
  return (await call<{ resultaten: { id: string }[] }>(server.base, 'GET', `/organisaties?cbsCode=${cbsCode}`)).body.resultaten[0].id
}

beforeAll(async () => {
  server = await startServer()
  const db = server.database.handle.db
  await seedDemo(createServices(db), cliActor('test'))
  await seedDemoGebruikers(db, cliActor('test'))
  // Declaraties and scenarios are not in the demo data: make some between the partners.
  for (const periode of ['2025', '2026']) {
    const res = await call(server.base, 'POST', '/declaraties/_genereren', { periode })
    if (res.status !== 200) throw new Error(`genereren ${periode}: ${res.status} ${JSON.stringify(res.body)}`)
  }
  const [hil, wijd, gm, blo, hee] = await Promise.all(['GM0402', 'GM1696', 'GM1942', 'GM0377', 'GM0397'].map(orgId))
  await scenario('Hilversum, Wijdemeren en Gooise Meren', [hil, wijd, gm])
  await scenario('Bloemendaal en Heemstede', [blo, hee])
  await scenario('Hilversum en Gooise Meren', [hil, gm])
  for (const naam of CALLERS) sessies[naam] = await login(server.base, naam, DEMO_WACHTWOORD, nextClientIp())

  const doc = (await call<{ paths: Record<string, Record<string, Operation>> }>(server.base, 'GET', '/openapi.json')).body
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.get ? [{ path, op: ops.get }] : []))
  // The collections: lists with a single-object read beside them.
  for (const { path } of operations) {
    if (!/^\/[a-z-]+$/.test(path) || !doc.paths[`${path}/{id}`]?.get) continue
    const ids: string[] = []
    for (let pagina = 1; ; pagina++) {
      const res = await call<{ resultaten?: { id: string }[] }>(server.base, 'GET', `${path}?paginaGrootte=200&pagina=${pagina}`)
      if (res.status !== 200 || !res.body.resultaten) break
      ids.push(...res.body.resultaten.map((r) => r.id))
      if (res.body.resultaten.length < 200) break
    }
    if (ids.length > 0) alle[path] = ids
  }
})
afterAll(async () => server?.close())

const get = (wie: string, path: string) => send(server.base, 'GET', path, { session: sessies[wie] })

/** Objects of each collection that this caller cannot read (404), a few per collection. */
async function onzichtbaar(wie: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const [collectie, ids] of Object.entries(alle)) {
    const verborgen: string[] = []
    for (const id of ids) {
      if (verborgen.length === PER_COLLECTION) break
      if ((await get(wie, `${collectie}/${id}`)).status === 404) verborgen.push(id)
    }
    if (verborgen.length > 0) out[collectie] = verborgen
  }
  return out
}

/** One object of the collection this caller can read, for the {id} of a relation path. */
async function zichtbaar(wie: string, collectie: string): Promise<string | undefined> {
  for (const id of alle[collectie] ?? []) if ((await get(wie, `${collectie}/${id}`)).status === 200) return id
  return undefined
}

/** A value for a required parameter that is not under test. */
function vulIn(p: Parameter): string {
  if (p.schema?.enum) return p.schema.enum[0]
  if (p.name === 'jaar') return '2026'
  if (p.schema?.type === 'integer') return String(p.schema.minimum ?? 1)
  throw new Error(`no value for required parameter ${p.name}`)
}

/** What a caller can learn from an answer: status, media type and body, with the id tried blanked out. */
async function antwoord(wie: string, url: string, id: string): Promise<string> {
  const res = await get(wie, url)
  return JSON.stringify([res.status, res.contentType, res.text.replaceAll(id, '<id>')])
}

describe.each(CALLERS)('as %s: an id the caller cannot see answers exactly like an unknown id', (wie) => {
  it('in every id-taking query parameter and every {id} of every GET operation', async () => {
    const verborgen = await onzichtbaar(wie)
    // The fixture must be meaningful: hidden objects of the kinds the filters point at.
    expect(Object.keys(verborgen)).toEqual(expect.arrayContaining(['/samenwerkingen', '/gastheerschappen', '/kostenposten']))
    const alleVerborgen = Object.values(verborgen).flat()
    const verschillen: string[] = []
    let geprobeerd = 0
    for (const { path, op } of operations) {
      const params = op.parameters ?? []
      const vast = params.filter((p) => p.in === 'query' && p.required && !isIdParam(p)).map((p) => `${p.name}=${vulIn(p)}`)
      const collectie = path.match(/^(\/[a-z-]+)\/\{id\}/)?.[1]
      const vergelijk = async (maakUrl: (id: string) => string, kandidaten: string[], wat: string) => {
        const onbekend = randomUUID()
        const verwacht = await antwoord(wie, maakUrl(onbekend), onbekend)
        for (const id of kandidaten) {
          geprobeerd++
          const kreeg = await antwoord(wie, maakUrl(id), id)
          if (kreeg !== verwacht) verschillen.push(`${op.operationId} ${wat}=${id}: ${kreeg.slice(0, 300)} ≠ ${verwacht.slice(0, 300)}`)
        }
      }
      // The {id} in the path itself.
      if (collectie && !params.some((p) => p.in === 'query' && p.required && isIdParam(p)))
        await vergelijk((id) => `${path.replace('{id}', id)}${vast.length ? `?${vast.join('&')}` : ''}`, verborgen[collectie] ?? [], '{id}')
      // Each id-taking query parameter, under a parent the caller can see.
      const ouder = collectie ? await zichtbaar(wie, collectie) : undefined
      if (collectie && !ouder) continue
      const pad = ouder ? path.replace('{id}', ouder) : path
      for (const p of params.filter(isIdParam)) {
        const lijst = p.name === 'ids' ? await zichtbaar(wie, '/scenarios') : undefined
        const waarde = (id: string) => (p.name === 'ids' ? `${lijst ?? randomUUID()},${id}` : id)
        await vergelijk((id) => `${pad}?${[...vast, `${p.name}=${waarde(id)}`].join('&')}`, alleVerborgen, p.name)
      }
    }
    expect(geprobeerd).toBeGreaterThan(100)
    expect(verschillen).toEqual([])
  })
})
