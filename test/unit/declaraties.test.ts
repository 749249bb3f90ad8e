import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  bedragNl,
  betaaldatumProblemen,
  correctieRegels,
  type DeclaratieRegel,
  groepeerPerPaar,
  percentageNl,
  toegestaneActies,
  type VerdeeldePost,
  volgendeStatus,
  volgendNummer,
} from '../../src/domain/declaraties.js'
import { AppError } from '../../src/domain/errors.js'
import { declaratieCsv } from '../../src/io/declaratie-csv.js'
import { declaratiePdf } from '../../src/io/declaratie-pdf.js'
import { bestandsnaam } from '../../src/io/declaratie-tekst.js'
import { declaratieXlsx } from '../../src/io/declaratie-xlsx.js'
import type { Declaratie } from '../../src/schemas/declaraties.js'

const A = '00000000-0000-4000-8000-00000000000a'
const B = '00000000-0000-4000-8000-00000000000b'
const C = '00000000-0000-4000-8000-00000000000c'

function post(id: string, van: string, delen: [string, number][], omschrijving = `post ${id}`): VerdeeldePost {
  const bedrag = delen.reduce((s, [, b]) => s + b, 0)
  return {
    post: { id, omschrijving, periode: '2026-Q3', soort: 'structureel', categorie: 'personeel', gemaaktDoorId: van },
    grondslag: 'realisatie',
    verdeling: {
      kostenpostId: id,
      jaar: 2026,
      bedrag,
      sleutel: { id: 'k', naam: 'Sleutel', geldigVanaf: 2020 },
      delen: delen.map(([deelnemerId, b]) => ({
        deelnemerId,
        bedrag: b,
        fractie: { teller: String(b), noemer: String(bedrag || 1) },
        exactBedrag: { teller: String(b), noemer: '1' },
        restcent: false,
        stappen: [{ regel: 'gelijke delen', jaar: 2026, aandeelInSleutel: '100', waarde: '1', totaal: String(delen.length) }],
      })),
      afronding: {
        restcenten: 0,
        beurtvolgorde: delen.map(([d]) => d),
        gelijkeRestBeslist: false,
        uitleg: { nl: 'Geen restcenten.', en: 'No remainder cents.' },
      },
    },
  }
}

describe('groepeerPerPaar', () => {
  it('makes one pair per maker and other participant with a part > 0, lines from the engine', () => {
    const paren = groepeerPerPaar([
      post('p1', A, [
        [A, 0],
        [B, 600],
        [C, 400],
      ]),
      post('p2', A, [
        [A, 100],
        [B, 0],
        [C, 50],
      ]),
      post('p3', B, [
        [A, 70],
        [B, 30],
      ]),
    ])
    expect(paren.map((p) => [p.vanId, p.aanId, p.totaal, p.regels.map((r) => r.kostenpostId)])).toEqual([
      [A, B, 600, ['p1']],
      [A, C, 450, ['p1', 'p2']],
      [B, A, 70, ['p3']],
    ])
    const r = paren[1]?.regels[0]
    expect(r).toMatchObject({ bedrag: 400, kostenpostBedrag: 1000, fractie: { teller: '400', noemer: '1000' }, grondslag: 'realisatie' })
  })

  it('gives nothing for posts that only the maker pays', () => {
    expect(groepeerPerPaar([post('p', A, [[A, 100]])])).toEqual([])
  })
})

describe('status machine', () => {
  it('moves forward one step at a time', () => {
    expect(volgendeStatus('concept', 'definitief-maken')).toBe('definitief')
    expect(volgendeStatus('definitief', 'verzenden')).toBe('verzonden')
    expect(volgendeStatus('verzonden', 'betaald-melden')).toBe('betaald')
  })

  it('refuses twice, skipping and going back with a 409 naming the current status', () => {
    for (const [status, overgang] of [
      ['definitief', 'definitief-maken'],
      ['concept', 'verzenden'],
      ['concept', 'betaald-melden'],
      ['betaald', 'verzenden'],
    ] as const) {
      const r = volgendeStatus(status, overgang)
      expect(r).toBeInstanceOf(AppError)
      expect((r as AppError).status).toBe(409)
      expect((r as AppError).detail.nl).toContain(`status ${status}`)
    }
  })

  it('offers the actions of the status, and none without the right', () => {
    expect(toegestaneActies({ status: 'concept', soort: 'declaratie' }, true)).toEqual(['wijzigen', 'definitief-maken', 'verwijderen'])
    expect(toegestaneActies({ status: 'verzonden', soort: 'declaratie' }, true)).toEqual(['betaald-melden', 'corrigeren'])
    expect(toegestaneActies({ status: 'betaald', soort: 'correctie' }, true)).toEqual([])
    expect(toegestaneActies({ status: 'concept', soort: 'declaratie' }, false)).toEqual([])
  })
})

describe('volgendNummer', () => {
  it('is one more than the highest of that year, four digits', () => {
    expect(volgendNummer(2026, [])).toBe('2026-0001')
    expect(volgendNummer(2026, ['2026-0001', '2026-0003', null, '2025-0009'])).toBe('2026-0004')
    expect(volgendNummer(2027, ['2026-0012'])).toBe('2027-0001')
    expect(volgendNummer(2026, ['2026-9999'])).toBe('2026-10000')
  })
})

describe('correctieRegels', () => {
  const regel = (id: string, bedrag: number): DeclaratieRegel => {
    const p = post(id, A, [[B, bedrag]])
    return {
      kostenpostId: id,
      omschrijving: id,
      periode: '2026-Q3',
      soort: 's',
      categorie: 'c',
      grondslag: 'realisatie',
      kostenpostBedrag: bedrag,
      sleutel: p.verdeling.sleutel,
      bedrag,
      fractie: { teller: '1', noemer: '1' },
      exactBedrag: { teller: String(bedrag), noemer: '1' },
      restcent: false,
      stappen: [],
    }
  }

  it('gives per post the difference with the original and earlier corrections, only where it differs', () => {
    const origineel = [regel('a', 1000), regel('b', 500), regel('c', 300)]
    const eerdereCorrectie = [{ ...regel('a', 100) }]
    const nu = [regel('a', 1150), regel('b', 500), regel('d', 40)]
    const r = correctieRegels(nu, [origineel, eerdereCorrectie])
    expect(r.map((x) => [x.kostenpostId, x.bedrag, x.eerderGedeclareerd, x.nieuwBedrag])).toEqual([
      ['a', 50, 1100, 1150],
      ['d', 40, 0, 40],
      ['c', -300, 300, 0],
    ])
  })

  it('is empty when nothing changed', () => {
    expect(correctieRegels([regel('a', 5)], [[regel('a', 5)]])).toEqual([])
  })
})

describe('formatting and input', () => {
  it('writes amounts and shares the Dutch way', () => {
    expect(bedragNl(7_901_762)).toBe('€ 79.017,62')
    expect(bedragNl(-1205)).toBe('€ -12,05')
    expect(bedragNl(5)).toBe('€ 0,05')
    expect(percentageNl({ teller: '1', noemer: '3' })).toBe('33,3333')
    expect(percentageNl({ teller: '1', noemer: '1' })).toBe('100')
    expect(percentageNl({ teller: '1', noemer: '8' })).toBe('12,5')
  })

  it('refuses a payment date in the future or before sending', () => {
    expect(betaaldatumProblemen('2026-12-01', '2026-11-24', null)[0]?.code).toBe('in-de-toekomst')
    expect(betaaldatumProblemen('2026-10-01', '2026-11-24', '2026-10-02')[0]?.code).toBe('voor-verzending')
    expect(betaaldatumProblemen('2026-10-02', '2026-11-24', '2026-10-02')).toEqual([])
  })
})

// ---- Renderers ---------------------------------------------------------------------

function declaratie(over: Partial<Declaratie> = {}): Declaratie {
  const r1 = groepeerPerPaar([post('p1', A, [[B, 6_090_512]], 'Inzet team belastingen en WOZ')])[0]?.regels[0] as DeclaratieRegel
  const r2 = groepeerPerPaar([
    post(
      'p2',
      A,
      [
        [A, 100],
        [B, 50],
      ],
      '=HYPERLINK("x") <script>',
    ),
  ])[0]?.regels[0] as DeclaratieRegel
  return {
    id: 'd1',
    nummer: '2026-0007',
    soort: 'declaratie',
    corrigeertId: null,
    corrigeertNummer: null,
    gecorrigeerdDoor: [],
    totaalNaCorrecties: 6_090_562,
    vanId: A,
    vanNaam: 'Hilversum',
    vanCbsCode: 'GM0402',
    aanId: B,
    aanNaam: 'Wijdemeren',
    aanCbsCode: 'GM1696',
    periode: '2026-Q3',
    periodeStart: '2026-07-01',
    periodeEind: '2026-09-30',
    status: 'definitief',
    totaal: 6_090_562,
    aantalRegels: 2,
    toelichting: 'Conform DVO — “kwartaal” 3 🙂',
    definitiefOp: '2026-10-05T22:30:00.000Z',
    verzondenOp: null,
    betaaldOp: null,
    revisie: 3,
    aangemaaktOp: '2026-10-01T10:00:00.000Z',
    gewijzigdOp: '2026-10-05T22:30:00.000Z',
    regels: [r1, r2],
    ...over,
  }
}

describe('PDF', () => {
  it('is a PDF with the number, both organisations and a Berekening page', async () => {
    const buf = await declaratiePdf(declaratie(), { compress: false })
    const text = buf.toString('latin1')
    expect(text.startsWith('%PDF-')).toBe(true)
    expect(text).toContain('(Declaratie 2026-0007)')
    expect(text).toContain('Hilversum aan Wijdemeren')
    expect(text).toMatch(/\/Type \/Page\b/)
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2)
  })

  it('marks a concept and a correction in its title', async () => {
    const c = (await declaratiePdf(declaratie({ status: 'concept', nummer: null, definitiefOp: null }), { compress: false })).toString(
      'latin1',
    )
    expect(c).toContain('(Declaratie CONCEPT)')
    const k = (
      await declaratiePdf(declaratie({ soort: 'correctie', corrigeertId: 'x', corrigeertNummer: '2026-0001', nummer: '2026-0002' }), {
        compress: false,
      })
    ).toString('latin1')
    expect(k).toContain('(Correctiedeclaratie op 2026-0001 2026-0002)')
  })
})

describe('XLSX', () => {
  it('reads back with header block, amounts in euros and the computation', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await declaratieXlsx(declaratie())) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Declaratie')
    expect(ws?.getCell('A1').value).toBe('Declaratie')
    expect(ws?.getCell('B2').value).toBe('2026-0007')
    // 5 October 22:30 UTC is 6 October in Amsterdam.
    expect(ws?.getCell('B3').value).toBe('6 oktober 2026')
    const rows = ws?.getRows(1, ws.rowCount) ?? []
    const eerste = rows.find((r) => r.getCell(1).value === 'Inzet team belastingen en WOZ')
    expect(eerste?.getCell(6).value).toBe(60_905.12)
    expect(eerste?.getCell(6).numFmt).toBe('€ #,##0.00')
    const totaal = rows.find((r) => r.getCell(1).value === 'Totaal')
    expect(totaal?.getCell(6).value).toBe(60_905.62)
    const bw = wb.getWorksheet('Berekening')
    expect(bw?.getRow(2).getCell(7).value).toBe('gelijke delen')
  })
})

describe('CSV', () => {
  it('has a BOM, semicolons, decimal commas, one row per line, and no live formulas', () => {
    const csv = declaratieCsv(declaratie())
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const rows = parse(csv.slice(1), { delimiter: ';' }) as string[][]
    expect(rows).toHaveLength(4)
    expect(rows[0]?.[0]).toBe('Declaratienummer')
    const kol = (naam: string) => rows[0]?.indexOf(naam) ?? -1
    expect(rows[1]?.[kol('Bedrag')]).toBe('60905,12')
    expect(rows[1]?.[kol('Aandeel %')]).toBe('100')
    expect(rows[2]?.[kol('Omschrijving')]).toBe('\'=HYPERLINK("x") <script>')
    expect(rows[2]?.[kol('Bedrag')]).toBe('0,50')
  })

  it('ends with one total row, labelled and without a kostenpost, that equals the sum of the lines', () => {
    const d = declaratie()
    const rows = parse(declaratieCsv(d).slice(1), { delimiter: ';' }) as string[][]
    const kol = (naam: string) => rows[0]?.indexOf(naam) ?? -1
    const totaal = rows.at(-1) ?? []
    expect(totaal).toHaveLength(rows[0]?.length ?? 0)
    expect(totaal[kol('Omschrijving')]).toBe('Totaal van de declaratie')
    expect(totaal[kol('Kostenpost-id')]).toBe('')
    expect(totaal[kol('Declaratienummer')]).toBe('2026-0007')
    expect(totaal[kol('Bedrag')]).toBe('60905,62')
    // A reader that sums the lines (rows with a kostenpost) gets the same total.
    const centen = (s: string) => Number(s.replace(',', ''))
    const regels = rows.slice(1).filter((r) => r[kol('Kostenpost-id')] !== '')
    expect(regels).toHaveLength(d.regels.length)
    expect(regels.reduce((s, r) => s + centen(r[kol('Bedrag')] ?? ''), 0)).toBe(centen(totaal[kol('Bedrag')] ?? ''))
    // A correction may total below zero.
    const negatief = parse(declaratieCsv(declaratie({ soort: 'correctie', totaal: -1234 })).slice(1), { delimiter: ';' }) as string[][]
    expect(negatief.at(-1)?.[kol('Bedrag')]).toBe('-12,34')
  })

  it('words each step once, with where the value came from, and states the rest cents', () => {
    const stap = (regel: string, maatstaf: string | undefined, bron?: 'organisatie' | 'maatstafwaarde') => ({
      regel,
      ...(maatstaf ? { maatstaf } : {}),
      jaar: 2026,
      aandeelInSleutel: '50',
      waarde: '10000',
      totaal: '60000',
      ...(bron ? { bron } : {}),
    })
    const d = declaratie()
    const r = {
      ...d.regels[0],
      stappen: [stap('inwoners', 'inwoners', 'organisatie'), stap('maatstaf', 'werkplekken', 'maatstafwaarde')],
      afronding: {
        restcenten: 1,
        periode: '2026-Q3',
        beurtvolgorde: [A, B],
        gelijkeRestBeslist: true,
        uitleg: { nl: 'Na afronden naar beneden bleef 1 cent over.', en: 'One cent was left.' },
      },
    } as DeclaratieRegel
    const rows = parse(declaratieCsv({ ...d, regels: [r] }).slice(1), { delimiter: ';' }) as string[][]
    const kol = (naam: string) => rows[0]?.indexOf(naam) ?? -1
    expect(rows[1]?.[kol('Berekening')]).toBe(
      '50 % naar inwoners 2026: 10000 van 60000 (bron: Organisatie (CBS-inwonertal)) + 50 % naar maatstaf werkplekken 2026: 10000 van 60000 (bron: maatstafwaarde)',
    )
    expect(rows[1]?.[kol('Berekening')]).not.toContain('inwoners inwoners')
    expect(rows[1]?.[kol('Afronding')]).toBe('Na afronden naar beneden bleef 1 cent over.')
    // Lines stored before the source was recorded say none.
    const oud = { ...r, stappen: [stap('inwoners', 'inwoners')], afronding: undefined } as DeclaratieRegel
    const oudeRows = parse(declaratieCsv({ ...d, regels: [oud] }).slice(1), { delimiter: ';' }) as string[][]
    expect(oudeRows[1]?.[kol('Berekening')]).toBe('50 % naar inwoners 2026: 10000 van 60000')
    expect(oudeRows[1]?.[kol('Afronding')]).toBe('')
  })

  it('names files after the number, or concept', () => {
    expect(bestandsnaam(declaratie(), 'pdf')).toBe('declaratie-2026-0007-hilversum-aan-wijdemeren-2026-Q3.pdf')
    expect(bestandsnaam(declaratie({ nummer: null, status: 'concept' }), 'csv')).toContain('declaratie-concept-')
  })
})
