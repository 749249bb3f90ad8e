import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datumInAmsterdam, datumNl } from '../../src/domain/declaraties.js'
import type { Declaratie, GenereerResultaat } from '../../src/schemas/declaraties.js'
import { alsGebruiker, startDemoServer } from '../helpers/demo.js'
import { pdfTekst } from '../helpers/pdf.js'
import type { TestServer } from '../helpers/server.js'
import { isProblem, type Session, send } from '../helpers/toegang.js'

// Issue 20, item 11 (and the PDF part of 16): the declaratie a controller checks. On the
// demo data Hilversum records its IBAN and payment term; one of its posts is exclusive of
// BTW; it declares 2026 to Wijdemeren (a key "Wijdemeren vergoedt alles") and to Gooise
// Meren (a mix key). The PDF names each post and its period, the share in words, the
// IBAN in groups of four, the due date and the BTW statement, in Dutch or English, and
// is tagged (MarkInfo, Lang, a structure tree).

let server: TestServer
const sessies: Record<string, Session> = {}
const { get, post, idVan } = alsGebruiker(() => server, sessies)
const IBAN = 'NL08RKMR0000040200'

beforeAll(async () => {
  server = await startDemoServer(['admin', 'regisseur-hilversum', 'lezer-wijdemeren'], sessies)
}, 120_000)
afterAll(async () => server?.close())

const patch = (wie: string, path: string, body: unknown) =>
  send(server.base, 'PATCH', path, { session: sessies[wie], body, headers: { 'content-type': 'application/merge-patch+json' } })

async function download(wie: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.base}${path}`, { headers: { cookie: sessies[wie]?.cookie ?? '', ...headers } })
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) }
}

type Fout = { name: string; code: string; reason: string }

describe('the organisation records its payment details', () => {
  it('refuses an IBAN with wrong check digits and a payment term outside 0–365 days, at the fields, in Dutch', async () => {
    const hilversum = await idVan('/organisaties', 'naam', 'Hilversum')
    const res = await patch('admin', `/organisaties/${hilversum}`, { iban: 'NL08 RKMR 0000 0402 01', betaaltermijnDagen: 400 })
    expect(isProblem(res, 400), res.text).toBe(true)
    const fouten = res.body.invalidParams as Fout[]
    expect(fouten.find((f) => f.name === 'iban')?.reason).toMatch(/controlecijfers/)
    expect(fouten.find((f) => f.name === 'betaaltermijnDagen')?.reason).toBe(
      'De betaaltermijn is een geheel aantal dagen, van 0 tot en met 365 dagen.',
    )
    const engels = await send(server.base, 'PATCH', `/organisaties/${hilversum}`, {
      session: sessies.admin,
      body: { betaaltermijnDagen: 'dertig' },
      headers: { 'content-type': 'application/merge-patch+json', 'accept-language': 'en' },
    })
    expect((engels.body.invalidParams as Fout[])[0]).toMatchObject({ name: 'betaaltermijnDagen', reason: expect.stringMatching(/days/) })
    // Nothing was stored.
    expect((await get('admin', `/organisaties/${hilversum}`)).body.iban).toBe(IBAN)
  })

  it('stores an IBAN typed with spaces and small letters without spaces, in capitals', async () => {
    const bloemendaal = await idVan('/organisaties', 'naam', 'Bloemendaal')
    const res = await patch('admin', `/organisaties/${bloemendaal}`, { iban: 'nl91 abna 0417 1643 00', betaaltermijnDagen: 14 })
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ iban: 'NL91ABNA0417164300', betaaltermijnDagen: 14 })
    const weg = await patch('admin', `/organisaties/${bloemendaal}`, { iban: null, betaaltermijnDagen: null })
    expect(weg.status, weg.text).toBe(200)
    expect(weg.body.iban).toBeUndefined()
  })
})

describe('the declaratie PDF', () => {
  let wijdemeren: Declaratie
  let gooiseMeren: Declaratie

  beforeAll(async () => {
    // One post of Gooise Meren's declaration is exclusive of BTW; the rest keeps the default (geen).
    const posten = await get<{ resultaten: { id: string; omschrijving: string; periode: string; btw: string }[] }>(
      'admin',
      '/kostenposten?paginaGrootte=200',
    )
    expect(posten.body.resultaten.every((p) => p.btw === 'geen')).toBe(true)
    const helpdesk = posten.body.resultaten.find((p) => p.omschrijving === 'ICT-helpdesk: bemensing' && p.periode === '2026')
    expect((await patch('regisseur-hilversum', `/kostenposten/${helpdesk?.id}`, { btw: 'exclusief' })).status).toBe(200)

    const hilversum = await idVan('/organisaties', 'naam', 'Hilversum')
    const gen = await post<GenereerResultaat>('regisseur-hilversum', '/declaraties/_genereren', { periode: '2026', vanId: hilversum })
    expect(gen.status, gen.text).toBe(200)
    const lees = async (aan: string) => {
      const s = gen.body.gegenereerd.find((d) => d.aanNaam === aan)
      return (await get<Declaratie>('regisseur-hilversum', `/declaraties/${s?.id}`)).body
    }
    const w = await lees('Wijdemeren')
    const fin = await post<Declaratie>('regisseur-hilversum', `/declaraties/${w.id}/definitief-maken`)
    expect(fin.status, fin.text).toBe(200)
    wijdemeren = fin.body
    gooiseMeren = await lees('Gooise Meren')
  }, 60_000)

  it('names each post and its period, the share in words, the IBAN in groups, the reference, the due date and "geen BTW"', async () => {
    const res = await download('lezer-wijdemeren', `/declaraties/${wijdemeren.id}/export?formaat=pdf`)
    expect(res.status).toBe(200)
    const tekst = pdfTekst(res.bytes)
    expect(tekst).toContain('Berekening')
    expect(tekst).toContain('1. Beheer BAG/BGT — 2026 (1 januari 2026 t/m 31 december 2026)')
    expect(tekst).toContain('Kostenpost: Beheer BAG/BGT, periode 2026')
    expect(tekst).toContain('Aandeel Wijdemeren: 100 % volgens Wijdemeren vergoedt alles')
    expect(tekst).not.toMatch(/exact \d+\/\d+ cent/)
    for (const r of wijdemeren.regels) expect(tekst).not.toContain(r.kostenpostId)
    expect(tekst).toContain('NL08 RKMR 0000 0402 00 t.n.v. Hilversum')
    expect(tekst).toContain(`Betalingskenmerk: \n${wijdemeren.nummer}`)
    // 30 days after the day it was made final, in Dutch time.
    const dag = datumInAmsterdam(new Date(wijdemeren.definitiefOp as string))
    const verval = new Date(`${dag}T12:00:00Z`)
    verval.setUTCDate(verval.getUTCDate() + 30)
    expect(tekst).toContain(`Uiterste betaaldatum: \n${datumNl(verval.toISOString().slice(0, 10))} (30 dagen na ${datumNl(dag)})`)
    expect(tekst).toContain('Geen BTW verschuldigd.')
  })

  it('gives a mix key as the share and the rule that made it, and the BTW of each post', async () => {
    const tekst = pdfTekst((await download('regisseur-hilversum', `/declaraties/${gooiseMeren.id}/export?formaat=pdf`)).bytes)
    const regel = gooiseMeren.regels.find((r) => r.omschrijving === 'ICT-helpdesk: bemensing')
    const werkplekken = regel?.stappen.find((s) => s.maatstaf === 'werkplekken')
    const groep = (s: string | undefined) => String(s).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
    expect(tekst.replace(/ \n/g, ' ')).toMatch(
      new RegExp(
        `Aandeel Gooise Meren: [\\d,]+ % volgens Uitwijk en helpdesk: half vast, half naar omvang — 50 % gelijke delen \\(1 van 2\\) \\+ 50 % werkplekken \\(${groep(werkplekken?.waarde)} van ${groep(werkplekken?.totaal)}\\)`,
      ),
    )
    expect(tekst).toContain('Bedragen zijn exclusief BTW voor: ICT-helpdesk: bemensing.')
    expect(tekst).toContain('Geen BTW verschuldigd voor:')
    // A concept: the reference follows when it is made final.
    expect(tekst).toContain('30 dagen na de datum van definitief maken')
  })

  it('follows the language asked for (?taal=en, else Accept-Language); Dutch by default', async () => {
    const pad = `/declaraties/${wijdemeren.id}/export?formaat=pdf`
    const en = pdfTekst((await download('lezer-wijdemeren', `${pad}&taal=en`)).bytes)
    expect(en).toContain('Declaration')
    expect(en).toContain('Share of Wijdemeren: 100% under Wijdemeren vergoedt alles')
    expect(en).toContain('NL08 RKMR 0000 0402 00 in the name of Hilversum')
    expect(en).toContain('Due date')
    expect(en).toContain('No VAT due.')
    expect(en).not.toContain('Berekening')
    const header = pdfTekst((await download('lezer-wijdemeren', pad, { 'accept-language': 'en-GB,en;q=0.8' })).bytes)
    expect(header).toContain('Computation')
    const nl = pdfTekst((await download('lezer-wijdemeren', `${pad}&taal=nl`, { 'accept-language': 'en' })).bytes)
    expect(nl).toContain('Berekening')
    expect((await get('lezer-wijdemeren', `${pad}&taal=de`)).status).toBe(400)
  })

  it('weighs Accept-Language by quality: English when preferred after another language, Dutch when English is refused (en;q=0)', async () => {
    const pad = `/declaraties/${wijdemeren.id}/export?formaat=pdf`
    expect(pdfTekst((await download('lezer-wijdemeren', pad, { 'accept-language': 'de-DE, en;q=0.8, nl;q=0.5' })).bytes)).toContain(
      'Computation',
    )
    expect(pdfTekst((await download('lezer-wijdemeren', pad, { 'accept-language': 'en;q=0, nl;q=0.1' })).bytes)).toContain('Berekening')
    // Problems follow the same choice.
    const geweigerd = await send<{ title: string }>(server.base, 'GET', `${pad}&taal=de`, {
      session: sessies['lezer-wijdemeren'],
      headers: { 'accept-language': 'en;q=0' },
    })
    expect(geweigerd.body.title).toBe('Ongeldige invoer')
  })

  it('is tagged: marked, with a language, its title shown and a structure tree with headings and a table', async () => {
    for (const [taal, lang] of [
      ['nl', 'nl-NL'],
      ['en', 'en-GB'],
    ]) {
      const ruw = (await download('lezer-wijdemeren', `/declaraties/${wijdemeren.id}/export?formaat=pdf&taal=${taal}`)).bytes.toString(
        'latin1',
      )
      expect(ruw.startsWith('%PDF-1.7')).toBe(true)
      expect(ruw).toMatch(/\/MarkInfo \d+ 0 R/)
      expect(ruw).toContain('/Marked true')
      expect(ruw).toContain(`/Lang (${lang})`)
      expect(ruw).toMatch(/\/StructTreeRoot \d+ 0 R/)
      expect(ruw).toContain('/DisplayDocTitle true')
      for (const s of ['/S /Document', '/S /H1', '/S /H2', '/S /P', '/S /Table', '/S /TR', '/S /TH', '/S /TD']) expect(ruw, s).toContain(s)
    }
  })

  it('states the BTW in the XLSX and per line in the CSV', async () => {
    const xlsx = await download('regisseur-hilversum', `/declaraties/${gooiseMeren.id}/export?formaat=xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    const rij = wb
      .getWorksheet('Declaratie')
      ?.getRows(1, 12)
      ?.find((r) => r.getCell(1).value === 'BTW')
    expect(String(rij?.getCell(2).value)).toContain('Bedragen zijn exclusief BTW voor: ICT-helpdesk: bemensing.')
    const csv = (await download('regisseur-hilversum', `/declaraties/${gooiseMeren.id}/export?formaat=csv`)).bytes.toString('utf8')
    const rijen = parse(csv.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[]
    const helpdesk = rijen.find((r) => r.Omschrijving === 'ICT-helpdesk: bemensing')
    expect(helpdesk?.BTW).toBe('Bedragen zijn exclusief BTW')
    expect(rijen.find((r) => r.Omschrijving === 'Totaal van de declaratie')?.BTW).toContain('Geen BTW verschuldigd voor:')
  })

  // Last: it changes Hilversum's payment details.
  it('keeps the IBAN and due date it had when made final after the sender changes them; a concept prints the new ones', async () => {
    const hilversum = await idVan('/organisaties', 'naam', 'Hilversum')
    const nieuw = await patch('admin', `/organisaties/${hilversum}`, { iban: 'NL91 ABNA 0417 1643 00', betaaltermijnDagen: 60 })
    expect(nieuw.status, nieuw.text).toBe(200)
    const definitief = pdfTekst((await download('lezer-wijdemeren', `/declaraties/${wijdemeren.id}/export?formaat=pdf`)).bytes)
    expect(definitief).toContain('NL08 RKMR 0000 0402 00 t.n.v. Hilversum')
    expect(definitief).toContain('(30 dagen na ')
    expect(definitief).not.toContain('NL91 ABNA')
    const concept = pdfTekst((await download('regisseur-hilversum', `/declaraties/${gooiseMeren.id}/export?formaat=pdf`)).bytes)
    expect(concept).toContain('NL91 ABNA 0417 1643 00 t.n.v. Hilversum')
    expect(concept).toContain('60 dagen na de datum van definitief maken')
  })
})
