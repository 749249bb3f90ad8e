import type { Vertrouwensbeleid } from './typen.js'

// The default policy Regiekamer ships, derived from the BIO (2019, on ISO 27002:2013)
// and BIO2 (on ISO 27002:2022). It applies to every organisation that has no policy of
// its own and is in no samenwerking that adopted one. Each rule names the control it
// enforces, so a CISO can trace a finding back to the baseline.

/** Fixed UUID, so findings of the default policy keep their sleutel across installations. */
export const STANDAARDBELEID_ID = '00000000-0000-4000-8000-00000000b10b'

/** Suppliers and other parties: the rules about suppliers do not ask a municipality for a supplier's assurance. */
const LEVERANCIERS = ['leverancier', 'overig'] as const

export const STANDAARDBELEID: Vertrouwensbeleid = {
  id: STANDAARDBELEID_ID,
  naam: 'Standaardbeleid BIO (Regiekamer)',
  versie: 1,
  samenwerkingIds: [],
  regels: [
    {
      id: 'bewijs-hoog-of-persoonsgegevens',
      toelichting:
        'Wie bij hoog-vertrouwelijke gegevens, persoonsgegevens of het netwerk komt, toont een geldig ISO 27001-certificaat of ISAE 3402 type II-verklaring en heeft een verwerkersovereenkomst met de eigenaar.',
      soort: 'vereist-bewijs',
      ernst: 'hoog',
      maatregel: 'BIO 15.1.2; BIO2 5.19, 5.20; AVG art. 28',
      partijTypes: [...LEVERANCIERS],
      vanafVertrouwelijkheid: 'hoog',
      bijPersoonsgegevens: true,
      netwerkzones: true,
      alleVan: [],
      eenVan: ['iso27001', 'isae3402-type2'],
      verwerkersovereenkomstMetEigenaar: true,
    },
    {
      id: 'herbeoordeling-jaarlijks',
      toelichting: 'Toegangsrechten worden minstens jaarlijks herbeoordeeld.',
      soort: 'herbeoordeling',
      ernst: 'middel',
      maatregel: 'BIO 9.2.5; BIO2 5.18',
      maxMaanden: 12,
    },
    {
      id: 'verwerkersovereenkomst',
      toelichting: 'Met elke leverancier die persoonsgegevens verwerkt is een verwerkersovereenkomst gesloten.',
      soort: 'verwerkersovereenkomst-bij-persoonsgegevens',
      ernst: 'hoog',
      maatregel: 'BIO 15.1.1; AVG art. 28',
      partijTypes: [...LEVERANCIERS],
    },
    {
      id: 'assurance-jaarlijks',
      toelichting: 'Leveranciers tonen jaarlijks een onafhankelijke verklaring (ISO 27001, ISAE 3402 type II of SOC 2 type II).',
      soort: 'jaarlijkse-assurance',
      ernst: 'middel',
      maatregel: 'BIO 15.2.1; BIO2 5.20, 5.22',
      partijTypes: [...LEVERANCIERS],
      soorten: ['iso27001', 'isae3402-type2', 'soc2-type2'],
      maxMaanden: 12,
    },
    {
      id: 'exitstrategie',
      soort: 'contracteisen',
      ernst: 'middel',
      maatregel: 'BIO 15.1.2; BIO2 5.20, 5.23',
      toelichting: 'Een exitstrategie in elk leverancierscontract is de voorwaarde voor ontvlechting.',
      auditrecht: false,
      exitstrategie: true,
    },
    {
      id: 'auditrecht',
      toelichting: 'Het contract geeft het recht de leverancier te (laten) auditen.',
      soort: 'contracteisen',
      ernst: 'laag',
      maatregel: 'BIO 15.1.2; BIO2 5.20',
      auditrecht: true,
      exitstrategie: false,
    },
    {
      id: 'koppelingregister',
      toelichting:
        "Het register van koppelingen en API's is actueel: elke koppeling waar een partij bij komt staat erin, met eigenaar, en is niet teruggetrokken.",
      soort: 'koppelingregister',
      ernst: 'middel',
      maatregel: 'BIO 8.1.1, 8.1.2; BIO2 5.9',
      verbodenStatussen: ['teruggetrokken'],
    },
    {
      id: 'verloop-60-dagen',
      toelichting: 'Bewijs waarop een regel steunt wordt 60 dagen voor het verloopt gemeld, zodat er tijd is voor een opvolger.',
      soort: 'verloopwaarschuwing',
      ernst: 'laag',
      maatregel: 'BIO 15.2.1; BIO2 5.22',
      dagen: 60,
    },
  ],
}
