import { describe, expect, it } from 'vitest'
import { centenAlsInvoer, leesDecimaal, leesEuro } from './bedrag'

describe('leesEuro', () => {
  it('reads Dutch and plain notation to exact cents', () => {
    expect(leesEuro('1.234,56')).toBe(123_456)
    expect(leesEuro('1234,56')).toBe(123_456)
    expect(leesEuro('1234.56')).toBe(123_456)
    expect(leesEuro('€ 1.234.567,8')).toBe(123_456_780)
    expect(leesEuro('1.234')).toBe(123_400)
    expect(leesEuro('1,234.56')).toBe(123_456)
    expect(leesEuro('0,1')).toBe(10)
    expect(leesEuro(',05')).toBe(5)
    expect(leesEuro('300000')).toBe(30_000_000)
    // 0.29 * 100 is 28.999… in floating point; the text is read digit by digit.
    expect(leesEuro('0,29')).toBe(29)
    expect(leesEuro('4.35')).toBe(435)
  })

  it('refuses what is no amount', () => {
    for (const t of ['', '-5', '1,234', '1.2.3', '12,345', 'abc', '1.23.456', '1,2,3', '1e5']) expect(leesEuro(t), t).toBeUndefined()
  })

  it('round-trips through the input format', () => {
    for (const c of [0, 1, 10, 99, 100, 123_456, 1_000_000_000_00]) expect(leesEuro(centenAlsInvoer(c))).toBe(c)
  })
})

describe('leesDecimaal', () => {
  it('accepts a comma or a dot', () => {
    expect(leesDecimaal('33,33')).toBe('33.33')
    expect(leesDecimaal('3.5')).toBe('3.5')
    expect(leesDecimaal('x')).toBeUndefined()
  })
})
