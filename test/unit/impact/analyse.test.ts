import { describe, expect, it } from 'vitest'
import {
  Afhankelijkheidsgraaf,
  analyseerImpact,
  controleerWijzigingen,
  type GraafRijen,
  type Wijziging,
} from '../../../src/domain/impact/index.js'
import { app, graafVan, hilversumWijdemeren, koppeling, leeg, org } from './graaf-fixture.js'

const uittreden = (organisatieId: string, samenwerkingId: string, datum = '2027-01-01'): Wijziging => ({
  soort: 'uittreden',
  datum,
  organisatieId,
  samenwerkingId,
})

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort()
const pad = (p: { naam: string }[]) => p.map((s) => s.naam).join(' → ')

describe('impact: Wijdemeren leaves (the seed in small)', () => {
  const r = analyseerImpact(graafVan(hilversumWijdemeren()), [uittreden('wijdemeren', 'hw')]).resultaat

  it('reaches the koppelingen of its gastheerschap and its own through the makelaar, never the host’s own', () => {
    expect(ids(r.koppelingen)).toEqual(['brp-key2', 'key2-dbb', 'makelaar-zaakW'])
    expect(ids(r.koppelingen)).not.toContain('key2-zaakH')
    expect(ids(r.koppelingen)).not.toContain('makelaar-zaakH')
  })

  it('explains a koppeling with the path from the organisation through the gastheerschap and the intermediary', () => {
    const k = r.koppelingen.find((x) => x.id === 'key2-dbb')
    expect(pad(k?.pad ?? [])).toBe('Wijdemeren → Belastingen → key2 → makelaar → dbb')
    expect(k?.eigenaarId).toBe('hilversum')
    expect(k?.betrokkenIds).toEqual(['wijdemeren'])
  })

  it('puts vertrouwelijkheid hoog and persoonsgegevens first', () => {
    expect(r.koppelingen.slice(0, 2).map((k) => k.id)).toEqual(['brp-key2', 'key2-dbb'])
  })

  it('lists the organisations by name, whatever order they were met in', () => {
    const g = hilversumWijdemeren()
    g.organisaties = [...g.organisaties].reverse()
    const { organisaties } = analyseerImpact(graafVan(g), [uittreden('hilversum', 'hw')]).resultaat
    expect(organisaties.map((o) => o.naam)).toEqual([...organisaties.map((o) => o.naam)].sort())
    const namen = analyseerImpact(graafVan(g), [
      { soort: 'leverancier failliet', datum: '2027-01-01', leverancierId: 'leverancier' },
    ]).resultaat.organisaties.map((o) => o.naam)
    expect(namen).toEqual(['Hilversum', 'Leverancier', 'Wijdemeren'])
  })

  it('names the gastheerschap with who must act, and the roles of both', () => {
    expect(r.gastheerschappen.map((g) => [g.id, g.eigenaarId])).toEqual([['bel', 'wijdemeren']])
    expect(r.organisaties.map((o) => [o.id, o.rollen])).toEqual([
      ['hilversum', ['gastheer']],
      ['wijdemeren', ['afnemer', 'uittreder']],
    ])
    expect(r.kringlopen).toEqual([])
  })

  it('the host leaving instead makes its afnemer lose, not itself', () => {
    const h = analyseerImpact(graafVan(hilversumWijdemeren()), [uittreden('hilversum', 'hw')]).resultaat
    expect(ids(h.koppelingen)).toEqual(['brp-key2', 'key2-dbb', 'makelaar-zaakW'])
    expect(h.gastheerschappen[0]?.eigenaarId).toBe('hilversum')
    expect(h.applicaties.every((a) => a.betrokkenIds.every((b) => b === 'wijdemeren'))).toBe(true)
  })
})

/** A chain: W loses a (hosted), a → m1 → m2 → c; m1 and m2 are intermediaries (via of some koppeling). */
function keten(): GraafRijen {
  const r = hilversumWijdemeren()
  r.applicaties.push(
    app('a', ['hilversum', 'wijdemeren']),
    app('m1', ['hilversum']),
    app('m2', ['hilversum']),
    app('c', ['wijdemeren'], { hosting: 'SaaS' }),
    app('x', ['hilversum']),
    app('y', ['hilversum']),
  )
  r.koppelingen.push(
    koppeling('a-m1', { bronApplicatieId: 'a', doelApplicatieId: 'm1', gastheerschapId: 'bel', eigenaarId: 'hilversum' }),
    koppeling('m1-m2', { bronApplicatieId: 'm1', doelApplicatieId: 'm2', eigenaarId: 'hilversum', samenwerkingId: null }),
    koppeling('m2-c', { bronApplicatieId: 'm2', doelApplicatieId: 'c', eigenaarId: 'wijdemeren' }),
    // Make m1 and m2 intermediaries; these serve only Hilversum.
    koppeling('x-m1-y', { bronApplicatieId: 'x', viaApplicatieId: 'm1', doelApplicatieId: 'y', eigenaarId: 'hilversum' }),
    koppeling('x-m2-y', { bronApplicatieId: 'x', viaApplicatieId: 'm2', doelApplicatieId: 'y', eigenaarId: 'hilversum' }),
  )
  return r
}

describe('impact: transitive through intermediaries', () => {
  it('follows one and two intermediaries to an application of the partij, with the path', () => {
    const r = analyseerImpact(graafVan(keten()), [uittreden('wijdemeren', 'hw')]).resultaat
    const m2c = r.koppelingen.find((k) => k.id === 'm2-c')
    expect(m2c?.betrokkenheid).toBe('via tussenschakel')
    expect(pad(m2c?.pad ?? [])).toBe('Wijdemeren → Belastingen → a → m1 → m2 → c')
    expect(m2c?.actie.nl).toMatch(/^Via tussenschakel m2: nagaan of deze koppeling gegevens doorgeeft/)
    expect(ids(r.applicaties)).toContain('c')
    // Between two intermediaries the data is passed on; what merely passes through one (its via) is another flow.
    expect(r.koppelingen.find((k) => k.id === 'm1-m2')?.betrokkenheid).toBe('via tussenschakel')
    expect(ids(r.koppelingen)).not.toContain('x-m1-y')
    expect(ids(r.koppelingen)).not.toContain('x-m2-y')
  })

  it('walks through an intermediary only: a plain application stops the walk', () => {
    const r = keten()
    // m2 is no longer an intermediary: the walk stops at it.
    r.koppelingen = r.koppelingen.filter((k) => k.id !== 'x-m2-y')
    const uit = analyseerImpact(graafVan(r), [uittreden('wijdemeren', 'hw')]).resultaat
    expect(ids(uit.koppelingen)).not.toContain('m2-c')
  })

  it('terminates on a loop of koppelingen through intermediaries and reports it', () => {
    const r = keten()
    r.koppelingen.push(
      koppeling('m2-m1', { bronApplicatieId: 'm2', doelApplicatieId: 'm1', eigenaarId: 'wijdemeren' }),
      koppeling('m1-m2-w', { bronApplicatieId: 'm1', doelApplicatieId: 'm2', eigenaarId: 'wijdemeren' }),
    )
    const uit = analyseerImpact(graafVan(r), [uittreden('wijdemeren', 'hw')]).resultaat
    expect(ids(uit.koppelingen)).toEqual(expect.arrayContaining(['m2-m1', 'm1-m2-w', 'm2-c']))
    expect(uit.kringlopen.length).toBeGreaterThan(0)
    expect(uit.kringlopen.map((k) => k.pad.map((s) => s.id))).toEqual([['m1', 'm2', 'm1']])
  })

  it('a landelijke voorziening is never walked through', () => {
    const r = hilversumWijdemeren()
    r.applicaties.push(app('ander', ['gooisemeren'], { hosting: 'SaaS' }))
    r.koppelingen.push(
      koppeling('key2-mo', {
        bronApplicatieId: 'key2',
        doelVoorziening: 'MijnOverheid Berichtenbox',
        gastheerschapId: 'bel',
        eigenaarId: 'hilversum',
      }),
      koppeling('ander-mo', { bronApplicatieId: 'ander', doelVoorziening: 'MijnOverheid Berichtenbox', eigenaarId: 'gooisemeren' }),
    )
    const uit = analyseerImpact(graafVan(r), [uittreden('wijdemeren', 'hw')]).resultaat
    expect(ids(uit.koppelingen)).toContain('key2-mo')
    expect(ids(uit.koppelingen)).not.toContain('ander-mo')
  })
})

describe('impact: samenwerkingen, dates and the other changes', () => {
  function tweeSamenwerkingen(): GraafRijen {
    const r = hilversumWijdemeren()
    r.organisaties.push(org('gooisemeren'))
    r.samenwerkingen.push({
      id: 'hg',
      naam: 'Hilversum – Gooise Meren',
      startdatum: '2017-04-01',
      einddatum: null,
      leden: ['hilversum', 'gooisemeren', 'wijdemeren'].map((o) => ({
        organisatieId: o,
        startdatum: '2017-04-01',
        einddatum: null,
        bevestigd: true,
      })),
    })
    r.gastheerschappen.push(
      {
        id: 'helpdesk',
        taak: 'Helpdesk',
        gastheerId: 'hilversum',
        samenwerkingId: 'hg',
        afnemerIds: ['gooisemeren', 'wijdemeren'],
        startdatum: '2017-04-01',
        einddatum: null,
      },
      {
        id: 'oud',
        taak: 'Oude taak',
        gastheerId: 'hilversum',
        samenwerkingId: 'hw',
        afnemerIds: ['wijdemeren'],
        startdatum: '2016-01-01',
        einddatum: '2020-12-31',
      },
      {
        id: 'later',
        taak: 'Latere taak',
        gastheerId: 'hilversum',
        samenwerkingId: 'hw',
        afnemerIds: ['wijdemeren'],
        startdatum: '2030-01-01',
        einddatum: null,
      },
    )
    r.applicaties.push(app('servicedesk', ['hilversum', 'gooisemeren', 'wijdemeren'], { hosting: 'on-premise' }))
    r.koppelingen.push(
      koppeling('desk', {
        bronApplicatieId: 'servicedesk',
        doelVoorziening: 'overig',
        gastheerschapId: 'helpdesk',
        eigenaarId: 'hilversum',
      }),
      koppeling('oud-k', { bronApplicatieId: 'key2', doelApplicatieId: 'zaakW', gastheerschapId: 'oud', eigenaarId: 'hilversum' }),
      koppeling('later-k', { bronApplicatieId: 'dbb', doelApplicatieId: 'zaakW', gastheerschapId: 'later', eigenaarId: 'hilversum' }),
    )
    return r
  }

  it('leaving one samenwerking leaves the gastheerschappen of the other alone', () => {
    const r = analyseerImpact(graafVan(tweeSamenwerkingen()), [uittreden('wijdemeren', 'hw')]).resultaat
    expect(ids(r.gastheerschappen)).toEqual(['bel'])
    expect(ids(r.koppelingen)).not.toContain('desk')
  })

  it('only gastheerschappen in force on the date count', () => {
    const g = graafVan(tweeSamenwerkingen())
    expect(ids(analyseerImpact(g, [uittreden('wijdemeren', 'hw', '2027-01-01')]).resultaat.gastheerschappen)).toEqual(['bel'])
    expect(ids(analyseerImpact(g, [uittreden('wijdemeren', 'hw', '2031-01-01')]).resultaat.gastheerschappen)).toEqual(['bel', 'later'])
    expect(ids(analyseerImpact(g, [uittreden('wijdemeren', 'hw', '2019-06-01')]).resultaat.gastheerschappen)).toEqual(['bel', 'oud'])
  })

  it('combines changes: the koppeling both reach is listed once, with both changes', () => {
    const g = graafVan(tweeSamenwerkingen())
    const r = analyseerImpact(g, [uittreden('wijdemeren', 'hw'), uittreden('wijdemeren', 'hg')]).resultaat
    expect(ids(r.gastheerschappen)).toEqual(['bel', 'helpdesk'])
    expect(r.koppelingen.find((k) => k.id === 'desk')?.wijzigingen).toEqual([1])
    const beide = analyseerImpact(g, [
      uittreden('wijdemeren', 'hw'),
      { soort: 'gastheer stopt', datum: '2027-01-01', gastheerschapId: 'bel' },
    ]).resultaat
    expect(beide.koppelingen.find((k) => k.id === 'key2-dbb')?.wijzigingen).toEqual([0, 1])
  })

  it('a supplier that goes bankrupt reaches every koppeling at its applicaties and its contracts', () => {
    const r = hilversumWijdemeren()
    r.contracten.push({
      id: 'c1',
      leverancierId: 'leverancier',
      afnemerId: 'hilversum',
      omschrijving: 'Licentie',
      exitstrategie: false,
      applicatieIds: ['key2'],
      koppelingIds: [],
    })
    const uit = analyseerImpact(graafVan(r), [
      { soort: 'leverancier failliet', datum: '2027-01-01', leverancierId: 'leverancier' },
    ]).resultaat
    expect(ids(uit.koppelingen)).toEqual(['brp-key2', 'key2-dbb', 'key2-zaakH'])
    expect(uit.contracten[0]?.actie.nl).toMatch(/Geen exitstrategie/)
  })

  it('retiring an applicatie reaches every koppeling at it; a standard reaches the koppelingen on it', () => {
    const g = graafVan(hilversumWijdemeren())
    expect(
      ids(analyseerImpact(g, [{ soort: 'applicatie uitfaseren', datum: '2027-01-01', applicatieId: 'zaakH' }]).resultaat.koppelingen),
    ).toEqual(['key2-zaakH', 'makelaar-zaakH'])
    const r = hilversumWijdemeren()
    r.koppelingen[0] = { ...(r.koppelingen[0] as (typeof r.koppelingen)[number]), standaard: 'StUF-BG', standaardVersie: '3.10' }
    const s = analyseerImpact(graafVan(r), [
      { soort: 'standaard wijzigt', datum: '2027-01-01', standaard: 'stuf-bg', versie: '3.10' },
    ]).resultaat
    expect(ids(s.koppelingen)).toEqual(['key2-dbb'])
  })
})

describe('impact: bad questions, checked against the graph', () => {
  const g = graafVan(hilversumWijdemeren())
  const alles = () => true
  const fouten = (w: Wijziging) => controleerWijzigingen(g, [w], alles).map((f) => [f.name, f.code])

  it('a date before the samenwerking or the membership started', () => {
    expect(fouten(uittreden('wijdemeren', 'hw', '2015-06-01'))).toEqual([
      ['wijzigingen[0].datum', 'voor-start'],
      ['wijzigingen[0].datum', 'voor-start'],
    ])
  })

  it('an organisation that is not a member, an unknown object, an invisible one, both or neither scope', () => {
    const r = hilversumWijdemeren()
    r.organisaties.push(org('gooisemeren'))
    const g2 = graafVan(r)
    expect(controleerWijzigingen(g2, [uittreden('gooisemeren', 'hw')], alles).map((f) => f.code)).toEqual(['geen-lid'])
    expect(fouten(uittreden('onbekend', 'hw')).map((f) => f[1])).toEqual(['bestaat-niet'])
    expect(controleerWijzigingen(g, [uittreden('wijdemeren', 'hw')], (soort) => soort !== 'samenwerking').map((f) => f.code)).toEqual([
      'bestaat-niet',
    ])
    expect(fouten({ soort: 'uittreden', datum: '2027-01-01', organisatieId: 'wijdemeren' })).toEqual([
      ['wijzigingen[0].samenwerkingId', 'verplicht'],
    ])
    expect(fouten({ soort: 'uittreden', datum: '2027-01-01', organisatieId: 'hilversum', gastheerschapId: 'bel' })).toEqual([
      ['wijzigingen[0].organisatieId', 'geen-afnemer'],
    ])
  })

  it('a membership that already ended', () => {
    const r = hilversumWijdemeren()
    const s = r.samenwerkingen[0]
    if (s) s.leden = s.leden.map((l) => (l.organisatieId === 'wijdemeren' ? { ...l, einddatum: '2025-12-31' } : l))
    expect(controleerWijzigingen(graafVan(r), [uittreden('wijdemeren', 'hw')], alles).map((f) => f.code)).toEqual(['al-uitgetreden'])
  })

  it('outsourcing what the organisation does not use, to itself', () => {
    expect(
      fouten({ soort: 'uitbesteden', datum: '2027-01-01', organisatieId: 'wijdemeren', applicatieIds: ['zaakH'], partijId: 'wijdemeren' }),
    ).toEqual([
      ['wijzigingen[0].partijId', 'zelfde'],
      ['wijzigingen[0].applicatieIds[0]', 'niet-in-gebruik'],
    ])
  })
})

describe('impact: the graph follows changes without a rebuild', () => {
  it('after set and remove the answer equals that of a graph built anew from the same rows', () => {
    const rijen = keten()
    const g = Afhankelijkheidsgraaf.uit(rijen)
    const nieuw = koppeling('m2-c', { bronApplicatieId: 'm2', doelApplicatieId: 'zaakW', eigenaarId: 'wijdemeren' })
    g.zetKoppeling(nieuw)
    g.verwijderKoppeling('x-m2-y')
    const herbouwd = Afhankelijkheidsgraaf.uit({
      ...rijen,
      koppelingen: rijen.koppelingen.filter((k) => k.id !== 'x-m2-y').map((k) => (k.id === 'm2-c' ? nieuw : k)),
    })
    const w = [uittreden('wijdemeren', 'hw')]
    expect(analyseerImpact(g, w).resultaat).toEqual(analyseerImpact(herbouwd, w).resultaat)
    expect(g.isTussenschakel('m2')).toBe(false)
  })

  it('an empty graph answers an empty result', () => {
    const r = analyseerImpact(graafVan(leeg()), [{ soort: 'leverancier failliet', datum: '2027-01-01', leverancierId: 'x' }]).resultaat
    expect(r.koppelingen).toEqual([])
  })
})
