import { describe, expect, it } from 'vitest'
import { AUDIT_SOORTEN, auditSoort, soortFilter } from '../../src/domain/audit-soorten.js'
import { presenteer, type SchemaKnoop, verwijzingenIn, vulVerwijzingen, wijzigingen } from '../../src/domain/wijzigingen.js'
import { AUDIT_STAAT_SCHEMAS, auditSchemaRef, auditStaatSchema } from '../../src/schemas/audit.js'

// The audit log's presentation: each changed field typed by the object's own schema.

const KOSTENPOST = {
  id: '11111111-1111-4111-8111-111111111111',
  revisie: 1,
  aangemaaktOp: '2026-07-01T08:00:00.000Z',
  gewijzigdOp: '2026-07-01T08:00:00.000Z',
  omschrijving: 'Licentie zaaksysteem',
  samenwerkingId: '22222222-2222-4222-8222-222222222222',
  gemaaktDoorId: '33333333-3333-4333-8333-333333333333',
  periode: '2026-Q4',
  jaar: 2026,
  soort: 'structureel',
  categorie: 'licenties',
  begroting: 1234567,
  verdeelsleutelId: '44444444-4444-4444-8444-444444444444',
}

describe('wijzigingen', () => {
  const kostenpost = auditStaatSchema('kostenpost')

  it('shows an amount as euro cents, what a person changed first and bookkeeping last', () => {
    const na = { ...KOSTENPOST, begroting: 1334567, revisie: 2, gewijzigdOp: '2026-07-02T09:30:00.000Z' }
    const w = wijzigingen(kostenpost, KOSTENPOST, na, auditSchemaRef)
    expect(w.map((x) => x.pad.join('.'))).toEqual(['begroting', 'revisie', 'gewijzigdOp'])
    expect(w[0]).toEqual({
      pad: ['begroting'],
      voor: { soort: 'bedrag', centen: 1234567 },
      na: { soort: 'bedrag', centen: 1334567 },
      administratief: false,
    })
    expect(w[1].administratief).toBe(true)
    expect(w[2].na).toEqual({ soort: 'tijdstip', waarde: '2026-07-02T09:30:00.000Z' })
  })

  it('shows a reference as a reference to its kind of object, a year as a year, a choice as a choice', () => {
    const w = wijzigingen(kostenpost, null, KOSTENPOST, auditSchemaRef)
    const per = Object.fromEntries(w.map((x) => [x.pad.join('.'), x.na]))
    expect(per.gemaaktDoorId).toEqual({ soort: 'verwijzing', objecttype: 'organisatie', id: KOSTENPOST.gemaaktDoorId })
    expect(per.samenwerkingId).toEqual({ soort: 'verwijzing', objecttype: 'samenwerking', id: KOSTENPOST.samenwerkingId })
    expect(per.verdeelsleutelId).toMatchObject({ objecttype: 'verdeelsleutel' })
    expect(per.jaar).toEqual({ soort: 'jaar', waarde: '2026' })
    expect(per.soort).toEqual({ soort: 'keuze', waarde: 'structureel' })
    expect(per.periode).toEqual({ soort: 'tekst', waarde: '2026-Q4' })
    expect(w.every((x) => x.voor.soort === 'leeg')).toBe(true)
  })

  it('treats absent, null, empty text and an empty list alike: no change', () => {
    const a = { ...KOSTENPOST, toelichting: null, bron: '' }
    const b = { ...KOSTENPOST }
    expect(wijzigingen(kostenpost, a, b, auditSchemaRef)).toEqual([])
    expect(wijzigingen(auditStaatSchema('koppeling'), { gegevenscategorieen: [] }, {}, auditSchemaRef)).toEqual([])
  })

  it('reads each branch of a verdeelregel by its soort: the organisations and percentages of a vast percentage', () => {
    const regel = {
      soort: 'vast percentage',
      percentages: [{ deelnemerId: KOSTENPOST.gemaaktDoorId, percentage: '45.5' }],
    }
    const v = presenteer(auditStaatSchema('verdeelsleutel').properties?.versies, [{ geldigVanaf: 2015, regel }], auditSchemaRef)
    const versie = v.items?.[0]
    expect(versie?.velden?.[0]).toEqual({ veld: 'geldigVanaf', waarde: { soort: 'jaar', waarde: '2015' } })
    const percentages = versie?.velden?.[1].waarde.velden?.find((x) => x.veld === 'percentages')?.waarde
    expect(percentages?.items?.[0].velden).toEqual([
      { veld: 'deelnemerId', waarde: { soort: 'verwijzing', objecttype: 'organisatie', id: KOSTENPOST.gemaaktDoorId } },
      { veld: 'percentage', waarde: { soort: 'getal', waarde: '45.5' } },
    ])
  })

  it('names the fields inside a nested object that changed, not the whole object', () => {
    const invoer = { horizonJaren: 10, disconteringsvoet: 3.5, gezamenlijk: { eenmalig: 100, jaarlijks: 200 } }
    const w = wijzigingen(
      auditStaatSchema('scenario'),
      { invoer },
      { invoer: { ...invoer, horizonJaren: 15, gezamenlijk: { eenmalig: 100, jaarlijks: 250 } } },
      auditSchemaRef,
    )
    expect(w.map((x) => x.pad)).toEqual([
      ['invoer', 'gezamenlijk', 'jaarlijks'],
      ['invoer', 'horizonJaren'],
    ])
    expect(w[0].na).toEqual({ soort: 'bedrag', centen: 250 })
  })

  it('reads a field no schema knows by its JSON type', () => {
    const w = wijzigingen(kostenpost, {}, { oud: '2026-01-02', moment: '2026-01-02T03:04:05Z', n: 3, lijst: ['a'] })
    expect(Object.fromEntries(w.map((x) => [x.pad[0], x.na.soort]))).toEqual({
      oud: 'datum',
      moment: 'tijdstip',
      n: 'getal',
      lijst: 'lijst',
    })
  })

  it('fills in names the reader may see, and for any other reference neither name nor id', () => {
    const w = wijzigingen(kostenpost, null, KOSTENPOST, auditSchemaRef)
    const waarden = w.flatMap((x) => [x.voor, x.na])
    expect(verwijzingenIn(waarden)).toHaveLength(3)
    const namen = new Map([[`organisatie:${KOSTENPOST.gemaaktDoorId}`, 'Hilversum']])
    vulVerwijzingen(waarden, namen, false)
    const per = Object.fromEntries(w.map((x) => [x.pad.join('.'), x.na]))
    expect(per.gemaaktDoorId).toEqual({
      soort: 'verwijzing',
      objecttype: 'organisatie',
      id: KOSTENPOST.gemaaktDoorId,
      naam: 'Hilversum',
      zichtbaarheid: 'zichtbaar',
    })
    expect(per.samenwerkingId).toEqual({ soort: 'verwijzing', objecttype: 'samenwerking', zichtbaarheid: 'niet-zichtbaar' })
  })
})

describe('the kinds of object in the audit log', () => {
  it('tells API token entries (stored under gebruiker) from user entries', () => {
    expect(auditSoort('gebruiker', 'token-aanmaken')).toBe('api-token')
    expect(auditSoort('gebruiker', 'wijzigen')).toBe('gebruiker')
    expect(auditSoort('kostenpost', 'wijzigen')).toBe('kostenpost')
    expect(soortFilter('api-token')).toEqual({ objecttype: 'gebruiker', acties: ['token-aanmaken', 'token-intrekken'] })
    expect(AUDIT_SOORTEN).toEqual(expect.arrayContaining(['kostenpost', 'declaratie', 'verdeelsleutel', 'maatstafwaarde', 'scenario']))
  })

  /** Every property of a schema, with its path, through lists, unions and shared schemas. */
  function* velden(s: SchemaKnoop | undefined, pad: string, diepte = 0): Generator<[string, SchemaKnoop]> {
    const o = s?.$ref ? auditSchemaRef(s.$ref) : s
    if (!o || diepte > 12) return
    for (const t of o.anyOf ?? []) yield* velden(t, pad, diepte + 1)
    if (o.items) yield* velden(o.items, `${pad}[]`, diepte + 1)
    for (const [k, v] of Object.entries(o.properties ?? {})) {
      yield [`${pad}.${k}`, v]
      yield* velden(v, `${pad}.${k}`, diepte + 1)
    }
  }

  it('knows what every id in every stored state points at, and which integers are years', () => {
    const zonderDoel: string[] = []
    const jaarZonderMerk: string[] = []
    for (const [soort, schema] of Object.entries(AUDIT_STAAT_SCHEMAS)) {
      for (const [pad, v] of velden(schema as SchemaKnoop, soort)) {
        const ids = [v, v.items].filter((x) => x?.format === 'uuid' && !x['x-verwijzing'])
        if (ids.length > 0 && pad !== `${soort}.id`) zonderDoel.push(pad)
        if (/(jaar|geldigVanaf)$/i.test(pad) && !/horizonJaren$/.test(pad) && v.type === 'integer' && !v['x-jaartal'])
          jaarZonderMerk.push(pad)
      }
    }
    expect(zonderDoel).toEqual([])
    expect(jaarZonderMerk).toEqual([])
  })
})
