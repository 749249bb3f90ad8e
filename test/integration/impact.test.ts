import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/api/app.js'
import { openDatabase } from '../../src/db/database.js'
import type { ImpactUitkomst, ImpactVergelijking } from '../../src/schemas/impact.js'
import { alsGebruiker, type Lijst, startDemoServer } from '../helpers/demo.js'
import type { TestServer } from '../helpers/server.js'
import { isProblem, type Session, send } from '../helpers/toegang.js'

// Impact scenarios over HTTP on the demo data: the seed's question "what if Wijdemeren
// stops taking its tasks from Hilversum?", per role. What a caller may not see exists
// nowhere: not in the lists, not in the counts, not in the paths; a reference to it is a
// 400 exactly like an unknown id.

let server: TestServer
const sessies: Record<string, Session> = {}
const als = alsGebruiker(() => server, sessies)
const ids: Record<string, string> = {}
const ONBEKEND = '00000000-0000-4000-8000-000000000000'

beforeAll(async () => {
  server = await startDemoServer(
    ['admin', 'regisseur-hilversum', 'lezer-wijdemeren', 'beheerder-heemstede', 'beheerder-hilversum'],
    sessies,
  )
  ids.H = await als.idVan('/organisaties', 'naam', 'Hilversum')
  ids.W = await als.idVan('/organisaties', 'naam', 'Wijdemeren')
  ids.G = await als.idVan('/organisaties', 'naam', 'Gooise Meren')
  ids.HS = await als.idVan('/organisaties', 'naam', 'Heemstede')
  ids.hw = await als.idVan('/samenwerkingen', 'naam', 'Gastheerschappen Hilversum – Wijdemeren')
  ids.bh = await als.idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Bloemendaal – Heemstede')
  ids.lev = await als.idVan('/organisaties', 'naam', 'Leverancier belastingsoftware (fictief)')
  ids.key2 = await als.idVan('/applicaties', 'naam', 'Key2Belastingen')
  ids.zaakW = await als.idVan('/applicaties', 'naam', 'Zaaksysteem Wijdemeren')
  ids.makelaar = await als.idVan('/applicaties', 'naam', 'Gegevensmakelaar')
  ids.demo = await als.idVan('/scenarios', 'naam', 'Wijdemeren stopt met de gastheerschappen van Hilversum')
}, 120_000)
afterAll(async () => server?.close())

const wijdemerenStopt = (datum = '2028-01-01') => ({
  opstellerId: ids.W,
  wijzigingen: [{ soort: 'uittreden', datum, organisatieId: ids.W, samenwerkingId: ids.hw }],
})

const velden = (res: { body: unknown }) =>
  ((res.body as { invalidParams?: { name: string; code: string }[] }).invalidParams ?? []).map((p) => [p.name, p.code])

describe('impact: the demo scenario answers the seed’s question', () => {
  it('lists the gastheerschappen, koppelingen with their paths and owners, sensitive ones first, and the cost effect', async () => {
    const res = await als.get<ImpactUitkomst>('regisseur-hilversum', `/scenarios/${ids.demo}/impact`)
    expect(res.status, res.text).toBe(200)
    const u = res.body
    expect(u.gastheerschappen.map((g) => g.taak).sort()).toEqual([
      'BAG/BGT',
      'Belastingen inclusief uitvoering Wet WOZ',
      'Financiële administratie',
      'Personeels- en salarisadministratie',
    ])
    const dbb = u.koppelingen.find((k) => k.naam === 'Digitale Belastingbalie – Key2Belastingen')
    expect(dbb?.pad.map((s) => s.naam)).toEqual([
      'Wijdemeren',
      'Belastingen inclusief uitvoering Wet WOZ',
      'Digitale Belastingbalie',
      'Key2Belastingen',
    ])
    expect(dbb?.eigenaarNaam).toBe('Hilversum')
    const zaak = u.koppelingen.find((k) => k.naam === 'Gegevensmakelaar – Zaaksysteem Wijdemeren (BAG)')
    expect(zaak?.pad.map((s) => s.naam)).toContain('Gegevensmakelaar')
    const gevoelig = u.koppelingen.map((k) => k.vertrouwelijkheid === 'hoog' || k.persoonsgegevens)
    expect(gevoelig).toEqual([...gevoelig].sort((a, b) => Number(b) - Number(a)))
    // The host's own helpdesk koppeling (with Gooise Meren) serves no leaving partner.
    expect(u.koppelingen.map((k) => k.naam)).not.toContain('Meldingen Gooise Meren – ICT-servicedesksysteem')
    expect(u.aantallen.koppelingen).toBe(u.koppelingen.length)
    // Wijdemeren paid everything (key "volledig afnemer"): Hilversum carries it until the key is revised.
    const h = u.kosten.perOrganisatie.find((o) => o.naam === 'Hilversum')
    const w = u.kosten.perOrganisatie.find((o) => o.naam === 'Wijdemeren')
    expect(u.kosten.jaar).toBe(2026)
    expect(w?.nu).toBeGreaterThan(0)
    expect(w?.straks).toBe(0)
    expect(h?.verschil).toBe(w?.nu)
    expect(w?.eenmalig).toBe(42_000_000)
    expect(u.kosten.herzieningNodig.length).toBeGreaterThan(0)
    expect(u.openRisicos.length).toBeGreaterThan(0)
  })

  it('a member of the samenwerking that the scenario does not name sees it too; an outsider gets 404', async () => {
    expect((await als.get('beheerder-hilversum', `/scenarios/${ids.demo}/impact`)).status).toBe(200)
    expect((await als.get('lezer-wijdemeren', `/scenarios/${ids.demo}/impact`)).status).toBe(200)
    const buiten = await als.get('beheerder-heemstede', `/scenarios/${ids.demo}/impact`)
    expect(isProblem(buiten, 404)).toBe(true)
    const onbekend = await als.get('beheerder-heemstede', `/scenarios/${ONBEKEND}/impact`)
    expect(onbekend.status).toBe(404)
    const zonderId = (b: unknown) => ({ ...(b as object), detail: undefined, instance: undefined })
    expect(zonderId(buiten.body)).toEqual(zonderId(onbekend.body))
  })

  it('a business case has no impact (400 on id)', async () => {
    const bc = await als.idVan('/scenarios', 'soort', 'nieuwe samenwerking')
    const res = await als.get('regisseur-hilversum', `/scenarios/${bc}/impact`)
    expect(isProblem(res, 400)).toBe(true)
    expect(velden(res)).toEqual([['id', 'andere-soort']])
  })
})

describe('impact: counts never reveal what the caller cannot see', () => {
  it('Heemstede, drafting "the tax supplier goes bankrupt", sees none of Hilversum’s koppelingen; the admin sees them', async () => {
    const invoer = { opstellerId: ids.HS, wijzigingen: [{ soort: 'leverancier failliet', datum: '2027-06-01', leverancierId: ids.lev }] }
    const heemstede = await als.post<ImpactUitkomst>('beheerder-heemstede', '/scenarios/_impact', invoer)
    expect(heemstede.status, heemstede.text).toBe(200)
    const admin = await send<ImpactUitkomst>(server.base, 'POST', '/scenarios/_impact', {
      body: invoer,
      headers: { authorization: `Bearer ${server.adminToken}` },
    })
    expect(admin.body.aantallen.koppelingen).toBeGreaterThan(0)
    expect(admin.body.aantallen.applicaties).toBeGreaterThan(0)
    expect(heemstede.body.aantallen).toMatchObject({ koppelingen: 0, applicaties: 0, koppelingenGevoelig: 0, gastheerschappen: 0 })
    expect(heemstede.body.koppelingen).toEqual([])
    expect(JSON.stringify(heemstede.body)).not.toContain(ids.key2)
    expect(JSON.stringify(heemstede.body)).not.toContain('Key2Belastingen')
  })

  it('a lezer sees paths with a step it may not see as "niet zichtbaar object", without its id', async () => {
    // Gooise Meren's user sees the helpdesk koppeling, not Hilversum's other applicaties.
    await als.gebruikerMet('lezer-gooisemeren', [{ rol: 'lezer', organisatieId: ids.G }])
    const res = await als.post<ImpactUitkomst>('lezer-gooisemeren', '/scenarios/_impact', {
      opstellerId: ids.G,
      wijzigingen: [
        {
          soort: 'applicatie uitfaseren',
          datum: '2027-06-01',
          applicatieId: await als.idVan('/applicaties', 'naam', 'ICT-servicedesksysteem'),
        },
      ],
    })
    expect(res.status, res.text).toBe(200)
    for (const k of res.body.koppelingen) for (const s of k.pad) if (s.soort === 'verborgen') expect(s.id).toBeUndefined()
    expect(res.body.koppelingen.map((k) => k.naam)).toEqual(['Meldingen Gooise Meren – ICT-servicedesksysteem'])
  })

  it('a saved scenario naming what a reader cannot see: no name in actions, no hidden koppeling counted as an action', async () => {
    const servicedesk = await als.idVan('/applicaties', 'naam', 'ICT-servicedesksysteem')
    const s = await send<{ id: string }>(server.base, 'POST', '/scenarios', {
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: {
        naam: 'Servicedesk uitfaseren',
        soort: 'impactanalyse',
        samenwerkingId: ids.hw,
        invoer: { opstellerId: ids.H, wijzigingen: [{ soort: 'applicatie uitfaseren', datum: '2027-06-01', applicatieId: servicedesk }] },
      },
    })
    expect(s.status, s.text).toBe(201)
    const admin = await send<ImpactUitkomst>(server.base, 'GET', `/scenarios/${s.body.id}/impact`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    })
    expect(admin.body.koppelingen.map((k) => k.naam)).toContain('Meldingen Gooise Meren – ICT-servicedesksysteem')
    expect(admin.body.organisaties.find((o) => o.naam === 'Hilversum')?.acties).toBeGreaterThan(0)
    // Wijdemeren, a member of the scenario's samenwerking, sees the scenario but not the servicedesk.
    const lezer = await als.get<ImpactUitkomst>('lezer-wijdemeren', `/scenarios/${s.body.id}/impact`)
    expect(lezer.status, lezer.text).toBe(200)
    expect(lezer.text).not.toContain('ICT-servicedesksysteem')
    expect(lezer.text).not.toContain(servicedesk)
    expect(lezer.body.koppelingen).toEqual([])
    expect(lezer.body.aantallen.koppelingen).toBe(0)
    expect(lezer.body.organisaties.find((o) => o.naam === 'Hilversum')?.acties ?? 0).toBe(0)
    const rapport = await als.get('lezer-wijdemeren', `/scenarios/${s.body.id}/rapport?formaat=markdown`)
    expect(rapport.status).toBe(200)
    expect(rapport.text).not.toContain('ICT-servicedesksysteem')
  })

  it('a reference to an invisible object is a 400 exactly like an unknown id', async () => {
    const invisible = await als.post('beheerder-heemstede', '/scenarios/_impact', wijdemerenStopt())
    const unknown = await als.post('beheerder-heemstede', '/scenarios/_impact', {
      ...wijdemerenStopt(),
      wijzigingen: [{ soort: 'uittreden', datum: '2028-01-01', organisatieId: ids.W, samenwerkingId: ONBEKEND }],
    })
    // The preview's body is the invoer itself: its fields have no prefix.
    expect(velden(invisible)).toEqual([['wijzigingen[0].samenwerkingId', 'bestaat-niet']])
    expect(velden(unknown)).toEqual(velden(invisible))
  })
})

describe('impact: bad input is a 400 on the field and stores nothing', () => {
  const aantal = async () =>
    (await als.get<Lijst<unknown>>('regisseur-hilversum', '/scenarios?paginaGrootte=1')).body.paginering.totaalAantal
  const opslaan = (invoer: unknown) => als.post('regisseur-hilversum', '/scenarios', { naam: 'Proef', soort: 'impactanalyse', invoer })

  const gevallen: [string, () => unknown, [string, string][]][] = [
    ['a date before the membership started', () => wijdemerenStopt('2015-06-01'), [['invoer.wijzigingen[0].datum', 'voor-start']]],
    [
      'an organisation that is not a member',
      () => ({
        opstellerId: ids.H,
        wijzigingen: [{ soort: 'uittreden', datum: '2028-01-01', organisatieId: ids.G, samenwerkingId: ids.hw }],
      }),
      [['invoer.wijzigingen[0].organisatieId', 'geen-lid']],
    ],
    [
      'an unknown applicatie',
      () => ({ opstellerId: ids.H, wijzigingen: [{ soort: 'applicatie uitfaseren', datum: '2028-01-01', applicatieId: ONBEKEND }] }),
      [['invoer.wijzigingen[0].applicatieId', 'bestaat-niet']],
    ],
    ['an empty scenario', () => ({ opstellerId: ids.H, wijzigingen: [] }), [['invoer.wijzigingen', 'te-weinig']]],
    [
      'a change of a kind that does not exist',
      () => ({ opstellerId: ids.H, wijzigingen: [{ soort: 'verhuizen', datum: '2028-01-01' }] }),
      [['invoer.wijzigingen[0].soort', 'ongeldige-waarde']],
    ],
    [
      'a change without a soort',
      () => ({ opstellerId: ids.H, wijzigingen: [{ datum: '2028-01-01', organisatieId: ids.W }] }),
      [['invoer.wijzigingen[0].soort', 'verplicht']],
    ],
    [
      'leaving without saying from what',
      () => ({ opstellerId: ids.H, wijzigingen: [{ soort: 'uittreden', datum: '2028-01-01', organisatieId: ids.W }] }),
      [['invoer.wijzigingen[0].samenwerkingId', 'verplicht']],
    ],
    [
      'one-off costs in euros with decimals instead of cents',
      () => ({ ...wijdemerenStopt(), kosten: [{ organisatieId: ids.W, omschrijving: 'Conversie', eenmalig: 1234.5 }] }),
      [['invoer.kosten[0].eenmalig', 'ongeldig-type']],
    ],
  ]
  for (const [naam, invoer, verwacht] of gevallen) {
    it(`${naam} → 400`, async () => {
      const voor = await aantal()
      const res = await opslaan(invoer())
      expect(isProblem(res, 400), res.text).toBe(true)
      expect(velden(res)).toEqual(verwacht)
      expect(await aantal()).toBe(voor)
      const preview = await als.post('regisseur-hilversum', '/scenarios/_impact', invoer())
      expect(isProblem(preview, 400), preview.text).toBe(true)
    })
  }

  it('the unit of an amount is named in the error', async () => {
    const res = await opslaan({ ...wijdemerenStopt(), kosten: [{ organisatieId: ids.W, omschrijving: 'Conversie', eenmalig: 1234.5 }] })
    expect(JSON.stringify(res.body)).toMatch(/eurocent/)
  })
})

describe('impact: saved, compared, and following the landscape as it changes', () => {
  it('saves a combined scenario and compares it with the demo side by side', async () => {
    const res = await als.post<{ id: string }>('regisseur-hilversum', '/scenarios', {
      naam: 'Wijdemeren stopt alleen met belastingen, en Key2 wordt vervangen',
      soort: 'impactanalyse',
      samenwerkingId: ids.hw,
      invoer: {
        opstellerId: ids.H,
        wijzigingen: [
          {
            soort: 'uittreden',
            datum: '2028-01-01',
            organisatieId: ids.W,
            gastheerschapId: await als.idVan('/gastheerschappen', 'taak', 'Belastingen inclusief uitvoering Wet WOZ'),
          },
          { soort: 'applicatie vervangen', datum: '2029-01-01', applicatieId: ids.key2 },
        ],
      },
    })
    expect(res.status, res.text).toBe(201)
    const v = await als.get<ImpactVergelijking>('regisseur-hilversum', `/scenarios/_impactvergelijking?ids=${ids.demo},${res.body.id}`)
    expect(v.status, v.text).toBe(200)
    expect(v.body.scenarios.map((s) => s.id)).toEqual([ids.demo, res.body.id])
    expect(v.body.scenarios[0]?.aantallen.gastheerschappen).toBe(4)
    expect(v.body.scenarios[1]?.aantallen.gastheerschappen).toBe(1)
    const w = v.body.organisaties.find((o) => o.naam === 'Wijdemeren')
    expect(w?.perScenario.map((p) => p.geraakt)).toEqual([true, true])
    const bc = await als.idVan('/scenarios', 'soort', 'nieuwe samenwerking')
    const gemengd = await als.get('regisseur-hilversum', `/scenarios/_impactvergelijking?ids=${ids.demo},${bc}`)
    expect(velden(gemengd)).toEqual([['ids', 'andere-soort']])
  })

  it('a new koppeling shows in the next answer without a restart, and is gone after it is deleted', async () => {
    const pad = `/scenarios/${ids.demo}/impact`
    const naam = 'Zaaksysteem Wijdemeren – Key2Belastingen (proef)'
    const voor = await als.get<ImpactUitkomst>('lezer-wijdemeren', pad)
    expect(voor.body.koppelingen.map((k) => k.naam)).not.toContain(naam)
    const k = await send<{ id: string }>(server.base, 'POST', '/koppelingen', {
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: {
        naam,
        bronApplicatieId: ids.zaakW,
        doelApplicatieId: ids.key2,
        type: 'api',
        richting: 'A→B',
        status: 'in gebruik',
        gegevenscategorieen: ['zaken'],
        persoonsgegevens: true,
        beschikbaarheid: 'midden',
        integriteit: 'midden',
        vertrouwelijkheid: 'midden',
        eigenaarId: ids.W,
        samenwerkingId: ids.hw,
      },
    })
    expect(k.status, k.text).toBe(201)
    const na = await als.get<ImpactUitkomst>('lezer-wijdemeren', pad)
    const nieuw = na.body.koppelingen.find((x) => x.naam === naam)
    expect(nieuw?.eigenaarNaam).toBe('Wijdemeren')
    expect(na.body.aantallen.koppelingen).toBe(voor.body.aantallen.koppelingen + 1)
    const weg = await send(server.base, 'DELETE', `/koppelingen/${k.body.id}`, {
      headers: { authorization: `Bearer ${server.adminToken}`, 'if-match': '"1"' },
    })
    expect(weg.status, weg.text).toBe(204)
    const daarna = await als.get<ImpactUitkomst>('lezer-wijdemeren', pad)
    expect(daarna.body.aantallen.koppelingen).toBe(voor.body.aantallen.koppelingen)
  })

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('another process on the same PostgreSQL follows the change too', async () => {
    const other = await openDatabase({ databaseUrl: server.database.databaseUrl as string, dataDir: '' })
    const app = await buildApp({
      config: { bodyLimitBytes: 1 << 20, publicUrl: 'https://b.test', logLevel: 'silent' },
      database: other,
      logger: false,
    })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    const baseB = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`
    const admin = { authorization: `Bearer ${server.adminToken}` }
    try {
      const pad = `/scenarios/${ids.demo}/impact`
      const voor = await send<ImpactUitkomst>(baseB, 'GET', pad, { headers: admin })
      expect(voor.status, voor.text).toBe(200)
      const naam = `Tweede proces ${Date.now()}`
      const k = await send<{ id: string }>(server.base, 'POST', '/koppelingen', {
        headers: admin,
        body: {
          naam,
          bronApplicatieId: ids.zaakW,
          doelApplicatieId: ids.key2,
          type: 'api',
          richting: 'A→B',
          status: 'in gebruik',
          gegevenscategorieen: [],
          persoonsgegevens: false,
          beschikbaarheid: 'laag',
          integriteit: 'laag',
          vertrouwelijkheid: 'laag',
          eigenaarId: ids.W,
          samenwerkingId: ids.hw,
        },
      })
      expect(k.status, k.text).toBe(201)
      let gezien = false
      // The NOTIFY arrives asynchronously; a deadline of seconds, not a fixed number of tries.
      const tot = Date.now() + 5000
      while (!gezien && Date.now() < tot) {
        gezien = (await send<ImpactUitkomst>(baseB, 'GET', pad, { headers: admin })).body.koppelingen.some((x) => x.naam === naam)
        if (!gezien) await new Promise((r) => setTimeout(r, 20))
      }
      expect(gezien).toBe(true)
    } finally {
      await app.close()
      await other.close()
    }
  })
})
