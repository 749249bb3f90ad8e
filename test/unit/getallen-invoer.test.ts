import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  bedragAlsInvoer,
  type GelezenInvoer,
  leesAantalInvoer,
  leesBedragInvoer,
  leesDecimaalInvoer,
  leesJaarInvoer,
} from '../../src/domain/getallen.js'

// Numbers typed in the UI (issue 20, item 12): one rule per language. Dutch: the comma is
// the decimal sign, the point groups thousands by three; nothing else is guessed at.

const uit = <T>(r: GelezenInvoer<T>) => (r.ok ? r.waarde : r.voorstel ? `${r.fout} → ${r.voorstel}` : r.fout)
const centen = (s: string, taal: 'nl' | 'en' = 'nl') => uit(leesBedragInvoer(s, taal))
const aantal = (s: string, taal: 'nl' | 'en' = 'nl') => uit(leesAantalInvoer(s, taal))

describe('amounts typed in the Dutch UI', () => {
  it('reads the point as thousands and the comma as decimals', () => {
    expect(centen('12.345')).toBe(1_234_500)
    expect(centen('12,34')).toBe(1234)
    expect(centen('12.345,67')).toBe(1_234_567)
    expect(centen('1.234.567,8')).toBe(123_456_780)
    expect(centen('12345')).toBe(1_234_500)
    expect(centen('€ 12.345,00')).toBe(1_234_500)
    expect(centen('12 345,67')).toBe(1_234_567)
    expect(centen(',50')).toBe(50)
    expect(centen('12,500')).toBe(1250)
  })
  it('does not guess at a point that groups nothing: it proposes the comma where that is an amount', () => {
    expect(centen('12.34')).toBe('scheiding → 12,34')
    expect(centen('1234.5')).toBe('scheiding → 1234,5')
    expect(centen('12345.678')).toBe('scheiding')
    expect(centen('1.23.456')).toBe('scheiding')
    expect(centen('1,234.56')).toBe('scheiding')
    expect(centen('1.234.5')).toBe('scheiding')
  })
  it('gives the same message for the same problem, however it is typed', () => {
    expect(centen('12.345,678')).toBe('decimalen')
    expect(centen('12345,678')).toBe('decimalen')
    expect(centen('0,001')).toBe('decimalen')
    expect(centen('')).toBe('leeg')
    expect(centen('twaalf')).toBe('ongeldig')
    expect(centen('12,')).toBe('ongeldig')
    expect(centen('12,3,4')).toBe('scheiding')
    expect(centen('-5')).toBe('negatief')
    expect(centen('99.999.999.999.999.999')).toBe('teGroot')
  })
  it('reads English in the English UI, the other way round', () => {
    expect(centen('12,345', 'en')).toBe(1_234_500)
    expect(centen('12.34', 'en')).toBe(1234)
    expect(centen('12,345.67', 'en')).toBe(1_234_567)
    expect(centen('12,34', 'en')).toBe('scheiding → 12.34')
    expect(centen('12.345,67', 'en')).toBe('scheiding')
  })
  it('reads back every amount the form shows, in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (c) => {
        expect(leesBedragInvoer(bedragAlsInvoer(c, 'nl'), 'nl')).toEqual({ ok: true, waarde: c })
        expect(leesBedragInvoer(bedragAlsInvoer(c, 'en'), 'en')).toEqual({ ok: true, waarde: c })
      }),
    )
  })
})

describe('counts typed in the UI', () => {
  it('reads "12.345" as twelve thousand three hundred forty-five, as people write it', () => {
    expect(aantal('12.345')).toBe(12_345)
    expect(aantal('94601')).toBe(94_601)
    expect(aantal('1.234.567')).toBe(1_234_567)
    expect(aantal('12,345', 'en')).toBe(12_345)
    expect(aantal('12,0')).toBe(12)
  })
  it('refuses decimals and stray points with their own message', () => {
    expect(aantal('12,5')).toBe('geheel')
    expect(aantal('12.34')).toBe('scheiding')
    expect(aantal('-3')).toBe('negatief')
    expect(aantal('')).toBe('leeg')
    expect(aantal('veel')).toBe('ongeldig')
  })
})

describe('decimals and years typed in the UI', () => {
  it('reads percentages and measures exactly', () => {
    expect(uit(leesDecimaalInvoer('33,33'))).toBe('33.33')
    expect(uit(leesDecimaalInvoer('1.210'))).toBe('1210')
    expect(uit(leesDecimaalInvoer('0,125'))).toBe('0.125')
    expect(uit(leesDecimaalInvoer('33.33', 'en'))).toBe('33.33')
    expect(uit(leesDecimaalInvoer('33.33'))).toBe('scheiding → 33,33')
    expect(uit(leesDecimaalInvoer('-1'))).toBe('negatief')
  })
  it('reads a year as four digits, without grouping', () => {
    expect(uit(leesJaarInvoer(' 2026 '))).toBe(2026)
    expect(uit(leesJaarInvoer('2.026'))).toBe('ongeldig')
  })
})
