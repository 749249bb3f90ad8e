import { describe, expect, it } from 'vitest'
import { totaalNaCorrecties } from '../../src/domain/declaraties.js'

// What a corrected declaratie asks after its corrections (issue 20, item 6).

describe('totaalNaCorrecties', () => {
  const c = (status: 'concept' | 'definitief' | 'verzonden' | 'betaald', totaal: number) => ({ id: status, nummer: null, status, totaal })

  it('is the total when there are no corrections', () => {
    expect(totaalNaCorrecties(7_901_762, [])).toBe(7_901_762)
  })

  it('adds every correction that left concept, negative ones too, and leaves a concept out', () => {
    expect(totaalNaCorrecties(1_000_000, [c('definitief', 12_345), c('betaald', -2_000), c('concept', 99_999)])).toBe(1_010_345)
    expect(totaalNaCorrecties(1_000_000, [c('verzonden', -1_000_000)])).toBe(0)
  })
})
