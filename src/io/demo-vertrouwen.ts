import type { BewijsstukInvoer, ContractInvoer, ToegangInvoer } from '../schemas/vertrouwen.js'
import type { Services } from '../services/index.js'
import type { Actor } from '../services/registry-service.js'

// Trust in the demo (issue 12): the suppliers' evidence, their contracts with the
// municipalities and the access they were granted. Every detail is invented and says so
// ("Fictief"). It is chosen so the BIO default policy has something to find on the demo's
// dates (late 2026): an ISO 27001 certificate that expired on 1 March 2026, a contract
// without exit strategy, a grant not reviewed for two years — next to evidence, a
// contract and grants that are in order.

type Ids = Record<string, string>

const FICTIEF = 'Fictief: ingevuld voor de demo, niet ontleend aan een bron.'

const bewijsstukken = (ids: Ids): BewijsstukInvoer[] => [
  {
    organisatieId: ids.belastingLeverancier,
    soort: 'iso27001',
    uitgever: 'Certificeringsinstelling Noord B.V. (fictief)',
    geldigVanaf: '2023-03-02',
    geldigTot: '2026-03-01',
    scope: 'Ontwikkeling, hosting en ondersteuning van belastingsoftware voor gemeenten',
    documentVerwijzing: 'Certificaatnummer ISMS-2023-0417 (fictief)',
    toelichting: `${FICTIEF} Verlopen op 1 maart 2026; een hercertificering is niet aangeleverd.`,
  },
  {
    organisatieId: ids.belastingLeverancier,
    soort: 'verwerkersovereenkomst',
    uitgever: 'Gemeente Hilversum',
    geldigVanaf: '2019-01-01',
    getekendMetId: ids.hilversum,
    documentVerwijzing: 'Zaaknummer HIL-2018-11832 (fictief)',
    toelichting: FICTIEF,
  },
  {
    organisatieId: ids.hrLeverancier,
    soort: 'isae3402-type2',
    uitgever: 'Accountantskantoor Gooi en Vecht (fictief)',
    geldigVanaf: '2026-04-01',
    geldigTot: '2027-03-31',
    scope: 'SaaS-dienstverlening personeels- en salarisadministratie, rapportageperiode 2025',
    toelichting: FICTIEF,
  },
  {
    organisatieId: ids.hrLeverancier,
    soort: 'verwerkersovereenkomst',
    uitgever: 'Gemeente Hilversum',
    geldigVanaf: '2021-01-01',
    geldigTot: '2027-12-31',
    getekendMetId: ids.hilversum,
    toelichting: FICTIEF,
  },
  {
    organisatieId: ids.infraPartner,
    soort: 'iso27001',
    uitgever: 'Certificeringsinstelling Noord B.V. (fictief)',
    geldigVanaf: '2025-06-01',
    geldigTot: '2028-05-31',
    scope: 'Beheer van ICT-infrastructuur en werkplekken voor overheden',
    toelichting: FICTIEF,
  },
  {
    organisatieId: ids.infraPartner,
    soort: 'verwerkersovereenkomst',
    uitgever: 'Gemeente Bloemendaal',
    geldigVanaf: '2020-01-01',
    getekendMetId: ids.bloemendaal,
    toelichting: FICTIEF,
  },
]

const contracten = (ids: Ids): ContractInvoer[] => [
  {
    leverancierId: ids.belastingLeverancier,
    afnemerId: ids.hilversum,
    omschrijving: 'Licentie, onderhoud en ondersteuning Key2Belastingen (fictief)',
    startdatum: '2019-01-01',
    opzegtermijnMaanden: 12,
    auditrecht: true,
    exitstrategie: false,
    beveiligingseisen: `BIO-niveau BBN2; melding van beveiligingsincidenten binnen 24 uur. ${FICTIEF}`,
    applicatieIds: [ids.key2],
    koppelingIds: [ids.k_dbbKey2],
  },
  {
    leverancierId: ids.hrLeverancier,
    afnemerId: ids.hilversum,
    omschrijving: 'SaaS HR- en salarissysteem (fictief)',
    startdatum: '2021-01-01',
    einddatum: '2027-12-31',
    opzegtermijnMaanden: 6,
    auditrecht: true,
    exitstrategie: true,
    exitstrategieVindplaats: 'Bijlage 4 bij de overeenkomst (fictief)',
    applicatieIds: [ids.hr],
    koppelingIds: [],
  },
  {
    leverancierId: ids.infraPartner,
    afnemerId: ids.bloemendaal,
    omschrijving: 'Uitbesteding ICT-infrastructuur en beheer Bloemendaal-Heemstede (fictief)',
    startdatum: '2020-01-01',
    opzegtermijnMaanden: 12,
    auditrecht: true,
    exitstrategie: true,
    exitstrategieVindplaats: 'Exitplan versie 2.1, 2024 (fictief)',
    applicatieIds: [ids.zaakBH, ids.dmsBH],
    koppelingIds: [],
  },
]

const toegangen = (ids: Ids): ToegangInvoer[] => [
  {
    partijId: ids.belastingLeverancier,
    object: { soort: 'applicatie', id: ids.key2 },
    doel: 'Beheer op afstand en tweedelijns ondersteuning Key2Belastingen (fictief)',
    verleendDoorId: ids.hilversum,
    geldigVanaf: '2019-01-01',
    laatsteBeoordeling: '2024-11-15',
    beoordelaar: 'CISO Hilversum (fictief)',
  },
  {
    partijId: ids.hrLeverancier,
    object: { soort: 'applicatie', id: ids.hr },
    doel: 'Applicatiebeheer van het HR- en salarissysteem (fictief)',
    verleendDoorId: ids.hilversum,
    geldigVanaf: '2021-01-01',
    geldigTot: '2027-12-31',
    laatsteBeoordeling: '2026-09-01',
    beoordelaar: 'CISO Hilversum (fictief)',
  },
  {
    partijId: ids.infraPartner,
    object: { soort: 'netwerkzone', naam: 'Kantoornetwerk Bloemendaal-Heemstede (fictief)', eigenaarId: ids.bloemendaal },
    doel: 'Beheer van netwerk, servers en werkplekken (fictief)',
    verleendDoorId: ids.bloemendaal,
    geldigVanaf: '2020-01-01',
    laatsteBeoordeling: '2026-02-01',
    beoordelaar: 'CISO Bloemendaal (fictief)',
  },
]

/**
 * Stores the demo's trust data through the services (validated and audited) and evaluates
 * it once, so the findings are there at the first start; returns the counts of what was
 * stored (findings are the evaluation's, not counted).
 */
export async function seedDemoVertrouwen(services: Services, actor: Actor, ids: Ids): Promise<Record<string, number>> {
  for (const input of bewijsstukken(ids)) await services.bewijsstukken.create(actor, input)
  for (const input of contracten(ids)) await services.contracten.create(actor, input)
  for (const input of toegangen(ids)) await services.toegangen.create(actor, input)
  await services.bevindingen.herevalueer()
  return {
    bewijsstukken: bewijsstukken(ids).length,
    contracten: contracten(ids).length,
    toegangen: toegangen(ids).length,
  }
}
