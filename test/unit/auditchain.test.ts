import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type AuditContent,
  type AuditEntry,
  auditHash,
  canonicalJson,
  chainEntry,
  GENESIS_HASH,
  verifyAuditChain,
} from '../../src/domain/auditchain.js'

type Content = Omit<AuditContent, 'volgnummer'>

function content(i: number, extra: Partial<Content> = {}): Content {
  return {
    tijdstip: new Date(Date.UTC(2026, 0, 1, 12, 0, i)).toISOString(),
    actor: 'anoniem',
    herkomst: '127.0.0.1',
    actie: i === 1 ? 'aanmaken' : 'wijzigen',
    objecttype: 'organisatie',
    objectId: '00000000-0000-4000-8000-00000000000a',
    resultaat: 'geslaagd',
    voor: i === 1 ? null : { naam: `Naam ${i - 1}`, revisie: i - 1 },
    na: { naam: `Naam ${i}`, revisie: i, inwoners: [{ jaar: 2025, aantal: 1000 + i }] },
    ...extra,
  }
}

/** A chain as the audit log builds it: volgnummers from 1, each linked to the previous. */
function buildChain(contents: Content[]): AuditEntry[] {
  const chain: AuditEntry[] = []
  contents.forEach((c, i) => {
    chain.push(chainEntry({ ...c, volgnummer: i + 1 }, chain[i - 1]))
  })
  return chain
}

const chainOf = (n: number) => buildChain(Array.from({ length: n }, (_, i) => content(i + 1)))
const kinds = (entries: AuditEntry[]) => verifyAuditChain(entries).problems.map((p) => `${p.volgnummer}:${p.kind}`)

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: 'x' }, c: null }
    const b = { c: null, a: { x: 'x', y: [1, { p: 2, q: 1 }] }, b: 1 }
    expect(canonicalJson(a)).toBe(canonicalJson(b))
    expect(canonicalJson(a)).toBe('{"a":{"x":"x","y":[1,{"p":2,"q":1}]},"b":1,"c":null}')
  })

  it('keeps array order and distinguishes values', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]))
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }))
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}))
  })

  it('writes primitives as JSON and undefined as null, and leaves out undefined members', () => {
    expect(canonicalJson('tekst "met" quotes')).toBe(JSON.stringify('tekst "met" quotes'))
    expect(canonicalJson(12.5)).toBe('12.5')
    expect(canonicalJson(true)).toBe('true')
    expect(canonicalJson(null)).toBe('null')
    expect(canonicalJson(undefined)).toBe('null')
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
  })

  it('property: reordering keys anywhere gives the same text, and the text parses back to an equal value', () => {
    const reverseKeys = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reverseKeys)
      if (v && typeof v === 'object') {
        return Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reverseKeys(x)]),
        )
      }
      return v
    }
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v)
        expect(canonicalJson(reverseKeys(v))).toBe(text)
        expect(canonicalJson(JSON.parse(text))).toBe(text)
      }),
    )
  })
})

describe('verifyAuditChain', () => {
  it('finds no problem in a valid chain and reports the head hash', () => {
    const chain = chainOf(6)
    const result = verifyAuditChain(chain)
    expect(result.problems).toEqual([])
    expect(result.checked).toBe(6)
    expect(result.headHash).toBe(chain[5].hash)
    expect(chain[0].vorigeHash).toBe(GENESIS_HASH)
    expect(chain[0].hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('accepts an empty log', () => {
    expect(verifyAuditChain([])).toEqual({ checked: 0, headHash: GENESIS_HASH, problems: [] })
  })

  it('detects a changed row (inhoud-gewijzigd) at that row only', () => {
    const chain = chainOf(5)
    chain[2] = { ...chain[2], na: { ...(chain[2].na as object), naam: 'Vervalst' } }
    expect(kinds(chain)).toEqual(['3:inhoud-gewijzigd'])
  })

  it.each(['tijdstip', 'actor', 'herkomst', 'actie', 'objecttype', 'objectId', 'resultaat'] as const)('detects a change of %s', (field) => {
    const chain = chainOf(3)
    chain[1] = { ...chain[1], [field]: `${chain[1][field]}x` }
    expect(kinds(chain)).toEqual(['2:inhoud-gewijzigd'])
  })

  it('detects a changed voor from a value to null', () => {
    const chain = chainOf(3)
    chain[1] = { ...chain[1], voor: null }
    expect(kinds(chain)).toEqual(['2:inhoud-gewijzigd'])
  })

  it('does not see a change in key order (jsonb reorders keys)', () => {
    const chain = chainOf(3)
    const na = chain[1].na as Record<string, unknown>
    chain[1] = { ...chain[1], na: Object.fromEntries(Object.entries(na).reverse()) }
    expect(kinds(chain)).toEqual([])
  })

  it('detects a row changed and re-hashed, at the next row (keten-onderbroken)', () => {
    const chain = chainOf(5)
    const forged = { ...chain[2], actor: 'iemand anders' }
    chain[2] = { ...forged, hash: auditHash(forged, forged.vorigeHash) }
    expect(kinds(chain)).toEqual(['4:keten-onderbroken'])
  })

  it('detects a deleted middle row (ontbrekend-volgnummer and keten-onderbroken)', () => {
    const chain = chainOf(5)
    chain.splice(2, 1)
    const result = verifyAuditChain(chain)
    expect(result.checked).toBe(4)
    expect(result.problems.map((p) => `${p.volgnummer}:${p.kind}`)).toEqual(['4:ontbrekend-volgnummer', '4:keten-onderbroken'])
    expect(result.problems[0].nl).toContain('Verwacht volgnummer 3, gevonden 4')
  })

  it('detects a deleted first row', () => {
    const chain = chainOf(3)
    expect(kinds(chain.slice(1))).toEqual(['2:ontbrekend-volgnummer', '2:keten-onderbroken'])
  })

  it('detects an inserted row, even one with a correct hash and link', () => {
    const chain = chainOf(5)
    const forged = chainEntry({ ...content(99, { actor: 'indringer' }), volgnummer: 3 }, chain[1])
    chain.splice(2, 0, forged)
    expect(kinds(chain)).toEqual(['3:ontbrekend-volgnummer', '3:keten-onderbroken'])
  })

  it('detects an inserted row with a wrong hash', () => {
    const chain = chainOf(3)
    const forged = { ...chainEntry({ ...content(4), volgnummer: 4 }, chain[2]), hash: 'f'.repeat(64) }
    chain.push(forged)
    expect(kinds(chain)).toEqual(['4:inhoud-gewijzigd'])
  })

  it('detects a reordered pair', () => {
    const chain = chainOf(5)
    ;[chain[1], chain[2]] = [chain[2], chain[1]]
    const found = kinds(chain)
    expect(found).toContain('3:ontbrekend-volgnummer')
    expect(found).toContain('3:keten-onderbroken')
    expect(found).toContain('2:ontbrekend-volgnummer')
    expect(found).toContain('2:keten-onderbroken')
    expect(found).not.toContain('2:inhoud-gewijzigd')
  })

  it('verifies in batches when given the last verified entry, with the same result as one pass', () => {
    const chain = chainOf(7)
    const first = verifyAuditChain(chain.slice(0, 4))
    const rest = verifyAuditChain(chain.slice(4), chain[3])
    expect(first.problems).toEqual([])
    expect(rest.problems).toEqual([])
    expect(rest.headHash).toBe(verifyAuditChain(chain).headHash)
    expect(first.checked + rest.checked).toBe(7)
    // Without the start point the second batch cannot be verified.
    expect(verifyAuditChain(chain.slice(4)).problems.map((p) => p.kind)).toEqual(['ontbrekend-volgnummer', 'keten-onderbroken'])
  })
})

describe('property: the chain', () => {
  const json = fc.jsonValue({ maxDepth: 3 })
  const contentArb: fc.Arbitrary<Content> = fc.record({
    tijdstip: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    actor: fc.string(),
    herkomst: fc.string(),
    actie: fc.constantFrom('aanmaken', 'wijzigen', 'verwijderen', 'importeren'),
    objecttype: fc.constantFrom('organisatie', 'samenwerking', 'gastheerschap', 'applicatie', 'koppeling'),
    objectId: fc.uuid(),
    resultaat: fc.constantFrom('geslaagd', 'mislukt'),
    voor: fc.oneof(fc.constant(null), json),
    na: fc.oneof(fc.constant(null), json),
  })
  const FIELDS = [
    'volgnummer',
    'tijdstip',
    'actor',
    'herkomst',
    'actie',
    'objecttype',
    'objectId',
    'resultaat',
    'voor',
    'na',
    'vorigeHash',
    'hash',
  ] as const

  /** A different value for one field, never equal to the old one after canonicalisation. */
  function mutate(entry: AuditEntry, field: (typeof FIELDS)[number], salt: number): AuditEntry {
    switch (field) {
      case 'volgnummer':
        return { ...entry, volgnummer: entry.volgnummer + (salt === 0 ? 1 : salt) }
      case 'voor':
      case 'na':
        return { ...entry, [field]: { gewijzigd: entry[field], salt } }
      case 'vorigeHash':
      case 'hash': {
        const flipped = (entry[field][0] === '0' ? '1' : '0') + entry[field].slice(1)
        return { ...entry, [field]: flipped }
      }
      default:
        return { ...entry, [field]: `${entry[field]}${salt}` }
    }
  }

  it('a chain built with chainEntry verifies clean', () => {
    fc.assert(
      fc.property(fc.array(contentArb, { minLength: 0, maxLength: 15 }), (contents) => {
        const chain = buildChain(contents)
        const result = verifyAuditChain(chain)
        expect(result.problems).toEqual([])
        expect(result.checked).toBe(contents.length)
        expect(result.headHash).toBe(chain.at(-1)?.hash ?? GENESIS_HASH)
      }),
    )
  })

  it('changing any one field of any one entry is detected', () => {
    fc.assert(
      fc.property(
        fc.array(contentArb, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom(...FIELDS),
        fc.integer({ min: -5, max: 5 }),
        (contents, at, field, salt) => {
          const chain = buildChain(contents)
          const i = at % chain.length
          chain[i] = mutate(chain[i], field, salt)
          expect(verifyAuditChain(chain).problems.length).toBeGreaterThan(0)
        },
      ),
    )
  })

  it('deleting any one entry but the last is detected', () => {
    fc.assert(
      fc.property(fc.array(contentArb, { minLength: 2, maxLength: 10 }), fc.nat(), (contents, at) => {
        const chain = buildChain(contents)
        chain.splice(at % (chain.length - 1), 1)
        expect(verifyAuditChain(chain).problems.length).toBeGreaterThan(0)
      }),
    )
  })
})
