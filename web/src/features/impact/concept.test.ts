import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ImpactScenario } from './api'
import { formVeld, leegConcept, legeKosten, legeWijziging, naarConcept, naarInvoer } from './concept'

// The builder's form state and the API's ImpactInvoer: euros typed become exact cents,
// an uittreden names exactly one of samenwerking and gastheerschap, empty optional text
// stays out, and the API's field paths land on the fields the form shows.

const t = ((k: string) => k) as unknown as TFunction
const O = '00000000-0000-4000-8000-000000000001'
const SW = '00000000-0000-4000-8000-000000000002'
const GH = '00000000-0000-4000-8000-000000000003'

beforeAll(async () => {
  await i18next.init({ lng: 'nl', resources: {} })
})

describe('impact builder concept', () => {
  it('turns an uittreden from a samenwerking and euro amounts into the API input', () => {
    const c = leegConcept(O)
    c.vraag = '  Wat als?  '
    c.aannames = 'Een\n\n  Twee  '
    c.wijzigingen = [{ ...legeWijziging(), datum: '2027-07-01', organisatieId: O, waaruit: `sw:${SW}` }]
    c.kosten = [{ ...legeKosten(), organisatieId: O, omschrijving: 'Conversie', eenmalig: '180.000', jaarlijks: '-1.234,56' }]
    const { invoer, fouten } = naarInvoer(c, t)
    expect(fouten).toEqual({})
    expect(invoer).toEqual({
      opstellerId: O,
      vraag: 'Wat als?',
      wijzigingen: [{ soort: 'uittreden', datum: '2027-07-01', organisatieId: O, samenwerkingId: SW }],
      aannames: ['Een', 'Twee'],
      kosten: [{ organisatieId: O, omschrijving: 'Conversie', eenmalig: 18_000_000, jaarlijks: -123_456 }],
    })
  })

  it('names the gastheerschap of an uittreden as afnemer, and leaves empty optional fields out', () => {
    const c = leegConcept(O)
    c.wijzigingen = [
      { ...legeWijziging(), datum: '2027-01-01', organisatieId: O, waaruit: `gh:${GH}` },
      { ...legeWijziging('applicatie vervangen'), datum: '2027-01-01', applicatieId: SW },
    ]
    const { invoer } = naarInvoer(c, t)
    expect(invoer.wijzigingen).toEqual([
      { soort: 'uittreden', datum: '2027-01-01', organisatieId: O, gastheerschapId: GH },
      { soort: 'applicatie vervangen', datum: '2027-01-01', applicatieId: SW },
    ])
    expect(invoer).not.toHaveProperty('vraag')
    expect(invoer).not.toHaveProperty('kosten')
  })

  it('keeps an amount it cannot read as a message at its field', () => {
    const c = leegConcept(O)
    c.kosten = [{ ...legeKosten(), organisatieId: O, omschrijving: 'X', eenmalig: '12,345' }]
    const { fouten } = naarInvoer(c, t)
    expect(Object.keys(fouten)).toEqual(['kosten[0].eenmalig'])
  })

  it('puts the API field paths of a preview and a save on the fields of the form', () => {
    const c = leegConcept(O)
    c.wijzigingen = [legeWijziging('uittreden'), legeWijziging('gastheer stopt'), legeWijziging('uitbesteden')]
    expect(formVeld('invoer.wijzigingen[0].datum', c)).toBe('wijzigingen[0].datum')
    expect(formVeld('body.wijzigingen[0].datum', c)).toBe('wijzigingen[0].datum')
    expect(formVeld('invoer.wijzigingen[0].samenwerkingId', c)).toBe('wijzigingen[0].waaruit')
    expect(formVeld('wijzigingen[0].gastheerschapId', c)).toBe('wijzigingen[0].waaruit')
    expect(formVeld('wijzigingen[1].gastheerschapId', c)).toBe('wijzigingen[1].gastheerschapId')
    expect(formVeld('wijzigingen[2].applicatieIds[3]', c)).toBe('wijzigingen[2].applicatieIds')
    expect(formVeld('naam', c)).toBe('naam')
  })

  it('reads a saved scenario back into the form with amounts in euros', () => {
    const s = {
      id: SW,
      revisie: 1,
      naam: 'Demo',
      soort: 'impactanalyse',
      invoer: {
        opstellerId: O,
        wijzigingen: [{ soort: 'uittreden', datum: '2028-01-01', organisatieId: O, samenwerkingId: SW }],
        kosten: [{ organisatieId: O, omschrijving: 'X', eenmalig: 18_000_000, jaarlijks: 5 }],
      },
    } as unknown as ImpactScenario
    const c = naarConcept(s)
    expect(c.wijzigingen[0]?.waaruit).toBe(`sw:${SW}`)
    expect(c.kosten[0]).toMatchObject({ eenmalig: '180000,00', jaarlijks: '0,05' })
    expect(naarInvoer(c, t).invoer.kosten?.[0]).toMatchObject({ eenmalig: 18_000_000, jaarlijks: 5 })
  })
})
