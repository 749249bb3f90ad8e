import { describe, expect, it } from 'vitest'
import waarden from './messages/waarden'
import { LIJSTEN, type Lijst, lijstVan } from './waarden'

// Every value of every shared list reads in both languages; the English UI shows no Dutch value.

describe('labels of the vocabulary values', () => {
  it.each(Object.keys(LIJSTEN) as Lijst[])('%s: a label for every value, and no label for a value that does not exist', (lijst) => {
    for (const taal of ['nl', 'en'] as const) {
      const labels = waarden[taal][lijst] as Record<string, string>
      expect(Object.keys(labels).sort(), `${taal} ${lijst}`).toEqual([...LIJSTEN[lijst]].sort())
      for (const label of Object.values(labels)) expect(label.trim()).not.toBe('')
    }
  })

  it('shows the Dutch UI the values themselves, and translates them in English', () => {
    expect(waarden.nl.kostenSoort.structureel).toBe('structureel')
    expect(waarden.en.kostenSoort.structureel).toBe('recurring')
    expect(waarden.en.kostenCategorie.licenties).toBe('licences')
  })

  it('finds a value’s list by the field’s array, else by the value', () => {
    expect(lijstVan(LIJSTEN.kostenCategorie, 'hosting')).toBe('kostenCategorie')
    expect(lijstVan(undefined, 'in productie')).toBe('applicatieStatus')
    expect(lijstVan(undefined, 'niets')).toBeUndefined()
  })
})
