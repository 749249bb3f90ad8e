import { STANDAARDBELEID } from '../../../src/domain/vertrouwen/standaardbeleid.js'
import type { Bewijsstuk, Contract, Toegang, Vertrouwenssituatie } from '../../../src/domain/vertrouwen/typen.js'

// A small landscape for the trust tests: host municipality A (gastheer of the
// belastingen task for B), supplier L, party O (overig). A's zaaksysteem exchanges
// personal data with the BRP through koppeling k-brp (vertrouwelijkheid hoog, owned by A,
// serving gastheerschap g-bel); the belastingapplicatie sends open data to the
// zaaksysteem through k-open (laag, owned by A).

export const PEILDATUM = '2026-06-15'

export const ids = {
  a: 'org-a',
  b: 'org-b',
  l: 'org-l',
  o: 'org-o',
  zaak: 'app-zaak',
  bel: 'app-bel',
  kBrp: 'k-brp',
  kOpen: 'k-open',
  gBel: 'g-bel',
} as const

export function basis(): Vertrouwenssituatie {
  return {
    organisaties: [
      { id: ids.a, naam: 'Gemeente Aadorp', type: 'gemeente' },
      { id: ids.b, naam: 'Gemeente Beestad', type: 'gemeente' },
      { id: ids.l, naam: 'Leverancier Lux', type: 'leverancier' },
      { id: ids.o, naam: 'Overig Orde', type: 'overig' },
    ],
    samenwerkingen: [],
    applicaties: [
      { id: ids.zaak, naam: 'Zaaksysteem', inGebruikBij: [ids.a] },
      { id: ids.bel, naam: 'Belastingen', inGebruikBij: [ids.a, ids.b] },
    ],
    koppelingen: [
      {
        id: ids.kBrp,
        naam: 'BRP-bevraging',
        status: 'in gebruik',
        vertrouwelijkheid: 'hoog',
        persoonsgegevens: true,
        eigenaarId: ids.a,
        gastheerschapId: ids.gBel,
        bronApplicatieId: ids.zaak,
      },
      {
        id: ids.kOpen,
        naam: 'Open data',
        status: 'in gebruik',
        vertrouwelijkheid: 'laag',
        persoonsgegevens: false,
        eigenaarId: ids.a,
        bronApplicatieId: ids.bel,
        doelApplicatieId: ids.zaak,
      },
    ],
    gastheerschappen: [{ id: ids.gBel, taak: 'Belastingen', gastheerId: ids.a }],
    bewijsstukken: [],
    contracten: [],
    toegangen: [],
    beleid: [STANDAARDBELEID],
    peildatum: PEILDATUM,
  }
}

export const toegang = (over: Partial<Toegang> = {}): Toegang => ({
  id: 't-1',
  partijId: ids.l,
  object: { soort: 'koppeling', id: ids.kBrp },
  doel: 'Beheer',
  verleendDoorId: ids.a,
  geldigVanaf: '2026-01-01',
  laatsteBeoordeling: '2026-01-01',
  ...over,
})

export const bewijs = (over: Partial<Bewijsstuk> = {}): Bewijsstuk => ({
  id: 'b-iso',
  organisatieId: ids.l,
  soort: 'iso27001',
  uitgever: 'Certificeerder',
  geldigVanaf: '2026-01-01',
  geldigTot: '2028-12-31',
  ...over,
})

export const contract = (over: Partial<Contract> = {}): Contract => ({
  id: 'c-1',
  leverancierId: ids.l,
  afnemerId: ids.a,
  omschrijving: 'Hosting zaaksysteem',
  startdatum: '2026-01-01',
  opzegtermijnMaanden: 3,
  auditrecht: true,
  exitstrategie: true,
  applicatieIds: [],
  koppelingIds: [],
  ...over,
})

/** Everything the default policy asks of L for access to k-brp, valid through 2028. */
export const volledigBewijs = (): Bewijsstuk[] => [
  bewijs(),
  bewijs({ id: 'b-vo', soort: 'verwerkersovereenkomst', getekendMetId: ids.a, geldigTot: undefined }),
]

export const met = (over: Partial<Vertrouwenssituatie>): Vertrouwenssituatie => ({ ...basis(), ...over })
