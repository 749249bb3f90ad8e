import { describe, expect, it } from 'vitest'
import { beginKeuzes, samenvoegen, vergelijk } from './conflict-logica'

describe('an edit conflict, field by field', () => {
  const basis = { naam: 'Hilversum', toelichting: 'Oud', website: '', leden: ['a'] }
  const mijn = { naam: 'Gemeente Hilversum', toelichting: 'Oud', website: '', leden: ['a'] }
  const ander = { naam: 'Hilversum', toelichting: 'Nieuw van de ander', website: 'https://x.nl', leden: ['a'] }
  const staten = vergelijk(Object.keys(basis), (kant, s) => ({ basis, mijn, ander })[kant][s as keyof typeof basis])

  it('marks what differs and who changed it', () => {
    expect(staten).toEqual([
      { sleutel: 'naam', verschilt: true, doorMij: true, doorAnder: false },
      { sleutel: 'toelichting', verschilt: true, doorMij: false, doorAnder: true },
      { sleutel: 'website', verschilt: true, doorMij: false, doorAnder: true },
      { sleutel: 'leden', verschilt: false, doorMij: false, doorAnder: false },
    ])
  })

  it('keeps my change and the other person’s where I changed nothing', () => {
    const keuzes = beginKeuzes(staten)
    expect(keuzes).toEqual({ naam: 'mijn', toelichting: 'ander', website: 'ander' })
    expect(samenvoegen(mijn, ander, keuzes)).toEqual({
      naam: 'Gemeente Hilversum',
      toelichting: 'Nieuw van de ander',
      website: 'https://x.nl',
      leden: ['a'],
    })
  })

  it('takes my value where I choose it, also against a change of the other', () => {
    expect(samenvoegen(mijn, ander, { naam: 'mijn', toelichting: 'mijn', website: 'ander' }).toelichting).toBe('Oud')
  })

  it('keeps mine when both changed the same field (the person decides)', () => {
    const s = vergelijk(['x'], (kant) => ({ basis: 1, mijn: 2, ander: 3 })[kant])
    expect(beginKeuzes(s)).toEqual({ x: 'mijn' })
  })
})
