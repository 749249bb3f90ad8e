import i18next from 'i18next'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { formatBedrag, formatDatum, formatGrootte, formatTijdstip } from './format'

// Intl puts a no-break space after the euro sign; people read it as a space.
const plain = (s: string) => s.replace(/\u00a0/g, ' ')

describe('formatting for Dutch readers', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'nl', resources: {} })
  })
  afterEach(async () => {
    await i18next.changeLanguage('nl')
  })

  it('shows cents as euros the Dutch way', () => {
    expect(plain(formatBedrag(123456))).toBe('€ 1.234,56')
    expect(plain(formatBedrag(5))).toBe('€ 0,05')
    expect(plain(formatBedrag(100_000_000_00))).toBe('€ 100.000.000,00')
  })

  it('writes calendar dates out in full, without time-zone shifts', () => {
    expect(formatDatum('2026-11-22')).toBe('22 november 2026')
    expect(formatDatum('2026-01-01')).toBe('1 januari 2026')
    expect(formatDatum(undefined)).toBe('')
    expect(formatDatum('geen datum')).toBe('geen datum')
  })

  it('shows file sizes in bytes, kB and MB with a decimal comma', () => {
    expect(formatGrootte(850)).toBe('850 bytes')
    expect(formatGrootte(12_595)).toBe('12,3 kB')
    expect(formatGrootte(1024 * 1024)).toBe('1 MB')
    expect(formatGrootte(10 * 1024 * 1024)).toBe('10 MB')
    expect(formatGrootte(1_258_291)).toBe('1,2 MB')
  })

  it('switches to English formats with the language', async () => {
    await i18next.changeLanguage('en')
    expect(plain(formatBedrag(123456))).toBe('€1,234.56')
    expect(formatDatum('2026-11-22')).toBe('22 November 2026')
    expect(formatTijdstip('not a time')).toBe('not a time')
  })
})
