import { describe, expect, it } from 'vitest'
import { breukAlsPercentage, leesOntbrekend } from './verdeling-tekst'

describe('breukAlsPercentage', () => {
  it('rounds half up, exactly', () => {
    expect(breukAlsPercentage('1', '3', 'nl')).toBe('33,33')
    expect(breukAlsPercentage('2', '3', 'nl')).toBe('66,67')
    expect(breukAlsPercentage('1', '8', 'en')).toBe('12.50')
    expect(breukAlsPercentage('1', '1', 'nl')).toBe('100,00')
    expect(breukAlsPercentage('43127', '77907', 'nl')).toBe('55,36')
    expect(breukAlsPercentage('1', '80000', 'nl')).toBe('0,00')
    expect(breukAlsPercentage('1', '16', 'nl', 4)).toBe('6,2500')
  })
})

describe('leesOntbrekend', () => {
  const id = '8866485b-6349-4c3f-a7e6-4977eb3b6973'
  it('reads the organisation, measure and year of a missing measure, in Dutch and English', () => {
    expect(
      leesOntbrekend({
        name: 'deelnemers[1]',
        code: 'maatstaf-ontbreekt',
        reason: `Maatstaf 'werkplekken' ontbreekt voor Gooise Meren (${id}) in 2027.`,
      }),
    ).toEqual({ maatstaf: 'werkplekken', naam: 'Gooise Meren', organisatieId: id, jaar: '2027' })
    expect(
      leesOntbrekend({
        name: 'deelnemers[0]',
        code: 'maatstaf-ontbreekt',
        reason: `Measure 'WOZ-objecten' is missing for Gemeente (voor) ‘t Gooi (${id}) in 2026.`,
      }),
    ).toEqual({ maatstaf: 'WOZ-objecten', naam: 'Gemeente (voor) ‘t Gooi', organisatieId: id, jaar: '2026' })
  })
  it('reads a message that goes on to say where to enter the value (as src/domain/verdeling words it)', () => {
    expect(
      leesOntbrekend({
        name: 'deelnemers[0]',
        code: 'maatstaf-ontbreekt',
        reason: `Maatstaf 'inwoners' ontbreekt voor Gooise Meren (${id}) in 2027. Vul het inwonertal van dat jaar in bij de organisatie (Organisaties › bewerken › Inwonertallen), of leg een maatstafwaarde met maatstaf inwoners vast; die gaat dan voor.`,
      }),
    ).toEqual({ maatstaf: 'inwoners', naam: 'Gooise Meren', organisatieId: id, jaar: '2027' })
    expect(
      leesOntbrekend({
        name: 'deelnemers[0]',
        code: 'maatstaf-ontbreekt',
        reason: `Measure 'fte 2025' is missing for Gooise Meren (${id}) in 2027. Record a maatstafwaarde with this measure and year for this organisation (Maatstafwaarden).`,
      }),
    ).toEqual({ maatstaf: 'fte 2025', naam: 'Gooise Meren', organisatieId: id, jaar: '2027' })
  })
  it('leaves other problems alone', () => {
    expect(leesOntbrekend({ name: 'deelnemers[0]', code: 'percentage-ontbreekt', reason: 'x' })).toBeUndefined()
    expect(leesOntbrekend({ name: 'deelnemers[0]', code: 'maatstaf-ontbreekt', reason: 'onleesbaar' })).toBeUndefined()
  })
})
