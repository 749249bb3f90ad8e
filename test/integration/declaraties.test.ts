import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { seedDemo } from '../../src/io/demo.js'
import { DEMO_WACHTWOORD, seedDemoGebruikers } from '../../src/io/demo-gebruikers.js'
import type { Declaratie, GenereerResultaat } from '../../src/schemas/declaraties.js'
import { createServices } from '../../src/services/index.js'
import { startServer, type TestServer } from '../helpers/server.js'
import { isProblem, login, nextClientIp, type Session, send } from '../helpers/toegang.js'

// Declaraties over HTTP on the demo data: Hilversum declares to Wijdemeren what its
// gastheerschappen cost in 2026-Q3. Generate, regenerate, finalise (numbered,
// immutable, also for hand-written SQL), correct, send, pay; who may read and act;
// bad input; exports.

let server: TestServer
const sessies: Record<string, Session> = {}
const Q3_TOTAAL = 6_090_512 + 1_811_250 // 60 905,12 + 18 112,50

type Lijst = { resultaten: Declaratie[]; paginering: { totaalAantal: number } }

beforeAll(async () => {
  server = await startServer()
  const db = server.database.handle.db
  await seedDemo(createServices(db), cliActor('test'))
  await seedDemoGebruikers(db, cliActor('test'))
  for (const naam of ['regisseur-hilversum', 'lezer-wijdemeren', 'beheerder-heemstede', 'beheerder-hilversum'])
    sessies[naam] = await login(server.base, naam, DEMO_WACHTWOORD, nextClientIp())
}, 120_000)
afterAll(async () => server?.close())

const als = <T = Record<string, unknown>>(wie: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  send<T>(server.base, method, path, { session: sessies[wie], body, headers })

async function rawGet(wie: string, path: string) {
  const res = await fetch(`${server.base}${path}`, { headers: { cookie: sessies[wie]?.cookie ?? '' } })
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
}

async function auditCount(objectId: string): Promise<number> {
  const r = await server.database.handle.db
    .selectFrom('auditlog')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('objecttype', '=', 'declaratie')
    .where('object_id', '=', objectId)
    .executeTakeFirstOrThrow()
  return r.n
}

let concept: Declaratie
let definitief: Declaratie

describe('generating', () => {
  it('refuses a malformed period or unknown fields with 400 and invalidParams', async () => {
    const a = await als('regisseur-hilversum', 'POST', '/declaraties/_genereren', { periode: '2026-Q5' })
    expect(isProblem(a, 400)).toBe(true)
    expect((a.body.invalidParams as { name: string }[]).map((p) => p.name)).toContain('periode')
    const b = await als('regisseur-hilversum', 'POST', '/declaraties/_genereren', { periode: '2026-Q3', extra: 1 })
    expect(b.status).toBe(400)
    const c = await als('regisseur-hilversum', 'POST', '/declaraties/_genereren', { periode: '2026-Q3', vanId: 'geen-uuid' })
    expect(c.status).toBe(400)
    const list = await als<Lijst>('regisseur-hilversum', 'GET', '/declaraties')
    expect(list.body.resultaten).toEqual([])
  })

  it('refuses year 0000 and other years outside 1900–2200 with 400 at the field (was a 500), generating nothing', async () => {
    for (const periode of ['0000', '0000-Q1', '0000-01', '0001', '1899-Q4', '2201-01', '9999']) {
      const res = await als('regisseur-hilversum', 'POST', '/declaraties/_genereren', { periode })
      expect(isProblem(res, 400), `${periode}: ${res.status}`).toBe(true)
      const fout = (res.body.invalidParams as { name: string; reason: string }[]).find((p) => p.name === 'periode')
      expect(fout?.reason, periode).toContain('1900 tot en met 2200')
      const lijst = await als('regisseur-hilversum', 'GET', `/declaraties?periode=${periode}`)
      expect(isProblem(lijst, 400), `?periode=${periode}: ${lijst.status}`).toBe(true)
    }
    const list = await als<Lijst>('regisseur-hilversum', 'GET', '/declaraties')
    expect(list.body.resultaten).toEqual([])
  })

  it('answers 200 with nothing generated and a melding when no post falls in the period', async () => {
    const res = await als<GenereerResultaat>('regisseur-hilversum', 'POST', '/declaraties/_genereren', { periode: '2031-Q1' })
    expect(res.status).toBe(200)
    expect(res.body.gegenereerd).toEqual([])
    expect(res.body.melding).toMatch(/Geen kostenposten/)
    const en = await als<GenereerResultaat>(
      'regisseur-hilversum',
      'POST',
      '/declaraties/_genereren',
      { periode: '2031-Q1' },
      {
        'accept-language': 'en',
      },
    )
    expect(en.body.melding).toMatch(/^No cost items with a period within 2031-Q1/)
  })

  it('lets only a regisseur (or admin) generate', async () => {
    const res = await als('lezer-wijdemeren', 'POST', '/declaraties/_genereren', { periode: '2026-Q3' })
    expect(isProblem(res, 403)).toBe(true)
    const beheerder = await als('beheerder-hilversum', 'POST', '/declaraties/_genereren', { periode: '2026-Q3' })
    expect(beheerder.status).toBe(403)
  })

  it('makes one concept Hilversum → Wijdemeren for 2026-Q3 with the two Q3 posts', async () => {
    const res = await als<GenereerResultaat>('regisseur-hilversum', 'POST', '/declaraties/_genereren', { periode: '2026-Q3' })
    expect(res.status).toBe(200)
    expect(res.body.overgeslagen).toEqual([])
    expect(res.body.gegenereerd).toHaveLength(1)
    const s = res.body.gegenereerd[0] as Declaratie
    expect(s).toMatchObject({ vanNaam: 'Hilversum', aanNaam: 'Wijdemeren', periode: '2026-Q3', status: 'concept', nummer: null })
    expect(s.totaal).toBe(Q3_TOTAAL)
    const detail = await als<Declaratie>('regisseur-hilversum', 'GET', `/declaraties/${s.id}`)
    expect(detail.status).toBe(200)
    expect(detail.headers.etag).toBe(`"${detail.body.revisie}"`)
    concept = detail.body
    expect(concept.regels.map((r) => [r.omschrijving, r.bedrag]).sort()).toEqual([
      ['Inzet team belastingen en WOZ', 6_090_512],
      ['Salarisadministratie Wijdemeren', 1_811_250],
    ])
    for (const r of concept.regels) {
      expect(r).toMatchObject({ periode: '2026-Q3', grondslag: 'realisatie', restcent: false })
      expect(r.sleutel.naam).toBe('Wijdemeren vergoedt alles')
      expect(r.kostenpostBedrag).toBe(r.bedrag)
      expect(r.fractie).toEqual({ teller: '1', noemer: '1' })
      expect(r.stappen.length).toBeGreaterThan(0)
    }
    expect(concept.toegestaneActies).toEqual(['wijzigen', 'definitief-maken', 'verwijderen'])
    expect(concept.vanCbsCode).toBe('GM0402')
    expect(concept.aanCbsCode).toBe('GM1696')
    expect(await auditCount(concept.id)).toBe(1)
  })

  it('regenerating replaces the concept (same id, new revisie), never a second one', async () => {
    const res = await als<GenereerResultaat>('regisseur-hilversum', 'POST', '/declaraties/_genereren', { periode: '2026-Q3' })
    expect(res.body.gegenereerd.map((d) => d.id)).toEqual([concept.id])
    expect(res.body.gegenereerd[0]?.revisie).toBe(concept.revisie + 1)
    const list = await als<Lijst>('regisseur-hilversum', 'GET', '/declaraties?periode=2026-Q3')
    expect(list.body.paginering.totaalAantal).toBe(1)
    expect(await auditCount(concept.id)).toBe(2)
    concept = (await als<Declaratie>('regisseur-hilversum', 'GET', `/declaraties/${concept.id}`)).body
  })

  it('refuses with 409 naming the post when a measure is missing, and generates nothing', async () => {
    const sw = await als<{ resultaten: { id: string; naam: string }[] }>('regisseur-hilversum', 'GET', '/samenwerkingen?paginaGrootte=50')
    const hilGm = sw.body.resultaten.find((s) => s.naam === 'ICT-samenwerking Hilversum – Gooise Meren')
    const keys = await als<{ resultaten: { id: string; naam: string }[] }>(
      'regisseur-hilversum',
      'GET',
      '/verdeelsleutels?paginaGrootte=50',
    )
    const key = keys.body.resultaten.find((k) => k.naam.startsWith('Uitwijk en helpdesk'))
    const orgs = await als<{ resultaten: { id: string; naam: string }[] }>('regisseur-hilversum', 'GET', '/organisaties?zoek=Hilversum')
    const hilversum = orgs.body.resultaten.find((o) => o.naam === 'Hilversum')
    const post = await als('regisseur-hilversum', 'POST', '/kostenposten', {
      omschrijving: 'Uitwijk 2027 zonder werkplekken',
      samenwerkingId: hilGm?.id,
      gemaaktDoorId: hilversum?.id,
      periode: '2027-Q1',
      soort: 'structureel',
      categorie: 'hosting',
      realisatie: 100_000,
      verdeelsleutelId: key?.id,
    })
    expect(post.status, post.text).toBe(201)
    const res = await als('regisseur-hilversum', 'POST', '/declaraties/_genereren', { periode: '2027' })
    expect(isProblem(res, 409)).toBe(true)
    expect(String(res.body.detail)).toContain('Uitwijk 2027 zonder werkplekken')
    const params = res.body.invalidParams as { name: string; code: string; reason: string }[]
    expect(params.some((p) => p.code === 'maatstaf-ontbreekt' && p.name.startsWith(`kostenposten[${post.body.id}]`))).toBe(true)
    expect(params.map((p) => p.reason).join(' ')).toMatch(/werkplekken/)
    const list = await als<Lijst>('regisseur-hilversum', 'GET', '/declaraties?periode=2027')
    expect(list.body.resultaten).toEqual([])
    expect((await als('regisseur-hilversum', 'DELETE', `/kostenposten/${post.body.id}`)).status).toBe(204)
  })
})

describe('who sees and does what', () => {
  it('the recipient reads and exports it, without actions, and may not finalise (403)', async () => {
    const list = await als<Lijst>('lezer-wijdemeren', 'GET', '/declaraties')
    expect(list.body.resultaten.map((d) => d.id)).toEqual([concept.id])
    const detail = await als<Declaratie>('lezer-wijdemeren', 'GET', `/declaraties/${concept.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.toegestaneActies).toEqual([])
    expect((await als('lezer-wijdemeren', 'GET', `/declaraties/${concept.id}/export?formaat=csv`)).status).toBe(200)
    const fin = await als('lezer-wijdemeren', 'POST', `/declaraties/${concept.id}/definitief-maken`)
    expect(isProblem(fin, 403)).toBe(true)
    expect((await als('lezer-wijdemeren', 'DELETE', `/declaraties/${concept.id}`)).status).toBe(403)
  })

  it('anyone else gets 404 and an empty list', async () => {
    expect(isProblem(await als('beheerder-heemstede', 'GET', `/declaraties/${concept.id}`), 404)).toBe(true)
    expect((await als('beheerder-heemstede', 'GET', `/declaraties/${concept.id}/export?formaat=pdf`)).status).toBe(404)
    expect((await als('beheerder-heemstede', 'POST', `/declaraties/${concept.id}/definitief-maken`)).status).toBe(404)
    const list = await als<Lijst>('beheerder-heemstede', 'GET', '/declaraties')
    expect(list.body.resultaten).toEqual([])
  })

  it('lets the regisseur change the toelichting of a concept, with If-Match', async () => {
    const stale = await als('regisseur-hilversum', 'PATCH', `/declaraties/${concept.id}`, { toelichting: 'x' }, { 'if-match': '"999"' })
    expect(isProblem(stale, 412)).toBe(true)
    // It names who saved the version the regisseur now sees (the one who generated it), and that revision.
    expect(stale.body.gewijzigdDoor).toBe('Regisseur gastheerschappen Hilversum (demo)')
    expect(stale.body.huidigeRevisie).toBe(concept.revisie)
    const res = await als<Declaratie>(
      'regisseur-hilversum',
      'PATCH',
      `/declaraties/${concept.id}`,
      { toelichting: 'Conform DVO, kwartaal 3.' },
      { 'if-match': `"${concept.revisie}"`, 'content-type': 'application/merge-patch+json' },
    )
    expect(res.status, res.text).toBe(200)
    expect(res.body.toelichting).toBe('Conform DVO, kwartaal 3.')
    const bad = await als('regisseur-hilversum', 'PATCH', `/declaraties/${concept.id}`, { totaal: 1 })
    expect(bad.status).toBe(400)
    concept = res.body
  })
})

describe('finalising', () => {
  it('numbers it <year>-0001 and makes it definitief', async () => {
    const res = await als<Declaratie>('regisseur-hilversum', 'POST', `/declaraties/${concept.id}/definitief-maken`, undefined, {
      'if-match': `"${concept.revisie}"`,
    })
    expect(res.status, res.text).toBe(200)
    definitief = res.body
    const jaar = new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(
      new Date(definitief.definitiefOp as string),
    )
    expect(definitief.nummer).toBe(`${jaar}-0001`)
    expect(definitief.status).toBe('definitief')
    expect(definitief.totaal).toBe(Q3_TOTAAL)
    expect(definitief.toegestaneActies).toEqual(['verzenden', 'corrigeren'])
  })

  it('a second finalise is 409 naming the status, and nothing changes', async () => {
    const res = await als('regisseur-hilversum', 'POST', `/declaraties/${concept.id}/definitief-maken`)
    expect(isProblem(res, 409)).toBe(true)
    expect(String(res.body.detail)).toContain('definitief')
    const betaald = await als('regisseur-hilversum', 'POST', `/declaraties/${concept.id}/betaald-melden`, {})
    expect(isProblem(betaald, 409)).toBe(true)
    const now = await als<Declaratie>('regisseur-hilversum', 'GET', `/declaraties/${concept.id}`)
    expect(now.body).toEqual(definitief)
  })

  it('PATCH and DELETE of a definitief declaratie are 409; nothing changes', async () => {
    const p = await als('regisseur-hilversum', 'PATCH', `/declaraties/${concept.id}`, { toelichting: 'anders' })
    expect(isProblem(p, 409)).toBe(true)
    const d = await als('regisseur-hilversum', 'DELETE', `/declaraties/${concept.id}`)
    expect(isProblem(d, 409)).toBe(true)
    expect((await als<Declaratie>('regisseur-hilversum', 'GET', `/declaraties/${concept.id}`)).body).toEqual(definitief)
  })

  it('the database itself refuses to change totaal or lines of a definitief row', async () => {
    const db = server.database.handle.db
    await expect(db.updateTable('declaratie').set({ totaal: 1 }).where('id', '=', concept.id).execute()).rejects.toMatchObject({
      code: 'RK001',
    })
    await expect(db.deleteFrom('declaratie').where('id', '=', concept.id).execute()).rejects.toMatchObject({ code: 'RK001' })
    // Nor the payment details recorded when it was made final (migration 0012).
    await expect(
      db.updateTable('declaratie').set({ betaaltermijn_dagen: 90 }).where('id', '=', concept.id).execute(),
    ).rejects.toMatchObject({ code: 'RK001' })
    await expect(db.updateTable('declaratie').set({ iban: null }).where('id', '=', concept.id).execute()).rejects.toMatchObject({
      code: 'RK001',
    })
    expect((await als<Declaratie>('regisseur-hilversum', 'GET', `/declaraties/${concept.id}`)).body.totaal).toBe(Q3_TOTAAL)
  })

  it('regenerating the period skips the pair and says why', async () => {
    const res = await als<GenereerResultaat>('regisseur-hilversum', 'POST', '/declaraties/_genereren', { periode: '2026-Q3' })
    expect(res.status).toBe(200)
    expect(res.body.gegenereerd).toEqual([])
    expect(res.body.overgeslagen).toHaveLength(1)
    expect(res.body.overgeslagen[0]).toMatchObject({ declaratieId: concept.id, nummer: definitief.nummer, status: 'definitief' })
    expect(res.body.overgeslagen[0]?.reden).toMatch(/correctie/)
    const en = await als<GenereerResultaat>(
      'regisseur-hilversum',
      'POST',
      '/declaraties/_genereren',
      { periode: '2026-Q3' },
      {
        'accept-language': 'en',
      },
    )
    expect(en.body.overgeslagen[0]?.reden).toMatch(/make a correction instead/)
    // A year that contains the quarter overlaps it: the same costs are not declared twice.
    const jaar = await als<GenereerResultaat>('regisseur-hilversum', 'POST', '/declaraties/_genereren', {
      periode: '2026',
      vanId: definitief.vanId,
    })
    const wijdemeren = jaar.body.overgeslagen.find((o) => o.aanId === definitief.aanId)
    expect(wijdemeren?.reden).toMatch(/overlapt/)
  })
})

describe('exports', () => {
  it('PDF: a document with the number', async () => {
    const res = await rawGet('regisseur-hilversum', `/declaraties/${concept.id}/export?formaat=pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toContain(`declaratie-${definitief.nummer}`)
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(res.bytes.toString('latin1')).toContain(`Declaratie ${definitief.nummer}`)
  })

  it('XLSX: reads back with the lines and the total', async () => {
    const res = await rawGet('lezer-wijdemeren', `/declaraties/${concept.id}/export?formaat=xlsx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.xlsx"/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.bytes as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Declaratie')
    const totaal = ws?.getRows(1, ws.rowCount)?.find((r) => r.getCell(1).value === 'Totaal')
    expect(totaal?.getCell(6).value).toBeCloseTo(Q3_TOTAAL / 100, 2)
    expect(totaal?.getCell(6).numFmt).toBe('€ #,##0.00')
    expect(wb.getWorksheet('Berekening')?.rowCount).toBeGreaterThanOrEqual(3)
  })

  it('CSV: BOM, semicolons, decimal comma, one row per line and a total row', async () => {
    const res = await rawGet('regisseur-hilversum', `/declaraties/${concept.id}/export?formaat=csv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const text = res.bytes.toString('utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.slice(1).trim().split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]?.split(';')[0]).toBe('Declaratienummer')
    expect(text).toContain(';60905,12;')
    expect(text).toContain(';18112,50;')
    const kop = lines[0]?.split(';') ?? []
    const totaal = lines[3]?.split(';') ?? []
    expect(totaal[kop.indexOf('Omschrijving')]).toBe('Totaal van de declaratie')
    expect(totaal[kop.indexOf('Bedrag')]).toBe(`${Math.trunc(Q3_TOTAAL / 100)},${String(Q3_TOTAAL % 100).padStart(2, '0')}`)
  })

  it('unknown format → 400', async () => {
    expect((await als('regisseur-hilversum', 'GET', `/declaraties/${concept.id}/export?formaat=doc`)).status).toBe(400)
  })
})

describe('correcting, sending, paying', () => {
  let correctie: Declaratie

  it('a changed realisatie after finalising gives a correction with the difference', async () => {
    const regel = definitief.regels.find((r) => r.omschrijving === 'Inzet team belastingen en WOZ')
    const post = await als<{ revisie: number }>('regisseur-hilversum', 'GET', `/kostenposten/${regel?.kostenpostId}`)
    const upd = await als(
      'regisseur-hilversum',
      'PATCH',
      `/kostenposten/${regel?.kostenpostId}`,
      { realisatie: 6_090_512 + 12_345 },
      { 'content-type': 'application/merge-patch+json' },
    )
    expect(upd.status, upd.text).toBe(200)
    expect(post.status).toBe(200)
    const res = await als<Declaratie>('regisseur-hilversum', 'POST', `/declaraties/${concept.id}/corrigeren`)
    expect(res.status, res.text).toBe(201)
    correctie = res.body
    expect(correctie).toMatchObject({
      soort: 'correctie',
      corrigeertId: concept.id,
      corrigeertNummer: definitief.nummer,
      status: 'concept',
      totaal: 12_345,
    })
    expect(correctie.regels).toHaveLength(1)
    expect(correctie.regels[0]).toMatchObject({ bedrag: 12_345, eerderGedeclareerd: 6_090_512, nieuwBedrag: 6_090_512 + 12_345 })
    // The original is untouched.
    expect((await als<Declaratie>('regisseur-hilversum', 'GET', `/declaraties/${concept.id}`)).body.totaal).toBe(Q3_TOTAAL)
  })

  it('the correction is numbered next; correcting again without a new difference is 409', async () => {
    const fin = await als<Declaratie>('regisseur-hilversum', 'POST', `/declaraties/${correctie.id}/definitief-maken`)
    expect(fin.status).toBe(200)
    const [jaar, volg] = (definitief.nummer as string).split('-')
    expect(fin.body.nummer).toBe(`${jaar}-${String(Number(volg) + 1).padStart(4, '0')}`)
    const again = await als('regisseur-hilversum', 'POST', `/declaraties/${concept.id}/corrigeren`)
    expect(isProblem(again, 409)).toBe(true)
    expect(String(again.body.detail)).toMatch(/Geen verschil/)
    const pdf = await rawGet('regisseur-hilversum', `/declaraties/${correctie.id}/export?formaat=pdf`)
    expect(pdf.bytes.toString('latin1')).toContain(`Correctiedeclaratie op ${definitief.nummer}`)
  })

  it('send, then pay (not in the future), forward only', async () => {
    expect((await als('regisseur-hilversum', 'POST', `/declaraties/${concept.id}/betaald-melden`, {})).status).toBe(409)
    const v = await als<Declaratie>('regisseur-hilversum', 'POST', `/declaraties/${concept.id}/verzenden`)
    expect(v.status).toBe(200)
    expect(v.body.status).toBe('verzonden')
    expect(v.body.verzondenOp).toBeTruthy()
    expect((await als('regisseur-hilversum', 'POST', `/declaraties/${concept.id}/verzenden`)).status).toBe(409)
    const toekomst = await als('regisseur-hilversum', 'POST', `/declaraties/${concept.id}/betaald-melden`, { datum: '2999-01-01' })
    expect(isProblem(toekomst, 400)).toBe(true)
    expect(isProblem(await als('lezer-wijdemeren', 'POST', `/declaraties/${concept.id}/betaald-melden`, {}), 403)).toBe(true)
    const b = await als<Declaratie>('regisseur-hilversum', 'POST', `/declaraties/${concept.id}/betaald-melden`, {})
    expect(b.status, b.text).toBe(200)
    expect(b.body.status).toBe('betaald')
    expect(b.body.totaal).toBe(Q3_TOTAAL)
    expect(b.body.toegestaneActies).toEqual(['corrigeren'])
    const list = await als<Lijst>('regisseur-hilversum', 'GET', '/declaraties?status=betaald')
    expect(list.body.resultaten.map((d) => d.id)).toEqual([concept.id])
    const soort = await als<Lijst>('lezer-wijdemeren', 'GET', '/declaraties?soort=correctie')
    expect(soort.body.resultaten.map((d) => d.id)).toEqual([correctie.id])
  })

  it('every mutation is in the audit log', async () => {
    // genereren, hergenereren, wijzigen, definitief-maken, verzenden, betaald-melden
    expect(await auditCount(concept.id)).toBe(6)
    expect(await auditCount(correctie.id)).toBe(2)
  })
})
