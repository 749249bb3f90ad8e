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
    persoonsgegevens: 'Met persoonsgegevens',
    vertrouwelijkheid: 'Vertrouwelijkheid',
    laag: 'Laag',
    midden: 'Midden',
    hoog: 'Hoog',
    caption: 'Koppelingen van {{naam}} per vertrouwelijkheid',
    aantal: 'Aantal',
    inLandschap: 'Bekijk in het landschap',
    inLandschapLabel: 'Bekijk in het landschap: {{naam}}',
  },
  later: {
    badge: 'Nog niet beschikbaar',
    bewaking: {
      kop: 'Werking van koppelingen',
      tekst: 'Hier komt of de koppelingen nu werken en hoe hun beschikbaarheid zich verhoudt tot de afspraak.',
    },
    bevindingen: {
      kop: 'Bevindingen vertrouwen',
      tekst: 'Hier komen de bevindingen waar de praktijk het vertrouwensbeleid van de samenwerking schendt.',
    },
    kosten: {
      kop: 'Kosten',
      tekst: 'Hier komt wat elke partner betaalt voor de gastheerschappen, en de stand van de declaraties.',
    },
  },
}

const en: typeof nl = {
  titel: 'Dashboard',
  intro:
    'Per cooperation: who takes part, who performs which task for whom, and how sensitive the data links are. You see only what you may see.',
  totalen: {
    kop: 'In your view',
    organisaties: 'Organisations',
    samenwerkingen: 'Cooperations',
    gastheerschappen: 'Hosted tasks',
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
    kop: 'Hosted tasks',
    geen: 'No hosted tasks within this cooperation.',
    taak: 'Task',
    gastheer: 'Host',
    afnemers: 'Guests',
    caption: 'Hosted tasks of {{naam}}',
  },
  koppelingen: {
    kop: 'Data links by classification',
    toelichting: 'Data links serving the hosted tasks of this cooperation.',
    totaal: 'Total',
    persoonsgegevens: 'With personal data',
    vertrouwelijkheid: 'Confidentiality',
    laag: 'Low',
    midden: 'Medium',
    hoog: 'High',
    caption: 'Data links of {{naam}} by confidentiality',
    aantal: 'Number',
    inLandschap: 'View in the landscape',
    inLandschapLabel: 'View in the landscape: {{naam}}',
  },
  later: {
    badge: 'Not available yet',
    bewaking: {
      kop: 'Data link health',
      tekst: 'This will show whether the data links work now and how their availability compares with the agreement.',
    },
    bevindingen: {
      kop: 'Trust findings',
      tekst: 'This will show the findings where practice breaks the trust policy of the cooperation.',
    },
    kosten: {
      kop: 'Costs',
      tekst: 'This will show what each partner pays for the hosted tasks, and the state of the declarations.',
    },
  },
}

export default { nl, en }
