import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApplicatie, buildGastheerschap, buildKoppeling, buildOrganisatie, create, createLandscape } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'

type Problem = {
  type: string
  title: string
  status: number
  detail: string
  invalidParams?: { name: string; code: string; reason: string }[]
}
type Lijst = {
  resultaten: Record<string, unknown>[]
  paginering: { pagina: number; paginaGrootte: number; totaalAantal: number; totaalPaginas: number }
}

let server: TestServer
let base: string

beforeAll(async () => {
  server = await startServer()
  base = server.base
})
afterAll(async () => server?.close())

const codes = (p: Problem) => (p.invalidParams ?? []).map((i) => `${i.name}:${i.code}`).sort()

describe('create, read, update', () => {
  it('creates an organisatie and reads it back with an ETag', async () => {
    const res = await call(base, 'POST', '/organisaties', {
      type: 'gemeente',
      naam: 'Hilversum',
      cbsCode: 'GM0402',
      oin: '00000001001234567000',
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('etag')).toBe('"1"')
    expect(res.headers.get('location')).toBe(`/api/v1/organisaties/${res.body.id}`)
    expect(res.headers.get('api-version')).toBe('1.0.0')
    const read = await call(base, 'GET', `/organisaties/${res.body.id}`)
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ type: 'gemeente', naam: 'Hilversum', cbsCode: 'GM0402', revisie: 1 })
    expect(read.headers.get('etag')).toBe('"1"')
  })

  it('replaces with PUT and patches with a JSON merge patch, bumping the revisie', async () => {
    const org = await create(base, 'organisaties', buildOrganisatie({ website: 'https://example.nl' }))
    const put = await call(base, 'PUT', `/organisaties/${org.id}`, { type: 'leverancier', naam: 'Nieuwe naam' }, { 'if-match': '"1"' })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ naam: 'Nieuwe naam', revisie: 2 })
    expect(put.body.website).toBeUndefined()
    const patch = await call(base, 'PATCH', `/organisaties/${org.id}`, JSON.stringify({ toelichting: 'bijgewerkt' }), {
      'content-type': 'application/merge-patch+json',
      'if-match': '"2"',
    })
    expect(patch.status).toBe(200)
    expect(patch.body).toMatchObject({ naam: 'Nieuwe naam', toelichting: 'bijgewerkt', revisie: 3 })
    expect(patch.headers.get('etag')).toBe('"3"')
    const clear = await call(base, 'PATCH', `/organisaties/${org.id}`, { toelichting: null })
    expect(clear.status).toBe(200)
    expect(clear.body.toelichting).toBeUndefined()
  })

  it('keeps child lists: leden, afnemers, gebruikers in the order given', async () => {
    const l = await createLandscape(base)
    const extra = await create(base, 'organisaties', buildOrganisatie({ type: 'overig' }))
    const patched = await call(base, 'PATCH', `/gastheerschappen/${l.gastheerschap.id}`, { afnemerIds: [extra.id, l.afnemer.id] })
    expect(patched.status).toBe(200)
    expect(patched.body.afnemerIds).toEqual([extra.id, l.afnemer.id])
    const sw = await call(base, 'GET', `/samenwerkingen/${l.samenwerking.id}`)
    expect((sw.body.leden as { organisatieId: string }[]).map((x) => x.organisatieId)).toEqual([l.gastheer.id, l.afnemer.id])
  })
})

describe('optimistic concurrency', () => {
  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const org = await create(base, 'organisaties', buildOrganisatie())
    const first = await call(base, 'PATCH', `/organisaties/${org.id}`, { toelichting: 'eerste' }, { 'if-match': '"1"' })
    expect(first.status).toBe(200)
    const stale = await call(base, 'PATCH', `/organisaties/${org.id}`, { toelichting: 'tweede' }, { 'if-match': '"1"' })
    expect(stale.status).toBe(412)
    expect(stale.headers.get('content-type')).toContain('application/problem+json')
    const stalePut = await call(base, 'PUT', `/organisaties/${org.id}`, { type: 'overig', naam: 'x' }, { 'if-match': 'W/"1"' })
    expect(stalePut.status).toBe(412)
    const staleDelete = await call(base, 'DELETE', `/organisaties/${org.id}`, undefined, { 'if-match': '"1"' })
    expect(staleDelete.status).toBe(412)
    const garbage = await call(base, 'PATCH', `/organisaties/${org.id}`, { toelichting: 'x' }, { 'if-match': 'nonsense' })
    expect(garbage.status).toBe(412)
    const now = await call(base, 'GET', `/organisaties/${org.id}`)
    expect(now.body).toMatchObject({ toelichting: 'eerste', revisie: 2 })
  })

  it('lets exactly one of two concurrent writers with the same If-Match win', async () => {
    const org = await create(base, 'organisaties', buildOrganisatie())
    const results = await Promise.all(
      ['a', 'b'].map((v) => call(base, 'PATCH', `/organisaties/${org.id}`, { toelichting: v }, { 'if-match': '"1"' })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 412])
    const now = await call(base, 'GET', `/organisaties/${org.id}`)
    expect(now.body.revisie).toBe(2)
  })
})

describe('concurrent use', () => {
  it('answers many concurrent writes and reads correctly, with no errors and no stall', async () => {
    const orgs = await Promise.all(Array.from({ length: 6 }, () => create(base, 'organisaties', buildOrganisatie())))
    const rounds = await Promise.all(
      orgs.flatMap((o, i) => [
        call(base, 'PATCH', `/organisaties/${o.id}`, { toelichting: `ronde ${i}` }),
        call(base, 'PUT', `/organisaties/${o.id}`, { type: 'leverancier', naam: `${o.naam} (bijgewerkt)` }),
        call(base, 'GET', `/organisaties/${o.id}`),
        call(base, 'GET', '/organisaties?paginaGrootte=5'),
        call(base, 'POST', '/organisaties', buildOrganisatie()),
      ]),
    )
    expect(rounds.filter((r) => r.status >= 300).map((r) => `${r.status} ${JSON.stringify(r.body).slice(0, 120)}`)).toEqual([])
    for (const o of orgs) {
      const now = await call(base, 'GET', `/organisaties/${o.id}`)
      expect(now.body.revisie).toBe(3)
    }
  })
})

describe('bad input', () => {
  it('reports every error at once: wrong types, unknown fields, invalid OIN and CBS code', async () => {
    const res = await call<Problem>(base, 'POST', '/organisaties', {
      type: 'gemeente',
      naam: 42,
      oin: '123',
      cbsCode: 'GM12',
      inwoners: 'veel',
      onbekend: true,
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body).toMatchObject({ status: 400, title: 'Ongeldige invoer' })
    expect(codes(res.body)).toEqual([
      'cbsCode:ongeldig-patroon',
      'inwoners:ongeldig-type',
      'naam:ongeldig-type',
      'oin:ongeldig-patroon',
      'onbekend:onbekend-veld',
    ])
  })

  it('rejects a CBS code that is no municipality and a gemeente without one', async () => {
    const unknown = await call<Problem>(base, 'POST', '/organisaties', { type: 'gemeente', naam: 'Nergenshuizen', cbsCode: 'GM9999' })
    expect(codes(unknown.body)).toEqual(['cbsCode:onbekende-cbs-code'])
    const missing = await call<Problem>(base, 'POST', '/organisaties', { type: 'gemeente', naam: 'Zonder code' })
    expect(codes(missing.body)).toEqual(['cbsCode:verplicht'])
    const notMunicipality = await call<Problem>(base, 'POST', '/organisaties', { type: 'leverancier', naam: 'X', cbsCode: 'GM0402' })
    expect(codes(notMunicipality.body)).toEqual(['cbsCode:niet-toegestaan'])
  })

  it('reports a duplicate OIN on the field', async () => {
    const oin = '00000001009876543000'
    await create(base, 'organisaties', buildOrganisatie({ oin }))
    const dup = await call<Problem>(base, 'POST', '/organisaties', buildOrganisatie({ oin }))
    expect(dup.status).toBe(400)
    expect(codes(dup.body)).toEqual(['oin:niet-uniek'])
  })

  it('rejects dangling references and a koppeling whose bron is its doel, together with shape errors', async () => {
    const app = await create(base, 'applicaties', buildApplicatie())
    const ghost = '6d9c1c2e-0000-4000-8000-000000000000'
    const res = await call<Problem>(
      base,
      'POST',
      '/koppelingen',
      buildKoppeling({
        bronApplicatieId: app.id,
        doelApplicatieId: app.id,
        eigenaarId: ghost,
        viaApplicatieId: ghost,
        vertrouwelijkheid: 'geheim' as never,
      }),
    )
    expect(res.status).toBe(400)
    expect(codes(res.body)).toEqual([
      'doelApplicatieId:bron-is-doel',
      'eigenaarId:bestaat-niet',
      'vertrouwelijkheid:ongeldige-waarde',
      'viaApplicatieId:bestaat-niet',
    ])
  })

  it('requires each end of a koppeling to be an applicatie or a landelijke voorziening', async () => {
    const res = await call<Problem>(base, 'POST', '/koppelingen', buildKoppeling({ bronVoorziening: 'BRP' }))
    expect(codes(res.body)).toEqual(['doelApplicatieId:verplicht'])
    const app = await create(base, 'applicaties', buildApplicatie())
    const ok = await call(base, 'POST', '/koppelingen', buildKoppeling({ bronVoorziening: 'BRP', doelApplicatieId: app.id }))
    expect(ok.status).toBe(201)
  })

  it('rejects a gastheer that is also afnemer and an end date before the start date', async () => {
    const org = await create(base, 'organisaties', buildOrganisatie({ type: 'overig' }))
    const res = await call<Problem>(
      base,
      'POST',
      '/gastheerschappen',
      buildGastheerschap({ gastheerId: org.id, afnemerIds: [org.id], startdatum: '2024-05-01', einddatum: '2023-01-01' }),
    )
    expect(codes(res.body)).toEqual(['afnemerIds[0]:gastheer-is-afnemer', 'einddatum:einddatum-voor-startdatum'])
  })

  it('answers 413, 415 and 400 for oversized, non-JSON and malformed bodies, and stores nothing', async () => {
    const before = await call<Lijst>(base, 'GET', '/organisaties?paginaGrootte=1')
    const huge = await call(base, 'POST', '/organisaties', { type: 'overig', naam: 'x'.repeat(2 * 1024 * 1024) })
    expect(huge.status).toBe(413)
    expect(huge.headers.get('content-type')).toContain('application/problem+json')
    const text = await call(base, 'POST', '/organisaties', 'naam=x', { 'content-type': 'text/plain' })
    expect(text.status).toBe(415)
    const broken = await call<Problem>(base, 'POST', '/organisaties', '{"type": "overig",', { 'content-type': 'application/json' })
    expect(broken.status).toBe(400)
    expect(codes(broken.body)).toEqual(['body:ongeldige-json'])
    const array = await call<Problem>(base, 'POST', '/organisaties', [1, 2])
    expect(array.status).toBe(400)
    const after = await call<Lijst>(base, 'GET', '/organisaties?paginaGrootte=1')
    expect(after.body.paginering.totaalAantal).toBe(before.body.paginering.totaalAantal)
  })

  it('answers 400 for a malformed id and 404 for an unknown one, in English when asked', async () => {
    const bad = await call<Problem>(base, 'GET', '/applicaties/niet-een-uuid')
    expect(bad.status).toBe(400)
    expect(codes(bad.body)).toEqual(['id:ongeldig-formaat'])
    const missing = await call<Problem>(base, 'GET', '/applicaties/6d9c1c2e-0000-4000-8000-000000000001', undefined, {
      'accept-language': 'en-GB,en',
    })
    expect(missing.status).toBe(404)
    expect(missing.body.title).toBe('Not found')
    const route = await call<Problem>(base, 'GET', '/bestaat-niet')
    expect(route.status).toBe(404)
    expect(route.headers.get('content-type')).toContain('application/problem+json')
  })

  it('rejects unknown query parameters and invalid sort fields', async () => {
    const res = await call<Problem>(base, 'GET', '/applicaties?kleur=rood&sorteer=prijs&paginaGrootte=5000')
    expect(res.status).toBe(400)
    expect(codes(res.body)).toEqual(['kleur:onbekend-veld', 'paginaGrootte:te-groot', 'sorteer:ongeldig-patroon'])
  })
})

describe('delete', () => {
  it('refuses with 409 and the dependants while others refer to it, deleting nothing', async () => {
    const l = await createLandscape(base)
    const res = await call<Problem & { afhankelijken: { objecttype: string; id: string; relatie: string }[] }>(
      base,
      'DELETE',
      `/applicaties/${l.bron.id}`,
    )
    expect(res.status).toBe(409)
    expect(res.body.afhankelijken).toEqual([
      expect.objectContaining({ objecttype: 'koppeling', id: l.koppeling.id, relatie: 'bronApplicatieId' }),
    ])
    const org = await call<Problem & { afhankelijken: { relatie: string }[] }>(base, 'DELETE', `/organisaties/${l.gastheer.id}`)
    expect(org.status).toBe(409)
    expect(org.body.afhankelijken.map((d) => d.relatie).sort()).toEqual(['eigenaarId', 'gastheerId', 'inGebruikBij', 'leden'])
    expect((await call(base, 'GET', `/applicaties/${l.bron.id}`)).status).toBe(200)
    expect((await call(base, 'GET', `/organisaties/${l.gastheer.id}`)).status).toBe(200)
  })

  it('deletes once nothing depends on it, in dependency order', async () => {
    const l = await createLandscape(base)
    expect((await call(base, 'DELETE', `/koppelingen/${l.koppeling.id}`)).status).toBe(204)
    expect((await call(base, 'DELETE', `/applicaties/${l.bron.id}`, undefined, { 'if-match': '"1"' })).status).toBe(204)
    expect((await call(base, 'GET', `/applicaties/${l.bron.id}`)).status).toBe(404)
    expect((await call(base, 'DELETE', `/applicaties/${l.bron.id}`)).status).toBe(404)
  })
})

describe('lists', () => {
  it('paginates with a stable order, sorts, searches and filters', async () => {
    const lev = await create(base, 'organisaties', buildOrganisatie())
    const names = ['Zaaksysteem Lijsttest', 'Archief Lijsttest', 'Midoffice Lijsttest', 'archief lijsttest b']
    for (const naam of names) await create(base, 'applicaties', buildApplicatie({ naam, leverancierId: lev.id, hosting: 'on-premise' }))
    const page1 = await call<Lijst>(base, 'GET', '/applicaties?zoek=lijsttest&paginaGrootte=3&sorteer=naam')
    expect(page1.status).toBe(200)
    expect(page1.body.paginering).toEqual({ pagina: 1, paginaGrootte: 3, totaalAantal: 4, totaalPaginas: 2 })
    expect(page1.body.resultaten.map((r) => r.naam)).toEqual(['Archief Lijsttest', 'archief lijsttest b', 'Midoffice Lijsttest'])
    const page2 = await call<Lijst>(base, 'GET', '/applicaties?zoek=lijsttest&paginaGrootte=3&pagina=2&sorteer=naam')
    expect(page2.body.resultaten.map((r) => r.naam)).toEqual(['Zaaksysteem Lijsttest'])
    const desc = await call<Lijst>(base, 'GET', `/applicaties?leverancierId=${lev.id}&sorteer=-naam`)
    expect(desc.body.resultaten[0].naam).toBe('Zaaksysteem Lijsttest')
    const hosting = await call<Lijst>(base, 'GET', `/applicaties?leverancierId=${lev.id}&hosting=SaaS`)
    expect(hosting.body.paginering.totaalAantal).toBe(0)
  })

  it('treats search wildcards literally', async () => {
    await create(base, 'organisaties', buildOrganisatie({ naam: 'Percent 100% B.V.' }))
    const literal = await call<Lijst>(base, 'GET', `/organisaties?zoek=${encodeURIComponent('100%')}`)
    expect(literal.body.resultaten.map((r) => r.naam)).toEqual(['Percent 100% B.V.'])
    const underscore = await call<Lijst>(base, 'GET', `/organisaties?zoek=${encodeURIComponent('_')}`)
    expect(underscore.body.resultaten.every((r) => String(r.naam).includes('_'))).toBe(true)
  })

  it('follows relations: koppelingen of an applicatie, gastheerschappen of an organisatie, leden of a samenwerking', async () => {
    const l = await createLandscape(base)
    const k = await call<Lijst>(base, 'GET', `/applicaties/${l.doel.id}/koppelingen`)
    expect(k.body.resultaten.map((r) => r.id)).toEqual([l.koppeling.id])
    const g = await call<Lijst>(base, 'GET', `/organisaties/${l.afnemer.id}/gastheerschappen`)
    expect(g.body.resultaten.map((r) => r.id)).toEqual([l.gastheerschap.id])
    const leden = await call<Lijst>(base, 'GET', `/samenwerkingen/${l.samenwerking.id}/leden?sorteer=naam`)
    expect(leden.body.resultaten.map((r) => r.id).sort()).toEqual([l.gastheer.id, l.afnemer.id].sort())
    const apps = await call<Lijst>(base, 'GET', `/organisaties/${l.gastheer.id}/applicaties`)
    expect(apps.body.resultaten.map((r) => r.id)).toEqual([l.bron.id])
    const viaGh = await call<Lijst>(base, 'GET', `/gastheerschappen/${l.gastheerschap.id}/koppelingen`)
    expect(viaGh.body.resultaten.map((r) => r.id)).toEqual([l.koppeling.id])
    const missing = await call(base, 'GET', '/applicaties/6d9c1c2e-0000-4000-8000-000000000002/koppelingen')
    expect(missing.status).toBe(404)
  })
})

describe('audit log', () => {
  it('records every mutation with actor, origin, result and before/after', async () => {
    const org = await create(base, 'organisaties', buildOrganisatie())
    await call(base, 'PATCH', `/organisaties/${org.id}`, { toelichting: 'na' })
    await call(base, 'DELETE', `/organisaties/${org.id}`)
    const log = await call<{ resultaten: Record<string, unknown>[] }>(base, 'GET', `/auditlog?objectId=${org.id}`)
    expect(log.status).toBe(200)
    const [del, upd, ins] = log.body.resultaten
    expect([ins.actie, upd.actie, del.actie]).toEqual(['aanmaken', 'wijzigen', 'verwijderen'])
    expect(ins).toMatchObject({
      objecttype: 'organisatie',
      resultaat: 'geslaagd',
      herkomst: '127.0.0.1',
      actor: expect.stringMatching(/^admin-/),
      voor: null,
    })
    expect((upd.voor as Record<string, unknown>).toelichting).toBeUndefined()
    expect((upd.na as Record<string, unknown>).toelichting).toBe('na')
    expect(del.na).toBeNull()
    expect(upd.vorigeHash).toBe(ins.hash)
    expect(del.vorigeHash).toBe(upd.hash)
    expect(Number(del.volgnummer)).toBe(Number(ins.volgnummer) + 2)
  })

  it('writes nothing to the audit log for a rejected write', async () => {
    const before = await call<{ paginering: { totaalAantal: number } }>(base, 'GET', '/auditlog?paginaGrootte=1')
    await call(base, 'POST', '/organisaties', { type: 'gemeente', naam: 'x' })
    const after = await call<{ paginering: { totaalAantal: number } }>(base, 'GET', '/auditlog?paginaGrootte=1')
    expect(after.body.paginering.totaalAantal).toBe(before.body.paginering.totaalAantal)
  })
})
