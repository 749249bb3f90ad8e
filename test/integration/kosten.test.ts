import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { seedDemo } from '../../src/io/demo.js'
import { DEMO_WACHTWOORD, seedDemoGebruikers } from '../../src/io/demo-gebruikers.js'
import type { Kostenpost, KostenpostVerdeling, Verdeelsleutel } from '../../src/schemas/kosten.js'
import { createServices } from '../../src/services/index.js'
import { startServer, type TestServer } from '../helpers/server.js'
import { isProblem, login, nextClientIp, type Reply, type Session, send } from '../helpers/toegang.js'

// Kostenposten, verdeelsleutels, maatstafwaarden and referentiewaarden over HTTP on the
// demo data: who sees and changes what, the allocation of a post to the cent, and every
// kind of bad input refused with a 400/409 that names the field — with nothing stored.

let server: TestServer
const sessies: Record<string, Session> = {}
const ids: Record<string, string> = {}

type Lijst<T> = { resultaten: T[]; paginering: { totaalAantal: number } }
type Problem = {
  invalidParams?: { name: string; code: string; reason: string }[]
  afhankelijken?: { objecttype: string }[]
  detail: string
}

const get = <T>(wie: string, path: string) => send<T>(server.base, 'GET', path, { session: sessies[wie] })
const post = <T>(wie: string, path: string, body: unknown) => send<T>(server.base, 'POST', path, { session: sessies[wie], body })

async function idVan(path: string, veld: string, waarde: string): Promise<string> {
  const res = await get<Lijst<Record<string, string>>>('admin', `${path}?paginaGrootte=200`)
  const found = res.body.resultaten.find((r) => r[veld] === waarde)
  if (!found) throw new Error(`${waarde} not found in ${path}`)
  return found.id
}

async function aantal(path: string): Promise<number> {
  return (await get<Lijst<unknown>>('admin', `${path}?paginaGrootte=1`)).body.paginering.totaalAantal
}

const veldfouten = (res: Reply<Problem>) => (res.body.invalidParams ?? []).map((p) => `${p.name}:${p.code}`)

beforeAll(async () => {
  server = await startServer()
  const db = server.database.handle.db
  await seedDemo(createServices(db), cliActor('test'))
  await seedDemoGebruikers(db, cliActor('test'))
  for (const naam of [
    'admin',
    'regisseur-hilversum',
    'beheerder-hilversum',
    'lezer-wijdemeren',
    'beheerder-heemstede',
    'auditor-rekenkamer',
  ])
    sessies[naam] = await login(server.base, naam, DEMO_WACHTWOORD, nextClientIp())
  ids.hilversum = await idVan('/organisaties', 'naam', 'Hilversum')
  ids.gooiseMeren = await idVan('/organisaties', 'naam', 'Gooise Meren')
  ids.wijdemeren = await idVan('/organisaties', 'naam', 'Wijdemeren')
  ids.heemstede = await idVan('/organisaties', 'naam', 'Heemstede')
  ids.hilGm = await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Hilversum – Gooise Meren')
  ids.bloHee = await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Bloemendaal – Heemstede')
  ids.bel = await idVan('/gastheerschappen', 'taak', 'Belastingen inclusief uitvoering Wet WOZ')
  ids.sleutelHgm = await idVan('/verdeelsleutels', 'naam', 'Uitwijk en helpdesk: half vast, half naar omvang')
  ids.sleutelWijd = await idVan('/verdeelsleutels', 'naam', 'Wijdemeren vergoedt alles')
})
afterAll(async () => server?.close())

const kostenpost = (o: Record<string, unknown> = {}) => ({
  omschrijving: 'Testpost',
  samenwerkingId: ids.hilGm,
  gemaaktDoorId: ids.hilversum,
  periode: '2026',
  soort: 'structureel',
  categorie: 'licenties',
  begroting: 1_000_000,
  verdeelsleutelId: ids.sleutelHgm,
  ...o,
})

describe('visibility', () => {
  it('shows each organisation the costs it shares, and no one else’s', async () => {
    const omschrijvingen = async (wie: string) =>
      new Set((await get<Lijst<Kostenpost>>(wie, '/kostenposten?paginaGrootte=200')).body.resultaten.map((k) => k.omschrijving))
    const wijdemeren = await omschrijvingen('lezer-wijdemeren')
    expect(wijdemeren.has('Inzet team belastingen en WOZ')).toBe(true)
    expect(wijdemeren.has('ICT-helpdesk: bemensing')).toBe(false)
    expect(wijdemeren.has('Uitbestede infrastructuur en beheer')).toBe(false)
    const heemstede = await omschrijvingen('beheerder-heemstede')
    expect([...heemstede].sort()).toEqual(['Uitbestede infrastructuur en beheer', 'Werkplekken (hard- en software)'])
    const auditor = await omschrijvingen('auditor-rekenkamer')
    expect(auditor).toEqual(heemstede)
  })

  it('answers 404 for a kostenpost and its verdeling the caller may not see', async () => {
    const id = await idVan('/kostenposten', 'omschrijving', 'Uitbestede infrastructuur en beheer')
    expect(isProblem(await get('lezer-wijdemeren', `/kostenposten/${id}`), 404)).toBe(true)
    expect(isProblem(await get('lezer-wijdemeren', `/kostenposten/${id}/verdeling`), 404)).toBe(true)
  })
})

describe('GET /kostenposten/{id}/verdeling', () => {
  it('allocates a mixed key to the cent, with the computation of every part', async () => {
    const list = await get<Lijst<Kostenpost>>('regisseur-hilversum', `/kostenposten?samenwerkingId=${ids.hilGm}&jaar=2025&paginaGrootte=50`)
    expect(list.status).toBe(200)
    expect(list.body.resultaten.length).toBe(2)
    for (const k of list.body.resultaten) {
      const res = await get<KostenpostVerdeling>('regisseur-hilversum', `/kostenposten/${k.id}/verdeling`)
      expect(res.status).toBe(200)
      expect(res.body.grondslag).toBe('realisatie')
      expect(res.body.bedrag).toBe(k.realisatie)
      expect(res.body.delen.reduce((s, d) => s + d.bedrag, 0)).toBe(k.realisatie)
      expect(res.body.delen.map((d) => d.naam)).toEqual(['Hilversum', 'Gooise Meren'])
      expect(res.body.sleutel.geldigVanaf).toBe(2017)
      // 50% equal shares + 50% by inwoners: two steps per part.
      expect(res.body.delen[0].stappen.map((s) => s.regel)).toEqual(['gelijke delen', 'inwoners'])
      expect(res.body.delen[0].stappen[1].aandeelInSleutel).toBe('50')
    }
  })

  it('uses the version of the key valid in the post’s year (2026: werkplekken)', async () => {
    const list = await get<Lijst<Kostenpost>>('regisseur-hilversum', `/kostenposten?samenwerkingId=${ids.hilGm}&jaar=2026&paginaGrootte=50`)
    const helpdesk = list.body.resultaten.find((k) => k.omschrijving === 'ICT-helpdesk: bemensing')
    const res = await get<KostenpostVerdeling>('regisseur-hilversum', `/kostenposten/${helpdesk?.id}/verdeling`)
    expect(res.body.grondslag).toBe('begroting')
    expect(res.body.sleutel.geldigVanaf).toBe(2026)
    expect(res.body.delen[0].stappen[1]).toMatchObject({ regel: 'maatstaf', maatstaf: 'werkplekken', waarde: '1195', totaal: '1940' })
  })

  it('answers 409 naming the organisation, measure and year when a measure is missing', async () => {
    const sleutel = await post<Verdeelsleutel>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Naar aanslagen',
      samenwerkingId: ids.hilGm,
      versies: [{ geldigVanaf: 2026, regel: { soort: 'maatstaf', maatstaf: 'aanslagen' } }],
    })
    expect(sleutel.status).toBe(201)
    await post('regisseur-hilversum', '/maatstafwaarden', {
      organisatieId: ids.hilversum,
      maatstaf: 'aanslagen',
      jaar: 2026,
      waarde: 61000,
    })
    const k = await post<Kostenpost>('regisseur-hilversum', '/kostenposten', kostenpost({ verdeelsleutelId: sleutel.body.id }))
    expect(k.status).toBe(201)
    const res = await get<Problem>('regisseur-hilversum', `/kostenposten/${k.body.id}/verdeling`)
    expect(isProblem(res, 409)).toBe(true)
    expect(res.body.detail).toContain('Gooise Meren')
    expect(res.body.detail).toContain('aanslagen')
    expect(res.body.detail).toContain('2026')
  })
})

describe('writing costs', () => {
  it('lets the regisseur of the maker create, change and delete a kostenpost, audited', async () => {
    const created = await post<Kostenpost>('regisseur-hilversum', '/kostenposten', kostenpost({ realisatie: 1_234_567 }))
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ jaar: 2026, realisatie: 1_234_567, gemaaktDoorId: ids.hilversum })
    expect(created.body.toegestaneActies).toEqual(['wijzigen', 'verwijderen'])
    const patched = await send<Kostenpost>(server.base, 'PATCH', `/kostenposten/${created.body.id}`, {
      session: sessies['regisseur-hilversum'],
      body: { periode: '2026-Q3' },
      headers: { 'if-match': `"${created.body.revisie}"` },
    })
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({ periode: '2026-Q3', jaar: 2026, revisie: 2 })
    const stale = await send(server.base, 'PATCH', `/kostenposten/${created.body.id}`, {
      session: sessies['regisseur-hilversum'],
      body: { realisatie: 1 },
      headers: { 'if-match': `"${created.body.revisie}"` },
    })
    expect(isProblem(stale, 412)).toBe(true)
    const audit = await get<Lijst<{ objecttype: string; actie: string }>>('admin', `/auditlog?objectId=${created.body.id}`)
    expect(audit.body.resultaten.map((r) => `${r.objecttype}:${r.actie}`).sort()).toEqual(['kostenpost:aanmaken', 'kostenpost:wijzigen'])
    const deleted = await send(server.base, 'DELETE', `/kostenposten/${created.body.id}`, { session: sessies['regisseur-hilversum'] })
    expect(deleted.status).toBe(204)
  })

  it('fills in the gastheer as maker of a gastheerschap’s post', async () => {
    const res = await post<Kostenpost>(
      'regisseur-hilversum',
      '/kostenposten',
      kostenpost({ samenwerkingId: undefined, gemaaktDoorId: undefined, gastheerschapId: ids.bel, verdeelsleutelId: ids.sleutelWijd }),
    )
    expect(res.status).toBe(201)
    expect(res.body.gemaaktDoorId).toBe(ids.hilversum)
  })

  it('refuses a beheerder (costs are the regisseur’s) and a regisseur of another maker', async () => {
    expect(isProblem(await post('beheerder-hilversum', '/kostenposten', kostenpost()), 403)).toBe(true)
    expect(isProblem(await post('regisseur-hilversum', '/kostenposten', kostenpost({ gemaaktDoorId: ids.gooiseMeren })), 403)).toBe(true)
    const belasting = kostenpost({
      samenwerkingId: undefined,
      gemaaktDoorId: undefined,
      gastheerschapId: ids.bel,
      verdeelsleutelId: ids.sleutelWijd,
    })
    expect(isProblem(await post('lezer-wijdemeren', '/kostenposten', belasting), 403)).toBe(true)
    // What the caller cannot see does not exist for it: a reference to it is invalid input.
    expect(isProblem(await post('lezer-wijdemeren', '/kostenposten', kostenpost()), 400)).toBe(true)
  })

  it('refuses bad amounts, periods and combinations with every error at its field, storing nothing', async () => {
    const vanaf2027 = await post<Verdeelsleutel>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Pas vanaf 2027',
      samenwerkingId: ids.hilGm,
      versies: [{ geldigVanaf: 2027, regel: { soort: 'gelijke delen' } }],
    })
    const voor = await aantal('/kostenposten')
    const cases: [Record<string, unknown>, string][] = [
      [{ begroting: -1 }, 'begroting:'],
      [{ begroting: 12.5 }, 'begroting:'],
      [{ begroting: '100' }, 'begroting:'],
      [{ periode: '2026-Q5' }, 'periode:'],
      [{ periode: '2026-13' }, 'periode:'],
      [{ gastheerschapId: ids.bel }, 'gastheerschapId:een-van-beide'],
      [{ begroting: undefined }, 'realisatie:verplicht'],
      [{ periode: '2010' }, 'periode:buiten-looptijd'],
      [{ gemaaktDoorId: ids.heemstede }, 'gemaaktDoorId:geen-deelnemer'],
      [{ verdeelsleutelId: ids.sleutelWijd }, 'verdeelsleutelId:andere-scope'],
      [{ verdeelsleutelId: vanaf2027.body.id }, 'verdeelsleutelId:geen-geldige-versie'],
      [{ soort: 'eenmalig' }, 'soort:'],
      [{ onbekend: 1 }, 'onbekend:'],
    ]
    for (const [change, expected] of cases) {
      const res = await post<Problem>('regisseur-hilversum', '/kostenposten', kostenpost(change))
      expect(res.status, JSON.stringify(change)).toBe(400)
      expect(
        veldfouten(res).some((f) => f.startsWith(expected)),
        `${JSON.stringify(change)} → ${veldfouten(res)}`,
      ).toBe(true)
    }
    // A period outside the term is the one error: who takes part and which version applies follow from it.
    expect(veldfouten(await post<Problem>('regisseur-hilversum', '/kostenposten', kostenpost({ periode: '2010' })))).toEqual([
      'periode:buiten-looptijd',
    ])
    expect(await aantal('/kostenposten')).toBe(voor)
  })
})

describe('verdeelsleutels', () => {
  it('refuses a mix that does not add up to 100 and a key naming a non-participant', async () => {
    const mix = await post<Problem>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Scheve mix',
      versies: [
        {
          geldigVanaf: 2026,
          regel: {
            soort: 'mix',
            componenten: [
              { aandeel: 50, regel: { soort: 'gelijke delen' } },
              { aandeel: 40, regel: { soort: 'inwoners' } },
            ],
          },
        },
      ],
    })
    expect(isProblem(mix, 400)).toBe(true)
    expect(veldfouten(mix)).toContain('versies[0].regel.componenten:som-niet-100')
    const vreemd = await post<Problem>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Met een buitenstaander',
      samenwerkingId: ids.hilGm,
      versies: [
        {
          geldigVanaf: 2026,
          regel: {
            soort: 'vast percentage',
            percentages: [
              { deelnemerId: ids.hilversum, percentage: '60' },
              { deelnemerId: ids.heemstede, percentage: '40' },
            ],
          },
        },
      ],
    })
    expect(isProblem(vreemd, 400)).toBe(true)
    expect(veldfouten(vreemd)).toContain('versies[0].regel.percentages[1].deelnemerId:geen-deelnemer')
    const dubbel = await post<Problem>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Twee keer 2026',
      versies: [
        { geldigVanaf: 2026, regel: { soort: 'gelijke delen' } },
        { geldigVanaf: 2026, regel: { soort: 'inwoners' } },
      ],
    })
    expect(veldfouten(dubbel)).toContain('versies[1].geldigVanaf:dubbel')
  })

  it('accepts exact decimal percentages (33.33 + 33.33 + 33.34)', async () => {
    const res = await post<Verdeelsleutel>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Derden',
      versies: [
        {
          geldigVanaf: 2026,
          regel: {
            soort: 'mix',
            componenten: [
              { aandeel: '33.33', regel: { soort: 'gelijke delen' } },
              { aandeel: '33.33', regel: { soort: 'inwoners' } },
              { aandeel: '33.34', regel: { soort: 'maatstaf', maatstaf: 'werkplekken' } },
            ],
          },
        },
      ],
    })
    expect(res.status).toBe(201)
  })

  it('will not delete a key in use, nor a samenwerking with costs (409 with dependants)', async () => {
    const sleutel = await send<Problem>(server.base, 'DELETE', `/verdeelsleutels/${ids.sleutelHgm}`, {
      session: sessies['regisseur-hilversum'],
    })
    expect(isProblem(sleutel, 409)).toBe(true)
    expect(sleutel.body.afhankelijken?.some((a) => a.objecttype === 'kostenpost')).toBe(true)
    const sw = await send<Problem>(server.base, 'DELETE', `/samenwerkingen/${ids.bloHee}`, { session: sessies.admin })
    expect(isProblem(sw, 409)).toBe(true)
    expect(sw.body.afhankelijken?.map((a) => a.objecttype)).toEqual(expect.arrayContaining(['kostenpost', 'verdeelsleutel']))
  })
})

describe('maatstafwaarden and referentiewaarden', () => {
  it('stores a measure once per organisation, measure and year', async () => {
    const body = { organisatieId: ids.gooiseMeren, maatstaf: 'fte', jaar: 2026, waarde: 431.5, bron: 'P&O' }
    const eerste = await post<{ waarde: number }>('admin', '/maatstafwaarden', body)
    expect(eerste.status).toBe(201)
    expect(eerste.body.waarde).toBe(431.5)
    const tweede = await post<Problem>('admin', '/maatstafwaarden', body)
    expect(isProblem(tweede, 400)).toBe(true)
    expect(veldfouten(tweede)).toContain('maatstaf:niet-uniek')
    expect(isProblem(await post('admin', '/maatstafwaarden', { ...body, jaar: 2027, waarde: -1 }), 400)).toBe(true)
    expect(isProblem(await post('beheerder-heemstede', '/maatstafwaarden', { ...body, jaar: 2028 }), 403)).toBe(true)
  })

  it('needs at least one reference figure', async () => {
    const res = await post<Problem>('admin', '/referentiewaarden', { naam: 'Leeg', jaar: 2025 })
    expect(veldfouten(res)).toContain('kostenPerInwoner:verplicht')
    const ok = await post('admin', '/referentiewaarden', { naam: 'Peer group', jaar: 2025, kostenPerInwoner: 7500 })
    expect(ok.status).toBe(201)
    // The benchmark's references are everyone's: only an admin keeps them (issue 10).
    expect(isProblem(await post('beheerder-heemstede', '/referentiewaarden', { naam: 'X', jaar: 2025, kostenPerInwoner: 1 }), 403)).toBe(
      true,
    )
    expect(isProblem(await post('lezer-wijdemeren', '/referentiewaarden', { naam: 'X', jaar: 2025, kostenPerInwoner: 1 }), 403)).toBe(true)
  })
})

describe('errors inside a rule', () => {
  it('reports only what is wrong with the rule kind given, not why it is no other kind', async () => {
    const res = await post<Problem>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Negatief',
      versies: [{ geldigVanaf: 2026, regel: { soort: 'vast percentage', percentages: [{ deelnemerId: ids.hilversum, percentage: -5 }] } }],
    })
    expect(isProblem(res, 400)).toBe(true)
    expect(veldfouten(res).map((f) => f.split(':')[0])).toEqual(['versies[0].regel.percentages[0].percentage'])
    const mix = await post<Problem>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Mix zonder aandeel',
      versies: [{ geldigVanaf: 2026, regel: { soort: 'mix', componenten: [{ regel: { soort: 'inwoners' } }] } }],
    })
    expect(veldfouten(mix).map((f) => f.split(':')[0])).toEqual(['versies[0].regel.componenten[0].aandeel'])
  })
})
