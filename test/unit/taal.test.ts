import { describe, expect, it } from 'vitest'
import { voorkeurstaal } from '../../src/domain/taal.js'

// Which language the API answers in, from Accept-Language: the preference between Dutch
// and English by quality, Dutch when the header says nothing usable about either.

describe('voorkeurstaal', () => {
  it('gives English when English is preferred, in any case and region', () => {
    for (const h of ['en', 'EN-us', 'en-GB,en;q=0.8', 'nl;q=0.5, en;q=0.9', 'de, en;q=0.8']) expect(voorkeurstaal(h), h).toBe('en')
  })

  it('gives Dutch by default, for Dutch, on a tie won by Dutch, and when English is refused (en;q=0)', () => {
    for (const h of [undefined, '', 'nl', 'nl-NL, en', 'en;q=0', 'en;q=0, nl;q=0.1', 'de-DE', '*', 'english', 'eng'])
      expect(voorkeurstaal(h), String(h)).toBe('nl')
  })

  it('reads nonsense and very long headers as no preference, without failing', () => {
    for (const h of [';;;,,,q=abc', 'en;q=abc', 'en;q=2', 'en;q=-1', ',', `${'x'.repeat(5000)},en`])
      expect(voorkeurstaal(h), h.slice(0, 20)).toBe('nl')
  })
})
