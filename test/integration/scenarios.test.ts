import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { seedDemo } from '../../src/io/demo.js'
import { DEMO_WACHTWOORD, seedDemoGebruikers } from '../../src/io/demo-gebruikers.js'
import type {
  BusinesscaseScenario as Scenario,
  BusinesscaseScenarioInvoer as ScenarioInvoer,
  ScenarioVergelijking,
} from '../../src/schemas/scenario.js'
import { createServices } from '../../src/services/index.js'
import { call, startServer, type TestServer } from '../helpers/server.js'
import { isProblem, login, nextClientIp, type Reply, type Session, send } from '../helpers/toegang.js'

// Scenarios (business cases) over HTTP on the demo data: the feasibility study of the
// seeds, where Hilversum, Wijdemeren and Gooise Meren looked at shared IT and one of
// them (Hilversum) did not gain.

let server: TestServer
const sessies: Record<string, Session> = {}
const org: Record<string, string> = {}
const samenwerking: Record<string, string> = {}

beforeAll(async () => {
  server = await startServer()
  const db = server.database.handle.db
  await seedDemo(createServices(db), cliActor('test'))
  await seedDemoGebruikers(db, cliActor('test'))
  for (const naam of ['regisseur-hilversum', 'lezer-wijdemeren', 'beheerder-heemstede', 'beheerder-hilversum'])
    sessies[naam] = await login(server.base, naam, DEMO_WACHTWOORD, nextClientIp())
  for (const [k, cbs] of Object.entries({ H: 'GM0402', W: 'GM1696', G: 'GM1942', HS: 'GM0397' })) {
    const res = await call<{ resultaten: { id: string }[] }>(server.base, 'GET', `/organisaties?cbsCode=${cbs}`)
    org[k] = res.body.resultaten[0].id
  }
  const sw = await call<{ resultaten: { id: string; naam: string }[] }>(server.base, 'GET', '/samenwerkingen?paginaGrootte=100')
  for (const s of sw.body.resultaten) samenwerking[s.naam] = s.id
})
afterAll(async () => server?.close())

const als = <T = Record<string, unknown>>(wie: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  send<T>(server.base, method, path, { session: sessies[wie], body, headers })

const euro = (n: number) => n * 100

/** Seed-like: shared IT for three municipalities by workplaces; Hilversum already runs cheaply. */
function haalbaarheid(o: Partial<ScenarioInvoer> = {}, invoer: Partial<ScenarioInvoer['invoer']> = {}): ScenarioInvoer {
  return {
    naam: 'Partiële IT-samenwerking Hilversum – Wijdemeren – Gooise Meren',
    soort: 'nieuwe samenwerking',
    omschrijving: 'Haalbaarheidsonderzoek hardware en uitwijk (fictieve bedragen).',
    invoer: {
      deelnemers: [
        { organisatieId: org.H, huidigeKosten: { eenmalig: euro(300_000), jaarlijks: euro(1_100_000) } },
        { organisatieId: org.W, huidigeKosten: { eenmalig: euro(250_000), jaarlijks: euro(450_000) } },
        { organisatieId: org.G, huidigeKosten: { eenmalig: euro(300_000), jaarlijks: euro(700_000) } },
      ],
      gezamenlijk: { eenmalig: euro(600_000), jaarlijks: euro(2_100_000) },
      verdeling: { soort: 'maatstaf', maatstaf: 'werkplekken' },
      maatstaven: [
        { organisatieId: org.H, maatstaf: 'werkplekken', waarde: 1000 },
        { organisatieId: org.W, maatstaf: 'werkplekken', waarde: 300 },
        { organisatieId: org.G, maatstaf: 'werkplekken', waarde: 500 },
      ],
      horizonJaren: 10,
      disconteringsvoet: 3.5,
      startjaar: 2027,
      ...invoer,
    },
    ...o,
  }
}

async function maak(input: ScenarioInvoer = haalbaarheid()): Promise<Scenario> {
  const res = await als<Scenario>('regisseur-hilversum', 'POST', '/scenarios', input)
  if (res.status !== 201) throw new Error(`create scenario failed: ${res.status} ${res.text}`)
  return res.body
}

async function aantal(): Promise<number> {
  const res = await call<{ paginering: { totaalAantal: number } }>(server.base, 'GET', '/scenarios?paginaGrootte=1')
  return res.body.paginering.totaalAantal
}

const params = (res: Reply) =>
  ((res.body as { invalidParams?: { name: string; code: string }[] }).invalidParams ?? []).map((p) => [p.name, p.code])

describe('the demo business case', () => {
  it('has the seed’s own feasibility question, marked Fictief, with a verdict: Hilversum does not gain; seeding again adds nothing', async () => {
    const lijst = await als<{ resultaten: Scenario[] }>('lezer-wijdemeren', 'GET', `/scenarios?organisatieId=${org.H}&paginaGrootte=100`)
    const demo = lijst.body.resultaten.filter((s) => s.naam.startsWith('Haalbaarheidsonderzoek IT-samenwerking Hilversum – Wijdemeren'))
    expect(demo).toHaveLength(1)
    const s = demo[0]
    expect(s.toelichting).toMatch(/^Fictief/)
    expect(s.samenwerkingId).toBe(samenwerking['Gastheerschappen Hilversum – Wijdemeren'])
    expect(s.uitkomst?.deelnemers.map((d) => [d.naam, d.oordeel])).toEqual([
      ['Hilversum', 'gaat er niet op vooruit'],
      ['Wijdemeren', 'gaat erop vooruit'],
    ])
    expect(s.uitkomst?.deelnemers[0].uitleg.nl).toMatch(/^Gaat er niet op vooruit: netto contante waarde € -/)
    expect(s.uitkomst?.totaal.iedereenVooruit).toBe(false)

    expect(await seedDemo(createServices(server.database.handle.db), cliActor('test'))).toBeUndefined()
    const opnieuw = await als<{ resultaten: Scenario[] }>('lezer-wijdemeren', 'GET', `/scenarios?organisatieId=${org.H}&paginaGrootte=100`)
    expect(opnieuw.body.resultaten.filter((x) => x.naam === s.naam)).toHaveLength(1)
  })
})

describe('scenarios: CRUD', () => {
  it('creates, reads, lists, updates and deletes, with the outcome in every response', async () => {
    const res = await als<Scenario>('regisseur-hilversum', 'POST', '/scenarios', haalbaarheid())
    expect(res.status).toBe(201)
    expect(res.headers.location).toBe(`/api/v1/scenarios/${res.body.id}`)
    expect(res.headers.etag).toBe('"1"')
    expect(res.body.toegestaneActies).toEqual(['wijzigen', 'verwijderen'])
    expect(res.body.uitkomst?.deelnemers.map((d) => d.naam)).toEqual(['Hilversum', 'Wijdemeren', 'Gooise Meren'])
    const id = res.body.id

    const read = await als<Scenario>('regisseur-hilversum', 'GET', `/scenarios/${id}`)
    expect(read.status).toBe(200)
    expect(read.body.invoer).toEqual(haalbaarheid().invoer)
    expect(read.body.uitkomst?.totaal.aantalVooruit).toBe(2)

    const list = await als<{ resultaten: Scenario[] }>('regisseur-hilversum', 'GET', `/scenarios?organisatieId=${org.W}&paginaGrootte=100`)
    expect(list.status).toBe(200)
    const inList = list.body.resultaten.find((s) => s.id === id)
    expect(inList?.uitkomst?.deelnemers).toHaveLength(3)
    expect(inList?.toegestaneActies).toEqual(['wijzigen', 'verwijderen'])

    const put = await als<Scenario>(
      'regisseur-hilversum',
      'PUT',
      `/scenarios/${id}`,
      haalbaarheid({ naam: 'Herzien' }, { horizonJaren: 5 }),
      {
        'if-match': '"1"',
      },
    )
    expect(put.status).toBe(200)
    expect(put.body.revisie).toBe(2)
    expect(put.body.uitkomst?.horizonJaren).toBe(5)
    expect(put.body.uitkomst?.deelnemers[0].jaren).toHaveLength(6)

    const patch = await als<Scenario>('regisseur-hilversum', 'PATCH', `/scenarios/${id}`, {
      toelichting: 'Bedragen uit de brief van 22 juli 2020.',
    })
    expect(patch.status).toBe(200)
    expect(patch.body.toelichting).toBe('Bedragen uit de brief van 22 juli 2020.')
    expect(patch.body.uitkomst?.horizonJaren).toBe(5)

    const log = await call<{ resultaten: { actie: string; objecttype: string }[] }>(server.base, 'GET', `/auditlog?objectId=${id}`)
    expect(log.body.resultaten.map((r) => [r.objecttype, r.actie]).sort()).toEqual([
      ['scenario', 'aanmaken'],
      ['scenario', 'wijzigen'],
      ['scenario', 'wijzigen'],
    ])

    const del = await als('regisseur-hilversum', 'DELETE', `/scenarios/${id}`, undefined, { 'if-match': '"3"' })
    expect(del.status).toBe(204)
    expect((await als('regisseur-hilversum', 'GET', `/scenarios/${id}`)).status).toBe(404)
  })

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const s = await maak()
    const first = await als('regisseur-hilversum', 'PATCH', `/scenarios/${s.id}`, { naam: 'eerste' }, { 'if-match': '"1"' })
    expect(first.status).toBe(200)
    const stale = await als('regisseur-hilversum', 'PATCH', `/scenarios/${s.id}`, { naam: 'tweede' }, { 'if-match': '"1"' })
    expect(isProblem(stale, 412)).toBe(true)
    const stalePut = await als('regisseur-hilversum', 'PUT', `/scenarios/${s.id}`, haalbaarheid({ naam: 'derde' }), { 'if-match': '"1"' })
    expect(stalePut.status).toBe(412)
    const staleDelete = await als('regisseur-hilversum', 'DELETE', `/scenarios/${s.id}`, undefined, { 'if-match': '"1"' })
    expect(staleDelete.status).toBe(412)
    const now = await als<Scenario>('regisseur-hilversum', 'GET', `/scenarios/${s.id}`)
    expect([now.body.naam, now.body.revisie]).toEqual(['eerste', 2])
  })
})

describe('scenarios: the computed verdict', () => {
  it('shows that Hilversum does not gain while Wijdemeren and Gooise Meren do', async () => {
    const s = await maak()
    const u = s.uitkomst
    if (!u) throw new Error('no outcome')
    const [h, w, g] = u.deelnemers
    // Shared costs by workplaces 1000 : 300 : 500, to the cent (the left-over cent to Gooise Meren).
    expect([h.aandeel, w.aandeel, g.aandeel]).toEqual([
      { eenmalig: 33_333_333, jaarlijks: 116_666_667 },
      { eenmalig: 10_000_000, jaarlijks: 35_000_000 },
      { eenmalig: 16_666_667, jaarlijks: 58_333_333 },
    ])
    expect(h.oordeel).toBe('gaat er niet op vooruit')
    expect(h.vooruit).toBe(false)
    expect(h.terugverdiendInJaar).toBeNull()
    expect(h.nettoContanteWaarde).toBeLessThan(0)
    expect(h.uitleg.nl).toMatch(/^Gaat er niet op vooruit: netto contante waarde € -/)
    expect(h.uitleg.nl).toContain('niet terugverdiend binnen de horizon')
    expect(w.oordeel).toBe('gaat erop vooruit')
    expect(g.oordeel).toBe('gaat erop vooruit')
    expect(w.terugverdiendInJaar).toBe(0)
    expect(g.terugverdiendInKalenderjaar).toBe(2027)
    expect(u.totaal.aantalVooruit).toBe(2)
    expect(u.totaal.iedereenVooruit).toBe(false)
    expect(u.totaal.nettoContanteWaarde).toBe(h.nettoContanteWaarde + w.nettoContanteWaarde + g.nettoContanteWaarde)
    expect(u.disconteringsvoet).toBe('3.5')
    // Wijdemeren: 15 000 000 once, then 10 000 000 a year for 10 years at 3.5%: 10 000 000 × 8.316605…
    expect(w.nettoContanteWaarde).toBe(15_000_000 + 83_166_053)
  })

  it('answers in English when asked', async () => {
    const s = await maak()
    const res = await send<Scenario>(server.base, 'GET', `/scenarios/${s.id}`, {
      session: sessies['regisseur-hilversum'],
      headers: { 'accept-language': 'en' },
    })
    expect(res.body.uitkomst?.deelnemers[0].uitleg.en).toMatch(/^Does not gain: net present value -€/)
  })
})

describe('scenarios: compare', () => {
  it('puts two scenarios side by side, per participant', async () => {
    const a = await maak()
    const b = await maak(
      haalbaarheid(
        { naam: 'Alleen Hilversum en Gooise Meren' },
        {
          deelnemers: [
            { organisatieId: org.H, huidigeKosten: { eenmalig: euro(300_000), jaarlijks: euro(1_100_000) } },
            { organisatieId: org.G, huidigeKosten: { eenmalig: euro(300_000), jaarlijks: euro(700_000) } },
          ],
          gezamenlijk: { eenmalig: euro(400_000), jaarlijks: euro(1_500_000) },
          verdeling: {
            soort: 'vast percentage',
            percentages: [
              { deelnemerId: org.H, percentage: 60 },
              { deelnemerId: org.G, percentage: 40 },
            ],
          },
          maatstaven: [],
        },
      ),
    )
    const res = await als<ScenarioVergelijking>('regisseur-hilversum', 'GET', `/scenarios/_vergelijking?ids=${a.id},${b.id}`)
    expect(res.status).toBe(200)
    expect(res.body.scenarios.map((s) => [s.id, s.aantalDeelnemers])).toEqual([
      [a.id, 3],
      [b.id, 2],
    ])
    expect(res.body.deelnemers.map((d) => d.naam)).toEqual(['Gooise Meren', 'Hilversum', 'Wijdemeren'])
    const wijdemeren = res.body.deelnemers[2]
    expect(wijdemeren.perScenario.map((p) => p.doetMee)).toEqual([true, false])
    const hilversum = res.body.deelnemers[1]
    const inA = hilversum.perScenario[0]
    expect(inA.doetMee && inA.oordeel).toBe('gaat er niet op vooruit')
    expect(inA.doetMee && inA.nettoContanteWaarde).toBe(a.uitkomst?.deelnemers[0].nettoContanteWaarde)
    const inB = hilversum.perScenario[1]
    // 60% of € 1.500.000 = € 900.000 a year against € 1.100.000 alone: now Hilversum gains.
    expect(inB.doetMee && inB.oordeel).toBe('gaat erop vooruit')
  })

  it('refuses fewer than two, more than five and duplicate ids; 404 for what the caller cannot see', async () => {
    const a = await maak()
    const b = await maak()
    const one = await als('regisseur-hilversum', 'GET', `/scenarios/_vergelijking?ids=${a.id}`)
    expect(isProblem(one, 400)).toBe(true)
    expect(params(one)).toEqual([['ids', 'ongeldig-patroon']])
    const six = await als('regisseur-hilversum', 'GET', `/scenarios/_vergelijking?ids=${[a.id, b.id, a.id, b.id, a.id, b.id].join(',')}`)
    expect(six.status).toBe(400)
    const dup = await als('regisseur-hilversum', 'GET', `/scenarios/_vergelijking?ids=${a.id},${a.id}`)
    expect(params(dup)).toEqual([['ids', 'dubbel']])
    const missing = await als('regisseur-hilversum', 'GET', `/scenarios/_vergelijking?ids=${a.id},00000000-0000-4000-8000-000000000000`)
    expect(isProblem(missing, 404)).toBe(true)
    const hidden = await als('beheerder-heemstede', 'GET', `/scenarios/_vergelijking?ids=${a.id},${b.id}`)
    expect(hidden.status).toBe(404)
  })
})

describe('scenarios: visibility and rights', () => {
  it('hides a scenario from a municipality that takes no part (404, not in the list)', async () => {
    const s = await maak()
    const get = await als('beheerder-heemstede', 'GET', `/scenarios/${s.id}`)
    expect(isProblem(get, 404)).toBe(true)
    const list = await als<{ resultaten: { id: string }[] }>('beheerder-heemstede', 'GET', '/scenarios?paginaGrootte=100')
    expect(list.body.resultaten.map((x) => x.id)).not.toContain(s.id)
    const patch = await als('beheerder-heemstede', 'PATCH', `/scenarios/${s.id}`, { naam: 'x' })
    expect(patch.status).toBe(404)
    const del = await als('beheerder-heemstede', 'DELETE', `/scenarios/${s.id}`)
    expect(del.status).toBe(404)
  })

  it('lets a lezer of a participant read but not write (403)', async () => {
    const s = await maak()
    const get = await als<Scenario>('lezer-wijdemeren', 'GET', `/scenarios/${s.id}`)
    expect(get.status).toBe(200)
    expect(get.body.toegestaneActies).toEqual([])
    const before = await aantal()
    const post = await als('lezer-wijdemeren', 'POST', '/scenarios', haalbaarheid())
    expect(isProblem(post, 403)).toBe(true)
    expect(await aantal()).toBe(before)
    expect((await als('lezer-wijdemeren', 'PATCH', `/scenarios/${s.id}`, { naam: 'x' })).status).toBe(403)
    expect((await als('lezer-wijdemeren', 'DELETE', `/scenarios/${s.id}`)).status).toBe(403)
  })

  it('refuses a beheerder whose organisation takes no part (403), and lets a beheerder of a participant write', async () => {
    const before = await aantal()
    const res = await als('beheerder-heemstede', 'POST', '/scenarios', haalbaarheid())
    expect(res.status).toBe(403)
    expect(await aantal()).toBe(before)
    const ok = await als('beheerder-hilversum', 'POST', '/scenarios', haalbaarheid())
    expect(ok.status).toBe(201)
  })

  it('refuses a change that would take the caller’s own organisation out of the scenario (403)', async () => {
    const s = await maak()
    const zonderHilversum = haalbaarheid(
      {},
      {
        deelnemers: haalbaarheid().invoer.deelnemers.slice(1),
        maatstaven: haalbaarheid().invoer.maatstaven?.slice(1),
      },
    )
    const res = await als('regisseur-hilversum', 'PUT', `/scenarios/${s.id}`, zonderHilversum)
    expect(res.status).toBe(403)
  })
})

describe('scenarios: bad input is 400 with invalidParams, and nothing is stored', () => {
  const deelnemer = (i: number, kosten: Record<string, unknown>) => {
    const d = haalbaarheid().invoer.deelnemers.map((x) => ({ ...x, huidigeKosten: { ...x.huidigeKosten } }))
    d[i] = { ...d[i], huidigeKosten: { ...d[i].huidigeKosten, ...kosten } } as (typeof d)[number]
    return d
  }
  const cases: [string, () => unknown, [string, string][]][] = [
    [
      'negative cents',
      () => haalbaarheid({}, { deelnemers: deelnemer(0, { eenmalig: -1 }) }),
      [['invoer.deelnemers[0].huidigeKosten.eenmalig', 'te-klein']],
    ],
    [
      'fractional cents',
      () => haalbaarheid({}, { gezamenlijk: { eenmalig: 100.5, jaarlijks: 0 } }),
      [['invoer.gezamenlijk.eenmalig', 'ongeldig-type']],
    ],
    ['horizon 0', () => haalbaarheid({}, { horizonJaren: 0 }), [['invoer.horizonJaren', 'te-klein']]],
    ['horizon 31', () => haalbaarheid({}, { horizonJaren: 31 }), [['invoer.horizonJaren', 'te-groot']]],
    ['rate below 0', () => haalbaarheid({}, { disconteringsvoet: -0.5 }), [['invoer.disconteringsvoet', 'te-klein']]],
    ['rate above 100', () => haalbaarheid({}, { disconteringsvoet: 100.5 }), [['invoer.disconteringsvoet', 'te-groot']]],
    [
      'percentages not adding up to 100',
      () =>
        haalbaarheid(
          {},
          {
            verdeling: {
              soort: 'vast percentage',
              percentages: [
                { deelnemerId: org.H, percentage: 50 },
                { deelnemerId: org.W, percentage: 20 },
                { deelnemerId: org.G, percentage: '29.99' },
              ],
            },
          },
        ),
      [['invoer.verdeling.percentages', 'som-niet-100']],
    ],
    [
      'a key naming a non-participant',
      () =>
        haalbaarheid(
          {},
          {
            verdeling: {
              soort: 'vast percentage',
              percentages: [
                { deelnemerId: org.H, percentage: 50 },
                { deelnemerId: org.W, percentage: 20 },
                { deelnemerId: org.G, percentage: 20 },
                { deelnemerId: org.HS, percentage: 10 },
              ],
            },
          },
        ),
      [['invoer.verdeling.percentages[3].deelnemerId', 'geen-deelnemer']],
    ],
    [
      'duplicate participants',
      () =>
        haalbaarheid(
          {},
          {
            deelnemers: [...haalbaarheid().invoer.deelnemers, { organisatieId: org.W, huidigeKosten: { eenmalig: 0, jaarlijks: 0 } }],
          },
        ),
      [['invoer.deelnemers[3].organisatieId', 'dubbel']],
    ],
    [
      'a participant that does not exist',
      () =>
        haalbaarheid(
          {},
          {
            deelnemers: [
              ...haalbaarheid().invoer.deelnemers,
              { organisatieId: '00000000-0000-4000-8000-000000000000', huidigeKosten: { eenmalig: 0, jaarlijks: 0 } },
            ],
            verdeling: { soort: 'gelijke delen' },
            maatstaven: [],
          },
        ),
      [['invoer.deelnemers[3].organisatieId', 'bestaat-niet']],
    ],
    [
      'a samenwerking the caller cannot see',
      () => haalbaarheid({ samenwerkingId: samenwerking['ICT-samenwerking Bloemendaal – Heemstede'] }),
      [['samenwerkingId', 'bestaat-niet']],
    ],
    ['another soort', () => ({ ...haalbaarheid(), soort: 'uittreden' }), [['soort', 'ongeldige-waarde']]],
    ['an unknown field', () => ({ ...haalbaarheid(), uitkomst: {} }), [['uitkomst', 'onbekend-veld']]],
  ]

  for (const [naam, body, verwacht] of cases) {
    it(`${naam} → 400`, async () => {
      const before = await aantal()
      const res = await als('regisseur-hilversum', 'POST', '/scenarios', body())
      expect(isProblem(res, 400), res.text).toBe(true)
      expect(params(res)).toEqual(verwacht)
      expect(await aantal()).toBe(before)
    })
  }

  it('reports every error at once, and refuses bad input on update too', async () => {
    const s = await maak()
    const res = await als(
      'regisseur-hilversum',
      'PUT',
      `/scenarios/${s.id}`,
      haalbaarheid({}, { horizonJaren: 0, disconteringsvoet: 101, deelnemers: deelnemer(1, { jaarlijks: 1.5 }) }),
    )
    expect(res.status).toBe(400)
    expect(
      params(res)
        .map(([n]) => n)
        .sort(),
    ).toEqual(['invoer.deelnemers[1].huidigeKosten.jaarlijks', 'invoer.disconteringsvoet', 'invoer.horizonJaren'].sort())
    const now = await als<Scenario>('regisseur-hilversum', 'GET', `/scenarios/${s.id}`)
    expect(now.body.revisie).toBe(1)
  })
})
