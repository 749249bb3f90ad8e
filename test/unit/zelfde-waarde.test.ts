import { describe, expect, it } from 'vitest'
import { wijzigingen } from '../../src/domain/wijzigingen.js'
import { zelfdeWaarde } from '../../src/domain/zelfde-waarde.js'

describe('zelfdeWaarde: one rule for "changed" in the audit log and in an edit conflict', () => {
  it('treats every way of writing "empty", and key order, as equal', () => {
    expect(zelfdeWaarde(undefined, '')).toBe(true)
    expect(zelfdeWaarde(null, [])).toBe(true)
    expect(zelfdeWaarde({ a: 1, b: '' }, { a: 1 })).toBe(true)
    expect(zelfdeWaarde({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true)
    expect(zelfdeWaarde({ a: { b: null } }, {})).toBe(true)
    expect(zelfdeWaarde('a', 'b')).toBe(false)
    expect(zelfdeWaarde(['a', 'b'], ['b', 'a'])).toBe(false)
    expect(zelfdeWaarde(0, null)).toBe(false)
  })

  it('is what the audit log calls a change', () => {
    expect(wijzigingen(undefined, { a: 1, b: '', c: [] }, { a: 1 })).toEqual([])
    expect(wijzigingen(undefined, { a: 1 }, { a: 2 }).map((w) => w.pad)).toEqual([['a']])
  })
})
