import { describe, expect, it } from 'vitest'
import { bewijsStand, dagenTussen, perPartij, plusDagen, tijdstipAlsDatum } from './api'

// Where evidence stands on a date, open findings per party, and the date arithmetic the
// trust pages share (calendar days in Europe/Amsterdam).

describe('bewijsStand', () => {
  const b = (geldigVanaf: string, geldigTot?: string) => ({ geldigVanaf, ...(geldigTot ? { geldigTot } : {}) })
  it('says expired from the day after the last valid day', () => {
    expect(bewijsStand(b('2023-03-02', '2026-03-01'), '2026-03-02')).toEqual({ soort: 'verlopen', datum: '2026-03-01' })
    expect(bewijsStand(b('2023-03-02', '2026-03-01'), '2026-03-01')).toEqual({ soort: 'vandaag', datum: '2026-03-01' })
  })
  it('says expiring within the window, inclusive, and valid beyond it', () => {
    expect(bewijsStand(b('2026-01-01', '2027-03-07'), '2026-12-07', 90)).toEqual({ soort: 'binnenkort', datum: '2027-03-07', dagen: 90 })
    expect(bewijsStand(b('2026-01-01', '2027-03-08'), '2026-12-07', 90)).toEqual({ soort: 'geldig', datum: '2027-03-08' })
  })
  it('knows evidence without an end date and evidence not valid yet', () => {
    expect(bewijsStand(b('2019-01-01'), '2026-12-07')).toEqual({ soort: 'zonderEinde' })
    expect(bewijsStand(b('2027-01-01', '2028-01-01'), '2026-12-07')).toEqual({ soort: 'nogNiet', datum: '2027-01-01' })
  })
})

describe('dates', () => {
  it('adds days across months, years and a leap day', () => {
    expect(plusDagen('2026-12-07', 90)).toBe('2027-03-07')
    expect(plusDagen('2028-02-28', 1)).toBe('2028-02-29')
    expect(plusDagen('2026-01-01', -1)).toBe('2025-12-31')
    expect(dagenTussen('2026-12-07', '2027-03-07')).toBe(90)
  })
  it('takes the calendar day of a moment in Amsterdam, not in UTC', () => {
    expect(tijdstipAlsDatum('2026-12-31T23:30:00Z')).toBe('2027-01-01')
    expect(tijdstipAlsDatum('2026-07-01T21:59:00Z')).toBe('2026-07-01')
    expect(tijdstipAlsDatum('2026-07-01T22:00:00Z')).toBe('2026-07-02')
  })
})

describe('perPartij', () => {
  it('puts the party with the most severe findings first, then by count, then by name', () => {
    const f = (partijId: string, ernst: 'hoog' | 'middel' | 'laag') => ({ partijId, partijNaam: partijId.toUpperCase(), ernst })
    const uit = perPartij([f('b', 'middel'), f('b', 'middel'), f('a', 'hoog'), f('c', 'middel'), f('c', 'middel'), f('d', 'laag')])
    expect(uit.map((p) => [p.partijId, p.hoog, p.middel, p.laag, p.totaal])).toEqual([
      ['a', 1, 0, 0, 1],
      ['b', 0, 2, 0, 2],
      ['c', 0, 2, 0, 2],
      ['d', 0, 0, 1, 1],
    ])
  })
})
