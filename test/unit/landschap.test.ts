import { describe, expect, it } from 'vitest'
import { bouwLandschap, type LandschapGegevens, type LandschapKoppeling, telKoppelingen } from '../../src/domain/landschap.js'

// The graph is built only from what the caller may see: these pin down that nothing is
// added, that hidden ends hide a koppeling, and how the filters narrow the picture.

const k = (id: string, o: Partial<LandschapKoppeling>): LandschapKoppeling => ({
  id,
  naam: id,
  richting: 'A→B',
  bronApplicatieId: null,
  bronVoorziening: null,
  doelApplicatieId: null,
  doelVoorziening: null,
  viaApplicatieId: null,
  samenwerkingId: null,
  vertrouwelijkheid: 'laag',
  persoonsgegevens: false,
  ...o,
})

const data: LandschapGegevens = {
  applicaties: ['a', 'b', 'c', 'm'].map((id) => ({ id, naam: id.toUpperCase(), status: 'in productie' })),
  gebruik: [
    { applicatieId: 'a', organisatieId: 'O1' },
    { applicatieId: 'a', organisatieId: 'O2' },
    { applicatieId: 'b', organisatieId: 'O2' },
    { applicatieId: 'c', organisatieId: 'O3' },
  ],
  organisaties: ['O1', 'O2', 'O3'].map((id) => ({ id, naam: id, type: 'gemeente' })),
  koppelingen: [
    k('ab', {
      bronApplicatieId: 'a',
      doelApplicatieId: 'b',
      viaApplicatieId: 'm',
      samenwerkingId: 'S',
      vertrouwelijkheid: 'hoog',
      persoonsgegevens: true,
    }),
    k('brp', { bronVoorziening: 'BRP', doelApplicatieId: 'a', samenwerkingId: 'S' }),
    k('cx', { bronApplicatieId: 'c', doelApplicatieId: 'x' }),
    k('bh', { bronApplicatieId: 'b', doelApplicatieId: 'c', viaApplicatieId: 'hidden' }),
  ],
}

const ids = (l: ReturnType<typeof bouwLandschap>) => l.knopen.map((n) => n.id).sort()
const koppelingIds = (l: ReturnType<typeof bouwLandschap>) =>
  l.verbindingen
    .filter((v) => v.soort === 'koppeling')
    .map((v) => v.koppelingId)
    .sort()

describe('bouwLandschap', () => {
  it('draws visible applicaties, their users and voorzieningen; hides a koppeling to an unseen end; drops an unseen via', () => {
    const l = bouwLandschap(data)
    expect(ids(l)).toEqual(['O1', 'O2', 'O3', 'a', 'b', 'c', 'm', 'voorziening:brp'])
    expect(koppelingIds(l)).toEqual(['ab', 'bh', 'brp'])
    expect(l.verbindingen.find((v) => v.koppelingId === 'ab')?.via).toBe('m')
    expect(l.verbindingen.find((v) => v.koppelingId === 'bh')?.via).toBeUndefined()
    expect(JSON.stringify(l)).not.toContain('hidden')
    expect(JSON.stringify(l)).not.toContain('"x"')
  })

  it('narrows to a samenwerking: its koppelingen, what two members share, and only members as users', () => {
    const l = bouwLandschap(data, { samenwerking: { id: 'S', leden: new Set(['O1', 'O2']) } })
    expect(koppelingIds(l)).toEqual(['ab', 'brp'])
    expect(ids(l)).toEqual(['O1', 'O2', 'a', 'b', 'm', 'voorziening:brp'])
  })

  it('narrows to an organisation and to a classification', () => {
    expect(ids(bouwLandschap(data, { organisatieId: 'O3' }))).toEqual(['O3', 'b', 'c'])
    const hoog = bouwLandschap(data, { vertrouwelijkheid: 'hoog' })
    expect(koppelingIds(hoog)).toEqual(['ab'])
    expect(ids(hoog)).toEqual(['O1', 'O2', 'a', 'b', 'm'])
    expect(koppelingIds(bouwLandschap(data, { persoonsgegevens: false }))).toEqual(['bh', 'brp'])
  })
})

describe('telKoppelingen', () => {
  it('counts per confidentiality level and personal data', () => {
    expect(
      telKoppelingen([
        { vertrouwelijkheid: 'hoog', persoonsgegevens: true, aantal: 3 },
        { vertrouwelijkheid: 'laag', persoonsgegevens: false, aantal: 2 },
        { vertrouwelijkheid: 'hoog', persoonsgegevens: false, aantal: 1 },
      ]),
    ).toEqual({ totaal: 6, persoonsgegevens: 3, vertrouwelijkheid: { laag: 2, midden: 0, hoog: 4 } })
  })
})
