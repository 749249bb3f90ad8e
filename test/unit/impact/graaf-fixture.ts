import { Afhankelijkheidsgraaf, type GraafKoppeling, type GraafRijen } from '../../../src/domain/impact/index.js'

// Small hand-made landscapes for the impact tests: ids are readable names, not UUIDs.

export function koppeling(id: string, velden: Partial<GraafKoppeling>): GraafKoppeling {
  return {
    id,
    naam: id,
    bronApplicatieId: null,
    bronVoorziening: null,
    doelApplicatieId: null,
    doelVoorziening: null,
    viaApplicatieId: null,
    eigenaarId: null,
    gastheerschapId: null,
    samenwerkingId: null,
    vertrouwelijkheid: 'midden',
    persoonsgegevens: false,
    standaard: null,
    standaardVersie: null,
    status: 'in gebruik',
    ...velden,
  }
}

export const org = (id: string, type = 'gemeente') => ({ id, naam: id[0]?.toUpperCase() + id.slice(1), type })
export const app = (id: string, gebruikerIds: string[], velden: { hosting?: string; leverancierId?: string } = {}) => ({
  id,
  naam: id,
  leverancierId: velden.leverancierId ?? null,
  gebruikerIds,
  hosting: velden.hosting ?? 'bij gastheer',
  status: 'in productie',
})

export function leeg(): GraafRijen {
  return { organisaties: [], samenwerkingen: [], gastheerschappen: [], applicaties: [], koppelingen: [], contracten: [], toegangen: [] }
}

/**
 * The seed's situation in small: Hilversum hosts belastingen for Wijdemeren in samenwerking
 * hw; Key2 and the makelaar are hosted and used by both; Hilversum also has its own
 * zaaksysteem linked to Key2 and to the makelaar (its own koppelingen).
 */
export function hilversumWijdemeren(): GraafRijen {
  return {
    ...leeg(),
    organisaties: [org('hilversum'), org('wijdemeren'), org('leverancier', 'leverancier')],
    samenwerkingen: [
      {
        id: 'hw',
        naam: 'Hilversum – Wijdemeren',
        startdatum: '2016-01-01',
        einddatum: null,
        leden: [
          { organisatieId: 'hilversum', startdatum: '2016-01-01', einddatum: null, bevestigd: true },
          { organisatieId: 'wijdemeren', startdatum: '2016-01-01', einddatum: null, bevestigd: true },
        ],
      },
    ],
    gastheerschappen: [
      {
        id: 'bel',
        taak: 'Belastingen',
        gastheerId: 'hilversum',
        samenwerkingId: 'hw',
        afnemerIds: ['wijdemeren'],
        startdatum: '2019-01-01',
        einddatum: null,
      },
    ],
    applicaties: [
      app('key2', ['hilversum', 'wijdemeren'], { leverancierId: 'leverancier' }),
      app('makelaar', ['hilversum', 'wijdemeren']),
      app('dbb', ['hilversum', 'wijdemeren']),
      app('zaakH', ['hilversum'], { hosting: 'on-premise' }),
      app('zaakW', ['wijdemeren'], { hosting: 'SaaS' }),
    ],
    koppelingen: [
      koppeling('key2-dbb', {
        bronApplicatieId: 'key2',
        doelApplicatieId: 'dbb',
        viaApplicatieId: 'makelaar',
        gastheerschapId: 'bel',
        eigenaarId: 'hilversum',
        vertrouwelijkheid: 'hoog',
      }),
      koppeling('brp-key2', {
        bronVoorziening: 'BRP',
        doelApplicatieId: 'key2',
        viaApplicatieId: 'makelaar',
        eigenaarId: 'hilversum',
        persoonsgegevens: true,
      }),
      koppeling('key2-zaakH', { bronApplicatieId: 'key2', doelApplicatieId: 'zaakH', eigenaarId: 'hilversum' }),
      koppeling('makelaar-zaakH', { bronApplicatieId: 'makelaar', doelApplicatieId: 'zaakH', eigenaarId: 'hilversum' }),
      koppeling('makelaar-zaakW', { bronApplicatieId: 'makelaar', doelApplicatieId: 'zaakW', eigenaarId: 'wijdemeren' }),
    ],
  }
}

export const graafVan = (rijen: GraafRijen) => Afhankelijkheidsgraaf.uit(rijen)
