import Type from 'typebox'
import { describe, expect, it } from 'vitest'
import {
  DATUM_JAAR_PATTERN,
  JAAR_MAX,
  JAAR_MIN,
  jaarInBereik,
  leesPeriode,
  PERIODE_PATTERN,
  periodeProbleem,
} from '../../src/domain/periode.js'
import { Datum } from '../../src/schemas/common.js'
import { Jaar, Periode } from '../../src/schemas/kosten.js'
import { validateBody } from '../../src/schemas/validator.js'

// One range of years for periods, year fields and dates: every period and date the
// schemas accept is a date PostgreSQL stores (it has no year 0000).

const jaar4 = (j: number) => String(j).padStart(4, '0')

describe('the year range', () => {
  it('is 1900 to 2200, inclusive', () => {
    expect([JAAR_MIN, JAAR_MAX]).toEqual([1900, 2200])
    expect(jaarInBereik(1900)).toBe(true)
    expect(jaarInBereik(2200)).toBe(true)
    expect(jaarInBereik(1899)).toBe(false)
    expect(jaarInBereik(2201)).toBe(false)
    expect(jaarInBereik(0)).toBe(false)
    expect(jaarInBereik(2026.5)).toBe(false)
  })

  it('the period and date patterns accept exactly the years in range (0000–9999)', () => {
    const periode = new RegExp(PERIODE_PATTERN)
    const datum = new RegExp(DATUM_JAAR_PATTERN)
    for (let j = 0; j <= 9999; j++) {
      const y = jaar4(j)
      const verwacht = jaarInBereik(j)
      expect(periode.test(y), y).toBe(verwacht)
      expect(periode.test(`${y}-Q4`), `${y}-Q4`).toBe(verwacht)
      expect(periode.test(`${y}-12`), `${y}-12`).toBe(verwacht)
      expect(datum.test(`${y}-01-01`), `${y}-01-01`).toBe(verwacht)
    }
  })
})

describe('leesPeriode and periodeProbleem', () => {
  it('read year, quarter and month at both ends of the range', () => {
    expect(leesPeriode('1900')).toMatchObject({ soort: 'jaar', start: '1900-01-01', eind: '1900-12-31' })
    expect(leesPeriode('2200-Q4')).toMatchObject({ soort: 'kwartaal', start: '2200-10-01', eind: '2200-12-31' })
    expect(leesPeriode('2200-02')).toMatchObject({ soort: 'maand', start: '2200-02-01', eind: '2200-02-28' })
  })

  it('refuse year 0000 and every year outside the range, naming the range', () => {
    for (const code of ['0000', '0000-Q1', '0000-01', '0001', '1899-12', '2201', '9999-Q4']) {
      expect(leesPeriode(code), code).toBeUndefined()
      const p = periodeProbleem('periode', code)
      expect(p?.code, code).toBe('ongeldige-periode')
      expect(p?.reason.nl).toContain('1900 tot en met 2200')
      expect(p?.reason.en).toContain('1900 to 2200')
    }
    expect(periodeProbleem('periode', '2026-Q3')).toBeUndefined()
  })
})

describe('the schemas use the rule', () => {
  const body = Type.Object({ periode: Periode('P.'), jaar: Jaar('J.'), datum: Datum('D.') }, { additionalProperties: false })
  const fouten = (v: Record<string, unknown>) => validateBody(body, { periode: '2026', jaar: 2026, datum: '2026-01-01', ...v })

  it('accepts the ends of the range', () => {
    expect(fouten({ periode: '1900-01', jaar: 1900, datum: '1900-01-01' })).toEqual([])
    expect(fouten({ periode: '2200-Q4', jaar: 2200, datum: '2200-12-31' })).toEqual([])
  })

  it('refuses years outside it at the field, with the range in the reason', () => {
    for (const periode of ['0000', '0000-Q1', '0000-01', '1899', '2201-12']) {
      const [f] = fouten({ periode })
      expect(f?.name, periode).toBe('periode')
      expect(f?.reason.nl).toContain('1900 tot en met 2200')
    }
    for (const jaar of [0, 1899, 2201])
      expect(
        fouten({ jaar }).map((f) => f.name),
        String(jaar),
      ).toEqual(['jaar'])
    for (const datum of ['0000-01-01', '0001-01-01', '1899-12-31', '2201-01-01', '9999-12-31']) {
      const f = fouten({ datum })
      expect(
        f.map((x) => x.name),
        datum,
      ).toEqual(['datum'])
      expect(f[0]?.reason.nl).toContain('1900 tot en met 2200')
    }
  })
})
