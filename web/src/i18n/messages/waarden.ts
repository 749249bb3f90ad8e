// Labels of the shared vocabulary values (src/domain/vocabulary.ts), per list. The API
// and the Dutch UI use the values themselves (GEMMA where it has them); the English UI
// shows these labels. i18n/waarden.ts picks the list of a value; waarden.test.ts checks
// that every value of every list has a label in both languages.

const nl = {
  organisatieType: { gemeente: 'gemeente', samenwerkingsverband: 'samenwerkingsverband', leverancier: 'leverancier', overig: 'overig' },
  samenwerkingVorm: {
    'Shared Service Center': 'Shared Service Center',
    'Gemeenschappelijke Regeling': 'Gemeenschappelijke Regeling',
    'DVO (gastheerschap)': 'DVO (gastheerschap)',
    Centrumgemeenteregeling: 'Centrumgemeenteregeling',
    'Ambtelijke fusie': 'Ambtelijke fusie',
    Belastingsamenwerking: 'Belastingsamenwerking',
    Werkorganisatie: 'Werkorganisatie',
    Convenant: 'Convenant',
    Overig: 'Overig',
  },
  hosting: { SaaS: 'SaaS', 'on-premise': 'on-premise', 'bij gastheer': 'bij gastheer' },
  applicatieStatus: {
    verwerving: 'verwerving',
    gepland: 'gepland',
    'in productie': 'in productie',
    'uit te faseren': 'uit te faseren',
    uitgefaseerd: 'uitgefaseerd',
  },
  koppelingType: {
    api: 'api',
    webservices: 'webservices',
    bestandsoverdracht: 'bestandsoverdracht',
    digikoppeling: 'digikoppeling',
    'message queue': 'message queue',
    'upload naar portaal': 'upload naar portaal',
  },
  richting: { 'A→B': 'A→B', 'B→A': 'B→A', bidirectioneel: 'bidirectioneel' },
  koppelingStatus: {
    'in ontwikkeling': 'in ontwikkeling',
    'in gebruik': 'in gebruik',
    'einde ondersteuning': 'einde ondersteuning',
    teruggetrokken: 'teruggetrokken',
  },
  biv: { laag: 'laag', midden: 'midden', hoog: 'hoog' },
  kostenSoort: { structureel: 'structureel', initieel: 'initieel' },
  kostenCategorie: {
    personeel: 'personeel',
    licenties: 'licenties',
    hosting: 'hosting',
    hardware: 'hardware',
    werkplekken: 'werkplekken',
    verbindingen: 'verbindingen',
    advies: 'advies',
    overig: 'overig',
  },
  declaratieStatus: { concept: 'concept', definitief: 'definitief', verzonden: 'verzonden', betaald: 'betaald' },
}

const en: typeof nl = {
  organisatieType: { gemeente: 'municipality', samenwerkingsverband: 'cooperation body', leverancier: 'supplier', overig: 'other' },
  samenwerkingVorm: {
    'Shared Service Center': 'Shared service centre',
    'Gemeenschappelijke Regeling': 'Joint arrangement (Gemeenschappelijke Regeling)',
    'DVO (gastheerschap)': 'Service agreement (hosting arrangement)',
    Centrumgemeenteregeling: 'Lead-municipality arrangement',
    'Ambtelijke fusie': 'Merged civil service',
    Belastingsamenwerking: 'Tax cooperation',
    Werkorganisatie: 'Joint work organisation',
    Convenant: 'Covenant',
    Overig: 'Other',
  },
  hosting: { SaaS: 'SaaS', 'on-premise': 'on-premises', 'bij gastheer': 'at the host' },
  applicatieStatus: {
    verwerving: 'procurement',
    gepland: 'planned',
    'in productie': 'in production',
    'uit te faseren': 'to be phased out',
    uitgefaseerd: 'phased out',
  },
  koppelingType: {
    api: 'API',
    webservices: 'web services',
    bestandsoverdracht: 'file transfer',
    digikoppeling: 'Digikoppeling',
    'message queue': 'message queue',
    'upload naar portaal': 'upload to a portal',
  },
  richting: { 'A→B': 'A→B', 'B→A': 'B→A', bidirectioneel: 'both ways' },
  koppelingStatus: {
    'in ontwikkeling': 'in development',
    'in gebruik': 'in use',
    'einde ondersteuning': 'end of support',
    teruggetrokken: 'withdrawn',
  },
  biv: { laag: 'low', midden: 'medium', hoog: 'high' },
  kostenSoort: { structureel: 'recurring', initieel: 'one-off (initial)' },
  kostenCategorie: {
    personeel: 'staff',
    licenties: 'licences',
    hosting: 'hosting',
    hardware: 'hardware',
    werkplekken: 'workstations',
    verbindingen: 'connections',
    advies: 'advice',
    overig: 'other',
  },
  declaratieStatus: { concept: 'draft', definitief: 'final', verzonden: 'sent', betaald: 'paid' },
}

export default { nl, en }
