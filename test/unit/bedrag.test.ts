import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { centenAlsEuroTekst, leesEuroBedrag } from '../../src/domain/bedrag.js'

describe('leesEuroBedrag', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['€ 1.234,5', 123450],
    ['12.345.678,90', 1234567890],
    ['1.234.567', 123456700],
    ['0,01', 1],
    ['7', 700],
    [',5', 50],
  ])('%s → %i cents', (tekst, centen) => {
    expect(leesEuroBedrag(tekst)).toEqual({ centen })
  })

  it.each([
    ['', 'geen-bedrag'],
    ['abc', 'geen-bedrag'],
    ['1,2,3', 'geen-bedrag'],
    ['12,345', 'dubbelzinnig'],
    ['1.234', 'dubbelzinnig'],
    ['10,500', 'dubbelzinnig'],
    ['1,2345', 'geen-hele-centen'],
    ['0,001', 'geen-hele-centen'],
    ['-5', 'negatief'],
    ['1.23.4', 'geen-bedrag'],
  ])('refuses %s (%s)', (tekst, fout) => {
    expect(leesEuroBedrag(tekst)).toEqual({ fout })
  })

  it('reads back every amount it writes, to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (c) => {
        expect(leesEuroBedrag(centenAlsEuroTekst(c))).toEqual({ centen: c })
      }),
    )
  })
})

describe('leesEuroBedrag with both separators', () => {
  it('refuses thousands groups that are not three digits', () => {
    expect(leesEuroBedrag('12.34,56')).toEqual({ fout: 'geen-bedrag' })
    expect(leesEuroBedrag('1,23.45')).toEqual({ fout: 'geen-bedrag' })
    expect(leesEuroBedrag('1.2,3.4')).toEqual({ fout: 'geen-bedrag' })
  })
})
