import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { begrepenWaarde, getalMelding, leesGetal } from './getal-invoer'
import getallen from './messages/getallen'

// What the form shows next to a number while it is typed (issue 20, item 12).

const plain = (s: string | undefined) => s?.replace(/\u00a0/g, ' ')

describe('a number as understood while typing', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'nl', resources: { nl: { getallen: getallen.nl }, en: { getallen: getallen.en } } })
  })

  it('shows the amount, count or decimal it was read as', () => {
    expect(plain(begrepenWaarde('bedrag', leesGetal('bedrag', '12.345', 'nl'), 'nl'))).toBe('€ 12.345,00')
    expect(plain(begrepenWaarde('bedrag', leesGetal('bedrag', '12,34', 'nl'), 'nl'))).toBe('€ 12,34')
    expect(begrepenWaarde('aantal', leesGetal('aantal', '12.345', 'nl'), 'nl')).toBe('12.345')
    expect(leesGetal('aantal', '12.345', 'nl')).toEqual({ ok: true, waarde: 12_345 })
    expect(begrepenWaarde('decimaal', leesGetal('decimaal', '1234,5', 'nl'), 'nl')).toBe('1.234,5')
    expect(begrepenWaarde('jaar', leesGetal('jaar', '2026', 'nl'), 'nl')).toBe('2026')
    expect(begrepenWaarde('bedrag', leesGetal('bedrag', '12.34', 'nl'), 'nl')).toBeUndefined()
  })

  it('gives one message per problem, with what was probably meant', () => {
    const t = i18next.t.bind(i18next)
    expect(getalMelding('bedrag', leesGetal('bedrag', '12.34', 'nl'), t)).toMatch(/^Bedoelt u 12,34\? Gebruik een komma/)
    expect(getalMelding('bedrag', leesGetal('bedrag', '12345.678', 'nl'), t)).toMatch(/^Gebruik een komma voor de centen/)
    expect(getalMelding('bedrag', leesGetal('bedrag', '12.345,678', 'nl'), t)).toBe(
      'Een bedrag heeft hoogstens twee cijfers na de komma (hele centen).',
    )
    expect(getalMelding('aantal', leesGetal('aantal', '12,5', 'nl'), t)).toBe('Een aantal is een geheel getal, zonder cijfers na de komma.')
    expect(getalMelding('bedrag', leesGetal('bedrag', '12', 'nl'), t)).toBeUndefined()
  })

  it('reads and shows English in the English UI, with English messages', async () => {
    await i18next.changeLanguage('en')
    const t = i18next.t.bind(i18next)
    expect(plain(begrepenWaarde('bedrag', leesGetal('bedrag', '12,345', 'en'), 'en'))).toBe('€12,345.00')
    expect(begrepenWaarde('aantal', leesGetal('aantal', '12,345', 'en'), 'en')).toBe('12,345')
    expect(getalMelding('bedrag', leesGetal('bedrag', '12,34', 'en'), t)).toMatch(/^Did you mean 12\.34\? Use a point for the cents/)
    expect(getalMelding('aantal', leesGetal('aantal', '12.5', 'en'), t)).toBe('A count is a whole number, without digits after the point.')
    await i18next.changeLanguage('nl')
  })
})
