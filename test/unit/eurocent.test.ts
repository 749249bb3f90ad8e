import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EUROCENT_OMSCHRIJVING, eurocentBuitenBereik, eurocentUitleg } from '../../src/domain/eurocent.js'
import { KostenpostInvoer, ReferentiewaardeInvoer } from '../../src/schemas/kosten.js'
import { ScenarioInvoer } from '../../src/schemas/scenario.js'
import { validateBody } from '../../src/schemas/validator.js'

// Amounts are integer euro cents. A value that is not gets an error naming the unit and,
// where the value allows, the cents that were probably meant.

describe('eurocentUitleg', () => {
  it('computes the cents from euros sent as a number', () => {
    expect(eurocentUitleg(100.5)).toEqual({
      nl: 'Bedrag in eurocent, een geheel getal: 100.50 euro is 10050.',
      en: 'Amount in euro cents, a whole number: 100.50 euros is 10050.',
    })
    expect(eurocentUitleg(1234.56).nl).toBe('Bedrag in eurocent, een geheel getal: 1234.56 euro is 123456.')
    expect(eurocentUitleg(0.01).nl).toBe('Bedrag in eurocent, een geheel getal: 0.01 euro is 1.')
    expect(eurocentUitleg(-12.3).nl).toBe('Bedrag in eurocent, een geheel getal: -12.30 euro is -1230.')
  })

  it('reads euros sent as text the way people write them', () => {
    expect(eurocentUitleg('1.234,56').nl).toBe('Bedrag in eurocent, een geheel getal (geen tekst): 1.234,56 euro is 123456.')
    expect(eurocentUitleg('€ 100,50').en).toBe('Amount in euro cents, a whole number (not text): € 100,50 is 10050.')
    expect(eurocentUitleg('EUR 12').nl).toBe('Bedrag in eurocent, een geheel getal (geen tekst): EUR 12 is 1200.')
    expect(eurocentUitleg('10050').nl).toBe('Bedrag in eurocent, een geheel getal als getal, niet als tekst: 10050 in plaats van "10050".')
  })

  it('gives the rule with an example for anything else', () => {
    const algemeen = 'Bedrag in eurocent, een geheel getal: 100,50 euro is 10050.'
    for (const waarde of [1.005, 1e21, 'honderd', '1,2,3', true, null, {}, [], Number.NaN]) expect(eurocentUitleg(waarde).nl).toBe(algemeen)
  })

  it('names the cents of any amount sent as euros with at most two decimals (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (centen) => {
        const uitleg = eurocentUitleg(centen / 100)
        expect(uitleg.nl).toMatch(new RegExp(` euro is ${centen}\\.$`))
        expect(uitleg.en).toMatch(new RegExp(` euros is ${centen}\\.$`))
      }),
      { numRuns: 500 },
    )
  })

  it('says a limit in cents and in euros', () => {
    expect(eurocentBuitenBereik('maximum', 1_000_000_000_000).nl).toBe('Bedrag in eurocent, hoogstens 1000000000000 (€ 10.000.000.000).')
    expect(eurocentBuitenBereik('minimum', 0).en).toBe('Amount in euro cents, at least 0 (€ 0).')
  })

  it('ends every amount field description', () => {
    expect(EUROCENT_OMSCHRIJVING).toBe('Bedrag in eurocent, een geheel getal: 123456 is € 1.234,56 (dus 100,50 euro is 10050).')
  })
})

describe('the validator on amount fields', () => {
  const post = {
    omschrijving: 'x',
    samenwerkingId: '00000000-0000-4000-8000-000000000001',
    gemaaktDoorId: '00000000-0000-4000-8000-000000000002',
    periode: '2026',
    soort: 'structureel',
    categorie: 'licenties',
    verdeelsleutelId: '00000000-0000-4000-8000-000000000003',
  }

  it('names the unit and the fix instead of "Verwacht type integer"', () => {
    const fouten = validateBody(KostenpostInvoer, { ...post, begroting: 100.5, realisatie: '1.234,56' })
    expect(fouten).toEqual([
      {
        name: 'begroting',
        code: 'ongeldig-type',
        reason: {
          nl: 'Bedrag in eurocent, een geheel getal: 100.50 euro is 10050.',
          en: 'Amount in euro cents, a whole number: 100.50 euros is 10050.',
        },
      },
      {
        name: 'realisatie',
        code: 'ongeldig-type',
        reason: {
          nl: 'Bedrag in eurocent, een geheel getal (geen tekst): 1.234,56 euro is 123456.',
          en: 'Amount in euro cents, a whole number (not text): 1.234,56 euros is 123456.',
        },
      },
    ])
  })

  it('does so on every amount field: references and scenario amounts too, limits included', () => {
    const ref = validateBody(ReferentiewaardeInvoer, { naam: 'x', jaar: 2026, kostenPerInwoner: 78.4, kostenPerWerkplek: -1 })
    expect(ref.map((f) => [f.name, f.code, f.reason.nl])).toEqual([
      ['kostenPerInwoner', 'ongeldig-type', 'Bedrag in eurocent, een geheel getal: 78.40 euro is 7840.'],
      ['kostenPerWerkplek', 'te-klein', 'Bedrag in eurocent, minimaal 0 (€ 0).'],
    ])
    const id = '00000000-0000-4000-8000-000000000001'
    const scenario = validateBody(ScenarioInvoer, {
      naam: 'x',
      soort: 'nieuwe samenwerking',
      invoer: {
        deelnemers: [{ organisatieId: id, huidigeKosten: { eenmalig: 300000.25, jaarlijks: 2_000_000_000_000 } }],
        gezamenlijk: { eenmalig: 0, jaarlijks: '450000' },
        verdeling: { soort: 'gelijke delen' },
        horizonJaren: 10,
        disconteringsvoet: 3.5,
      },
    })
    expect(scenario.map((f) => [f.name, f.reason.nl])).toEqual([
      ['invoer.deelnemers[0].huidigeKosten.eenmalig', 'Bedrag in eurocent, een geheel getal: 300000.25 euro is 30000025.'],
      ['invoer.deelnemers[0].huidigeKosten.jaarlijks', 'Bedrag in eurocent, hoogstens 1000000000000 (€ 10.000.000.000).'],
      ['invoer.gezamenlijk.jaarlijks', 'Bedrag in eurocent, een geheel getal als getal, niet als tekst: 450000 in plaats van "450000".'],
    ])
  })

  it('leaves other integer fields alone', () => {
    const fouten = validateBody(KostenpostInvoer, { ...post, begroting: 100, periode: 2026 })
    expect(fouten.map((f) => [f.name, f.reason.nl])).toEqual([['periode', 'Vul hier tekst in.']])
  })
})
