import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Kostenpost } from '../../src/schemas/kosten.js'
import { alsGebruiker, type Lijst, startDemoServer } from '../helpers/demo.js'
import type { TestServer } from '../helpers/server.js'
import { isProblem, type Reply, type Session, send } from '../helpers/toegang.js'

// Issue 15: the harmonisation overview of a samenwerking over HTTP on the demo data —
// where partners use different applicaties for one GEMMA reference component (first),
// with their costs in a year computed as GET /kostenposten computes them, only for who may
// see those costs; an invisible samenwerking is as unknown.

let server: TestServer
const sessies: Record<string, Session> = {}
const ids: Record<string, string> = {}
const { get, idVan, alleIds, gebruikerMet } = alsGebruiker(() => server, sessies)

type Naam = { id: string; naam: string }
type App = { applicatie: Naam; leverancier?: Naam; gebruikers: Naam[]; kosten?: { bedrag: number; posten: number } }
type Harmonisatie = {
  samenwerking: Naam
  jaar: number
  referentiecomponenten: { referentiecomponent: Naam & { gemmaId?: string }; verschillend: boolean; applicaties: App[] }[]
  zonderReferentiecomponent: { applicatie: Naam; gebruikers: Naam[] }[]
  aantallen: { componenten: number; uiteenlopend: number }
}
type Problem = { detail: string; instance?: string; invalidParams?: { name: string; code: string }[] }

const overzicht = (wie: string, q: string) => get<Harmonisatie>(wie, `/harmonisatie?samenwerkingId=${ids.hilWijd}${q}`)
const groep = (h: Harmonisatie, naam: string) => h.referentiecomponenten.find((g) => g.referentiecomponent.naam === naam)
const app = (h: Harmonisatie, component: string, naam: string) => groep(h, component)?.applicaties.find((a) => a.applicatie.naam === naam)

/** The realised (else budgeted) amount and number of the kostenposten naming the applicatie in the year, as `wie` sees them. */
async function kostenVolgensKostenposten(wie: string, applicatieId: string, jaar: number) {
  const res = await get<Lijst<Kostenpost>>(wie, `/kostenposten?applicatieId=${applicatieId}&jaar=${jaar}&paginaGrootte=200`)
  expect(res.status).toBe(200)
  const posten = res.body.resultaten
  for (const k of posten) expect(k.applicatieId).toBe(applicatieId)
  return { bedrag: posten.reduce((s, k) => s + (k.realisatie ?? k.begroting ?? 0), 0), posten: posten.length }
}

beforeAll(async () => {
  server = await startDemoServer(['admin', 'lezer-wijdemeren', 'beheerder-hilversum', 'beheerder-heemstede'], sessies)
  ids.hilWijd = await idVan('/samenwerkingen', 'naam', 'Gastheerschappen Hilversum – Wijdemeren')
  ids.bloHee = await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Bloemendaal – Heemstede')
  ids.key2 = await idVan('/applicaties', 'naam', 'Key2Belastingen')
  ids.belastingLeverancier = await idVan('/organisaties', 'naam', 'Leverancier belastingsoftware (fictief)')
})
afterAll(async () => server?.close())

describe('GET /harmonisatie', () => {
  it('lists the zaaksystemen of Hilversum and Wijdemeren as different, first', async () => {
    const res = await overzicht('beheerder-hilversum', '&jaar=2026')
    expect(res.status).toBe(200)
    const h = res.body
    expect(h.samenwerking).toEqual({ id: ids.hilWijd, naam: 'Gastheerschappen Hilversum – Wijdemeren' })
    expect(h.jaar).toBe(2026)
    const eerste = h.referentiecomponenten[0]
    expect(eerste.referentiecomponent.naam).toBe('Zaaksysteem')
    expect(eerste.verschillend).toBe(true)
    expect(eerste.applicaties.map((a) => a.applicatie.naam).sort()).toEqual(['Zaaksysteem Hilversum', 'Zaaksysteem Wijdemeren'])
    expect(app(h, 'Zaaksysteem', 'Zaaksysteem Hilversum')?.gebruikers.map((g) => g.naam)).toEqual(['Hilversum'])
    // Bloemendaal-Heemstede's zaaksysteem is not a partner's.
    expect(JSON.stringify(h)).not.toContain('Bloemendaal')
    // Differences first, then the rest; the counts match the lists.
    const vlaggen = h.referentiecomponenten.map((g) => g.verschillend)
    expect(vlaggen).toEqual([...vlaggen].sort((a, b) => Number(b) - Number(a)))
    for (const g of h.referentiecomponenten) expect(g.verschillend).toBe(g.applicaties.length > 1)
    expect(h.aantallen).toEqual({ componenten: h.referentiecomponenten.length, uiteenlopend: vlaggen.filter(Boolean).length })
    expect(h.aantallen.uiteenlopend).toBe(1)
    // DLP has no reference component: listed apart.
    expect(h.zonderReferentiecomponent.map((z) => z.applicatie.naam)).toContain('DLP')
    expect((await overzicht('admin', '&jaar=2026')).body).toEqual(h)
  })

  it('shows each caller only the applicaties it may see (Wijdemeren does not see Hilversum’s zaaksysteem)', async () => {
    for (const wie of ['lezer-wijdemeren', 'beheerder-hilversum']) {
      const h = (await overzicht(wie, '&jaar=2026')).body
      const zichtbaar = new Set(await alleIds(wie, '/applicaties'))
      const getoond = [...h.referentiecomponenten.flatMap((g) => g.applicaties), ...h.zonderReferentiecomponent].map((a) => a.applicatie.id)
      expect(getoond.length).toBeGreaterThan(0)
      for (const id of getoond) expect(zichtbaar.has(id), `${wie} ${id}`).toBe(true)
    }
    const h = (await overzicht('lezer-wijdemeren', '&jaar=2026')).body
    expect(groep(h, 'Zaaksysteem')).toMatchObject({
      verschillend: false,
      applicaties: [{ applicatie: { naam: 'Zaaksysteem Wijdemeren' } }],
    })
    expect(JSON.stringify(h)).not.toContain('Zaaksysteem Hilversum')
    expect(h.aantallen.uiteenlopend).toBe(0)
  })

  it('gives Key2Belastingen the costs of 2026 as GET /kostenposten adds them up, and none in 2024', async () => {
    const h = (await overzicht('lezer-wijdemeren', '&jaar=2026')).body
    const key2 = app(h, 'Belastingsysteem', 'Key2Belastingen')
    expect(key2?.leverancier).toEqual({ id: ids.belastingLeverancier, naam: 'Leverancier belastingsoftware (fictief)' })
    expect(key2?.gebruikers.map((g) => g.naam).sort()).toEqual(['Hilversum', 'Wijdemeren'])
    const verwacht = await kostenVolgensKostenposten('lezer-wijdemeren', ids.key2, 2026)
    expect(verwacht.posten).toBeGreaterThan(0)
    expect(key2?.kosten).toEqual(verwacht)
    // The demo's licence for 2026: € 41.730,00 realised.
    expect(key2?.kosten?.bedrag).toBe(4_173_000)
    // The same applicatie under its second component carries the same figure.
    expect(app(h, 'WOZ-systeem', 'Key2Belastingen')?.kosten).toEqual(verwacht)

    const oud = (await overzicht('lezer-wijdemeren', '&jaar=2024')).body
    expect(oud.jaar).toBe(2024)
    expect(app(oud, 'Belastingsysteem', 'Key2Belastingen')).toBeDefined()
    expect(oud.referentiecomponenten.flatMap((g) => g.applicaties).filter((a) => a.kosten)).toEqual([])
    expect(await kostenVolgensKostenposten('lezer-wijdemeren', ids.key2, 2024)).toEqual({ bedrag: 0, posten: 0 })
  })

  it('takes this year in Amsterdam without jaar', async () => {
    const res = await overzicht('admin', '')
    expect(res.status).toBe(200)
    const jaar = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date()))
    expect(res.body.jaar).toBe(jaar)
  })

  it('shows no costs to a caller who may not see the kostenposten', async () => {
    // The supplier of Key2Belastingen, invited into the samenwerking but not confirmed:
    // it sees the samenwerking and its own applicatie, none of the partners' costs.
    const sw = await get<{
      naam: string
      vorm: string
      omschrijving?: string
      leden: { organisatieId: string; startdatum?: string }[]
      revisie: number
    }>('admin', `/samenwerkingen/${ids.hilWijd}`)
    const invoer = {
      naam: sw.body.naam,
      vorm: sw.body.vorm,
      omschrijving: sw.body.omschrijving,
      leden: [
        ...sw.body.leden.map((l) => ({ organisatieId: l.organisatieId, startdatum: l.startdatum })),
        { organisatieId: ids.belastingLeverancier },
      ],
    }
    const res = await send(server.base, 'PUT', `/samenwerkingen/${ids.hilWijd}`, {
      session: sessies['beheerder-hilversum'],
      body: invoer,
      headers: { 'if-match': `"${sw.body.revisie}"` },
    })
    expect(res.status, res.text).toBe(200)
    const lid = (res.body as { leden: { organisatieId: string; bevestigd: boolean }[] }).leden.find(
      (l) => l.organisatieId === ids.belastingLeverancier,
    )
    expect(lid?.bevestigd).toBe(false)
    await gebruikerMet('lezer-leverancier', [{ rol: 'lezer', organisatieId: ids.belastingLeverancier }])

    const h = await overzicht('lezer-leverancier', '&jaar=2026')
    expect(h.status).toBe(200)
    const key2 = app(h.body, 'Belastingsysteem', 'Key2Belastingen')
    expect(key2).toBeDefined()
    expect(key2?.kosten).toBeUndefined()
    expect(await kostenVolgensKostenposten('lezer-leverancier', ids.key2, 2026)).toEqual({ bedrag: 0, posten: 0 })
    // While a partner sees them in the same overview.
    expect(
      app((await overzicht('lezer-wijdemeren', '&jaar=2026')).body, 'Belastingsysteem', 'Key2Belastingen')?.kosten?.posten,
    ).toBeGreaterThan(0)
  })

  it('answers an invisible samenwerking exactly as an unknown one (404)', async () => {
    const onbekend = '00000000-0000-4000-8000-00000000abcd'
    const a = await get<Problem>('lezer-wijdemeren', `/harmonisatie?samenwerkingId=${ids.bloHee}`)
    const b = await get<Problem>('lezer-wijdemeren', `/harmonisatie?samenwerkingId=${onbekend}`)
    expect(isProblem(a, 404)).toBe(true)
    expect(isProblem(b, 404)).toBe(true)
    const zonder = (r: Reply<Problem>, id: string) => JSON.parse(JSON.stringify({ ...r.body, instance: undefined }).replaceAll(id, '<id>'))
    expect(zonder(a, ids.bloHee)).toEqual(zonder(b, onbekend))
    expect((await get('beheerder-heemstede', `/harmonisatie?samenwerkingId=${ids.bloHee}`)).status).toBe(200)
  })

  it('refuses a bad jaar or samenwerkingId with a 400 naming the field, and an anonymous caller with 401', async () => {
    for (const jaar of ['abc', '99999', '2026.5']) {
      const res = await overzicht('admin', `&jaar=${jaar}`)
      expect(isProblem(res as unknown as Reply, 400), `jaar=${jaar}`).toBe(true)
      expect((res.body as unknown as Problem).invalidParams?.map((p) => p.name)).toEqual(['jaar'])
    }
    const geen = await get<Problem>('admin', '/harmonisatie')
    expect(isProblem(geen, 400)).toBe(true)
    expect(geen.body.invalidParams?.map((p) => p.name)).toEqual(['samenwerkingId'])
    const fout = await get<Problem>('admin', '/harmonisatie?samenwerkingId=geen-uuid')
    expect(isProblem(fout, 400)).toBe(true)
    expect(fout.body.invalidParams?.map((p) => p.name)).toEqual(['samenwerkingId'])
    const anoniem = await send(server.base, 'GET', `/harmonisatie?samenwerkingId=${ids.hilWijd}`)
    expect(isProblem(anoniem, 401)).toBe(true)
  })
})
