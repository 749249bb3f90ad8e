import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { seedDemo } from '../../src/io/demo.js'
import { DEMO_WACHTWOORD, seedDemoGebruikers } from '../../src/io/demo-gebruikers.js'
import type { Kostenpost } from '../../src/schemas/kosten.js'
import type { Benchmark, Transparantieverslag } from '../../src/schemas/rapportage.js'
import { createServices } from '../../src/services/index.js'
import { pdfTekst } from '../helpers/pdf.js'
import { startServer, type TestServer } from '../helpers/server.js'
import { isProblem, login, nextClientIp, type Session, send } from '../helpers/toegang.js'

// The transparency report and the benchmark over HTTP on the demo costs: every total is
// the sum of the parts /kostenposten/{id}/verdeling gives, to the cent; only what the
// caller may see counts; the PDF and XLSX carry the same figures.

let server: TestServer
const sessies: Record<string, Session> = {}
const ids: Record<string, string> = {}

type Lijst<T> = { resultaten: T[] }
type Verdeling = { bedrag: number; delen: { deelnemerId: string; bedrag: number }[] }
const get = <T>(wie: string, path: string) => send<T>(server.base, 'GET', path, { session: sessies[wie] })
const som = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

async function idVan(path: string, naam: string): Promise<string> {
  const res = await get<Lijst<{ id: string; naam: string }>>('admin', `${path}?paginaGrootte=200`)
  const found = res.body.resultaten.find((r) => r.naam === naam)
  if (!found) throw new Error(`${naam} not found in ${path}`)
  return found.id
}

/** A binary download with the session cookie. */
async function download(wie: string, path: string): Promise<{ status: number; type: string; disposition: string; body: Buffer }> {
  const res = await fetch(`${server.base}${path}`, { headers: { cookie: sessies[wie]?.cookie ?? '' } })
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  }
}

beforeAll(async () => {
  server = await startServer()
  const db = server.database.handle.db
  await seedDemo(createServices(db), cliActor('test'))
  await seedDemoGebruikers(db, cliActor('test'))
  for (const naam of ['admin', 'beheerder-hilversum', 'regisseur-hilversum', 'lezer-wijdemeren', 'auditor-rekenkamer'])
    sessies[naam] = await login(server.base, naam, DEMO_WACHTWOORD, nextClientIp())
  for (const [k, naam] of [
    ['hilversum', 'Hilversum'],
    ['gooiseMeren', 'Gooise Meren'],
    ['wijdemeren', 'Wijdemeren'],
    ['bloemendaal', 'Bloemendaal'],
    ['heemstede', 'Heemstede'],
  ])
    ids[k as string] = await idVan('/organisaties', naam as string)
  ids.hilGm = await idVan('/samenwerkingen', 'ICT-samenwerking Hilversum – Gooise Meren')
  ids.bloHee = await idVan('/samenwerkingen', 'ICT-samenwerking Bloemendaal – Heemstede')
  ids.hilWijd = await idVan('/samenwerkingen', 'Gastheerschappen Hilversum – Wijdemeren')
})
afterAll(async () => server?.close())

const verslag = (wie: string, sw: string, jaar: number) =>
  get<Transparantieverslag>(wie, `/samenwerkingen/${ids[sw]}/transparantieverslag?jaar=${jaar}`)

/** The posts of a samenwerking in a year and their allocations, as the kosten API gives them. */
async function postenMetVerdeling(sw: string, jaar: number) {
  const posten = (await get<Lijst<Kostenpost>>('admin', `/kostenposten?samenwerkingId=${ids[sw]}&jaar=${jaar}&paginaGrootte=200`)).body
    .resultaten
  return Promise.all(
    posten.map(async (p) => {
      const v = await get<Verdeling>('admin', `/kostenposten/${p.id}/verdeling`)
      expect(v.status).toBe(200)
      return { post: p, verdeling: v.body }
    }),
  )
}

describe('GET /samenwerkingen/{id}/transparantieverslag', () => {
  it('Hilversum – Gooise Meren 2025: totals per organisation equal the sum of the verdeling parts, to the cent', async () => {
    const res = await verslag('beheerder-hilversum', 'hilGm', 2025)
    expect(res.status).toBe(200)
    const v = res.body
    expect(v.samenwerking.naam).toBe('ICT-samenwerking Hilversum – Gooise Meren')
    expect(v.jaar).toBe(2025)
    const pv = await postenMetVerdeling('hilGm', 2025)
    expect(pv).toHaveLength(2)
    expect(v.posten.map((p) => p.id).sort()).toEqual(pv.map((x) => x.post.id).sort())
    expect(v.organisaties.map((o) => o.naam)).toEqual(['Hilversum', 'Gooise Meren'])
    for (const o of v.organisaties) {
      const delen = pv.flatMap((x) => x.verdeling.delen.filter((d) => d.deelnemerId === o.organisatieId).map((d) => d.bedrag))
      expect(o.grondslag, o.naam).toBe(som(delen))
      expect(o.structureel + o.initieel).toBe(o.grondslag)
    }
    // Demo: Hilversum 54 442,09 + 115 643,41; Gooise Meren 43 905,12 + 93 261,25.
    expect(v.organisaties.map((o) => o.grondslag)).toEqual([5444209 + 11564341, 4390512 + 9326125])
    expect(v.totaal.grondslag).toBe(som(pv.map((x) => x.verdeling.bedrag)))
    expect(v.totaal.grondslag).toBe(9834721 + 20890466)
    expect(v.nietVerdeeld).toEqual([])
  })

  it('sums per category and compares budget with actual, with difference and percentage', async () => {
    const v = (await verslag('admin', 'hilGm', 2025)).body
    const pv = await postenMetVerdeling('hilGm', 2025)
    for (const c of v.categorieen) {
      const inCat = pv.filter((x) => x.post.categorie === c.categorie)
      expect(c.grondslag, c.categorie).toBe(som(inCat.map((x) => x.verdeling.bedrag)))
      expect(c.begroting).toBe(som(inCat.map((x) => x.post.begroting ?? 0)))
      expect(c.realisatie).toBe(som(inCat.map((x) => x.post.realisatie ?? 0)))
    }
    expect(v.categorieen.map((c) => c.categorie)).toEqual(['personeel', 'hosting'])
    expect(som(v.organisatieCategorieen.map((x) => x.grondslag))).toBe(v.totaal.grondslag)
    expect(v.totaal.begroting).toBe(9_600_000 + 21_200_000)
    expect(v.totaal.realisatie).toBe(9834721 + 20890466)
    expect(v.totaal.verschil).toBe(v.totaal.realisatie - v.totaal.begroting)
    // (307 251,87 − 308 000) / 308 000 = −0,243 % → −0,2
    expect(v.totaal.verschilPercentage).toBe(-0.2)
    expect(som(v.organisaties.map((o) => o.begroting))).toBe(v.totaal.begroting)
    expect(som(v.organisaties.map((o) => o.realisatie))).toBe(v.totaal.realisatie)
    // The key that applied in 2025, in words.
    expect(v.sleutels).toEqual([
      expect.objectContaining({
        naam: 'Uitwijk en helpdesk: half vast, half naar omvang',
        geldigVanaf: 2017,
        beschrijving: { nl: '50% gelijke delen + 50% naar inwoners', en: '50% equal shares + 50% by inhabitants' },
        posten: 2,
      }),
    ])
    // 2026 uses the newer version of the key.
    const v2026 = (await verslag('admin', 'hilGm', 2026)).body
    expect(v2026.sleutels.map((s) => [s.geldigVanaf, s.beschrijving.nl])).toEqual([[2026, '50% gelijke delen + 50% naar werkplekken']])
    expect(v2026.trend.jaren).toEqual([2025, 2026])
  })

  it('Bloemendaal – Heemstede: trend over 2024 and 2025, per organisation', async () => {
    const v = (await verslag('auditor-rekenkamer', 'bloHee', 2025)).body
    expect(v.trend.jaren).toEqual([2024, 2025])
    const blo = v.trend.organisaties.find((o) => o.naam === 'Bloemendaal')
    const hee = v.trend.organisaties.find((o) => o.naam === 'Heemstede')
    expect(blo?.jaren.map((j) => j.grondslag)).toEqual([24893910, 25998807 + 14907620])
    expect(hee?.jaren.map((j) => j.grondslag)).toEqual([29817980, 31141428 + 17856380])
    expect(v.trend.totaal.map((j) => j.grondslag)).toEqual([54711890, 57140235 + 32764000])
    expect(v.sleutels[0]?.beschrijving.nl).toBe('vast percentage: Bloemendaal 45,5%, Heemstede 54,5%')
    const v2024 = (await verslag('auditor-rekenkamer', 'bloHee', 2024)).body
    expect(v2024.totaal.grondslag).toBe(54711890)
    expect(v2024.trend).toEqual(v.trend)
  })

  it('lets the auditor of Bloemendaal and Heemstede read it, and answers 404 to lezer-wijdemeren', async () => {
    expect((await verslag('auditor-rekenkamer', 'bloHee', 2025)).status).toBe(200)
    const nee = await verslag('lezer-wijdemeren', 'bloHee', 2025)
    expect(nee.status).toBe(404)
    expect(isProblem(nee as never, 404)).toBe(true)
    expect(nee.text).not.toContain('Heemstede')
    expect((await verslag('auditor-rekenkamer', 'hilGm', 2025)).status).toBe(404)
    // Wijdemeren sees the costs of its own gastheerschappen.
    const hw = (await verslag('lezer-wijdemeren', 'hilWijd', 2025)).body
    expect(hw.organisaties.find((o) => o.naam === 'Wijdemeren')?.grondslag).toBe(9126040 + 4051500)
    expect(hw.organisaties.find((o) => o.naam === 'Hilversum')?.grondslag).toBe(0)
    expect(hw.sleutels[0]?.beschrijving.nl).toBe('Wijdemeren betaalt alles')
  })

  it('without a year gives the latest year with posts (issue 20: not 2025 when 2026 exists)', async () => {
    const hw = await get<Transparantieverslag>('lezer-wijdemeren', `/samenwerkingen/${ids.hilWijd}/transparantieverslag`)
    expect(hw.status).toBe(200)
    expect(hw.body.jaar).toBe(2026)
    expect(hw.body.trend.jaren).toEqual([2025, 2026])
    const bh = await get<Transparantieverslag>('auditor-rekenkamer', `/samenwerkingen/${ids.bloHee}/transparantieverslag`)
    expect(bh.body.jaar).toBe(2025)
  })

  it('refuses a year out of range, a bad language or an unknown format with 400 problem+json', async () => {
    for (const path of [
      `/samenwerkingen/${ids.bloHee}/transparantieverslag?jaar=1800`,
      `/samenwerkingen/${ids.bloHee}/transparantieverslag/export?jaar=2025&formaat=pdf&taal=de`,
      `/samenwerkingen/${ids.bloHee}/transparantieverslag?jaar=twee`,
      `/samenwerkingen/${ids.bloHee}/transparantieverslag/export?jaar=2025&formaat=doc`,
      `/samenwerkingen/${ids.bloHee}/transparantieverslag/export?jaar=99999&formaat=pdf`,
      '/benchmark?jaar=3000',
      '/benchmark?organisatieId=geen-uuid',
    ]) {
      const res = await get('admin', path)
      expect(res.status, path).toBe(400)
      expect(res.contentType, path).toMatch(/application\/problem\+json/)
    }
    expect((await get('admin', '/samenwerkingen/00000000-0000-4000-8000-000000000000/transparantieverslag?jaar=2025')).status).toBe(404)
  })
})

describe('GET /samenwerkingen/{id}/transparantieverslag/export', () => {
  it('gives a PDF for the council', async () => {
    const res = await download('auditor-rekenkamer', `/samenwerkingen/${ids.bloHee}/transparantieverslag/export?jaar=2025&formaat=pdf`)
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/pdf')
    expect(res.disposition).toMatch(/attachment; filename="transparantieverslag-ict-samenwerking-bloemendaal-heemstede-2025\.pdf"/)
    expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(res.body.length).toBeGreaterThan(3000)
    expect(res.body.subarray(-6).toString('latin1')).toMatch(/%%EOF/)
  })

  it('gives an XLSX that reads back with the same totals', async () => {
    const v = (await verslag('auditor-rekenkamer', 'bloHee', 2025)).body
    const res = await download('auditor-rekenkamer', `/samenwerkingen/${ids.bloHee}/transparantieverslag/export?jaar=2025&formaat=xlsx`)
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.body as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Verslag',
      'Per organisatie',
      'Per categorie',
      'Organisatie x categorie',
      'Begroting en realisatie',
      'Toerekening tot betaling',
      'Declaraties per afnemer',
      'Trend',
      'Verdeelsleutels',
      'Kostenposten',
      'Niet verdeeld',
    ])
    const ws = wb.getWorksheet('Per organisatie')
    const rijen = (ws?.getSheetValues() ?? []).slice(2) as unknown[][]
    const centen = (x: unknown) => Math.round(Number(x) * 100)
    const perNaam = new Map(rijen.map((r) => [String(r[1]), centen(r[2])]))
    for (const o of v.organisaties) expect(perNaam.get(o.naam), o.naam).toBe(o.grondslag)
    expect(perNaam.get('Totaal')).toBe(v.totaal.grondslag)
    expect(ws?.getCell('B2').numFmt).toBe('€ #,##0.00')
    const cat = (wb.getWorksheet('Per categorie')?.getSheetValues() ?? []).slice(2) as unknown[][]
    expect(som(cat.filter((r) => r[1] !== 'Totaal').map((r) => centen(r[2])))).toBe(v.totaal.grondslag)
  })

  it('XLSX: text a spreadsheet would run as a formula starts with an apostrophe; amounts stay numbers', async () => {
    const sleutels = await get<Lijst<{ id: string; naam: string }>>('admin', '/verdeelsleutels?paginaGrootte=200')
    const sleutel = sleutels.body.resultaten.find((s) => s.naam.startsWith('Uitwijk en helpdesk'))
    const post = await send<{ id: string }>(server.base, 'POST', '/kostenposten', {
      session: sessies.admin,
      body: {
        omschrijving: '+SUM(1,2)',
        samenwerkingId: ids.hilGm,
        gemaaktDoorId: ids.hilversum,
        periode: '2025-12',
        soort: 'initieel',
        categorie: 'advies',
        begroting: 1_250,
        verdeelsleutelId: sleutel?.id,
        bron: '=HYPERLINK("https://evil.example")',
      },
    })
    expect(post.status, JSON.stringify(post.body)).toBe(201)
    try {
      const res = await download('admin', `/samenwerkingen/${ids.hilGm}/transparantieverslag/export?jaar=2025&formaat=xlsx`)
      expect(res.status).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(res.body as unknown as ArrayBuffer)
      const teksten: string[] = []
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'string') teksten.push(cell.value)
          }),
        ),
      )
      expect(teksten).toContain("'+SUM(1,2)")
      expect(teksten.filter((t) => /^[=+@\t\r]/.test(t) || /^-(?!\d+(?:[.,]\d+)*$)/.test(t))).toEqual([])
      const posten = wb.getWorksheet('Kostenposten')
      let begroting: unknown
      posten?.eachRow((row) => {
        if (row.getCell(1).value === "'+SUM(1,2)") begroting = row.getCell(5).value
      })
      expect(begroting).toBe(12.5)
    } finally {
      expect((await send(server.base, 'DELETE', `/kostenposten/${post.body.id}`, { session: sessies.admin })).status).toBe(204)
    }
  })

  it('answers 404 for a samenwerking the caller may not see', async () => {
    const res = await download('lezer-wijdemeren', `/samenwerkingen/${ids.bloHee}/transparantieverslag/export?jaar=2025&formaat=xlsx`)
    expect(res.status).toBe(404)
  })
})

describe('GET /benchmark', () => {
  const regel = (b: Benchmark, naam: string, jaar: number) => b.regels.find((r) => r.naam === naam && r.jaar === jaar)

  it('2025: costs per inwoner and per werkplek against the demo reference, with flags', async () => {
    const res = await get<Benchmark>('admin', '/benchmark?jaar=2025')
    expect(res.status).toBe(200)
    const b = res.body
    expect(b.jaren).toEqual([2025])
    expect(b.referentiewaarden).toHaveLength(1)
    expect(b.regels.map((r) => r.naam)).toEqual(['Bloemendaal', 'Gooise Meren', 'Heemstede', 'Hilversum', 'Wijdemeren'])
    const blo = regel(b, 'Bloemendaal', 2025)
    expect(blo?.kosten).toBe(25998807 + 14907620)
    expect(blo?.werkplekken).toBe(310)
    // 409 064,27 / 310 = 1 319,5621… → € 1.319,56
    expect(blo?.perWerkplek.bedrag).toBe(131956)
    const vgl = blo?.vergelijkingen[0]
    expect(vgl?.perWerkplek).toEqual({ referentie: 765000, verschil: 131956 - 765000, verschilPercentage: -82.8, oordeel: 'onder' })
    expect(blo?.inwoners).toBeGreaterThan(0)
    expect(blo?.perInwoner.bedrag).toBe(Math.round((blo?.kosten ?? 0) / (blo?.inwoners ?? 1)))
    for (const r of b.regels) {
      for (const v of r.vergelijkingen) {
        for (const a of [v.perInwoner, v.perWerkplek]) {
          if (a.oordeel === undefined) continue
          expect(['boven', 'onder', 'gelijk']).toContain(a.oordeel)
          expect(a.oordeel === 'boven').toBe((a.verschil ?? 0) * 100 > (a.referentie ?? 0))
        }
      }
    }
    // Wijdemeren pays all of Hilversum's gastheerschap costs: its own costs, Hilversum's 0.
    expect(regel(b, 'Wijdemeren', 2025)?.kosten).toBe(9126040 + 4051500)
    expect(regel(b, 'Hilversum', 2025)?.kosten).toBe(5444209 + 11564341)
  })

  it('gives no per-werkplek figure, with the reason, when werkplekken are missing (Bloemendaal 2024)', async () => {
    const b = (await get<Benchmark>('auditor-rekenkamer', '/benchmark')).body
    expect(b.jaren).toEqual([2024, 2025])
    const blo = regel(b, 'Bloemendaal', 2024)
    expect(blo?.kosten).toBe(24893910)
    expect(blo?.werkplekken).toBeNull()
    expect(blo?.perWerkplek.bedrag).toBeUndefined()
    expect(blo?.perWerkplek.reden?.nl).toBe('Geen werkplekken bekend voor 2024.')
    expect(blo?.perInwoner.reden?.nl).toBe('Geen inwoners bekend voor 2024.')
  })

  it('shows only municipalities whose every post the caller may see', async () => {
    const auditor = (await get<Benchmark>('auditor-rekenkamer', '/benchmark?jaar=2025')).body
    expect(auditor.regels.map((r) => r.naam)).toEqual(['Bloemendaal', 'Heemstede'])
    // Hilversum also takes part in Hilversum – Gooise Meren, which Wijdemeren may not see.
    const wijdemeren = await get<Benchmark>('lezer-wijdemeren', '/benchmark?jaar=2025')
    expect(wijdemeren.body.regels.map((r) => r.naam)).toEqual(['Wijdemeren'])
    expect(wijdemeren.text).not.toContain('Gooise Meren')
    const hilversum = (await get<Benchmark>('beheerder-hilversum', '/benchmark?jaar=2025')).body
    expect(hilversum.regels.map((r) => r.naam)).toEqual(['Gooise Meren', 'Hilversum', 'Wijdemeren'])
  })

  it('filters by organisation and reference; 404 for what is not there', async () => {
    const ref = (await get<Lijst<{ id: string }>>('admin', '/referentiewaarden?jaar=2025')).body.resultaten[0]?.id
    const b = await get<Benchmark>('admin', `/benchmark?jaar=2025&organisatieId=${ids.heemstede}&referentiewaardeId=${ref}`)
    expect(b.status).toBe(200)
    expect(b.body.regels.map((r) => r.naam)).toEqual(['Heemstede'])
    expect(b.body.regels[0]?.vergelijkingen.map((v) => v.referentiewaardeId)).toEqual([ref])
    expect((await get('lezer-wijdemeren', `/benchmark?organisatieId=${ids.heemstede}`)).status).toBe(404)
    expect((await get('admin', '/benchmark?referentiewaardeId=00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })
})

describe('issue 20: begroting against realisatie only over posts with both, and the money chain', () => {
  it('Hilversum – Wijdemeren 2026: the verschil covers the 7 posts with a realisatie; BAG/BGT (no realisatie) is shown apart', async () => {
    const v = (await verslag('lezer-wijdemeren', 'hilWijd', 2026)).body
    // Begroot 3 × (61 250 + 18 400) + 42 000 = 280 950,00; gerealiseerd 2 × 60 905,12 + 63 418,37 + 3 × 18 112,50 + 41 730 = 281 296,11.
    expect(v.totaal.vergelijkbaar).toEqual({ begroting: 28_095_000, realisatie: 28_129_611, posten: 7 })
    expect(v.totaal.verschil).toBe(34_611)
    expect(v.totaal.verschilPercentage).toBe(0.1)
    expect(v.totaal.nogGeenRealisatie).toEqual({ begroting: 5_400_000, posten: 1 })
    // The totals stay what they are: everything budgeted, everything realised.
    expect(v.totaal.begroting).toBe(28_095_000 + 5_400_000)
    expect(v.totaal.realisatie).toBe(28_129_611)
    const wijdemeren = v.organisaties.find((o) => o.naam === 'Wijdemeren')
    expect(wijdemeren?.verschil).toBe(34_611)
    expect(wijdemeren?.nogGeenRealisatie).toEqual({ begroting: 5_400_000, posten: 1 })
    const personeel = v.categorieen.find((c) => c.categorie === 'personeel')
    expect(personeel?.nogGeenRealisatie.posten).toBe(1)
    expect(v.trend.totaal.find((t) => t.jaar === 2026)?.verschil).toBe(34_611)
  })

  it('the PDF (Dutch and English) and the XLSX say the same', async () => {
    const pdf = await download('lezer-wijdemeren', `/samenwerkingen/${ids.hilWijd}/transparantieverslag/export?jaar=2026&formaat=pdf`)
    expect(pdf.status).toBe(200)
    const tekst = pdfTekst(pdf.body)
    expect(tekst).toContain('Nog geen realisatie')
    expect(tekst).toContain('€ 54.000,00 begroot, 1 post')
    expect(tekst).toContain('Verschil (realisatie - begroting, 7 posten met beide)')
    expect(tekst).toContain('€ 346,11 (+0,1%)')
    expect(tekst).toContain('Van toerekening tot betaling')

    const en = await download(
      'lezer-wijdemeren',
      `/samenwerkingen/${ids.hilWijd}/transparantieverslag/export?jaar=2026&formaat=pdf&taal=en`,
    )
    expect(en.disposition).toMatch(/filename="transparency-report-gastheerschappen-hilversum-wijdemeren-2026\.pdf"/)
    const tekstEn = pdfTekst(en.body)
    expect(tekstEn).toContain('No actual yet')
    expect(tekstEn).toContain('€54,000.00 budgeted, 1 item')
    expect(tekstEn).toContain('From allocation to payment')
    expect(tekstEn).not.toContain('Kerncijfers')
    // Without taal, Accept-Language decides.
    const viaHeader = await fetch(`${server.base}/samenwerkingen/${ids.hilWijd}/transparantieverslag/export?jaar=2026&formaat=xlsx`, {
      headers: { cookie: sessies['lezer-wijdemeren']?.cookie ?? '', 'accept-language': 'en-GB,en;q=0.9' },
    })
    const wbEn = new ExcelJS.Workbook()
    await wbEn.xlsx.load((await viaHeader.arrayBuffer()) as ArrayBuffer)
    expect(wbEn.worksheets.map((w) => w.name)).toContain('Budget and actual')

    const xlsx = await download('lezer-wijdemeren', `/samenwerkingen/${ids.hilWijd}/transparantieverslag/export?jaar=2026&formaat=xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer)
    const br = (wb.getWorksheet('Begroting en realisatie')?.getSheetValues() ?? []) as unknown[][]
    const kop = br[1] as unknown[]
    const totaal = br.find((r) => r?.[1] === 'Totaal') as unknown[]
    const kolom = (naam: string) => kop.indexOf(naam)
    expect(totaal[kolom('Begroting (met realisatie)')]).toBeCloseTo(280_950, 2)
    expect(totaal[kolom('Verschil')]).toBeCloseTo(346.11, 2)
    expect(totaal[kolom('Nog geen realisatie: begroot')]).toBeCloseTo(54_000, 2)
  })

  it('the chain for Wijdemeren 2026: toegerekend, then concept, then definitief, verzonden and betaald after generating and finalising', async () => {
    const keten = async (wie = 'lezer-wijdemeren') => (await verslag(wie, 'hilWijd', 2026)).body.geldketen
    const voor = await keten()
    expect(voor.organisaties.map((o) => o.naam)).toEqual(['Wijdemeren'])
    // 281 296,11 realised + 54 000,00 budgeted (BAG/BGT): everything Hilversum made in 2026 for Wijdemeren.
    expect(voor.organisaties[0]).toMatchObject({
      toegerekend: 33_529_611,
      concept: 0,
      gedeclareerd: 0,
      betaald: 0,
      openstaand: 0,
      nogTeDeclareren: 33_529_611,
      zichtbaar: true,
    })

    const gen = await send<{ gegenereerd: { id: string; aanId: string }[] }>(server.base, 'POST', '/declaraties/_genereren', {
      session: sessies['regisseur-hilversum'],
      body: { periode: '2026-Q1' },
    })
    expect(gen.status, JSON.stringify(gen.body)).toBe(200)
    const id = gen.body.gegenereerd.find((g) => g.aanId === ids.wijdemeren)?.id
    expect(id).toBeDefined()
    // Q1: belastingen 60 905,12 + salarisadministratie 18 112,50.
    const concept = (await keten()).organisaties[0]
    expect(concept).toMatchObject({ concept: 7_901_762, gedeclareerd: 0, openstaand: 0 })
    expect(concept?.van[0]?.declaraties).toEqual([expect.objectContaining({ id, status: 'concept', bedrag: 7_901_762, nummer: null })])

    const stap = async (pad: string, body?: unknown) => {
      const r = await send(server.base, 'POST', `/declaraties/${id}/${pad}`, { session: sessies['regisseur-hilversum'], body })
      expect(r.status, `${pad} ${JSON.stringify(r.body)}`).toBe(200)
    }
    await stap('definitief-maken')
    expect((await keten()).organisaties[0]).toMatchObject({
      concept: 0,
      definitief: 7_901_762,
      gedeclareerd: 7_901_762,
      openstaand: 7_901_762,
      nogTeDeclareren: 33_529_611 - 7_901_762,
    })
    await stap('verzenden')
    expect((await keten()).organisaties[0]).toMatchObject({ definitief: 0, verzonden: 7_901_762, openstaand: 7_901_762 })
    await stap('betaald-melden', {})
    const na = await keten()
    expect(na.organisaties[0]).toMatchObject({
      toegerekend: 33_529_611,
      concept: 0,
      definitief: 0,
      verzonden: 0,
      betaald: 7_901_762,
      gedeclareerd: 7_901_762,
      openstaand: 0,
      nogTeDeclareren: 33_529_611 - 7_901_762,
    })
    expect(na.organisaties[0]?.van[0]?.declaraties[0]).toMatchObject({ status: 'betaald', nummer: expect.stringMatching(/^2026-\d{4}$/) })
    expect(na.totaal.betaald).toBe(7_901_762)
    // The sender sees the same figures; a year without declaraties shows toegerekend only.
    expect((await keten('regisseur-hilversum')).organisaties[0]?.betaald).toBe(7_901_762)
    const v2025 = (await verslag('lezer-wijdemeren', 'hilWijd', 2025)).body.geldketen
    expect(v2025.organisaties[0]).toMatchObject({ toegerekend: 9_126_040 + 4_051_500, gedeclareerd: 0 })

    // The PDF and XLSX carry the chain.
    const tekst = pdfTekst(
      (await download('lezer-wijdemeren', `/samenwerkingen/${ids.hilWijd}/transparantieverslag/export?jaar=2026&formaat=pdf`)).body,
    )
    expect(tekst).toContain('€ 335.296,11')
    expect(tekst).toContain('€ 79.017,62')
    expect(tekst).toContain('betaald')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(
      (await download('lezer-wijdemeren', `/samenwerkingen/${ids.hilWijd}/transparantieverslag/export?jaar=2026&formaat=xlsx`))
        .body as unknown as ArrayBuffer,
    )
    const rijen = (wb.getWorksheet('Toerekening tot betaling')?.getSheetValues() ?? []) as unknown[][]
    const kop = rijen[1] as unknown[]
    const w = rijen.find((r) => r?.[1] === 'Wijdemeren') as unknown[]
    expect(w[kop.indexOf('Toegerekend')]).toBeCloseTo(335_296.11, 2)
    expect(w[kop.indexOf('Betaald')]).toBeCloseTo(79_017.62, 2)
    expect(w[kop.indexOf('Openstaand')]).toBe(0)
  })
})
