// Numbers typed in a form (web/src/components/getal-invoer.tsx): what was understood,
// and one set of messages per kind of number for every form. The rule itself is in
// src/domain/getallen.ts and docs/architecture.md ("Getallen typen").

const nl = {
  begrepen: '= {{waarde}}',
  fout: {
    bedrag: {
      leeg: 'Vul een bedrag in.',
      ongeldig: 'Dit is geen bedrag. Schrijf bijvoorbeeld 12.345,67.',
      scheiding: 'Gebruik een komma voor de centen; een punt staat alleen tussen groepen van drie cijfers: 12.345,67.',
      scheidingVoorstel:
        'Bedoelt u {{voorstel}}? Gebruik een komma voor de centen; een punt staat alleen tussen groepen van drie cijfers: 12.345,67.',
      negatief: 'Een bedrag mag niet negatief zijn.',
      decimalen: 'Een bedrag heeft hoogstens twee cijfers na de komma (hele centen).',
      geheel: 'Een bedrag heeft hoogstens twee cijfers na de komma (hele centen).',
      teGroot: 'Dit bedrag is te groot.',
    },
    aantal: {
      leeg: 'Vul een aantal in.',
      ongeldig: 'Dit is geen aantal. Schrijf bijvoorbeeld 12.345.',
      scheiding: 'Een aantal is een geheel getal; een punt staat alleen tussen groepen van drie cijfers: 12.345.',
      scheidingVoorstel: 'Een aantal is een geheel getal; een punt staat alleen tussen groepen van drie cijfers: 12.345.',
      negatief: 'Een aantal mag niet negatief zijn.',
      decimalen: 'Een aantal is een geheel getal, zonder cijfers na de komma.',
      geheel: 'Een aantal is een geheel getal, zonder cijfers na de komma.',
      teGroot: 'Dit aantal is te groot.',
    },
    decimaal: {
      leeg: 'Vul een getal in.',
      ongeldig: 'Dit is geen getal. Schrijf bijvoorbeeld 33,33 of 1.210.',
      scheiding: 'Gebruik een komma voor decimalen; een punt staat alleen tussen groepen van drie cijfers: 1.234,5.',
      scheidingVoorstel:
        'Bedoelt u {{voorstel}}? Gebruik een komma voor decimalen; een punt staat alleen tussen groepen van drie cijfers: 1.234,5.',
      negatief: 'Dit getal mag niet negatief zijn.',
      decimalen: 'Hoogstens twaalf cijfers na de komma.',
      geheel: 'Hoogstens twaalf cijfers na de komma.',
      teGroot: 'Dit getal is te groot.',
    },
    jaar: 'Vul een jaartal in van vier cijfers, bijvoorbeeld 2026.',
  },
}

const en: typeof nl = {
  begrepen: '= {{waarde}}',
  fout: {
    bedrag: {
      leeg: 'Enter an amount.',
      ongeldig: 'This is not an amount. Write for example 12,345.67.',
      scheiding: 'Use a point for the cents; a comma only separates groups of three digits: 12,345.67.',
      scheidingVoorstel: 'Did you mean {{voorstel}}? Use a point for the cents; a comma only separates groups of three digits: 12,345.67.',
      negatief: 'An amount must not be negative.',
      decimalen: 'An amount has at most two digits after the point (whole cents).',
      geheel: 'An amount has at most two digits after the point (whole cents).',
      teGroot: 'This amount is too large.',
    },
    aantal: {
      leeg: 'Enter a number.',
      ongeldig: 'This is not a count. Write for example 12,345.',
      scheiding: 'A count is a whole number; a comma only separates groups of three digits: 12,345.',
      scheidingVoorstel: 'A count is a whole number; a comma only separates groups of three digits: 12,345.',
      negatief: 'A count must not be negative.',
      decimalen: 'A count is a whole number, without digits after the point.',
      geheel: 'A count is a whole number, without digits after the point.',
      teGroot: 'This count is too large.',
    },
    decimaal: {
      leeg: 'Enter a number.',
      ongeldig: 'This is not a number. Write for example 33.33 or 1,210.',
      scheiding: 'Use a point for decimals; a comma only separates groups of three digits: 1,234.5.',
      scheidingVoorstel: 'Did you mean {{voorstel}}? Use a point for decimals; a comma only separates groups of three digits: 1,234.5.',
      negatief: 'This number must not be negative.',
      decimalen: 'At most twelve digits after the point.',
      geheel: 'At most twelve digits after the point.',
      teGroot: 'This number is too large.',
    },
    jaar: 'Enter a year of four digits, for example 2026.',
  },
}

export default { nl, en }
