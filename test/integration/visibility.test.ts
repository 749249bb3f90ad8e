import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApplicatie, buildGastheerschap, buildKoppeling, buildOrganisatie, buildSamenwerking, create } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'
import { createGebruiker, login, nextClientIp, type Session, send } from '../helpers/toegang.js'

// What a samenwerking shares, and what it does not: B works with A in one cooperation
// and with C in another. A sees what B does for A, never what B runs with C.

let server: TestServer
let a: Session
let c: Session
const ids: Record<string, string> = {}

beforeAll(async () => {
  server = await startServer()
  const base = server.base
  for (const naam of ['A', 'B', 'C'])
    ids[naam] = (await create(base, 'organisaties', buildOrganisatie({ type: 'overig', naam: `Gemeente ${naam} ${Date.now()}` }))).id
  const sAB = await create(base, 'samenwerkingen', buildSamenwerking({ leden: [{ organisatieId: ids.A }, { organisatieId: ids.B }] }))
  const sBC = await create(base, 'samenwerkingen', buildSamenwerking({ leden: [{ organisatieId: ids.B }, { organisatieId: ids.C }] }))
  const ghAB = await create(
    base,
    'gastheerschappen',
    buildGastheerschap({ gastheerId: ids.B, afnemerIds: [ids.A], samenwerkingId: sAB.id }),
  )
  const ghBC = await create(
    base,
    'gastheerschappen',
    buildGastheerschap({ gastheerId: ids.B, afnemerIds: [ids.C], samenwerkingId: sBC.id }),
  )
  const belasting = await create(base, 'applicaties', buildApplicatie({ naam: 'Belastingsysteem van B', inGebruikBij: [ids.B] }))
  const helpdesk = await create(base, 'applicaties', buildApplicatie({ naam: 'Helpdesk van B en C', inGebruikBij: [ids.B, ids.C] }))
  const eigen = await create(base, 'applicaties', buildApplicatie({ naam: 'Zaaksysteem van A', inGebruikBij: [ids.A] }))
  ids.kAB = (
    await create(
      base,
      'koppelingen',
      buildKoppeling({ bronApplicatieId: eigen.id, doelApplicatieId: belasting.id, eigenaarId: ids.B, gastheerschapId: ghAB.id }),
    )
  ).id
  ids.kBC = (
    await create(
      base,
      'koppelingen',
      buildKoppeling({
        bronApplicatieId: helpdesk.id,
        doelVoorziening: 'overig',
        doelVoorzieningOverig: 'E-mail',
        eigenaarId: ids.B,
        gastheerschapId: ghBC.id,
      }),
    )
  ).id
  Object.assign(ids, {
    sAB: sAB.id,
    sBC: sBC.id,
    ghAB: ghAB.id,
    ghBC: ghBC.id,
    belasting: belasting.id,
    helpdesk: helpdesk.id,
    eigen: eigen.id,
  })
  const lezerA = await createGebruiker(base, server.adminToken, [{ rol: 'lezer', organisatieId: ids.A }])
  const lezerC = await createGebruiker(base, server.adminToken, [{ rol: 'lezer', organisatieId: ids.C }])
  a = await login(base, lezerA.gebruikersnaam, lezerA.wachtwoord, nextClientIp())
  c = await login(base, lezerC.gebruikersnaam, lezerC.wachtwoord, nextClientIp())
})
afterAll(async () => server?.close())

async function idsIn(session: Session, path: string): Promise<string[]> {
  const res = await send<{ resultaten: { id: string }[] }>(server.base, 'GET', `${path}?paginaGrootte=200`, { session })
  expect(res.status).toBe(200)
  return res.body.resultaten.map((r) => r.id)
}

describe('visibility through samenwerkingen', () => {
  it('shows A what B does for A: the shared gastheerschap, its koppeling and the applicaties at both ends', async () => {
    expect(await idsIn(a, '/samenwerkingen')).toEqual([ids.sAB])
    expect(await idsIn(a, '/gastheerschappen')).toEqual([ids.ghAB])
    expect(await idsIn(a, '/koppelingen')).toEqual([ids.kAB])
    expect((await idsIn(a, '/applicaties')).sort()).toEqual([ids.belasting, ids.eigen].sort())
  })

  it('does not show A what B runs with C, not in lists and not by id', async () => {
    for (const path of ['/samenwerkingen', '/gastheerschappen', '/koppelingen', '/applicaties']) {
      const seen = await idsIn(a, path)
      for (const hidden of [ids.sBC, ids.ghBC, ids.kBC, ids.helpdesk]) expect(seen).not.toContain(hidden)
    }
    expect((await send(server.base, 'GET', `/koppelingen/${ids.kBC}`, { session: a })).status).toBe(404)
    expect((await send(server.base, 'GET', `/applicaties/${ids.helpdesk}`, { session: a })).status).toBe(404)
    expect((await send(server.base, 'GET', `/gastheerschappen/${ids.ghBC}/koppelingen`, { session: a })).status).toBe(404)
  })

  it('shows C its own cooperation with B and nothing of A', async () => {
    expect(await idsIn(c, '/koppelingen')).toEqual([ids.kBC])
    expect(await idsIn(c, '/applicaties')).toEqual([ids.helpdesk])
    expect(await idsIn(c, '/gastheerschappen')).toEqual([ids.ghBC])
  })
})

describe('the audit log of deleted objects', () => {
  type Regel = { actie: string; objectId: string }
  async function entriesOf(session: Session, objectId: string): Promise<string[]> {
    const res = await send<{ resultaten: Regel[] }>(server.base, 'GET', `/auditlog?objectId=${objectId}&paginaGrootte=100`, { session })
    expect(res.status, res.text).toBe(200)
    return res.body.resultaten.map((r) => r.actie)
  }

  it('shows an auditor of A the whole history of what A could see after it was deleted, and nothing of what B and C deleted', async () => {
    const base = server.base
    const auditor = await createGebruiker(base, server.adminToken, [{ rol: 'auditor', organisatieId: ids.A }])
    const s = await login(base, auditor.gebruikersnaam, auditor.wachtwoord, nextClientIp())
    // For each cooperation: a samenwerking of its members, a gastheerschap of B within the
    // cooperation, and a koppeling between two of B's applicaties that serves the cooperation's
    // gastheerschap (A sees that one only through the gastheerschap, never by name).
    const maak = async (partner: string, samenwerkingId: string, gastheerschapId: string) => {
      const samenwerking = await create(
        base,
        'samenwerkingen',
        buildSamenwerking({ leden: [{ organisatieId: ids.B }, { organisatieId: partner }] }),
      )
      const gastheerschap = await create(
        base,
        'gastheerschappen',
        buildGastheerschap({ gastheerId: ids.B, afnemerIds: [partner], samenwerkingId }),
      )
      const doel = await create(base, 'applicaties', buildApplicatie({ inGebruikBij: [ids.B] }))
      const koppeling = await create(
        base,
        'koppelingen',
        buildKoppeling({ bronApplicatieId: ids.belasting, doelApplicatieId: doel.id, eigenaarId: ids.B, gastheerschapId }),
      )
      for (const [pad, o] of [
        ['samenwerkingen', samenwerking],
        ['gastheerschappen', gastheerschap],
        ['koppelingen', koppeling],
      ] as const) {
        const patch = await call(base, 'PATCH', `/${pad}/${o.id}`, { toelichting: 'gewijzigd' })
        expect(patch.status, JSON.stringify(patch.body)).toBe(200)
      }
      return { samenwerking: samenwerking.id, gastheerschap: gastheerschap.id, koppeling: koppeling.id, doel: doel.id }
    }
    const vanA = await maak(ids.A, ids.sAB, ids.ghAB)
    const vanC = await maak(ids.C, ids.sBC, ids.ghBC)
    const zichtbaar = [vanA.samenwerking, vanA.gastheerschap, vanA.koppeling]
    const verborgen = [vanC.samenwerking, vanC.gastheerschap, vanC.koppeling]
    for (const id of zichtbaar) expect(await entriesOf(s, id), id).toEqual(['wijzigen', 'aanmaken'])
    for (const id of verborgen) expect(await entriesOf(s, id), id).toEqual([])

    for (const o of [vanA, vanC]) {
      for (const [pad, id] of [
        ['koppelingen', o.koppeling],
        ['applicaties', o.doel],
        ['gastheerschappen', o.gastheerschap],
        ['samenwerkingen', o.samenwerking],
      ]) {
        const del = await call(base, 'DELETE', `/${pad}/${id}`)
        expect(del.status, JSON.stringify(del.body)).toBe(204)
      }
    }
    // The auditor sees the deletion and every earlier entry of what A could see ...
    for (const id of zichtbaar) expect(await entriesOf(s, id), id).toEqual(['verwijderen', 'wijzigen', 'aanmaken'])
    // ... and nothing of the other cooperation's, which an admin still sees whole.
    for (const id of verborgen) expect(await entriesOf(s, id), id).toEqual([])
    const admin = await createGebruiker(base, server.adminToken, [{ rol: 'admin' }])
    const as = await login(base, admin.gebruikersnaam, admin.wachtwoord, nextClientIp())
    for (const id of verborgen) expect(await entriesOf(as, id), id).toEqual(['verwijderen', 'wijzigen', 'aanmaken'])
    const log = await send(base, 'GET', '/auditlog?paginaGrootte=100', { session: s })
    for (const id of verborgen) expect(log.text).not.toContain(id)
    // B's applicatie, which A saw only through the koppeling: deleted after the koppeling, when
    // A could no longer see it, its history stays hidden (the last known state decides).
    expect(await entriesOf(s, vanA.doel)).toEqual([])
  })
})
