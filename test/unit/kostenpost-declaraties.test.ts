import { describe, expect, it } from 'vitest'
import { declaratiesVanPost, type PostInDeclaratie, type PostNu } from '../../src/domain/kostenpost-declaraties.js'

const rij = (o: Partial<PostInDeclaratie>): PostInDeclaratie => ({
  id: 'd1',
  nummer: '2026-0001',
  soort: 'declaratie',
  status: 'definitief',
  periode: '2026-Q1',
  periodeStart: '2026-01-01',
  periodeEind: '2026-03-31',
  corrigeertId: null,
  corrigeertNummer: null,
  vanId: 'A',
  vanNaam: 'Gastheer',
  aanId: 'B',
  aanNaam: 'Afnemer',
  bedrag: 1000,
  ...o,
})
const nu = (o: Partial<PostNu> = {}): PostNu => ({
  periodeStart: '2026-01-01',
  periodeEind: '2026-03-31',
  gemaaktDoorId: 'A',
  delen: new Map([['B', 1200]]),
  ...o,
})

describe('declaratiesVanPost', () => {
  it('asks for a correction when a definitive declaratie differs from the part now, not for a concept', () => {
    expect(declaratiesVanPost([rij({})], nu())[0]).toMatchObject({ gedeclareerdBedrag: 1000, actueelBedrag: 1200, correctieNodig: true })
    expect(declaratiesVanPost([rij({ status: 'concept', nummer: null })], nu())[0]?.correctieNodig).toBe(false)
    expect(declaratiesVanPost([rij({ bedrag: 1200 })], nu())[0]?.correctieNodig).toBe(false)
  })
  it('counts corrections that left concept, and lists every correction after its original', () => {
    const uit = declaratiesVanPost(
      [
        rij({}),
        rij({ id: 'c1', soort: 'correctie', corrigeertId: 'd1', bedrag: 200, nummer: '2026-0002' }),
        rij({ id: 'c2', soort: 'correctie', corrigeertId: 'd1', bedrag: 50, status: 'concept', nummer: null }),
      ],
      nu(),
    )
    expect(uit.map((d) => d.id)).toEqual(['d1', 'c1', 'c2'])
    expect(uit[0]).toMatchObject({ gedeclareerdBedrag: 1200, correctieNodig: false })
    expect(uit[1]).toMatchObject({ gedeclareerdBedrag: null, actueelBedrag: null, correctieNodig: false })
  })
  it('owes nothing in a declaratie the post moved out of (other period or maker), and knows nothing when it cannot be allocated', () => {
    expect(declaratiesVanPost([rij({})], nu({ periodeStart: '2026-04-01', periodeEind: '2026-06-30' }))[0]).toMatchObject({
      actueelBedrag: 0,
      correctieNodig: true,
    })
    expect(declaratiesVanPost([rij({})], nu({ gemaaktDoorId: 'X' }))[0]?.actueelBedrag).toBe(0)
    expect(declaratiesVanPost([rij({})], nu({ delen: new Map() }))[0]?.actueelBedrag).toBe(0)
    expect(declaratiesVanPost([rij({})], undefined)[0]).toMatchObject({ actueelBedrag: null, correctieNodig: false })
  })
})
