import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AUDIT_TEXT_MAX, auditHash, chainEntry } from '../../src/domain/auditchain.js'
import { hasUnstorableText, isStorable, storableJson, storableText } from '../../src/domain/storable.js'

// What PostgreSQL gives back for a string (UTF-8 text and jsonb): U+0000 cannot be
// stored, a lone surrogate arrives as U+FFFD. Buffer.from(…, 'utf8') does the latter
// exactly as the pg driver does when it sends a parameter.

const viaUtf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8')

describe('storableText', () => {
  it('turns U+0000 and lone surrogates into U+FFFD, and keeps pairs, RTL and combining marks', () => {
    expect(storableText('a\u0000b')).toBe('a\ufffdb')
    expect(storableText('\ud800\udc00x\udc00\ud800')).toBe('\ud800\udc00x\ufffd\ufffd')
    for (const s of ['😀', '👩‍👩‍👧‍👦', '\u202egnilleppoK', 'مرحبا', 'Z̷̢̛a̸l̵g̶o̴', '\ufeff', '\uffff']) expect(storableText(s)).toBe(s)
  })

  it('matches what UTF-8 encoding makes of any string without U+0000', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const withoutNul = s.split('\u0000').join('')
        expect(storableText(withoutNul)).toBe(viaUtf8(withoutNul))
        expect(isStorable(storableText(s))).toBe(true)
      }),
    )
  })
})

describe('storableJson', () => {
  it('gives what a jsonb column gives back: through JSON, keys and strings made storable', () => {
    expect(
      storableJson({ 'k\ud800': ['\u0000', 1, null, undefined], d: new Date('2026-01-02T00:00:00Z'), u: undefined, n: Number.NaN }),
    ).toEqual({ 'k\ufffd': ['\ufffd', 1, null, null], d: '2026-01-02T00:00:00.000Z', n: null })
    expect(storableJson(undefined)).toBeNull()
    expect(hasUnstorableText(storableJson({ a: ['\udfff', { '\u0000': 'x' }] }))).toBe(false)
  })

  it('keeps a key named __proto__ as data', () => {
    const v = storableJson(JSON.parse('{"__proto__":{"admin":true}}')) as Record<string, unknown>
    expect(Object.keys(v)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })
})

describe('chainEntry', () => {
  const content = {
    volgnummer: 1,
    tijdstip: '2026-01-01T00:00:00.000Z',
    actor: '\ud800',
    herkomst: 'x'.repeat(10_000),
    actie: 'inloggen',
    objecttype: 'gebruiker',
    objectId: '-',
    resultaat: 'geweigerd',
    voor: { naam: 'a\u0000' },
    na: null,
  }

  it('hashes the content as it will be stored, and returns that content', () => {
    const e = chainEntry(content, undefined)
    expect(e.actor).toBe('\ufffd')
    expect(e.herkomst).toHaveLength(AUDIT_TEXT_MAX)
    expect(e.voor).toEqual({ naam: 'a\ufffd' })
    expect(e.hash).toBe(auditHash(e, e.vorigeHash))
  })
})
