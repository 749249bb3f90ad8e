import { createHash, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vasteKlok } from '../../src/domain/klok.js'
import { gemeenten } from '../../src/io/gemeenten.js'
import { buildApplicatie, buildOrganisatie, create } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'
import { createApiToken, createGebruiker, login, nextClientIp, type Reply, send } from '../helpers/toegang.js'

// Trust resources over HTTP (issue 12): bewijsstukken with their upload, contracten and
// toegangen, per role; every bad input of the issue (400 at the field, nothing stored);
// what a caller may not see answering like what does not exist; the herbeoordeling.

type Obj = { id: string; revisie: number } & Record<string, unknown>
type Problem = {
  invalidParams?: { name: string; code: string; reason: string }[]
  afhankelijken?: Obj[]
  nietZichtbareAfhankelijken?: number
  detail?: string
}

let server: TestServer
let base: string
const org: Record<'a' | 'b' | 'lev', string> = { a: '', b: '', lev: '' }
const tok: Record<'beheerderA' | 'lezerA' | 'auditorA' | 'beheerderB' | 'beheerderLev', string> = {
  beheerderA: '',
  lezerA: '',
  auditorA: '',
  beheerderB: '',
  beheerderLev: '',
}
let appA: string
let appB: string
let appAB: string
/** "Today" on the server's clock. */
const VANDAAG = '2026-12-07'

const cbs = [...gemeenten().keys()]
async function tokenVoor(rol: string, organisatieId: string): Promise<string> {
  const ip = nextClientIp()
  const g = await createGebruiker(base, server.adminToken, [{ rol, organisatieId }], { prefix: rol })
  return (await createApiToken(base, await login(base, g.gebruikersnaam, g.wachtwoord, ip), ['lezen', 'schrijven'], { ip })).token
}

beforeAll(async () => {
  server = await startServer({ klok: vasteKlok(`${VANDAAG}T10:00:00Z`) })
  base = server.base
  org.a = (await create(base, 'organisaties', buildOrganisatie({ type: 'gemeente', naam: 'Gemeente A', cbsCode: cbs[10] }))).id
  org.b = (await create(base, 'organisaties', buildOrganisatie({ type: 'gemeente', naam: 'Gemeente B', cbsCode: cbs[11] }))).id
  org.lev = (await create(base, 'organisaties', buildOrganisatie({ naam: 'Leverancier L' }))).id
  appA = (await create(base, 'applicaties', buildApplicatie({ inGebruikBij: [org.a] }))).id
  appB = (await create(base, 'applicaties', buildApplicatie({ inGebruikBij: [org.b] }))).id
  appAB = (await create(base, 'applicaties', buildApplicatie({ inGebruikBij: [org.a, org.b] }))).id
  tok.beheerderA = await tokenVoor('beheerder', org.a)
  tok.lezerA = await tokenVoor('lezer', org.a)
  tok.auditorA = await tokenVoor('auditor', org.a)
  tok.beheerderB = await tokenVoor('beheerder', org.b)
  tok.beheerderLev = await tokenVoor('beheerder', org.lev)
})
afterAll(async () => server?.close())

const als = <T = Obj>(token: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  send<T>(base, method, path, { token, body, headers })
const admin = <T = Obj>(method: string, path: string, body?: unknown) => als<T>(server.adminToken, method, path, body)

const contract = (o: Record<string, unknown> = {}) => ({
  leverancierId: org.lev,
  afnemerId: org.a,
  omschrijving: `Contract ${randomUUID().slice(0, 6)}`,
  startdatum: '2024-01-01',
  opzegtermijnMaanden: 3,
  auditrecht: true,
  exitstrategie: false,
  applicatieIds: [],
  koppelingIds: [],
  ...o,
})
const toegang = (o: Record<string, unknown> = {}) => ({
  partijId: org.lev,
  object: { soort: 'applicatie', id: appA },
  doel: `Beheer ${randomUUID().slice(0, 6)}`,
  verleendDoorId: org.a,
  geldigVanaf: '2024-01-01',
  ...o,
})
const bewijs = (o: Record<string, unknown> = {}) => ({
  organisatieId: org.lev,
  soort: 'iso27001',
  uitgever: 'Certificeerder',
  geldigVanaf: '2025-01-01',
  geldigTot: '2027-12-31',
  scope: `Scope ${randomUUID().slice(0, 6)}`,
  ...o,
})

const velden = (r: Reply<Problem>) => (r.body.invalidParams ?? []).map((p) => `${p.name}:${p.code}`).sort()
const aantal = async (pad: string) => (await admin<{ paginering: { totaal: number } }>('GET', `/${pad}?paginaGrootte=1`)).body
/** Everything a caller learns from an answer, the id tried blanked out. */
const gezien = (r: Reply, id: string) => JSON.stringify([r.status, r.contentType, r.text.replaceAll(id, '<id>')])

/** A raw upload, as a browser or curl sends a file. */
async function upload(token: string, id: string, bytes: Buffer, type: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/bewijsstukken/${id}/bijlage`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': type, ...headers },
    body: new Uint8Array(bytes),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Obj & Problem }
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

describe('CRUD per role', () => {
  it('a contract is kept by the beheerder of the organisation that holds it; lezer and auditor read; another organisation sees nothing', async () => {
    const made = await als(tok.beheerderA, 'POST', '/contracten', contract())
    expect(made.status, made.text).toBe(201)
    expect(made.body.toegestaneActies).toEqual(['wijzigen', 'verwijderen'])
    for (const t of [tok.lezerA, tok.auditorA]) {
      expect((await als(t, 'POST', '/contracten', contract())).status).toBe(403)
      const read = await als(t, 'GET', `/contracten/${made.body.id}`)
      expect(read.status).toBe(200)
      expect(read.body.toegestaneActies).toEqual([])
      expect((await als(t, 'PATCH', `/contracten/${made.body.id}`, { exitstrategie: true })).status).toBe(403)
    }
    // Another organisation's beheerder: the contract does not exist for it, and it may not make one for A.
    expect((await als(tok.beheerderB, 'GET', `/contracten/${made.body.id}`)).status).toBe(404)
    expect((await als(tok.beheerderB, 'PATCH', `/contracten/${made.body.id}`, { exitstrategie: true })).status).toBe(404)
    expect((await als(tok.beheerderB, 'POST', '/contracten', contract())).status).toBe(403)
    // The supplier sees its own contract but does not keep it.
    expect((await als(tok.beheerderLev, 'GET', `/contracten/${made.body.id}`)).status).toBe(200)
    expect((await als(tok.beheerderLev, 'DELETE', `/contracten/${made.body.id}`)).status).toBe(403)
    const patched = await als(
      tok.beheerderA,
      'PATCH',
      `/contracten/${made.body.id}`,
      { exitstrategie: true, exitstrategieVindplaats: 'Bijlage 3' },
      {
        'if-match': `"${made.body.revisie}"`,
      },
    )
    expect(patched.status, patched.text).toBe(200)
    expect(patched.body.revisie).toBe(made.body.revisie + 1)
    expect((await als(tok.beheerderA, 'DELETE', `/contracten/${made.body.id}`, undefined, { 'if-match': '"1"' })).status).toBe(412)
    expect((await als(tok.beheerderA, 'DELETE', `/contracten/${made.body.id}`)).status).toBe(204)
    expect((await admin('POST', '/contracten', contract({ afnemerId: org.b }))).status).toBe(201)
  })

  it('a toegang is kept by the beheerder of the granting organisation; the party reads it', async () => {
    const made = await als(tok.beheerderA, 'POST', '/toegangen', toegang())
    expect(made.status, made.text).toBe(201)
    expect(made.body.object).toEqual({ soort: 'applicatie', id: appA })
    expect((await als(tok.lezerA, 'POST', '/toegangen', toegang())).status).toBe(403)
    expect((await als(tok.beheerderB, 'POST', '/toegangen', toegang({ object: { soort: 'applicatie', id: appAB } }))).status).toBe(403)
    expect((await als(tok.beheerderLev, 'GET', `/toegangen/${made.body.id}`)).body.toegestaneActies).toEqual([])
    expect((await als(tok.beheerderB, 'GET', `/toegangen/${made.body.id}`)).status).toBe(404)
    const zone = await als(
      tok.beheerderA,
      'POST',
      '/toegangen',
      toegang({ object: { soort: 'netwerkzone', naam: 'Kantoornetwerk A', eigenaarId: org.a } }),
    )
    expect(zone.status, zone.text).toBe(201)
    expect(zone.body.object).toEqual({ soort: 'netwerkzone', naam: 'Kantoornetwerk A', eigenaarId: org.a })
    const put = await als(tok.beheerderA, 'PUT', `/toegangen/${zone.body.id}`, toegang({ object: { soort: 'applicatie', id: appA } }))
    expect(put.status, put.text).toBe(200)
    expect(put.body.object).toEqual({ soort: 'applicatie', id: appA })
    const lijst = await als<{ resultaten: Obj[] }>(tok.beheerderLev, 'GET', `/toegangen?partijId=${org.lev}&paginaGrootte=200`)
    expect(lijst.body.resultaten.map((t) => t.id)).toEqual(expect.arrayContaining([made.body.id, zone.body.id]))
  })

  it('a bewijsstuk is kept by the party and by the organisations that registered it; who has a contract with the party reads it', async () => {
    const door = await als(tok.beheerderB, 'POST', '/bewijsstukken', bewijs())
    expect(door.status, door.text).toBe(201)
    // A holds a contract with the supplier: it reads the evidence, but did not register it.
    expect((await als(tok.beheerderA, 'POST', '/contracten', contract())).status).toBe(201)
    const read = await als(tok.beheerderA, 'GET', `/bewijsstukken/${door.body.id}`)
    expect(read.status).toBe(200)
    expect(read.body.toegestaneActies).toEqual([])
    expect((await als(tok.beheerderA, 'PATCH', `/bewijsstukken/${door.body.id}`, { toelichting: 'x' })).status).toBe(403)
    expect((await als(tok.beheerderB, 'PATCH', `/bewijsstukken/${door.body.id}`, { toelichting: 'van B' })).status).toBe(200)
    expect((await als(tok.beheerderLev, 'PATCH', `/bewijsstukken/${door.body.id}`, { toelichting: 'van de partij' })).status).toBe(200)
    expect((await als(tok.lezerA, 'POST', '/bewijsstukken', bewijs())).status).toBe(403)
    expect((await als(tok.auditorA, 'POST', '/bewijsstukken', bewijs())).status).toBe(403)
    // Evidence about a party nobody of A deals with stays B's and the party's.
    const ander = (await create(base, 'organisaties', buildOrganisatie())).id
    const verborgen = await als(tok.beheerderB, 'POST', '/bewijsstukken', bewijs({ organisatieId: ander }))
    expect((await als(tok.beheerderA, 'GET', `/bewijsstukken/${verborgen.body.id}`)).status).toBe(404)
  })
})

describe('bad input: 400 with every problem at its field, nothing stored', () => {
  it('inverted validity and a verwerkersovereenkomst without counterpart, together', async () => {
    const voor = await aantal('bewijsstukken')
    const r = await als<Problem>(
      tok.beheerderA,
      'POST',
      '/bewijsstukken',
      bewijs({ soort: 'verwerkersovereenkomst', geldigVanaf: '2026-05-01', geldigTot: '2026-04-30' }),
    )
    expect(r.status).toBe(400)
    expect(velden(r)).toEqual(['geldigTot:geldig-tot-voor-geldig-vanaf', 'getekendMetId:verplicht'])
    expect(await aantal('bewijsstukken')).toEqual(voor)
  })

  it('evidence for an unknown party', async () => {
    const r = await als<Problem>(tok.beheerderA, 'POST', '/bewijsstukken', bewijs({ organisatieId: randomUUID() }))
    expect(r.status).toBe(400)
    expect(velden(r)).toEqual(['organisatieId:bestaat-niet'])
  })

  it('overlapping validity with evidence of the same kind, party and scope names the other', async () => {
    const eerste = await als(tok.beheerderA, 'POST', '/bewijsstukken', bewijs({ scope: 'Hosting' }))
    expect(eerste.status).toBe(201)
    const voor = await aantal('bewijsstukken')
    const r = await als<Problem>(
      tok.beheerderA,
      'POST',
      '/bewijsstukken',
      bewijs({ scope: 'hosting', geldigVanaf: '2027-12-31', geldigTot: '2030-12-30' }),
    )
    expect(r.status).toBe(400)
    expect(velden(r)).toEqual(['geldigVanaf:overlappende-geldigheid'])
    // The other by its issuer and dates in words, and how a renewal is entered.
    expect(r.body.invalidParams?.[0].reason).toContain(`van ${eerste.body.uitgever} voor dezelfde partij en scope`)
    expect(r.body.invalidParams?.[0].reason).toContain('geef dat bewijsstuk dan de einddatum 30 december 2027')
    expect(await aantal('bewijsstukken')).toEqual(voor)
    // The day after is a renewal, not an overlap; and replacing one does not overlap with itself.
    expect(
      (
        await als(
          tok.beheerderA,
          'POST',
          '/bewijsstukken',
          bewijs({ scope: 'Hosting', geldigVanaf: '2028-01-01', geldigTot: '2030-12-31' }),
        )
      ).status,
    ).toBe(201)
    expect((await als(tok.beheerderA, 'PATCH', `/bewijsstukken/${eerste.body.id}`, { uitgever: 'Ander' })).status).toBe(200)
  })

  it('a contract ending before it starts, with a negative notice period', async () => {
    const voor = await aantal('contracten')
    const r = await als<Problem>(
      tok.beheerderA,
      'POST',
      '/contracten',
      contract({ startdatum: '2025-01-01', einddatum: '2024-12-31', opzegtermijnMaanden: -1 }),
    )
    expect(r.status).toBe(400)
    expect(velden(r).map((v) => v.split(':')[0])).toEqual(['einddatum', 'opzegtermijnMaanden'])
    expect(await aantal('contracten')).toEqual(voor)
  })

  it('a grant to an applicatie the caller cannot see answers exactly like one to an applicatie that does not exist', async () => {
    const voor = await aantal('toegangen')
    const onzichtbaar = await als<Problem>(tok.beheerderA, 'POST', '/toegangen', toegang({ object: { soort: 'applicatie', id: appB } }))
    const onbekend = randomUUID()
    const bestaatNiet = await als<Problem>(tok.beheerderA, 'POST', '/toegangen', toegang({ object: { soort: 'applicatie', id: onbekend } }))
    expect(onzichtbaar.status).toBe(400)
    expect(velden(onzichtbaar)).toEqual(['object.id:bestaat-niet'])
    expect(onzichtbaar.text.replaceAll(appB, '<id>')).toBe(bestaatNiet.text.replaceAll(onbekend, '<id>'))
    // The koppeling kind too, and a grant of an organisation to itself.
    const k = await als<Problem>(
      tok.beheerderA,
      'POST',
      '/toegangen',
      toegang({ object: { soort: 'koppeling', id: randomUUID() }, partijId: org.a }),
    )
    expect(velden(k)).toEqual(['object.id:bestaat-niet', 'partijId:gelijk-aan-verlener'])
    expect(await aantal('toegangen')).toEqual(voor)
  })

  it('an object of a kind that does not fit its fields', async () => {
    const r = await als<Problem>(tok.beheerderA, 'POST', '/toegangen', toegang({ object: { soort: 'netwerkzone', id: appA } }))
    expect(r.status).toBe(400)
    expect(r.body.invalidParams?.some((p) => p.name.startsWith('object'))).toBe(true)
  })
})

describe('the upload of a bewijsstuk', () => {
  it('round trip: stored with its SHA-256, served as an attachment with nosniff to who may see it, audited', async () => {
    const b = await als(tok.beheerderA, 'POST', '/bewijsstukken', bewijs())
    const put = await upload(tok.beheerderA, b.body.id, PDF, 'application/pdf', {
      'content-disposition': 'attachment; filename="../certificaat ISO.pdf"',
      'if-match': `"${b.body.revisie}"`,
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const sha256 = createHash('sha256').update(PDF).digest('hex')
    expect(put.body.bijlage).toEqual({ bestandsnaam: 'certificaat ISO.pdf', mediatype: 'application/pdf', grootte: PDF.length, sha256 })
    expect(put.body.revisie).toBe(b.body.revisie + 1)
    // A list shows the metadata, never the bytes.
    const lijst = await als<{ resultaten: Obj[] }>(tok.beheerderA, 'GET', `/bewijsstukken?organisatieId=${org.lev}&paginaGrootte=200`)
    expect(lijst.body.resultaten.find((x) => x.id === b.body.id)?.bijlage).toEqual(put.body.bijlage)

    const get = await fetch(`${base}/bewijsstukken/${b.body.id}/bijlage`, { headers: { authorization: `Bearer ${tok.beheerderLev}` } })
    expect(get.status).toBe(200)
    expect(Buffer.from(await get.arrayBuffer()).equals(PDF)).toBe(true)
    expect(get.headers.get('content-type')).toBe('application/pdf')
    expect(get.headers.get('content-disposition')).toMatch(/^attachment; filename="certificaat ISO\.pdf"/)
    expect(get.headers.get('x-content-type-options')).toBe('nosniff')
    expect(get.headers.get('x-checksum-sha256')).toBe(sha256)

    const audit = await admin<{ resultaten: { actie: string }[] }>('GET', `/auditlog?objectId=${b.body.id}`)
    expect(audit.body.resultaten.map((e) => e.actie)).toEqual(['bijlage-toevoegen', 'aanmaken'])

    const weg = await als(tok.beheerderA, 'DELETE', `/bewijsstukken/${b.body.id}/bijlage`)
    expect(weg.status).toBe(200)
    expect(weg.body.bijlage).toBeUndefined()
    expect((await als(tok.beheerderA, 'GET', `/bewijsstukken/${b.body.id}/bijlage`)).status).toBe(404)
    expect((await admin<{ resultaten: { actie: string }[] }>('GET', `/auditlog?objectId=${b.body.id}`)).body.resultaten[0].actie).toBe(
      'bijlage-verwijderen',
    )
  })

  it('refuses a file that says PDF but is not, an empty file and one over 10 MB; stores nothing', async () => {
    const b = await als(tok.beheerderA, 'POST', '/bewijsstukken', bewijs())
    const nep = await upload(tok.beheerderA, b.body.id, PNG, 'application/pdf')
    expect(nep.status).toBe(400)
    expect(nep.body.invalidParams?.map((p) => `${p.name}:${p.code}`)).toEqual(['bijlage:inhoud-past-niet'])
    const tekst = await upload(tok.beheerderA, b.body.id, Buffer.from('dit is geen pdf'), 'application/pdf')
    expect(tekst.body.invalidParams?.[0].name).toBe('bijlage')
    const leeg = await upload(tok.beheerderA, b.body.id, Buffer.alloc(0), 'application/pdf')
    expect(leeg.status).toBe(400)
    expect(leeg.body.invalidParams?.map((p) => `${p.name}:${p.code}`)).toEqual(['bijlage:leeg'])
    const groot = await upload(tok.beheerderA, b.body.id, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'application/pdf')
    expect(groot.status).toBe(413)
    expect(groot.body.detail).toContain('10 MB')
    const html = await upload(tok.beheerderA, b.body.id, Buffer.from('<html></html>'), 'text/html')
    expect(html.status).toBe(415)
    const nu = await als(tok.beheerderA, 'GET', `/bewijsstukken/${b.body.id}`)
    expect(nu.body.revisie).toBe(b.body.revisie)
    expect(nu.body.bijlage).toBeUndefined()
  })

  it('a PNG and a JPEG are recognised by their bytes', async () => {
    const b = await als(tok.beheerderA, 'POST', '/bewijsstukken', bewijs())
    expect((await upload(tok.beheerderA, b.body.id, PNG, 'image/png')).body.bijlage).toMatchObject({
      mediatype: 'image/png',
      bestandsnaam: 'bijlage.png',
    })
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])
    expect((await upload(tok.beheerderA, b.body.id, jpeg, 'image/jpeg')).body.bijlage).toMatchObject({
      mediatype: 'image/jpeg',
      grootte: 6,
    })
  })

  it('only who keeps the bewijsstuk uploads; stale If-Match is 412; invisible is 404 like unknown', async () => {
    const b = await als(tok.beheerderA, 'POST', '/bewijsstukken', bewijs({ organisatieId: org.a }))
    expect((await upload(tok.lezerA, b.body.id, PDF, 'application/pdf')).status).toBe(403)
    expect((await upload(tok.beheerderA, b.body.id, PDF, 'application/pdf', { 'if-match': '"99"' })).status).toBe(412)
    expect((await upload(tok.beheerderB, b.body.id, PDF, 'application/pdf')).status).toBe(404)
    expect((await upload(tok.beheerderA, b.body.id, PDF, 'application/pdf')).status).toBe(200)
    const onbekend = randomUUID()
    const verborgen = await als(tok.beheerderB, 'GET', `/bewijsstukken/${b.body.id}/bijlage`)
    const bestaatNiet = await als(tok.beheerderB, 'GET', `/bewijsstukken/${onbekend}/bijlage`)
    expect(verborgen.status).toBe(404)
    expect(gezien(verborgen, b.body.id)).toBe(gezien(bestaatNiet, onbekend))
  })
})

describe('what a caller may not see answers like what does not exist', () => {
  it('single reads and id filters', async () => {
    const verborgen = await als(
      tok.beheerderB,
      'POST',
      '/toegangen',
      toegang({ verleendDoorId: org.b, object: { soort: 'applicatie', id: appB } }),
    )
    expect(verborgen.status).toBe(201)
    const onbekend = randomUUID()
    expect(gezien(await als(tok.beheerderA, 'GET', `/toegangen/${verborgen.body.id}`), verborgen.body.id)).toBe(
      gezien(await als(tok.beheerderA, 'GET', `/toegangen/${onbekend}`), onbekend),
    )
    for (const pad of ['/toegangen?applicatieId=', '/contracten?applicatieId=']) {
      const a = await als(tok.beheerderA, 'GET', `${pad}${appB}`)
      const b = await als(tok.beheerderA, 'GET', `${pad}${onbekend}`)
      expect(a.status).toBe(200)
      expect(gezien(a, appB)).toBe(gezien(b, onbekend))
    }
  })

  it('a refused delete names the grants the caller may see and only counts the others', async () => {
    const mijn = await als(tok.beheerderA, 'POST', '/toegangen', toegang({ object: { soort: 'applicatie', id: appAB } }))
    const hun = await als(
      tok.beheerderB,
      'POST',
      '/toegangen',
      toegang({ verleendDoorId: org.b, object: { soort: 'applicatie', id: appAB } }),
    )
    expect([mijn.status, hun.status]).toEqual([201, 201])
    const r = await admin<Problem>('DELETE', `/applicaties/${appAB}`)
    expect(r.status).toBe(409)
    expect(
      r.body.afhankelijken
        ?.filter((d) => d.objecttype === 'toegang')
        .map((d) => d.id)
        .sort(),
    ).toEqual([mijn.body.id, hun.body.id].sort())
    // A beheerder of A (who uses the applicatie and may delete it) sees only A's grant.
    const alsA = await als<Problem>(tok.beheerderA, 'DELETE', `/applicaties/${appAB}`)
    expect(alsA.status).toBe(409)
    expect(alsA.body.afhankelijken?.map((d) => d.id)).toEqual([mijn.body.id])
    expect(alsA.body.nietZichtbareAfhankelijken).toBe(1)
    expect(alsA.text).not.toContain(hun.body.id)
    // Deleting an organisation with evidence, contracts or grants is refused too.
    expect((await admin<Problem>('DELETE', `/organisaties/${org.lev}`)).status).toBe(409)
  })
})

describe('herbeoordeling', () => {
  it('approving sets today and the reviewer, optionally a new end date; audited', async () => {
    const t = await als(tok.beheerderA, 'POST', '/toegangen', toegang({ geldigTot: '2027-01-31', laatsteBeoordeling: '2024-01-15' }))
    const r = await als(
      tok.beheerderA,
      'POST',
      `/toegangen/${t.body.id}/herbeoordelen`,
      { besluit: 'goedkeuren', geldigTot: '2027-12-31' },
      {
        'if-match': `"${t.body.revisie}"`,
      },
    )
    expect(r.status, r.text).toBe(200)
    expect(r.body).toMatchObject({ laatsteBeoordeling: VANDAAG, geldigTot: '2027-12-31', revisie: t.body.revisie + 1 })
    expect(String(r.body.beoordelaar)).toMatch(/^beheerder-/)
    const audit = await admin<{ resultaten: { actie: string }[] }>('GET', `/auditlog?objectId=${t.body.id}`)
    expect(audit.body.resultaten[0].actie).toBe('herbeoordelen')
    // Without a new date the end date stays; a date in the past is refused at its field.
    expect((await als(tok.beheerderA, 'POST', `/toegangen/${t.body.id}/herbeoordelen`, { besluit: 'goedkeuren' })).body.geldigTot).toBe(
      '2027-12-31',
    )
    const verleden = await als<Problem>(tok.beheerderA, 'POST', `/toegangen/${t.body.id}/herbeoordelen`, {
      besluit: 'goedkeuren',
      geldigTot: '2026-12-06',
    })
    expect(velden(verleden)).toEqual(['geldigTot:in-het-verleden'])
  })

  it('revoking ends the grant today with the reason; a reason is required; a revoked grant cannot be approved', async () => {
    const t = await als(tok.beheerderA, 'POST', '/toegangen', toegang())
    const zonder = await als<Problem>(tok.beheerderA, 'POST', `/toegangen/${t.body.id}/herbeoordelen`, { besluit: 'intrekken' })
    expect(zonder.status).toBe(400)
    expect(velden(zonder)).toEqual(['reden:verplicht'])
    const r = await als(tok.beheerderA, 'POST', `/toegangen/${t.body.id}/herbeoordelen`, {
      besluit: 'intrekken',
      reden: 'Contract beëindigd',
    })
    expect(r.status, r.text).toBe(200)
    expect(r.body.geldigTot).toBe(VANDAAG)
    expect(r.body.intrekking).toMatchObject({ op: VANDAAG, reden: 'Contract beëindigd' })
    const audit = await admin<{ resultaten: { actie: string; na: Obj }[] }>('GET', `/auditlog?objectId=${t.body.id}`)
    expect(audit.body.resultaten[0].actie).toBe('intrekken')
    expect(audit.body.resultaten[0].na.intrekking).toMatchObject({ reden: 'Contract beëindigd' })
    expect((await als(tok.beheerderA, 'POST', `/toegangen/${t.body.id}/herbeoordelen`, { besluit: 'goedkeuren' })).status).toBe(409)
  })

  it('404 → 412 → 403 in that order', async () => {
    const t = await als(tok.beheerderA, 'POST', '/toegangen', toegang())
    const pad = `/toegangen/${t.body.id}/herbeoordelen`
    expect((await als(tok.beheerderB, 'POST', pad, { besluit: 'goedkeuren' }, { 'if-match': '"99"' })).status).toBe(404)
    expect((await als(tok.lezerA, 'POST', pad, { besluit: 'goedkeuren' }, { 'if-match': '"99"' })).status).toBe(412)
    expect((await als(tok.lezerA, 'POST', pad, { besluit: 'goedkeuren' })).status).toBe(403)
    expect((await als(tok.beheerderLev, 'POST', pad, { besluit: 'goedkeuren' })).status).toBe(403)
    expect((await als(tok.beheerderA, 'POST', pad, { besluit: 'onbekend' })).status).toBe(400)
  })
})

describe('reading through call()', () => {
  it('an admin sees every grant', async () => {
    const r = await call<{ resultaten: Obj[] }>(base, 'GET', '/toegangen?paginaGrootte=200')
    expect(r.status).toBe(200)
    expect(r.body.resultaten.length).toBeGreaterThan(3)
  })
})
