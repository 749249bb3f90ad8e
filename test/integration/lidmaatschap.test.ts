import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alsGebruiker, type Lijst, startDemoServer } from '../helpers/demo.js'
import type { TestServer } from '../helpers/server.js'
import { createApiToken, createGebruiker, isProblem, login, nextClientIp, type Session, send } from '../helpers/toegang.js'

// Issue 10, item 4: declaring a samenwerking must not widen what its maker sees. A lid
// grants visibility only once its own organisation confirmed it (or someone who may
// speak for that organisation made it); until then neither side sees anything through
// that samenwerking, on any path. And shared objects others rely on (the benchmark's
// referentiewaarden, suppliers registered by someone else) are not any beheerder's.

let server: TestServer
const sessies: Record<string, Session> = {}
const ids: Record<string, string> = {}

type Lid = { organisatieId: string; bevestigd: boolean; bevestigdOp?: string; toegestaneActies?: string[] }
type Samenwerking = { id: string; revisie: number; naam: string; leden: Lid[]; toegestaneActies?: string[] }

const { get, post, put, patch, del, idVan, alleIds, auditVan, gebruikerMet: gebruikerMetRollen } = alsGebruiker(() => server, sessies)

const LIJSTEN = [
  '/samenwerkingen',
  '/gastheerschappen',
  '/applicaties',
  '/koppelingen',
  '/kostenposten',
  '/verdeelsleutels',
  '/maatstafwaarden',
  '/declaraties',
  '/scenarios',
]

/** What a caller sees of the registry and the costs, through every read path. */
async function zicht(wie: string, ook: { auditlog?: boolean } = {}) {
  const lijsten: Record<string, string[]> = {}
  for (const p of LIJSTEN) lijsten[p] = await alleIds(wie, p)
  const landschap = await get<{ knopen: { id: string }[]; verbindingen: { soort: string; bron: string; doel: string }[] }>(
    wie,
    '/landschap',
  )
  expect(landschap.status).toBe(200)
  const benchmark = await get<{ regels: { organisatieId: string; jaar: number; kosten: number }[] }>(wie, '/benchmark')
  expect(benchmark.status).toBe(200)
  return {
    lijsten,
    landschap: {
      knopen: landschap.body.knopen.map((k) => k.id).sort(),
      verbindingen: landschap.body.verbindingen.map((v) => `${v.soort}:${v.bron}>${v.doel}`).sort(),
    },
    benchmark: benchmark.body.regels.map((r) => `${r.organisatieId}/${r.jaar}/${r.kosten}`).sort(),
    auditlog: ook.auditlog ? await alleIds(wie, '/auditlog', 'volgnummer') : [],
  }
}

const zonder = (z: Awaited<ReturnType<typeof zicht>>, samenwerkingId: string, volgnummers: string[] = []) => ({
  ...z,
  lijsten: { ...z.lijsten, '/samenwerkingen': z.lijsten['/samenwerkingen'].filter((id) => id !== samenwerkingId) },
  auditlog: z.auditlog.filter((v) => !volgnummers.includes(v)),
})

const gebruikerMet = (naam: string, rol: string, organisatieId: string) => gebruikerMetRollen(naam, [{ rol, organisatieId }])

const bevestigPad = (samenwerkingId: string, organisatieId: string) => `/samenwerkingen/${samenwerkingId}/leden/${organisatieId}/bevestigen`

beforeAll(async () => {
  server = await startDemoServer(
    ['admin', 'beheerder-heemstede', 'beheerder-hilversum', 'regisseur-hilversum', 'lezer-wijdemeren', 'auditor-rekenkamer'],
    sessies,
  )
  for (const [key, naam] of [
    ['hilversum', 'Hilversum'],
    ['wijdemeren', 'Wijdemeren'],
    ['gooiseMeren', 'Gooise Meren'],
    ['heemstede', 'Heemstede'],
    ['bloemendaal', 'Bloemendaal'],
    ['hrLeverancier', 'Leverancier HR- en salarissoftware (fictief)'],
  ])
    ids[key] = await idVan('/organisaties', 'naam', naam)
  await gebruikerMet('beheerder-wijdemeren', 'beheerder', ids.wijdemeren)
  await gebruikerMet('beheerder-gooise-meren', 'beheerder', ids.gooiseMeren)
  await gebruikerMet('beheerder-bloemendaal', 'beheerder', ids.bloemendaal)
})
afterAll(async () => server?.close())

describe('a samenwerking declared by one member', () => {
  it('widens nobody’s view until each member confirms (the issue’s scenario), then does', async () => {
    const voor = {
      heemstede: await zicht('beheerder-heemstede'),
      hilversum: await zicht('beheerder-hilversum'),
      auditor: await zicht('auditor-rekenkamer', { auditlog: true }),
    }
    expect(voor.heemstede.lijsten['/maatstafwaarden']).toHaveLength(2)

    const res = await post<Samenwerking>('beheerder-heemstede', '/samenwerkingen', {
      naam: 'Zelfverklaarde samenwerking',
      vorm: 'Convenant',
      leden: [
        { organisatieId: ids.heemstede },
        { organisatieId: ids.hilversum },
        { organisatieId: ids.wijdemeren },
        { organisatieId: ids.gooiseMeren },
      ],
    })
    expect(res.status).toBe(201)
    const sw = res.body
    // The maker speaks for its own organisation only.
    expect(sw.leden.map((l) => [l.organisatieId, l.bevestigd])).toEqual([
      [ids.heemstede, true],
      [ids.hilversum, false],
      [ids.wijdemeren, false],
      [ids.gooiseMeren, false],
    ])
    expect(typeof sw.leden[0].bevestigdOp).toBe('string')
    expect(sw.leden[1].bevestigdOp).toBeUndefined()
    const aanmaakRegels = (await auditVan(sw.id)).map((r) => String(r.volgnummer))

    // Nothing widened: not for the maker, not for the invited, not for the maker's auditor.
    expect(zonder(await zicht('beheerder-heemstede'), sw.id)).toEqual(zonder(voor.heemstede, sw.id))
    expect(zonder(await zicht('beheerder-hilversum'), sw.id)).toEqual(zonder(voor.hilversum, sw.id))
    expect(zonder(await zicht('auditor-rekenkamer', { auditlog: true }), sw.id, aanmaakRegels)).toEqual(
      zonder(voor.auditor, sw.id, aanmaakRegels),
    )
    // The transparency report of the declared samenwerking has no one's costs in it.
    const verslag = await get<{ posten: unknown[] }>('beheerder-heemstede', `/samenwerkingen/${sw.id}/transparantieverslag?jaar=2025`)
    expect(verslag.status).toBe(200)
    expect(verslag.body.posten).toEqual([])

    // Each member confirms for itself; then the cooperation shares as any other.
    for (const [wie, org] of [
      ['beheerder-hilversum', ids.hilversum],
      ['beheerder-wijdemeren', ids.wijdemeren],
      ['beheerder-gooise-meren', ids.gooiseMeren],
    ]) {
      const ok = await post<Samenwerking>(wie, bevestigPad(sw.id, org))
      expect(ok.status, wie).toBe(200)
      expect(ok.body.leden.find((l) => l.organisatieId === org)?.bevestigd).toBe(true)
    }
    const na = await zicht('beheerder-heemstede')
    expect(na.lijsten['/maatstafwaarden']).toHaveLength(10)
    const auditorNa = await zicht('auditor-rekenkamer', { auditlog: true })
    expect(auditorNa.lijsten['/maatstafwaarden'].length).toBeGreaterThan(voor.auditor.lijsten['/maatstafwaarden'].length)
    expect(auditorNa.auditlog.length).toBeGreaterThan(voor.auditor.auditlog.length + aanmaakRegels.length + 3)
  })

  it('shares nothing through a partly confirmed samenwerking with the members still to confirm', async () => {
    const sw = (
      await post<Samenwerking>('beheerder-heemstede', '/samenwerkingen', {
        naam: 'Half bevestigd',
        vorm: 'Convenant',
        leden: [{ organisatieId: ids.heemstede }, { organisatieId: ids.wijdemeren }, { organisatieId: ids.bloemendaal }],
      })
    ).body
    // Wijdemeren confirms; Bloemendaal does not: Heemstede and Wijdemeren now share, Bloemendaal's view stays as it was.
    const bloemendaalVoor = await zicht('beheerder-bloemendaal')
    expect((await post('beheerder-wijdemeren', bevestigPad(sw.id, ids.wijdemeren))).status).toBe(200)
    expect(zonder(await zicht('beheerder-bloemendaal'), sw.id)).toEqual(zonder(bloemendaalVoor, sw.id))
    const wijd = await get<Lijst<{ organisatieId: string }>>('beheerder-wijdemeren', '/maatstafwaarden?paginaGrootte=200')
    expect(wijd.body.resultaten.some((m) => m.organisatieId === ids.heemstede)).toBe(true)
    expect(wijd.body.resultaten.some((m) => m.organisatieId === ids.bloemendaal)).toBe(false)
  })
})

describe('confirming a membership', () => {
  let sw: Samenwerking
  beforeAll(async () => {
    const res = await post<Samenwerking>('beheerder-heemstede', '/samenwerkingen', {
      naam: 'Uitnodiging aan Hilversum en Wijdemeren',
      vorm: 'Convenant',
      leden: [{ organisatieId: ids.heemstede }, { organisatieId: ids.hilversum }, { organisatieId: ids.wijdemeren }],
    })
    expect(res.status).toBe(201)
    sw = res.body
  })

  it('offers "bevestigen" on the lid to who may confirm it, and only there', async () => {
    const voor = async (wie: string) => {
      const res = await get<Samenwerking>(wie, `/samenwerkingen/${sw.id}`)
      expect(res.status, wie).toBe(200)
      return Object.fromEntries(res.body.leden.map((l) => [l.organisatieId, l.toegestaneActies ?? []]))
    }
    expect(await voor('beheerder-hilversum')).toEqual({ [ids.heemstede]: [], [ids.hilversum]: ['bevestigen'], [ids.wijdemeren]: [] })
    expect(await voor('regisseur-hilversum')).toEqual({ [ids.heemstede]: [], [ids.hilversum]: ['bevestigen'], [ids.wijdemeren]: [] })
    expect(await voor('lezer-wijdemeren')).toEqual({ [ids.heemstede]: [], [ids.hilversum]: [], [ids.wijdemeren]: [] })
    expect(await voor('beheerder-heemstede')).toEqual({ [ids.heemstede]: [], [ids.hilversum]: [], [ids.wijdemeren]: [] })
    expect(await voor('admin')).toEqual({ [ids.heemstede]: [], [ids.hilversum]: ['bevestigen'], [ids.wijdemeren]: ['bevestigen'] })
  })

  it('refuses a lezer (403), another member’s beheerder (403) and whoever cannot see the samenwerking (404)', async () => {
    expect(isProblem(await post('lezer-wijdemeren', bevestigPad(sw.id, ids.wijdemeren)), 403)).toBe(true)
    expect(isProblem(await post('beheerder-heemstede', bevestigPad(sw.id, ids.hilversum)), 403)).toBe(true)
    expect(isProblem(await post('beheerder-hilversum', bevestigPad(sw.id, ids.wijdemeren)), 403)).toBe(true)
    expect(isProblem(await post('beheerder-bloemendaal', bevestigPad(sw.id, ids.hilversum)), 404)).toBe(true)
    expect(isProblem(await post('beheerder-bloemendaal', bevestigPad(sw.id, ids.bloemendaal)), 404)).toBe(true)
    // An organisation that is no lid, and a samenwerking that does not exist.
    expect(isProblem(await post('admin', bevestigPad(sw.id, ids.bloemendaal)), 404)).toBe(true)
    expect(isProblem(await post('admin', bevestigPad('00000000-0000-4000-8000-000000000000', ids.hilversum)), 404)).toBe(true)
    // A token that may only read cannot confirm.
    const g = await createGebruiker(server.base, server.adminToken, [{ rol: 'beheerder', organisatieId: ids.hilversum }])
    const ip = nextClientIp()
    const { token } = await createApiToken(server.base, await login(server.base, g.gebruikersnaam, g.wachtwoord, ip), ['lezen'], { ip })
    expect(isProblem(await send(server.base, 'POST', bevestigPad(sw.id, ids.hilversum), { token }), 403)).toBe(true)
    // Nothing changed.
    const nu = await get<Samenwerking>('admin', `/samenwerkingen/${sw.id}`)
    expect(nu.body.revisie).toBe(sw.revisie)
    expect(nu.body.leden.map((l) => l.bevestigd)).toEqual([true, false, false])
  })

  it('lets an unconfirmed member neither change the samenwerking nor take it over', async () => {
    const res = await put('beheerder-hilversum', `/samenwerkingen/${sw.id}`, {
      naam: 'Overgenomen',
      vorm: 'Convenant',
      leden: [{ organisatieId: ids.hilversum }, { organisatieId: ids.wijdemeren }],
    })
    expect(isProblem(res, 403)).toBe(true)
    expect(isProblem(await del('beheerder-hilversum', `/samenwerkingen/${sw.id}`), 403)).toBe(true)
  })

  it('checks If-Match (412), confirms with a new ETag and an audit entry, and is idempotent', async () => {
    const stale = await post('regisseur-hilversum', bevestigPad(sw.id, ids.hilversum), undefined, { 'if-match': `"${sw.revisie + 7}"` })
    expect(isProblem(stale, 412)).toBe(true)
    const ok = await post<Samenwerking>('regisseur-hilversum', bevestigPad(sw.id, ids.hilversum), undefined, {
      'if-match': `"${sw.revisie}"`,
    })
    expect(ok.status).toBe(200)
    expect(ok.body.revisie).toBe(sw.revisie + 1)
    expect(ok.headers.etag).toBe(`"${sw.revisie + 1}"`)
    expect(ok.body.leden.map((l) => l.bevestigd)).toEqual([true, true, false])
    const regels = await auditVan(sw.id)
    const laatste = regels[0]
    expect(laatste.actie).toBe('lidmaatschap-bevestigen')
    expect(laatste.actor).toBe(
      (await get<{ gebruiker: { gebruikersnaam: string } }>('regisseur-hilversum', '/_ik')).body.gebruiker.gebruikersnaam,
    )
    expect((laatste.voor as Samenwerking).leden[1].bevestigd).toBe(false)
    expect((laatste.na as Samenwerking).leden[1].bevestigd).toBe(true)
    // Again: nothing to do, nothing written.
    const nogmaals = await post<Samenwerking>('beheerder-hilversum', bevestigPad(sw.id, ids.hilversum))
    expect(nogmaals.status).toBe(200)
    expect(nogmaals.body.revisie).toBe(sw.revisie + 1)
    expect(await auditVan(sw.id)).toHaveLength(regels.length)
    sw = nogmaals.body
  })

  it('keeps confirmations when the leden change, and adds new leden unconfirmed', async () => {
    const res = await patch<Samenwerking>('beheerder-heemstede', `/samenwerkingen/${sw.id}`, {
      leden: [{ organisatieId: ids.hilversum }, { organisatieId: ids.heemstede }, { organisatieId: ids.bloemendaal }],
    })
    expect(res.status).toBe(200)
    expect(res.body.leden.map((l) => [l.organisatieId, l.bevestigd])).toEqual([
      [ids.hilversum, true],
      [ids.heemstede, true],
      [ids.bloemendaal, false],
    ])
    // A field that is not a lid's own is not accepted as input.
    const metBevestigd = await patch('beheerder-heemstede', `/samenwerkingen/${sw.id}`, {
      leden: [{ organisatieId: ids.heemstede, bevestigd: true }],
    })
    expect(isProblem(metBevestigd, 400)).toBe(true)
    // Removing a lid and adding it again asks for confirmation again.
    const weg = await patch<Samenwerking>('beheerder-heemstede', `/samenwerkingen/${sw.id}`, {
      leden: [{ organisatieId: ids.heemstede }, { organisatieId: ids.bloemendaal }],
    })
    expect(weg.status).toBe(200)
    const terug = await patch<Samenwerking>('beheerder-heemstede', `/samenwerkingen/${sw.id}`, {
      leden: [{ organisatieId: ids.heemstede }, { organisatieId: ids.bloemendaal }, { organisatieId: ids.hilversum }],
    })
    expect(terug.body.leden.map((l) => l.bevestigd)).toEqual([true, false, false])
    // A change of something else keeps every lid as it was.
    const ander = await patch<Samenwerking>('beheerder-heemstede', `/samenwerkingen/${sw.id}`, { toelichting: 'Gewijzigd' })
    expect(ander.body.leden.map((l) => l.bevestigd)).toEqual([true, false, false])
  })

  it('refuses a samenwerking in which the maker’s own organisation is no lid', async () => {
    const res = await post('beheerder-heemstede', '/samenwerkingen', {
      naam: 'Zonder Heemstede',
      vorm: 'Convenant',
      leden: [{ organisatieId: ids.hilversum }, { organisatieId: ids.wijdemeren }],
    })
    expect(isProblem(res, 403)).toBe(true)
  })

  it('confirms at once what an admin declares', async () => {
    const res = await post<Samenwerking>('admin', '/samenwerkingen', {
      naam: 'Door de admin',
      vorm: 'Convenant',
      leden: [{ organisatieId: ids.heemstede }, { organisatieId: ids.hilversum }],
    })
    expect(res.status).toBe(201)
    expect(res.body.leden.map((l) => l.bevestigd)).toEqual([true, true])
  })
})

describe('shared objects others rely on', () => {
  it('lets only an admin make or change the benchmark’s referentiewaarden', async () => {
    const [demoRef] = (await get<Lijst<{ id: string; revisie: number }>>('beheerder-heemstede', '/referentiewaarden')).body.resultaten
    expect(demoRef).toBeDefined()
    for (const wie of ['beheerder-heemstede', 'regisseur-hilversum']) {
      expect(isProblem(await patch(wie, `/referentiewaarden/${demoRef.id}`, { kostenPerInwoner: 1 }), 403), wie).toBe(true)
      expect(isProblem(await del(wie, `/referentiewaarden/${demoRef.id}`), 403), wie).toBe(true)
      expect(isProblem(await post(wie, '/referentiewaarden', { naam: 'Eigen', jaar: 2025, kostenPerInwoner: 1 }), 403), wie).toBe(true)
    }
    const read = await get<{ toegestaneActies: string[] }>('beheerder-heemstede', `/referentiewaarden/${demoRef.id}`)
    expect(read.body.toegestaneActies).toEqual([])
    const ik = await get<{ rechten: { aanmaken: Record<string, boolean> } }>('beheerder-heemstede', '/_ik')
    expect(ik.body.rechten.aanmaken.referentiewaarde).toBe(false)
    expect((await patch('admin', `/referentiewaarden/${demoRef.id}`, { toelichting: 'Door de admin' })).status).toBe(200)
  })

  it('lets a beheerder register a supplier, and keep only the suppliers its own organisation registered', async () => {
    // The demo's supplier was registered by no one's organisation: only an admin changes it.
    expect(isProblem(await patch('beheerder-heemstede', `/organisaties/${ids.hrLeverancier}`, { naam: 'Overgenomen' }), 403)).toBe(true)
    expect(isProblem(await del('beheerder-heemstede', `/organisaties/${ids.hrLeverancier}`), 403)).toBe(true)
    const demo = await get<{ toegestaneActies: string[] }>('beheerder-heemstede', `/organisaties/${ids.hrLeverancier}`)
    expect(demo.body.toegestaneActies).toEqual([])

    const eigen = await post<{ id: string; toegestaneActies: string[] }>('beheerder-heemstede', '/organisaties', {
      type: 'leverancier',
      naam: 'Leverancier van Heemstede',
    })
    expect(eigen.status).toBe(201)
    expect(eigen.body.toegestaneActies).toEqual(['wijzigen', 'verwijderen'])
    expect((await patch('beheerder-heemstede', `/organisaties/${eigen.body.id}`, { website: 'https://example.org' })).status).toBe(200)
    // Another organisation's beheerder sees it, but may not change or delete it.
    const ander = await get<{ toegestaneActies: string[] }>('beheerder-hilversum', `/organisaties/${eigen.body.id}`)
    expect(ander.body.toegestaneActies).toEqual([])
    expect(isProblem(await patch('beheerder-hilversum', `/organisaties/${eigen.body.id}`, { naam: 'Weg' }), 403)).toBe(true)
    expect(isProblem(await del('beheerder-hilversum', `/organisaties/${eigen.body.id}`), 403)).toBe(true)
    // Not even by turning it into something else first.
    expect(isProblem(await patch('beheerder-hilversum', `/organisaties/${eigen.body.id}`, { type: 'overig', toelichting: 'x' }), 403)).toBe(
      true,
    )
    expect((await patch('admin', `/organisaties/${ids.hrLeverancier}`, { toelichting: 'Door de admin' })).status).toBe(200)
    expect((await del('beheerder-heemstede', `/organisaties/${eigen.body.id}`)).status).toBe(204)
  })

  it('lets any regisseur make a verdeelsleutel without scope, kept by the organisation whose regisseur made it', async () => {
    await gebruikerMet('regisseur-heemstede', 'regisseur', ids.heemstede)
    const sleutel = await post<{ id: string; toegestaneActies: string[] }>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Algemene sleutel van Hilversum',
      versies: [{ geldigVanaf: 2026, regel: { soort: 'gelijke delen' } }],
    })
    expect(sleutel.status).toBe(201)
    expect(sleutel.body.toegestaneActies).toEqual(['wijzigen', 'verwijderen'])
    expect((await patch('regisseur-hilversum', `/verdeelsleutels/${sleutel.body.id}`, { toelichting: 'Eigen' })).status).toBe(200)
    // Everyone sees it and may use it, but another organisation's regisseur does not change it under their feet.
    const ander = await get<{ toegestaneActies: string[] }>('regisseur-heemstede', `/verdeelsleutels/${sleutel.body.id}`)
    expect(ander.status).toBe(200)
    expect(ander.body.toegestaneActies).toEqual([])
    const versies = [{ geldigVanaf: 2026, regel: { soort: 'volledig afnemer', deelnemerId: ids.heemstede } }]
    expect(isProblem(await patch('regisseur-heemstede', `/verdeelsleutels/${sleutel.body.id}`, { versies }), 403)).toBe(true)
    expect(isProblem(await del('regisseur-heemstede', `/verdeelsleutels/${sleutel.body.id}`), 403)).toBe(true)
    expect((await patch('admin', `/verdeelsleutels/${sleutel.body.id}`, { toelichting: 'Door de admin' })).status).toBe(200)
    expect((await del('regisseur-hilversum', `/verdeelsleutels/${sleutel.body.id}`)).status).toBe(204)
  })
})
