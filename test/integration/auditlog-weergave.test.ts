import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUDIT_SOORTEN } from '../../src/domain/audit-soorten.js'
import type { Waarde, Wijziging } from '../../src/domain/wijzigingen.js'
import { alsGebruiker, type Lijst, startDemoServer } from '../helpers/demo.js'
import type { TestServer } from '../helpers/server.js'
import { createApiToken, type Session, send } from '../helpers/toegang.js'

// Issue 20, items 1 and 8: the audit log as a person reads it — amounts as amounts,
// references by the name the reader may see, who acted by name — and the entries of one
// object for anyone who may see that object (the Wijzigingen section of a record page).

let server: TestServer
const sessies: Record<string, Session> = {}
const { get, post, patch, del, idVan } = alsGebruiker(() => server, sessies)
const ids: Record<string, string> = {}

interface Regel {
  volgnummer: number
  actie: string
  objecttype: string
  herkomst?: string
  voor: Record<string, unknown> | null
  na: Record<string, unknown> | null
  weergave: {
    soort: string
    object: Waarde
    actor: { gebruikersnaam: string; naam?: string }
    wijzigingen: Wijziging[]
  }
}

const auditVan = async (wie: string, objectId: string, extra = '') =>
  get<Lijst<Regel>>(wie, `/auditlog?objectId=${objectId}&paginaGrootte=50${extra}`)
const veld = (r: Regel, naam: string) => r.weergave.wijzigingen.find((w) => w.pad.join('.') === naam)

beforeAll(async () => {
  server = await startDemoServer(['admin', 'regisseur-hilversum', 'lezer-wijdemeren', 'beheerder-heemstede', 'auditor-rekenkamer'], sessies)
  ids.hilversum = await idVan('/organisaties', 'naam', 'Hilversum')
  ids.wijdemeren = await idVan('/organisaties', 'naam', 'Wijdemeren')
  ids.heemstede = await idVan('/organisaties', 'naam', 'Heemstede')
  ids.hilGm = await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Hilversum – Gooise Meren')
  ids.bloHee = await idVan('/samenwerkingen', 'naam', 'ICT-samenwerking Bloemendaal – Heemstede')
  ids.sleutel = await idVan('/verdeelsleutels', 'naam', 'Uitwijk en helpdesk: half vast, half naar omvang')
  const kostenpost = await post_('regisseur-hilversum', '/kostenposten', {
    omschrijving: 'Licentie zaaksysteem (audit)',
    samenwerkingId: ids.hilGm,
    gemaaktDoorId: ids.hilversum,
    periode: '2026-Q4',
    soort: 'structureel',
    categorie: 'licenties',
    begroting: 1234567,
    verdeelsleutelId: ids.sleutel,
  })
  ids.post = kostenpost.id
  const gewijzigd = await patch('regisseur-hilversum', `/kostenposten/${ids.post}`, { begroting: 1334567 })
  expect(gewijzigd.status).toBe(200)
  // A finding reaches the log only when a person accepts its risk; accepted before the policy
  // below is made, whose re-evaluation (a background job) may close it.
  const bevinding = (await get<{ resultaten: { id: string }[] }>('admin', '/bevindingen?status=open')).body.resultaten[0]
  const aanvaard = await post('admin', `/bevindingen/${bevinding.id}/risico-accepteren`, {
    reden: 'Vervanging gepland',
    eigenaar: 'CISO Hilversum',
    einddatum: '2027-06-30',
  })
  expect(aanvaard.status).toBe(200)
  // The demo follows the shipped default policy: a policy of Hilversum's own, for the log.
  const standaard = (await get<{ regels: unknown[] }>('admin', '/vertrouwensbeleid/standaard')).body
  await post_('admin', '/vertrouwensbeleid', {
    eigenaarId: ids.hilversum,
    naam: 'Vertrouwensbeleid Hilversum',
    samenwerkingIds: [],
    regels: standaard.regels,
    bevestigGevolgen: true,
  })
})
afterAll(async () => server?.close())

async function post_(wie: string, path: string, body: unknown): Promise<{ id: string }> {
  const res = await post<{ id: string }>(wie, path, body)
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

describe('the audit log as a person reads it', () => {
  it('shows a changed amount as an amount, who acted by name, and keeps the stored values raw', async () => {
    const res = await auditVan('admin', ids.post)
    expect(res.status).toBe(200)
    const [wijziging, aanmaken] = res.body.resultaten
    expect(wijziging.actie).toBe('wijzigen')
    // What the chain hashes stays as stored: cents.
    expect([wijziging.voor?.begroting, wijziging.na?.begroting]).toEqual([1234567, 1334567])
    expect(wijziging.weergave.soort).toBe('kostenpost')
    expect(wijziging.weergave.actor).toEqual({ gebruikersnaam: 'regisseur-hilversum', naam: 'Regisseur gastheerschappen Hilversum (demo)' })
    expect(wijziging.weergave.object).toMatchObject({
      soort: 'verwijzing',
      naam: 'Licentie zaaksysteem (audit)',
      zichtbaarheid: 'zichtbaar',
    })
    // What the person changed first; bookkeeping (revisie, time stamp) after it and marked so.
    expect(wijziging.weergave.wijzigingen[0]).toEqual({
      pad: ['begroting'],
      voor: { soort: 'bedrag', centen: 1234567 },
      na: { soort: 'bedrag', centen: 1334567 },
      administratief: false,
    })
    expect(wijziging.weergave.wijzigingen.slice(1).every((w) => w.administratief)).toBe(true)
    expect(veld(wijziging, 'gewijzigdOp')?.na.soort).toBe('tijdstip')

    expect(aanmaken.actie).toBe('aanmaken')
    expect(veld(aanmaken, 'gemaaktDoorId')?.na).toEqual({
      soort: 'verwijzing',
      objecttype: 'organisatie',
      id: ids.hilversum,
      naam: 'Hilversum',
      zichtbaarheid: 'zichtbaar',
    })
    expect(veld(aanmaken, 'samenwerkingId')?.na).toMatchObject({ naam: 'ICT-samenwerking Hilversum – Gooise Meren' })
    expect(veld(aanmaken, 'verdeelsleutelId')?.na).toMatchObject({
      objecttype: 'verdeelsleutel',
      naam: 'Uitwijk en helpdesk: half vast, half naar omvang',
    })
    expect(veld(aanmaken, 'jaar')?.na).toEqual({ soort: 'jaar', waarde: '2026' })
    expect(veld(aanmaken, 'voor')).toBeUndefined()
  })

  it('names a referenced object only for a reader who may see it; a deleted one is gone for everyone', async () => {
    // A business case of Heemstede and Hilversum about a cooperation Heemstede is not in.
    const scenario = await post_('admin', '/scenarios', {
      naam: 'Heemstede en Hilversum (audit)',
      soort: 'nieuwe samenwerking',
      samenwerkingId: ids.hilGm,
      invoer: {
        deelnemers: [ids.heemstede, ids.hilversum].map((organisatieId) => ({
          organisatieId,
          huidigeKosten: { eenmalig: 100_00, jaarlijks: 1_000_00 },
        })),
        gezamenlijk: { eenmalig: 100_00, jaarlijks: 1_000_00 },
        verdeling: { soort: 'gelijke delen' },
        horizonJaren: 5,
        disconteringsvoet: 3,
      },
    })
    const alsAdmin = (await auditVan('admin', scenario.id)).body.resultaten[0]
    expect(veld(alsAdmin, 'samenwerkingId')?.na).toMatchObject({
      naam: 'ICT-samenwerking Hilversum – Gooise Meren',
      zichtbaarheid: 'zichtbaar',
    })
    const res = await auditVan('auditor-rekenkamer', scenario.id)
    expect(res.status).toBe(200)
    const alsAuditor = res.body.resultaten[0]
    expect(veld(alsAuditor, 'samenwerkingId')?.na).toEqual({
      soort: 'verwijzing',
      objecttype: 'samenwerking',
      zichtbaarheid: 'niet-zichtbaar',
    })
    expect(JSON.stringify(alsAuditor.weergave)).not.toContain('Gooise Meren')
    // The participants are organisations, which everyone may see.
    const deelnemers = veld(alsAuditor, 'invoer')?.na.velden?.find((v) => v.veld === 'deelnemers')?.waarde
    expect(deelnemers?.items?.map((d) => d.velden?.[0].waarde.naam)).toEqual(['Heemstede', 'Hilversum'])

    // A post moved from one key to another, and the first key deleted.
    const oud = await post_('admin', '/verdeelsleutels', {
      naam: 'Tijdelijke sleutel (audit)',
      versies: [{ geldigVanaf: 2020, regel: { soort: 'gelijke delen' } }],
    })
    expect((await patch('regisseur-hilversum', `/kostenposten/${ids.post}`, { verdeelsleutelId: oud.id })).status).toBe(200)
    expect((await patch('regisseur-hilversum', `/kostenposten/${ids.post}`, { verdeelsleutelId: ids.sleutel })).status).toBe(200)
    expect((await del('admin', `/verdeelsleutels/${oud.id}`)).status).toBe(204)
    const terug = (await auditVan('admin', ids.post)).body.resultaten[0]
    expect(veld(terug, 'verdeelsleutelId')?.voor).toEqual({
      soort: 'verwijzing',
      objecttype: 'verdeelsleutel',
      id: oud.id,
      zichtbaarheid: 'verwijderd',
    })
    const alsRegisseur = (await auditVan('regisseur-hilversum', ids.post)).body.resultaten[0]
    expect(veld(alsRegisseur, 'verdeelsleutelId')?.voor).toEqual({
      soort: 'verwijzing',
      objecttype: 'verdeelsleutel',
      zichtbaarheid: 'niet-zichtbaar',
    })
  })

  it('shows a declaratie made final as what happened to it: its status, number and moment', async () => {
    const gegenereerd = await post<{ gegenereerd: { id: string; aanId: string }[] }>('regisseur-hilversum', '/declaraties/_genereren', {
      periode: '2026-Q3',
    })
    expect(gegenereerd.status).toBe(200)
    const concept = gegenereerd.body.gegenereerd.find((d) => d.aanId === ids.wijdemeren) ?? gegenereerd.body.gegenereerd[0]
    // A concept has no number: it is named by period and parties, and says so in the reader's language.
    const alsConcept = (taal: string) =>
      send<Lijst<Regel>>(server.base, 'GET', `/auditlog?objectId=${concept.id}`, {
        session: sessies['regisseur-hilversum'],
        headers: { 'accept-language': taal },
      })
    expect((await alsConcept('nl')).body.resultaten[0]?.weergave.object.naam).toMatch(/^2026-Q3 Hilversum → .+ \(concept\)$/)
    expect((await alsConcept('en')).body.resultaten[0]?.weergave.object.naam).toMatch(/^2026-Q3 Hilversum → .+ \(draft\)$/)
    expect((await post('regisseur-hilversum', `/declaraties/${concept.id}/definitief-maken`)).status).toBe(200)
    const [definitief, genereren] = (await auditVan('regisseur-hilversum', concept.id)).body.resultaten
    expect(definitief.actie).toBe('definitief-maken')
    expect(veld(definitief, 'status')).toMatchObject({
      voor: { soort: 'keuze', waarde: 'concept' },
      na: { soort: 'keuze', waarde: 'definitief' },
    })
    expect(veld(definitief, 'nummer')?.na).toEqual({ soort: 'tekst', waarde: '2026-0001' })
    expect(veld(definitief, 'definitiefOp')?.na.soort).toBe('tijdstip')
    expect(definitief.weergave.object).toMatchObject({ objecttype: 'declaratie', naam: '2026-0001' })
    expect(genereren.actie).toBe('genereren')
    expect(veld(genereren, 'vanId')?.na).toMatchObject({ naam: 'Hilversum', zichtbaarheid: 'zichtbaar' })
    expect(veld(genereren, 'totaal')?.na.soort).toBe('bedrag')
    // Each line's post by name, its amount as an amount.
    const regel = veld(genereren, 'regels')?.na.items?.[0]
    const per = Object.fromEntries((regel?.velden ?? []).map((v) => [v.veld, v.waarde]))
    expect(per.kostenpostId).toMatchObject({ objecttype: 'kostenpost', zichtbaarheid: 'zichtbaar' })
    expect(per.bedrag.soort).toBe('bedrag')
  })
})

describe('who may read the entries of an object', () => {
  it('lets anyone read the entries of an object they may see, without the origin; the whole log stays for auditors', async () => {
    expect((await get('lezer-wijdemeren', '/auditlog')).status).toBe(403)
    expect((await get('lezer-wijdemeren', '/auditlog?objecttype=kostenpost')).status).toBe(403)
    // Wijdemeren's reader sees the Belastingen post Hilversum charges it.
    const belasting = (await get<Lijst<{ id: string }>>('lezer-wijdemeren', '/kostenposten?zoek=Key2Belastingen')).body.resultaten[0]
    const zichtbaar = await auditVan('lezer-wijdemeren', belasting.id)
    expect(zichtbaar.status).toBe(200)
    expect(zichtbaar.body.resultaten.length).toBeGreaterThan(0)
    expect(zichtbaar.body.resultaten.every((r) => r.herkomst === undefined)).toBe(true)
    expect(zichtbaar.body.resultaten.every((r) => r.weergave.object.naam !== undefined)).toBe(true)
    // An object the reader may not see answers exactly like an unknown one: nothing.
    const verborgen = await auditVan('lezer-wijdemeren', ids.bloHee)
    const onbekend = await auditVan('lezer-wijdemeren', '00000000-0000-4000-8000-000000000000')
    expect(verborgen.status).toBe(200)
    expect(verborgen.body).toEqual(onbekend.body)
    expect(verborgen.body.paginering.totaalAantal).toBe(0)
    // An auditor and an admin still see where a change came from.
    const alsAuditor = await auditVan('auditor-rekenkamer', ids.bloHee)
    expect(alsAuditor.body.resultaten.length).toBeGreaterThan(0)
    expect(alsAuditor.body.resultaten.every((r) => typeof r.herkomst === 'string')).toBe(true)
  })
})

describe('the filters', () => {
  it('offers every kind of object, API tokens included, and nothing it does not know', async () => {
    await createApiToken(server.base, sessies['beheerder-heemstede'], ['lezen'], { naam: 'audit-test' })
    for (const soort of AUDIT_SOORTEN) {
      const res = await get<Lijst<Regel>>('admin', `/auditlog?objecttype=${soort}&paginaGrootte=200`)
      expect(res.status, soort).toBe(200)
      expect(res.body.resultaten.length, soort).toBeGreaterThan(0)
      expect(
        res.body.resultaten.filter((r) => r.weergave.soort !== soort).map((r) => `${r.objecttype}/${r.actie}`),
        soort,
      ).toEqual([])
    }
    const tokens = await get<Lijst<Regel>>('admin', '/auditlog?objecttype=api-token')
    expect(tokens.body.resultaten.map((r) => [r.objecttype, r.actie])).toContainEqual(['gebruiker', 'token-aanmaken'])
    expect(tokens.body.resultaten[0].weergave.object).toMatchObject({ objecttype: 'api-token', zichtbaarheid: 'zichtbaar' })
    expect((await get('admin', '/auditlog?objecttype=onbekend')).status).toBe(400)
    expect((await get('admin', '/auditlog?actie=definitief-maken')).status).toBe(200)
    expect((await get('admin', '/auditlog?actie=iets')).status).toBe(400)
  })

  it('tells an auditor nothing of user accounts and tokens', async () => {
    for (const soort of ['gebruiker', 'api-token']) {
      const res = await get<Lijst<Regel>>('auditor-rekenkamer', `/auditlog?objecttype=${soort}`)
      expect(res.status).toBe(200)
      expect(res.body.paginering.totaalAantal).toBe(0)
    }
  })
})
