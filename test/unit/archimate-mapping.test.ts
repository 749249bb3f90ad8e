import { describe, expect, it } from 'vitest'
import { landschapNaarArchimate } from '../../src/domain/interop/archimate-export.js'
import { planArchimateImport } from '../../src/domain/interop/archimate-import.js'
import type { ArchimateElement, ArchimateModel, ArchimateRelatie } from '../../src/domain/interop/archimate-model.js'
import type { BestaandLandschap, ExportLandschap, ImportPlan } from '../../src/domain/interop/typen.js'

// The mapping between an ArchiMate model and the Regiekamer landscape, on models built in
// code (no XML): every rule of archimate-import.ts, and the round trip through the export.

type Props = [string, string][] | Record<string, string>
const props = (p: Props = {}) => (Array.isArray(p) ? p : Object.entries(p)).map(([naam, waarde]) => ({ naam, waarde }))

let regelNr = 0
const el = (id: string, type: string, naam: string, p: Props = {}, documentatie?: string): ArchimateElement => ({
  id,
  type,
  naam,
  eigenschappen: props(p),
  regel: ++regelNr,
  ...(documentatie ? { documentatie } : {}),
})
const actor = (id: string, naam: string, p: Props = {}) => el(id, 'BusinessActor', naam, p)
const comp = (id: string, naam: string, p: Props = {}, documentatie?: string) => el(id, 'ApplicationComponent', naam, p, documentatie)
const rel = (id: string, type: string, bron: string, doel: string, naam?: string, p: Props = {}): ArchimateRelatie => ({
  id,
  type,
  bron,
  doel,
  eigenschappen: props(p),
  regel: ++regelNr,
  ...(naam !== undefined ? { naam } : {}),
})
const model = (elementen: ArchimateElement[], relaties: ArchimateRelatie[] = []): ArchimateModel => ({
  id: 'm',
  naam: 'Model',
  eigenschappen: [],
  elementen,
  relaties,
  views: [],
})
const leeg = (): BestaandLandschap => ({ organisaties: [], referentiecomponenten: [], applicaties: [], koppelingen: [] })
const teller = () => {
  let n = 0
  return () => `nieuw-${++n}`
}
const plan = (m: ArchimateModel, bestaand: BestaandLandschap = leeg()) => planArchimateImport(m, bestaand, teller())
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

const overgeslagen = (p: ImportPlan, elementId: string) => p.overgeslagen.filter((o) => o.elementId === elementId)
const aanname = (p: ImportPlan, elementId: string, veld: string) => p.aannames.find((a) => a.elementId === elementId && a.veld === veld)

describe('organisaties (BusinessActor)', () => {
  it('reads CBS-code, OIN, Type and Website under their aliases, names compared loosely', () => {
    const p = plan(
      model([
        actor('a1', 'Wijdemeren', { ' cbs-CODE ': '0402' }),
        actor('a2', 'Hilversum', { Gemeentecode: 'GM0402x', OIN: '00000001002220647000' }),
        actor('a3', 'Gooise Meren', { 'CBS code': 'gm1942', Website: 'https://www.gooisemeren.nl' }),
        actor('a4', 'Centric', { Organisatietype: 'Leverancier', oin: '0000 0003 2746 2300 0000' }),
        actor('a5', 'Regio', { Type: 'samenwerkingsverband' }),
      ]),
    )
    expect(p.organisaties.map((r) => r.invoer)).toEqual([
      { type: 'gemeente', naam: 'Wijdemeren', cbsCode: 'GM0402', archimateId: 'a1' },
      { type: 'overig', naam: 'Hilversum', oin: '00000001002220647000', archimateId: 'a2' },
      { type: 'gemeente', naam: 'Gooise Meren', cbsCode: 'GM1942', website: 'https://www.gooisemeren.nl', archimateId: 'a3' },
      { type: 'leverancier', naam: 'Centric', oin: '00000003274623000000', archimateId: 'a4' },
      { type: 'samenwerkingsverband', naam: 'Regio', archimateId: 'a5' },
    ])
    // Hilversum's "GM0402x" is no CBS code: left out with a reason; with neither a type nor a valid CBS code, overig is an aanname.
    expect(overgeslagen(p, 'a2')[0].reden.nl).toContain('CBS-gemeentecode')
    expect(aanname(p, 'a2', 'type')).toMatchObject({ waarde: 'overig' })
    expect(p.aannames.map((a) => a.elementId)).toEqual(['a2'])
  })

  it('without Type or CBS code assumes overig; a CBS code makes a gemeente without an aanname', () => {
    const p = plan(
      model([
        actor('a1', 'Iets'),
        actor('a2', 'Huizen', { 'CBS-code': '0406' }),
        actor('a3', 'Eemnes', { 'CBS-code': '0376', Type: 'dorp' }),
      ]),
    )
    expect(p.organisaties.map((r) => r.invoer.type)).toEqual(['overig', 'gemeente', 'gemeente'])
    expect(p.aannames).toHaveLength(1)
    expect(p.aannames[0]).toMatchObject({ elementId: 'a1', veld: 'type', waarde: 'overig' })
    expect(overgeslagen(p, 'a3')[0]).toMatchObject({ naam: 'Eemnes: Type' })
  })

  it('a CBS code on a non-gemeente is left out with a reason', () => {
    const p = plan(model([actor('a1', 'Centric', { Type: 'leverancier', 'CBS-code': 'GM0402' })]))
    expect(p.organisaties[0].invoer).toEqual({ type: 'leverancier', naam: 'Centric', archimateId: 'a1' })
    expect(overgeslagen(p, 'a1')[0].reden.nl).toContain('alleen een gemeente')
  })

  it('matches on identificatie, then CBS code, then OIN, then name', () => {
    const bestaand: BestaandLandschap = {
      ...leeg(),
      organisaties: [
        { id: uuid(1), naam: 'Wijdemeren', type: 'gemeente', cbsCode: 'GM0402' },
        { id: uuid(2), naam: 'Hilversum', type: 'gemeente', cbsCode: 'GM0402x', oin: '00000001002220647000' },
        { id: uuid(3), naam: 'Huizen', type: 'gemeente', cbsCode: 'GM0406', archimateId: 'oud-huizen' },
        { id: uuid(4), naam: 'Centric', type: 'leverancier' },
      ],
    }
    const p = plan(
      model([
        actor(`id-${uuid(4)}`, 'Andere naam'),
        actor('oud-huizen', 'Huizen (oud)'),
        // The CBS code wins over the name of another organisatie.
        actor('x1', 'Hilversum', { 'CBS-code': 'GM0402' }),
        actor('x2', 'Onbekend', { OIN: '00000001002220647000' }),
        actor('x3', ' huizen ', {}),
      ]),
      bestaand,
    )
    expect(p.organisaties.map((r) => [r.id, r.actie, r.overeenkomst])).toEqual([
      [uuid(4), 'samenvoegen', 'identificatie'],
      [uuid(3), 'samenvoegen', 'identificatie'],
      [uuid(1), 'samenvoegen', 'cbs-code'],
      [uuid(2), 'samenvoegen', 'oin'],
    ])
    // x3 is Huizen by name, but Huizen is already in the plan: merged into that element, with a reason.
    expect(overgeslagen(p, 'x3')[0].reden.nl).toContain('oud-huizen')
    // Merged: only the file identifier is added, and only where the record has none.
    expect(p.organisaties.map((r) => r.invoer)).toEqual([{}, {}, { archimateId: 'x1' }, { archimateId: 'x2' }])
  })

  it('matches on a name only when exactly one organisatie has it; several → skipped naming the ambiguity', () => {
    const bestaand: BestaandLandschap = {
      ...leeg(),
      organisaties: [
        { id: uuid(1), naam: 'Stichting ICT', type: 'overig' },
        { id: uuid(2), naam: 'stichting  ict', type: 'overig' },
        { id: uuid(3), naam: 'Baarn', type: 'gemeente', cbsCode: 'GM0308' },
      ],
    }
    const p = plan(model([actor('a1', 'Stichting ICT'), actor('a2', 'BAARN')]), bestaand)
    expect(p.organisaties).toHaveLength(1)
    expect(p.organisaties[0]).toMatchObject({ id: uuid(3), overeenkomst: 'naam', elementIds: ['a2'] })
    const reden = overgeslagen(p, 'a1')[0].reden
    expect(reden.nl).toContain('2 bestaande objecten van soort organisatie heten "Stichting ICT"')
    expect(reden.en).toContain('2 existing organisations')
  })

  it('an id-<uuid> that matches nothing creates the record with that uuid, without archimateId', () => {
    const ids: string[] = []
    const p = planArchimateImport(model([actor(`id-${uuid(9).toUpperCase()}`, 'Laren', { 'CBS-code': 'GM0417' })]), leeg(), () => {
      ids.push('x')
      return 'x'
    })
    expect(p.organisaties[0]).toMatchObject({
      id: uuid(9),
      actie: 'aanmaken',
      invoer: { type: 'gemeente', naam: 'Laren', cbsCode: 'GM0417' },
    })
    expect(p.organisaties[0].invoer).not.toHaveProperty('archimateId')
    expect(ids).toEqual([])
  })
})

describe('referentiecomponenten', () => {
  it('recognises "GEMMA type", "Type" and "Objecttype"; GEMMA id under its aliases; documentation is omschrijving', () => {
    const p = plan(
      model([
        comp('r1', 'Zaakregistratiecomponent', { 'GEMMA type': 'referentiecomponent', 'GEMMA id': 'g-1' }, 'Registreert zaken.'),
        comp('r2', 'Belastingsysteem', { type: 'Referentiecomponent', 'Object ID': 'g-2' }),
        comp('r3', 'WOZ-systeem', { Objecttype: 'GEMMA Referentiecomponent', GUID: 'g-3' }),
        comp('a1', 'Key2Belastingen', { Type: 'Applicatie' }),
      ]),
    )
    expect(p.referentiecomponenten.map((r) => r.invoer)).toEqual([
      { naam: 'Zaakregistratiecomponent', gemmaId: 'g-1', omschrijving: 'Registreert zaken.', archimateId: 'r1' },
      { naam: 'Belastingsysteem', gemmaId: 'g-2', archimateId: 'r2' },
      { naam: 'WOZ-systeem', gemmaId: 'g-3', archimateId: 'r3' },
    ])
    expect(p.applicaties.map((a) => a.naam)).toEqual(['Key2Belastingen'])
    expect(p.applicaties[0].invoer.eigenschappen).toEqual([{ naam: 'Type', waarde: 'Applicatie' }])
  })

  it('matches on identificatie, then GEMMA id, then name', () => {
    const bestaand: BestaandLandschap = {
      ...leeg(),
      referentiecomponenten: [
        { id: uuid(1), naam: 'Zaakregistratiecomponent', gemmaId: 'g-1' },
        { id: uuid(2), naam: 'Belastingsysteem', gemmaId: 'g-2' },
        { id: uuid(3), naam: 'WOZ-systeem', archimateId: 'oud' },
      ],
    }
    const rc = { 'GEMMA type': 'Referentiecomponent' }
    const p = plan(
      model([
        comp('oud', 'Anders', rc),
        comp('x1', 'Belastingsysteem', { ...rc, 'GEMMA id': 'g-1' }),
        comp('x2', 'belastingsysteem', rc),
        comp('x3', 'Nieuw', rc),
      ]),
      bestaand,
    )
    expect(p.referentiecomponenten.map((r) => [r.id, r.overeenkomst ?? r.actie])).toEqual([
      [uuid(3), 'identificatie'],
      [uuid(1), 'gemma-id'],
      [uuid(2), 'naam'],
      ['nieuw-1', 'aanmaken'],
    ])
  })
})

describe('applicaties', () => {
  it('maps Leverancier, Versie, Hosting, Status, documentation and keeps the rest as eigenschappen in order', () => {
    const p = plan(
      model([
        comp(
          'a1',
          'Key2Belastingen',
          [
            ['Object ID', 'x-1'],
            ['Supplier', 'Centric'],
            ['Version', '4.2'],
            ['Hosting', 'SaaS'],
            ['Levenscyclus', 'In gebruik'],
            ['Licentie', 'per inwoner'],
          ],
          'Heffen en innen.',
        ),
        comp('a2', 'Suite4Belastingen', { Vendor: 'centric ', Versie: '1', Hosting: 'on premise', Status: 'productie' }),
        comp('a3', 'Zaaksysteem', { Leverancier: 'Dimpact', Hosting: 'onpremise', Status: 'uit te faseren' }),
        comp('a4', 'Portaal', { Hosting: 'cloud', Status: 'gepland' }),
        comp('a5', 'Makelaar', { Hosting: 'bij gastheer', Status: 'verwerving' }),
      ]),
    )
    const [a1, a2, a3, a4, a5] = p.applicaties.map((a) => a.invoer)
    expect(a1).toEqual({
      naam: 'Key2Belastingen',
      omschrijving: 'Heffen en innen.',
      leverancierId: 'nieuw-6',
      versie: '4.2',
      hosting: 'SaaS',
      status: 'in productie',
      inGebruikBij: [],
      referentiecomponentIds: [],
      eigenschappen: [
        { naam: 'Object ID', waarde: 'x-1' },
        { naam: 'Licentie', waarde: 'per inwoner' },
      ],
      archimateId: 'a1',
    })
    // One leverancier per distinct name (case and spaces do not count).
    expect(a2).toMatchObject({ leverancierId: 'nieuw-6', versie: '1', hosting: 'on-premise', status: 'in productie' })
    expect(a3).toMatchObject({ leverancierId: 'nieuw-7', hosting: 'on-premise', status: 'uit te faseren' })
    expect(a4).toMatchObject({ hosting: 'SaaS', status: 'gepland' })
    expect(a5).toMatchObject({ hosting: 'bij gastheer', status: 'verwerving' })
    expect(p.organisaties.map((o) => [o.id, o.actie, o.invoer, o.elementIds])).toEqual([
      ['nieuw-6', 'aanmaken', { type: 'leverancier', naam: 'Centric' }, ['a1']],
      ['nieuw-7', 'aanmaken', { type: 'leverancier', naam: 'Dimpact' }, ['a3']],
    ])
    expect(p.aannames).toEqual([])
  })

  it('finds the leverancier among existing leveranciers, then among the organisaties of the file', () => {
    const bestaand: BestaandLandschap = {
      ...leeg(),
      organisaties: [
        { id: uuid(1), naam: 'Centric', type: 'gemeente', cbsCode: 'GM9999' },
        { id: uuid(2), naam: 'Centric', type: 'leverancier' },
      ],
    }
    const p = plan(
      model([
        comp('a1', 'Key2Belastingen', { Leverancier: 'Centric', Hosting: 'SaaS', Status: 'gepland' }),
        comp('a2', 'Zaaksysteem', { Leverancier: 'Dimpact', Hosting: 'SaaS', Status: 'gepland' }),
        actor('o1', 'Dimpact'),
      ]),
      bestaand,
    )
    expect(p.applicaties.map((a) => a.invoer.leverancierId)).toEqual([uuid(2), 'nieuw-3'])
    expect(p.organisaties.map((o) => o.id)).toEqual(['nieuw-3'])
  })

  it('assumes on-premise and in productie when the file does not say, naming an unknown value', () => {
    const p = plan(model([comp('a1', 'X'), comp('a2', 'Y', { Hosting: 'private cloud', Status: 'kapot' })]))
    expect(p.applicaties.map((a) => [a.invoer.hosting, a.invoer.status])).toEqual([
      ['on-premise', 'in productie'],
      ['on-premise', 'in productie'],
    ])
    expect(p.aannames.map((a) => [a.elementId, a.veld, a.waarde])).toEqual([
      ['a1', 'hosting', 'on-premise'],
      ['a1', 'status', 'in productie'],
      ['a2', 'hosting', 'on-premise'],
      ['a2', 'status', 'in productie'],
    ])
    expect(aanname(p, 'a1', 'hosting')?.reden.nl).toBe('Hosting staat niet in het bestand.')
    expect(aanname(p, 'a2', 'hosting')?.reden.nl).toContain('"private cloud"')
    expect(p.aannames[0].regel).toBeTypeOf('number')
  })

  it('takes reference components from the property by name or GEMMA id, creating unknown ones once', () => {
    const bestaand: BestaandLandschap = { ...leeg(), referentiecomponenten: [{ id: uuid(1), naam: 'Belastingsysteem', gemmaId: 'g-1' }] }
    const p = plan(
      model([
        comp('a1', 'Key2Belastingen', { Referentiecomponent: 'g-1; WOZ-systeem , Zaaksysteem' }),
        comp('a2', 'Key2WOZ', { 'GEMMA referentiecomponent': 'woz-systeem;belastingsysteem' }),
        comp('r1', 'Zaaksysteem', { 'GEMMA type': 'Referentiecomponent' }),
      ]),
      bestaand,
    )
    expect(p.referentiecomponenten.map((r) => [r.id, r.naam, r.elementIds])).toEqual([
      ['nieuw-3', 'Zaaksysteem', ['r1']],
      ['nieuw-4', 'WOZ-systeem', ['a1']],
    ])
    expect(p.applicaties.map((a) => a.invoer.referentiecomponentIds)).toEqual([
      [uuid(1), 'nieuw-4', 'nieuw-3'],
      ['nieuw-4', uuid(1)],
    ])
  })

  it('keeps at most 50 eigenschappen, names and values cut to their limits', () => {
    const veel: [string, string][] = Array.from({ length: 52 }, (_, i) => [`p${i}`, 'w'])
    veel[0] = ['n'.repeat(250), 'w'.repeat(5000)]
    const p = plan(model([comp('a1', 'X', [...veel, ['Hosting', 'SaaS'], ['Status', 'gepland']])]))
    const eigenschappen = p.applicaties[0].invoer.eigenschappen ?? []
    expect(eigenschappen).toHaveLength(50)
    expect(eigenschappen[0].naam).toHaveLength(200)
    expect(eigenschappen[0].waarde).toHaveLength(4000)
    expect(eigenschappen[49].naam).toBe('p49')
    expect(overgeslagen(p, 'a1')[0].reden.nl).toContain('p50, p51')
  })

  it('matches on identificatie, then a unique name; an ambiguous name is skipped', () => {
    const bestaand: BestaandLandschap = {
      ...leeg(),
      applicaties: [
        { id: uuid(1), naam: 'Key2Belastingen', inGebruikBij: [], referentiecomponentIds: [] },
        { id: uuid(2), naam: 'Zaaksysteem', inGebruikBij: [], referentiecomponentIds: [] },
        { id: uuid(3), naam: 'Zaaksysteem', inGebruikBij: [], referentiecomponentIds: [] },
        { id: uuid(4), naam: 'Portaal', archimateId: 'p', inGebruikBij: [], referentiecomponentIds: [] },
      ],
    }
    const p = plan(
      model([comp(`id-${uuid(1)}`, 'Anders'), comp('k', 'key2belastingen'), comp('z', 'Zaaksysteem'), comp('p', 'Portaal')]),
      bestaand,
    )
    expect(p.applicaties.map((a) => [a.id, a.overeenkomst])).toEqual([
      [uuid(1), 'identificatie'],
      [uuid(4), 'identificatie'],
    ])
    expect(overgeslagen(p, 'k')[0].reden.nl).toContain('samengevoegd')
    expect(overgeslagen(p, 'z')[0].reden.nl).toContain('2 bestaande objecten van soort applicatie heten "Zaaksysteem"')
    expect(p.applicaties.map((a) => a.invoer)).toEqual([{}, {}])
    expect(p.aannames).toEqual([])
  })

  it('users: Serving applicatie → actor, and Assignment, Association, Composition, Aggregation either way', () => {
    const p = plan(
      model(
        [
          comp('app', 'X', { Hosting: 'SaaS', Status: 'gepland' }),
          ...[1, 2, 3, 4, 5, 6, 7].map((n) => actor(`o${n}`, `O${n}`, { Type: 'overig' })),
        ],
        [
          rel('r1', 'Serving', 'app', 'o1'),
          rel('r2', 'Assignment', 'o2', 'app'),
          rel('r3', 'Association', 'app', 'o3'),
          rel('r4', 'Composition', 'o4', 'app'),
          rel('r5', 'Aggregation', 'app', 'o5'),
          rel('r6', 'Serving', 'o6', 'app'),
          rel('r7', 'Flow', 'app', 'o7'),
          rel('r8', 'Serving', 'app', 'o1'),
        ],
      ),
    )
    expect(p.applicaties[0].invoer.inGebruikBij).toEqual(['nieuw-2', 'nieuw-3', 'nieuw-4', 'nieuw-5', 'nieuw-6'])
    expect(overgeslagen(p, 'r6')[0].reden.nl).toContain('geen gebruiker')
    expect(overgeslagen(p, 'r7')[0].reden.nl).toContain('Flow-relatie van applicatie naar organisatie')
  })

  it('reference components by Realization, Specialization or Association', () => {
    const rc = { 'GEMMA type': 'Referentiecomponent' }
    const p = plan(
      model(
        [comp('app', 'X'), comp('r1', 'R1', rc), comp('r2', 'R2', rc), comp('r3', 'R3', rc), comp('r4', 'R4', rc)],
        [
          rel('x1', 'Realization', 'app', 'r1'),
          rel('x2', 'Specialization', 'app', 'r2'),
          rel('x3', 'Association', 'r3', 'app'),
          rel('x4', 'Realization', 'r4', 'app'),
        ],
      ),
    )
    expect(p.applicaties[0].invoer.referentiecomponentIds).toEqual(['nieuw-2', 'nieuw-3', 'nieuw-4'])
    expect(overgeslagen(p, 'x4')).toHaveLength(1)
  })

  it('merging adds only the users and reference components the record lacks', () => {
    const bestaand: BestaandLandschap = {
      organisaties: [
        { id: uuid(1), naam: 'Wijdemeren', type: 'gemeente', cbsCode: 'GM0402' },
        { id: uuid(2), naam: 'Hilversum', type: 'gemeente', cbsCode: 'GM0402x' },
      ],
      referentiecomponenten: [{ id: uuid(5), naam: 'Belastingsysteem' }],
      applicaties: [{ id: uuid(3), naam: 'Key2Belastingen', archimateId: 'k', inGebruikBij: [uuid(1)], referentiecomponentIds: [uuid(5)] }],
      koppelingen: [],
    }
    const p = plan(
      model(
        [
          comp('k', 'Key2Belastingen', { Hosting: 'SaaS', Leverancier: 'Nieuwe BV', Referentiecomponent: 'Belastingsysteem, WOZ-systeem' }),
          actor(`id-${uuid(1)}`, 'Wijdemeren'),
          actor(`id-${uuid(2)}`, 'Hilversum'),
        ],
        [rel('s1', 'Serving', 'k', `id-${uuid(1)}`), rel('s2', 'Serving', 'k', `id-${uuid(2)}`)],
      ),
      bestaand,
    )
    expect(p.applicaties).toHaveLength(1)
    expect(p.applicaties[0]).toMatchObject({ actie: 'samenvoegen', overeenkomst: 'identificatie' })
    // Never overwritten: no hosting, no leverancier; only the missing user and reference component.
    expect(p.applicaties[0].invoer).toEqual({ inGebruikBij: [uuid(2)], referentiecomponentIds: ['nieuw-1'] })
    expect(p.organisaties.every((o) => o.actie === 'samenvoegen')).toBe(true)
    expect(p.aannames).toEqual([])
  })
})

describe('landelijke voorzieningen', () => {
  it('are ends of koppelingen, by property (alias or unlisted) or by name, never applicaties', () => {
    const p = plan(
      model(
        [
          comp('app', 'Burgerzaken', { Hosting: 'SaaS', Status: 'gepland' }),
          comp('v1', 'Basisregistratie', { 'Landelijke voorziening': 'Basisregistratie Personen' }),
          comp('v2', 'brp (digilevering)'),
          comp('v3', 'Inlichtingenbureau', { 'landelijke voorziening': 'Inlichtingenbureau' }),
          comp('v4', 'MijnOverheid'),
          comp('v5', 'Suwinet', { 'Landelijke voorziening': 'ja' }),
        ],
        [
          rel('k1', 'Flow', 'v1', 'app', 'Verhuizingen'),
          rel('k2', 'Flow', 'v2', 'app', 'Geboortes'),
          rel('k3', 'Flow', 'app', 'v3', 'Uitkeringen'),
          rel('k4', 'Triggering', 'app', 'v4', 'Berichten'),
          rel('k5', 'Serving', 'v5', 'app', 'Inkijk'),
          rel('k6', 'Flow', 'v1', 'v3', 'Tussen voorzieningen'),
        ],
      ),
    )
    expect(p.applicaties.map((a) => a.naam)).toEqual(['Burgerzaken'])
    expect(
      p.koppelingen.map((k) => {
        const { bronVoorziening, bronVoorzieningOverig, doelVoorziening, doelVoorzieningOverig, bronApplicatieId, doelApplicatieId } =
          k.invoer
        return { bronVoorziening, bronVoorzieningOverig, doelVoorziening, doelVoorzieningOverig, bronApplicatieId, doelApplicatieId }
      }),
    ).toEqual([
      { bronVoorziening: 'BRP', doelApplicatieId: 'nieuw-1' },
      { bronVoorziening: 'BRP', doelApplicatieId: 'nieuw-1' },
      { bronApplicatieId: 'nieuw-1', doelVoorziening: 'overig', doelVoorzieningOverig: 'Inlichtingenbureau' },
      { bronApplicatieId: 'nieuw-1', doelVoorziening: 'MijnOverheid Berichtenbox' },
      { bronVoorziening: 'Suwinet', doelApplicatieId: 'nieuw-1' },
    ])
    expect(overgeslagen(p, 'k6')[0].reden.nl).toContain('twee landelijke voorzieningen')
  })

  it('an element of Regiekamer itself (id-<uuid>) named after a voorziening stays an applicatie', () => {
    const p = plan(model([comp(`id-${uuid(1)}`, 'Suwinet', { Hosting: 'SaaS', Status: 'gepland' })]))
    expect(p.applicaties.map((a) => a.id)).toEqual([uuid(1)])
  })
})

describe('koppelingen', () => {
  const apps = () => [comp('a', 'A', { Hosting: 'SaaS', Status: 'gepland' }), comp('b', 'B', { Hosting: 'SaaS', Status: 'gepland' })]
  const volledig = {
    Type: 'StUF',
    Richting: 'bidirectioneel',
    Status: 'in gebruik',
    Standaard: 'StUF-BG',
    Standaardversie: '3.10',
    Gegevenscategorieën: 'NAW, BSN; adres',
    Persoonsgegevens: 'Ja',
    Beschikbaarheid: 'hoog',
    Integriteit: 'middel',
    Vertrouwelijkheid: 'Hoog',
    Endpoint: 'https://makelaar.example/stuf',
    Protocol: 'SOAP 1.1',
  }

  it('Flow, Serving and Triggering between applicaties; name or "<bron> → <doel>"; the other properties kept', () => {
    const p = plan(
      model(apps(), [
        rel('f', 'Flow', 'a', 'b', 'Persoonsgegevens', { ...volledig, Type: 'soap' }),
        rel('s', 'Serving', 'b', 'a', '', { type: 'API', richting: 'B→A', STATUS: 'in ontwikkeling', persoonsgegevens: 'nee' }),
        rel('t', 'Triggering', 'a', 'b', undefined, {
          'Soort koppeling': 'bestandsoverdracht',
          Direction: 'A->B',
          'Personal data': 'false',
        }),
        rel('x', 'Composition', 'a', 'b'),
      ]),
    )
    expect(p.koppelingen.map((k) => k.naam)).toEqual(['Persoonsgegevens', 'B → A', 'A → B'])
    expect(p.koppelingen[0].invoer).toEqual({
      naam: 'Persoonsgegevens',
      bronApplicatieId: 'nieuw-1',
      doelApplicatieId: 'nieuw-2',
      type: 'webservices',
      richting: 'bidirectioneel',
      status: 'in gebruik',
      standaard: 'StUF-BG',
      standaardVersie: '3.10',
      gegevenscategorieen: ['NAW', 'BSN', 'adres'],
      persoonsgegevens: true,
      beschikbaarheid: 'hoog',
      integriteit: 'midden',
      vertrouwelijkheid: 'hoog',
      endpoint: 'https://makelaar.example/stuf',
      eigenschappen: [{ naam: 'Protocol', waarde: 'SOAP 1.1' }],
      archimateId: 'f',
    })
    expect(p.koppelingen[1].invoer).toMatchObject({
      bronApplicatieId: 'nieuw-2',
      doelApplicatieId: 'nieuw-1',
      type: 'api',
      richting: 'B→A',
    })
    expect(p.koppelingen[1].invoer).toMatchObject({ status: 'in ontwikkeling', persoonsgegevens: false })
    expect(p.koppelingen[2].invoer).toMatchObject({ type: 'bestandsoverdracht', richting: 'A→B', persoonsgegevens: false })
    expect(overgeslagen(p, 'x')[0].reden.nl).toContain('Composition-relatie van applicatie naar applicatie')
    expect(p.aannames.filter((a) => a.elementId === 'f')).toEqual([])
  })

  it('assumes type api, status in gebruik, persoonsgegevens ja (carefully) and BIV midden when the file does not say', () => {
    const p = plan(model(apps(), [rel('f', 'Flow', 'a', 'b', 'Iets')]))
    expect(p.koppelingen[0].invoer).toMatchObject({
      type: 'api',
      richting: 'A→B',
      status: 'in gebruik',
      persoonsgegevens: true,
      beschikbaarheid: 'midden',
      integriteit: 'midden',
      vertrouwelijkheid: 'midden',
      gegevenscategorieen: [],
    })
    expect(p.aannames.map((a) => [a.veld, a.waarde])).toEqual([
      ['type', 'api'],
      ['status', 'in gebruik'],
      ['persoonsgegevens', 'true'],
      ['beschikbaarheid', 'midden'],
      ['integriteit', 'midden'],
      ['vertrouwelijkheid', 'midden'],
    ])
    expect(aanname(p, 'f', 'persoonsgegevens')?.reden.nl).toBe('niet in het bestand; voorzichtig aangenomen')
  })

  it('reads the English and accent-free aliases; an unknown Richting is an aanname; a long generated name is cut to 200', () => {
    const lang = 'x'.repeat(150)
    const p = plan(
      model(
        [comp('a', lang, { Hosting: 'SaaS', Status: 'gepland' }), comp('b', lang, { Hosting: 'SaaS', Status: 'gepland' })],
        [
          rel('k', 'Flow', 'a', 'b', undefined, {
            Koppelingtype: 'message queue',
            Direction: 'schuin',
            Status: 'actief',
            Standard: 'AMQP',
            'Standard version': '1.0',
            Gegevenscategorieen: 'meldingen',
            'Personal data': 'yes',
            Availability: 'high',
            Integrity: 'low',
            Confidentiality: 'medium',
            Owner: 'Niemand',
            Adres: 'amqps://bus.example/q',
          }),
          rel('e', 'Flow', 'a', 'b', 'Fout adres', { Endpoint: 'mailto:x@example.org' }),
        ],
      ),
    )
    expect(p.koppelingen[0].naam).toHaveLength(200)
    expect(p.koppelingen[0].naam).toBe(`${lang} → ${lang}`.slice(0, 200))
    expect(p.koppelingen[0].invoer).toMatchObject({
      type: 'message queue',
      richting: 'A→B',
      status: 'in gebruik',
      standaard: 'AMQP',
      standaardVersie: '1.0',
      gegevenscategorieen: ['meldingen'],
      persoonsgegevens: true,
      beschikbaarheid: 'hoog',
      integriteit: 'laag',
      vertrouwelijkheid: 'midden',
      endpoint: 'amqps://bus.example/q',
      eigenschappen: [],
    })
    expect(p.aannames.filter((x) => x.elementId === 'k').map((x) => [x.veld, x.waarde])).toEqual([['richting', 'A→B']])
    expect(aanname(p, 'k', 'richting')?.reden.nl).toContain('"schuin"')
    expect(overgeslagen(p, 'e')[0].reden.nl).toContain('Endpoint "mailto:x@example.org" is niet overgenomen')
    expect(p.koppelingen[1].invoer).not.toHaveProperty('endpoint')
  })

  it('lists what is skipped and assumed in file order, elements before relationships', () => {
    const p = plan(
      model(
        [comp('a', 'A'), el('bp', 'BusinessProcess', 'P'), el('i', 'ApplicationInterface', 'I'), comp('b', 'B')],
        [rel('r2', 'Flow', 'a', 'i'), rel('r1', 'Flow', 'a', 'bp')],
      ),
    )
    expect(p.overgeslagen.map((x) => x.elementId)).toEqual(['bp', 'i', 'r2', 'r1'])
    expect(p.aannames.map((x) => x.elementId)).toEqual(['a', 'a', 'b', 'b'])
  })

  it('Eigenaar is an organisatie by the identifier of its element, a Regiekamer id or its name; unknown is left out', () => {
    const bestaand: BestaandLandschap = { ...leeg(), organisaties: [{ id: uuid(7), naam: 'Baarn', type: 'gemeente', cbsCode: 'GM0308' }] }
    const p = plan(
      model(
        [...apps(), actor('o1', 'Wijdemeren', { 'CBS-code': '0402' })],
        [
          rel('k1', 'Flow', 'a', 'b', 'K1', { Eigenaar: 'o1' }),
          rel('k2', 'Flow', 'a', 'b', 'K2', { Owner: `id-${uuid(7)}` }),
          rel('k3', 'Flow', 'a', 'b', 'K3', { Eigenaar: 'wijdemeren' }),
          rel('k4', 'Flow', 'a', 'b', 'K4', { Eigenaar: 'Niemand' }),
        ],
      ),
      bestaand,
    )
    expect(p.koppelingen.map((k) => k.invoer.eigenaarId)).toEqual(['nieuw-3', uuid(7), 'nieuw-3', undefined])
    expect(overgeslagen(p, 'k4')[0].naam).toBe('K4: Eigenaar')
  })

  it('an interface composed in or assigned to a component stands for it; without one, its relationships are skipped', () => {
    const p = plan(
      model(
        [
          ...apps(),
          el('i1', 'ApplicationInterface', 'StUF-BG koppelvlak'),
          el('i2', 'ApplicationInterface', 'API B'),
          el('i3', 'ApplicationInterface', 'Los'),
        ],
        [
          rel('c1', 'Composition', 'a', 'i1'),
          rel('c2', 'Assignment', 'i2', 'b'),
          rel('k1', 'Flow', 'i1', 'b', 'Via interface'),
          rel('k2', 'Flow', 'i1', 'i2', 'Twee interfaces'),
          rel('k3', 'Flow', 'i3', 'b', 'Los'),
        ],
      ),
    )
    expect(p.koppelingen.map((k) => [k.naam, k.invoer.bronApplicatieId, k.invoer.doelApplicatieId, k.invoer.eigenschappen])).toEqual([
      ['Via interface', 'nieuw-1', 'nieuw-2', [{ naam: 'interface', waarde: 'StUF-BG koppelvlak' }]],
      [
        'Twee interfaces',
        'nieuw-1',
        'nieuw-2',
        [
          { naam: 'interface', waarde: 'StUF-BG koppelvlak' },
          { naam: 'interface', waarde: 'API B' },
        ],
      ],
    ])
    expect(overgeslagen(p, 'k3')[0].reden.nl).toContain('De interface Los hoort bij geen applicatie')
    expect(overgeslagen(p, 'i3')).toHaveLength(1)
    expect(overgeslagen(p, 'c1')).toEqual([])
  })

  it('two Flow legs with the same "Regiekamer-koppeling" are one koppeling via the applicatie between them, with that id', () => {
    const p = plan(
      model(
        [...apps(), comp('m', 'Makelaar', { Hosting: 'SaaS', Status: 'gepland' })],
        [
          // The second leg comes first in the file: order does not matter.
          rel('l2', 'Flow', 'm', 'b', 'Adressen', { 'Regiekamer-koppeling': `id-${uuid(5)}`, Type: 'api' }),
          rel('l1', 'Flow', 'a', 'm', 'Adressen', { 'regiekamer koppeling': `id-${uuid(5)}`, Type: 'api', Extra: 'x' }),
        ],
      ),
    )
    expect(p.koppelingen).toHaveLength(1)
    expect(p.koppelingen[0]).toMatchObject({ id: uuid(5), actie: 'aanmaken', elementIds: ['l1', 'l2'], naam: 'Adressen' })
    expect(p.koppelingen[0].invoer).toMatchObject({ bronApplicatieId: 'nieuw-1', doelApplicatieId: 'nieuw-2', viaApplicatieId: 'nieuw-3' })
    expect(p.koppelingen[0].invoer).not.toHaveProperty('archimateId')
    expect(p.koppelingen[0].invoer.eigenschappen).toEqual([{ naam: 'Extra', waarde: 'x' }])
  })

  it('legs with different "Regiekamer-koppeling" values never merge, even with the same name', () => {
    const p = plan(
      model(
        [...apps(), comp('m', 'Makelaar')],
        [
          rel('l1', 'Flow', 'a', 'm', 'Adressen', { 'Regiekamer-koppeling': `id-${uuid(5)}` }),
          rel('l2', 'Flow', 'm', 'b', 'Adressen', { 'Regiekamer-koppeling': `id-${uuid(6)}` }),
        ],
      ),
    )
    expect(p.koppelingen.map((k) => [k.id, k.invoer.viaApplicatieId])).toEqual([
      [uuid(5), undefined],
      [uuid(6), undefined],
    ])
  })

  it('by name: two flows of one name through an applicatie with just those two of that name merge', () => {
    const p = plan(
      model(
        [...apps(), comp('c', 'C'), comp('m', 'Makelaar'), comp('n', 'Servicebus')],
        [
          rel('l1', 'Flow', 'a', 'm', 'Adressen'),
          rel('l2', 'Flow', 'm', 'b', 'adressen'),
          // Through n two incoming flows named Belastingen: which pairs with the outgoing one cannot be told.
          rel('n1', 'Flow', 'a', 'n', 'Belastingen'),
          rel('n2', 'Flow', 'c', 'n', 'Belastingen'),
          rel('n3', 'Flow', 'n', 'b', 'Belastingen'),
          // Different names do not merge.
          rel('d1', 'Flow', 'a', 'm', 'Een'),
          rel('d2', 'Flow', 'm', 'c', 'Twee'),
          // Not Flow: no merge.
          rel('s1', 'Serving', 'b', 'n', 'Dienst'),
          rel('s2', 'Serving', 'n', 'c', 'Dienst'),
        ],
      ),
    )
    expect(p.koppelingen.map((k) => [k.elementIds, k.invoer.viaApplicatieId])).toEqual([
      [['l1', 'l2'], 'nieuw-4'],
      [['n1'], undefined],
      [['n2'], undefined],
      [['n3'], undefined],
      [['d1'], undefined],
      [['d2'], undefined],
      [['s1'], undefined],
      [['s2'], undefined],
    ])
    expect(p.koppelingen[0].invoer).toMatchObject({ bronApplicatieId: 'nieuw-1', doelApplicatieId: 'nieuw-2', archimateId: 'l1' })
  })

  it('skips self-loops, relationships to elements not taken over, and merges duplicates into the first', () => {
    const p = plan(
      model(
        [...apps(), el('bp', 'BusinessProcess', 'Heffen'), comp('m', 'M')],
        [
          rel('z', 'Flow', 'a', 'a', 'Zelf'),
          rel('v1', 'Flow', 'a', 'm', 'Rond'),
          rel('v2', 'Flow', 'm', 'a', 'Rond'),
          rel('bpr', 'Serving', 'a', 'bp'),
          rel('weg', 'Flow', 'a', 'nergens'),
          rel('k1', 'Flow', 'a', 'b', 'Dubbel'),
          rel('k2', 'Flow', 'a', 'b', 'dubbel'),
        ],
      ),
    )
    expect(overgeslagen(p, 'bp')[0].reden.nl).toBe('BusinessProcess: valt buiten het model van Regiekamer.')
    expect(overgeslagen(p, 'z')[0].reden.nl).toContain('naar zichzelf')
    // A → M → A through a via is a loop too.
    expect(overgeslagen(p, 'v1')[0].reden.nl).toContain('naar zichzelf')
    expect(overgeslagen(p, 'bpr')[0].reden.nl).toContain('Heffen, dat niet is overgenomen (BusinessProcess')
    expect(overgeslagen(p, 'weg')[0].reden.nl).toContain('geen element in het bestand')
    expect(p.koppelingen.map((k) => [k.naam, k.elementIds])).toEqual([['Dubbel', ['k1', 'k2']]])
    expect(overgeslagen(p, 'k2')[0].reden.nl).toContain('samengevoegd')
    expect(overgeslagen(p, 'k2')[0].soort).toBe('Flow')
  })

  it('matches existing koppelingen on identificatie (property, relationship id, archimateId), then name and ends', () => {
    const bestaand: BestaandLandschap = {
      ...leeg(),
      applicaties: [
        { id: uuid(1), naam: 'A', inGebruikBij: [], referentiecomponentIds: [] },
        { id: uuid(2), naam: 'B', inGebruikBij: [], referentiecomponentIds: [] },
      ],
      koppelingen: [
        { id: uuid(11), naam: 'Eén', bronApplicatieId: uuid(1), doelApplicatieId: uuid(2) },
        { id: uuid(12), naam: 'Twee', bronApplicatieId: uuid(1), doelApplicatieId: uuid(2) },
        { id: uuid(13), naam: 'Drie', archimateId: 'k3', bronApplicatieId: uuid(1), doelApplicatieId: uuid(2) },
        { id: uuid(14), naam: 'Vier', bronApplicatieId: uuid(1), doelVoorziening: 'BRP' },
        { id: uuid(15), naam: 'Vijf', bronApplicatieId: uuid(2), doelApplicatieId: uuid(1) },
      ],
    }
    const a = `id-${uuid(1)}`
    const b = `id-${uuid(2)}`
    const p = plan(
      model(
        [comp(a, 'A'), comp(b, 'B'), comp('brp', 'BRP')],
        [
          rel('k1', 'Flow', a, b, 'Anders', { 'Regiekamer-koppeling': `id-${uuid(11)}` }),
          rel(`id-${uuid(12)}`, 'Flow', a, b, 'Anders 2'),
          rel('k3', 'Flow', a, b, 'Anders 3'),
          rel('k4', 'Flow', a, 'brp', ' vier '),
          // Same name, other direction: no match on Vijf.
          rel('k5', 'Flow', a, b, 'Vijf'),
        ],
      ),
      bestaand,
    )
    expect(p.koppelingen.map((k) => [k.id, k.actie, k.overeenkomst])).toEqual([
      [uuid(11), 'samenvoegen', 'identificatie'],
      [uuid(12), 'samenvoegen', 'identificatie'],
      [uuid(13), 'samenvoegen', 'identificatie'],
      [uuid(14), 'samenvoegen', 'naam-en-uiteinden'],
      ['nieuw-1', 'aanmaken', undefined],
    ])
    expect(p.koppelingen.map((k) => k.invoer.archimateId)).toEqual([undefined, undefined, undefined, 'k4', 'k5'])
  })

  it('legs of one koppeling that are the archimateIds of two existing koppelingen match the first of those in the list', () => {
    const [a, x, b] = [1, 2, 3].map((n) => `id-${uuid(n)}`)
    const bestaand: BestaandLandschap = {
      ...leeg(),
      applicaties: [1, 2, 3].map((n) => ({ id: uuid(n), naam: `App ${n}`, inGebruikBij: [], referentiecomponentIds: [] })),
      koppelingen: [
        { id: uuid(21), naam: 'Later been', archimateId: 'p2', bronApplicatieId: uuid(2), doelApplicatieId: uuid(3) },
        { id: uuid(22), naam: 'Eerste been', archimateId: 'p1', bronApplicatieId: uuid(1), doelApplicatieId: uuid(2) },
      ],
    }
    const p = plan(
      model([comp(a, 'App 1'), comp(x, 'App 2'), comp(b, 'App 3')], [rel('p1', 'Flow', a, x, 'Door X'), rel('p2', 'Flow', x, b, 'Door X')]),
      bestaand,
    )
    expect(p.koppelingen.map((k) => [k.id, k.actie, k.overeenkomst, k.elementIds])).toEqual([
      [uuid(21), 'samenvoegen', 'identificatie', ['p1', 'p2']],
    ])
  })
})

describe('order', () => {
  it('calls nieuwId in file order: elements, then leveranciers and reference components named by properties, then koppelingen', () => {
    const p = plan(
      model(
        [
          comp('a', 'A', { Leverancier: 'L', Referentiecomponent: 'R' }),
          actor('o', 'O', { Type: 'overig' }),
          comp('b', 'B'),
          comp('r', 'R0', { 'GEMMA type': 'Referentiecomponent' }),
        ],
        [rel('k2', 'Flow', 'b', 'a', 'Terug'), rel('k1', 'Flow', 'a', 'b', 'Heen')],
      ),
    )
    expect(p.applicaties.map((x) => x.id)).toEqual(['nieuw-1', 'nieuw-3'])
    expect(p.organisaties.map((x) => x.id)).toEqual(['nieuw-2', 'nieuw-5'])
    expect(p.referentiecomponenten.map((x) => x.id)).toEqual(['nieuw-4', 'nieuw-6'])
    expect(p.koppelingen.map((x) => [x.naam, x.id])).toEqual([
      ['Terug', 'nieuw-7'],
      ['Heen', 'nieuw-8'],
    ])
  })
})

// ——— the round trip ———

const o = (n: number) => uuid(100 + n)
const r = (n: number) => uuid(200 + n)
const a = (n: number) => uuid(300 + n)
const k = (n: number) => uuid(400 + n)

const landschap: ExportLandschap = {
  naam: 'Gooi en Vechtstreek',
  organisaties: [
    {
      id: o(1),
      type: 'gemeente',
      naam: 'Wijdemeren',
      cbsCode: 'GM0352',
      oin: '00000001002220647000',
      website: 'https://www.wijdemeren.nl',
      inwoners: [{ jaar: 2024, aantal: 24_000 }],
      toelichting: 'niet meegenomen',
      iban: 'NL91ABNA0417164300',
      betaaltermijnDagen: 30,
      archimateId: 'oud',
    },
    { id: o(2), type: 'gemeente', naam: 'Hilversum', cbsCode: 'GM0402' },
    { id: o(3), type: 'leverancier', naam: 'Centric', website: 'https://www.centric.eu' },
    { id: o(4), type: 'samenwerkingsverband', naam: 'Regio' },
  ],
  referentiecomponenten: [
    { id: r(1), naam: 'Belastingsysteem', gemmaId: 'g-1', omschrijving: 'Heffen.', toelichting: 'weg' },
    { id: r(2), naam: 'Gegevensmakelaar' },
  ],
  applicaties: [
    {
      id: a(1),
      naam: 'Key2Belastingen',
      omschrijving: 'Heffen en innen',
      leverancierId: o(3),
      referentiecomponentIds: [r(1)],
      hosting: 'SaaS',
      versie: '4.2',
      status: 'in productie',
      statusHistorie: [{ status: 'in productie', datum: '2020-01-01' }],
      inGebruikBij: [o(1), o(2)],
      eigenschappen: [
        { naam: 'Object ID', waarde: 'abc' },
        { naam: 'Licentie', waarde: 'per inwoner' },
      ],
    },
    {
      id: a(2),
      naam: 'Makelaar',
      referentiecomponentIds: [r(2), r(1)],
      hosting: 'bij gastheer',
      status: 'uit te faseren',
      inGebruikBij: [o(4)],
      eigenschappen: [],
    },
    {
      id: a(3),
      naam: 'Burgerzaken',
      referentiecomponentIds: [],
      hosting: 'on-premise',
      status: 'gepland',
      inGebruikBij: [o(2), o(1)],
      eigenschappen: [],
    },
  ],
  koppelingen: [
    {
      id: k(1),
      naam: 'Aanslagen',
      omschrijving: 'Aanslagregels naar burgerzaken',
      bronApplicatieId: a(1),
      doelApplicatieId: a(3),
      viaApplicatieId: a(2),
      type: 'webservices',
      richting: 'bidirectioneel',
      status: 'einde ondersteuning',
      standaard: 'StUF-BG',
      standaardVersie: '3.10',
      gegevenscategorieen: ['NAW', 'BSN'],
      persoonsgegevens: true,
      beschikbaarheid: 'hoog',
      integriteit: 'laag',
      vertrouwelijkheid: 'hoog',
      eigenaarId: o(1),
      endpoint: 'https://makelaar.example/stuf',
      samenwerkingId: uuid(999),
      gastheerschapId: uuid(998),
      toelichting: 'weg',
      eigenschappen: [{ naam: 'Protocol', waarde: 'SOAP' }],
    },
    {
      id: k(2),
      naam: 'Verhuizingen',
      bronVoorziening: 'BRP',
      doelApplicatieId: a(3),
      type: 'digikoppeling',
      richting: 'A→B',
      status: 'in gebruik',
      gegevenscategorieen: [],
      persoonsgegevens: false,
      beschikbaarheid: 'midden',
      integriteit: 'midden',
      vertrouwelijkheid: 'laag',
      eigenschappen: [],
    },
    {
      id: k(3),
      naam: 'Inlichtingen',
      bronApplicatieId: a(3),
      doelVoorziening: 'overig',
      doelVoorzieningOverig: 'Inlichtingenbureau',
      type: 'bestandsoverdracht',
      richting: 'B→A',
      status: 'in ontwikkeling',
      gegevenscategorieen: ['uitkeringen'],
      persoonsgegevens: true,
      beschikbaarheid: 'laag',
      integriteit: 'hoog',
      vertrouwelijkheid: 'midden',
      eigenschappen: [{ naam: 'Frequentie', waarde: 'dagelijks' }],
    },
    {
      id: k(4),
      naam: 'Berichten',
      bronApplicatieId: a(1),
      doelVoorziening: 'MijnOverheid Berichtenbox',
      type: 'upload naar portaal',
      richting: 'A→B',
      status: 'teruggetrokken',
      gegevenscategorieen: [],
      persoonsgegevens: true,
      beschikbaarheid: 'laag',
      integriteit: 'laag',
      vertrouwelijkheid: 'laag',
      eigenschappen: [],
    },
  ],
}

/** What the exchange carries of each record (archimate-export.ts lists what it does not). */
const NIET_MEE = [
  'samenwerkingId',
  'gastheerschapId',
  'statusHistorie',
  'inwoners',
  'iban',
  'betaaltermijnDagen',
  'toelichting',
  'archimateId',
]
const zonder = (x: object): Record<string, unknown> => {
  const kopie: Record<string, unknown> = { ...x }
  for (const veld of ['id', ...NIET_MEE]) delete kopie[veld]
  return kopie
}

describe('round trip: export → import', () => {
  it('into an empty landscape creates exactly the same records with the same ids and values, assuming nothing', () => {
    const m = landschapNaarArchimate(landschap)
    const p = planArchimateImport(m, leeg(), () => {
      throw new Error('no new id needed')
    })
    expect(p.aannames).toEqual([])
    expect(p.overgeslagen).toEqual([])
    for (const soort of ['organisaties', 'referentiecomponenten', 'applicaties', 'koppelingen'] as const) {
      expect(p[soort].every((regel) => regel.actie === 'aanmaken')).toBe(true)
      expect(p[soort].map((regel) => regel.id)).toEqual(landschap[soort].map((x) => x.id))
      expect(p[soort].map((regel) => regel.invoer)).toEqual(landschap[soort].map(zonder))
    }
  })

  it('into the same landscape merges everything on identificatie with nothing to add', () => {
    const m = landschapNaarArchimate(landschap)
    const bestaand: BestaandLandschap = {
      organisaties: landschap.organisaties.map(({ id, naam, type, cbsCode, oin, archimateId }) => ({
        id,
        naam,
        type,
        cbsCode,
        oin,
        archimateId,
      })),
      referentiecomponenten: landschap.referentiecomponenten.map(({ id, naam, gemmaId }) => ({ id, naam, gemmaId })),
      applicaties: landschap.applicaties.map(({ id, naam, inGebruikBij, referentiecomponentIds }) => ({
        id,
        naam,
        inGebruikBij,
        referentiecomponentIds: referentiecomponentIds ?? [],
      })),
      koppelingen: landschap.koppelingen.map(({ id, naam, bronApplicatieId, doelApplicatieId, bronVoorziening, doelVoorziening }) => ({
        id,
        naam,
        bronApplicatieId,
        doelApplicatieId,
        bronVoorziening,
        doelVoorziening,
      })),
    }
    const p = planArchimateImport(m, bestaand, () => {
      throw new Error('no new id needed')
    })
    expect(p.aannames).toEqual([])
    expect(p.overgeslagen).toEqual([])
    for (const soort of ['organisaties', 'referentiecomponenten', 'applicaties', 'koppelingen'] as const) {
      expect(p[soort].map((regel) => [regel.id, regel.actie, regel.overeenkomst, regel.invoer])).toEqual(
        landschap[soort].map((x) => [x.id, 'samenvoegen', 'identificatie', {}]),
      )
    }
  })
})

describe('export', () => {
  it('writes Regiekamer identifiers, voorzieningen once each, and a koppeling with via as two legs', () => {
    const m = landschapNaarArchimate(landschap)
    expect(m.naam).toBe('Gooi en Vechtstreek')
    expect(m.elementen.filter((e) => e.id.startsWith('lv-')).map((e) => [e.id, e.naam, e.eigenschappen])).toEqual([
      ['lv-brp', 'BRP', [{ naam: 'Landelijke voorziening', waarde: 'BRP' }]],
      ['lv-overig-inlichtingenbureau', 'Inlichtingenbureau', [{ naam: 'Landelijke voorziening', waarde: 'Inlichtingenbureau' }]],
      [
        'lv-mijnoverheid-berichtenbox',
        'MijnOverheid Berichtenbox',
        [{ naam: 'Landelijke voorziening', waarde: 'MijnOverheid Berichtenbox' }],
      ],
    ])
    const legs = m.relaties.filter((x) => x.id.startsWith(`id-${k(1)}`))
    expect(legs.map((x) => [x.type, x.bron, x.doel, x.naam])).toEqual([
      ['Flow', `id-${a(1)}`, `id-${a(2)}`, 'Aanslagen'],
      ['Flow', `id-${a(2)}`, `id-${a(3)}`, 'Aanslagen'],
    ])
    expect(legs[0].eigenschappen).toEqual(legs[1].eigenschappen)
    expect(legs[0].eigenschappen.find((e) => e.naam === 'Eigenaar')?.waarde).toBe(`id-${o(1)}`)
    expect(m.elementen.find((e) => e.id === `id-${a(1)}`)?.eigenschappen.slice(0, 4)).toEqual([
      { naam: 'Leverancier', waarde: 'Centric' },
      { naam: 'Versie', waarde: '4.2' },
      { naam: 'Hosting', waarde: 'SaaS' },
      { naam: 'Status', waarde: 'in productie' },
    ])
  })

  it('leaves out references to objects not in the landscape', () => {
    const m = landschapNaarArchimate({
      ...landschap,
      organisaties: landschap.organisaties.filter((x) => x.id !== o(3) && x.id !== o(1)),
      referentiecomponenten: [],
      applicaties: landschap.applicaties.filter((x) => x.id !== a(2)),
    })
    const key2 = m.elementen.find((e) => e.id === `id-${a(1)}`)
    expect(key2?.eigenschappen.map((e) => e.naam)).not.toContain('Leverancier')
    expect(m.relaties.filter((x) => x.type === 'Realization')).toEqual([])
    expect(m.relaties.filter((x) => x.type === 'Serving').map((x) => x.doel)).toEqual([`id-${o(2)}`, `id-${o(2)}`])
    // The via is not visible: the koppeling is drawn directly, without an Eigenaar it cannot name.
    const aanslagen = m.relaties.filter((x) => x.naam === 'Aanslagen')
    expect(aanslagen.map((x) => [x.bron, x.doel])).toEqual([[`id-${a(1)}`, `id-${a(3)}`]])
    expect(aanslagen[0].eigenschappen.map((e) => e.naam)).not.toContain('Eigenaar')
    // A koppeling whose end is not visible is not written.
    const zonderBurgerzaken = landschapNaarArchimate({ ...landschap, applicaties: landschap.applicaties.filter((x) => x.id !== a(3)) })
    expect(zonderBurgerzaken.relaties.filter((x) => x.type === 'Flow').map((x) => x.naam)).toEqual(['Berichten'])
  })
})

describe('users named in a property ("In gebruik bij")', () => {
  it('counts an organisatie listed twice under one id once, and plans one leverancier for names that differ only in case', () => {
    const bestaand: BestaandLandschap = {
      ...leeg(),
      organisaties: [
        { id: uuid(1), naam: 'Eemnes', type: 'gemeente' },
        { id: uuid(1), naam: 'Eemnes', type: 'gemeente' },
      ],
    }
    const p = plan(
      model([
        comp('x', 'X', { Leverancier: 'Nieuwe BV', 'In gebruik bij': 'eemnes' }),
        comp('y', 'Y', { Leverancier: ' nieuwe bv', 'In gebruik bij': 'Eemnes; Onbekend' }),
      ]),
      bestaand,
    )
    expect(p.organisaties.map((o) => [o.id, o.naam, o.actie])).toEqual([['nieuw-3', 'Nieuwe BV', 'aanmaken']])
    expect(p.applicaties.map((a) => [a.invoer.leverancierId, a.invoer.inGebruikBij])).toEqual([
      ['nieuw-3', [uuid(1)]],
      ['nieuw-3', [uuid(1)]],
    ])
    expect(overgeslagen(p, 'y').map((o) => o.naam)).toEqual(['Y: In gebruik bij'])
  })

  it('finds organisaties by CBS code or their one name, registered or in the file, and reports one it cannot find', () => {
    const bestaand: BestaandLandschap = {
      ...leeg(),
      organisaties: [{ id: uuid(1), naam: 'Hilversum', type: 'gemeente', cbsCode: 'GM0402' }],
    }
    const p = plan(
      model([
        actor('a-wijd', 'Wijdemeren', { 'CBS-code': 'GM1696' }),
        comp('c-1', 'Zaaksysteem', { 'In gebruik bij': 'GM0402; Wijdemeren, Atlantis' }),
      ]),
      bestaand,
    )
    const wijdemeren = p.organisaties.find((o) => o.naam === 'Wijdemeren')?.id
    const app = p.applicaties.find((a) => a.naam === 'Zaaksysteem')
    expect(app?.invoer.inGebruikBij).toEqual([uuid(1), wijdemeren])
    const niet = overgeslagen(p, 'c-1')
    expect(niet).toHaveLength(1)
    expect(niet[0]?.reden.nl).toContain('Atlantis')
    expect(app?.invoer.eigenschappen ?? []).not.toContainEqual(expect.objectContaining({ naam: 'In gebruik bij' }))
  })

  it('adds missing users to a merged applicatie and leaves its other fields alone', () => {
    const bestaand: BestaandLandschap = {
      ...leeg(),
      organisaties: [
        { id: uuid(1), naam: 'Hilversum', type: 'gemeente', cbsCode: 'GM0402' },
        { id: uuid(2), naam: 'Wijdemeren', type: 'gemeente', cbsCode: 'GM1696' },
      ],
      applicaties: [{ id: uuid(3), naam: 'Zaaksysteem', inGebruikBij: [uuid(1)], referentiecomponentIds: [] }],
    }
    const p = plan(model([comp('c-1', 'Zaaksysteem', { 'Gebruikt door': 'GM0402, GM1696', Hosting: 'SaaS' })]), bestaand)
    expect(p.applicaties).toEqual([
      expect.objectContaining({ actie: 'samenvoegen', id: uuid(3), invoer: { inGebruikBij: [uuid(2)], archimateId: 'c-1' } }),
    ])
  })
})

describe('names longer than the limit', () => {
  it('are cut to 200 characters and the cut is reported as an aanname', () => {
    const p = plan(model([comp('c-lang', 'Z'.repeat(300))]))
    expect(p.applicaties[0]?.naam).toBe('Z'.repeat(200))
    expect(aanname(p, 'c-lang', 'naam')?.reden.nl).toContain('ingekort')
  })
})
