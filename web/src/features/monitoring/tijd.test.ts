import { describe, expect, it } from 'vitest'
import { naarInvoerTijd, vanInvoerTijd } from './tijd'

describe('a moment typed in Dutch time', () => {
  it('reads winter and summer time', () => {
    expect(vanInvoerTijd('2026-12-07T14:30')).toBe('2026-12-07T13:30:00.000Z')
    expect(vanInvoerTijd('2026-07-01T00:15')).toBe('2026-06-30T22:15:00.000Z')
  })
  it('round-trips an instant', () => {
    for (const iso of ['2026-03-29T00:59:00.000Z', '2026-10-25T01:30:00.000Z', '2026-01-01T12:00:00.000Z']) {
      expect(vanInvoerTijd(naarInvoerTijd(iso))).toBe(iso)
    }
  })
  it('refuses what is no moment', () => {
    expect(vanInvoerTijd('')).toBeUndefined()
    expect(vanInvoerTijd('7-12-2026 14:30')).toBeUndefined()
  })
})
