import { describe, expect, it } from 'vitest'
import { dezeMaand, formatPercentage, openEerst, type Storing } from './api'

const storing = (id: string, open: boolean): Storing => ({
  id,
  open,
  controle: { id: 'c', naam: 'C' },
  begonnenOp: '2026-12-01T00:00:00Z',
  geopendOp: '2026-12-01T00:00:00Z',
  tijdlijn: [],
})

describe('monitoring helpers', () => {
  it('puts open storingen first and keeps the API order (newest first) within each group', () => {
    const lijst = [storing('a', false), storing('b', true), storing('c', false), storing('d', true)]
    expect(openEerst(lijst).map((s) => s.id)).toEqual(['b', 'd', 'a', 'c'])
  })
  it('writes availability with three decimals and the unit', () => {
    expect(formatPercentage(99.5, 'nl')).toBe('99,500 %')
    expect(formatPercentage(100, 'en')).toBe('100.000 %')
    expect(formatPercentage(undefined, 'nl')).toBeUndefined()
  })
  it('takes the month in Dutch time: New Year’s Eve 23:30 UTC is already January in Amsterdam', () => {
    expect(dezeMaand(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01')
    expect(dezeMaand(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12')
  })
})
