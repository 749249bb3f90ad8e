import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CorrectieVoorstel, Declaratie, GenereerResultaat } from '../../src/schemas/declaraties.js'
import { alsGebruiker, startDemoServer } from '../helpers/demo.js'
import type { TestServer } from '../helpers/server.js'
import { isProblem, type Session } from '../helpers/toegang.js'

// Issue 20, item 5 from the declaratie's side: after a post of a definitive declaratie
// changes, GET /declaraties/{id}/correctievoorstel says a correction is due and what it
// would hold, without making it; the correction then holds exactly that, and afterwards
// nothing is due. Only sender and recipient may ask.

let server: TestServer
const sessies: Record<string, Session> = {}
const { get, post, patch, idVan } = alsGebruiker(() => server, sessies)
const ids: Record<string, string> = {}
let declaratie: Declaratie

const voorstel = (wie: string, id = declaratie.id) => get<CorrectieVoorstel>(wie, `/declaraties/${id}/correctievoorstel`)

beforeAll(async () => {
  server = await startDemoServer(['admin', 'regisseur-hilversum', 'lezer-wijdemeren', 'beheerder-heemstede'], sessies)
  const post1 = await post<{ id: string; revisie: number }>('regisseur-hilversum', '/kostenposten', {
    omschrijving: 'Licentie belastingapplicatie (correctievoorstel)',
    gastheerschapId: await idVan('/gastheerschappen', 'taak', 'Belastingen inclusief uitvoering Wet WOZ'),
    periode: '2031-Q1',
    soort: 'structureel',
    categorie: 'licenties',
    realisatie: 1_234_567,
    verdeelsleutelId: await idVan('/verdeelsleutels', 'naam', 'Wijdemeren vergoedt alles'),
  })
  expect(post1.status, post1.text).toBe(201)
  ids.post = post1.body.id
  const gen = await post<GenereerResultaat>('regisseur-hilversum', '/declaraties/_genereren', { periode: '2031-Q1' })
  expect(gen.status, gen.text).toBe(200)
  expect(gen.body.gegenereerd).toHaveLength(1)
  ids.declaratie = gen.body.gegenereerd[0].id
}, 120_000)
afterAll(async () => server?.close())

describe('GET /declaraties/{id}/correctievoorstel', () => {
  it('a concept needs no correction', async () => {
    const res = await voorstel('regisseur-hilversum', ids.declaratie)
    expect(res.status, res.text).toBe(200)
    expect(res.body).toEqual({ nodig: false, verschil: 0, regels: [] })
  })

  it('after the post changes, a definitive declaratie shows per post what was declared, what is due now and the difference', async () => {
    const def = await post<Declaratie>('regisseur-hilversum', `/declaraties/${ids.declaratie}/definitief-maken`)
    expect(def.status, def.text).toBe(200)
    declaratie = def.body
    expect((await voorstel('regisseur-hilversum')).body.nodig).toBe(false)

    const gewijzigd = await patch('regisseur-hilversum', `/kostenposten/${ids.post}`, { realisatie: 1_334_567 })
    expect(gewijzigd.status, gewijzigd.text).toBe(200)
    for (const wie of ['regisseur-hilversum', 'lezer-wijdemeren']) {
      const res = await voorstel(wie)
      expect(res.status, `${wie}: ${res.text}`).toBe(200)
      expect(res.body).toEqual({
        nodig: true,
        verschil: 100_000,
        regels: [
          {
            kostenpostId: ids.post,
            omschrijving: 'Licentie belastingapplicatie (correctievoorstel)',
            periode: '2031-Q1',
            eerderGedeclareerd: 1_234_567,
            nieuwBedrag: 1_334_567,
            verschil: 100_000,
          },
        ],
      })
    }
  })

  it('the correction holds what was proposed; once it is definitive nothing is due; a correction itself proposes nothing', async () => {
    const cor = await post<Declaratie>('regisseur-hilversum', `/declaraties/${declaratie.id}/corrigeren`)
    expect(cor.status, cor.text).toBe(201)
    expect(cor.body.totaal).toBe(100_000)
    // A concept correction is not yet declared: still due.
    expect((await voorstel('regisseur-hilversum')).body.nodig).toBe(true)
    const def = await post<Declaratie>('regisseur-hilversum', `/declaraties/${cor.body.id}/definitief-maken`)
    expect(def.status, def.text).toBe(200)
    expect((await voorstel('regisseur-hilversum')).body).toEqual({ nodig: false, verschil: 0, regels: [] })
    expect((await voorstel('regisseur-hilversum', cor.body.id)).body.nodig).toBe(false)
  })

  it('is 404 for whoever may not see the declaratie, like an unknown id; 400 for a malformed id', async () => {
    const onzichtbaar = await voorstel('beheerder-heemstede')
    const onbekend = await voorstel('beheerder-heemstede', '00000000-0000-4000-8000-000000000000')
    expect(isProblem(onzichtbaar, 404), onzichtbaar.text).toBe(true)
    expect(isProblem(onbekend, 404), onbekend.text).toBe(true)
    const detail = (r: { body: unknown }) => (r.body as { detail?: string }).detail
    expect(detail(onzichtbaar)).toBe(detail(onbekend)?.replace('00000000-0000-4000-8000-000000000000', declaratie.id))
    expect(isProblem(await voorstel('regisseur-hilversum', 'geen-id'), 400)).toBe(true)
  })
})
