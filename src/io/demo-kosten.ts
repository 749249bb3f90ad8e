import type { KostenpostInvoer, MaatstafwaardeInvoer, ReferentiewaardeInvoer, VerdeelsleutelInvoer } from '../schemas/kosten.js'
import type { ScenarioInvoer } from '../schemas/scenario.js'
import type { Services } from '../services/index.js'
import type { Actor } from '../services/registry-service.js'

// Demo costs for the demo cooperations. Every amount and measure is invented for the
// demo (marked "Fictief"); the arrangements follow the seeds: Wijdemeren reimburses all
// structural and initial costs of Hilversum's gastheerschappen, Hilversum and Gooise
// Meren share the fallback room and helpdesk, Bloemendaal and Heemstede split their
// outsourced infrastructure. And the seed's own feasibility question — shared hardware
// and fallback with Wijdemeren — as a business case, so a new user sees a verdict: with
// these invented figures, as in the seed, Hilversum does not gain.

const FICTIEF = 'Fictief: bedragen en maatstaven zijn voor de demo verzonnen.'
type Ids = Record<string, string>

const euro = (e: number) => Math.round(e * 100)

function sleutels(ids: Ids): Record<string, VerdeelsleutelInvoer> {
  return {
    wijdemerenBetaalt: {
      naam: 'Wijdemeren vergoedt alles',
      omschrijving: 'Alle structurele en initiële kosten worden door de gemeente Wijdemeren vergoed (DVO).',
      samenwerkingId: ids.hilWijd,
      versies: [{ geldigVanaf: 2016, regel: { soort: 'volledig afnemer', deelnemerId: ids.wijdemeren } }],
      toelichting: FICTIEF,
    },
    uitwijkHelpdesk: {
      naam: 'Uitwijk en helpdesk: half vast, half naar omvang',
      omschrijving: 'Tot en met 2025 50% gelijke delen + 50% naar inwoners; vanaf 2026 50% gelijke delen + 50% naar werkplekken.',
      samenwerkingId: ids.hilGm,
      versies: [
        {
          geldigVanaf: 2017,
          regel: {
            soort: 'mix',
            componenten: [
              { aandeel: 50, regel: { soort: 'gelijke delen' } },
              { aandeel: 50, regel: { soort: 'inwoners' } },
            ],
          },
        },
        {
          geldigVanaf: 2026,
          regel: {
            soort: 'mix',
            componenten: [
              { aandeel: 50, regel: { soort: 'gelijke delen' } },
              { aandeel: 50, regel: { soort: 'maatstaf', maatstaf: 'werkplekken' } },
            ],
          },
        },
      ],
      toelichting: FICTIEF,
    },
    infraBloHee: {
      naam: 'Infrastructuur Bloemendaal – Heemstede: vast percentage',
      samenwerkingId: ids.bloHee,
      versies: [
        {
          geldigVanaf: 2015,
          regel: {
            soort: 'vast percentage',
            percentages: [
              { deelnemerId: ids.bloemendaal, percentage: '45.5' },
              { deelnemerId: ids.heemstede, percentage: '54.5' },
            ],
          },
        },
      ],
      toelichting: FICTIEF,
    },
  }
}

function maatstaven(ids: Ids): MaatstafwaardeInvoer[] {
  const w = (organisatieId: string, jaar: number, waarde: number, maatstaf = 'werkplekken'): MaatstafwaardeInvoer => ({
    organisatieId,
    maatstaf,
    jaar,
    waarde,
    bron: FICTIEF,
  })
  return [
    w(ids.hilversum, 2025, 1180),
    w(ids.hilversum, 2026, 1195),
    w(ids.gooiseMeren, 2025, 720),
    w(ids.gooiseMeren, 2026, 745),
    w(ids.wijdemeren, 2025, 260),
    w(ids.wijdemeren, 2026, 265),
    w(ids.bloemendaal, 2025, 310),
    w(ids.heemstede, 2025, 290),
    w(ids.hilversum, 2025, 44_500, 'WOZ-objecten'),
    w(ids.wijdemeren, 2025, 10_900, 'WOZ-objecten'),
  ]
}

function posten(ids: Ids, s: Ids): KostenpostInvoer[] {
  const post = (p: Omit<KostenpostInvoer, 'toelichting'>): KostenpostInvoer => ({ ...p, toelichting: FICTIEF })
  const kwartalen = (jaar: number) => [1, 2, 3, 4].map((k) => `${jaar}-Q${k}`)
  return [
    // Hilversum for Wijdemeren: belastingen, P&O, financiën, BAG/BGT (Wijdemeren pays all).
    ...kwartalen(2026)
      .slice(0, 3)
      .flatMap((periode) => [
        post({
          omschrijving: 'Inzet team belastingen en WOZ',
          gastheerschapId: ids.bel,
          periode,
          soort: 'structureel',
          categorie: 'personeel',
          begroting: euro(61_250),
          realisatie: euro(periode === '2026-Q2' ? 63_418.37 : 60_905.12),
          verdeelsleutelId: s.wijdemerenBetaalt,
          bron: `Urenregistratie ${periode}`,
        }),
        post({
          omschrijving: 'Salarisadministratie Wijdemeren',
          gastheerschapId: ids.pso,
          periode,
          soort: 'structureel',
          categorie: 'personeel',
          begroting: euro(18_400),
          realisatie: euro(18_112.5),
          verdeelsleutelId: s.wijdemerenBetaalt,
          bron: `Urenregistratie ${periode}`,
        }),
      ]),
    post({
      omschrijving: 'Licentie Key2Belastingen (aandeel Wijdemeren)',
      gastheerschapId: ids.bel,
      applicatieId: ids.key2,
      periode: '2026',
      soort: 'structureel',
      categorie: 'licenties',
      begroting: euro(42_000),
      realisatie: euro(41_730),
      verdeelsleutelId: s.wijdemerenBetaalt,
      bron: 'Factuur leverancier 2026-0117',
    }),
    post({
      omschrijving: 'Migratie belastingadministratie Wijdemeren',
      gastheerschapId: ids.bel,
      periode: '2025',
      soort: 'initieel',
      categorie: 'advies',
      begroting: euro(85_000),
      realisatie: euro(91_260.4),
      verdeelsleutelId: s.wijdemerenBetaalt,
      bron: 'Projectafrekening 2025',
    }),
    post({
      omschrijving: 'Licentie Key2Belastingen (aandeel Wijdemeren)',
      gastheerschapId: ids.bel,
      applicatieId: ids.key2,
      periode: '2025',
      soort: 'structureel',
      categorie: 'licenties',
      begroting: euro(40_000),
      realisatie: euro(40_515),
      verdeelsleutelId: s.wijdemerenBetaalt,
      bron: 'Factuur leverancier 2025-0098',
    }),
    post({
      omschrijving: 'Beheer BAG/BGT',
      gastheerschapId: ids.bag,
      periode: '2026',
      soort: 'structureel',
      categorie: 'personeel',
      begroting: euro(54_000),
      verdeelsleutelId: s.wijdemerenBetaalt,
      bron: 'Begroting 2026',
    }),
    // Hilversum – Gooise Meren: uitwijk and helpdesk shared by key.
    ...[2025, 2026].flatMap((jaar) => [
      post({
        omschrijving: 'Gedeelde serverruimte: stroom, koeling, huur',
        samenwerkingId: ids.hilGm,
        gemaaktDoorId: ids.hilversum,
        periode: String(jaar),
        soort: 'structureel',
        categorie: 'hosting',
        begroting: euro(jaar === 2025 ? 96_000 : 99_500),
        realisatie: jaar === 2025 ? euro(98_347.21) : undefined,
        verdeelsleutelId: s.uitwijkHelpdesk,
        bron: `Grootboek 4410 ${jaar}`,
      }),
      post({
        omschrijving: 'ICT-helpdesk: bemensing',
        samenwerkingId: ids.hilGm,
        gemaaktDoorId: ids.hilversum,
        periode: String(jaar),
        soort: 'structureel',
        categorie: 'personeel',
        begroting: euro(jaar === 2025 ? 212_000 : 219_000),
        realisatie: jaar === 2025 ? euro(208_904.66) : undefined,
        verdeelsleutelId: s.uitwijkHelpdesk,
        bron: `Grootboek 4120 ${jaar}`,
      }),
    ]),
    post({
      omschrijving: 'Vervanging opslag uitwijklocatie',
      samenwerkingId: ids.hilGm,
      gemaaktDoorId: ids.hilversum,
      periode: '2026-Q2',
      soort: 'initieel',
      categorie: 'hardware',
      begroting: euro(64_000),
      realisatie: euro(66_912.3),
      verdeelsleutelId: s.uitwijkHelpdesk,
      bron: 'Investeringsbesluit 2026-07',
    }),
    // Bloemendaal – Heemstede: outsourced infrastructure, Heemstede contracts.
    ...[2024, 2025].map((jaar) =>
      post({
        omschrijving: 'Uitbestede infrastructuur en beheer',
        samenwerkingId: ids.bloHee,
        gemaaktDoorId: ids.heemstede,
        periode: String(jaar),
        soort: 'structureel',
        categorie: 'hosting',
        begroting: euro(jaar === 2024 ? 512_000 : 538_000),
        realisatie: euro(jaar === 2024 ? 547_118.9 : 571_402.35),
        verdeelsleutelId: s.infraBloHee,
        bron: `Contract infrapartner, jaarafrekening ${jaar}`,
      }),
    ),
    post({
      omschrijving: 'Werkplekken (hard- en software)',
      samenwerkingId: ids.bloHee,
      gemaaktDoorId: ids.heemstede,
      periode: '2025',
      soort: 'structureel',
      categorie: 'werkplekken',
      begroting: euro(318_000),
      realisatie: euro(327_640),
      verdeelsleutelId: s.infraBloHee,
      bron: 'Grootboek 4300 2025',
    }),
  ]
}

const referenties: ReferentiewaardeInvoer[] = [
  {
    naam: 'Benchmark gemeenten 25.000–100.000 inwoners (gemiddelde)',
    jaar: 2025,
    kostenPerInwoner: euro(78.4),
    kostenPerWerkplek: euro(7_650),
    bron: 'Fictief',
    toelichting: `${FICTIEF} Vul hier de waarden uit een externe benchmark in.`,
  },
]

/**
 * The feasibility study of the seed (000): Wijdemeren asked Hilversum (and Gooise Meren) in
 * 2019 to look into partial IT cooperation on hardware (servers, workplaces, connections)
 * and fallback; the study found "geen positieve kosten- en uitvoeringseffecten" for
 * Hilversum. The figures are invented; the shared costs are divided by workplaces (the
 * demo's 2026 counts), so the larger partner carries most of an arrangement that only
 * saves the smaller one money.
 */
function haalbaarheidsonderzoek(ids: Ids): ScenarioInvoer {
  return {
    naam: 'Haalbaarheidsonderzoek IT-samenwerking Hilversum – Wijdemeren (hardware en uitwijk)',
    soort: 'nieuwe samenwerking',
    omschrijving:
      'Gezamenlijke servers, werkplekken, verbindingen en uitwijk, op verzoek van Wijdemeren (2019). Gaat iedere deelnemer erop vooruit?',
    samenwerkingId: ids.hilWijd,
    invoer: {
      deelnemers: [
        { organisatieId: ids.hilversum, huidigeKosten: { eenmalig: euro(250_000), jaarlijks: euro(1_150_000) } },
        { organisatieId: ids.wijdemeren, huidigeKosten: { eenmalig: euro(180_000), jaarlijks: euro(420_000) } },
      ],
      gezamenlijk: { eenmalig: euro(520_000), jaarlijks: euro(1_520_000) },
      verdeling: { soort: 'maatstaf', maatstaf: 'werkplekken' },
      maatstaven: [
        { organisatieId: ids.hilversum, maatstaf: 'werkplekken', waarde: 1195 },
        { organisatieId: ids.wijdemeren, maatstaf: 'werkplekken', waarde: 265 },
      ],
      horizonJaren: 10,
      disconteringsvoet: 3.5,
      startjaar: 2020,
    },
    toelichting: `${FICTIEF} De vraag en de uitkomst komen uit het raadsvoorstel van Hilversum (2020): voor Hilversum geen positieve kosten- en uitvoeringseffecten; Wijdemeren zag af van de samenwerking.`,
  }
}

/** Stores the demo costs through the services (validated and audited); returns counts per kind. */
export async function seedDemoKosten(services: Services, actor: Actor, ids: Ids): Promise<Record<string, number>> {
  const s: Ids = {}
  for (const [ref, input] of Object.entries(sleutels(ids))) s[ref] = (await services.verdeelsleutels.create(actor, input)).id
  const m = maatstaven(ids)
  for (const input of m) await services.maatstafwaarden.create(actor, input)
  const p = posten(ids, s)
  for (const input of p) await services.kostenposten.create(actor, input)
  for (const input of referenties) await services.referentiewaarden.create(actor, input)
  await services.scenarios.create(actor, haalbaarheidsonderzoek(ids))
  return {
    verdeelsleutels: Object.keys(s).length,
    maatstafwaarden: m.length,
    kostenposten: p.length,
    referentiewaarden: referenties.length,
    scenarios: 1,
  }
}
