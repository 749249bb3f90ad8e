import fs from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkAuditLog } from '../../src/cli/tasks.js'
import { leesArchimate } from '../../src/io/archimate/lezen.js'
import { alsGebruiker, type Lijst, startDemoServer } from '../helpers/demo.js'
import { startServer, type TestServer } from '../helpers/server.js'
import { isProblem, type Reply, type Session, send } from '../helpers/toegang.js'

// Issue 15 over real HTTP on the demo data: the ArchiMate import (dry run and real, merge
// on re-import, all or nothing), export → import into an empty database giving the same
// landscape with the same ids, every kind of bad or hostile file refused with nothing
// written, and an export that shows a caller nothing it may not see.

let server: TestServer
const sessies: Record<string, Session> = {}
const ids: Record<string, string> = {}
const { get, idVan, alleIds } = alsGebruiker(() => server, sessies)

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/archimate/landschap.xml')
const NS = 'xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
const MB = 1024 * 1024

type Regel = {
  soort: string
  actie: string
  naam: string
  id: string
  elementIds: string[]
  regel?: number
  overeenkomst?: string
  wijzigt: boolean
}
type Rapport = {
  proef: boolean
  geimporteerd: boolean
  model: { naam: string; elementen: number; relaties: number }
  totalen: Record<string, { aanmaken: number; samenvoegen: number }> & { overgeslagen: number; aannames: number; fouten: number }
  regels: Regel[]
  overgeslagen: { elementId: string; soort: string; naam?: string; reden: string; regel?: number }[]
  aannames: { elementId: string; veld: string; waarde: string; reden: string; regel?: number }[]
  fouten: { elementId?: string; regel?: number; naam?: string; veld: string; reden: string }[]
}
type Problem = { detail: string; instance?: string; invalidParams?: { name: string; code: string; reason: string }[] }
type Rec = Record<string, unknown> & { id: string; naam: string; revisie: number }

/** Posts a file to the import as the admin (session with CSRF token), or as `wie`. */
function importeer<T = Rapport>(xml: string | Buffer, opts: { proef?: boolean; wie?: string; type?: string; base?: string } = {}) {
  const q = opts.proef ? '?proef=true' : ''
  return send<T>(opts.base ?? server.base, 'POST', `/archimate/import${q}`, {
    session: sessies[opts.wie ?? 'admin'],
    body: typeof xml === 'string' ? xml : xml.toString('utf8'),
    headers: { 'content-type': opts.type ?? 'application/xml' },
  })
}

const LIJSTEN = ['/organisaties', '/referentiecomponenten', '/applicaties', '/koppelingen'] as const

/** Row counts of what an import writes, and the audit log's length. */
async function stand(base = server.base, token?: string) {
  const n = async (p: string) => {
    const res = await send<Lijst<unknown>>(base, 'GET', `${p}?paginaGrootte=1`, token ? { token } : { session: sessies.admin })
    expect(res.status, p).toBe(200)
    return res.body.paginering.totaalAantal
  }
  const uit: Record<string, number> = {}
  for (const p of [...LIJSTEN, '/auditlog']) uit[p] = await n(p)
  return uit
}

/** Every record of a list, all pages. */
async function alle(p: string, opts: { base?: string; token?: string; wie?: string } = {}): Promise<Rec[]> {
  const out: Rec[] = []
  for (let pagina = 1; ; pagina++) {
    const res = await send<Lijst<Rec>>(opts.base ?? server.base, 'GET', `${p}?paginaGrootte=200&pagina=${pagina}`, {
      ...(opts.token ? { token: opts.token } : { session: sessies[opts.wie ?? 'admin'] }),
    })
    expect(res.status, p).toBe(200)
    out.push(...res.body.resultaten)
    if (pagina >= res.body.paginering.totaalPaginas) return out
  }
}

const params = (res: Reply<Problem>) => res.body.invalidParams ?? []

beforeAll(async () => {
  server = await startDemoServer(['admin', 'beheerder-hilversum', 'lezer-wijdemeren', 'beheerder-heemstede'], sessies)
  ids.hilversum = await idVan('/organisaties', 'naam', 'Hilversum')
  ids.wijdemeren = await idVan('/organisaties', 'naam', 'Wijdemeren')
  ids.belastingLeverancier = await idVan('/organisaties', 'naam', 'Leverancier belastingsoftware (fictief)')
  ids.hilWijd = await idVan('/samenwerkingen', 'naam', 'Gastheerschappen Hilversum – Wijdemeren')
  ids.hilGm = await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Hilversum – Gooise Meren')
  ids.bloHee = await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Bloemendaal – Heemstede')
  ids.zaakBH = await idVan('/applicaties', 'naam', 'Zaaksysteem Bloemendaal-Heemstede')
})
afterAll(async () => {
  // After a 413 for an oversized upload the server keeps the half-read connection open
  // (keep-alive, 72 s); close it here so the file does not wait for that (see the report).
  server?.app.server.closeAllConnections()
  await server?.close()
})

// Fields the exchange does not carry (archimate-export.ts), and what every record has about itself.
const META = ['revisie', 'aangemaaktOp', 'gewijzigdOp', 'aangemaaktDoor', 'gewijzigdDoor', 'toegestaneActies', '_links', 'links']
const NIET_GEDRAGEN: Record<string, string[]> = {
  '/organisaties': ['toelichting', 'archimateId', 'inwoners', 'iban', 'betaaltermijnDagen'],
  '/referentiecomponenten': ['toelichting', 'archimateId'],
  '/applicaties': ['toelichting', 'archimateId', 'samenwerkingId', 'gastheerschapId', 'statusHistorie'],
  // waarschuwingen is derived from samenwerkingId (a koppeling without one is warned about).
  '/koppelingen': ['toelichting', 'archimateId', 'samenwerkingId', 'gastheerschapId', 'statusHistorie', 'waarschuwingen'],
}
const vergelijkbaar = (p: string, r: Rec) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !META.includes(k) && !NIET_GEDRAGEN[p].includes(k)))

describe('export → import into an empty database', () => {
  it('gives the same organisaties, referentiecomponenten, applicaties and koppelingen, with the same ids and values', async () => {
    const exp = await get('admin', '/archimate/export')
    expect(exp.status).toBe(200)
    expect(exp.contentType).toMatch(/^application\/xml/)
    expect(String(exp.headers['content-disposition'])).toMatch(/^attachment; filename="regiekamer-archimate\.xml"$/)
    const leeg = await startServer()
    try {
      const n = (await stand(leeg.base, leeg.adminToken)) as Record<string, number>
      expect([n['/organisaties'], n['/applicaties'], n['/koppelingen'], n['/referentiecomponenten']]).toEqual([0, 0, 0, 0])
      const res = await send<Rapport>(leeg.base, 'POST', '/archimate/import', {
        token: leeg.adminToken,
        body: exp.text,
        headers: { 'content-type': 'application/xml' },
      })
      expect(res.status, res.text.slice(0, 500)).toBe(201)
      expect(res.body.fouten).toEqual([])
      expect(res.body.regels.every((r) => r.actie === 'aanmaken')).toBe(true)
      for (const p of LIJSTEN) {
        const bron = (await alle(p)).map((r) => vergelijkbaar(p, r)).sort((a, b) => String(a.id).localeCompare(String(b.id)))
        const doel = (await alle(p, { base: leeg.base, token: leeg.adminToken }))
          .map((r) => vergelijkbaar(p, r))
          .sort((a, b) => String(a.id).localeCompare(String(b.id)))
        expect(bron.length, p).toBeGreaterThan(0)
        expect(doel, p).toEqual(bron)
      }
    } finally {
      await leeg.close()
    }
  })

  it('exports one samenwerking with its koppelingen and none of another samenwerking’s applicaties', async () => {
    const exp = await get('admin', `/archimate/export?samenwerkingId=${ids.hilWijd}`)
    expect(exp.status).toBe(200)
    expect(String(exp.headers['content-disposition'])).toContain('gastheerschappen-hilversum-wijdemeren-archimate.xml')
    const model = await leesArchimate(exp.text)
    expect(model.naam).toBe('Gastheerschappen Hilversum – Wijdemeren')
    const elementIds = new Set(model.elementen.map((e) => e.id))
    const koppelingIds = new Set(
      model.relaties.flatMap((r) => r.eigenschappen.filter((e) => e.naam === 'Regiekamer-koppeling').map((e) => e.waarde)),
    )
    const eigen = (await alle('/koppelingen')).filter((k) => k.samenwerkingId === ids.hilWijd)
    expect(eigen.length).toBeGreaterThan(0)
    expect([...koppelingIds].sort()).toEqual(eigen.map((k) => `id-${k.id}`).sort())
    // The servicedesk of Hilversum – Gooise Meren is in: a lid (Hilversum) uses it.
    expect(elementIds.has(`id-${await idVan('/applicaties', 'naam', 'ICT-servicedesksysteem')}`)).toBe(true)
    for (const naam of ['Zaaksysteem Bloemendaal-Heemstede', 'Documentmanagementsysteem Bloemendaal-Heemstede'])
      expect(elementIds.has(`id-${await idVan('/applicaties', 'naam', naam)}`), naam).toBe(false)
    expect(elementIds.has(`id-${await idVan('/applicaties', 'naam', 'Key2Belastingen')}`)).toBe(true)
    expect(model.elementen.some((e) => e.naam === 'Zaaksysteem Bloemendaal-Heemstede')).toBe(false)
  })
})

describe('import of a hand-made exchange file', () => {
  let xml: string
  let proef: Rapport
  let echt: Rapport
  const regel = (r: Rapport, soort: string, naam: string) => {
    const gevonden = r.regels.find((x) => x.soort === soort && x.naam === naam)
    if (!gevonden) throw new Error(`${soort} ${naam} not in the report`)
    return gevonden
  }

  beforeAll(async () => {
    xml = await fs.readFile(FIXTURE, 'utf8')
  })

  it('dry run: reports what it would create, merge, skip and assume, and writes nothing', async () => {
    const voor = await stand()
    const res = await importeer(xml, { proef: true })
    expect(res.status, res.text.slice(0, 300)).toBe(200)
    proef = res.body
    expect(proef.proef).toBe(true)
    expect(proef.geimporteerd).toBe(false)
    expect(proef.model).toEqual({ naam: 'Testlandschap issue 15', elementen: 10, relaties: 12 })
    expect(proef.totalen).toMatchObject({
      organisatie: { aanmaken: 2, samenvoegen: 2 },
      referentiecomponent: { aanmaken: 1, samenvoegen: 0 },
      applicatie: { aanmaken: 3, samenvoegen: 0 },
      koppeling: { aanmaken: 4, samenvoegen: 0 },
      overgeslagen: 2,
      fouten: 0,
    })
    expect(proef.totalen.aannames).toBe(proef.aannames.length)
    // Existing gemeenten merged on their CBS code ("0402" reads as GM0402), with their ids.
    expect(regel(proef, 'organisatie', 'Gemeente Hilversum')).toMatchObject({
      actie: 'samenvoegen',
      overeenkomst: 'cbs-code',
      id: ids.hilversum,
      regel: 5,
    })
    expect(regel(proef, 'organisatie', 'Gemeente Wijdemeren')).toMatchObject({
      actie: 'samenvoegen',
      overeenkomst: 'cbs-code',
      id: ids.wijdemeren,
    })
    expect(regel(proef, 'organisatie', 'Regionaal Archief Testgooi')).toMatchObject({ actie: 'aanmaken', regel: 17 })
    // A leverancier named by a property and not registered yet is created, once.
    expect(regel(proef, 'organisatie', 'Testleverancier Alfa B.V.')).toMatchObject({ actie: 'aanmaken', elementIds: ['app-a'] })
    expect(regel(proef, 'referentiecomponent', 'Testreferentiecomponent')).toMatchObject({ actie: 'aanmaken', elementIds: ['rc-test'] })
    expect(proef.regels.filter((r) => r.soort === 'applicatie').map((r) => r.naam)).toEqual([
      'Testzaak Alfa',
      'Testzaak Beta',
      'Testmakelaar Gamma',
    ])
    expect(regel(proef, 'koppeling', 'Zaakgegevens').elementIds).toEqual(['r-via-1', 'r-via-2'])
    expect(proef.regels.filter((r) => r.soort === 'koppeling').map((r) => r.naam)).toEqual([
      'Statusberichten',
      'Zaakgegevens',
      'Persoonsgegevens ophalen',
      'Notificaties',
    ])
    // No record for BRP: a landelijke voorziening is only an end of a koppeling.
    expect(proef.regels.some((r) => r.naam === 'BRP')).toBe(false)
    expect(proef.overgeslagen.map((o) => [o.elementId, o.soort, o.regel])).toEqual([
      ['proc-heffen', 'BusinessProcess', 49],
      ['r-proc', 'Serving', 78],
    ])
    expect(proef.overgeslagen[0].reden).toContain('valt buiten het model van Regiekamer')
    expect(proef.overgeslagen[1].reden).toContain('Heffen en innen')
    const aanname = (elementId: string, veld: string) => proef.aannames.find((a) => a.elementId === elementId && a.veld === veld)
    expect(aanname('act-archief', 'type')).toMatchObject({ waarde: 'overig', regel: 17 })
    expect(aanname('app-a', 'hosting')).toMatchObject({ waarde: 'on-premise' })
    expect(aanname('app-a', 'status')).toMatchObject({ waarde: 'in productie' })
    expect(aanname('r-flow-ab', 'persoonsgegevens')).toMatchObject({ waarde: 'true' })
    expect(aanname('r-flow-ab', 'type')).toMatchObject({ waarde: 'api' })
    // A → X through the interface: both ends used by Hilversum alone, which is in two samenwerkingen.
    expect(aanname('r-if-flow', 'samenwerkingId')?.reden).toContain('meer dan één samenwerking')
    expect(aanname('r-flow-ab', 'samenwerkingId')).toBeUndefined()
    // English on request.
    const en = await send<Rapport>(server.base, 'POST', '/archimate/import?proef=true', {
      session: sessies.admin,
      body: xml,
      headers: { 'content-type': 'application/xml', 'accept-language': 'en' },
    })
    expect(en.body.overgeslagen[0].reden).toContain("lies outside Regiekamer's model")
    expect(await stand()).toEqual(voor)
  })

  it('imports in one go: the objects exist with their fields, each with one audit entry, and the chain verifies', async () => {
    const voor = await stand()
    const res = await importeer(xml)
    expect(res.status, res.text.slice(0, 500)).toBe(201)
    echt = res.body
    expect(echt.geimporteerd).toBe(true)
    expect(echt.proef).toBe(false)
    expect(echt.totalen).toEqual(proef.totalen)
    const na = await stand()
    expect(na['/organisaties']).toBe(voor['/organisaties'] + 2)
    expect(na['/referentiecomponenten']).toBe(voor['/referentiecomponenten'] + 1)
    expect(na['/applicaties']).toBe(voor['/applicaties'] + 3)
    expect(na['/koppelingen']).toBe(voor['/koppelingen'] + 4)

    const id = (soort: string, naam: string) => regel(echt, soort, naam).id
    const lev = await get<Rec>('admin', `/organisaties/${id('organisatie', 'Testleverancier Alfa B.V.')}`)
    expect(lev.body).toMatchObject({ naam: 'Testleverancier Alfa B.V.', type: 'leverancier' })
    const archief = await get<Rec>('admin', `/organisaties/${id('organisatie', 'Regionaal Archief Testgooi')}`)
    expect(archief.body).toMatchObject({ type: 'overig', archimateId: 'act-archief' })
    const rc = await get<Rec>('admin', `/referentiecomponenten/${id('referentiecomponent', 'Testreferentiecomponent')}`)
    expect(rc.body).toMatchObject({ gemmaId: 'gemma-test-0001', omschrijving: 'Een GEMMA-referentiecomponent voor de test.' })
    const a = await get<Rec>('admin', `/applicaties/${id('applicatie', 'Testzaak Alfa')}`)
    expect(a.status).toBe(200)
    expect(a.body).toMatchObject({
      leverancierId: lev.body.id,
      versie: '3.1.4',
      omschrijving: 'Zaakafhandeling voor de test.',
      referentiecomponentIds: [rc.body.id],
      eigenschappen: [{ naam: 'Interne code', waarde: 'XZ-9' }],
      hosting: 'on-premise',
      status: 'in productie',
      archimateId: 'app-a',
    })
    expect([...(a.body.inGebruikBij as string[])].sort()).toEqual([ids.hilversum, archief.body.id].sort())
    const b = await get<Rec>('admin', `/applicaties/${id('applicatie', 'Testzaak Beta')}`)
    expect(b.body).toMatchObject({ leverancierId: ids.belastingLeverancier, inGebruikBij: [ids.wijdemeren] })
    const x = await get<Rec>('admin', `/applicaties/${id('applicatie', 'Testmakelaar Gamma')}`)

    const kop = async (naam: string) => (await get<Rec>('admin', `/koppelingen/${id('koppeling', naam)}`)).body
    // Between an applicatie of Hilversum and one of Wijdemeren: only their samenwerking fits.
    expect(await kop('Statusberichten')).toMatchObject({
      bronApplicatieId: a.body.id,
      doelApplicatieId: b.body.id,
      samenwerkingId: ids.hilWijd,
      type: 'api',
      persoonsgegevens: true,
    })
    const via = await kop('Zaakgegevens')
    expect(via).toMatchObject({ bronApplicatieId: a.body.id, doelApplicatieId: b.body.id, viaApplicatieId: x.body.id })
    const brp = await kop('Persoonsgegevens ophalen')
    expect(brp).toMatchObject({ bronVoorziening: 'BRP', doelApplicatieId: b.body.id })
    expect(brp.bronApplicatieId).toBeUndefined()
    const notif = await kop('Notificaties')
    expect(notif).toMatchObject({ bronApplicatieId: a.body.id, doelApplicatieId: x.body.id })
    expect(notif.samenwerkingId).toBeUndefined()
    expect(notif.eigenschappen).toContainEqual({ naam: 'interface', waarde: 'Zaken-API' })

    // One audit entry "importeren" per created object, and one per merged record that gained
    // something: the two gemeenten keep the file's identifier (and nothing of theirs changes).
    const gemaakt = echt.regels.filter((r) => r.actie === 'aanmaken')
    for (const soort of ['organisatie', 'referentiecomponent', 'applicatie', 'koppeling']) {
      const log = await get<Lijst<{ objectId: string; actie: string }>>(
        'admin',
        `/auditlog?objecttype=${soort}&actie=importeren&paginaGrootte=200`,
      )
      expect(log.status).toBe(200)
      const verwacht = gemaakt.filter((r) => r.soort === soort).map((r) => r.id)
      const per = log.body.resultaten.map((r) => r.objectId).filter((o) => verwacht.includes(o))
      expect(per.sort(), soort).toEqual([...verwacht].sort())
    }
    const aangevuld = echt.regels.filter((r) => r.actie === 'samenvoegen' && r.wijzigt)
    expect(aangevuld.map((r) => r.naam)).toEqual(['Gemeente Hilversum', 'Gemeente Wijdemeren'])
    expect(na['/auditlog'] - voor['/auditlog']).toBe(gemaakt.length + aangevuld.length)
    const hil = await get<Rec>('admin', `/organisaties/${ids.hilversum}`)
    expect(hil.body).toMatchObject({ naam: 'Hilversum', cbsCode: 'GM0402', archimateId: 'act-hil' })
    const hilLog = await get<Lijst<{ actie: string }>>('admin', `/auditlog?objectId=${ids.hilversum}&actie=importeren`)
    expect(hilLog.body.resultaten.length).toBe(1)
    const { result, untracked } = await checkAuditLog(server.database.handle.db)
    expect(result.problems).toEqual([])
    expect(untracked).toEqual([])
    expect(result.checked).toBe(na['/auditlog'])
  })

  it('re-importing the same file merges everything on identificatie and changes nothing', async () => {
    const voor = await stand()
    const revisies = new Map<string, number>()
    for (const p of LIJSTEN) for (const r of await alle(p)) revisies.set(r.id, r.revisie)
    const res = await importeer(xml)
    expect(res.status, res.text.slice(0, 300)).toBe(201)
    // Every element again, now found by the identifier the first import kept (a leverancier
    // named only by a property is found by name and needs no line of its own).
    const verwacht = echt.regels.filter((r) => !(r.soort === 'organisatie' && r.elementIds[0] === 'app-a'))
    expect(res.body.regels.map((r) => [r.soort, r.naam, r.id, r.actie, r.overeenkomst, r.wijzigt])).toEqual(
      verwacht.map((r) => [r.soort, r.naam, r.id, 'samenvoegen', 'identificatie', false]),
    )
    expect(res.body.totalen).toMatchObject({ aannames: 0, fouten: 0, overgeslagen: 2 })
    expect(await stand()).toEqual(voor)
    for (const p of LIJSTEN) for (const r of await alle(p)) expect(r.revisie, `${p} ${r.naam}`).toBe(revisies.get(r.id))
  })
})

/** A small model around what a test puts in its elements and relationships. */
const model = (elementen: string, relaties = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<model ${NS} identifier="m">\n<name>Fout</name>\n<elements>\n${elementen}\n</elements>\n<relationships>\n${relaties}\n</relationships>\n</model>\n`

describe('bad and hostile files: a 400 naming the line, nothing written', () => {
  const gevallen: [string, string, string, number][] = [
    ['malformed XML', model('<element identifier="a" xsi:type="ApplicationComponent"><name>A</naam></element>'), 'ongeldig-xml', 5],
    ['wrong namespace', '<?xml version="1.0"?>\n<model xmlns="http://example.org/ander"><name>x</name></model>', 'onbekende-namespace', 1],
    [
      'ArchiMate 2.x',
      '<model xmlns="http://www.opengroup.org/xsd/archimate/2.1/" identifier="m"><name>x</name></model>',
      'andere-versie',
      1,
    ],
    [
      'billion laughs',
      `<?xml version="1.0"?>\n<!DOCTYPE model [\n <!ENTITY a "aaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">\n]>\n<model ${NS} identifier="m"><name>&d;&d;&d;</name></model>`,
      'dtd-niet-toegestaan',
      2,
    ],
    [
      'external entity',
      `<?xml version="1.0"?>\n<!DOCTYPE model [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<model ${NS} identifier="m"><name>&x;</name></model>`,
      'dtd-niet-toegestaan',
      2,
    ],
    [
      'duplicate identifiers',
      model(
        '<element identifier="a" xsi:type="ApplicationComponent"><name>A</name></element>\n<element identifier="a" xsi:type="ApplicationComponent"><name>B</name></element>',
      ),
      'dubbele-identificatie',
      6,
    ],
    [
      'relationship to a missing element',
      model(
        '<element identifier="a" xsi:type="ApplicationComponent"><name>A</name></element>',
        '<relationship identifier="r" source="a" target="weg" xsi:type="Flow"/>',
      ),
      'onbekende-verwijzing',
      8,
    ],
  ]

  for (const [wat, xml, code, regelNr] of gevallen)
    it(`${wat} → 400 ${code} at line ${regelNr}`, async () => {
      const voor = await stand()
      for (const proef of [true, false]) {
        const res = await importeer<Problem>(xml, { proef })
        expect(isProblem(res, 400), res.text.slice(0, 300)).toBe(true)
        expect(params(res).map((p) => [p.name, p.code])).toContainEqual([`regel ${regelNr}`, code])
        expect(res.text).not.toMatch(/root:|\/bin\/(ba)?sh|daemon:/)
      }
      expect(await stand()).toEqual(voor)
    })

  it('a JSON body → 400 geen-bestand; text/plain → 415; nothing written', async () => {
    const voor = await stand()
    const json = await send<Problem>(server.base, 'POST', '/archimate/import?proef=true', { session: sessies.admin, body: { model: 'x' } })
    expect(isProblem(json, 400)).toBe(true)
    expect(params(json).map((p) => p.code)).toEqual(['geen-bestand'])
    const tekst = await importeer<Problem>(model(''), { type: 'text/plain' })
    expect(isProblem(tekst, 415), tekst.text).toBe(true)
    expect(await stand()).toEqual(voor)
  })

  it('only an admin: lezer and beheerder 403 before the file is read, anonymous 401', async () => {
    const voor = await stand()
    const kapot = '<model><nooit gelezen'
    for (const wie of ['lezer-wijdemeren', 'beheerder-hilversum']) {
      const res = await importeer<Problem>(kapot, { wie })
      expect(isProblem(res, 403), `${wie} ${res.text}`).toBe(true)
      expect(res.text).not.toContain('regel')
    }
    const anoniem = await send(server.base, 'POST', '/archimate/import', { body: kapot, headers: { 'content-type': 'application/xml' } })
    expect(isProblem(anoniem, 401)).toBe(true)
    expect(await stand()).toEqual(voor)
  })

  it('a file over 50 MB with a Content-Length → 413', async () => {
    const voor = await stand()
    const url = new URL(server.base)
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: `${url.pathname}/archimate/import`,
        headers: {
          'content-type': 'application/xml',
          'content-length': String(51 * MB),
          cookie: sessies.admin.cookie,
          'x-csrf-token': sessies.admin.csrfToken,
        },
      })
      let klaar = false
      req.on('response', (res) => {
        klaar = true
        res.resume()
        resolve(res.statusCode ?? 0)
        req.destroy()
      })
      req.on('error', (e) => (klaar ? undefined : reject(e)))
      const stuk = Buffer.alloc(MB, 0x20)
      stuk.write(`<model ${NS}>`)
      let n = 0
      const schrijf = () => {
        while (!klaar && n < 51) {
          n++
          if (!req.write(n === 1 ? stuk : Buffer.alloc(MB, 0x20))) return void req.once('drain', schrijf)
        }
        if (!klaar) req.end()
      }
      schrijf()
    })
    expect(status).toBe(413)
    expect(await stand()).toEqual(voor)
  })

  it('a file over 50 MB sent chunked without Content-Length → 413; the server holds no copy of it and answers', async () => {
    const voor = await stand()
    // The server runs in this process (test/helpers/server.ts), so its RSS is also the
    // sender's and V8 keeps pages it freed: RSS says little here. What the server holds on to
    // is measured instead — heap and buffers right after a collection, every 4 MB sent.
    v8.setFlagsFromString('--expose-gc')
    const gc = vm.runInNewContext('gc') as () => void
    const vast = () => {
      gc()
      const m = process.memoryUsage()
      return m.heapUsed + m.arrayBuffers
    }
    const voorGeheugen = vast()
    let piek = voorGeheugen
    // Tags the reader skips (an <organizations> tree): reading them builds nothing, so any
    // growth would be the body itself kept somewhere.
    const tag = '<item><label>x</label></item>\n'
    const stuk = new TextEncoder().encode(tag.repeat(Math.floor((256 * 1024) / tag.length)))
    let verstuurd = 0
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(`<?xml version="1.0"?>\n<model ${NS} identifier="m"><name>Groot</name><organizations>\n`))
      },
      pull(c) {
        if (verstuurd % (4 * MB) < stuk.length) piek = Math.max(piek, vast())
        if (verstuurd > 60 * MB) return c.close()
        verstuurd += stuk.length
        c.enqueue(stuk)
      },
    })
    let status = 0
    const stop = new AbortController()
    try {
      const res = await fetch(`${server.base}/archimate/import?proef=true`, {
        method: 'POST',
        signal: stop.signal,
        headers: { 'content-type': 'application/xml', cookie: sessies.admin.cookie, 'x-csrf-token': sessies.admin.csrfToken },
        body,
        duplex: 'half',
      } as RequestInit)
      status = res.status
      const problem = (await res.json()) as Problem
      expect(problem.detail).toContain('50 MB')
      // The server stopped reading; end the upload rather than leave it hanging.
      stop.abort()
    } catch (e) {
      // The server may close the connection after its answer while the body is still going.
      throw new Error(`no answer to the oversized upload: ${(e as Error).message}`)
    }
    expect(status).toBe(413)
    expect(verstuurd).toBeGreaterThan(50 * MB)
    expect(piek - voorGeheugen).toBeLessThan(20 * MB)
    expect((await get('admin', '/organisaties?paginaGrootte=1')).status).toBe(200)
    expect(await stand()).toEqual(voor)
  })
})

describe('objects that break a rule', () => {
  // A gemeente without a CBS code, and one with a code no gemeente has.
  const actor = (id: string, naam: string, eigenschappen: string) =>
    `<element identifier="${id}" xsi:type="BusinessActor"><name>${naam}</name><properties>${eigenschappen}</properties></element>`
  const prop = (ref: string, waarde: string) => `<property propertyDefinitionRef="${ref}"><value>${waarde}</value></property>`
  const xml = model(
    [
      '<element identifier="ok" xsi:type="ApplicationComponent"><name>Goede applicatie</name></element>',
      actor('gem', 'Gemeente Zonder Code', prop('pd-type', 'gemeente')),
      actor('onbekend', 'Gemeente Nergenshuizen', prop('pd-cbs', 'GM9998')),
    ].join('\n'),
  ).replace(
    '</model>',
    '<propertyDefinitions><propertyDefinition identifier="pd-type" type="string"><name>Type</name></propertyDefinition><propertyDefinition identifier="pd-cbs" type="string"><name>CBS-code</name></propertyDefinition></propertyDefinitions>\n</model>',
  )

  it('dry run lists the problems with their lines; the real import is a 400 with them and writes nothing', async () => {
    const voor = await stand()
    const proef = await importeer(xml, { proef: true })
    expect(proef.status).toBe(200)
    expect(proef.body.totalen.fouten).toBe(proef.body.fouten.length)
    expect(proef.body.fouten.map((f) => [f.elementId, f.regel, f.veld])).toEqual([
      ['gem', 6, 'cbsCode'],
      ['onbekend', 7, 'cbsCode'],
    ])
    expect(proef.body.fouten[0].reden).toContain('Gemeente Zonder Code')
    const echt = await importeer<Problem>(xml)
    expect(isProblem(echt, 400), echt.text.slice(0, 300)).toBe(true)
    expect(params(echt).map((p) => p.name)).toEqual(['regel 6: cbsCode', 'regel 7: cbsCode'])
    expect(echt.body.detail).toContain('Niets geïmporteerd')
    expect(await stand()).toEqual(voor)
    // The good applicatie in the same file was not written either.
    expect((await alle('/applicaties')).some((a) => a.naam === 'Goede applicatie')).toBe(false)
  })
})

describe('visibility: what a caller may not see does not exist', () => {
  const uuids = (xml: string, type: string) =>
    leesArchimate(xml).then((m) =>
      m.elementen
        .filter((e) => e.type === type && e.id.startsWith('id-'))
        .map((e) => e.id.slice(3))
        .sort(),
    )

  for (const wie of ['lezer-wijdemeren', 'beheerder-hilversum'])
    it(`${wie} exports only what GET /applicaties and /koppelingen show it`, async () => {
      const exp = await get(wie, '/archimate/export')
      expect(exp.status).toBe(200)
      expect(exp.text).not.toContain(ids.zaakBH)
      expect(exp.text).not.toContain('Zaaksysteem Bloemendaal-Heemstede')
      expect(exp.text).not.toContain(ids.bloHee)
      expect(await uuids(exp.text, 'ApplicationComponent')).toEqual(
        [...(await alleIds(wie, '/applicaties')), ...(await alleIds(wie, '/referentiecomponenten'))].sort(),
      )
      const m = await leesArchimate(exp.text)
      const koppelingen = new Set(
        m.relaties.flatMap((r) => r.eigenschappen.filter((e) => e.naam === 'Regiekamer-koppeling').map((e) => e.waarde.slice(3))),
      )
      // A koppeling whose bron or doel applicatie the caller may not see is left out (archimate-export.ts).
      const apps = new Set(await alleIds(wie, '/applicaties'))
      const zichtbaar = await alle('/koppelingen', { wie })
      const heel = zichtbaar.filter((k) => [k.bronApplicatieId, k.doelApplicatieId].every((a) => a === undefined || apps.has(String(a))))
      expect([...koppelingen].sort()).toEqual(heel.map((k) => k.id).sort())
      // The import above made such koppelingen: Hilversum's "Testzaak Alfa" → Wijdemeren's "Testzaak Beta".
      expect(heel.length).toBeLessThan(zichtbaar.length)
      for (const k of zichtbaar.filter((k) => !heel.includes(k))) expect(exp.text).not.toContain(k.id)
    })

  it('an invisible samenwerking answers exactly as an unknown id (404)', async () => {
    const onbekend = '00000000-0000-4000-8000-00000000abcd'
    const a = await get<Problem>('lezer-wijdemeren', `/archimate/export?samenwerkingId=${ids.bloHee}`)
    const b = await get<Problem>('lezer-wijdemeren', `/archimate/export?samenwerkingId=${onbekend}`)
    expect(isProblem(a, 404)).toBe(true)
    expect(isProblem(b, 404)).toBe(true)
    const zonder = (r: Reply<Problem>, id: string) => JSON.parse(JSON.stringify({ ...r.body, instance: undefined }).replaceAll(id, '<id>'))
    expect(zonder(a, ids.bloHee)).toEqual(zonder(b, onbekend))
    // The admin sees it.
    expect((await get('admin', `/archimate/export?samenwerkingId=${ids.bloHee}`)).status).toBe(200)
  })
})
