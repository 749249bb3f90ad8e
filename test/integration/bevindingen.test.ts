import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STANDAARDBELEID } from '../../src/domain/vertrouwen/index.js'
import { createJobRunner } from '../../src/jobs/index.js'
import { buildOrganisatie } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'
import { createApiToken, createGebruiker, login, nextClientIp, send } from '../helpers/toegang.js'

// Trust, part two (issue 12), over HTTP on a real database: the policy as data, findings
// that open and close with history as the server's clock moves, risk acceptance and its
// expiry, the preview of a policy change, the review list and the uitbestedingstoets.

let t = new Date('2026-03-02T09:00:00.000Z').getTime()
const klok = { nu: () => new Date(t) }
const dag = 86_400_000
let server: TestServer
const ids: Record<string, string> = {}

async function maak(pad: string, body: unknown): Promise<{ id: string } & Record<string, unknown>> {
  const r = await call<{ id: string }>(server.base, 'POST', pad, body)
  if (r.status !== 201) throw new Error(`${pad}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

async function herevalueer() {
  const runner = createJobRunner(server.database.handle.db, { klok })
  await runner.tick()
  await runner.enqueue('vertrouwen-herevalueren')
  const r = await runner.runOnce()
  await runner.stop()
  return r
}

type Lijst = { resultaten: { id: string; status: string; regelId: string; partijNaam: string; uitleg: { nl: string } }[] }

beforeAll(async () => {
  // The test runs the jobs itself (herevalueer below): no runner of the server's takes one from under it.
  server = await startServer({ klok, achtergrondtaken: false })
  ids.gemeente = (await maak('/organisaties', buildOrganisatie({ type: 'gemeente', cbsCode: 'GM0402', naam: 'Hilversum' }))).id
  ids.leverancier = (await maak('/organisaties', buildOrganisatie({ type: 'leverancier', naam: 'Fictief Hosting BV' }))).id
  ids.applicatie = (
    await maak('/applicaties', { naam: 'Belastingapp', hosting: 'SaaS', status: 'in productie', inGebruikBij: [ids.gemeente] })
  ).id
  ids.cert = (
    await maak('/bewijsstukken', {
      organisatieId: ids.leverancier,
      soort: 'iso27001',
      uitgever: 'Fictieve CB',
      geldigVanaf: '2025-03-03',
      geldigTot: '2026-03-02',
    })
  ).id
  ids.toegang = (
    await maak('/toegangen', {
      partijId: ids.leverancier,
      object: { soort: 'applicatie', id: ids.applicatie },
      doel: 'Beheer',
      verleendDoorId: ids.gemeente,
      // Never reviewed since 2024: the yearly review is overdue.
      geldigVanaf: '2024-01-02',
    })
  ).id
}, 120_000)
afterAll(async () => server?.close())

describe('the shipped default policy', () => {
  it('is readable and names its controls', async () => {
    const r = await call<{ regels: { maatregel: string }[] }>(server.base, 'GET', '/vertrouwensbeleid/standaard')
    expect(r.status).toBe(200)
    expect(r.body.regels).toHaveLength(STANDAARDBELEID.regels.length)
    expect(r.body.regels.some((x) => x.maatregel.includes('9.2.5'))).toBe(true)
  })
})

describe('a certificate valid today that expires tomorrow', () => {
  it('opens an assurance finding after the clock moves a day and the daily job runs; renewing it closes the finding with history', async () => {
    await herevalueer()
    const voor = await call<Lijst>(
      server.base,
      'GET',
      `/bevindingen?partijId=${ids.leverancier}&regelSoort=jaarlijkse-assurance&status=open`,
    )
    expect(voor.status).toBe(200)
    expect(voor.body.resultaten).toHaveLength(0)

    t += dag
    const runs = await herevalueer()
    expect(runs.some((r) => r.naam === 'vertrouwen-dagelijks' && r.sleutel === '2026-03-03')).toBe(true)
    const na = await call<Lijst>(server.base, 'GET', `/bevindingen?partijId=${ids.leverancier}&regelSoort=jaarlijkse-assurance`)
    expect(na.body.resultaten).toHaveLength(1)
    expect(na.body.resultaten[0]).toMatchObject({ status: 'open', partijNaam: 'Fictief Hosting BV' })
    const id = na.body.resultaten[0].id

    await maak('/bewijsstukken', {
      organisatieId: ids.leverancier,
      soort: 'iso27001',
      uitgever: 'Fictieve CB',
      geldigVanaf: '2026-03-03',
      geldigTot: '2027-03-02',
    })
    await herevalueer()
    const een = await call<{ status: string; geschiedenis: { soort: string }[] }>(server.base, 'GET', `/bevindingen/${id}`)
    expect(een.body.status).toBe('gesloten')
    expect(een.body.geschiedenis.map((g) => g.soort)).toEqual(['geopend', 'gesloten'])
  })
})

describe('risk acceptance', () => {
  it('keeps the finding listed as geaccepteerd until its end date, then it counts as open again; audited', async () => {
    const open = await call<Lijst>(server.base, 'GET', `/bevindingen?partijId=${ids.leverancier}&status=open`)
    expect(open.body.resultaten.length).toBeGreaterThan(0)
    const id = open.body.resultaten[0].id
    const slecht = await call(server.base, 'POST', `/bevindingen/${id}/risico-accepteren`, {
      reden: 'x',
      eigenaar: 'CISO',
      einddatum: '2020-01-01',
    })
    expect(slecht.status).toBe(400)
    const r = await call<{ status: string }>(server.base, 'POST', `/bevindingen/${id}/risico-accepteren`, {
      reden: 'Contract loopt af',
      eigenaar: 'CISO Hilversum',
      einddatum: '2026-03-10',
    })
    expect(r.status).toBe(200)
    expect(r.body.status).toBe('geaccepteerd')
    const audit = await call<{ resultaten: unknown[] }>(server.base, 'GET', `/auditlog?objectId=${id}&actie=risico-accepteren`)
    expect(audit.body.resultaten).toHaveLength(1)
    t += 10 * dag
    const later = await call<{ status: string; risicoAcceptatie: { verlopen: boolean } }>(server.base, 'GET', `/bevindingen/${id}`)
    expect(later.body).toMatchObject({ status: 'open', risicoAcceptatie: { verlopen: true } })
  })
})

describe('a policy of its own', () => {
  it('refuses an unknown evidence kind at its field, previews, stores versions', async () => {
    const regel = {
      id: 'eis',
      soort: 'vereist-bewijs',
      ernst: 'hoog',
      maatregel: 'BIO 15.1.2',
      bijPersoonsgegevens: false,
      netwerkzones: false,
      alleVan: [],
      eenVan: ['iso27001', 'bogus'],
      verwerkersovereenkomstMetEigenaar: false,
      vanafVertrouwelijkheid: 'laag',
    }
    const fout = await call<{ invalidParams: { name: string }[] }>(server.base, 'POST', '/vertrouwensbeleid', {
      eigenaarId: ids.gemeente,
      naam: 'Beleid Hilversum',
      samenwerkingIds: [],
      regels: [regel],
    })
    expect(fout.status).toBe(400)
    expect(fout.body.invalidParams.map((p) => p.name)).toContain('regels[0].eenVan[1]')
    const goed = { ...regel, eenVan: ['isae3402-type2'] }
    const herbeoordeling = { id: 'herbeoordeling', soort: 'herbeoordeling', ernst: 'middel', maatregel: 'BIO 9.2.5', maxMaanden: 12 }
    const vv = await call<{ aantalOpenen: number }>(server.base, 'POST', '/vertrouwensbeleid/_voorvertoning', {
      beleid: { eigenaarId: ids.gemeente, naam: 'Beleid Hilversum', samenwerkingIds: [], regels: [goed] },
    })
    expect(vv.status).toBe(200)
    expect(vv.body.aantalOpenen).toBeGreaterThan(0)
    const b = await maak('/vertrouwensbeleid', { eigenaarId: ids.gemeente, naam: 'Beleid Hilversum', samenwerkingIds: [], regels: [goed] })
    expect(b.versie).toBe(1)
    const put = await call(server.base, 'PUT', `/vertrouwensbeleid/${b.id}`, {
      eigenaarId: ids.gemeente,
      naam: 'Beleid Hilversum 2',
      samenwerkingIds: [],
      regels: [goed, herbeoordeling],
    })
    expect(put.status).toBe(200)
    const v = await call<{ resultaten: { versie: number }[] }>(server.base, 'GET', `/vertrouwensbeleid/${b.id}/versies`)
    expect(v.body.resultaten.map((x) => x.versie)).toEqual([1, 2])
  })
})

describe('the review list and the outsourcing check', () => {
  it('lists the grant due for review and answers the check; an unknown id is 400 bestaat-niet', async () => {
    const h = await call<{ resultaten: { toegangId: string; achterstallig: boolean }[] }>(
      server.base,
      'GET',
      '/herbeoordelingen?binnenDagen=30',
    )
    expect(h.status).toBe(200)
    expect(h.body.resultaten.find((r) => r.toegangId === ids.toegang)).toMatchObject({ achterstallig: true })
    const u = await call(server.base, 'POST', '/uitbestedingstoets', {
      organisatieId: ids.gemeente,
      applicatieIds: [ids.applicatie],
      partijId: ids.leverancier,
    })
    expect(u.status).toBe(200)
    const onbekend = await call<{ invalidParams: { name: string; code: string }[] }>(server.base, 'POST', '/uitbestedingstoets', {
      organisatieId: ids.gemeente,
      applicatieIds: ['00000000-0000-4000-8000-000000000001'],
      partijId: ids.leverancier,
    })
    expect(onbekend.status).toBe(400)
    expect(onbekend.body.invalidParams).toMatchObject([{ name: 'applicatieIds[0]', code: 'bestaat-niet' }])
    // Infrastructure only: a netwerkzone by name; neither an applicatie nor a zone is a 400 at applicatieIds.
    const zone = await call<{ benodigdeToegangen: { object: unknown }[] }>(server.base, 'POST', '/uitbestedingstoets', {
      organisatieId: ids.gemeente,
      applicatieIds: [],
      netwerkzones: ['Kantoornetwerk'],
      partijId: ids.leverancier,
    })
    expect(zone.status).toBe(200)
    expect(zone.body.benodigdeToegangen.map((b) => b.object)).toEqual([
      { soort: 'netwerkzone', naam: 'Kantoornetwerk', eigenaarId: ids.gemeente },
    ])
    const niets = await call<{ invalidParams: { name: string; code: string }[] }>(server.base, 'POST', '/uitbestedingstoets', {
      organisatieId: ids.gemeente,
      applicatieIds: [],
      netwerkzones: ['   '],
      partijId: ids.leverancier,
    })
    expect(niets.status).toBe(400)
    expect(niets.body.invalidParams.map((p) => `${p.name}:${p.code}`)).toEqual(['netwerkzones[0]:ongeldig-patroon'])
    const leeg = await call<{ invalidParams: { name: string; code: string }[] }>(server.base, 'POST', '/uitbestedingstoets', {
      organisatieId: ids.gemeente,
      applicatieIds: [],
      partijId: ids.leverancier,
    })
    expect(leeg.body.invalidParams.map((p) => `${p.name}:${p.code}`)).toEqual(['applicatieIds:verplicht'])
    const tel = await call<{ open: { hoog: number; middel: number; laag: number } }>(server.base, 'GET', '/bevindingen/_tellingen')
    expect(tel.status).toBe(200)
  })
})

describe('who reads a finding about a supplier as a whole', () => {
  it('the organisations that rely on the supplier (a contract or a grant) read it; another organisation finds nothing, as for an unknown id', async () => {
    // Two municipalities without a policy of their own: the shipped default applies to them.
    const leverancier = (await maak('/organisaties', buildOrganisatie({ type: 'leverancier', naam: 'Fictief Zonder Verklaring BV' }))).id
    const afnemer = (await maak('/organisaties', buildOrganisatie({ type: 'gemeente', cbsCode: 'GM1696', naam: 'Wijdemeren' }))).id
    const buur = (await maak('/organisaties', buildOrganisatie({ type: 'gemeente', cbsCode: 'GM0406', naam: 'Huizen' }))).id
    const app = (await maak('/applicaties', { naam: 'Zaakapp', hosting: 'SaaS', status: 'in productie', inGebruikBij: [afnemer] })).id
    await maak('/contracten', {
      leverancierId: leverancier,
      afnemerId: afnemer,
      omschrijving: 'Hosting zaakapp',
      startdatum: '2025-01-01',
      opzegtermijnMaanden: 3,
      auditrecht: true,
      exitstrategie: true,
      applicatieIds: [app],
      koppelingIds: [],
    })
    await herevalueer()
    const lezerVan = async (organisatieId: string) => {
      const ip = nextClientIp()
      const g = await createGebruiker(server.base, server.adminToken, [{ rol: 'lezer', organisatieId }])
      return (await createApiToken(server.base, await login(server.base, g.gebruikersnaam, g.wachtwoord, ip), ['lezen'], { ip })).token
    }
    const [vanAfnemer, vanBuur] = [await lezerVan(afnemer), await lezerVan(buur)]
    const pad = `/bevindingen?partijId=${leverancier}&regelSoort=jaarlijkse-assurance`
    const gezien = await send<Lijst>(server.base, 'GET', pad, { token: vanAfnemer })
    expect(gezien.body.resultaten).toHaveLength(1)
    const id = gezien.body.resultaten[0].id
    expect((await send<Lijst>(server.base, 'GET', pad, { token: vanBuur })).body.resultaten).toEqual([])
    const verborgen = await send(server.base, 'GET', `/bevindingen/${id}`, { token: vanBuur })
    const onbekend = await send(server.base, 'GET', '/bevindingen/00000000-0000-4000-8000-000000000002', { token: vanBuur })
    expect(verborgen.status).toBe(404)
    expect(onbekend.status).toBe(404)
    expect((await send(server.base, 'GET', `/bevindingen/${id}`, { token: vanAfnemer })).status).toBe(200)
    // It also counts within a samenwerking of which the afnemer is a confirmed lid.
    const sw = (
      await maak('/samenwerkingen', {
        naam: 'Samenwerking Wijdemeren – Huizen',
        vorm: 'DVO (gastheerschap)',
        leden: [{ organisatieId: afnemer }, { organisatieId: buur }],
      })
    ).id
    const binnen = await send<Lijst>(server.base, 'GET', `/bevindingen?samenwerkingId=${sw}&partijId=${leverancier}`, { token: vanAfnemer })
    expect(binnen.body.resultaten.map((b) => b.id)).toEqual([id])
  })
})
