import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { up as migratie0009 } from '../../src/db/migrations/0009_afnemerschap.js'
import { freshDatabase } from '../helpers/database.js'
import { alsGebruiker, type Lijst, startDemoServer } from '../helpers/demo.js'
import { buildApplicatie, buildKoppeling } from '../helpers/factories.js'
import type { TestServer } from '../helpers/server.js'
import { createApiToken, createGebruiker, isProblem, login, nextClientIp, type Session, send } from '../helpers/toegang.js'

// Issue 10, item 4 elsewhere: whoever may write gastheerschappen (a beheerder or
// regisseur of the gastheer) could name any gemeente as afnemer, without that gemeente
// agreeing, and then read its measures in a verdeling, while the afnemer started seeing
// the gastheerschap and everything it shares. An afnemer shares — both ways — and takes
// part in the costs only once its own organisation confirmed (or someone who may speak
// for it made it); until then it sees the gastheerschap itself, so it can confirm.

let server: TestServer
const sessies: Record<string, Session> = {}
const ids: Record<string, string> = {}
/** The demo's gastheerschappen, as seeded (by the CLI's actor). */
let demoGastheerschappen: Gastheerschap[] = []

type Afnemer = { organisatieId: string; bevestigd: boolean; bevestigdOp?: string; toegestaneActies?: string[] }
type Gastheerschap = { id: string; revisie: number; afnemerIds: string[]; afnemers: Afnemer[]; toegestaneActies?: string[] }
type Verdeling = { delen: { deelnemerId: string; bedrag: number; stappen: { maatstaf?: string; waarde: string; totaal: string }[] }[] }

const { get, post, patch, put, idVan, alleIds, auditVan, gebruikerMet } = alsGebruiker(() => server, sessies)

const LIJSTEN = [
  '/gastheerschappen',
  '/applicaties',
  '/koppelingen',
  '/kostenposten',
  '/verdeelsleutels',
  '/maatstafwaarden',
  '/declaraties',
]

/** What a caller sees through the lists, the landschap and (for an auditor) the audit log. */
async function zicht(wie: string, ook: { auditlog?: boolean } = {}) {
  const lijsten: Record<string, string[]> = {}
  for (const p of LIJSTEN) lijsten[p] = await alleIds(wie, p)
  const landschap = await get<{ knopen: { id: string }[] }>(wie, '/landschap')
  expect(landschap.status).toBe(200)
  return {
    lijsten,
    landschap: landschap.body.knopen.map((k) => k.id).sort(),
    auditlog: ook.auditlog ? await alleIds(wie, '/auditlog', 'volgnummer') : [],
  }
}

/** A view without one gastheerschap itself (and the audit entries about it): what the afnemer may see before confirming. */
const zonder = (z: Awaited<ReturnType<typeof zicht>>, gastheerschapId: string, volgnummers: string[] = []) => ({
  ...z,
  lijsten: { ...z.lijsten, '/gastheerschappen': z.lijsten['/gastheerschappen'].filter((id) => id !== gastheerschapId) },
  auditlog: z.auditlog.filter((v) => !volgnummers.includes(v)),
})

const bevestigPad = (gastheerschapId: string, organisatieId: string) =>
  `/gastheerschappen/${gastheerschapId}/afnemers/${organisatieId}/bevestigen`

async function nieuwGastheerschap(wie: string, afnemerIds: string[], gastheerId = ids.hilversum): Promise<Gastheerschap> {
  const res = await post<Gastheerschap>(wie, '/gastheerschappen', {
    taak: `Taak van ${wie} ${Math.random().toString(36).slice(2, 8)}`,
    gastheerId,
    afnemerIds,
    startdatum: '2024-01-01',
  })
  expect(res.status, res.text).toBe(201)
  return res.body
}

beforeAll(async () => {
  server = await startDemoServer(
    ['admin', 'beheerder-heemstede', 'beheerder-hilversum', 'regisseur-hilversum', 'lezer-wijdemeren', 'auditor-rekenkamer'],
    sessies,
  )
  demoGastheerschappen = (
    await send<Lijst<Gastheerschap>>(server.base, 'GET', '/gastheerschappen?paginaGrootte=200', { token: server.adminToken })
  ).body.resultaten
  for (const [key, naam] of [
    ['hilversum', 'Hilversum'],
    ['wijdemeren', 'Wijdemeren'],
    ['gooiseMeren', 'Gooise Meren'],
    ['heemstede', 'Heemstede'],
    ['bloemendaal', 'Bloemendaal'],
  ])
    ids[key] = await idVan('/organisaties', 'naam', naam)
  await gebruikerMet('regisseur-heemstede', [{ rol: 'regisseur', organisatieId: ids.heemstede }])
  await gebruikerMet('beheerder-bloemendaal', [{ rol: 'beheerder', organisatieId: ids.bloemendaal }])
  await gebruikerMet('beheerder-wijdemeren', [{ rol: 'beheerder', organisatieId: ids.wijdemeren }])
})
afterAll(async () => server?.close())

describe('a gastheerschap declared for another gemeente', () => {
  it('reveals nothing of the afnemer to the gastheer and nothing of the gastheerschap to the afnemer until the afnemer confirms (the reproduction)', async () => {
    const voor = {
      heemstede: await zicht('beheerder-heemstede'),
      auditor: await zicht('auditor-rekenkamer', { auditlog: true }),
    }
    // Regisseur-hilversum names Heemstede as afnemer; Heemstede was not asked.
    const gh = await nieuwGastheerschap('regisseur-hilversum', [ids.heemstede])
    expect(gh.afnemers).toEqual([{ organisatieId: ids.heemstede, bevestigd: false, toegestaneActies: [] }])
    // A key by werkplekken (Heemstede registered 290 for 2025) and a post under it.
    const sleutel = await post<{ id: string }>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Naar werkplekken',
      gastheerschapId: gh.id,
      versies: [{ geldigVanaf: 2024, regel: { soort: 'maatstaf', maatstaf: 'werkplekken' } }],
    })
    expect(sleutel.status, sleutel.text).toBe(201)
    const postRes = await post<{ id: string }>('regisseur-hilversum', '/kostenposten', {
      omschrijving: 'Post om maatstaven te lezen',
      gastheerschapId: gh.id,
      periode: '2025',
      soort: 'structureel',
      categorie: 'hosting',
      begroting: 1_000_000,
      verdeelsleutelId: sleutel.body.id,
    })
    expect(postRes.status, postRes.text).toBe(201)
    // And a koppeling between two Hilversum applicaties serving it.
    const a = await post<{ id: string }>('beheerder-hilversum', '/applicaties', buildApplicatie({ inGebruikBij: [ids.hilversum] }))
    const b = await post<{ id: string }>('beheerder-hilversum', '/applicaties', buildApplicatie({ inGebruikBij: [ids.hilversum] }))
    const k = await post<{ id: string }>(
      'beheerder-hilversum',
      '/koppelingen',
      buildKoppeling({ bronApplicatieId: a.body.id, doelApplicatieId: b.body.id, eigenaarId: ids.hilversum, gastheerschapId: gh.id }),
    )
    expect(k.status, k.text).toBe(201)

    // The verdeling does not read Heemstede's measures: Heemstede takes no part yet.
    const verdeling = await get<Verdeling>('regisseur-hilversum', `/kostenposten/${postRes.body.id}/verdeling`)
    expect(verdeling.status, verdeling.text).toBe(200)
    expect(verdeling.body.delen.map((d) => d.deelnemerId)).toEqual([ids.hilversum])
    expect(verdeling.text).not.toContain(ids.heemstede)
    expect(verdeling.body.delen[0].stappen[0].totaal).toBe('1180')

    // Heemstede sees the gastheerschap (to confirm it), nothing it shares; its auditor neither.
    const gezien = await get<Gastheerschap>('beheerder-heemstede', `/gastheerschappen/${gh.id}`)
    expect(gezien.status).toBe(200)
    const ghRegels = (await auditVan(gh.id)).map((r) => String(r.volgnummer))
    expect(zonder(await zicht('beheerder-heemstede'), gh.id)).toEqual(zonder(voor.heemstede, gh.id))
    expect(zonder(await zicht('auditor-rekenkamer', { auditlog: true }), gh.id, ghRegels)).toEqual(zonder(voor.auditor, gh.id, ghRegels))
    for (const pad of [
      `/kostenposten/${postRes.body.id}`,
      `/verdeelsleutels/${sleutel.body.id}`,
      `/koppelingen/${k.body.id}`,
      `/applicaties/${a.body.id}`,
    ])
      expect(isProblem(await get('beheerder-heemstede', pad), 404), pad).toBe(true)

    // Heemstede confirms: now it sees what the gastheerschap shares, and takes part in its costs.
    const ok = await post<Gastheerschap>('beheerder-heemstede', bevestigPad(gh.id, ids.heemstede))
    expect(ok.status, ok.text).toBe(200)
    expect(ok.body.afnemers.map((x) => [x.organisatieId, x.bevestigd])).toEqual([[ids.heemstede, true]])
    for (const pad of [
      `/kostenposten/${postRes.body.id}`,
      `/verdeelsleutels/${sleutel.body.id}`,
      `/koppelingen/${k.body.id}`,
      `/applicaties/${a.body.id}`,
    ])
      expect((await get('beheerder-heemstede', pad)).status, pad).toBe(200)
    const daarna = await get<Verdeling>('regisseur-hilversum', `/kostenposten/${postRes.body.id}/verdeling`)
    expect(daarna.status).toBe(200)
    expect(daarna.body.delen.map((d) => d.deelnemerId).sort()).toEqual([ids.hilversum, ids.heemstede].sort())
    expect(daarna.body.delen.find((d) => d.deelnemerId === ids.heemstede)?.stappen[0].waarde).toBe('290')
  })

  it('refuses a key or a post that names an afnemer who has not confirmed (it takes no part yet)', async () => {
    const gh = await nieuwGastheerschap('regisseur-hilversum', [ids.heemstede])
    const volledig = { geldigVanaf: 2024, regel: { soort: 'volledig afnemer', deelnemerId: ids.heemstede } }
    const sleutel = await post('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Heemstede betaalt',
      gastheerschapId: gh.id,
      versies: [volledig],
    })
    expect(isProblem(sleutel, 400), sleutel.text).toBe(true)
    expect(sleutel.text).toContain('geen-deelnemer')
    expect((await post('beheerder-heemstede', bevestigPad(gh.id, ids.heemstede))).status).toBe(200)
    const nu = await post<{ id: string }>('regisseur-hilversum', '/verdeelsleutels', {
      naam: 'Heemstede betaalt',
      gastheerschapId: gh.id,
      versies: [volledig],
    })
    expect(nu.status, nu.text).toBe(201)
    const kosten = await post<{ id: string }>('regisseur-hilversum', '/kostenposten', {
      omschrijving: 'Door Heemstede te betalen',
      gastheerschapId: gh.id,
      periode: '2025',
      soort: 'structureel',
      categorie: 'hosting',
      begroting: 10_000,
      verdeelsleutelId: nu.body.id,
    })
    expect(kosten.status, kosten.text).toBe(201)
    expect((await get('regisseur-hilversum', `/kostenposten/${kosten.body.id}/verdeling`)).status).toBe(200)
    // Removed and named again, Heemstede waits again: the post cannot be allocated to it until it confirms.
    expect((await patch('regisseur-hilversum', `/gastheerschappen/${gh.id}`, { afnemerIds: [ids.bloemendaal] })).status).toBe(200)
    expect((await patch('regisseur-hilversum', `/gastheerschappen/${gh.id}`, { afnemerIds: [ids.heemstede] })).status).toBe(200)
    const wacht = await get('regisseur-hilversum', `/kostenposten/${kosten.body.id}/verdeling`)
    expect(isProblem(wacht, 409), wacht.text).toBe(true)
    expect(wacht.text).toContain('geen-deelnemer')
    expect((await post('regisseur-heemstede', bevestigPad(gh.id, ids.heemstede))).status).toBe(200)
    expect((await get('regisseur-hilversum', `/kostenposten/${kosten.body.id}/verdeling`)).status).toBe(200)
  })
})

describe('confirming an afnemer', () => {
  let gh: Gastheerschap
  beforeAll(async () => {
    gh = await nieuwGastheerschap('regisseur-hilversum', [ids.heemstede, ids.bloemendaal])
  })

  it('offers "bevestigen" on the afnemer to who may confirm it, and only there', async () => {
    const acties = async (wie: string) => {
      const res = await get<Gastheerschap>(wie, `/gastheerschappen/${gh.id}`)
      expect(res.status, wie).toBe(200)
      return Object.fromEntries(res.body.afnemers.map((a) => [a.organisatieId, a.toegestaneActies ?? []]))
    }
    expect(await acties('beheerder-heemstede')).toEqual({ [ids.heemstede]: ['bevestigen'], [ids.bloemendaal]: [] })
    expect(await acties('regisseur-heemstede')).toEqual({ [ids.heemstede]: ['bevestigen'], [ids.bloemendaal]: [] })
    expect(await acties('beheerder-bloemendaal')).toEqual({ [ids.heemstede]: [], [ids.bloemendaal]: ['bevestigen'] })
    expect(await acties('regisseur-hilversum')).toEqual({ [ids.heemstede]: [], [ids.bloemendaal]: [] })
    expect(await acties('admin')).toEqual({ [ids.heemstede]: ['bevestigen'], [ids.bloemendaal]: ['bevestigen'] })
    // A lezer or an auditor of the afnemer sees it waiting, without the action.
    expect(
      (await get<Gastheerschap>('auditor-rekenkamer', `/gastheerschappen/${gh.id}`)).body.afnemers.map((a) => a.toegestaneActies),
    ).toEqual([[], []])
  })

  it('refuses whoever may not speak for the afnemer (403) and whoever cannot see the gastheerschap (404)', async () => {
    await gebruikerMet('lezer-heemstede', [{ rol: 'lezer', organisatieId: ids.heemstede }])
    expect(isProblem(await post('lezer-heemstede', bevestigPad(gh.id, ids.heemstede)), 403)).toBe(true)
    expect(isProblem(await post('auditor-rekenkamer', bevestigPad(gh.id, ids.heemstede)), 403)).toBe(true)
    expect(isProblem(await post('regisseur-hilversum', bevestigPad(gh.id, ids.heemstede)), 403)).toBe(true)
    expect(isProblem(await post('beheerder-hilversum', bevestigPad(gh.id, ids.bloemendaal)), 403)).toBe(true)
    expect(isProblem(await post('beheerder-bloemendaal', bevestigPad(gh.id, ids.heemstede)), 403)).toBe(true)
    // Wijdemeren is not named: the gastheerschap does not exist for it.
    expect(isProblem(await post('beheerder-wijdemeren', bevestigPad(gh.id, ids.wijdemeren)), 404)).toBe(true)
    // No afnemer (the gastheer is none either), and a gastheerschap that does not exist.
    expect(isProblem(await post('admin', bevestigPad(gh.id, ids.wijdemeren)), 404)).toBe(true)
    expect(isProblem(await post('admin', bevestigPad(gh.id, ids.hilversum)), 404)).toBe(true)
    expect(isProblem(await post('admin', bevestigPad('00000000-0000-4000-8000-000000000000', ids.heemstede)), 404)).toBe(true)
    // Not found comes before a stale If-Match, a stale If-Match before the permission.
    expect(isProblem(await post('beheerder-wijdemeren', bevestigPad(gh.id, ids.wijdemeren), undefined, { 'if-match': '"999"' }), 404)).toBe(
      true,
    )
    expect(isProblem(await post('lezer-heemstede', bevestigPad(gh.id, ids.heemstede), undefined, { 'if-match': '"999"' }), 412)).toBe(true)
    // A token that may only read cannot confirm.
    const g = await createGebruiker(server.base, server.adminToken, [{ rol: 'beheerder', organisatieId: ids.heemstede }])
    const ip = nextClientIp()
    const { token } = await createApiToken(server.base, await login(server.base, g.gebruikersnaam, g.wachtwoord, ip), ['lezen'], { ip })
    expect(isProblem(await send(server.base, 'POST', bevestigPad(gh.id, ids.heemstede), { token }), 403)).toBe(true)
    // Nothing changed.
    const nu = await get<Gastheerschap>('admin', `/gastheerschappen/${gh.id}`)
    expect(nu.body.revisie).toBe(gh.revisie)
    expect(nu.body.afnemers.map((a) => a.bevestigd)).toEqual([false, false])
  })

  it('lets an unconfirmed afnemer not change the gastheerschap', async () => {
    expect(isProblem(await patch('beheerder-heemstede', `/gastheerschappen/${gh.id}`, { toelichting: 'Overgenomen' }), 403)).toBe(true)
  })

  it('checks If-Match (412), confirms with a new ETag and an audit entry, and is idempotent', async () => {
    const stale = await post('regisseur-heemstede', bevestigPad(gh.id, ids.heemstede), undefined, { 'if-match': `"${gh.revisie + 7}"` })
    expect(isProblem(stale, 412)).toBe(true)
    const ok = await post<Gastheerschap>('regisseur-heemstede', bevestigPad(gh.id, ids.heemstede), undefined, {
      'if-match': `"${gh.revisie}"`,
    })
    expect(ok.status, ok.text).toBe(200)
    expect(ok.body.revisie).toBe(gh.revisie + 1)
    expect(ok.headers.etag).toBe(`"${gh.revisie + 1}"`)
    expect(ok.body.afnemers.map((a) => a.bevestigd)).toEqual([true, false])
    expect(typeof ok.body.afnemers[0].bevestigdOp).toBe('string')
    expect(ok.body.afnemers[1].bevestigdOp).toBeUndefined()
    const regels = await auditVan(gh.id)
    const laatste = regels[0]
    expect(laatste.actie).toBe('afnemerschap-bevestigen')
    expect(laatste.actor).toBe(
      (await get<{ gebruiker: { gebruikersnaam: string } }>('regisseur-heemstede', '/_ik')).body.gebruiker.gebruikersnaam,
    )
    expect((laatste.voor as Gastheerschap).afnemers[0].bevestigd).toBe(false)
    expect((laatste.na as Gastheerschap).afnemers[0].bevestigd).toBe(true)
    // Again: nothing to do, nothing written.
    const nogmaals = await post<Gastheerschap>('beheerder-heemstede', bevestigPad(gh.id, ids.heemstede))
    expect(nogmaals.status).toBe(200)
    expect(nogmaals.body.revisie).toBe(gh.revisie + 1)
    expect(await auditVan(gh.id)).toHaveLength(regels.length)
    gh = nogmaals.body
  })

  it('keeps confirmations when the afnemers change, adds new ones unconfirmed, and takes no confirmation as input', async () => {
    const res = await patch<Gastheerschap>('regisseur-hilversum', `/gastheerschappen/${gh.id}`, {
      afnemerIds: [ids.bloemendaal, ids.heemstede, ids.wijdemeren],
    })
    expect(res.status, res.text).toBe(200)
    expect(res.body.afnemers.map((a) => [a.organisatieId, a.bevestigd])).toEqual([
      [ids.bloemendaal, false],
      [ids.heemstede, true],
      [ids.wijdemeren, false],
    ])
    expect(res.body.afnemerIds).toEqual([ids.bloemendaal, ids.heemstede, ids.wijdemeren])
    expect(isProblem(await patch('regisseur-hilversum', `/gastheerschappen/${gh.id}`, { afnemers: [] }), 400)).toBe(true)
    const { id: _i, revisie: _r, aangemaaktOp: _a, gewijzigdOp: _g, toegestaneActies: _t, ...invoer } = res.body as Record<string, unknown>
    expect(isProblem(await put('regisseur-hilversum', `/gastheerschappen/${gh.id}`, invoer), 400)).toBe(true)
    // Removed and named again: it waits again. A change of something else keeps every afnemer as it was.
    await patch('regisseur-hilversum', `/gastheerschappen/${gh.id}`, { afnemerIds: [ids.bloemendaal] })
    const terug = await patch<Gastheerschap>('regisseur-hilversum', `/gastheerschappen/${gh.id}`, {
      afnemerIds: [ids.bloemendaal, ids.heemstede],
    })
    expect(terug.body.afnemers.map((a) => a.bevestigd)).toEqual([false, false])
    const ander = await patch<Gastheerschap>('regisseur-hilversum', `/gastheerschappen/${gh.id}`, { toelichting: 'Gewijzigd' })
    expect(ander.body.afnemers.map((a) => a.bevestigd)).toEqual([false, false])
  })
})

describe('afnemers confirmed at once', () => {
  it('when an admin names them', async () => {
    const gh = await nieuwGastheerschap('admin', [ids.heemstede, ids.bloemendaal])
    expect(gh.afnemers.map((a) => a.bevestigd)).toEqual([true, true])
  })

  it('when the writer holds a writer role at the afnemer too, and only for that afnemer', async () => {
    await gebruikerMet('regisseur-beide', [
      { rol: 'regisseur', organisatieId: ids.hilversum },
      { rol: 'beheerder', organisatieId: ids.heemstede },
    ])
    const gh = await nieuwGastheerschap('regisseur-beide', [ids.heemstede, ids.bloemendaal])
    expect(gh.afnemers.map((a) => [a.organisatieId, a.bevestigd])).toEqual([
      [ids.heemstede, true],
      [ids.bloemendaal, false],
    ])
  })

  it('in the demo data (seeded by the CLI): every afnemer confirmed, so every afnemer still sees and pays as before', async () => {
    expect(demoGastheerschappen).toHaveLength(7)
    expect(demoGastheerschappen.flatMap((g) => g.afnemers.map((a) => a.bevestigd))).toEqual(Array(7).fill(true))
    // Wijdemeren takes four of them and pays for them: it sees each with its costs.
    const wijdemeren = await alleIds('lezer-wijdemeren', '/gastheerschappen')
    expect(demoGastheerschappen.filter((g) => g.afnemerIds.includes(ids.wijdemeren)).every((g) => wijdemeren.includes(g.id))).toBe(true)
    const posten = await get<Lijst<{ gastheerschapId?: string }>>('lezer-wijdemeren', '/kostenposten?paginaGrootte=200')
    expect(posten.body.resultaten.filter((p) => p.gastheerschapId).length).toBeGreaterThan(0)
  })
})

describe('migration 0009', () => {
  it('confirms the afnemers that exist when it runs, so no installation loses what it sees or allocates', async () => {
    const database = await freshDatabase()
    try {
      const db = database.handle.db
      // The state before 0009: gastheerschap_afnemer without its confirmation columns, with a row.
      await sql`DROP INDEX gastheerschap_afnemer_bevestigd`.execute(db)
      await sql`ALTER TABLE gastheerschap_afnemer DROP COLUMN bevestigd_op, DROP COLUMN bevestigd_door`.execute(db)
      const [gastheer, afnemer] = await db
        .insertInto('organisatie')
        .values([
          { type: 'overig', naam: 'Gastheer vóór 0009', inwoners: '[]' },
          { type: 'overig', naam: 'Afnemer vóór 0009', inwoners: '[]' },
        ])
        .returning('id')
        .execute()
      const gh = await db
        .insertInto('gastheerschap')
        .values({ taak: 'Taak vóór 0009', gastheer_id: gastheer.id, startdatum: '2020-01-01' })
        .returning('id')
        .executeTakeFirstOrThrow()
      await sql`INSERT INTO gastheerschap_afnemer (gastheerschap_id, organisatie_id, positie) VALUES (${gh.id}, ${afnemer.id}, 0)`.execute(
        db,
      )
      await migratie0009(db as never)
      const rows = await db.selectFrom('gastheerschap_afnemer').select(['organisatie_id', 'bevestigd_op', 'bevestigd_door']).execute()
      expect(rows).toHaveLength(1)
      expect(rows[0].organisatie_id).toBe(afnemer.id)
      expect(rows[0].bevestigd_op).not.toBeNull()
      expect(rows[0].bevestigd_door).toBe('migratie 0009')
    } finally {
      await database.destroy()
    }
  })
})
