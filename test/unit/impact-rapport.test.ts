import { describe, expect, it } from 'vitest'
import {
  type ImpactRapportGegevens,
  impactRapportBestandsnaam,
  impactRapportMarkdown,
  mdTekst,
  padTekst,
  verschilBedrag,
} from '../../src/io/impact-rapport.js'
import { impactRapportPdf } from '../../src/io/impact-rapport-pdf.js'
import type { ImpactUitkomst } from '../../src/schemas/impact.js'
import type { ImpactScenario } from '../../src/schemas/scenario.js'
import { pdfTekst } from '../helpers/pdf.js'

// The council report of an impact scenario, from hand-made input: what a reader must
// find (question, changes in words, paths, owners, euros, risks), what must never show
// (a raw id), and Markdown that a pipe or an asterisk in a name cannot break.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const WIJD = id(1)
const HILV = id(2)
const SW = id(3)
const GH = id(4)
const APP = id(5)
const VERBORGEN_APP = id(6)
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

const NAMEN: Record<string, string> = {
  [WIJD]: 'Wijdemeren',
  [HILV]: 'Hilversum',
  [SW]: 'Gastheerschappen Hilversum – Wijdemeren',
  [GH]: 'Belastingen (Hilversum)',
  [APP]: 'Key2Belastingen',
}

const bericht = (nl: string, en = nl) => ({ nl, en })

function scenario(o: Partial<ImpactScenario> = {}, invoer: Partial<ImpactScenario['invoer']> = {}): ImpactScenario {
  return {
    id: id(100),
    revisie: 1,
    aangemaaktOp: '2026-01-01T00:00:00.000Z',
    gewijzigdOp: '2026-01-01T00:00:00.000Z',
    naam: 'Wijdemeren stopt | test',
    soort: 'impactanalyse',
    omschrijving: 'Een *proef* met [links](http://x) en <b>html</b>.',
    samenwerkingId: SW,
    toelichting: 'Fictief: bedragen verzonnen.',
    invoer: {
      opstellerId: WIJD,
      vraag: 'Kan de samenwerking | worden ontvlochten?',
      wijzigingen: [
        { soort: 'uittreden', datum: '2028-01-01', organisatieId: WIJD, samenwerkingId: SW },
        { soort: 'gastheer stopt', datum: '2028-07-01', gastheerschapId: GH },
        { soort: 'uitbesteden', datum: '2029-01-01', organisatieId: WIJD, applicatieIds: [APP, VERBORGEN_APP], partijId: HILV },
        { soort: 'standaard wijzigt', datum: '2029-01-01', standaard: 'StUF-BG', versie: '3.10', nieuweVersie: 'Haal Centraal' },
      ],
      aannames: ['De DVO wordt tijdig opgezegd.', '1. Geen lijst'],
      kosten: [
        { organisatieId: WIJD, omschrijving: 'Conversie (fictief)', eenmalig: 123_456, jaarlijks: 9_500_000 },
        { organisatieId: HILV, omschrijving: 'Ontvlechten', eenmalig: 6_000_000 },
      ],
      ...invoer,
    },
    ...o,
  } as ImpactScenario
}

const stap = (soort: 'organisatie' | 'gastheerschap' | 'applicatie' | 'verborgen', naam: string, sid?: string) =>
  sid ? { soort, naam, id: sid } : { soort, naam }

function uitkomst(o: Partial<ImpactUitkomst> = {}): ImpactUitkomst {
  const pad = [
    stap('organisatie', 'Wijdemeren', WIJD),
    stap('gastheerschap', 'Belastingen', GH),
    stap('applicatie', 'Key2Belastingen', APP),
    stap('applicatie', 'Gegevensmakelaar', id(7)),
    stap('applicatie', 'Digitale Belastingbalie', id(8)),
  ]
  return {
    peildatum: '2028-01-01',
    samenvatting: bericht('Geraakt: 1 gastheerschap, 2 koppelingen.', 'Affected: 1 hosting arrangement, 2 data links.'),
    aantallen: {
      gastheerschappen: 1,
      koppelingen: 2,
      koppelingenGevoelig: 1,
      koppelingenViaTussenschakel: 1,
      applicaties: 1,
      organisaties: 2,
      contracten: 0,
      toegangen: 0,
      bevindingen: 0,
    },
    gastheerschappen: [
      {
        id: GH,
        taak: 'Belastingen',
        gastheerId: HILV,
        eigenaarId: WIJD,
        eigenaarNaam: 'Wijdemeren',
        actie: bericht('DVO opzeggen.'),
        wijzigingen: [0],
      },
    ],
    koppelingen: [
      {
        id: id(20),
        naam: 'Gewoon | koppeling',
        vertrouwelijkheid: 'laag',
        persoonsgegevens: false,
        betrokkenheid: 'direct',
        pad: [stap('organisatie', 'Wijdemeren', WIJD), stap('verborgen', 'niet zichtbaar object')],
        eigenaarId: WIJD,
        eigenaarNaam: 'Wijdemeren',
        actie: bericht('Afsluiten.'),
        wijzigingen: [0],
      },
      {
        id: id(21),
        naam: 'Gegevensmakelaar – Digitale Belastingbalie',
        vertrouwelijkheid: 'hoog',
        persoonsgegevens: true,
        betrokkenheid: 'via tussenschakel',
        pad,
        eigenaarId: HILV,
        eigenaarNaam: 'Hilversum',
        actie: bericht('Ontvlechten: de gegevens van Wijdemeren eruit halen.', 'Disentangle.'),
        wijzigingen: [0],
      },
    ],
    applicaties: [
      {
        id: APP,
        naam: 'Key2Belastingen',
        pad: pad.slice(0, 3),
        eigenaarId: WIJD,
        eigenaarNaam: 'Wijdemeren',
        actie: bericht('Gegevens overzetten.'),
        wijzigingen: [0],
      },
    ],
    organisaties: [
      { id: HILV, naam: 'Hilversum', rollen: ['gastheer'], acties: 1 },
      { id: WIJD, naam: 'Wijdemeren', rollen: ['uittreder', 'afnemer'], acties: 3 },
    ],
    contracten: [],
    toegangen: [],
    kringlopen: [{ pad: [stap('applicatie', 'A', id(30)), stap('applicatie', 'B', id(31)), stap('applicatie', 'A', id(30))] }],
    bevindingen: [],
    kosten: {
      jaar: 2026,
      jaarVolledig: true,
      perOrganisatie: [
        { organisatieId: HILV, naam: 'Hilversum', nu: 0, straks: 123_456, verschil: 123_456, eenmalig: 6_000_000, jaarlijksExtra: 0 },
        {
          organisatieId: WIJD,
          naam: 'Wijdemeren',
          nu: 123_456,
          straks: 0,
          verschil: -123_456,
          eenmalig: 123_456,
          jaarlijksExtra: 9_500_000,
        },
      ],
      herzieningNodig: [
        { kostenpostId: id(40), omschrijving: 'Licentie', reden: bericht('Sleutel sluit niet.') },
        { kostenpostId: id(41), omschrijving: 'Licentie', reden: bericht('Sleutel sluit niet.') },
      ],
    },
    openRisicos: [bericht('1 koppeling met persoonsgegevens: onder regie van de CISO.', '1 data link with personal data.')],
    ...o,
  }
}

const gegevens = (o: Partial<ImpactRapportGegevens> = {}): ImpactRapportGegevens => ({
  scenario: scenario(),
  uitkomst: uitkomst(),
  namen: (x) => NAMEN[x],
  // 22:30 UTC on 1 July is 00:30 on 2 July in Amsterdam (summer time).
  gemaaktOp: new Date('2026-07-01T22:30:00Z'),
  taal: 'nl',
  ...o,
})

/** The table blocks of a Markdown text, each as its lines. */
const tabellen = (md: string) =>
  md
    .split('\n\n')
    .filter((b) => b.startsWith('| '))
    .map((b) => b.split('\n'))
/** Cells of a table line, not counting escaped pipes. */
const cellen = (regel: string) => regel.replace(/\\\|/g, '').split('|').length - 2

describe('mdTekst', () => {
  it('escapes what Markdown would read as markup', () => {
    expect(mdTekst('a | b')).toBe('a \\| b')
    expect(mdTekst('*vet* _schuin_ `code` [link](x) <b> ~weg~ \\')).toBe(
      '\\*vet\\* \\_schuin\\_ \\`code\\` \\[link\\](x) \\<b\\> \\~weg\\~ \\\\',
    )
    expect(mdTekst('regel 1\nregel 2\r\nregel 3')).toBe('regel 1 regel 2 regel 3')
    expect(mdTekst('# kop')).toBe('\\# kop')
    expect(mdTekst('- geen lijst')).toBe('\\- geen lijst')
    expect(mdTekst('1. geen lijst')).toBe('1\\. geen lijst')
    expect(mdTekst('&amp; blijft tekst, P&O ook')).toBe('&amp;amp; blijft tekst, P&O ook')
    expect(mdTekst('Gewoon: 1.234,56 – prima.')).toBe('Gewoon: 1.234,56 – prima.')
  })
})

describe('amounts and paths', () => {
  it('writes euros as a Dutch reader does, with a sign for what grows', () => {
    expect(verschilBedrag(123_456, 'nl')).toBe('€\u00a0+1.234,56')
    expect(verschilBedrag(-123_456, 'nl')).toBe('€\u00a0-1.234,56')
    expect(verschilBedrag(0, 'nl')).toBe('€\u00a00,00')
    expect(verschilBedrag(123_456_789, 'en')).toBe('+€1,234,567.89')
    expect(verschilBedrag(-5, 'en')).toBe('-€0.05')
  })

  it('joins a path with arrows and names a hidden step without its id', () => {
    expect(padTekst(uitkomst().koppelingen[1]?.pad ?? [], 'nl')).toBe(
      'Wijdemeren → Belastingen → Key2Belastingen → Gegevensmakelaar → Digitale Belastingbalie',
    )
    expect(padTekst([stap('organisatie', 'Wijdemeren', WIJD), stap('verborgen', 'niet zichtbaar object')], 'en')).toBe(
      'Wijdemeren → not visible object',
    )
  })
})

describe('impactRapportMarkdown', () => {
  const md = impactRapportMarkdown(gegevens())

  it('holds the question, the changes in words with dates and names, and the assumptions', () => {
    expect(md).toContain('# Impactanalyse: Wijdemeren stopt \\| test')
    expect(md).toContain('**Kan de samenwerking \\| worden ontvlochten?**')
    expect(md).toContain('1. Wijdemeren treedt per 1 januari 2028 uit de samenwerking Gastheerschappen Hilversum – Wijdemeren')
    expect(md).toContain('2. Het gastheerschap Belastingen (Hilversum) eindigt per 1 juli 2028')
    expect(md).toContain('3. Wijdemeren besteedt per 1 januari 2029 Key2Belastingen en niet zichtbaar object')
    expect(md).toContain('uit aan Hilversum.')
    expect(md).toContain('4. Standaard StUF-BG versie 3.10 wijzigt per 1 januari 2029 naar Haal Centraal')
    expect(md).toContain('- De DVO wordt tijdig opgezegd.')
    expect(md).toContain('- 1\\. Geen lijst')
    expect(md).toContain('Een \\*proef\\* met \\[links\\](http://x) en \\<b\\>html\\</b\\>.')
  })

  it('never prints a raw id, even for what the caller may not name', () => {
    expect(md).not.toMatch(UUID)
    const zonderNamen = impactRapportMarkdown(gegevens({ namen: () => undefined }))
    expect(zonderNamen).not.toMatch(UUID)
    expect(zonderNamen).toContain('niet zichtbaar object treedt per 1 januari 2028 uit de samenwerking niet zichtbaar object')
  })

  it('lists sensitive koppelingen first, each with its path, owner and action', () => {
    const gevoelig = md.indexOf('Gegevensmakelaar – Digitale Belastingbalie')
    const gewoon = md.indexOf('Gewoon \\| koppeling')
    expect(gevoelig).toBeGreaterThan(0)
    expect(gewoon).toBeGreaterThan(gevoelig)
    expect(md).toContain(
      '| Gegevensmakelaar – Digitale Belastingbalie | hoog, persoonsgegevens | Wijdemeren → Belastingen → Key2Belastingen → Gegevensmakelaar → Digitale Belastingbalie (via tussenschakel) | Hilversum | Ontvlechten: de gegevens van Wijdemeren eruit halen. |',
    )
    expect(md).toContain('Wijdemeren → niet zichtbaar object (direct)')
    expect(md).toContain('- A → B → A')
  })

  it('keeps every table row as wide as its header, whatever the names hold', () => {
    const alle = tabellen(md)
    expect(alle.length).toBeGreaterThanOrEqual(6)
    for (const t of alle) {
      const breed = cellen(t[0] ?? '')
      expect(t[1]).toMatch(/^\|( ---:? \|)+$/)
      for (const regel of t) expect(cellen(regel), regel).toBe(breed)
    }
  })

  it('gives the cost effect per organisation per year in euros, with the cost year, one-off costs and a total', () => {
    expect(md).toContain('- **Kostenjaar:** 2026')
    expect(md).toContain('volgens de kostenposten van 2026')
    expect(md).toContain('| Hilversum | €\u00a00,00 | €\u00a01.234,56 | €\u00a0+1.234,56 | €\u00a00,00 | €\u00a060.000,00 |')
    expect(md).toContain('| Wijdemeren | €\u00a01.234,56 | €\u00a00,00 | €\u00a0-1.234,56 | €\u00a0+95.000,00 | €\u00a01.234,56 |')
    expect(md).toContain(
      '| **Totaal** | **€\u00a01.234,56** | **€\u00a01.234,56** | **€\u00a00,00** | **€\u00a0+95.000,00** | **€\u00a061.234,56** |',
    )
    expect(md).toContain('| Wijdemeren | Conversie (fictief) | €\u00a01.234,56 | €\u00a0+95.000,00 |')
    expect(md).toContain('| Licentie (2×) | Sleutel sluit niet. |')
  })

  it('ends with the open risks and a footer in Amsterdam time, carrying the Fictief mark', () => {
    expect(md).toContain('## Open risico’s\n\n- 1 koppeling met persoonsgegevens: onder regie van de CISO.')
    expect(md).toContain('> **FICTIEF** — bedragen verzonnen.')
    expect(md).toContain('_Gemaakt door Regiekamer op 2 juli 2026 om 00:30 (Europe/Amsterdam) · FICTIEF_')
    // The toelichting is the Fictief sentence: said once, in the banner.
    expect(md).not.toContain('Toelichting:')
  })

  it('has no Fictief mark when the scenario does not say so', () => {
    const echt = impactRapportMarkdown(
      gegevens({
        scenario: scenario(
          { toelichting: 'Bedragen uit de begroting 2026.' },
          { kosten: [{ organisatieId: WIJD, omschrijving: 'Conversie', eenmalig: 100 }] },
        ),
      }),
    )
    expect(echt).not.toMatch(/fictief/i)
    expect(echt).toContain('Toelichting: Bedragen uit de begroting 2026.')
  })

  it('says so when there is no question, no assumption, no cost year and no risk', () => {
    const leeg = impactRapportMarkdown(
      gegevens({
        scenario: scenario({}, { vraag: undefined, aannames: undefined, kosten: undefined }),
        uitkomst: uitkomst({
          koppelingen: [],
          kringlopen: [],
          openRisicos: [],
          kosten: { jaar: null, jaarVolledig: false, perOrganisatie: [], herzieningNodig: [] },
        }),
      }),
    )
    expect(leeg).toContain('Er is geen vraag vastgelegd.')
    expect(leeg).toContain('Er zijn geen aannames vastgelegd.')
    expect(leeg).toContain('### Koppelingen\n\nGeen.')
    expect(leeg).toContain('geen kostenposten bekend')
    expect(leeg).toContain('Er zijn geen open risico’s gevonden')
    expect(leeg).not.toContain('Kostenjaar')
  })

  it('is English when asked', () => {
    const en = impactRapportMarkdown(gegevens({ taal: 'en' }))
    expect(en).toContain('# Impact analysis: Wijdemeren stopt \\| test')
    expect(en).toContain('1. Wijdemeren leaves the cooperation Gastheerschappen Hilversum – Wijdemeren on 1 January 2028')
    expect(en).toContain('| high, personal data |')
    expect(en).toContain('| Hilversum | €0.00 | €1,234.56 | +€1,234.56 | €0.00 | €60,000.00 |')
    expect(en).toContain('## Open risks\n\n- 1 data link with personal data.')
    expect(en).toContain('Made by Regiekamer on 2 July 2026 at 00:30 (Europe/Amsterdam) · FICTITIOUS (FICTIEF)')
    expect(en).not.toMatch(UUID)
  })
})

describe('impactRapportBestandsnaam', () => {
  it('is safe in a header and names the day in Amsterdam', () => {
    expect(impactRapportBestandsnaam('Wijdemeren stopt | "test" ë/..', 'pdf', 'nl', new Date('2026-07-01T22:30:00Z'))).toBe(
      'impactanalyse-wijdemeren-stopt-test-e-2026-07-02.pdf',
    )
    expect(impactRapportBestandsnaam('???', 'md', 'en', new Date('2026-01-05T10:00:00Z'))).toBe('impact-analysis-scenario-2026-01-05.md')
  })
})

describe('impactRapportPdf', () => {
  it('draws the same report: title, question, path, euros and the Fictief footer', async () => {
    const pdf = await impactRapportPdf(gegevens(), { compress: false })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const tekst = pdfTekst(pdf)
    expect(tekst).toContain('Impactanalyse: Wijdemeren stopt | test')
    expect(tekst).toContain('Kan de samenwerking | worden ontvlochten?')
    expect(tekst.replace(/\s*\n\s*/g, ' ')).toContain('Wijdemeren -> Belastingen -> Key2Belastingen ->')
    expect(tekst).toContain('€ +1.234,56')
    expect(tekst).toContain('Gemaakt door Regiekamer op 2 juli 2026 om 00:30 (Europe/Amsterdam) · FICTIEF · pagina 1 van')
    expect(tekst).not.toMatch(UUID)
  })

  it('runs a long table over pages and repeats its header on each', async () => {
    const veel = uitkomst().koppelingen[1]
    if (!veel) throw new Error('fixture')
    const koppelingen = Array.from({ length: 150 }, (_, i) => ({ ...veel, id: id(1000 + i), naam: `Koppeling ${i + 1}` }))
    const pdf = await impactRapportPdf(gegevens({ uitkomst: uitkomst({ koppelingen }) }), { compress: false })
    const tekst = pdfTekst(pdf)
    const paginas = Number(/pagina 1 van (\d+)/.exec(tekst)?.[1])
    expect(paginas).toBeGreaterThan(5)
    for (let i = 1; i <= 150; i++) expect(tekst).toContain(`Koppeling ${i}\n`)
    // The header row of the koppelingen table (its "Vertrouwelijkheid" column) starts every page it runs over.
    const koppen = tekst.split('\n').filter((r) => r === 'Vertrouwelijkheid').length
    expect(koppen).toBeGreaterThanOrEqual(paginas - 2)
    expect(tekst).toContain(`pagina ${paginas} van ${paginas}`)
  })
})
