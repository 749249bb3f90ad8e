import { describe, expect, it } from 'vitest'
import type { Objecttype } from '../../src/domain/registry-rules.js'
import {
  COLUMNS,
  ENTITY_TYPES,
  exportHeader,
  fromCsvRecord,
  isUuid,
  knownImportColumns,
  type NameOf,
  type RegistryEntity,
  type Resolve,
  toCsvRow,
} from '../../src/io/csv-columns.js'

// A small fake world of named objects, so references can be written by id or by name.

const ids = {
  hilversum: '11111111-1111-4111-8111-111111111111',
  wijdemeren: '22222222-2222-4222-8222-222222222222',
  leverancier: '33333333-3333-4333-8333-333333333333',
  samenwerking: '44444444-4444-4444-8444-444444444444',
  gastheerschap: '55555555-5555-4555-8555-555555555555',
  belastingen: '66666666-6666-4666-8666-666666666666',
  balie: '77777777-7777-4777-8777-777777777777',
  makelaar: '88888888-8888-4888-8888-888888888888',
  sleutel: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  belastingsysteem: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  wozSysteem: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
}

const world: Partial<Record<Objecttype, Record<string, string>>> = {
  organisatie: { [ids.hilversum]: 'Hilversum', [ids.wijdemeren]: 'Wijdemeren', [ids.leverancier]: 'Centric' },
  samenwerking: { [ids.samenwerking]: 'Hilversum–Wijdemeren' },
  gastheerschap: { [ids.gastheerschap]: 'Belastingen inclusief WOZ' },
  applicatie: { [ids.belastingen]: 'Key2Belastingen', [ids.balie]: 'Digitale Belastingbalie', [ids.makelaar]: 'Gegevensmakelaar' },
  koppeling: {},
  verdeelsleutel: { [ids.sleutel]: 'Wijdemeren vergoedt alles' },
  referentiecomponent: { [ids.belastingsysteem]: 'Belastingsysteem', [ids.wozSysteem]: 'WOZ-systeem' },
}

const nameOf: NameOf = (type, id) => world[type]?.[id] ?? ''

const resolveCalls: string[] = []
const resolve: Resolve = (type, value) => {
  resolveCalls.push(`${type}:${value}`)
  if (isUuid(value)) return world[type]?.[value] ? { id: value } : { error: `Geen ${type} met id ${value}.` }
  const found = Object.entries(world[type] ?? {}).filter(([, naam]) => naam.toLowerCase() === value.trim().toLowerCase())
  return found.length === 1 ? { id: found[0][0] } : { error: `Geen ${type} met de naam "${value}".` }
}

const META = { revisie: 3, aangemaaktOp: '2026-01-01T00:00:00.000Z', gewijzigdOp: '2026-01-02T00:00:00.000Z' }

/** What the API returns for each entity: every column filled. */
const resources: Record<RegistryEntity, Record<string, unknown>> = {
  organisaties: {
    id: ids.hilversum,
    ...META,
    type: 'gemeente',
    naam: 'Hilversum',
    oin: '00000001001234567000',
    cbsCode: 'GM0402',
    inwoners: [
      { jaar: 2024, aantal: 93000 },
      { jaar: 2025, aantal: 94601 },
    ],
    website: 'https://www.hilversum.nl',
    toelichting: 'Gastheer, met "quotes", komma’s; en puntkomma’s',
    archimateId: 'id-hilversum',
  },
  samenwerkingen: {
    id: ids.samenwerking,
    ...META,
    naam: 'Hilversum–Wijdemeren',
    vorm: 'DVO (gastheerschap)',
    omschrijving: 'Taken voor Wijdemeren',
    startdatum: '2018-01-01',
    einddatum: '2030-12-31',
    leden: [
      { organisatieId: ids.hilversum, startdatum: '2018-01-01' },
      { organisatieId: ids.wijdemeren, startdatum: '2018-01-01', einddatum: '2030-12-31' },
      { organisatieId: ids.leverancier, einddatum: '2020-06-30' },
    ],
    toelichting: 'Fictief',
  },
  gastheerschappen: {
    id: ids.gastheerschap,
    ...META,
    taak: 'Belastingen inclusief WOZ',
    omschrijving: 'Heffing en inning',
    gastheerId: ids.hilversum,
    afnemerIds: [ids.wijdemeren, ids.leverancier],
    samenwerkingId: ids.samenwerking,
    dvoReferentie: 'DVO-2018-01',
    startdatum: '2018-01-01',
    einddatum: '2028-12-31',
    beschikbaarheidsdoel: 99.5,
    serviceniveau: 'Kantooruren',
    kostenafspraak: 'Alle kosten door afnemer',
    toelichting: 'Fictief',
  },
  applicaties: {
    id: ids.belastingen,
    ...META,
    naam: 'Key2Belastingen',
    omschrijving: 'Belastingsysteem',
    leverancierId: ids.leverancier,
    referentiecomponentIds: [ids.belastingsysteem, ids.wozSysteem],
    archimateId: 'id-8a7c3e',
    eigenschappen: [
      { naam: 'Object ID', waarde: 'EAID_1234' },
      { naam: 'Licentie', waarde: 'per "gebruiker", | en ;' },
    ],
    hosting: 'bij gastheer',
    versie: '5.2',
    status: 'in productie',
    statusHistorie: [
      { status: 'gepland', datum: '2017-06-01' },
      { status: 'in productie', datum: '2018-01-01' },
    ],
    inGebruikBij: [ids.hilversum, ids.wijdemeren],
    toelichting: 'Fictief',
  },
  koppelingen: {
    id: '99999999-9999-4999-8999-999999999999',
    ...META,
    naam: 'Balie – Key2Belastingen',
    omschrijving: 'Inzage in aanslagen',
    bronApplicatieId: ids.balie,
    doelApplicatieId: ids.belastingen,
    viaApplicatieId: ids.makelaar,
    type: 'webservices',
    richting: 'bidirectioneel',
    status: 'in gebruik',
    statusHistorie: [{ status: 'in gebruik', datum: '2019-01-01' }],
    standaard: 'StUF-BG',
    standaardVersie: '3.10',
    gegevenscategorieen: ['aanslagen', 'WOZ-waarden', 'BSN'],
    persoonsgegevens: true,
    beschikbaarheid: 'midden',
    integriteit: 'hoog',
    vertrouwelijkheid: 'hoog',
    eigenaarId: ids.hilversum,
    gastheerschapId: ids.gastheerschap,
    endpoint: 'https://balie.example.nl/stuf',
    toelichting: 'Fictief',
    archimateId: 'rel-42',
    eigenschappen: [{ naam: 'Interface', waarde: 'StUF-WOZ' }],
  },
  kostenposten: {
    id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
    ...META,
    omschrijving: 'Inzet team belastingen; Q3',
    gastheerschapId: ids.gastheerschap,
    gemaaktDoorId: ids.hilversum,
    periode: '2026-Q3',
    soort: 'structureel',
    categorie: 'personeel',
    begroting: 6_125_000,
    realisatie: 6_090_512,
    verdeelsleutelId: ids.sleutel,
    bron: 'Urenregistratie',
    toelichting: 'Fictief',
  },
  maatstafwaarden: {
    id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
    ...META,
    organisatieId: ids.wijdemeren,
    maatstaf: 'WOZ-objecten',
    jaar: 2025,
    waarde: 10900.5,
    bron: 'BAG',
  },
  referentiewaarden: {
    id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
    ...META,
    naam: 'Peer group',
    jaar: 2025,
    kostenPerInwoner: 7840,
    kostenPerWerkplek: 765_001,
    bron: 'Benchmark',
    toelichting: 'Fictief',
  },
  bewijsstukken: {
    id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
    ...META,
    organisatieId: ids.leverancier,
    soort: 'verwerkersovereenkomst',
    uitgever: 'Hilversum',
    geldigVanaf: '2025-01-01',
    geldigTot: '2027-12-31',
    scope: 'Belastingen',
    getekendMetId: ids.hilversum,
    documentVerwijzing: 'DMS 2025/123',
    toelichting: 'Fictief',
  },
  toegangen: {
    id: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
    ...META,
    partijId: ids.leverancier,
    object: { soort: 'netwerkzone', naam: 'Kantoornetwerk', eigenaarId: ids.hilversum },
    doel: 'Beheer op afstand',
    verleendDoorId: ids.hilversum,
    geldigVanaf: '2025-01-01',
    geldigTot: '2026-12-31',
    laatsteBeoordeling: '2025-06-01',
    beoordelaar: 'ciso',
  },
  referentiecomponenten: {
    id: ids.belastingsysteem,
    ...META,
    naam: 'Belastingsysteem',
    gemmaId: 'EAID_5A1B2C3D',
    omschrijving: 'Heffen en innen van gemeentelijke belastingen',
    toelichting: 'Uit de GEMMA-export',
    archimateId: 'id-belasting',
  },
}

const recordOf = (entity: RegistryEntity, row: string[]) => Object.fromEntries(exportHeader(entity).map((h, i) => [h, row[i]]))

function inputOf(resource: Record<string, unknown>) {
  const { id: _id, revisie: _r, aangemaaktOp: _a, gewijzigdOp: _g, ...input } = resource
  return input
}

const ENTITIES = Object.keys(ENTITY_TYPES) as RegistryEntity[]

describe('exportHeader', () => {
  it('starts with id and puts a readable name column right after every reference column', () => {
    expect(exportHeader('koppelingen').slice(0, 6)).toEqual([
      'id',
      'naam',
      'omschrijving',
      'bronApplicatieId',
      'bronApplicatie',
      'bronVoorziening',
    ])
    for (const entity of ENTITIES) {
      const header = exportHeader(entity)
      expect(header[0]).toBe('id')
      expect(new Set(header).size).toBe(header.length)
      for (const c of COLUMNS[entity]) {
        if (c.kind.type === 'ref' || c.kind.type === 'refs') {
          expect(header[header.indexOf(c.field) + 1]).toBe(c.kind.nameColumn)
        }
      }
    }
  })

  it('accepts on import exactly the columns it exports', () => {
    for (const entity of ENTITIES) expect([...knownImportColumns(entity)]).toEqual(exportHeader(entity))
  })
})

describe('toCsvRow → fromCsvRecord round trip', () => {
  it.each(ENTITIES)('%s: every field survives', (entity) => {
    const row = toCsvRow(entity, resources[entity], nameOf)
    expect(row).toHaveLength(exportHeader(entity).length)
    const { input, errors } = fromCsvRecord(entity, recordOf(entity, row), resolve)
    expect(errors).toEqual([])
    expect(input).toEqual(inputOf(resources[entity]))
  })

  it.each(ENTITIES)('%s: a resource with only required fields round-trips without inventing values', (entity) => {
    const minimal: Record<RegistryEntity, Record<string, unknown>> = {
      organisaties: { type: 'leverancier', naam: 'Centric', inwoners: [] },
      samenwerkingen: { naam: 'S', vorm: 'Convenant', leden: [] },
      gastheerschappen: { taak: 'T', gastheerId: ids.hilversum, afnemerIds: [ids.wijdemeren], startdatum: '2024-01-01' },
      applicaties: { naam: 'A', hosting: 'SaaS', status: 'gepland', statusHistorie: [], inGebruikBij: [], referentiecomponentIds: [] },
      koppelingen: {
        naam: 'K',
        bronVoorziening: 'BRP',
        doelApplicatieId: ids.belastingen,
        type: 'api',
        richting: 'A→B',
        status: 'in ontwikkeling',
        statusHistorie: [],
        gegevenscategorieen: [],
        persoonsgegevens: false,
        beschikbaarheid: 'laag',
        integriteit: 'laag',
        vertrouwelijkheid: 'laag',
      },
      kostenposten: {
        omschrijving: 'P',
        samenwerkingId: ids.samenwerking,
        periode: '2026',
        soort: 'initieel',
        categorie: 'advies',
        realisatie: 1,
        verdeelsleutelId: ids.sleutel,
      },
      maatstafwaarden: { organisatieId: ids.hilversum, maatstaf: 'fte', jaar: 2026, waarde: 0 },
      referentiewaarden: { naam: 'R', jaar: 2026, kostenPerWerkplek: 0 },
      bewijsstukken: { organisatieId: ids.leverancier, soort: 'iso27001', uitgever: 'U', geldigVanaf: '2026-01-01' },
      toegangen: {
        partijId: ids.leverancier,
        object: { soort: 'applicatie', id: ids.belastingen },
        doel: 'D',
        verleendDoorId: ids.hilversum,
        geldigVanaf: '2026-01-01',
      },
      referentiecomponenten: { naam: 'Zaakregistratiecomponent' },
    }
    const resource = { id: '12345678-1234-4234-8234-123456789012', ...META, ...minimal[entity] }
    const { input, errors } = fromCsvRecord(entity, recordOf(entity, toCsvRow(entity, resource, nameOf)), resolve)
    expect(errors).toEqual([])
    // Empty lists of inwoners and statusHistorie are simply left out; the stored default is [].
    const expected = Object.fromEntries(
      Object.entries(minimal[entity]).filter(([k, v]) => !((k === 'inwoners' || k === 'statusHistorie') && (v as []).length === 0)),
    )
    expect(input).toEqual(expected)
  })

  it('writes readable values: ja/nee, "|" between list items, jaar:aantal, status:datum, naam@start/eind', () => {
    const k = recordOf('koppelingen', toCsvRow('koppelingen', resources.koppelingen, nameOf))
    expect(k.persoonsgegevens).toBe('ja')
    expect(k.gegevenscategorieen).toBe('aanslagen|WOZ-waarden|BSN')
    expect(k.statusHistorie).toBe('in gebruik:2019-01-01')
    expect(k.bronApplicatieId).toBe(ids.balie)
    expect(k.bronApplicatie).toBe('Digitale Belastingbalie')
    expect(k.eigenaar).toBe('Hilversum')
    expect(k.bronVoorziening).toBe('')
    const o = recordOf('organisaties', toCsvRow('organisaties', resources.organisaties, nameOf))
    expect(o.inwoners).toBe('2024:93000|2025:94601')
    const s = recordOf('samenwerkingen', toCsvRow('samenwerkingen', resources.samenwerkingen, nameOf))
    expect(s.leden).toBe('Hilversum@2018-01-01|Wijdemeren@2018-01-01/2030-12-31|Centric@/2020-06-30')
    const g = recordOf('gastheerschappen', toCsvRow('gastheerschappen', resources.gastheerschappen, nameOf))
    expect(g.afnemerIds).toBe(`${ids.wijdemeren}|${ids.leverancier}`)
    expect(g.afnemers).toBe('Wijdemeren|Centric')
    expect(g.beschikbaarheidsdoel).toBe('99.5')
    expect(
      recordOf('koppelingen', toCsvRow('koppelingen', { ...resources.koppelingen, persoonsgegevens: false }, nameOf)).persoonsgegevens,
    ).toBe('nee')
  })

  it('keeps the bron of inwonertallen (export then import loses no data)', () => {
    const resource = { ...resources.organisaties, inwoners: [{ jaar: 2025, aantal: 94601, bron: 'CBS' }] }
    const { input, errors } = fromCsvRecord('organisaties', recordOf('organisaties', toCsvRow('organisaties', resource, nameOf)), resolve)
    expect(errors).toEqual([])
    expect(input.inwoners).toEqual([{ jaar: 2025, aantal: 94601, bron: 'CBS' }])
  })

  it('exports leden with their ids, so two organisaties with the same name still re-import (like every other reference)', () => {
    const twin = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
    const names: Record<string, string> = { ...world.organisatie, [twin]: 'Hilversum' }
    const twinNameOf: NameOf = (type, id) => (type === 'organisatie' ? (names[id] ?? '') : nameOf(type, id))
    const twinResolve: Resolve = (type, value) => {
      if (type !== 'organisatie') return resolve(type, value)
      if (isUuid(value)) return names[value] ? { id: value } : { error: 'onbekend id' }
      const found = Object.keys(names).filter((id) => names[id].toLowerCase() === value.toLowerCase())
      return found.length === 1 ? { id: found[0] } : { error: `naam "${value}" is niet eenduidig` }
    }
    const resource = { ...resources.samenwerkingen, leden: [{ organisatieId: twin }, { organisatieId: ids.wijdemeren }] }
    const { input, errors } = fromCsvRecord(
      'samenwerkingen',
      recordOf('samenwerkingen', toCsvRow('samenwerkingen', resource, twinNameOf)),
      twinResolve,
    )
    expect(errors).toEqual([])
    expect(input.leden).toEqual([{ organisatieId: twin }, { organisatieId: ids.wijdemeren }])
  })
})

describe('fromCsvRecord: reading values', () => {
  const gastheerschap = (over: Record<string, string>) =>
    fromCsvRecord(
      'gastheerschappen',
      { taak: 'T', gastheerId: ids.hilversum, afnemerIds: ids.wijdemeren, startdatum: '2024-01-01', ...over },
      resolve,
    )
  const koppeling = (over: Record<string, string>) =>
    fromCsvRecord('koppelingen', { naam: 'K', bronApplicatieId: ids.balie, doelVoorziening: 'BRP', ...over }, resolve)

  it('reads a landelijke voorziening from an older export as the migration does: any case, known aliases, else overig with the text', () => {
    expect(koppeling({ doelVoorziening: 'brp' }).input).toMatchObject({ doelVoorziening: 'BRP' })
    expect(koppeling({ doelVoorziening: 'BRP (Digilevering)' }).input).toMatchObject({ doelVoorziening: 'BRP' })
    const vrij = koppeling({ doelVoorziening: 'Regionaal archief' })
    expect(vrij.input).toMatchObject({ doelVoorziening: 'overig', doelVoorzieningOverig: 'Regionaal archief' })
    expect(vrij.errors).toEqual([])
    // A file in today's shape: overig with its own name column, kept as it is.
    expect(koppeling({ doelVoorziening: 'overig', doelVoorzieningOverig: 'Eigen portaal' }).input).toMatchObject({
      doelVoorziening: 'overig',
      doelVoorzieningOverig: 'Eigen portaal',
    })
    expect(koppeling({ doelVoorziening: 'Overig' }).input).not.toHaveProperty('doelVoorzieningOverig')
  })

  it('reads numbers with a decimal comma or point, and trims cells', () => {
    expect(gastheerschap({ beschikbaarheidsdoel: '99,5' }).input.beschikbaarheidsdoel).toBe(99.5)
    expect(gastheerschap({ beschikbaarheidsdoel: ' 98.25 ' }).input.beschikbaarheidsdoel).toBe(98.25)
    expect(gastheerschap({ beschikbaarheidsdoel: '' }).input).not.toHaveProperty('beschikbaarheidsdoel')
    expect(gastheerschap({ taak: '  Belastingen  ' }).input.taak).toBe('Belastingen')
  })

  it.each(['hoog', '99%', '1.000,5', 'Infinity', 'NaN'])('rejects the number %j', (raw) => {
    const { input, errors } = gastheerschap({ beschikbaarheidsdoel: raw })
    expect(errors.map((e) => `${e.name}:${e.code}`)).toEqual(['beschikbaarheidsdoel:ongeldig-type'])
    expect(errors[0].reason.nl).toContain(raw)
    expect(input).not.toHaveProperty('beschikbaarheidsdoel')
  })

  it.each([
    ['ja', true],
    ['Nee', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['j', true],
    ['n', false],
    ['yes', true],
    ['no', false],
  ])('reads the boolean %j as %s', (raw, value) => {
    const { input, errors } = koppeling({ persoonsgegevens: raw })
    expect(errors).toEqual([])
    expect(input.persoonsgegevens).toBe(value)
  })

  it.each(['misschien', 'waar', '2'])('rejects the boolean %j', (raw) => {
    const { input, errors } = koppeling({ persoonsgegevens: raw })
    expect(errors.map((e) => `${e.name}:${e.code}`)).toEqual(['persoonsgegevens:ongeldig-type'])
    expect(input).not.toHaveProperty('persoonsgegevens')
  })

  it('reads inwoners as jaar:aantal items, spaces allowed', () => {
    const { input, errors } = fromCsvRecord('organisaties', { type: 'gemeente', naam: 'X', inwoners: '2024 : 10|2025:20|' }, resolve)
    expect(errors).toEqual([])
    expect(input.inwoners).toEqual([
      { jaar: 2024, aantal: 10 },
      { jaar: 2025, aantal: 20 },
    ])
  })

  it('names every unreadable inwoners item', () => {
    const { errors } = fromCsvRecord(
      'organisaties',
      { type: 'gemeente', naam: 'X', inwoners: '2024-10|2025:20|25:1|2026:-5|2027:1.5' },
      resolve,
    )
    expect(errors.map((e) => `${e.name}:${e.code}`)).toEqual([
      'inwoners:ongeldig-formaat',
      'inwoners:ongeldig-formaat',
      'inwoners:ongeldig-formaat',
      'inwoners:ongeldig-formaat',
    ])
    expect(errors.map((e) => e.reason.nl.split('"')[1])).toEqual(['2024-10', '25:1', '2026:-5', '2027:1.5'])
  })

  it('reads statusHistorie as status:datum items and rejects an item without a date', () => {
    const ok = fromCsvRecord('applicaties', { naam: 'A', statusHistorie: 'gepland:2024-01-01| in productie : 2025-01-01' }, resolve)
    expect(ok.errors).toEqual([])
    expect(ok.input.statusHistorie).toEqual([
      { status: 'gepland', datum: '2024-01-01' },
      { status: 'in productie', datum: '2025-01-01' },
    ])
    const bad = fromCsvRecord('applicaties', { naam: 'A', statusHistorie: 'gepland|:2024-01-01' }, resolve)
    expect(bad.errors.map((e) => `${e.name}:${e.code}`)).toEqual(['statusHistorie:ongeldig-formaat', 'statusHistorie:ongeldig-formaat'])
    expect(bad.errors[0].reason.nl).toContain('"gepland"')
  })

  it('splits lists on "|" and drops empty items', () => {
    expect(koppeling({ gegevenscategorieen: ' BSN | | adressen|' }).input.gegevenscategorieen).toEqual(['BSN', 'adressen'])
    expect(koppeling({}).input.gegevenscategorieen).toEqual([])
  })
})

describe('fromCsvRecord: references', () => {
  it('resolves a reference by id or by name (case-insensitive)', () => {
    const byId = fromCsvRecord('applicaties', { naam: 'A', leverancierId: ids.leverancier }, resolve)
    const byName = fromCsvRecord('applicaties', { naam: 'A', leverancier: 'centric' }, resolve)
    expect(byId.errors).toEqual([])
    expect(byName.errors).toEqual([])
    expect(byId.input.leverancierId).toBe(ids.leverancier)
    expect(byName.input.leverancierId).toBe(ids.leverancier)
  })

  it('prefers the id column over the name column', () => {
    resolveCalls.length = 0
    const { input, errors } = fromCsvRecord('applicaties', { naam: 'A', leverancierId: ids.leverancier, leverancier: 'Hilversum' }, resolve)
    expect(errors).toEqual([])
    expect(input.leverancierId).toBe(ids.leverancier)
    expect(resolveCalls).toEqual([`organisatie:${ids.leverancier}`])
  })

  it('resolves lists of references by ids or by names, keeping their order', () => {
    const byIds = fromCsvRecord('applicaties', { naam: 'A', inGebruikBij: `${ids.wijdemeren}|${ids.hilversum}` }, resolve)
    const byNames = fromCsvRecord('applicaties', { naam: 'A', inGebruikBijNamen: 'Wijdemeren | Hilversum' }, resolve)
    expect(byIds.input.inGebruikBij).toEqual([ids.wijdemeren, ids.hilversum])
    expect(byNames.input.inGebruikBij).toEqual([ids.wijdemeren, ids.hilversum])
    expect(fromCsvRecord('applicaties', { naam: 'A' }, resolve).input.inGebruikBij).toEqual([])
  })

  it('reports an unknown name against the name column, and an unknown id against the id column', () => {
    const name = fromCsvRecord('koppelingen', { naam: 'K', bronApplicatie: 'Bestaat Niet', doelVoorziening: 'BRP' }, resolve)
    expect(name.errors.map((e) => `${e.name}:${e.code}`)).toEqual(['bronApplicatie:bestaat-niet'])
    expect(name.errors[0].reason.nl).toContain('Bestaat Niet')
    expect(name.input).not.toHaveProperty('bronApplicatieId')

    const id = fromCsvRecord('koppelingen', { naam: 'K', bronApplicatieId: ids.hilversum, doelVoorziening: 'BRP' }, resolve)
    expect(id.errors.map((e) => `${e.name}:${e.code}`)).toEqual(['bronApplicatieId:bestaat-niet'])
  })

  it('reports every unknown name in a list, and keeps the known ones', () => {
    const { input, errors } = fromCsvRecord(
      'gastheerschappen',
      { taak: 'T', gastheer: 'Hilversum', afnemers: 'Wijdemeren|Onbekend|Nergens' },
      resolve,
    )
    expect(errors.map((e) => `${e.name}:${e.code}`)).toEqual(['afnemers:bestaat-niet', 'afnemers:bestaat-niet'])
    expect(input.afnemerIds).toEqual([ids.wijdemeren])
    expect(input.gastheerId).toBe(ids.hilversum)
  })

  it('reads leden by name with optional start/end dates and reports an unknown lid', () => {
    const { input, errors } = fromCsvRecord(
      'samenwerkingen',
      { naam: 'S', vorm: 'Convenant', leden: 'Hilversum@2020-01-01/2021-01-01|Wijdemeren|Onbekend@2020-01-01' },
      resolve,
    )
    expect(input.leden).toEqual([
      { organisatieId: ids.hilversum, startdatum: '2020-01-01', einddatum: '2021-01-01' },
      { organisatieId: ids.wijdemeren },
    ])
    expect(errors.map((e) => `${e.name}:${e.code}`)).toEqual(['leden:bestaat-niet'])
  })
})

describe('isUuid', () => {
  it('accepts uuids in either case and nothing else', () => {
    expect(isUuid(ids.hilversum)).toBe(true)
    expect(isUuid(ids.hilversum.toUpperCase())).toBe(true)
    expect(isUuid(`${ids.hilversum} `)).toBe(false)
    expect(isUuid(`urn:uuid:${ids.hilversum}`)).toBe(false)
    expect(isUuid('Hilversum')).toBe(false)
  })
})

describe('amounts in cost files', () => {
  it('writes euros with a decimal point and reads Dutch notation back to exact cents', () => {
    const k = recordOf('kostenposten', toCsvRow('kostenposten', resources.kostenposten, nameOf))
    expect(k.realisatie).toBe('60905.12')
    expect(k.verdeelsleutel).toBe('Wijdemeren vergoedt alles')
    const { input } = fromCsvRecord('kostenposten', { ...k, realisatie: '60.905,12', begroting: '€ 61.250,00' }, resolve)
    expect(input).toMatchObject({ realisatie: 6_090_512, begroting: 6_125_000 })
  })

  it('names the column of an amount that is no amount, has fractions of cents or is negative', () => {
    const k = recordOf('kostenposten', toCsvRow('kostenposten', resources.kostenposten, nameOf))
    const fouten = (veld: string, waarde: string) =>
      fromCsvRecord('kostenposten', { ...k, [veld]: waarde }, resolve).errors.map((e) => `${e.name}:${e.code}`)
    expect(fouten('begroting', '12,3456')).toEqual(['begroting:geen-hele-centen'])
    expect(fromCsvRecord('kostenposten', { ...k, begroting: '61.250' }, resolve).input.begroting).toBe(6_125_000)
    expect(fouten('realisatie', 'veel')).toEqual(['realisatie:geen-bedrag'])
    expect(fouten('realisatie', '0.001')).toEqual(['realisatie:geen-bedrag'])
    expect(fouten('realisatie', '-3,00')).toEqual(['realisatie:negatief'])
  })
})
