import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Declaratie, GenereerResultaat } from '../../src/schemas/declaraties.js'
import type { DeclaratiesVanKostenpost } from '../../src/schemas/kostenpost-declaraties.js'
import { buildGastheerschap, buildOrganisatie, create } from '../helpers/factories.js'
import { startServer, type TestServer } from '../helpers/server.js'
import { createGebruiker, isProblem, login, nextClientIp, type Session, send } from '../helpers/toegang.js'

// GET /kostenposten/{id}/declaraties (issue 20, item 5): a post says in which declaraties
// it is, and after a change following a definitive declaratie that a correction is due —
// only to who may see the declaratie. A gastheer declares a post that one afnemer pays in
// full; the other afnemer sees the post but no declaratie; an outsider not even the post.

let server: TestServer
const sessies: Record<string, Session> = {}
const ids: Record<string, string> = {}

const als = <T = Record<string, unknown>>(wie: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  send<T>(server.base, method, path, { session: sessies[wie], body, headers })

async function gebruiker(naam: string, rol: string, organisatieId: string) {
  const g = await createGebruiker(server.base, server.adminToken, [{ rol, organisatieId }], { prefix: naam })
  sessies[naam] = await login(server.base, g.gebruikersnaam, g.wachtwoord, nextClientIp())
}

beforeAll(async () => {
  server = await startServer()
  for (const o of ['gastheer', 'betaler', 'derde', 'buitenstaander'])
    ids[o] = (await create(server.base, 'organisaties', buildOrganisatie({ type: 'overig', naam: `${o} ${Date.now()}` }))).id
  const g = await create(
    server.base,
    'gastheerschappen',
    buildGastheerschap({ gastheerId: ids.gastheer as string, afnemerIds: [ids.betaler as string, ids.derde as string] }),
  )
  ids.gastheerschap = g.id
  const sleutel = await create(server.base, 'verdeelsleutels', {
    naam: 'Betaler vergoedt alles',
    gastheerschapId: g.id,
    versies: [{ geldigVanaf: 2026, regel: { soort: 'volledig afnemer', deelnemerId: ids.betaler } }],
  })
  const post = await create(server.base, 'kostenposten', {
    omschrijving: 'Licentie',
    gastheerschapId: g.id,
    periode: '2026-Q1',
    soort: 'structureel',
    categorie: 'licenties',
    realisatie: 1_234_567,
    verdeelsleutelId: sleutel.id,
  })
  ids.post = post.id
  await gebruiker('regisseur', 'regisseur', ids.gastheer as string)
  await gebruiker('betaler', 'lezer', ids.betaler as string)
  await gebruiker('derde', 'lezer', ids.derde as string)
  await gebruiker('buitenstaander', 'lezer', ids.buitenstaander as string)
}, 120_000)
afterAll(async () => server?.close())

const declaratiesVan = (wie: string) => als<DeclaratiesVanKostenpost>(wie, 'GET', `/kostenposten/${ids.post}/declaraties`)

describe('the declaraties of a kostenpost', () => {
  it('lists none before anything is declared', async () => {
    const res = await declaratiesVan('regisseur')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ kostenpostId: ids.post, declaraties: [] })
  })

  it('names the definitive declaratie, and after a change of the amount what was declared, what is due now and that a correction is needed', async () => {
    const gen = await als<GenereerResultaat>('regisseur', 'POST', '/declaraties/_genereren', { periode: '2026-Q1' })
    expect(gen.status).toBe(200)
    expect(gen.body.gegenereerd).toHaveLength(1)
    const concept = gen.body.gegenereerd[0] as { id: string }
    const inConcept = await declaratiesVan('regisseur')
    expect(inConcept.body.declaraties).toMatchObject([{ id: concept.id, status: 'concept', nummer: null, correctieNodig: false }])

    const lees = await als<Declaratie>('regisseur', 'GET', `/declaraties/${concept.id}`)
    const def = await als<Declaratie>('regisseur', 'POST', `/declaraties/${concept.id}/definitief-maken`, undefined, {
      'if-match': lees.headers.etag as string,
    })
    expect(def.status).toBe(200)
    const na = await declaratiesVan('betaler')
    expect(na.body.declaraties).toEqual([
      expect.objectContaining({
        id: concept.id,
        nummer: def.body.nummer,
        soort: 'declaratie',
        status: 'definitief',
        afnemer: { id: ids.betaler, naam: expect.any(String) },
        afzender: { id: ids.gastheer, naam: expect.any(String) },
        bedrag: 1_234_567,
        gedeclareerdBedrag: 1_234_567,
        actueelBedrag: 1_234_567,
        correctieNodig: false,
      }),
    ])

    const post = await als('regisseur', 'GET', `/kostenposten/${ids.post}`)
    const gewijzigd = await als(
      'regisseur',
      'PATCH',
      `/kostenposten/${ids.post}`,
      { realisatie: 1_334_567 },
      {
        'if-match': post.headers.etag as string,
      },
    )
    expect(gewijzigd.status).toBe(200)
    const daarna = await declaratiesVan('regisseur')
    expect(daarna.body.declaraties[0]).toMatchObject({
      gedeclareerdBedrag: 1_234_567,
      actueelBedrag: 1_334_567,
      correctieNodig: true,
      magCorrigeren: true,
    })
    // The recipient learns that a correction is due, but it is not theirs to make.
    expect((await declaratiesVan('betaler')).body.declaraties[0]).toMatchObject({ correctieNodig: true, magCorrigeren: false })

    // The correction makes up the difference: declared is what is due again, and the correction is listed after its original.
    const orig = await als<Declaratie>('regisseur', 'GET', `/declaraties/${concept.id}`)
    const cor = await als<Declaratie>('regisseur', 'POST', `/declaraties/${concept.id}/corrigeren`, undefined, {
      'if-match': orig.headers.etag as string,
    })
    expect(cor.status).toBe(201)
    const corLees = await als<Declaratie>('regisseur', 'GET', `/declaraties/${cor.body.id}`)
    await als('regisseur', 'POST', `/declaraties/${cor.body.id}/definitief-maken`, undefined, {
      'if-match': corLees.headers.etag as string,
    })
    const gecorrigeerd = await declaratiesVan('betaler')
    expect(gecorrigeerd.body.declaraties).toMatchObject([
      { id: concept.id, gedeclareerdBedrag: 1_334_567, actueelBedrag: 1_334_567, correctieNodig: false },
      { id: cor.body.id, soort: 'correctie', corrigeertId: concept.id, bedrag: 100_000, gedeclareerdBedrag: null },
    ])
  })

  it('shows a third organisation that sees the post no declaratie of others, and an outsider not even the post', async () => {
    const derdeZietPost = await als('derde', 'GET', `/kostenposten/${ids.post}`)
    expect(derdeZietPost.status).toBe(200)
    const derde = await declaratiesVan('derde')
    expect(derde.status).toBe(200)
    expect(derde.body).toEqual({ kostenpostId: ids.post, declaraties: [] })
    expect(JSON.stringify(derde.body)).not.toContain(ids.betaler)

    expect(isProblem(await declaratiesVan('buitenstaander'), 404)).toBe(true)
    expect(isProblem(await als('regisseur', 'GET', '/kostenposten/00000000-0000-4000-8000-000000000000/declaraties'), 404)).toBe(true)
    expect(isProblem(await als('regisseur', 'GET', '/kostenposten/geen-uuid/declaraties'), 400)).toBe(true)
  })
})
