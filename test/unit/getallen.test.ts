import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  bedragAlsInvoer,
  centenAlsEuroTekst,
  decimaalAlsInvoer,
  decimaalTekst,
  leesBedrag,
  leesDecimaal,
  MAX_CENTEN,
  negatieveCenten,
} from '../../src/domain/getallen.js'

const centen = (s: string) => {
  const r = leesBedrag(s)
  return r.ok ? r.waarde : r.fout
}

describe('leesBedrag: euros as typed → integer cents', () => {
  it('reads Dutch notation', () => {
    expect(centen('12.345,67')).toBe(1_234_567)
    expect(centen('1.234,56')).toBe(123_456)
    expect(centen('1234,56')).toBe(123_456)
    expect(centen('1234,5')).toBe(123_450)
    expect(centen('0,01')).toBe(1)
    expect(centen(',50')).toBe(50)
    expect(centen('1.234')).toBe(123_400)
    expect(centen('1.234.567')).toBe(123_456_700)
    expect(centen('€ 1.234,56')).toBe(123_456)
    expect(centen('1 234,56')).toBe(123_456)
    expect(centen('1\u00a0234,56')).toBe(123_456)
  })
  it('reads English notation and plain numbers', () => {
    expect(centen('1234.56')).toBe(123_456)
    expect(centen('1,234.56')).toBe(123_456)
    expect(centen('1,234,567')).toBe(123_456_700)
    expect(centen('12.5')).toBe(1250)
    expect(centen('12')).toBe(1200)
    expect(centen('0')).toBe(0)
    expect(centen('007,10')).toBe(710)
  })
  it('is exact where floating point is not', () => {
    // 1.005 * 100 = 100.49999999999999 and 0.29 * 100 = 28.999999999999996 in binary floating point
    expect(centen('0,29')).toBe(29)
    expect(centen('1,10')).toBe(110)
    expect(centen('4.35')).toBe(435)
    expect(centen('8.888.888.888.888,88')).toBe(888_888_888_888_888)
  })
  it('allows trailing zeros beyond the cents', () => {
    expect(centen('12,500')).toBe(1250)
    expect(centen('1,000.00')).toBe(100_000)
  })
  it('refuses what is not an amount in whole cents', () => {
    expect(centen('')).toBe('leeg')
    expect(centen('   ')).toBe('leeg')
    expect(centen('abc')).toBe('ongeldig')
    expect(centen('12,34,5')).toBe('ongeldig')
    expect(centen('1.23.4')).toBe('ongeldig')
    expect(centen('1.234,56,7')).toBe('ongeldig')
    expect(centen('12,')).toBe('ongeldig')
    expect(centen('1e5')).toBe('ongeldig')
    expect(centen('0x10')).toBe('ongeldig')
    expect(centen('12,345')).toBe('decimalen')
    expect(centen('0,001')).toBe('decimalen')
    expect(centen('-5')).toBe('negatief')
    expect(centen('−12,50')).toBe('negatief')
    expect(centen('99999999999999999')).toBe('teGroot')
    expect(centen('9.000.000.000.000,01')).toBe('teGroot')
  })
  it('accepts the maximum and minus zero', () => {
    expect(centen('9.000.000.000.000')).toBe(MAX_CENTEN)
    expect(centen('-0')).toBe(0)
  })
  it('keeps a negative amount negative for the API to refuse as well', () => {
    expect(negatieveCenten('-12,50')).toBe(-1250)
    expect(negatieveCenten('12,50')).toBeUndefined()
  })
})

describe('leesDecimaal: percentages and measures as decimal text', () => {
  it('normalises to the API form', () => {
    expect(leesDecimaal('50')).toEqual({ ok: true, waarde: '50' })
    expect(leesDecimaal('33,33')).toEqual({ ok: true, waarde: '33.33' })
    expect(leesDecimaal('33.330')).toEqual({ ok: true, waarde: '33330' })
    expect(leesDecimaal('33.3')).toEqual({ ok: true, waarde: '33.3' })
    expect(leesDecimaal('12,50')).toEqual({ ok: true, waarde: '12.5' })
    expect(leesDecimaal('0,125')).toEqual({ ok: true, waarde: '0.125' })
  })
  it('refuses what is not a non-negative number', () => {
    expect(leesDecimaal('')).toEqual({ ok: false, fout: 'leeg' })
    expect(leesDecimaal('veel')).toEqual({ ok: false, fout: 'ongeldig' })
    expect(leesDecimaal('-1')).toEqual({ ok: false, fout: 'negatief' })
  })
})

describe('back to text for editing', () => {
  it('formats cents without floating point', () => {
    expect(bedragAlsInvoer(1_234_567)).toBe('12.345,67')
    expect(bedragAlsInvoer(1_234_567, 'en')).toBe('12,345.67')
    expect(bedragAlsInvoer(1200)).toBe('12')
    expect(bedragAlsInvoer(100_000_000, 'en')).toBe('1,000,000.00')
    expect(bedragAlsInvoer(5)).toBe('0,05')
    expect(bedragAlsInvoer(888_888_888_888_888)).toBe('8.888.888.888.888,88')
    expect(bedragAlsInvoer(undefined)).toBe('')
  })
  it('round-trips', () => {
    for (const c of [0, 1, 99, 100, 123_456, 1_000_000, 987_654_321_012]) {
      expect(leesBedrag(bedragAlsInvoer(c))).toEqual({ ok: true, waarde: c })
      expect(leesBedrag(bedragAlsInvoer(c, 'en'))).toEqual({ ok: true, waarde: c })
    }
  })
  it('shows decimals the Dutch way', () => {
    expect(decimaalAlsInvoer('33.33')).toBe('33,33')
    expect(decimaalAlsInvoer(50)).toBe('50')
    expect(decimaalAlsInvoer('33.33', 'en')).toBe('33.33')
  })
})

describe('decimaalTekst', () => {
  it('groups thousands and uses the language’s decimal sign, keeping every digit', () => {
    expect(decimaalTekst('94601', 'nl')).toBe('94.601')
    expect(decimaalTekst('1234567.125', 'nl')).toBe('1.234.567,125')
    expect(decimaalTekst('1234567.125', 'en')).toBe('1,234,567.125')
    expect(decimaalTekst(45.5, 'nl')).toBe('45,5')
  })
})

describe('thousands groups', () => {
  it('never reads a leading zero as a thousands group', () => {
    expect(leesBedrag('0.001').ok).toBe(false)
    expect(leesBedrag('0,001').ok).toBe(false)
    expect(centen('1.001')).toBe(100_100)
  })
})

describe('files', () => {
  it('reads back every amount it writes to a file, to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (c) => {
        expect(leesBedrag(centenAlsEuroTekst(c))).toEqual({ ok: true, waarde: c })
      }),
    )
  })
})
