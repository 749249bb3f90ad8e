import { describe, expect, it } from 'vitest'
import { type KetenDeclaratieInvoer, maakGeldketen } from '../../src/domain/geldketen.js'

// The money chain per paying organisation: toegerekend, declared by status, paid, open.

const H = 'hilversum'
const W = 'wijdemeren'
const G = 'gooise-meren'
const namen: Record<string, string> = { [H]: 'Hilversum', [W]: 'Wijdemeren', [G]: 'Gooise Meren' }

const posten = [
  { id: 'p1', gemaaktDoorId: H, delen: [{ organisatieId: W, bedrag: 100_00 }] },
  { id: 'p2', gemaaktDoorId: H, delen: [{ organisatieId: W, bedrag: 50_00 }] },
  // A shared post: Hilversum's own part is never declared.
  {
    id: 'p3',
    gemaaktDoorId: H,
    delen: [
      { organisatieId: H, bedrag: 60_00 },
      { organisatieId: G, bedrag: 40_00 },
    ],
  },
  // Not allocated: no parts.
  { id: 'p4', gemaaktDoorId: H },
]

let n = 0
const decl = (over: Partial<KetenDeclaratieInvoer> & Pick<KetenDeclaratieInvoer, 'status' | 'regels'>): KetenDeclaratieInvoer => ({
  id: `d${++n}`,
  nummer: over.status === 'concept' ? null : `2026-000${n}`,
  soort: 'declaratie',
  corrigeertId: null,
  corrigeertNummer: null,
  vanId: H,
  aanId: W,
  periode: '2026-Q1',
  totaal: over.regels.reduce((s, r) => s + r.bedrag, 0),
  betaaldOp: null,
  ...over,
})

const alles = () => true
const invoer = (declaraties: KetenDeclaratieInvoer[], zichtbaar: (van: string, aan: string) => boolean = alles) => ({
  posten,
  declaraties,
  zichtbaar,
  naam: (id: string) => namen[id] ?? id,
  volgorde: [H, G, W],
})

describe('maakGeldketen', () => {
  it('allocates per paying organisation what another made, in the members order', () => {
    const k = maakGeldketen(invoer([]))
    expect(k.organisaties.map((o) => [o.naam, o.toegerekend])).toEqual([
      ['Gooise Meren', 40_00],
      ['Wijdemeren', 150_00],
    ])
    expect(k.organisaties[1]).toMatchObject({ gedeclareerd: 0, openstaand: 0, nogTeDeclareren: 150_00, zichtbaar: true })
    expect(k.totaal.toegerekend).toBe(190_00)
  })

  it('counts concept apart, gedeclareerd = definitief + verzonden + betaald, openstaand = gedeclareerd − betaald', () => {
    const k = maakGeldketen(
      invoer([
        decl({ status: 'betaald', regels: [{ kostenpostId: 'p1', bedrag: 100_00 }], betaaldOp: '2026-04-10T10:00:00Z' }),
        decl({ status: 'verzonden', regels: [{ kostenpostId: 'p2', bedrag: 30_00 }] }),
        decl({ status: 'definitief', regels: [{ kostenpostId: 'p2', bedrag: 5_00 }] }),
        decl({ status: 'concept', regels: [{ kostenpostId: 'p2', bedrag: 15_00 }] }),
      ]),
    )
    const w = k.organisaties.find((o) => o.naam === 'Wijdemeren')
    expect(w).toMatchObject({
      toegerekend: 150_00,
      concept: 15_00,
      definitief: 5_00,
      verzonden: 30_00,
      betaald: 100_00,
      gedeclareerd: 135_00,
      openstaand: 35_00,
      nogTeDeclareren: 15_00,
    })
    expect(w?.van[0]?.declaraties.map((d) => d.status)).toEqual(['betaald', 'verzonden', 'definitief', 'concept'])
  })

  it('counts a correction with its original (its lines are differences) and only lines on this samenwerking’s posts', () => {
    const k = maakGeldketen(
      invoer([
        decl({
          status: 'betaald',
          regels: [
            { kostenpostId: 'p1', bedrag: 90_00 },
            { kostenpostId: 'elders', bedrag: 1_000_00 },
          ],
        }),
        decl({
          status: 'definitief',
          soort: 'correctie',
          corrigeertId: 'd5',
          corrigeertNummer: '2026-0005',
          regels: [{ kostenpostId: 'p1', bedrag: 10_00 }],
        }),
        decl({ status: 'betaald', regels: [{ kostenpostId: 'alleen-elders', bedrag: 7_00 }] }),
      ]),
    )
    const w = k.organisaties.find((o) => o.naam === 'Wijdemeren')
    expect(w).toMatchObject({ betaald: 90_00, definitief: 10_00, gedeclareerd: 100_00, openstaand: 10_00 })
    expect(w?.van[0]?.declaraties).toHaveLength(2)
    expect(w?.van[0]?.declaraties[0]).toMatchObject({ bedrag: 90_00, totaal: 1_090_00 })
    expect(w?.van[0]?.declaraties[1]).toMatchObject({ soort: 'correctie', corrigeertNummer: '2026-0005' })
  })

  it('a third organisation sees "niet zichtbaar" (null), never a zero, and totals that include it are null too', () => {
    const declaraties = [decl({ status: 'betaald', regels: [{ kostenpostId: 'p1', bedrag: 100_00 }] })]
    // The caller is Gooise Meren: it sees its own pair with Hilversum, not Hilversum → Wijdemeren.
    const k = maakGeldketen(invoer(declaraties, (van, aan) => van === G || aan === G))
    const w = k.organisaties.find((o) => o.naam === 'Wijdemeren')
    expect(w).toMatchObject({ toegerekend: 150_00, zichtbaar: false, betaald: null, gedeclareerd: null, openstaand: null, concept: null })
    expect(w?.van[0]?.declaraties).toEqual([])
    expect(k.organisaties.find((o) => o.naam === 'Gooise Meren')).toMatchObject({ zichtbaar: true, gedeclareerd: 0 })
    expect(k.totaal).toMatchObject({ toegerekend: 190_00, zichtbaar: false, betaald: null })
  })
})
