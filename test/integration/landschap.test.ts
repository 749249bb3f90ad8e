import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { seedDemo } from '../../src/io/demo.js'
import { DEMO_WACHTWOORD, seedDemoGebruikers } from '../../src/io/demo-gebruikers.js'
import type { Dashboard, Landschap } from '../../src/schemas/landschap.js'
import { createServices } from '../../src/services/index.js'
import { buildApplicatie, buildKoppeling, buildOrganisatie, create } from '../helpers/factories.js'
import { startServer, type TestServer } from '../helpers/server.js'
import { isProblem, login, nextClientIp, type Session, send } from '../helpers/toegang.js'

// GET /dashboard and GET /landschap over HTTP on the demo data: each demo user gets
// what the registry lists show it, counted and drawn, and nothing of anyone else.

let server: TestServer
const sessies: Record<string, Session> = {}
const HW = 'Gastheerschappen Hilversum – Wijdemeren'
const HG = 'ICT-samenwerking Hilversum – Gooise Meren'
const BH = 'ICT-samenwerking Bloemendaal – Heemstede'

beforeAll(async () => {
  server = await startServer()
  const db = server.database.handle.db
  await seedDemo(createServices(db), cliActor('test'))
  await seedDemoGebruikers(db, cliActor('test'))
  for (const naam of ['lezer-wijdemeren', 'beheerder-heemstede', 'beheerder-hilversum', 'admin'])
    sessies[naam] = await login(server.base, naam, DEMO_WACHTWOORD, nextClientIp())
})
afterAll(async () => server?.close())

const get = <T>(wie: string, path: string) => send<T>(server.base, 'GET', path, { session: sessies[wie] })

async function lijst(wie: string, path: string): Promise<{ id: string; naam: string }[]> {
  const res = await get<{ resultaten: { id: string; naam: string }[] }>(wie, `${path}?paginaGrootte=200`)
  expect(res.status).toBe(200)
  return res.body.resultaten
}

const namen = (l: { naam: string }[]) => l.map((x) => x.naam).sort()

describe('GET /dashboard', () => {
  it('shows lezer-wijdemeren its one samenwerking with members, gastheerschappen and koppeling counts', async () => {
    const res = await get<Dashboard>('lezer-wijdemeren', '/dashboard')
    expect(res.status).toBe(200)
    const d = res.body
    expect(d.samenwerkingen.map((s) => s.naam)).toEqual([HW])
    const hw = d.samenwerkingen[0]
    expect(hw?.leden.map((l) => l.naam)).toEqual(['Hilversum', 'Wijdemeren'])
    expect(hw?.gastheerschappen.map((g) => g.taak).sort()).toEqual(
      ['BAG/BGT', 'Belastingen inclusief uitvoering Wet WOZ', 'Financiële administratie', 'Personeels- en salarisadministratie'].sort(),
    )
    for (const g of hw?.gastheerschappen ?? []) {
      expect(g.gastheer.naam).toBe('Hilversum')
      expect(g.afnemers.map((a) => a.naam)).toEqual(['Wijdemeren'])
    }
    expect(hw?.koppelingen).toEqual({ totaal: 7, persoonsgegevens: 4, vertrouwelijkheid: { laag: 2, midden: 1, hoog: 4 } })
  })

  it('counts exactly what the lists show the caller', async () => {
    for (const wie of ['lezer-wijdemeren', 'beheerder-heemstede', 'admin']) {
      const { body: d } = await get<Dashboard>(wie, '/dashboard')
      expect(d.totalen.samenwerkingen, wie).toBe((await lijst(wie, '/samenwerkingen')).length)
      expect(d.totalen.gastheerschappen, wie).toBe((await lijst(wie, '/gastheerschappen')).length)
      expect(d.totalen.applicaties, wie).toBe((await lijst(wie, '/applicaties')).length)
      expect(d.totalen.koppelingen, wie).toBe((await lijst(wie, '/koppelingen')).length)
      expect(d.totalen.organisaties, wie).toBe((await lijst(wie, '/organisaties')).length)
      expect(d.koppelingen.totaal).toBe(d.totalen.koppelingen)
    }
  })

  it('shows beheerder-heemstede only Bloemendaal – Heemstede, and names nothing of Hilversum', async () => {
    const res = await get<Dashboard>('beheerder-heemstede', '/dashboard')
    expect(res.body.samenwerkingen.map((s) => s.naam)).toEqual([BH])
    expect(res.body.samenwerkingen[0]?.koppelingen).toEqual({
      totaal: 1,
      persoonsgegevens: 1,
      vertrouwelijkheid: { laag: 0, midden: 0, hoog: 1 },
    })
    expect(res.text).not.toContain('Hilversum')
    expect(res.text).not.toContain('Key2Belastingen')
  })

  it('shows an admin every samenwerking', async () => {
    const res = await get<Dashboard>('admin', '/dashboard')
    expect(res.body.samenwerkingen.map((s) => s.naam)).toEqual([HW, BH, HG].sort((a, b) => a.localeCompare(b, 'nl')))
    expect(res.body.koppelingen.totaal).toBe(9)
  })

  it('answers 401 problem+json without a session', async () => {
    expect(isProblem(await send(server.base, 'GET', '/dashboard'), 401)).toBe(true)
  })
})

describe('GET /landschap', () => {
  const knoopNamen = (l: Landschap, soort: string) => namen(l.knopen.filter((k) => k.soort === soort))

  it('draws for lezer-wijdemeren the applicaties and koppelingen it may list, and their users', async () => {
    const res = await get<Landschap>('lezer-wijdemeren', '/landschap')
    expect(res.status).toBe(200)
    const l = res.body
    expect(knoopNamen(l, 'applicatie')).toEqual(namen(await lijst('lezer-wijdemeren', '/applicaties')))
    expect(knoopNamen(l, 'organisatie')).toEqual(['Hilversum', 'Wijdemeren'])
    expect(knoopNamen(l, 'voorziening')).toEqual(['BAG', 'BRP', 'MijnOverheid Berichtenbox'])
    const koppelingen = l.verbindingen.filter((v) => v.soort === 'koppeling')
    expect(koppelingen.map((k) => k.koppelingId).sort()).toEqual((await lijst('lezer-wijdemeren', '/koppelingen')).map((k) => k.id).sort())
    // Every end of every verbinding is a knoop in the answer.
    const ids = new Set(l.knopen.map((k) => k.id))
    for (const v of l.verbindingen) for (const end of [v.bron, v.doel, v.via]) if (end) expect(ids.has(end), end).toBe(true)
    // The BRP koppeling runs via the Gegevensmakelaar.
    const makelaar = l.knopen.find((k) => k.naam === 'Gegevensmakelaar')
    expect(koppelingen.find((k) => k.naam === 'Gegevensmakelaar – Key2Belastingen (BRP)')).toMatchObject({
      bron: 'voorziening:brp',
      via: makelaar?.id,
      vertrouwelijkheid: 'hoog',
      persoonsgegevens: true,
    })
    expect(res.text).not.toContain('Gooise Meren')
    expect(res.text).not.toContain('Bloemendaal')
  })

  it('draws for beheerder-heemstede only its own cooperation', async () => {
    const { body: l } = await get<Landschap>('beheerder-heemstede', '/landschap')
    expect(knoopNamen(l, 'applicatie')).toEqual(['Documentmanagementsysteem Bloemendaal-Heemstede', 'Zaaksysteem Bloemendaal-Heemstede'])
    expect(knoopNamen(l, 'organisatie')).toEqual(['Bloemendaal', 'Heemstede'])
    expect(l.verbindingen.filter((v) => v.soort === 'koppeling')).toHaveLength(1)
    expect(l.verbindingen.filter((v) => v.soort === 'gebruikt')).toHaveLength(4)
  })

  it('filters by samenwerking, organisatie and classification', async () => {
    const sw = await lijst('admin', '/samenwerkingen')
    const id = (naam: string) => sw.find((s) => s.naam === naam)?.id
    const alles = (await get<Landschap>('admin', '/landschap')).body
    const hg = (await get<Landschap>('admin', `/landschap?samenwerkingId=${id(HG)}`)).body
    expect(hg.knopen.length).toBeLessThan(alles.knopen.length)
    expect(knoopNamen(hg, 'organisatie')).toEqual(['Gooise Meren', 'Hilversum'])
    expect(hg.verbindingen.filter((v) => v.soort === 'koppeling').map((v) => v.naam)).toEqual([
      'Meldingen Gooise Meren – ICT-servicedesksysteem',
    ])

    const orgs = await lijst('admin', '/organisaties')
    const bloemendaal = orgs.find((o) => o.naam === 'Bloemendaal')?.id
    const blo = (await get<Landschap>('admin', `/landschap?organisatieId=${bloemendaal}`)).body
    expect(knoopNamen(blo, 'organisatie')).toEqual(['Bloemendaal'])
    expect(knoopNamen(blo, 'applicatie')).toHaveLength(2)
    // Organisation outside the samenwerking: nothing.
    const leeg = (await get<Landschap>('admin', `/landschap?organisatieId=${bloemendaal}&samenwerkingId=${id(HG)}`)).body
    expect(leeg).toEqual({ knopen: [], verbindingen: [] })

    const laag = (await get<Landschap>('admin', '/landschap?vertrouwelijkheid=laag')).body
    expect(laag.verbindingen.filter((v) => v.soort === 'koppeling').map((v) => v.vertrouwelijkheid)).toEqual(['laag', 'laag'])
    expect(knoopNamen(laag, 'applicatie')).toEqual(['BAG/BGT-beheersysteem', 'Gegevensmakelaar', 'Zaaksysteem Wijdemeren'])
    const zonder = (await get<Landschap>('admin', '/landschap?persoonsgegevens=false')).body
    expect(zonder.verbindingen.filter((v) => v.soort === 'koppeling').every((v) => v.persoonsgegevens === false)).toBe(true)
    expect(zonder.verbindingen.filter((v) => v.soort === 'koppeling')).toHaveLength(3)
  })

  it('gives a samenwerking the caller may not see no content, like one that does not exist', async () => {
    const sw = await lijst('admin', '/samenwerkingen')
    const bh = sw.find((s) => s.naam === BH)?.id
    const res = await get<Landschap>('lezer-wijdemeren', `/landschap?samenwerkingId=${bh}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ knopen: [], verbindingen: [] })
    const onbekend = await get<Landschap>('lezer-wijdemeren', '/landschap?samenwerkingId=00000000-0000-4000-8000-000000000000')
    expect(onbekend.body).toEqual(res.body)
  })

  it('leaves out a koppeling whose other end the caller may not see, and never names that end', async () => {
    // Wijdemeren links its zaaksysteem to an applicatie of an outsider, owned by the outsider,
    // serving no gastheerschap: the koppeling is visible (it touches Wijdemeren's applicatie),
    // the outsider's applicatie is not.
    const base = server.base
    const buiten = await create(base, 'organisaties', buildOrganisatie({ naam: 'Buitenstaander BV' }))
    const geheim = await create(base, 'applicaties', buildApplicatie({ naam: 'Geheime applicatie', inGebruikBij: [buiten.id] }))
    const zaak = (await lijst('admin', '/applicaties')).find((a) => a.naam === 'Zaaksysteem Wijdemeren')
    const k = await create(
      base,
      'koppelingen',
      buildKoppeling({ naam: 'Naar buiten', bronApplicatieId: zaak?.id, doelApplicatieId: geheim.id, eigenaarId: buiten.id }),
    )
    expect((await lijst('lezer-wijdemeren', '/koppelingen')).map((x) => x.id)).toContain(k.id)
    const res = await get<Landschap>('lezer-wijdemeren', '/landschap')
    expect(res.text).not.toContain(geheim.id)
    expect(res.text).not.toContain('Geheime applicatie')
    expect(res.text).not.toContain('Buitenstaander')
    const admin = await get<Landschap>('admin', '/landschap')
    expect(admin.text).toContain('Geheime applicatie')
  })

  it('answers bad query parameters with 400 problem+json naming every one', async () => {
    const res = await get<{ invalidParams: { name: string }[] }>(
      'lezer-wijdemeren',
      '/landschap?samenwerkingId=geen-uuid&vertrouwelijkheid=zeer-hoog&persoonsgegevens=misschien',
    )
    expect(isProblem(res, 400)).toBe(true)
    expect(res.body.invalidParams.map((p) => p.name).sort()).toEqual(['persoonsgegevens', 'samenwerkingId', 'vertrouwelijkheid'].sort())
    const onbekend = await get<Record<string, unknown>>('lezer-wijdemeren', '/landschap?kleur=rood')
    expect(isProblem(onbekend, 400)).toBe(true)
  })
})
