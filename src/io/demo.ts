import type {
  ApplicatieInvoer,
  GastheerschapInvoer,
  KoppelingInvoer,
  OrganisatieInvoer,
  ReferentiecomponentInvoer,
  SamenwerkingInvoer,
} from '../schemas/registry.js'
import type { Services } from '../services/index.js'
import type { Actor } from '../services/registry-service.js'
import { seedDemoImpact } from './demo-impact.js'
import { seedDemoKosten } from './demo-kosten.js'
import { seedDemoMonitoring } from './demo-monitoring.js'
import { seedDemoVertrouwen } from './demo-vertrouwen.js'
import { gemeenten } from './gemeenten.js'

// The demo dataset, drawn from the two seed documents (Hilversum's proposal about
// Wijdemeren; the rekenkamer letter about Bloemendaal and Heemstede). Municipality
// names, CBS codes and inhabitant counts are facts; every detail the documents do not
// give (suppliers' roles, dates, classifications, endpoints) is invented and says so
// in its toelichting, starting with "Fictief".

const FICTIEF = 'Fictief: ingevuld voor de demo, niet ontleend aan een bron.'

function gemeente(cbsCode: string, toelichting: string): OrganisatieInvoer {
  const g = gemeenten().get(cbsCode)
  if (!g) throw new Error(`unknown CBS code ${cbsCode}`)
  return {
    type: 'gemeente',
    naam: g.naam,
    cbsCode,
    inwoners: [{ jaar: 2025, aantal: g.inwoners, bron: 'Referentielijst gemeenten (Gijs6/gemeentle), circa 2025' }],
    toelichting,
  }
}

type Ref = string
interface DemoSet {
  referentiecomponenten: Record<Ref, ReferentiecomponentInvoer>
  organisaties: Record<Ref, OrganisatieInvoer>
  samenwerkingen: Record<Ref, (ids: Ids) => SamenwerkingInvoer>
  gastheerschappen: Record<Ref, (ids: Ids) => GastheerschapInvoer>
  applicaties: Record<Ref, (ids: Ids) => ApplicatieInvoer>
  koppelingen: Record<Ref, (ids: Ids) => KoppelingInvoer>
}
type Ids = Record<Ref, string>

const WIJDEMEREN_KOSTEN =
  'Alle structurele en initiële kosten worden door de gemeente Wijdemeren vergoed, inclusief ondersteunende IT-diensten.'

export const demoSet: DemoSet = {
  // GEMMA reference components by their GEMMA names; the GEMMA ids are left out rather than invented.
  referentiecomponenten: {
    rcBelastingsysteem: { naam: 'Belastingsysteem', omschrijving: 'Heffen en innen van gemeentelijke belastingen.' },
    rcWoz: { naam: 'WOZ-systeem', omschrijving: 'Waarderen van onroerende zaken en bijhouden van de WOZ-administratie.' },
    rcBelastingportaal: { naam: 'Belastingportaal' },
    rcGegevensmakelaar: { naam: 'Gegevensmakelaar' },
    rcPersoneelssysteem: { naam: 'Personeelssysteem' },
    rcFinancieelSysteem: { naam: 'Financieel systeem' },
    rcBag: { naam: 'Basisregistratie adressen en gebouwen' },
    rcZaaksysteem: { naam: 'Zaaksysteem' },
    rcServicemanagement: { naam: 'Servicemanagementsysteem' },
    rcDocumentregistratie: { naam: 'Documentregistratiecomponent' },
  },
  organisaties: {
    hilversum: {
      ...gemeente(
        'GM0402',
        'Gastheer voor Wijdemeren (P&O, financiën, belastingen incl. WOZ, BAG/BGT) en partner van Gooise Meren (uitwijk, helpdesk).',
      ),
      // Fictitious (bank code RKMR does not exist) but with valid check digits: printed on its declaraties.
      iban: 'NL08RKMR0000040200',
      betaaltermijnDagen: 30,
    },
    wijdemeren: gemeente('GM1696', 'Afnemer van gastheerschappen van Hilversum; ontwikkelt zich tot regieorganisatie.'),
    gooiseMeren: gemeente('GM1942', 'Deelt sinds 2017 serverruimte (uitwijk) en een ICT-helpdesk met Hilversum.'),
    bloemendaal: gemeente('GM0377', 'ICT-samenwerking met Heemstede; infrastructuur en beheer uitbesteed.'),
    heemstede: gemeente('GM0397', 'ICT-samenwerking met Bloemendaal; infrastructuur en beheer uitbesteed.'),
    infraPartner: {
      type: 'leverancier',
      naam: 'Kennemer Infra Beheer B.V. (fictief)',
      toelichting: `${FICTIEF} Staat voor de commerciële partij waaraan Bloemendaal en Heemstede hun ICT-infrastructuur en -beheer uitbesteedden.`,
    },
    belastingLeverancier: {
      type: 'leverancier',
      naam: 'Leverancier belastingsoftware (fictief)',
      toelichting: `${FICTIEF} Staat voor de leverancier van het belastingsysteem.`,
    },
    hrLeverancier: {
      type: 'leverancier',
      naam: 'Leverancier HR- en salarissoftware (fictief)',
      toelichting: FICTIEF,
    },
  },
  samenwerkingen: {
    hilWijd: (ids) => ({
      naam: 'Gastheerschappen Hilversum – Wijdemeren',
      vorm: 'DVO (gastheerschap)',
      omschrijving:
        'Hilversum voert als "goede buur" uitvoeringstaken uit voor Wijdemeren. De IT-systemen van beide gemeenten zijn met geautomatiseerde gegevenskoppelingen onder strikte informatieveiligheidsrestricties verbonden; deze koppelingen moeten blijven werken.',
      leden: [
        { organisatieId: ids.hilversum, startdatum: '2016-01-01' },
        { organisatieId: ids.wijdemeren, startdatum: '2016-01-01' },
      ],
      toelichting: `Startdata: ${FICTIEF}`,
    }),
    hilGm: (ids) => ({
      naam: 'ICT-samenwerking Hilversum – Gooise Meren',
      vorm: 'Convenant',
      omschrijving:
        'In april 2017 besloten: delen van de serverruimte ten behoeve van uitwijk en een gezamenlijke ICT-helpdesk. Andere gemeenten kunnen gefaseerd aansluiten.',
      startdatum: '2017-04-01',
      leden: [
        { organisatieId: ids.hilversum, startdatum: '2017-04-01' },
        { organisatieId: ids.gooiseMeren, startdatum: '2017-04-01' },
      ],
      toelichting: 'Vorm "Convenant": fictief, de bron noemt de juridische vorm niet.',
    }),
    bloHee: (ids) => ({
      naam: 'ICT-samenwerking Bloemendaal – Heemstede',
      vorm: 'Werkorganisatie',
      omschrijving:
        'Samenwerking op automatisering en informatisering, met de ICT-infrastructuur en het beheer uitbesteed aan een commerciële partij. Doelen: minder (personele) kwetsbaarheid, hogere beschikbaarheid, betere interne dienstverlening.',
      startdatum: '2015-01-01',
      leden: [
        { organisatieId: ids.bloemendaal, startdatum: '2015-01-01' },
        { organisatieId: ids.heemstede, startdatum: '2015-01-01' },
      ],
      toelichting: `Vorm en startdatum: ${FICTIEF} Het rekenkameronderzoek beslaat begin 2015 tot juni 2019.`,
    }),
  },
  gastheerschappen: {
    pso: (ids) => ({
      taak: 'Personeels- en salarisadministratie',
      gastheerId: ids.hilversum,
      afnemerIds: [ids.wijdemeren],
      samenwerkingId: ids.hilWijd,
      dvoReferentie: 'DVO-HW-PSA (fictief)',
      startdatum: '2016-01-01',
      beschikbaarheidsdoel: 99,
      serviceniveau: 'Salarisverwerking maandelijks vóór de 20e; vragen binnen 2 werkdagen beantwoord (fictief).',
      kostenafspraak: WIJDEMEREN_KOSTEN,
      toelichting: `DVO-kenmerk, startdatum en serviceniveau: ${FICTIEF}`,
    }),
    finAdm: (ids) => ({
      taak: 'Financiële administratie',
      gastheerId: ids.hilversum,
      afnemerIds: [ids.wijdemeren],
      samenwerkingId: ids.hilWijd,
      dvoReferentie: 'DVO-HW-FIN (fictief)',
      startdatum: '2016-01-01',
      beschikbaarheidsdoel: 99,
      kostenafspraak: WIJDEMEREN_KOSTEN,
      toelichting: `DVO-kenmerk en startdatum: ${FICTIEF}`,
    }),
    bel: (ids) => ({
      taak: 'Belastingen inclusief uitvoering Wet WOZ',
      gastheerId: ids.hilversum,
      afnemerIds: [ids.wijdemeren],
      samenwerkingId: ids.hilWijd,
      dvoReferentie: 'DVO-HW-BEL (fictief)',
      startdatum: '2019-01-01',
      beschikbaarheidsdoel: 99.5,
      serviceniveau: 'Aanslagen tijdig opgelegd; Digitale Belastingbalie 24/7 beschikbaar behalve in onderhoudsvensters (fictief).',
      kostenafspraak: WIJDEMEREN_KOSTEN,
      toelichting: `Het jaar 2019 komt uit de bron; DVO-kenmerk, dag en serviceniveau: ${FICTIEF}`,
    }),
    bag: (ids) => ({
      taak: 'BAG/BGT',
      gastheerId: ids.hilversum,
      afnemerIds: [ids.wijdemeren],
      samenwerkingId: ids.hilWijd,
      dvoReferentie: 'DVO-HW-BAG (fictief)',
      startdatum: '2019-01-01',
      beschikbaarheidsdoel: 99,
      kostenafspraak: WIJDEMEREN_KOSTEN,
      toelichting: `Het jaar 2019 komt uit de bron; DVO-kenmerk en dag: ${FICTIEF}`,
    }),
    uitwijk: (ids) => ({
      taak: 'Gedeelde serverruimte als uitwijklocatie',
      gastheerId: ids.hilversum,
      afnemerIds: [ids.gooiseMeren],
      samenwerkingId: ids.hilGm,
      startdatum: '2017-04-01',
      beschikbaarheidsdoel: 99.9,
      kostenafspraak: 'Kosten naar rato van gebruikte rackruimte (fictief).',
      toelichting: `Gastheerrol en kostenafspraak: ${FICTIEF}`,
    }),
    helpdesk: (ids) => ({
      taak: 'Gezamenlijke ICT-helpdesk',
      gastheerId: ids.hilversum,
      afnemerIds: [ids.gooiseMeren],
      samenwerkingId: ids.hilGm,
      startdatum: '2017-04-01',
      serviceniveau: 'Bereikbaar op werkdagen 8.00–17.00 uur (fictief).',
      kostenafspraak: 'Verdeling naar aantal werkplekken (fictief).',
      toelichting: `Gastheerrol, serviceniveau en kostenafspraak: ${FICTIEF}`,
    }),
    infra: (ids) => ({
      taak: 'ICT-infrastructuur en beheer (uitbesteed)',
      gastheerId: ids.heemstede,
      afnemerIds: [ids.bloemendaal],
      samenwerkingId: ids.bloHee,
      startdatum: '2017-01-01',
      beschikbaarheidsdoel: 99.7,
      kostenafspraak: 'Verdeling naar inwonertal (fictief).',
      toelichting: `Heemstede als contractpartij, startdatum en kostenafspraak: ${FICTIEF}`,
    }),
  },
  applicaties: {
    key2: (ids) => ({
      naam: 'Key2Belastingen',
      omschrijving: 'Heffing en invordering van gemeentelijke belastingen en uitvoering van de Wet WOZ.',
      leverancierId: ids.belastingLeverancier,
      referentiecomponentIds: [ids.rcBelastingsysteem, ids.rcWoz],
      hosting: 'bij gastheer',
      versie: '2026.2 (fictief)',
      status: 'in productie',
      statusHistorie: [{ status: 'in productie', datum: '2019-01-01' }],
      inGebruikBij: [ids.hilversum, ids.wijdemeren],
      toelichting: `Genoemd in de bron. Leverancier, versie en datum: ${FICTIEF}`,
    }),
    dbb: (ids) => ({
      naam: 'Digitale Belastingbalie',
      omschrijving: 'Digitaal loket waar inwoners hun aanslag en WOZ-beschikking inzien, bezwaar maken en kwijtschelding aanvragen.',
      referentiecomponentIds: [ids.rcBelastingportaal],
      hosting: 'bij gastheer',
      status: 'in productie',
      inGebruikBij: [ids.hilversum, ids.wijdemeren],
      toelichting: `Genoemd in de bron. Omschrijving en hosting: ${FICTIEF}`,
    }),
    makelaar: (ids) => ({
      naam: 'Gegevensmakelaar',
      omschrijving: 'Berichtenmakelaar die basisgegevens (BRP, BAG) doorgeeft aan vakapplicaties.',
      referentiecomponentIds: [ids.rcGegevensmakelaar],
      hosting: 'bij gastheer',
      status: 'in productie',
      inGebruikBij: [ids.hilversum, ids.wijdemeren],
      toelichting: `Genoemd in de bron. Omschrijving: ${FICTIEF}`,
    }),
    hr: (ids) => ({
      naam: 'HR- en salarissysteem',
      omschrijving: 'Personeels- en salarisadministratie.',
      leverancierId: ids.hrLeverancier,
      referentiecomponentIds: [ids.rcPersoneelssysteem],
      hosting: 'SaaS',
      status: 'in productie',
      inGebruikBij: [ids.hilversum, ids.wijdemeren],
      toelichting: FICTIEF,
    }),
    fin: (ids) => ({
      naam: 'Financieel systeem',
      omschrijving: 'Financiële administratie: grootboek, crediteuren, debiteuren.',
      referentiecomponentIds: [ids.rcFinancieelSysteem],
      hosting: 'bij gastheer',
      status: 'in productie',
      inGebruikBij: [ids.hilversum, ids.wijdemeren],
      toelichting: FICTIEF,
    }),
    bagbgt: (ids) => ({
      naam: 'BAG/BGT-beheersysteem',
      omschrijving: 'Bijhouding van de Basisregistratie Adressen en Gebouwen en de Basisregistratie Grootschalige Topografie.',
      referentiecomponentIds: [ids.rcBag],
      hosting: 'bij gastheer',
      status: 'in productie',
      inGebruikBij: [ids.hilversum, ids.wijdemeren],
      toelichting: FICTIEF,
    }),
    dlp: (ids) => ({
      naam: 'DLP',
      omschrijving: 'Genoemd in de bron als koppeling die moet blijven werken; functie hier fictief ingevuld als digitaal loket personeel.',
      hosting: 'bij gastheer',
      status: 'in productie',
      inGebruikBij: [ids.wijdemeren],
      toelichting: `Naam uit de bron; omschrijving: ${FICTIEF}`,
    }),
    zaakWijd: (ids) => ({
      naam: 'Zaaksysteem Wijdemeren',
      referentiecomponentIds: [ids.rcZaaksysteem],
      hosting: 'SaaS',
      status: 'in productie',
      inGebruikBij: [ids.wijdemeren],
      toelichting: FICTIEF,
    }),
    // Two partners of one samenwerking, two zaaksystemen: what the harmonisation overview is for.
    zaakHil: (ids) => ({
      naam: 'Zaaksysteem Hilversum',
      referentiecomponentIds: [ids.rcZaaksysteem],
      hosting: 'on-premise',
      status: 'in productie',
      inGebruikBij: [ids.hilversum],
      toelichting: FICTIEF,
    }),
    servicedesk: (ids) => ({
      naam: 'ICT-servicedesksysteem',
      omschrijving: 'Registratie van meldingen voor de gezamenlijke ICT-helpdesk.',
      referentiecomponentIds: [ids.rcServicemanagement],
      hosting: 'on-premise',
      status: 'in productie',
      inGebruikBij: [ids.hilversum, ids.gooiseMeren],
      toelichting: FICTIEF,
    }),
    zaakBH: (ids) => ({
      naam: 'Zaaksysteem Bloemendaal-Heemstede',
      referentiecomponentIds: [ids.rcZaaksysteem],
      leverancierId: ids.infraPartner,
      hosting: 'SaaS',
      status: 'in productie',
      statusHistorie: [{ status: 'in productie', datum: '2018-06-01' }],
      inGebruikBij: [ids.bloemendaal, ids.heemstede],
      toelichting: FICTIEF,
    }),
    dmsBH: (ids) => ({
      naam: 'Documentmanagementsysteem Bloemendaal-Heemstede',
      referentiecomponentIds: [ids.rcDocumentregistratie],
      leverancierId: ids.infraPartner,
      hosting: 'SaaS',
      status: 'uit te faseren',
      statusHistorie: [
        { status: 'in productie', datum: '2015-01-01' },
        { status: 'uit te faseren', datum: '2026-12-31' },
      ],
      inGebruikBij: [ids.bloemendaal, ids.heemstede],
      toelichting: FICTIEF,
    }),
  },
  koppelingen: {
    dbbKey2: (ids) => ({
      naam: 'Digitale Belastingbalie – Key2Belastingen',
      omschrijving: 'Inzage in aanslagen en WOZ-beschikkingen, bezwaren en kwijtscheldingsverzoeken.',
      bronApplicatieId: ids.dbb,
      doelApplicatieId: ids.key2,
      type: 'webservices',
      richting: 'bidirectioneel',
      status: 'in gebruik',
      statusHistorie: [{ status: 'in gebruik', datum: '2019-01-01' }],
      standaard: 'StUF-BG',
      standaardVersie: '3.10',
      gegevenscategorieen: ['aanslagen', 'WOZ-waarden', 'BSN', 'NAW-gegevens'],
      persoonsgegevens: true,
      beschikbaarheid: 'midden',
      integriteit: 'hoog',
      vertrouwelijkheid: 'hoog',
      eigenaarId: ids.hilversum,
      gastheerschapId: ids.bel,
      endpoint: 'https://belastingbalie.hilversum.example/stuf',
      toelichting: `Naam uit de bron; standaard, classificatie en endpoint: ${FICTIEF}`,
    }),
    brpMakelaarKey2: (ids) => ({
      naam: 'Gegevensmakelaar – Key2Belastingen (BRP)',
      omschrijving: 'Persoonsgegevens uit de BRP via de Gegevensmakelaar naar het belastingsysteem.',
      bronVoorziening: 'BRP',
      doelApplicatieId: ids.key2,
      viaApplicatieId: ids.makelaar,
      type: 'digikoppeling',
      richting: 'A→B',
      status: 'in gebruik',
      standaard: 'StUF-BG',
      standaardVersie: '3.10',
      gegevenscategorieen: ['BSN', 'NAW-gegevens', 'verhuizingen', 'overlijden'],
      persoonsgegevens: true,
      beschikbaarheid: 'hoog',
      integriteit: 'hoog',
      vertrouwelijkheid: 'hoog',
      eigenaarId: ids.hilversum,
      gastheerschapId: ids.bel,
      toelichting: `Gegevensmakelaar uit de bron; route en classificatie: ${FICTIEF}`,
    }),
    key2MijnOverheid: (ids) => ({
      naam: 'Key2Belastingen – Berichtenbox MijnOverheid',
      omschrijving: 'Aanslagbiljetten digitaal in de Berichtenbox.',
      bronApplicatieId: ids.key2,
      doelVoorziening: 'MijnOverheid Berichtenbox',
      type: 'digikoppeling',
      richting: 'A→B',
      status: 'in gebruik',
      standaard: 'Digikoppeling ebMS2',
      gegevenscategorieen: ['aanslagen', 'BSN'],
      persoonsgegevens: true,
      beschikbaarheid: 'midden',
      integriteit: 'hoog',
      vertrouwelijkheid: 'hoog',
      eigenaarId: ids.hilversum,
      gastheerschapId: ids.bel,
      toelichting: FICTIEF,
    }),
    key2Fin: (ids) => ({
      naam: 'Key2Belastingen – Financieel systeem',
      omschrijving: 'Journaalposten en ontvangsten van belastingen naar de financiële administratie.',
      bronApplicatieId: ids.key2,
      doelApplicatieId: ids.fin,
      type: 'bestandsoverdracht',
      richting: 'A→B',
      status: 'in gebruik',
      standaard: 'SFTP',
      gegevenscategorieen: ['journaalposten', 'ontvangsten'],
      persoonsgegevens: false,
      beschikbaarheid: 'midden',
      integriteit: 'hoog',
      vertrouwelijkheid: 'midden',
      eigenaarId: ids.hilversum,
      gastheerschapId: ids.finAdm,
      endpoint: 'sftp://sftp.hilversum.example/financien',
      toelichting: `Key2Belastingen uit de bron; deze koppeling: ${FICTIEF}`,
    }),
    dlp: (ids) => ({
      naam: 'DLP – HR- en salarissysteem',
      omschrijving: 'Mutaties van medewerkers van Wijdemeren naar de salarisadministratie van Hilversum.',
      bronApplicatieId: ids.dlp,
      doelApplicatieId: ids.hr,
      type: 'api',
      richting: 'A→B',
      status: 'in gebruik',
      standaard: 'REST/JSON',
      gegevenscategorieen: ['personeelsgegevens', 'BSN', 'salarisgegevens'],
      persoonsgegevens: true,
      beschikbaarheid: 'midden',
      integriteit: 'hoog',
      vertrouwelijkheid: 'hoog',
      eigenaarId: ids.hilversum,
      gastheerschapId: ids.pso,
      toelichting: `Naam DLP uit de bron; inhoud: ${FICTIEF}`,
    }),
    mdu: (ids) => ({
      naam: 'MDU – BAG-mutaties naar de Landelijke Voorziening',
      omschrijving: 'Mutaties in de BAG van Wijdemeren, bijgehouden door Hilversum, naar de Landelijke Voorziening BAG.',
      bronApplicatieId: ids.bagbgt,
      doelVoorziening: 'BAG',
      type: 'digikoppeling',
      richting: 'A→B',
      status: 'in gebruik',
      standaard: 'Digikoppeling ebMS2',
      gegevenscategorieen: ['adressen', 'gebouwen'],
      persoonsgegevens: false,
      beschikbaarheid: 'midden',
      integriteit: 'hoog',
      vertrouwelijkheid: 'laag',
      eigenaarId: ids.hilversum,
      gastheerschapId: ids.bag,
      toelichting: `Naam MDU uit de bron; inhoud: ${FICTIEF}`,
    }),
    bagZaak: (ids) => ({
      naam: 'Gegevensmakelaar – Zaaksysteem Wijdemeren (BAG)',
      bronApplicatieId: ids.bagbgt,
      doelApplicatieId: ids.zaakWijd,
      viaApplicatieId: ids.makelaar,
      type: 'webservices',
      richting: 'A→B',
      status: 'in gebruik',
      standaard: 'StUF-BG',
      standaardVersie: '3.10',
      gegevenscategorieen: ['adressen', 'gebouwen'],
      persoonsgegevens: false,
      beschikbaarheid: 'laag',
      integriteit: 'midden',
      vertrouwelijkheid: 'laag',
      eigenaarId: ids.wijdemeren,
      gastheerschapId: ids.bag,
      toelichting: FICTIEF,
    }),
    helpdesk: (ids) => ({
      naam: 'Meldingen Gooise Meren – ICT-servicedesksysteem',
      bronApplicatieId: ids.servicedesk,
      doelVoorziening: 'overig',
      doelVoorzieningOverig: 'E-mail en telefonie Gooise Meren',
      type: 'api',
      richting: 'bidirectioneel',
      status: 'in gebruik',
      gegevenscategorieen: ['meldingen', 'contactgegevens medewerkers'],
      persoonsgegevens: true,
      beschikbaarheid: 'midden',
      integriteit: 'midden',
      vertrouwelijkheid: 'midden',
      eigenaarId: ids.hilversum,
      gastheerschapId: ids.helpdesk,
      toelichting: FICTIEF,
    }),
    zaakDms: (ids) => ({
      naam: 'Zaaksysteem – Documentmanagementsysteem Bloemendaal-Heemstede',
      bronApplicatieId: ids.zaakBH,
      doelApplicatieId: ids.dmsBH,
      type: 'api',
      richting: 'bidirectioneel',
      status: 'einde ondersteuning',
      statusHistorie: [
        { status: 'in gebruik', datum: '2018-06-01' },
        { status: 'einde ondersteuning', datum: '2026-12-31' },
      ],
      standaard: 'ZGW API',
      standaardVersie: '1.5',
      gegevenscategorieen: ['zaken', 'documenten', 'BSN'],
      persoonsgegevens: true,
      beschikbaarheid: 'hoog',
      integriteit: 'hoog',
      vertrouwelijkheid: 'hoog',
      eigenaarId: ids.heemstede,
      gastheerschapId: ids.infra,
      endpoint: 'https://zaken.bloemendaal-heemstede.example/api',
      toelichting: FICTIEF,
    }),
  },
}

/**
 * Stores the demo set through the services, so it is validated and audited. Returns
 * undefined when the demo municipalities are already there (seeding twice is a no-op).
 */
export async function seedDemo(services: Services, actor: Actor): Promise<Record<string, number> | undefined> {
  const present = await services.organisaties.list({ pagina: 1, paginaGrootte: 1, sort: [], filters: { cbsCode: 'GM0402' } })
  if (present.total > 0) return undefined
  const ids: Ids = {}
  const counts: Record<string, number> = {}
  const add = (kind: string) => {
    counts[kind] = (counts[kind] ?? 0) + 1
  }
  for (const [ref, input] of Object.entries(demoSet.referentiecomponenten)) {
    ids[ref] = (await services.referentiecomponenten.create(actor, input)).id
    add('referentiecomponenten')
  }
  for (const [ref, input] of Object.entries(demoSet.organisaties)) {
    ids[ref] = (await services.organisaties.create(actor, input)).id
    add('organisaties')
  }
  for (const [ref, build] of Object.entries(demoSet.samenwerkingen)) {
    ids[ref] = (await services.samenwerkingen.create(actor, build(ids))).id
    add('samenwerkingen')
  }
  for (const [ref, build] of Object.entries(demoSet.gastheerschappen)) {
    ids[ref] = (await services.gastheerschappen.create(actor, build(ids))).id
    add('gastheerschappen')
  }
  for (const [ref, build] of Object.entries(demoSet.applicaties)) {
    ids[ref] = (await services.applicaties.create(actor, build(ids))).id
    add('applicaties')
  }
  for (const [ref, build] of Object.entries(demoSet.koppelingen)) {
    ids[`k_${ref}`] = (await services.koppelingen.create(actor, build(ids))).id
    add('koppelingen')
  }
  Object.assign(counts, await seedDemoKosten(services, actor, ids))
  Object.assign(counts, await seedDemoVertrouwen(services, actor, ids))
  Object.assign(counts, await seedDemoImpact(services, actor, ids))
  Object.assign(counts, await seedDemoMonitoring(services, actor, ids))
  return counts
}

export function demoMessage(counts: Record<string, number> | undefined): string {
  if (!counts) return 'Demogegevens zijn al aanwezig; niets toegevoegd.'
  return `Demogegevens geladen: ${Object.entries(counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')}.`
}
