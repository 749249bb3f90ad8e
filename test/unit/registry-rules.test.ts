import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InvalidParam } from '../../src/domain/errors.js'
import { pageInfo, parseSort } from '../../src/domain/listing.js'
import {
  applicatieReferences,
  applicatieRules,
  danglingReferences,
  gastheerschapReferences,
  gastheerschapRules,
  koppelingReferences,
  koppelingRules,
  organisatieRules,
  type Reference,
  type RegistryObjecttype,
  samenwerkingReferences,
  samenwerkingRules,
} from '../../src/domain/registry-rules.js'
import { gemeenten } from '../../src/io/gemeenten.js'
import type {
  ApplicatieInvoer,
  GastheerschapInvoer,
  KoppelingInvoer,
  OrganisatieInvoer,
  SamenwerkingInvoer,
} from '../../src/schemas/registry.js'

// Fixed ids keep failures readable.
const ORG_A = '00000000-0000-4000-8000-00000000000a'
const ORG_B = '00000000-0000-4000-8000-00000000000b'
const ORG_C = '00000000-0000-4000-8000-00000000000c'
const APP_1 = '00000000-0000-4000-8000-000000000001'
const APP_2 = '00000000-0000-4000-8000-000000000002'
const APP_3 = '00000000-0000-4000-8000-000000000003'
const SW_1 = '00000000-0000-4000-8000-000000000101'
const GH_1 = '00000000-0000-4000-8000-000000000201'

const KNOWN = new Set(['GM0402', 'GM1696'])
const ctx = { isKnownCbsCode: (c: string) => KNOWN.has(c) }

/** `name:code` pairs, sorted, so a test states exactly which errors it expects. */
const codes = (errors: InvalidParam[]) => errors.map((e) => `${e.name}:${e.code}`).sort()

function expectMessages(errors: InvalidParam[]) {
  for (const e of errors) {
    expect(e.reason.nl.length).toBeGreaterThan(0)
    expect(e.reason.en.length).toBeGreaterThan(0)
    expect(e.reason.nl).not.toBe(e.reason.en)
  }
}

const organisatie = (o: Partial<OrganisatieInvoer> = {}): OrganisatieInvoer => ({ type: 'leverancier', naam: 'Leverancier', ...o })
const gemeente = (o: Partial<OrganisatieInvoer> = {}): OrganisatieInvoer => ({
  type: 'gemeente',
  naam: 'Hilversum',
  cbsCode: 'GM0402',
  ...o,
})
const samenwerking = (o: Partial<SamenwerkingInvoer> = {}): SamenwerkingInvoer => ({
  naam: 'Samenwerking',
  vorm: 'Convenant',
  leden: [{ organisatieId: ORG_A }, { organisatieId: ORG_B }],
  ...o,
})
const gastheerschap = (o: Partial<GastheerschapInvoer> = {}): GastheerschapInvoer => ({
  taak: 'Belastingen',
  gastheerId: ORG_A,
  afnemerIds: [ORG_B],
  startdatum: '2024-01-01',
  ...o,
})
const applicatie = (o: Partial<ApplicatieInvoer> = {}): ApplicatieInvoer => ({
  naam: 'Key2Belastingen',
  hosting: 'SaaS',
  status: 'in productie',
  inGebruikBij: [],
  ...o,
})
const koppeling = (o: Partial<KoppelingInvoer> = {}): KoppelingInvoer => ({
  naam: 'Koppeling',
  bronApplicatieId: APP_1,
  doelApplicatieId: APP_2,
  type: 'api',
  richting: 'A→B',
  status: 'in gebruik',
  gegevenscategorieen: [],
  persoonsgegevens: false,
  beschikbaarheid: 'laag',
  integriteit: 'laag',
  vertrouwelijkheid: 'laag',
  ...o,
})

describe('organisatieRules', () => {
  it('accepts a gemeente with a known CBS code and a party without one', () => {
    expect(organisatieRules(gemeente(), ctx)).toEqual([])
    expect(organisatieRules(organisatie(), ctx)).toEqual([])
    expect(organisatieRules(organisatie({ type: 'samenwerkingsverband' }), ctx)).toEqual([])
  })

  it('requires a CBS code for a gemeente', () => {
    const errors = organisatieRules(gemeente({ cbsCode: undefined }), ctx)
    expect(codes(errors)).toEqual(['cbsCode:verplicht'])
    expectMessages(errors)
  })

  it.each(['leverancier', 'samenwerkingsverband', 'overig'] as const)('forbids a CBS code for type %s', (type) => {
    const errors = organisatieRules(organisatie({ type, cbsCode: 'GM0402' }), ctx)
    expect(codes(errors)).toEqual(['cbsCode:niet-toegestaan'])
    expectMessages(errors)
  })

  it('rejects a CBS code that names no existing municipality, and says which code', () => {
    const errors = organisatieRules(gemeente({ cbsCode: 'GM9999' }), ctx)
    expect(codes(errors)).toEqual(['cbsCode:onbekende-cbs-code'])
    expect(errors[0].reason.nl).toContain('GM9999')
    expect(errors[0].reason.en).toContain('GM9999')
  })

  it('does not ask the code list about a non-gemeente (one error, not two)', () => {
    const asked: string[] = []
    const errors = organisatieRules(organisatie({ cbsCode: 'GM9999' }), {
      isKnownCbsCode: (c) => {
        asked.push(c)
        return false
      },
    })
    expect(codes(errors)).toEqual(['cbsCode:niet-toegestaan'])
    expect(asked).toEqual([])
  })

  it('works with the real reference list of municipalities', () => {
    const real = { isKnownCbsCode: (c: string) => gemeenten().has(c) }
    expect(organisatieRules(gemeente({ cbsCode: 'GM0402' }), real)).toEqual([])
    expect(organisatieRules(gemeente({ cbsCode: 'GM1696' }), real)).toEqual([])
    expect(codes(organisatieRules(gemeente({ cbsCode: 'GM0000' }), real))).toEqual(['cbsCode:onbekende-cbs-code'])
  })

  it('flags every repeated inwoners year, at the position of the repeat', () => {
    const errors = organisatieRules(
      gemeente({
        inwoners: [
          { jaar: 2023, aantal: 1 },
          { jaar: 2024, aantal: 2 },
          { jaar: 2023, aantal: 3 },
          { jaar: 2024, aantal: 4 },
          { jaar: 2025, aantal: 5 },
        ],
      }),
      ctx,
    )
    expect(codes(errors)).toEqual(['inwoners[2].jaar:dubbel', 'inwoners[3].jaar:dubbel'])
    expectMessages(errors)
  })

  it('accepts distinct inwoners years', () => {
    const inwoners = [
      { jaar: 2023, aantal: 1 },
      { jaar: 2024, aantal: 1 },
    ]
    expect(organisatieRules(gemeente({ inwoners }), ctx)).toEqual([])
  })

  it.each(['https://www.hilversum.nl', 'http://example.nl/pad?x=1'])('accepts website %s', (website) => {
    expect(organisatieRules(organisatie({ website }), ctx)).toEqual([])
  })

  it.each(['ftp://example.nl', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hoi'])(
    'rejects website scheme %s',
    (website) => {
      const errors = organisatieRules(organisatie({ website }), ctx)
      expect(codes(errors)).toEqual(['website:ongeldig-schema'])
      expect(errors[0].reason.en).toContain('http, https')
    },
  )

  it('rejects a website that is no URL at all', () => {
    expect(codes(organisatieRules(organisatie({ website: 'www.example.nl' }), ctx))).toEqual(['website:ongeldig-formaat'])
  })

  it('returns every broken rule at once', () => {
    const errors = organisatieRules(
      organisatie({
        cbsCode: 'GM0402',
        website: 'ftp://x.nl',
        inwoners: [
          { jaar: 2020, aantal: 1 },
          { jaar: 2020, aantal: 2 },
        ],
      }),
      ctx,
    )
    expect(codes(errors)).toEqual(['cbsCode:niet-toegestaan', 'inwoners[1].jaar:dubbel', 'website:ongeldig-schema'])
  })
})

describe('samenwerkingRules', () => {
  it('accepts a valid samenwerking, also with equal start and end dates', () => {
    expect(samenwerkingRules(samenwerking())).toEqual([])
    expect(samenwerkingRules(samenwerking({ startdatum: '2024-01-01', einddatum: '2024-01-01' }))).toEqual([])
    expect(samenwerkingRules(samenwerking({ einddatum: '2000-01-01' }))).toEqual([])
    expect(samenwerkingRules(samenwerking({ startdatum: '2100-01-01' }))).toEqual([])
  })

  it('rejects an end date before the start date', () => {
    const errors = samenwerkingRules(samenwerking({ startdatum: '2024-02-01', einddatum: '2024-01-31' }))
    expect(codes(errors)).toEqual(['einddatum:einddatum-voor-startdatum'])
    expectMessages(errors)
  })

  it('checks the period of every lid', () => {
    const errors = samenwerkingRules(
      samenwerking({
        leden: [
          { organisatieId: ORG_A, startdatum: '2020-01-01', einddatum: '2021-01-01' },
          { organisatieId: ORG_B, startdatum: '2020-01-01', einddatum: '2019-12-31' },
          { organisatieId: ORG_C, einddatum: '2019-12-31' },
        ],
      }),
    )
    expect(codes(errors)).toEqual(['leden[1].einddatum:einddatum-voor-startdatum'])
  })

  it('rejects a lid that occurs twice, at the second occurrence', () => {
    const errors = samenwerkingRules(
      samenwerking({ leden: [{ organisatieId: ORG_A }, { organisatieId: ORG_B }, { organisatieId: ORG_A, startdatum: '2024-01-01' }] }),
    )
    expect(codes(errors)).toEqual(['leden[2].organisatieId:dubbel'])
    expectMessages(errors)
  })

  it('accepts a samenwerking without leden', () => {
    expect(samenwerkingRules(samenwerking({ leden: [] }))).toEqual([])
  })
})

describe('gastheerschapRules', () => {
  it('accepts a valid gastheerschap', () => {
    expect(gastheerschapRules(gastheerschap())).toEqual([])
  })

  it('rejects the gastheer as one of its own afnemers, naming the position', () => {
    const errors = gastheerschapRules(gastheerschap({ afnemerIds: [ORG_B, ORG_C, ORG_A] }))
    expect(codes(errors)).toEqual(['afnemerIds[2]:gastheer-is-afnemer'])
    expectMessages(errors)
  })

  it('rejects an end date before the start date', () => {
    expect(codes(gastheerschapRules(gastheerschap({ startdatum: '2024-01-01', einddatum: '2023-12-31' })))).toEqual([
      'einddatum:einddatum-voor-startdatum',
    ])
  })

  it('reports both problems at once', () => {
    expect(codes(gastheerschapRules(gastheerschap({ afnemerIds: [ORG_A], einddatum: '2000-01-01' })))).toEqual([
      'afnemerIds[0]:gastheer-is-afnemer',
      'einddatum:einddatum-voor-startdatum',
    ])
  })
})

describe('applicatieRules', () => {
  it('accepts distinct statuses', () => {
    expect(
      applicatieRules(
        applicatie({
          statusHistorie: [
            { status: 'gepland', datum: '2023-01-01' },
            { status: 'in productie', datum: '2024-01-01' },
          ],
        }),
      ),
    ).toEqual([])
    expect(applicatieRules(applicatie())).toEqual([])
  })

  it('rejects a status that occurs twice in the history', () => {
    const errors = applicatieRules(
      applicatie({
        statusHistorie: [
          { status: 'gepland', datum: '2023-01-01' },
          { status: 'in productie', datum: '2024-01-01' },
          { status: 'gepland', datum: '2025-01-01' },
        ],
      }),
    )
    expect(codes(errors)).toEqual(['statusHistorie[2].status:dubbel'])
    expectMessages(errors)
  })
})

describe('koppelingRules', () => {
  it('accepts application to application, application to facility and facility to application', () => {
    expect(koppelingRules(koppeling())).toEqual([])
    expect(koppelingRules(koppeling({ doelApplicatieId: undefined, doelVoorziening: 'MijnOverheid Berichtenbox' }))).toEqual([])
    expect(koppelingRules(koppeling({ bronApplicatieId: undefined, bronVoorziening: 'BRP' }))).toEqual([])
    expect(koppelingRules(koppeling({ viaApplicatieId: APP_3 }))).toEqual([])
  })

  it('requires a bron and a doel', () => {
    const errors = koppelingRules(koppeling({ bronApplicatieId: undefined, doelApplicatieId: undefined }))
    expect(codes(errors)).toEqual(['bronApplicatieId:verplicht', 'doelApplicatieId:verplicht'])
    expectMessages(errors)
  })

  it('treats an empty voorziening as no voorziening', () => {
    expect(codes(koppelingRules(koppeling({ bronApplicatieId: undefined, bronVoorziening: '' as 'BRP' })))).toEqual([
      'bronApplicatieId:verplicht',
    ])
  })

  it('rejects an application and a facility on the same end', () => {
    expect(codes(koppelingRules(koppeling({ bronVoorziening: 'BRP' })))).toEqual(['bronVoorziening:niet-beide'])
    expect(codes(koppelingRules(koppeling({ doelVoorziening: 'Digilevering' })))).toEqual(['doelVoorziening:niet-beide'])
  })

  it('rejects a koppeling between two facilities', () => {
    const errors = koppelingRules(
      koppeling({ bronApplicatieId: undefined, doelApplicatieId: undefined, bronVoorziening: 'BRP', doelVoorziening: 'Digilevering' }),
    )
    expect(codes(errors)).toEqual(['doelVoorziening:geen-applicatie'])
    expectMessages(errors)
  })

  it('rejects the same application as bron and doel', () => {
    const errors = koppelingRules(koppeling({ doelApplicatieId: APP_1 }))
    expect(codes(errors)).toEqual(['doelApplicatieId:bron-is-doel'])
  })

  it('rejects a via application that is also bron or doel', () => {
    expect(codes(koppelingRules(koppeling({ viaApplicatieId: APP_1 })))).toEqual(['viaApplicatieId:via-is-eindpunt'])
    expect(codes(koppelingRules(koppeling({ viaApplicatieId: APP_2 })))).toEqual(['viaApplicatieId:via-is-eindpunt'])
  })

  it('rejects a status that occurs twice in the history', () => {
    const errors = koppelingRules(
      koppeling({
        statusHistorie: [
          { status: 'in gebruik', datum: '2020-01-01' },
          { status: 'in gebruik', datum: '2021-01-01' },
        ],
      }),
    )
    expect(codes(errors)).toEqual(['statusHistorie[1].status:dubbel'])
  })

  it.each([
    'https://api.example.nl/zaken',
    'http://intern:8080',
    'sftp://bestanden.example.nl/in',
    'ftps://x.nl',
    'amqps://mq.example.nl',
    'amqp://mq',
  ])('accepts endpoint %s', (endpoint) => {
    expect(koppelingRules(koppeling({ endpoint }))).toEqual([])
  })

  it.each(['ftp://x.nl', 'file:///etc/passwd', 'gopher://x', 'javascript:alert(1)', 'ldap://x'])(
    'rejects endpoint scheme %s',
    (endpoint) => {
      const errors = koppelingRules(koppeling({ endpoint }))
      expect(codes(errors)).toEqual(['endpoint:ongeldig-schema'])
      expect(errors[0].reason.en).toContain('sftp')
    },
  )

  it('rejects an endpoint that is no URL', () => {
    expect(codes(koppelingRules(koppeling({ endpoint: 'geen url' })))).toEqual(['endpoint:ongeldig-formaat'])
  })

  it('reports every broken rule at once', () => {
    const errors = koppelingRules(
      koppeling({
        doelApplicatieId: APP_1,
        viaApplicatieId: APP_1,
        bronVoorziening: 'BRP',
        endpoint: 'ftp://x',
      }),
    )
    expect(codes(errors)).toEqual([
      'bronVoorziening:niet-beide',
      'doelApplicatieId:bron-is-doel',
      'endpoint:ongeldig-schema',
      'viaApplicatieId:via-is-eindpunt',
    ])
  })

  it('property: a koppeling is accepted exactly when each end has one of application/facility, not both facilities, and no application repeats', () => {
    const end = fc.oneof(
      fc.record({ app: fc.constantFrom(APP_1, APP_2, APP_3), voorziening: fc.constant(undefined) }),
      fc.record({ app: fc.constant(undefined), voorziening: fc.constantFrom('BRP', 'Digilevering') }),
      fc.record({ app: fc.constantFrom(APP_1, APP_2), voorziening: fc.constant('BRP') }),
      fc.record({ app: fc.constant(undefined), voorziening: fc.constant(undefined) }),
    )
    fc.assert(
      fc.property(end, end, fc.option(fc.constantFrom(APP_1, APP_2, APP_3), { nil: undefined }), (bron, doel, via) => {
        const input = koppeling({
          bronApplicatieId: bron.app,
          bronVoorziening: bron.voorziening,
          doelApplicatieId: doel.app,
          doelVoorziening: doel.voorziening,
          viaApplicatieId: via,
        })
        const oneOf = (e: { app?: string; voorziening?: string }) => (e.app === undefined) !== (e.voorziening === undefined)
        const endApps = [bron.app, doel.app].filter((a) => a !== undefined)
        const apps = [...endApps, via].filter((a) => a !== undefined)
        const valid = oneOf(bron) && oneOf(doel) && endApps.length > 0 && new Set(apps).size === apps.length
        expect(koppelingRules(input).length === 0).toBe(valid)
      }),
    )
  })
})

describe('references', () => {
  it('lists every reference of a samenwerking with its field path', () => {
    expect(samenwerkingReferences(samenwerking())).toEqual([
      { name: 'leden[0].organisatieId', objecttype: 'organisatie', id: ORG_A },
      { name: 'leden[1].organisatieId', objecttype: 'organisatie', id: ORG_B },
    ])
  })

  it('lists gastheer, afnemers and samenwerking of a gastheerschap', () => {
    expect(gastheerschapReferences(gastheerschap({ afnemerIds: [ORG_B, ORG_C], samenwerkingId: SW_1 }))).toEqual([
      { name: 'gastheerId', objecttype: 'organisatie', id: ORG_A },
      { name: 'afnemerIds[0]', objecttype: 'organisatie', id: ORG_B },
      { name: 'afnemerIds[1]', objecttype: 'organisatie', id: ORG_C },
      { name: 'samenwerkingId', objecttype: 'samenwerking', id: SW_1 },
    ])
  })

  it('lists leverancier and gebruikers of an applicatie, and skips absent ones', () => {
    expect(applicatieReferences(applicatie())).toEqual([])
    expect(applicatieReferences(applicatie({ leverancierId: ORG_C, inGebruikBij: [ORG_A] }))).toEqual([
      { name: 'leverancierId', objecttype: 'organisatie', id: ORG_C },
      { name: 'inGebruikBij[0]', objecttype: 'organisatie', id: ORG_A },
    ])
  })

  it('lists the applications, eigenaar and gastheerschap of a koppeling', () => {
    const refs = koppelingReferences(koppeling({ viaApplicatieId: APP_3, eigenaarId: ORG_A, gastheerschapId: GH_1 }))
    expect(refs).toEqual([
      { name: 'bronApplicatieId', objecttype: 'applicatie', id: APP_1 },
      { name: 'doelApplicatieId', objecttype: 'applicatie', id: APP_2 },
      { name: 'viaApplicatieId', objecttype: 'applicatie', id: APP_3 },
      { name: 'eigenaarId', objecttype: 'organisatie', id: ORG_A },
      { name: 'gastheerschapId', objecttype: 'gastheerschap', id: GH_1 },
    ])
    expect(koppelingReferences(koppeling({ bronApplicatieId: undefined, bronVoorziening: 'BRP' })).map((r) => r.name)).toEqual([
      'doelApplicatieId',
    ])
  })
})

describe('danglingReferences', () => {
  const existing = new Map<RegistryObjecttype, Set<string>>([
    ['organisatie', new Set([ORG_A, ORG_B])],
    ['applicatie', new Set([APP_1])],
  ])

  it('returns nothing when every reference exists', () => {
    const refs: Reference[] = [
      { name: 'gastheerId', objecttype: 'organisatie', id: ORG_A },
      { name: 'bronApplicatieId', objecttype: 'applicatie', id: APP_1 },
    ]
    expect(danglingReferences(refs, existing)).toEqual([])
    expect(danglingReferences([], existing)).toEqual([])
  })

  it('names every missing reference by field, type and id', () => {
    const errors = danglingReferences(
      [
        { name: 'gastheerId', objecttype: 'organisatie', id: ORG_A },
        { name: 'afnemerIds[0]', objecttype: 'organisatie', id: ORG_C },
        { name: 'doelApplicatieId', objecttype: 'applicatie', id: APP_2 },
      ],
      existing,
    )
    expect(codes(errors)).toEqual(['afnemerIds[0]:bestaat-niet', 'doelApplicatieId:bestaat-niet'])
    expect(errors[0].reason.nl).toContain(ORG_C)
    expect(errors[0].reason.nl).toContain('organisatie')
    expect(errors[1].reason.en).toContain(APP_2)
    expect(errors[1].reason.en).toContain('applicatie')
  })

  it('checks the type: an id that exists as another type is still missing', () => {
    expect(codes(danglingReferences([{ name: 'bronApplicatieId', objecttype: 'applicatie', id: ORG_A }], existing))).toEqual([
      'bronApplicatieId:bestaat-niet',
    ])
  })

  it('treats a type absent from the map as having no objects', () => {
    expect(codes(danglingReferences([{ name: 'gastheerschapId', objecttype: 'gastheerschap', id: GH_1 }], existing))).toEqual([
      'gastheerschapId:bestaat-niet',
    ])
  })
})

describe('parseSort', () => {
  it('uses the fallback when no sort is given, and adds id as the last key', () => {
    const expected = [
      { field: 'naam', descending: false },
      { field: 'id', descending: false },
    ]
    expect(parseSort(undefined, 'naam')).toEqual(expected)
    expect(parseSort('', 'naam')).toEqual(expected)
  })

  it('reads descending fields and keeps the order given', () => {
    expect(parseSort('-startdatum,naam', 'naam')).toEqual([
      { field: 'startdatum', descending: true },
      { field: 'naam', descending: false },
      { field: 'id', descending: false },
    ])
  })

  it('keeps the first mention of a field only', () => {
    expect(parseSort('naam,-naam,type,naam', 'naam')).toEqual([
      { field: 'naam', descending: false },
      { field: 'type', descending: false },
      { field: 'id', descending: false },
    ])
  })

  it('does not add id twice when it is already a key, and keeps its direction', () => {
    expect(parseSort('-id', 'naam')).toEqual([{ field: 'id', descending: true }])
    expect(parseSort('id,naam', 'naam')).toEqual([
      { field: 'id', descending: false },
      { field: 'naam', descending: false },
    ])
  })

  it('skips empty parts and a bare minus', () => {
    expect(parseSort(',-,naam,', 'type')).toEqual([
      { field: 'naam', descending: false },
      { field: 'id', descending: false },
    ])
  })

  it('property: id is always a key exactly once, fields are unique, and the non-id order follows the first mentions', () => {
    const field = fc.constantFrom('naam', 'type', 'status', 'id', 'startdatum')
    const part = fc.tuple(fc.boolean(), field).map(([d, f]) => `${d ? '-' : ''}${f}`)
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 8 }), (parts) => {
        const keys = parseSort(parts.join(','), 'naam')
        const fields = keys.map((k) => k.field)
        expect(fields.filter((f) => f === 'id')).toHaveLength(1)
        expect(new Set(fields).size).toBe(fields.length)
        const firstMentions = [...new Set(parts.map((p) => p.replace(/^-/, '')))]
        expect(fields.filter((f) => f !== 'id')).toEqual(firstMentions.filter((f) => f !== 'id'))
        for (const k of keys) {
          const first = parts.find((p) => p.replace(/^-/, '') === k.field)
          if (first) expect(k.descending).toBe(first.startsWith('-'))
        }
      }),
    )
  })
})

describe('pageInfo', () => {
  it('counts pages, rounding up', () => {
    expect(pageInfo({ pagina: 1, paginaGrootte: 20 }, 0)).toEqual({ pagina: 1, paginaGrootte: 20, totaalAantal: 0, totaalPaginas: 0 })
    expect(pageInfo({ pagina: 1, paginaGrootte: 20 }, 1).totaalPaginas).toBe(1)
    expect(pageInfo({ pagina: 2, paginaGrootte: 20 }, 40).totaalPaginas).toBe(2)
    expect(pageInfo({ pagina: 3, paginaGrootte: 20 }, 41)).toEqual({ pagina: 3, paginaGrootte: 20, totaalAantal: 41, totaalPaginas: 3 })
  })

  it('property: the pages hold all results and no page is empty', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 1_000_000 }), (size, total) => {
        const { totaalPaginas } = pageInfo({ pagina: 1, paginaGrootte: size }, total)
        expect(Number.isInteger(totaalPaginas)).toBe(true)
        expect(totaalPaginas * size).toBeGreaterThanOrEqual(total)
        if (total > 0) expect((totaalPaginas - 1) * size).toBeLessThan(total)
        else expect(totaalPaginas).toBe(0)
      }),
    )
  })
})
