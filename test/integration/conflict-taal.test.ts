import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alsGebruiker, type Lijst, startDemoServer } from '../helpers/demo.js'
import type { TestServer } from '../helpers/server.js'
import { type Reply, type Session, send } from '../helpers/toegang.js'

// Two things a person reads from a refused write: a stale If-Match (412) names who saved
// the version in between and its revision, so the form can say whose values it shows
// next to the person's own; and an English message is English throughout ("cost item",
// "hosting arrangement"), not English with Dutch nouns, while the Dutch stays Dutch.

let server: TestServer
const sessies: Record<string, Session> = {}
const als = alsGebruiker(() => server, sessies)

type Problem = {
  status: number
  detail: string
  gewijzigdDoor?: string
  huidigeRevisie?: number
  invalidParams?: { name: string; code: string; reason: string }[]
}

beforeAll(async () => {
  server = await startDemoServer(['admin', 'beheerder-hilversum', 'regisseur-hilversum'], sessies)
})
afterAll(async () => server?.close())

/** A call as a signed-in demo user with extra headers (If-Match, Accept-Language). */
const met = <T = Record<string, unknown>>(wie: string, method: string, path: string, body: unknown, headers: Record<string, string>) =>
  send<T>(server.base, method, path, { session: sessies[wie], body, headers })

describe('412: who saved in between', () => {
  it('names the person (not the user name) and the current revision, in Dutch and English', async () => {
    const id = await als.idVan('/organisaties', 'cbsCode', 'GM0402')
    const start = await als.get<Record<string, unknown>>('admin', `/organisaties/${id}`)
    const etag = String(start.headers.etag)
    const { id: _id, revisie, aangemaaktOp, gewijzigdOp, toegestaneActies, ...invoer } = start.body

    // The beheerder saves first …
    const eerst = await met(
      'beheerder-hilversum',
      'PUT',
      `/organisaties/${id}`,
      { ...invoer, toelichting: 'Door de beheerder' },
      { 'if-match': etag },
    )
    expect(eerst.status).toBe(200)
    const nieuw = Number(eerst.body.revisie)

    // … then the admin, from the same starting version: 412 naming the beheerder.
    const nl: Reply<Problem> = await met(
      'admin',
      'PUT',
      `/organisaties/${id}`,
      { ...invoer, toelichting: 'Door de admin' },
      { 'if-match': etag },
    )
    expect(nl.status).toBe(412)
    expect(nl.body.gewijzigdDoor).toBe('Informatiemanager Hilversum (demo)')
    expect(nl.body.huidigeRevisie).toBe(nieuw)
    expect(nl.body.detail).toBe(
      `Deze organisatie is intussen gewijzigd door Informatiemanager Hilversum (demo) (revisie ${nieuw}). Haal de actuele versie op en probeer opnieuw.`,
    )
    const en: Reply<Problem> = await met(
      'admin',
      'PUT',
      `/organisaties/${id}`,
      { ...invoer, toelichting: 'Door de admin' },
      { 'if-match': etag, 'accept-language': 'en' },
    )
    expect(en.status).toBe(412)
    expect(en.body.detail).toBe(
      `This organisation was changed by Informatiemanager Hilversum (demo) in the meantime (revision ${nieuw}). Fetch the current version and try again.`,
    )
    // Nothing of the refused writes was stored.
    const nu = await als.get<Record<string, unknown>>('admin', `/organisaties/${id}`)
    expect(nu.body.toelichting).toBe('Door de beheerder')
  })

  it('names the person for a cost item too (the kosten resources share the write path)', async () => {
    const lijst = await als.get<Lijst<Record<string, unknown>>>('regisseur-hilversum', '/kostenposten?paginaGrootte=1')
    const post = lijst.body.resultaten[0] as Record<string, unknown>
    const start = await als.get<Record<string, unknown>>('regisseur-hilversum', `/kostenposten/${post.id}`)
    const etag = String(start.headers.etag)
    const ok = await met(
      'regisseur-hilversum',
      'PATCH',
      `/kostenposten/${post.id}`,
      { toelichting: 'Eerste' },
      {
        'if-match': etag,
        'content-type': 'application/merge-patch+json',
      },
    )
    expect(ok.status).toBe(200)
    const oud: Reply<Problem> = await met(
      'admin',
      'PATCH',
      `/kostenposten/${post.id}`,
      { toelichting: 'Tweede' },
      {
        'if-match': etag,
        'content-type': 'application/merge-patch+json',
        'accept-language': 'en',
      },
    )
    expect(oud.status).toBe(412)
    expect(oud.body.gewijzigdDoor).toBe('Regisseur gastheerschappen Hilversum (demo)')
    expect(oud.body.detail).toMatch(/^This cost item was changed by Regisseur gastheerschappen Hilversum \(demo\)/)
  })
})

describe('English messages are English throughout', () => {
  const DUTCH_NOUNS = /kostenpost|gastheerschap|samenwerking|verdeelsleutel|maatstafwaarde/i

  it('a cost item without cooperation or hosting arrangement', async () => {
    const body = {
      omschrijving: 'Testpost',
      gemaaktDoorId: await als.idVan('/organisaties', 'cbsCode', 'GM0402'),
      periode: '2026',
      soort: 'structureel',
      categorie: 'licenties',
      begroting: 100,
      verdeelsleutelId: (await als.get<Lijst<{ id: string }>>('admin', '/verdeelsleutels?paginaGrootte=1')).body.resultaten[0]?.id,
    }
    const en: Reply<Problem> = await met('admin', 'POST', '/kostenposten', body, { 'accept-language': 'en' })
    expect(en.status).toBe(400)
    const reden = en.body.invalidParams?.find((p) => p.name === 'gastheerschapId')?.reason
    expect(reden).toBe('A cost item belongs to a hosting arrangement or to a cooperation: give exactly one of them.')
    for (const p of en.body.invalidParams ?? []) expect(p.reason, p.name).not.toMatch(DUTCH_NOUNS)
    const nl: Reply<Problem> = await met('admin', 'POST', '/kostenposten', body, {})
    expect(nl.body.invalidParams?.find((p) => p.name === 'gastheerschapId')?.reason).toBe(
      'Een kostenpost hoort bij een gastheerschap óf bij een samenwerking: geef precies één van beide.',
    )
  })

  it('a 404 names the object type in English', async () => {
    const id = '00000000-0000-4000-8000-000000000000'
    const en: Reply<Problem> = await met('admin', 'GET', `/kostenposten/${id}`, undefined, { 'accept-language': 'en' })
    expect(en.status).toBe(404)
    expect(en.body.detail).toBe(`Cost item ${id} does not exist.`)
    const nl: Reply<Problem> = await met('admin', 'GET', `/gastheerschappen/${id}`, undefined, {})
    expect(nl.body.detail).toBe(`gastheerschap ${id} bestaat niet.`)
  })
})
