import { describe, expect, it } from 'vitest'
import { apiQuery, GEEN_FILTER } from './filters'

// The audit log shows its times in Europe/Amsterdam, so a day in the date filter is an
// Amsterdam day too, whatever zone the browser is in (these tests run in UTC).

describe('the date filter', () => {
  it('asks for Amsterdam calendar days: from the start of the first to the start of the day after the last', () => {
    const winter = apiQuery({ ...GEEN_FILTER, vanaf: '2026-03-03', tot: '2026-03-03' }, 1)
    expect([winter.vanaf, winter.tot]).toEqual(['2026-03-02T23:00:00.000Z', '2026-03-03T23:00:00.000Z'])
    const zomer = apiQuery({ ...GEEN_FILTER, vanaf: '2026-07-01', tot: '2026-07-31' }, 1)
    expect([zomer.vanaf, zomer.tot]).toEqual(['2026-06-30T22:00:00.000Z', '2026-07-31T22:00:00.000Z'])
  })

  it('counts the day summer time starts or ends as the day it is in Amsterdam', () => {
    // 29 March 2026 and 25 October 2026: the clocks change at night, after midnight.
    const q = apiQuery({ ...GEEN_FILTER, vanaf: '2026-03-29', tot: '2026-10-25' }, 1)
    expect([q.vanaf, q.tot]).toEqual(['2026-03-28T23:00:00.000Z', '2026-10-25T23:00:00.000Z'])
  })
})
