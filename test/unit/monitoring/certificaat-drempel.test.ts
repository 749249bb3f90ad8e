import { describe, expect, it } from 'vitest'
import { certificaatDrempel } from '../../../src/monitor/verwerken.js'

// Which "certificate expires in N days" warning a certificate has earned: each threshold
// once per certificate, never all three at once for a certificate seen late.

describe('certificaatDrempel', () => {
  const drempels = [30, 14, 7]
  it.each([
    [45, undefined],
    [31, undefined],
    [30, 30],
    [15, 30],
    [14, 14],
    [8, 14],
    [7, 7],
    [0, 7],
    [-3, 7],
  ])('%i days left → threshold %s', (dagen, verwacht) => {
    expect(certificaatDrempel(dagen, drempels)).toBe(verwacht)
  })
  it('takes the thresholds in any order, and none without days', () => {
    expect(certificaatDrempel(10, [7, 30, 14])).toBe(14)
    expect(certificaatDrempel(undefined, drempels)).toBeUndefined()
    expect(certificaatDrempel(3, [])).toBeUndefined()
  })
})
