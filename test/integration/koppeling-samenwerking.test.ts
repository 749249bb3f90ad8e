import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Landschap } from '../../src/schemas/landschap.js'
import { alsGebruiker, type Lijst, startDemoServer } from '../helpers/demo.js'
import { buildApplicatie, buildKoppeling, buildOrganisatie } from '../helpers/factories.js'
import type { TestServer } from '../helpers/server.js'
import { type Session, send } from '../helpers/toegang.js'

// Issue 20, items 4 and 13 over HTTP on the demo data: a koppeling without gastheerschap
// gets the samenwerking of its applicaties' users and shows in that cooperation's
// landschap; several possible samenwerkingen need a choice; none gives a warning. The
// koppelingen list filters on samenwerking (hidden = unknown), and a landelijke
// voorziening is one of a fixed list.

let server: TestServer
const sessies: Record<string, Session> = {}
const { get, post, idVan, gebruikerMet } = alsGebruiker(() => server, sessies)

type Koppeling = { id: string; samenwerkingId?: string; waarschuwingen?: { code: string; melding: string }[] }
type Problem = { status: number; invalidParams?: { name: string; code: string; reason: string }[] }

let bh: string
let hw: string
let hg: string
let zaak: string
let dms: string
let makelaar: string

beforeAll(async () => {
  server = await startDemoServer(['beheerder-heemstede', 'beheerder-hilversum', 'admin'], sessies)
  bh = await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Bloemendaal – Heemstede')
  hw = await idVan('/samenwerkingen', 'naam', 'Gastheerschappen Hilversum – Wijdemeren')
  hg = await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Hilversum – Gooise Meren')
  zaak = await idVan('/applicaties', 'naam', 'Zaaksysteem Bloemendaal-Heemstede')
  dms = await idVan('/applicaties', 'naam', 'Documentmanagementsysteem Bloemendaal-Heemstede')
  makelaar = await idVan('/applicaties', 'naam', 'Gegevensmakelaar')
})
afterAll(async () => server?.close())

describe('the samenwerking of a koppeling (issue 20.4)', () => {
  it('derives it from the applicaties’ users when created without gastheerschap, and the landschap of that samenwerking draws it', async () => {
    const res = await post<Koppeling>(
      'beheerder-heemstede',
      '/koppelingen',
      buildKoppeling({ naam: 'BRP-koppeling zonder gastheerschap', bronApplicatieId: zaak, doelApplicatieId: dms }),
    )
    expect(res.status).toBe(201)
    expect(res.body.samenwerkingId).toBe(bh)
    expect(res.body.waarschuwingen).toBeUndefined()
    const l = await get<Landschap>('beheerder-heemstede', `/landschap?samenwerkingId=${bh}`)
    expect(l.body.verbindingen.filter((v) => v.koppelingId === res.body.id)).toHaveLength(1)
    const lijst = await get<Lijst<Koppeling>>('beheerder-heemstede', `/koppelingen?samenwerkingId=${bh}&paginaGrootte=200`)
    expect(lijst.body.resultaten.map((k) => k.id)).toContain(res.body.id)
    const rel = await get<Lijst<Koppeling>>('beheerder-heemstede', `/samenwerkingen/${bh}/koppelingen?paginaGrootte=200`)
    expect(rel.body.resultaten.map((k) => k.id)).toContain(res.body.id)
  })

  it('asks for a choice (400 at samenwerkingId, naming the candidates) when the users are leden of several samenwerkingen', async () => {
    const body = buildKoppeling({ bronApplicatieId: makelaar, doelVoorziening: 'BRP' })
    const res = await post<Problem>('beheerder-hilversum', '/koppelingen', body)
    expect(res.status).toBe(400)
    const fout = res.body.invalidParams?.find((p) => p.name === 'samenwerkingId')
    expect(fout?.code).toBe('samenwerking-kiezen')
    expect(fout?.reason).toContain('Gastheerschappen Hilversum – Wijdemeren')
    expect(fout?.reason).toContain('ICT-samenwerking Hilversum – Gooise Meren')
    const gekozen = await post<Koppeling>('beheerder-hilversum', '/koppelingen', { ...body, samenwerkingId: hg })
    expect(gekozen.status).toBe(201)
    expect(gekozen.body.samenwerkingId).toBe(hg)
  })

  it('neither names nor derives from a samenwerking the writer may not see', async () => {
    // The Gegevensmakelaar's users (Hilversum, Wijdemeren) are leden of two samenwerkingen;
    // Wijdemeren is in only one of them and sees only that one.
    await gebruikerMet('beheerder-wijdemeren', [{ rol: 'beheerder', organisatieId: await idVan('/organisaties', 'naam', 'Wijdemeren') }])
    const body = buildKoppeling({ bronApplicatieId: makelaar, doelVoorziening: 'BRP' })
    expect((await post<Problem>('admin', '/koppelingen', body)).body.invalidParams?.[0]?.code).toBe('samenwerking-kiezen')
    const res = await post<Koppeling>('beheerder-wijdemeren', '/koppelingen', body)
    expect(res.status).toBe(201)
    expect(res.body.samenwerkingId).toBe(hw)
    expect(JSON.stringify(res.body)).not.toContain(hg)
    // A choice it may not see is an unknown samenwerking, not a contradiction named after it.
    const verborgen = await post<Problem>('beheerder-wijdemeren', '/koppelingen', { ...body, samenwerkingId: hg })
    expect(verborgen.status).toBe(400)
    expect(verborgen.body.invalidParams?.map((p) => p.code)).toEqual(['bestaat-niet'])
    expect(JSON.stringify(verborgen.body)).not.toContain('Gooise Meren')
  })

  it('refuses a samenwerking other than its gastheerschap’s', async () => {
    const bel = await idVan('/gastheerschappen', 'taak', 'Belastingen inclusief uitvoering Wet WOZ')
    const res = await post<Problem>(
      'admin',
      '/koppelingen',
      buildKoppeling({ bronApplicatieId: makelaar, doelVoorziening: 'BRP', gastheerschapId: bel, samenwerkingId: hg }),
    )
    expect(res.status).toBe(400)
    expect(res.body.invalidParams?.find((p) => p.name === 'samenwerkingId')?.code).toBe('andere-samenwerking')
    const zonder = await post<Koppeling>(
      'admin',
      '/koppelingen',
      buildKoppeling({ bronApplicatieId: makelaar, doelVoorziening: 'BRP', gastheerschapId: bel }),
    )
    expect(zonder.body.samenwerkingId).toBe(hw)
  })

  it('saves a koppeling that belongs to no samenwerking, with a warning in the response', async () => {
    const los = await post<{ id: string }>('admin', '/organisaties', buildOrganisatie({ type: 'overig' }))
    const app = await post<{ id: string }>('admin', '/applicaties', buildApplicatie({ inGebruikBij: [los.body.id] }))
    const res = await post<Koppeling>('admin', '/koppelingen', buildKoppeling({ bronApplicatieId: app.body.id, doelVoorziening: 'DigiD' }))
    expect(res.status).toBe(201)
    expect(res.body.samenwerkingId).toBeUndefined()
    expect(res.body.waarschuwingen).toEqual([expect.objectContaining({ code: 'geen-samenwerking' })])
    expect(res.body.waarschuwingen?.[0]?.melding).toContain('geen enkel samenwerkingslandschap')
    const weer = await get<Koppeling>('admin', `/koppelingen/${res.body.id}`)
    expect(weer.body.waarschuwingen?.[0]?.code).toBe('geen-samenwerking')
    // The warning speaks the caller's language, on the object and in the (cached) list alike.
    const engels = { 'accept-language': 'en' }
    const inHetEngels = await send<Koppeling>(server.base, 'GET', `/koppelingen/${res.body.id}`, {
      session: sessies.admin,
      headers: engels,
    })
    expect(inHetEngels.body.waarschuwingen?.[0]?.melding).toContain('appears in no cooperation')
    const lijst = `/koppelingen?bronApplicatieId=${app.body.id}`
    const lijstNl = await get<Lijst<Koppeling>>('admin', lijst)
    const lijstEn = await send<Lijst<Koppeling>>(server.base, 'GET', lijst, { session: sessies.admin, headers: engels })
    expect(lijstNl.body.resultaten[0]?.waarschuwingen?.[0]?.melding).toContain('geen enkel samenwerkingslandschap')
    expect(lijstEn.body.resultaten[0]?.waarschuwingen?.[0]?.melding).toContain('appears in no cooperation')
  })
})

describe('GET /koppelingen?samenwerkingId (issue 20.13)', () => {
  it('answers a samenwerking the caller may not see exactly like an unknown one: an empty page', async () => {
    const verborgen = await get<Lijst<Koppeling>>('beheerder-heemstede', `/koppelingen?samenwerkingId=${hw}`)
    const onbekend = await get<Lijst<Koppeling>>('beheerder-heemstede', `/koppelingen?samenwerkingId=${randomUUID()}`)
    expect(verborgen.status).toBe(200)
    expect(verborgen.body).toEqual(onbekend.body)
    expect(verborgen.body.paginering.totaalAantal).toBe(0)
    // The admin sees the koppelingen of that samenwerking.
    const admin = await get<Lijst<Koppeling>>('admin', `/koppelingen?samenwerkingId=${hw}`)
    expect(admin.body.paginering.totaalAantal).toBeGreaterThan(0)
  })

  it('lists the applicaties of a samenwerking’s leden', async () => {
    const res = await get<Lijst<{ naam: string }>>('beheerder-heemstede', `/samenwerkingen/${bh}/applicaties`)
    expect(res.body.resultaten.map((a) => a.naam).sort()).toEqual([
      'Documentmanagementsysteem Bloemendaal-Heemstede',
      'Zaaksysteem Bloemendaal-Heemstede',
    ])
  })
})

describe('landelijke voorziening from a fixed list (issue 20.13) and Dutch field messages (20.15)', () => {
  it('refuses a value outside the list with a Dutch message at the field', async () => {
    const res = await post<Problem>('admin', '/koppelingen', buildKoppeling({ bronVoorziening: 'brp' as 'BRP', doelApplicatieId: zaak }))
    expect(res.status).toBe(400)
    const fout = res.body.invalidParams?.find((p) => p.name === 'bronVoorziening')
    expect(fout?.code).toBe('ongeldige-waarde')
    expect(fout?.reason).toContain('Kies een landelijke voorziening uit de lijst')
  })

  it('takes overig only with a name, and a name only with overig', async () => {
    const zonder = await post<Problem>('admin', '/koppelingen', buildKoppeling({ bronVoorziening: 'overig', doelApplicatieId: zaak }))
    expect(zonder.body.invalidParams?.map((p) => `${p.name}:${p.code}`)).toEqual(['bronVoorzieningOverig:verplicht'])
    const naast = await post<Problem>(
      'admin',
      '/koppelingen',
      buildKoppeling({ bronVoorziening: 'BRP', bronVoorzieningOverig: 'BRP-kopie', doelApplicatieId: zaak }),
    )
    expect(naast.body.invalidParams?.map((p) => `${p.name}:${p.code}`)).toEqual(['bronVoorzieningOverig:alleen-bij-overig'])
    const goed = await post<Koppeling>(
      'admin',
      '/koppelingen',
      buildKoppeling({ bronVoorziening: 'overig', bronVoorzieningOverig: 'Landelijk loket', doelApplicatieId: zaak }),
    )
    expect(goed.status).toBe(201)
  })

  it('explains a bad endpoint in Dutch with an example', async () => {
    const res = await post<Problem>(
      'admin',
      '/koppelingen',
      buildKoppeling({ bronApplicatieId: zaak, doelApplicatieId: dms, endpoint: 'geen url' }),
    )
    expect(res.body.invalidParams?.find((p) => p.name === 'endpoint')?.reason).toBe(
      'Geef een volledige URL, bijvoorbeeld https://www.voorbeeld.nl/pad.',
    )
  })
})
