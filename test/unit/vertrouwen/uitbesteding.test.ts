import { describe, expect, it } from 'vitest'
import { STANDAARDBELEID_ID } from '../../../src/domain/vertrouwen/standaardbeleid.js'
import type { Vertrouwenssituatie } from '../../../src/domain/vertrouwen/typen.js'
import { uitbestedingstoets } from '../../../src/domain/vertrouwen/uitbesteding.js'
import { basis, bewijs, ids, PEILDATUM, toegang } from './situatie.js'

// "Gemeente Aadorp moves its Zaaksysteem to Leverancier Lux": Lux would touch both
// koppelingen of the zaaksysteem (BRP-bevraging as bron, Open data as doel) and the
// belastingen gastheerschap that BRP-bevraging serves.

function landschap(): Vertrouwenssituatie {
  const s = basis()
  s.koppelingen.push({
    id: 'k-zonder-eigenaar',
    naam: 'Archief',
    status: 'in gebruik',
    vertrouwelijkheid: 'midden',
    persoonsgegevens: false,
    viaApplicatieId: ids.zaak,
  })
  return s
}

const vraag = { organisatieId: ids.a, applicatieIds: [ids.zaak], partijId: ids.l }

describe('uitbestedingstoets', () => {
  it('lists the koppelingen, gastheerschappen and grants the party would need, each grantor explained', () => {
    const t = uitbestedingstoets(landschap(), vraag)
    expect(t.koppelingIds).toEqual([ids.kBrp, ids.kOpen, 'k-zonder-eigenaar'])
    expect(t.gastheerschapIds).toEqual([ids.gBel])
    expect(t.benodigdeToegangen.map((b) => [b.object.soort, 'id' in b.object ? b.object.id : b.object.naam, b.verleendDoorId])).toEqual([
      ['applicatie', ids.zaak, ids.a],
      ['koppeling', ids.kBrp, ids.a],
      ['koppeling', ids.kOpen, ids.a],
      ['koppeling', 'k-zonder-eigenaar', ids.a],
    ])
    expect(t.benodigdeToegangen[3]?.reden.nl).toContain('heeft geen eigenaar')
    expect(t.waarschuwingen).toEqual([])
  })

  it('says which rules the party fails today on those grants and which evidence fixes them', () => {
    const t = uitbestedingstoets(landschap(), vraag)
    expect(new Set(t.bevindingen.map((f) => f.regelId))).toEqual(
      new Set(['bewijs-hoog-of-persoonsgegevens', 'verwerkersovereenkomst', 'assurance-jaarlijks', 'koppelingregister']),
    )
    expect(t.bevindingen.every((f) => f.regelId !== 'herbeoordeling-jaarlijks')).toBe(true)
    expect(t.bevindingen.find((f) => f.regelId === 'koppelingregister')?.koppelingIds).toEqual(['k-zonder-eigenaar'])
    expect(t.benodigdBewijs).toEqual([
      { eenVan: ['iso27001', 'isae3402-type2', 'soc2-type2'], uitgegevenVanaf: '2025-06-15', geldigOp: PEILDATUM },
      { eenVan: ['iso27001', 'isae3402-type2'], geldigOp: PEILDATUM },
      { eenVan: ['verwerkersovereenkomst'], getekendMetId: ids.a, geldigOp: PEILDATUM },
    ])
    expect(t.voorwaarden.map((v) => v.nl)).toEqual([
      'Het contract moet een exitstrategie regelen (Standaardbeleid BIO (Regiekamer), regel exitstrategie: BIO 15.1.2; BIO2 5.20, 5.23).',
      'Het contract moet auditrecht regelen (Standaardbeleid BIO (Regiekamer), regel auditrecht: BIO 15.1.2; BIO2 5.20).',
    ])
    expect(t.samenvatting.nl).toContain('raakt Leverancier Lux 3 koppeling(en) en 1 gastheerschap(pen) en zijn 4 toegang(en) nodig')
  })

  it('moves infrastructure too: a netwerkzone needs a grant from the organisation and the network rule applies to it', () => {
    const t = uitbestedingstoets(landschap(), {
      organisatieId: ids.a,
      applicatieIds: [],
      netwerkzones: [' Kantoornetwerk ', 'Kantoornetwerk'],
      partijId: ids.l,
    })
    expect(t.benodigdeToegangen.map((b) => b.object)).toEqual([{ soort: 'netwerkzone', naam: 'Kantoornetwerk', eigenaarId: ids.a }])
    expect(t.vraag.netwerkzones).toEqual(['Kantoornetwerk'])
    expect(t.koppelingIds).toEqual([])
    expect(t.waarschuwingen).toEqual([])
    // The default policy asks evidence of whoever reaches the network.
    expect(t.bevindingen.map((f) => f.regelId)).toContain('bewijs-hoog-of-persoonsgegevens')
    expect(t.samenvatting.nl).toContain('netwerkzone Kantoornetwerk onderbrengt bij Leverancier Lux')
    expect(
      uitbestedingstoets(landschap(), { organisatieId: ids.a, applicatieIds: [], partijId: ids.l }).waarschuwingen.map((w) => w.nl),
    ).toContain('Geen applicatie of netwerkzone gekozen.')
  })

  it('with the evidence in place only the register finding is left, and the party’s real grants do not count', () => {
    const s = landschap()
    s.bewijsstukken = [bewijs(), bewijs({ id: 'b-vo', soort: 'verwerkersovereenkomst', getekendMetId: ids.a, geldigTot: undefined })]
    s.toegangen = [toegang({ laatsteBeoordeling: '2020-01-01' })]
    const t = uitbestedingstoets(s, vraag)
    expect(t.bevindingen.map((f) => f.sleutel)).toEqual([
      `${STANDAARDBELEID_ID}/koppelingregister/partij/${ids.l}/koppeling/k-zonder-eigenaar`,
    ])
  })

  it('warns when the organisation does not use the applicatie or an id is unknown', () => {
    const t = uitbestedingstoets(landschap(), { organisatieId: ids.b, applicatieIds: [ids.zaak, 'app-weg'], partijId: 'wie' })
    expect(t.waarschuwingen.map((w) => w.nl)).toEqual([
      'Partij wie is onbekend.',
      'Applicatie app-weg staat niet in het register.',
      'Gemeente Beestad gebruikt applicatie Zaaksysteem niet volgens het register.',
    ])
  })

  it('gives the same answer for any order of the applicaties asked', () => {
    const s = landschap()
    const een = uitbestedingstoets(s, { ...vraag, applicatieIds: [ids.zaak, ids.bel] })
    const ander = uitbestedingstoets(s, { ...vraag, applicatieIds: [ids.bel, ids.zaak, ids.bel] })
    expect(ander).toEqual(een)
  })
})
