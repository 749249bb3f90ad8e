import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Kostenpost, KostenpostVerdeling, Verdeelsleutel } from '../../src/schemas/kosten.js'
import { startDemoServer } from '../helpers/demo.js'
import type { TestServer } from '../helpers/server.js'
import { isProblem, type Reply, type Session, send } from '../helpers/toegang.js'

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
  server = await startDemoServer(
    ['admin', 'regisseur-hilversum', 'beheerder-hilversum', 'lezer-wijdemeren', 'beheerder-heemstede', 'auditor-rekenkamer'],
    sessies,
  )
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
    // …and where to enter it.
    expect(res.body.invalidParams?.[0].reason).toContain('Leg voor deze organisatie een maatstafwaarde met deze maatstaf en dit jaar vast')
  })

  it('reads inwoners from the organisation (CBS figure) unless a maatstafwaarde inwoners for that year overrides it, and says which', async () => {
    const list = await get<Lijst<Kostenpost>>('regisseur-hilversum', `/kostenposten?samenwerkingId=${ids.hilGm}&jaar=2025&paginaGrootte=50`)
    const k = list.body.resultaten[0]
    const voor = await get<KostenpostVerdeling>('regisseur-hilversum', `/kostenposten/${k.id}/verdeling`)
    expect(voor.body.delen.map((d) => d.stappen[1].bron)).toEqual(['organisatie', 'organisatie'])
    const hil = voor.body.delen.find((d) => d.deelnemerId === ids.hilversum)
    const eigen = await post<{ id: string; revisie: number }>('regisseur-hilversum', '/maatstafwaarden', {
      organisatieId: ids.hilversum,
      maatstaf: 'inwoners',
      jaar: 2025,
      waarde: 12_345,
      bron: 'Afspraak in de DVO: inwoners op 1 januari volgens de eigen BRP',
    })
    expect(eigen.status).toBe(201)
    const na = await get<KostenpostVerdeling>('regisseur-hilversum', `/kostenposten/${k.id}/verdeling`)
    expect(na.status).toBe(200)
    const hilNa = na.body.delen.find((d) => d.deelnemerId === ids.hilversum)
    expect(hilNa?.stappen[1]).toMatchObject({ regel: 'inwoners', waarde: '12345', bron: 'maatstafwaarde' })
    expect(na.body.delen.find((d) => d.deelnemerId === ids.gooiseMeren)?.stappen[1].bron).toBe('organisatie')
    expect(hilNa?.bedrag).not.toBe(hil?.bedrag)
    expect(na.body.delen.reduce((s, d) => s + d.bedrag, 0)).toBe(na.body.bedrag)
    // Another year keeps the organisation's figure; removing the maatstafwaarde brings it back.
    const weg = await send(server.base, 'DELETE', `/maatstafwaarden/${eigen.body.id}`, {
      session: sessies['regisseur-hilversum'],
      headers: { 'if-match': `"${eigen.body.revisie}"` },
    })
    expect(weg.status).toBe(204)
    const terug = await get<KostenpostVerdeling>('regisseur-hilversum', `/kostenposten/${k.id}/verdeling`)
    expect(terug.body.delen.map((d) => d.bedrag)).toEqual(voor.body.delen.map((d) => d.bedrag))
  })

  it('gives the spare cent of equal shares by CBS code, moving on one place every period, and says so', async () => {
    const sleutel = await post<Verdeelsleutel>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Gelijke delen (restcent)',
      samenwerkingId: ids.hilGm,
      versies: [{ geldigVanaf: 2026, regel: { soort: 'gelijke delen' } }],
    })
    expect(sleutel.status).toBe(201)
    const restcent = async (periode: string) => {
      const k = await post<Kostenpost>(
        'regisseur-hilversum',
        '/kostenposten',
        kostenpost({ periode, begroting: 1001, verdeelsleutelId: sleutel.body.id }),
      )
      expect(k.status).toBe(201)
      const v = await get<KostenpostVerdeling>('regisseur-hilversum', `/kostenposten/${k.body.id}/verdeling`)
      expect(v.body.delen.map((d) => d.bedrag).sort()).toEqual([500, 501])
      return v.body
    }
    // 2026-Q1 is period 8104 (even): Hilversum (GM0402) first; 2026-Q2 (8105): Gooise Meren (GM1942) first.
    const q1 = await restcent('2026-Q1')
    expect(q1.delen.find((d) => d.restcent)?.naam).toBe('Hilversum')
    expect(q1.afronding).toMatchObject({
      restcenten: 1,
      periode: '2026-Q1',
      beurtvolgorde: [ids.hilversum, ids.gooiseMeren],
      gelijkeRestBeslist: true,
    })
    expect(q1.afronding.uitleg.nl).toContain('beurtvolgorde van periode 2026-Q1: Hilversum (GM0402), Gooise Meren (GM1942)')
    const q2 = await restcent('2026-Q2')
    expect(q2.delen.find((d) => d.restcent)?.naam).toBe('Gooise Meren')
    expect(q2.afronding.beurtvolgorde).toEqual([ids.gooiseMeren, ids.hilversum])
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

  it('says an amount is in eurocent and what was probably meant, over HTTP', async () => {
    const voor = await aantal('/kostenposten')
    const res = await post<Problem>('regisseur-hilversum', '/kostenposten', kostenpost({ begroting: 100.5, realisatie: '61.250,00' }))
    expect(isProblem(res, 400)).toBe(true)
    expect(res.body.invalidParams?.map((p) => [p.name, p.code, p.reason])).toEqual([
      ['begroting', 'ongeldig-type', 'Bedrag in eurocent, een geheel getal: 100.50 euro is 10050.'],
      ['realisatie', 'ongeldig-type', 'Bedrag in eurocent, een geheel getal (geen tekst): 61.250,00 euro is 6125000.'],
    ])
    const en = await send<Problem>(server.base, 'POST', '/kostenposten', {
      session: sessies['regisseur-hilversum'],
      body: kostenpost({ begroting: 100.5 }),
      headers: { 'accept-language': 'en' },
    })
    expect(en.body.invalidParams?.[0].reason).toBe('Amount in euro cents, a whole number: 100.50 euros is 10050.')
    expect(await aantal('/kostenposten')).toBe(voor)
  })

  it('refuses years outside 1900–2200 (year 0000 included) at the field, in bodies and query parameters, storing nothing', async () => {
    const voor = {
      posten: await aantal('/kostenposten'),
      samenwerkingen: await aantal('/samenwerkingen'),
      audit: await aantal('/auditlog'),
    }
    const periode = (res: Reply<Problem>) => res.body.invalidParams?.find((p) => p.name === 'periode')
    for (const p of ['0000', '0000-Q1', '0000-01', '0001', '1899-12', '2201']) {
      const res = await post<Problem>('regisseur-hilversum', '/kostenposten', kostenpost({ periode: p }))
      expect(isProblem(res, 400), `${p}: ${res.status}`).toBe(true)
      expect(periode(res)?.reason, p).toContain('1900 tot en met 2200')
      const lijst = await get<Problem>('admin', `/kostenposten?periode=${p}`)
      expect(isProblem(lijst, 400), `?periode=${p}: ${lijst.status}`).toBe(true)
      expect(periode(lijst), p).toBeDefined()
    }
    const [bestaand] = (await get<Lijst<Kostenpost>>('regisseur-hilversum', '/kostenposten?paginaGrootte=1')).body.resultaten
    const patch = await send<Problem>(server.base, 'PATCH', `/kostenposten/${bestaand?.id}`, {
      session: sessies['regisseur-hilversum'],
      body: { periode: '0000' },
      headers: { 'content-type': 'application/merge-patch+json', 'if-match': `"${bestaand?.revisie}"` },
    })
    expect(isProblem(patch, 400)).toBe(true)
    expect(veldfouten(patch).map((f) => f.split(':')[0])).toEqual(['periode'])
    // The same range for the other years and dates that reach the database.
    const samenwerking = await post<Problem>('admin', '/samenwerkingen', {
      naam: 'Oud',
      vorm: 'Convenant',
      startdatum: '0001-01-01',
      leden: [{ organisatieId: ids.hilversum }, { organisatieId: ids.wijdemeren }],
    })
    expect(veldfouten(samenwerking).map((f) => f.split(':')[0])).toEqual(['startdatum'])
    const org = await post<Problem>('admin', '/organisaties', { type: 'leverancier', naam: 'Oud', inwoners: [{ jaar: 1800, aantal: 1 }] })
    expect(veldfouten(org).map((f) => f.split(':')[0])).toEqual(['inwoners[0].jaar'])
    const waarde = await post<Problem>('admin', '/maatstafwaarden', { organisatieId: ids.hilversum, maatstaf: 'fte', jaar: 0, waarde: 1 })
    expect(veldfouten(waarde).map((f) => f.split(':')[0])).toEqual(['jaar'])
    expect(isProblem(await get('admin', '/benchmark?jaar=0'), 400)).toBe(true)
    expect(await aantal('/kostenposten')).toBe(voor.posten)
    expect(await aantal('/samenwerkingen')).toBe(voor.samenwerkingen)
    expect(await aantal('/auditlog')).toBe(voor.audit)
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
