import { describe, expect, it } from 'vitest'
import { ibanInGroepen, ibanProbleem, isGeldigeIban, normaliseerIban, vervaldatum } from '../../src/domain/betaling.js'

// The sender's payment details on a declaratie: the IBAN check (mod 97), its display in
// groups of four, and the due date counted from the day the declaratie was made final.

describe('IBAN', () => {
  it('accepts valid IBANs, with or without spaces and in small letters', () => {
    for (const iban of [
      'NL91ABNA0417164300',
      'NL91 ABNA 0417 1643 00',
      'nl91abna0417164300',
      'BE68 5390 0754 7034',
      'DE89370400440532013000',
    ])
      expect(isGeldigeIban(iban), iban).toBe(true)
    // The demo's fictitious bank code still has valid check digits.
    expect(isGeldigeIban('NL08RKMR0000040200')).toBe(true)
  })

  it('refuses a typing error through the mod-97 check, naming it', () => {
    const p = ibanProbleem('NL91ABNA0417164301')
    expect(p).toMatchObject({ name: 'iban', code: 'ongeldige-iban' })
    expect(p?.reason.nl).toMatch(/controlecijfers/)
    expect(p?.reason.en).toMatch(/check digits/)
    // Two swapped digits.
    expect(isGeldigeIban('NL91ABNA0417163400')).toBe(false)
  })

  it('refuses the wrong length for the country and what is no IBAN at all', () => {
    expect(ibanProbleem('NL91ABNA041716430')?.reason.nl).toMatch(/NL heeft 18 tekens; deze heeft er 17/)
    expect(ibanProbleem('1234')?.reason.nl).toMatch(/landcode/)
    expect(ibanProbleem('NL91 ABNA 0417 1643 0€')?.code).toBe('ongeldige-iban')
    expect(isGeldigeIban('')).toBe(false)
  })

  it('is stored without spaces and shown in groups of four', () => {
    expect(normaliseerIban(' nl91 abna\u00a00417-1643 00 ')).toBe('NL91ABNA0417164300')
    expect(ibanInGroepen('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00')
    expect(ibanInGroepen('BE68539007547034')).toBe('BE68 5390 0754 7034')
  })
})

describe('vervaldatum', () => {
  it('counts calendar days from the day the declaratie was made final', () => {
    expect(vervaldatum('2026-10-06', 30)).toBe('2026-11-05')
    expect(vervaldatum('2026-12-15', 30)).toBe('2027-01-14')
    expect(vervaldatum('2028-02-28', 1)).toBe('2028-02-29')
    expect(vervaldatum('2026-10-06', 0)).toBe('2026-10-06')
  })

  it('is not shifted by daylight saving time', () => {
    // Summer time ends on 25 October 2026.
    expect(vervaldatum('2026-10-20', 10)).toBe('2026-10-30')
    expect(vervaldatum('2026-03-20', 14)).toBe('2026-04-03')
  })
})
