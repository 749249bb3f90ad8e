import { describe, expect, it } from 'vitest'
import type { DeclaratieRegel } from '../../src/domain/declaraties.js'
import { decimaalTekst } from '../../src/domain/getallen.js'
import { declaratiePdf } from '../../src/io/declaratie-pdf.js'
import { bedragIn, btwVermelding, exactBedragIn, fractieInWoorden } from '../../src/io/declaratie-tekst.js'
import type { Declaratie } from '../../src/schemas/declaraties.js'
import { pdfTekst } from '../helpers/pdf.js'

// How a declaratie says a share, an amount and the BTW, in Dutch and in English.

function regel(over: Partial<DeclaratieRegel> = {}): DeclaratieRegel {
  return {
    kostenpostId: '00000000-0000-4000-8000-000000000001',
    omschrijving: 'Beheer BAG/BGT',
    periode: '2026',
    soort: 'structureel',
    categorie: 'personeel',
    grondslag: 'realisatie',
    kostenpostBedrag: 405_150,
    sleutel: { id: 'k', naam: 'Wijdemeren vergoedt alles', geldigVanaf: 2016 },
    bedrag: 405_150,
    fractie: { teller: '1', noemer: '1' },
    exactBedrag: { teller: '405150', noemer: '1' },
    restcent: false,
    stappen: [{ regel: 'volledig afnemer', jaar: 2026, aandeelInSleutel: '100', waarde: '1', totaal: '1' }],
    ...over,
  }
}

const mix = regel({
  omschrijving: 'ICT-helpdesk: bemensing',
  sleutel: { id: 'u', naam: 'Uitwijk en helpdesk', geldigVanaf: 2017 },
  fractie: { teller: '273', noemer: '1000' },
  stappen: [
    { regel: 'gelijke delen', jaar: 2026, aandeelInSleutel: '50', waarde: '1', totaal: '2' },
    { regel: 'inwoners', jaar: 2026, aandeelInSleutel: '50', waarde: '64000', totaal: '234000', bron: 'organisatie' },
  ],
})

describe('fractieInWoorden', () => {
  it('says a key that puts everything on one organisation as the percentage and the key', () => {
    expect(fractieInWoorden(regel())).toBe('100 % volgens Wijdemeren vergoedt alles')
    expect(fractieInWoorden(regel(), 'en')).toBe('100% under Wijdemeren vergoedt alles')
  })

  it('says a mix as the share and each component with the recipient’s value of the total', () => {
    expect(fractieInWoorden(mix)).toBe(
      '27,3 % volgens Uitwijk en helpdesk — 50 % gelijke delen (1 van 2) + 50 % inwoners (64.000 van 234.000)',
    )
    expect(fractieInWoorden(mix, 'en')).toBe(
      '27.3% under Uitwijk en helpdesk — 50% equal shares (1 of 2) + 50% inhabitants (64,000 of 234,000)',
    )
  })

  it('names the measure of a single-measure key, and a post that no longer gives a share', () => {
    const werkplekken = regel({
      sleutel: { id: 'w', naam: 'Naar werkplekken', geldigVanaf: 2026 },
      fractie: { teller: '265', noemer: '2205' },
      stappen: [{ regel: 'maatstaf', maatstaf: 'werkplekken', jaar: 2026, aandeelInSleutel: '100', waarde: '265', totaal: '2205' }],
    })
    expect(fractieInWoorden(werkplekken)).toBe('12,0181 % volgens Naar werkplekken — werkplekken (265 van 2.205)')
    expect(fractieInWoorden(regel({ stappen: [], fractie: { teller: '0', noemer: '1' } }))).toMatch(/^0 % — .*geen aandeel meer/)
  })
})

describe('amounts', () => {
  it('in euros the way each language writes them', () => {
    expect(bedragIn(123_456_789, 'nl')).toBe('€ 1.234.567,89')
    expect(bedragIn(123_456_789, 'en')).toBe('€1,234,567.89')
    expect(bedragIn(-1_250, 'en')).toBe('-€12.50')
    expect(decimaalTekst('12345.5', 'nl')).toBe('12.345,5')
  })

  it('gives the exact amount before rounding in euros, never as a raw fraction of cents', () => {
    expect(exactBedragIn({ teller: '6403679', noemer: '100' }, 'nl')).toBe('€ 640,3679')
    expect(exactBedragIn({ teller: '200', noemer: '3' }, 'nl')).toBe('€ 0,6667')
    expect(exactBedragIn({ teller: '1234567', noemer: '1' }, 'nl')).toBe('€ 12.345,67')
    expect(exactBedragIn({ teller: '1234567', noemer: '1' }, 'en')).toBe('€12,345.67')
  })
})

describe('btwVermelding', () => {
  const d = (regels: DeclaratieRegel[]) => ({ regels }) as unknown as Declaratie
  it('is one sentence when every line agrees; lines stored before the setting count as geen', () => {
    expect(btwVermelding(d([regel(), regel({ btw: 'geen' })]))).toBe('Geen BTW verschuldigd.')
    expect(btwVermelding(d([regel({ btw: 'exclusief' })]), 'en')).toBe('Amounts exclude VAT.')
  })

  it('names the posts per setting when they differ', () => {
    expect(btwVermelding(d([regel(), { ...mix, btw: 'inclusief' }]))).toBe(
      'Geen BTW verschuldigd voor: Beheer BAG/BGT. Bedragen zijn inclusief BTW voor: ICT-helpdesk: bemensing.',
    )
  })
})

describe('the payment block', () => {
  const basis = {
    id: 'x',
    nummer: '2026-0002',
    soort: 'correctie',
    corrigeertId: 'y',
    corrigeertNummer: '2026-0001',
    vanId: 'a',
    vanNaam: 'Hilversum',
    vanCbsCode: 'GM0402',
    aanId: 'b',
    aanNaam: 'Wijdemeren',
    aanCbsCode: 'GM1696',
    periode: '2026',
    periodeStart: '2026-01-01',
    periodeEind: '2026-12-31',
    status: 'definitief',
    aantalRegels: 1,
    toelichting: null,
    definitiefOp: '2026-12-20T10:00:00.000Z',
    verzondenOp: null,
    betaaldOp: null,
    revisie: 2,
    aangemaaktOp: '2026-12-19T10:00:00.000Z',
    gewijzigdOp: '2026-12-20T10:00:00.000Z',
  }

  it('asks for payment by the due date across the year end, and says a negative correction is refunded', async () => {
    const te = { ...basis, totaal: 1_000, regels: [regel({ bedrag: 1_000, eerderGedeclareerd: 404_150, nieuwBedrag: 405_150 })] }
    const tekst = pdfTekst(await declaratiePdf(te as Declaratie, { afzender: { iban: 'NL08RKMR0000040200', betaaltermijnDagen: 30 } }))
    expect(tekst).toContain('Uiterste betaaldatum: \n19 januari 2027 (30 dagen na 20 december 2026)')
    expect(tekst).toContain('U wordt verzocht € 10,00 over te maken onder vermelding van 2026-0002.')
    const terug = { ...basis, totaal: -1_000, regels: [regel({ bedrag: -1_000 })] }
    const credit = pdfTekst(await declaratiePdf(terug as Declaratie, { afzender: { iban: 'NL08RKMR0000040200', betaaltermijnDagen: 30 } }))
    expect(credit).toContain('Dit is een creditbedrag: Hilversum betaalt € 10,00 terug of verrekent het.')
    expect(credit).not.toContain('Uiterste betaaldatum')
  })

  it('groups thousands in the steps on the Berekening page', async () => {
    const tekst = pdfTekst(await declaratiePdf({ ...basis, soort: 'declaratie', totaal: 1_000, regels: [mix] } as Declaratie))
    expect(tekst).toContain('  - 50 % naar inwoners 2026: 64.000 van 234.000 (bron: Organisatie (CBS-inwonertal))')
  })

  it('is left out when the sender recorded no payment details', async () => {
    const tekst = pdfTekst(await declaratiePdf({ ...basis, totaal: 1_000, regels: [regel({ bedrag: 1_000 })] } as Declaratie))
    expect(tekst).not.toContain('Betaling')
    expect(tekst).not.toContain('IBAN')
  })
})
