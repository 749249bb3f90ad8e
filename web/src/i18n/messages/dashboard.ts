// Texts of the dashboard (start page).
const nl = {
  titel: 'Dashboard',
  intro: 'Per samenwerking: wie meedoet, wie wat voor wie uitvoert en hoe gevoelig de koppelingen zijn. U ziet alleen wat u mag zien.',
  totalen: {
    kop: 'In uw beeld',
    organisaties: 'Organisaties',
    samenwerkingen: 'Samenwerkingen',
    gastheerschappen: 'Gastheerschappen',
    applicaties: 'Applicaties',
    koppelingen: 'Koppelingen',
  },
  samenwerkingen: {
    kop: 'Samenwerkingen',
    geen: 'U ziet nog geen samenwerkingen. Vraag een beheerder om u een rol te geven bij uw organisatie.',
    sinds: '{{vorm}}, sinds {{datum}}',
    tot: 'tot {{datum}}',
  },
  leden: { kop: 'Leden', geen: 'Geen leden.' },
  gastheerschappen: {
    kop: 'Gastheerschappen',
    geen: 'Geen gastheerschappen binnen deze samenwerking.',
    taak: 'Taak',
    gastheer: 'Gastheer',
    afnemers: 'Afnemers',
    caption: 'Gastheerschappen van {{naam}}',
  },
  koppelingen: {
    kop: 'Koppelingen naar classificatie',
    toelichting: 'Koppelingen die de gastheerschappen van deze samenwerking dienen.',
    totaal: 'Totaal',
    metPersoonsgegevens:
      'Apart geteld: {{aantal}} van deze {{totaal}} koppelingen dragen persoonsgegevens (zij staan hierboven ook bij hun vertrouwelijkheid).',
    vertrouwelijkheid: 'Vertrouwelijkheid',
    laag: 'Laag',
    midden: 'Midden',
    hoog: 'Hoog',
    caption: 'Koppelingen van {{naam}} per vertrouwelijkheid',
    aantal: 'Aantal',
    inLandschap: 'Bekijk in het landschap',
    inLandschapLabel: 'Bekijk in het landschap: {{naam}}',
  },
  kosten: { kop: 'Kosten' },
}

const en: typeof nl = {
  titel: 'Dashboard',
  intro:
    'Per cooperation: who takes part, who performs which task for whom, and how sensitive the data links are. You see only what you may see.',
  totalen: {
    kop: 'In your view',
    organisaties: 'Organisations',
    samenwerkingen: 'Cooperations',
    gastheerschappen: 'Hosting arrangements',
    applicaties: 'Applications',
    koppelingen: 'Data links',
  },
  samenwerkingen: {
    kop: 'Cooperations',
    geen: 'You see no cooperations yet. Ask an administrator to give you a role at your organisation.',
    sinds: '{{vorm}}, since {{datum}}',
    tot: 'until {{datum}}',
  },
  leden: { kop: 'Members', geen: 'No members.' },
  gastheerschappen: {
    kop: 'Hosting arrangements',
    geen: 'No hosting arrangements within this cooperation.',
    taak: 'Task',
    gastheer: 'Host',
    afnemers: 'Guests',
    caption: 'Hosting arrangements of {{naam}}',
  },
  koppelingen: {
    kop: 'Data links by classification',
    toelichting: 'Data links serving the hosting arrangements of this cooperation.',
    totaal: 'Total',
    metPersoonsgegevens:
      'Counted separately: {{aantal}} of these {{totaal}} data links carry personal data (they are also counted above by confidentiality).',
    vertrouwelijkheid: 'Confidentiality',
    laag: 'Low',
    midden: 'Medium',
    hoog: 'High',
    caption: 'Data links of {{naam}} by confidentiality',
    aantal: 'Number',
    inLandschap: 'View in the landscape',
    inLandschapLabel: 'View in the landscape: {{naam}}',
  },
  kosten: { kop: 'Costs' },
}

export default { nl, en }
