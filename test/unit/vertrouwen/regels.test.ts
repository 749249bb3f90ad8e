import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dagenTussen, datumTekst, plusDagen, plusMaanden } from '../../../src/domain/vertrouwen/datum.js'
import { beleidsregelsVoor, evalueer } from '../../../src/domain/vertrouwen/evaluatie.js'
import { maakIndex } from '../../../src/domain/vertrouwen/index-bouw.js'
import { STANDAARDBELEID, STANDAARDBELEID_ID } from '../../../src/domain/vertrouwen/standaardbeleid.js'
import type { Bevinding, Vertrouwensbeleid, Vertrouwenssituatie } from '../../../src/domain/vertrouwen/typen.js'
import { basis, bewijs, contract, ids, met, PEILDATUM, toegang, volledigBewijs } from './situatie.js'

const regelIds = (s: Vertrouwenssituatie) => evalueer(s).map((f) => f.regelId)
const van = (s: Vertrouwenssituatie, regelId: string): Bevinding[] => evalueer(s).filter((f) => f.regelId === regelId)

describe('datum', () => {
  it('adds months to the last day of a shorter month, leap day included', () => {
    expect(plusMaanden('2028-02-29', 12)).toBe('2029-02-28')
    expect(plusMaanden('2028-02-29', 48)).toBe('2032-02-29')
    expect(plusMaanden('2026-01-31', 1)).toBe('2026-02-28')
    expect(plusMaanden('2026-03-31', -1)).toBe('2026-02-28')
    expect(plusMaanden('2026-06-15', -12)).toBe('2025-06-15')
  })
  it('adds months like the calendar does (against Date, for any date and offset)', () => {
    const naarDatum = (ms: number) => new Date(ms).toISOString().slice(0, 10)
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: -240, max: 240 }), (ms, n) => {
        const d = new Date(ms)
        const laatste = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n + 1, 0)).getUTCDate()
        const verwacht = naarDatum(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, Math.min(d.getUTCDate(), laatste)))
        expect(plusMaanden(naarDatum(ms), n)).toBe(verwacht)
      }),
    )
  })
  it('counts days across a leap day and writes dates out', () => {
    expect(dagenTussen('2028-02-28', '2028-03-01')).toBe(2)
    expect(plusDagen('2028-02-28', 1)).toBe('2028-02-29')
    expect(datumTekst('2026-03-01')).toEqual({ nl: '1 maart 2026', en: '1 March 2026' })
  })
})

describe('vereist-bewijs', () => {
  const regel = 'bewijs-hoog-of-persoonsgegevens'

  it('passes with a valid certificate and a verwerkersovereenkomst with the owner', () => {
    expect(regelIds(met({ toegangen: [toegang()], bewijsstukken: volledigBewijs() }))).toEqual([])
  })

  it('holds on the last day of validity and breaks the day after', () => {
    const stukken = (geldigTot: string) => [bewijs({ geldigTot }), ...volledigBewijs().slice(1)]
    expect(van(met({ toegangen: [toegang()], bewijsstukken: stukken(PEILDATUM) }), regel)).toEqual([])
    const gisteren = van(met({ toegangen: [toegang()], bewijsstukken: stukken(plusDagen(PEILDATUM, -1)) }), regel)
    expect(gisteren).toHaveLength(1)
    expect(gisteren[0]?.uitleg.nl).toContain('verlopen op 14 juni 2026')
    expect(gisteren[0]?.uitleg.en).toContain('expired on 14 June 2026')
  })

  it('does not count evidence that starts tomorrow, and says so', () => {
    const [f] = van(
      met({ toegangen: [toegang()], bewijsstukken: [bewijs({ geldigVanaf: plusDagen(PEILDATUM, 1) }), ...volledigBewijs().slice(1)] }),
      regel,
    )
    expect(f?.uitleg.nl).toContain('pas geldig vanaf 16 juni 2026')
  })

  it('names the missing verwerkersovereenkomst with the owner; one with another municipality does not count', () => {
    const stukken = [bewijs(), bewijs({ id: 'b-vo', soort: 'verwerkersovereenkomst', getekendMetId: ids.b, geldigTot: undefined })]
    const [f] = van(met({ toegangen: [toegang()], bewijsstukken: stukken }), regel)
    expect(f).toMatchObject({
      sleutel: `${STANDAARDBELEID_ID}/${regel}/toegang/t-1`,
      ernst: 'hoog',
      partijId: ids.l,
      eigenaarId: ids.a,
      toegangId: 't-1',
      koppelingIds: [ids.kBrp],
      gastheerschapIds: [ids.gBel],
      applicatieIds: [ids.zaak],
      ontbrekendBewijs: [{ eenVan: ['verwerkersovereenkomst'], getekendMetId: ids.a, geldigOp: PEILDATUM }],
    })
    expect(f?.uitleg.nl).toContain('verwerkersovereenkomst met Gemeente Aadorp van Leverancier Lux ontbreekt')
    expect(f?.herstel.en).toContain('Record a data processing agreement with Gemeente Aadorp of Leverancier Lux valid on 15 June 2026')
  })

  it('does not apply to a koppeling without persoonsgegevens below hoog, and applies to a network zone', () => {
    expect(van(met({ toegangen: [toegang({ object: { soort: 'koppeling', id: ids.kOpen } })] }), regel)).toEqual([])
    const zone = toegang({ object: { soort: 'netwerkzone', naam: 'Beheer', eigenaarId: ids.a } })
    expect(van(met({ toegangen: [zone] }), regel)).toHaveLength(1)
  })

  it('derives an applicatie’s classification from its koppelingen, and treats an unregistered object as hoog', () => {
    expect(van(met({ toegangen: [toegang({ object: { soort: 'applicatie', id: ids.bel } })] }), regel)).toEqual([])
    expect(van(met({ toegangen: [toegang({ object: { soort: 'applicatie', id: ids.zaak } })] }), regel)).toHaveLength(1)
    expect(van(met({ toegangen: [toegang({ object: { soort: 'applicatie', id: 'onbekend' } })] }), regel)).toHaveLength(1)
  })

  it('asks nothing of a municipality in the default policy (partijTypes), and everything with alleVan', () => {
    expect(van(met({ toegangen: [toegang({ partijId: ids.b })] }), regel)).toEqual([])
    const eigen: Vertrouwensbeleid = {
      id: 'beleid-a',
      eigenaarId: ids.a,
      naam: 'Beleid Aadorp',
      versie: 1,
      samenwerkingIds: [],
      regels: [
        {
          id: 'pentest',
          soort: 'vereist-bewijs',
          ernst: 'hoog',
          maatregel: 'BIO2 8.8',
          vanafVertrouwelijkheid: 'midden',
          bijPersoonsgegevens: false,
          netwerkzones: false,
          alleVan: ['pentest', 'geheimhoudingsverklaring'],
          eenVan: [],
          verwerkersovereenkomstMetEigenaar: false,
        },
      ],
    }
    const [f] = evalueer(
      met({
        beleid: [STANDAARDBELEID, eigen],
        toegangen: [toegang({ partijId: ids.b })],
        bewijsstukken: [bewijs({ organisatieId: ids.b, soort: 'pentest' })],
      }),
    )
    expect(f?.ontbrekendBewijs).toEqual([{ eenVan: ['geheimhoudingsverklaring'], geldigOp: PEILDATUM }])
  })
})

describe('herbeoordeling', () => {
  const regel = 'herbeoordeling-jaarlijks'
  it('is due 12 months after the last review, and overdue the day after', () => {
    const opTijd = met({ peildatum: '2027-01-01', toegangen: [toegang({ laatsteBeoordeling: '2026-01-01' })] })
    expect(van(opTijd, regel)).toEqual([])
    const [f] = van({ ...opTijd, peildatum: '2027-01-02' }, regel)
    expect(f).toMatchObject({ datum: '2027-01-01', toegangId: 't-1' })
    expect(f?.uitleg.nl).toContain('herbeoordeling was uiterlijk 1 januari 2027 nodig')
  })
  it('counts from geldigVanaf when never reviewed, a leap day plus a year being 28 February', () => {
    const s = met({ peildatum: '2029-02-28', toegangen: [toegang({ geldigVanaf: '2028-02-29', laatsteBeoordeling: undefined })] })
    expect(van(s, regel)).toEqual([])
    const [f] = van({ ...s, peildatum: '2029-03-01' }, regel)
    expect(f?.uitleg.nl).toContain('is nooit herbeoordeeld (verleend op 29 februari 2028)')
    expect(f?.datum).toBe('2029-02-28')
  })
  it('ignores grants that ended or have not started', () => {
    const oud = toegang({ laatsteBeoordeling: '2020-01-01', geldigVanaf: '2020-01-01', geldigTot: plusDagen(PEILDATUM, -1) })
    const later = toegang({ id: 't-2', laatsteBeoordeling: undefined, geldigVanaf: plusDagen(PEILDATUM, 1) })
    expect(evalueer(met({ toegangen: [oud, later] }))).toEqual([])
  })
})

describe('verloopwaarschuwing', () => {
  const regel = 'verloop-60-dagen'
  const op = (geldigTot: string) => met({ toegangen: [toegang()], bewijsstukken: [bewijs({ geldigTot }), ...volledigBewijs().slice(1)] })
  it('warns on the last day, within the window and exactly at it, not one day past it', () => {
    expect(van(op(PEILDATUM), regel)[0]?.uitleg.nl).toContain('vandaag de laatste dag')
    expect(van(op(plusDagen(PEILDATUM, 1)), regel)).toHaveLength(1)
    const [rand] = van(op(plusDagen(PEILDATUM, 60)), regel)
    expect(rand).toMatchObject({
      sleutel: `${STANDAARDBELEID_ID}/${regel}/bewijsstuk/b-iso`,
      bewijsstukId: 'b-iso',
      ernst: 'laag',
      datum: '2026-08-14',
    })
    expect(rand?.uitleg.nl).toContain('nog 60 dagen')
    expect(van(op(plusDagen(PEILDATUM, 61)), regel)).toEqual([])
  })
  it('does not warn when a successor takes over the next day, nor about evidence no rule relies on', () => {
    const opvolger = bewijs({ id: 'b-iso-2', geldigVanaf: plusDagen(PEILDATUM, 11), geldigTot: '2030-01-01' })
    const s = op(plusDagen(PEILDATUM, 10))
    expect(van({ ...s, bewijsstukken: [...s.bewijsstukken, opvolger] }, regel)).toEqual([])
    expect(van(met({ bewijsstukken: [bewijs({ geldigTot: PEILDATUM })] }), regel)).toEqual([])
  })
  it('says which rules rely on the evidence', () => {
    const s = met({
      toegangen: [toegang()],
      bewijsstukken: [bewijs(), bewijs({ id: 'b-vo', soort: 'verwerkersovereenkomst', getekendMetId: ids.a, geldigTot: '2026-07-01' })],
    })
    const [f] = van(s, regel)
    expect(f?.uitleg.nl).toContain('regels bewijs-hoog-of-persoonsgegevens, verwerkersovereenkomst steunen erop')
  })
})

describe('contracteisen', () => {
  it('finds a contract without exit strategy or right to audit, as separate rules', () => {
    const s = met({ contracten: [contract({ exitstrategie: false, auditrecht: false })], bewijsstukken: [bewijs()] })
    const f = evalueer(s)
    expect(f.map((x) => x.sleutel)).toEqual([
      `${STANDAARDBELEID_ID}/auditrecht/contract/c-1`,
      `${STANDAARDBELEID_ID}/exitstrategie/contract/c-1`,
    ])
    expect(f[1]?.herstel.nl).toContain('Neem een exitstrategie op in het contract en leg vast waar de exitstrategie staat')
  })
  it('checks only contracts active on the peildatum: the end date counts, the day after does not', () => {
    const s = (einddatum: string) => met({ contracten: [contract({ exitstrategie: false, einddatum })], bewijsstukken: [bewijs()] })
    expect(regelIds(s(PEILDATUM))).toEqual(['exitstrategie'])
    expect(regelIds(s(plusDagen(PEILDATUM, -1)))).toEqual([])
  })
})

describe('jaarlijkse-assurance', () => {
  const regel = 'assurance-jaarlijks'
  const s = (geldigVanaf: string) => met({ contracten: [contract()], bewijsstukken: [bewijs({ geldigVanaf })] })
  it('accepts evidence issued exactly 12 months ago, not a day earlier', () => {
    expect(van(s('2025-06-15'), regel)).toEqual([])
    const [f] = van(s('2025-06-14'), regel)
    expect(f?.uitleg.nl).toContain('afgegeven op 14 juni 2025, vóór 15 juni 2025: niet recent genoeg')
    expect(f?.ontbrekendBewijs?.[0]).toMatchObject({ uitgegevenVanaf: '2025-06-15' })
  })
  it('on a leap day looks back to 28 February', () => {
    const schrikkel = (geldigVanaf: string) => ({
      ...met({ contracten: [contract()], bewijsstukken: [bewijs({ geldigVanaf, geldigTot: '2030-12-31' })] }),
      peildatum: '2029-02-28',
    })
    expect(van(schrikkel('2028-02-28'), regel)).toEqual([])
    expect(van(schrikkel('2028-02-27'), regel)).toHaveLength(1)
  })
  it('asks nothing of a party without grants or contracts', () => {
    expect(evalueer(met({ bewijsstukken: [] }))).toEqual([])
  })
})

describe('verwerkersovereenkomst-bij-persoonsgegevens', () => {
  const regel = 'verwerkersovereenkomst'
  it('asks one per owner whose persoonsgegevens the party reaches, through grants and contracts', () => {
    const s = met({
      toegangen: [toegang({ object: { soort: 'applicatie', id: ids.zaak } })],
      contracten: [contract({ id: 'c-b', afnemerId: ids.b, applicatieIds: [ids.zaak] })],
      bewijsstukken: [bewijs(), bewijs({ id: 'b-vo-a', soort: 'verwerkersovereenkomst', getekendMetId: ids.a, geldigTot: undefined })],
    })
    const f = van(s, regel)
    expect(f.map((x) => x.sleutel)).toEqual([`${STANDAARDBELEID_ID}/${regel}/partij/${ids.l}/eigenaar/${ids.b}`])
    expect(f[0]?.uitleg.nl).toContain('Leverancier Lux komt bij persoonsgegevens van Gemeente Beestad via applicatie Zaaksysteem')
  })
  it('is not asked for a koppeling without persoonsgegevens', () => {
    expect(van(met({ toegangen: [toegang({ object: { soort: 'koppeling', id: ids.kOpen } })], bewijsstukken: [bewijs()] }), regel)).toEqual(
      [],
    )
  })
})

describe('koppelingregister', () => {
  const regel = 'koppelingregister'
  it('finds a koppeling not in the register, without owner, or withdrawn', () => {
    const s = basis()
    s.koppelingen = s.koppelingen.map((k) => (k.id === ids.kOpen ? { ...k, eigenaarId: undefined, status: 'teruggetrokken' as const } : k))
    s.toegangen = [toegang({ object: { soort: 'koppeling', id: ids.kOpen } })]
    s.contracten = [contract({ koppelingIds: ['k-weg', ids.kBrp] })]
    s.bewijsstukken = [bewijs()]
    const f = van(s, regel)
    expect(f.map((x) => x.koppelingIds)).toEqual([[ids.kOpen], ['k-weg']])
    expect(f[0]?.uitleg.nl).toBe(
      'Koppeling Open data, genoemd in een toegang van Leverancier Lux, heeft geen eigenaar en heeft status teruggetrokken.',
    )
    expect(f[1]?.uitleg.en).toBe('Data link k-weg, named in a contract of Leverancier Lux, is not in the register.')
  })
})

describe('which policy applies', () => {
  const eigen = (over: Partial<Vertrouwensbeleid>): Vertrouwensbeleid => ({
    id: 'beleid-a',
    eigenaarId: ids.a,
    naam: 'Beleid Aadorp',
    versie: 2,
    samenwerkingIds: [],
    regels: [{ id: 'review-6', soort: 'herbeoordeling', ernst: 'hoog', maatregel: 'BIO 9.2.5', maxMaanden: 6 }],
    ...over,
  })
  const oudeToegang = toegang({ laatsteBeoordeling: '2025-10-01' })

  it('an owner’s own policy replaces the default for its grants', () => {
    const s = met({ beleid: [STANDAARDBELEID, eigen({})], toegangen: [oudeToegang], bewijsstukken: volledigBewijs() })
    expect(evalueer(s).map((f) => f.sleutel)).toEqual(['beleid-a/review-6/toegang/t-1'])
  })

  it('a policy adopted by a samenwerking applies to its leden during membership only', () => {
    const beleid = eigen({ eigenaarId: ids.b, samenwerkingIds: ['sw'] })
    const sw = (einddatum?: string) => [{ id: 'sw', naam: 'SW', leden: [{ organisatieId: ids.a, startdatum: '2020-01-01', einddatum }] }]
    const s = met({ beleid: [STANDAARDBELEID, beleid], samenwerkingen: sw(), toegangen: [oudeToegang], bewijsstukken: volledigBewijs() })
    expect(regelIds(s)).toEqual(['review-6'])
    expect(regelIds({ ...s, samenwerkingen: sw('2026-01-01') })).toEqual([])
    const index = maakIndex(s)
    expect(beleidsregelsVoor(index, oudeToegang).map((r) => `${r.beleid.id}:${r.regel.id}`)).toEqual(['beleid-a:review-6'])
  })

  it('the default rules that read a grant to a hoog koppeling with persoonsgegevens', () => {
    const index = maakIndex(basis())
    expect(beleidsregelsVoor(index, toegang()).map((r) => r.regel.id)).toEqual([
      'bewijs-hoog-of-persoonsgegevens',
      'herbeoordeling-jaarlijks',
      'verwerkersovereenkomst',
      'assurance-jaarlijks',
      'koppelingregister',
      'verloop-60-dagen',
    ])
  })
})

describe('the default policy', () => {
  it('names a control behind every rule and has unique rule ids', () => {
    for (const r of STANDAARDBELEID.regels) expect(r.maatregel).toMatch(/BIO/)
    expect(new Set(STANDAARDBELEID.regels.map((r) => r.id)).size).toBe(STANDAARDBELEID.regels.length)
    expect(STANDAARDBELEID.regels.find((r) => r.soort === 'herbeoordeling')?.maatregel).toBe('BIO 9.2.5; BIO2 5.18')
  })
})
