import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Declaratie, GenereerResultaat } from '../../src/schemas/declaraties.js'
import { alsGebruiker, type Lijst, startDemoServer } from '../helpers/demo.js'
import type { TestServer } from '../helpers/server.js'
import { isProblem, type Session } from '../helpers/toegang.js'

// Issue 20, items 2 and 6, over HTTP on the demo data. The list's `periode` filter finds
// every declaratie whose period lies within it (a year holds its quarters and months, a
// quarter its months), and a corrected declaratie names its corrections and what is due
// after them, only to its sender and recipient.

let server: TestServer
const sessies: Record<string, Session> = {}
const { get, post, patch, idVan } = alsGebruiker(() => server, sessies)
const ids: Record<string, string> = {}
const declaratieVan: Record<string, Declaratie> = {}

const periodes = async (wie: string, filter: string) => {
  const res = await get<Lijst<Declaratie>>(wie, `/declaraties?paginaGrootte=100&periode=${encodeURIComponent(filter)}`)
  expect(res.status, res.text).toBe(200)
  return res.body.resultaten.map((d) => d.periode).sort()
}

beforeAll(async () => {
  server = await startDemoServer(['admin', 'regisseur-hilversum', 'lezer-wijdemeren', 'beheerder-heemstede'], sessies)
  ids.bel = await idVan('/gastheerschappen', 'taak', 'Belastingen inclusief uitvoering Wet WOZ')
  ids.sleutel = await idVan('/verdeelsleutels', 'naam', 'Wijdemeren vergoedt alles')
  // Two monthly posts beside the demo's quarterly ones: July (in Q3) and October (in Q4).
  for (const periode of ['2026-07', '2026-10']) {
    const res = await post<{ id: string }>('regisseur-hilversum', '/kostenposten', {
      omschrijving: `Extra inzet belastingen ${periode}`,
      gastheerschapId: ids.bel,
      periode,
      soort: 'structureel',
      categorie: 'personeel',
      realisatie: 250_000,
      verdeelsleutelId: ids.sleutel,
    })
    expect(res.status, res.text).toBe(201)
    ids[periode] = res.body.id
  }
  for (const periode of ['2025', '2026-Q3', '2026-07', '2026-10']) {
    const res = await post<GenereerResultaat>('regisseur-hilversum', '/declaraties/_genereren', { periode })
    expect(res.status, res.text).toBe(200)
    const d = res.body.gegenereerd.find((g) => g.aanNaam === 'Wijdemeren')
    expect(d, periode).toBeTruthy()
    declaratieVan[periode] = d as Declaratie
  }
}, 120_000)
afterAll(async () => server?.close())

describe('the periode filter of GET /declaraties', () => {
  it('a year finds its quarters and months, not another year (it found nothing but exactly "2026")', async () => {
    expect(await periodes('regisseur-hilversum', '2026')).toEqual(['2026-07', '2026-10', '2026-Q3'])
    expect(await periodes('lezer-wijdemeren', '2026')).toEqual(['2026-07', '2026-10', '2026-Q3'])
    expect(await periodes('regisseur-hilversum', '2025')).toEqual(['2025', '2025'])
  })

  it('a quarter finds itself and its months, not a month of another quarter; a month only itself', async () => {
    expect(await periodes('regisseur-hilversum', '2026-Q3')).toEqual(['2026-07', '2026-Q3'])
    expect(await periodes('regisseur-hilversum', '2026-Q4')).toEqual(['2026-10'])
    expect(await periodes('regisseur-hilversum', '2026-07')).toEqual(['2026-07'])
    expect(await periodes('regisseur-hilversum', '2026-08')).toEqual([])
  })

  it('combines with the other filters and counts what it finds', async () => {
    const res = await get<Lijst<Declaratie>>('regisseur-hilversum', '/declaraties?periode=2026&status=concept&paginaGrootte=2')
    expect(res.body.paginering.totaalAantal).toBe(3)
    expect(res.body.resultaten).toHaveLength(2)
  })

  it('refuses a value that is no period with 400 at the field, naming the accepted forms in Dutch', async () => {
    for (const waarde of ['juli', '2026-13', '2026-Q5', '26', '2026-7', '1899']) {
      const res = await get(`regisseur-hilversum`, `/declaraties?periode=${encodeURIComponent(waarde)}`)
      expect(isProblem(res, 400), `${waarde}: ${res.status}`).toBe(true)
      const fout = (res.body.invalidParams as { name: string; reason: string }[]).find((p) => p.name === 'periode')
      expect(fout?.reason, waarde).toMatch(/jaar \(2026\), kwartaal \(2026-Q3\) of maand \(2026-07\)/)
    }
  })

  it('documents the rule in the OpenAPI description', async () => {
    const res = await fetch(`${server.base}/openapi.json`)
    const doc = (await res.json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string; description?: string }[] } }>
    }
    const param = doc.paths['/declaraties']?.get?.parameters?.find((p) => p.name === 'periode' && p.in === 'query')
    expect(param?.description).toMatch(/een jaar omvat zijn kwartalen en maanden/)
  })
})

describe('gecorrigeerdDoor: a corrected declaratie names its corrections', () => {
  let origineel: Declaratie
  let correctie: Declaratie

  it('a declaratie without corrections has none, and asks its own total', async () => {
    const q3 = declaratieVan['2026-Q3'] as Declaratie
    const res = await post<Declaratie>('regisseur-hilversum', `/declaraties/${q3.id}/definitief-maken`)
    expect(res.status, res.text).toBe(200)
    origineel = res.body
    expect(origineel.gecorrigeerdDoor).toEqual([])
    expect(origineel.totaalNaCorrecties).toBe(origineel.totaal)
  })

  it('a concept correction is listed but not yet counted in what is due', async () => {
    const upd = await patch('regisseur-hilversum', `/kostenposten/${ids['2026-07']}`, { realisatie: 262_345 })
    expect(upd.status, upd.text).toBe(200)
    const res = await post<Declaratie>('regisseur-hilversum', `/declaraties/${origineel.id}/corrigeren`)
    expect(res.status, res.text).toBe(201)
    correctie = res.body
    expect(correctie).toMatchObject({ soort: 'correctie', corrigeertId: origineel.id, totaal: 12_345, gecorrigeerdDoor: [] })
    const o = await get<Declaratie>('regisseur-hilversum', `/declaraties/${origineel.id}`)
    expect(o.body.gecorrigeerdDoor).toEqual([{ id: correctie.id, nummer: null, status: 'concept', totaal: 12_345 }])
    expect(o.body.totaalNaCorrecties).toBe(origineel.totaal)
  })

  it('once final, the correction has its number in the original and counts in what is due; both ways, for sender and recipient', async () => {
    const fin = await post<Declaratie>('regisseur-hilversum', `/declaraties/${correctie.id}/definitief-maken`)
    expect(fin.status, fin.text).toBe(200)
    expect(fin.body.totaalNaCorrecties).toBe(12_345)
    for (const wie of ['regisseur-hilversum', 'lezer-wijdemeren']) {
      const o = await get<Declaratie>(wie, `/declaraties/${origineel.id}`)
      expect(o.status).toBe(200)
      expect(o.body.gecorrigeerdDoor, wie).toEqual([{ id: correctie.id, nummer: fin.body.nummer, status: 'definitief', totaal: 12_345 }])
      expect(o.body.totaalNaCorrecties).toBe(origineel.totaal + 12_345)
      const c = await get<Declaratie>(wie, `/declaraties/${correctie.id}`)
      expect(c.body).toMatchObject({ corrigeertId: origineel.id, corrigeertNummer: origineel.nummer, gecorrigeerdDoor: [] })
      // The list carries it too, so it can mark a corrected declaratie.
      const lijst = await get<Lijst<Declaratie>>(wie, '/declaraties?periode=2026-Q3&soort=declaratie')
      const rij = lijst.body.resultaten.find((d) => d.id === origineel.id)
      expect(rij?.gecorrigeerdDoor.map((g) => g.nummer)).toEqual([fin.body.nummer])
      expect(rij?.totaalNaCorrecties).toBe(origineel.totaal + 12_345)
    }
  })

  it('someone who is neither sender nor recipient sees neither', async () => {
    expect(isProblem(await get('beheerder-heemstede', `/declaraties/${origineel.id}`), 404)).toBe(true)
    expect(isProblem(await get('beheerder-heemstede', `/declaraties/${correctie.id}`), 404)).toBe(true)
    const lijst = await get<Lijst<Declaratie>>('beheerder-heemstede', '/declaraties?periode=2026')
    expect(lijst.body.resultaten).toEqual([])
  })
})
