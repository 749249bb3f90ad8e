import { describe, expect, it } from 'vitest'
import { dubbeleRegels } from '../../src/domain/dubbele-regels.js'
import { msg } from '../../src/domain/errors.js'
import { IMPORT_SLEUTELS } from '../../src/io/csv-columns.js'

const ID = msg('id', 'id')

describe('dubbeleRegels', () => {
  it('reports every repeat at its own line, naming the line it repeats', () => {
    const d = dubbeleRegels('id', ID, [
      { regel: 2, sleutel: 'a' },
      { regel: 3, sleutel: 'b' },
      { regel: 4, sleutel: 'a' },
      { regel: 5, sleutel: 'a' },
    ])
    expect(d.map((x) => x.regel)).toEqual([4, 5])
    expect(d[0]?.fout).toMatchObject({ name: 'id', code: 'dubbel-in-bestand' })
    expect(d[0]?.fout.reason.nl).toBe('Zelfde id als regel 2; een bestand mag elk object maar één keer bevatten.')
    expect(d[0]?.fout.reason.en).toBe('Same id as line 2; a file may hold each object only once.')
    expect(d[1]?.fout.reason.nl).toContain('als regel 2')
  })

  it('ignores rows without a key, and finds nothing in a file without repeats', () => {
    expect(
      dubbeleRegels('id', ID, [
        { regel: 2, sleutel: undefined },
        { regel: 3, sleutel: undefined },
        { regel: 4, sleutel: 'x' },
      ]),
    ).toEqual([])
  })
})

describe('the keys of each kind of import', () => {
  const sleutels = (soort: keyof typeof IMPORT_SLEUTELS, input: Record<string, unknown>, id?: string) =>
    IMPORT_SLEUTELS[soort].map((s) => s.van(input, id))

  it('compare ids without regard to case (PostgreSQL does not either)', () => {
    const id = 'ABCDEF01-2345-4678-89AB-CDEF01234567'
    expect(sleutels('applicaties', {}, id)).toEqual([id.toLowerCase()])
    expect(sleutels('applicaties', {}, undefined)).toEqual([undefined])
  })

  it('include the unique keys the database has: OIN and CBS code, organisatie + maatstaf + jaar', () => {
    expect(sleutels('organisaties', { oin: '00000001001234567000', cbsCode: 'GM0402' })).toEqual([
      undefined,
      '00000001001234567000',
      'GM0402',
    ])
    const org = '11111111-1111-4111-8111-111111111111'
    const a = sleutels('maatstafwaarden', { organisatieId: org, maatstaf: 'fte', jaar: 2026, waarde: 1 })
    const b = sleutels('maatstafwaarden', { organisatieId: org.toUpperCase(), maatstaf: 'fte', jaar: 2026, waarde: 2 })
    expect(a[1]).toBeDefined()
    expect(a[1]).toBe(b[1])
    expect(sleutels('maatstafwaarden', { organisatieId: org, maatstaf: 'fte', jaar: 2027 })[1]).not.toBe(a[1])
    // Half a key (a reference that did not resolve) is reported elsewhere, not as a repeat.
    expect(sleutels('maatstafwaarden', { maatstaf: 'fte', jaar: 2026 })[1]).toBeUndefined()
  })
})
