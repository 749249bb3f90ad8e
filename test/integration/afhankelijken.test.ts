import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { seedDemo } from '../../src/io/demo.js'
import { DEMO_WACHTWOORD, seedDemoGebruikers } from '../../src/io/demo-gebruikers.js'
import { createServices } from '../../src/services/index.js'
import { buildApplicatie, buildOrganisatie, create } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'
import { isProblem, login, nextClientIp, type Session, send } from '../helpers/toegang.js'

// A refused delete (409) names the dependants the caller may see and only counts the
// others: naming them would show what a 404 hides. The refusal itself still holds.

type Afhankelijkheden = {
  detail: string
  afhankelijken?: { objecttype: string; id: string; naam: string; relatie: string }[]
  nietZichtbareAfhankelijken?: number
}

let server: TestServer
let heemstede: Session
const org: Record<string, string> = {}

beforeAll(async () => {
  server = await startServer()
  const db = server.database.handle.db
  await seedDemo(createServices(db), cliActor('test'))
  await seedDemoGebruikers(db, cliActor('test'))
  heemstede = await login(server.base, 'beheerder-heemstede', DEMO_WACHTWOORD, nextClientIp())
  for (const [k, cbs] of Object.entries({ hilversum: 'GM0402', wijdemeren: 'GM1696', heemstede: 'GM0397', bloemendaal: 'GM0377' }))
    org[k] = (await call<{ resultaten: { id: string }[] }>(server.base, 'GET', `/organisaties?cbsCode=${cbs}`)).body.resultaten[0].id
})
afterAll(async () => server?.close())

const als = <T>(method: string, path: string, o: { body?: unknown; headers?: Record<string, string> } = {}) =>
  send<T>(server.base, method, path, { session: heemstede, ...o })

describe('409 with dependants the caller may not see', () => {
  it('names the visible dependants, counts the hidden ones, and still refuses (a supplier, as in the issue)', async () => {
    // Heemstede registers a supplier; its software is used by Heemstede and by two others.
    const lev = await als<{ id: string }>('POST', '/organisaties', { body: buildOrganisatie({ naam: 'Leverancier van drie' }) })
    expect(lev.status).toBe(201)
    const leverancierId = lev.body.id
    const eigen = await create(
      server.base,
      'applicaties',
      buildApplicatie({ naam: 'Salaris Heemstede', leverancierId, inGebruikBij: [org.heemstede] }),
    )
    const verborgen = [
      await create(
        server.base,
        'applicaties',
        buildApplicatie({ naam: 'Salaris Hilversum', leverancierId, inGebruikBij: [org.hilversum] }),
      ),
      await create(
        server.base,
        'applicaties',
        buildApplicatie({ naam: 'Salaris Wijdemeren', leverancierId, inGebruikBij: [org.wijdemeren] }),
      ),
    ]
    for (const v of verborgen) expect((await als('GET', `/applicaties/${v.id}`)).status).toBe(404)

    const res = await als<Afhankelijkheden>('DELETE', `/organisaties/${leverancierId}`)
    expect(isProblem(res, 409)).toBe(true)
    expect(res.body.afhankelijken).toEqual([
      { objecttype: 'applicatie', id: eigen.id, naam: 'Salaris Heemstede', relatie: 'leverancierId' },
    ])
    expect(res.body.nietZichtbareAfhankelijken).toBe(2)
    expect(res.body.detail).toBe(
      'Deze organisatie kan niet worden verwijderd: 3 andere object(en) verwijzen ernaar, waarvan 2 die u niet mag zien.',
    )
    for (const v of verborgen) {
      expect(res.text).not.toContain(v.id)
      expect(res.text).not.toContain(String(v.naam))
    }
    const en = await als<Afhankelijkheden>('DELETE', `/organisaties/${leverancierId}`, { headers: { 'accept-language': 'en' } })
    expect(en.body.detail).toBe('This organisation cannot be deleted: 3 other object(s) refer to it, 2 of which you may not see.')
    expect((await als('GET', `/organisaties/${leverancierId}`)).status).toBe(200)

    // An admin sees everything: all three named, nothing counted apart.
    const admin = await call<Afhankelijkheden>(server.base, 'DELETE', `/organisaties/${leverancierId}`)
    expect(admin.status).toBe(409)
    expect(admin.body.afhankelijken?.map((a) => a.naam).sort()).toEqual(['Salaris Heemstede', 'Salaris Hilversum', 'Salaris Wijdemeren'])
    expect(admin.body.nietZichtbareAfhankelijken).toBeUndefined()
  })

  it('counts a scenario about a samenwerking that the caller takes no part in (a cost object)', async () => {
    const sw = await call<{ resultaten: { id: string; naam: string }[] }>(server.base, 'GET', '/samenwerkingen?paginaGrootte=100')
    const bloHee = sw.body.resultaten.find((s) => s.naam === 'ICT-samenwerking Bloemendaal – Heemstede')?.id as string
    const scenario = await create(server.base, 'scenarios', {
      naam: 'Bloemendaal alleen',
      soort: 'nieuwe samenwerking',
      samenwerkingId: bloHee,
      invoer: {
        deelnemers: [{ organisatieId: org.bloemendaal, huidigeKosten: { eenmalig: 0, jaarlijks: 100_00 } }],
        gezamenlijk: { eenmalig: 0, jaarlijks: 100_00 },
        verdeling: { soort: 'gelijke delen' },
        horizonJaren: 5,
        disconteringsvoet: 3,
        startjaar: 2027,
      },
    })
    expect((await als('GET', `/scenarios/${scenario.id}`)).status).toBe(404)

    const res = await als<Afhankelijkheden>('DELETE', `/samenwerkingen/${bloHee}`)
    expect(isProblem(res, 409)).toBe(true)
    expect(res.body.nietZichtbareAfhankelijken).toBe(1)
    expect(res.body.afhankelijken?.length).toBeGreaterThan(0)
    // Every one named is one the caller can open.
    const collectie: Record<string, string> = {
      gastheerschap: 'gastheerschappen',
      koppeling: 'koppelingen',
      kostenpost: 'kostenposten',
      verdeelsleutel: 'verdeelsleutels',
    }
    for (const a of res.body.afhankelijken ?? []) {
      expect(collectie[a.objecttype], a.objecttype).toBeDefined()
      expect((await als('GET', `/${collectie[a.objecttype]}/${a.id}`)).status).toBe(200)
    }
    expect(res.text).not.toContain(scenario.id)
    expect(res.text).not.toContain('Bloemendaal alleen')
    expect((await als('GET', `/samenwerkingen/${bloHee}`)).status).toBe(200)
  })

  it('counts user accounts, which only an admin may see, instead of naming them', async () => {
    const res = await als<Afhankelijkheden>('DELETE', `/organisaties/${org.heemstede}`)
    expect(isProblem(res, 409)).toBe(true)
    expect(res.body.afhankelijken?.some((a) => a.objecttype === 'gebruiker')).toBe(false)
    expect(res.text).not.toContain('auditor-rekenkamer')
    // beheerder-heemstede and auditor-rekenkamer hold a role at Heemstede.
    expect(res.body.nietZichtbareAfhankelijken).toBe(2)
  })
})
