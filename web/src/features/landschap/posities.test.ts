import { describe, expect, it } from 'vitest'
import type { Landschap } from './model'
import { posities } from './tekening'

function landschap(organisaties: number, applicaties: number): Landschap {
  const knopen: Landschap['knopen'] = [
    ...Array.from({ length: organisaties }, (_, i) => ({ id: `o${i}`, soort: 'organisatie' as const, naam: `Org ${i}` })),
    ...Array.from({ length: applicaties }, (_, i) => ({ id: `a${i}`, soort: 'applicatie' as const, naam: `App ${i}` })),
  ]
  const verbindingen: Landschap['verbindingen'] = Array.from({ length: applicaties }, (_, i) => ({
    soort: 'gebruikt' as const,
    bron: `o${i % organisaties}`,
    doel: `a${i}`,
  }))
  // One hub: a0 is linked to many others.
  for (let i = 1; i < Math.min(applicaties, 50); i++)
    verbindingen.push({ soort: 'koppeling', bron: 'a0', doel: `a${i}`, koppelingId: `k${i}` })
  return { knopen, verbindingen }
}

describe('positions of a large landscape', () => {
  const l = landschap(20, 1980)
  const p = posities(l)
  const afstand = (id: string) => Math.hypot(p.get(id)?.x ?? Number.NaN, p.get(id)?.y ?? Number.NaN)

  it('places every node, no two on the same spot', () => {
    expect(p.size).toBe(2000)
    const plekken = new Set([...p.values()].map(({ x, y }) => `${Math.round(x)},${Math.round(y)}`))
    expect(plekken.size).toBe(2000)
  })

  it('puts organisations on the inner ring and the busiest applicatie nearest to them', () => {
    const buitensteOrganisatie = Math.max(...l.knopen.filter((k) => k.soort === 'organisatie').map((k) => afstand(k.id)))
    const applicaties = l.knopen.filter((k) => k.soort === 'applicatie').map((k) => afstand(k.id))
    expect(Math.min(...applicaties)).toBeGreaterThan(buitensteOrganisatie)
    expect(afstand('a0')).toBe(Math.min(...applicaties))
  })
})
