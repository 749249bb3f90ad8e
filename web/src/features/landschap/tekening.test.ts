import { describe, expect, it } from 'vitest'
import type { Landschap } from './model'
import { elementen, getekendeKoppelingen, lijnenPerKnoop, MAAT, opmaak, tekening } from './tekening'

// Issue 20.18: the landschap is drawn the same on every visit (same input, same positions;
// no random start) and names do not overlap. Issue 20.4: the tables count exactly the
// lines the graph draws.

const org = (id: string, naam = id) => ({ id, soort: 'organisatie' as const, naam })
const app = (id: string, naam = id) => ({ id, soort: 'applicatie' as const, naam })
const lv = (id: string, naam = id) => ({ id, soort: 'voorziening' as const, naam })

function demo(): Landschap {
  const knopen = [
    org('o1', 'Bloemendaal'),
    org('o2', 'Heemstede'),
    ...Array.from({ length: 30 }, (_, i) => app(`a${i}`, `Applicatie met een lange naam ${i}`)),
    lv('voorziening:brp', 'BRP'),
    lv('voorziening:bag', 'BAG'),
  ]
  const verbindingen: Landschap['verbindingen'] = [
    ...Array.from({ length: 30 }, (_, i) => ({ soort: 'gebruikt' as const, bron: i % 2 ? 'o1' : 'o2', doel: `a${i}` })),
    { soort: 'koppeling', bron: 'a0', doel: 'a1', koppelingId: 'k1', naam: 'Zaak – DMS', richting: 'A→B', status: 'in gebruik' },
    { soort: 'koppeling', bron: 'voorziening:brp', doel: 'a2', via: 'a3', koppelingId: 'k2', naam: 'BRP via makelaar' },
    { soort: 'koppeling', bron: 'a4', doel: 'voorziening:bag', koppelingId: 'k3', naam: 'BAG-mutaties' },
    { soort: 'koppeling', bron: 'a0', doel: 'a29', koppelingId: 'k4', naam: 'Ver weg' },
  ]
  return { knopen, verbindingen }
}

const schud = <T>(xs: T[]): T[] =>
  xs
    .map((x, i) => ({ x, k: (i * 7919) % 31 }))
    .sort((a, b) => a.k - b.k)
    .map(({ x }) => x)

describe('opmaak: the layout', () => {
  it('gives the same positions for the same landschap, whatever the order it arrives in', () => {
    const l = demo()
    const eerste = opmaak(l)
    expect(opmaak(demo())).toEqual(eerste)
    expect(opmaak({ knopen: schud(l.knopen), verbindingen: schud(l.verbindingen) })).toEqual(eerste)
    expect(tekening(l)).toEqual(tekening(demo()))
  })

  it('places every node, and no name overlaps another name or node', () => {
    const l = demo()
    const p = opmaak(l)
    expect(p.size).toBe(l.knopen.length)
    const half = MAAT.knoop / 2
    const naam = (q: { x: number; y: number }) => ({
      x1: q.x - MAAT.naamBreedte / 2,
      x2: q.x + MAAT.naamBreedte / 2,
      y1: q.y + half + MAAT.naamMarge,
      y2: q.y + half + MAAT.naamMarge + MAAT.naamHoogte,
    })
    const knoop = (q: { x: number; y: number }) => ({ x1: q.x - half, x2: q.x + half, y1: q.y - half, y2: q.y + half })
    type Box = ReturnType<typeof knoop>
    const raakt = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2
    const ids = [...p.keys()]
    for (const a of ids)
      for (const b of ids) {
        if (a === b) continue
        const pa = p.get(a) as { x: number; y: number }
        const pb = p.get(b) as { x: number; y: number }
        expect(raakt(naam(pa), naam(pb)), `${a} / ${b}`).toBe(false)
        expect(raakt(naam(pa), knoop(pb)), `${a} / ${b}`).toBe(false)
      }
  })

  it('puts organisations left, applicaties in the middle and voorzieningen right', () => {
    const p = opmaak(demo())
    const x = (id: string) => p.get(id)?.x ?? Number.NaN
    expect(x('o1')).toBeLessThan(x('a0'))
    expect(Math.max(...Array.from({ length: 30 }, (_, i) => x(`a${i}`)))).toBeLessThan(x('voorziening:brp'))
  })

  it('bends a line between two nodes of one column', () => {
    const els = tekening(demo())
    const k4 = els.find((e) => e.data.id === 'k:k4')
    // Past the names of its column: the apex lies half the control distance out.
    expect(Math.abs(Number(k4?.data.kromming)) / 2).toBeGreaterThan(MAAT.naamBreedte / 2)
  })
})

describe('the tables count what the graph draws', () => {
  it('counts per node exactly the lines drawn at it, a via-koppeling as two lines', () => {
    const l = demo()
    const els = elementen(l)
    const lijnen = lijnenPerKnoop(els)
    const getekend = els.filter((e) => e.group === 'edges')
    for (const k of l.knopen)
      expect(lijnen.get(k.id) ?? 0, k.id).toBe(getekend.filter((e) => e.data.source === k.id || e.data.target === k.id).length)
    expect(lijnen.get('a3')).toBe(3) // used by an organisation, and the two halves of the via-koppeling
    expect(getekendeKoppelingen(l, els).map((v) => v.koppelingId)).toEqual(['k3', 'k2', 'k4', 'k1'])
  })

  it('neither draws nor counts nor lists a line to a node that is not in the graph', () => {
    const l = demo()
    l.verbindingen.push({ soort: 'koppeling', bron: 'a5', doel: 'weg', koppelingId: 'k9', naam: 'Naar niets' })
    const els = elementen(l)
    expect(els.some((e) => e.data.koppelingId === 'k9')).toBe(false)
    expect(lijnenPerKnoop(els).get('a5')).toBe(1)
    expect(getekendeKoppelingen(l, els).map((v) => v.koppelingId)).not.toContain('k9')
  })
})
