import { describe, expect, it } from 'vitest'
import { dagGrenzen, dagVan, maandGrenzen, maandVan, plusMaanden, UUR_MS } from '../../../src/domain/monitoring/tijd.js'

// Amsterdam months and days around the DST changes of 2026 (29 March, 25 October).

const uren = ({ van, tot }: { van: number; tot: number }) => (tot - van) / UUR_MS

describe('Amsterdam months and days', () => {
  it('a month starts at Amsterdam midnight: 23:00Z in winter, 22:00Z in summer', () => {
    expect(new Date(maandGrenzen('2026-01').van).toISOString()).toBe('2025-12-31T23:00:00.000Z')
    expect(new Date(maandGrenzen('2026-04').van).toISOString()).toBe('2026-03-31T22:00:00.000Z')
    expect(new Date(maandGrenzen('2026-12').tot).toISOString()).toBe('2026-12-31T23:00:00.000Z')
  })

  it('March has 743 hours, October 745, a normal 31-day month 744', () => {
    expect(uren(maandGrenzen('2026-03'))).toBe(743)
    expect(uren(maandGrenzen('2026-10'))).toBe(745)
    expect(uren(maandGrenzen('2026-07'))).toBe(744)
    expect(uren(maandGrenzen('2028-02'))).toBe(29 * 24)
  })

  it('the DST Sundays have 23 and 25 hours', () => {
    expect(uren(dagGrenzen('2026-03-29'))).toBe(23)
    expect(uren(dagGrenzen('2026-10-25'))).toBe(25)
    expect(uren(dagGrenzen('2026-10-26'))).toBe(24)
  })

  it('an instant late on the last UTC evening of a month is already the next Amsterdam month', () => {
    expect(maandVan(Date.UTC(2026, 2, 31, 22, 30))).toBe('2026-04')
    expect(maandVan(Date.UTC(2026, 2, 31, 21, 59))).toBe('2026-03')
    expect(dagVan(Date.UTC(2026, 9, 24, 22, 0))).toBe('2026-10-25')
    expect(dagVan(Date.UTC(2026, 9, 25, 22, 59))).toBe('2026-10-25')
    expect(dagVan(Date.UTC(2026, 9, 25, 23, 0))).toBe('2026-10-26')
  })

  it('month arithmetic crosses years', () => {
    expect(plusMaanden('2026-01', -24)).toBe('2024-01')
    expect(plusMaanden('2026-11', 3)).toBe('2027-02')
  })
})
