import ExcelJS from 'exceljs'
import { schrijfXlsx } from './spreadsheet.js'
import { categorie, soort, TOELICHTING, type Verslag, vandaag } from './transparantie-format.js'

// The transparency report as a workbook: one sheet per table, amounts as numbers in
// euros with the format '€ #,##0.00' (so they add up in the spreadsheet), percentages
// as numbers.

const EURO_FORMAAT = '€ #,##0.00'
const PROCENT_FORMAAT = '0.0"%"'

type Cel = string | number | null
interface Kolom {
  kop: string
  breedte?: number
  soort?: 'euro' | 'procent' | 'tekst' | 'getal'
}

const inEuro = (centen: number | null | undefined) => (centen === null || centen === undefined ? null : centen / 100)

function blad(wb: ExcelJS.Workbook, naam: string, kolommen: Kolom[], rijen: Cel[][], opties: { totaalrij?: boolean } = {}) {
  const ws = wb.addWorksheet(naam, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = kolommen.map((k) => ({
    header: k.kop,
    width: k.breedte ?? (k.soort === 'euro' ? 16 : 24),
    style: k.soort === 'euro' ? { numFmt: EURO_FORMAAT } : k.soort === 'procent' ? { numFmt: PROCENT_FORMAAT } : {},
  }))
  ws.getRow(1).font = { bold: true }
  for (const r of rijen) ws.addRow(r)
  if (opties.totaalrij && rijen.length > 0) ws.getRow(rijen.length + 1).font = { bold: true }
  return ws
}

export async function transparantieXlsx(v: Verslag, nu = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Regiekamer'
  wb.created = nu
  wb.title = `Transparantieverslag ${v.samenwerking.naam} ${v.jaar}`
  const t = v.totaal

  const info = wb.addWorksheet('Verslag')
  info.columns = [{ width: 40 }, { width: 90 }]
  info.addRows([
    ['Transparantieverslag ICT-kosten'],
    ['Samenwerking', v.samenwerking.naam],
    ['Verslagjaar', v.jaar],
    ['Opgesteld op', vandaag(nu)],
    ['Toelichting', TOELICHTING],
  ])
  info.getRow(1).font = { bold: true, size: 14 }
  info.getCell('B5').alignment = { wrapText: true, vertical: 'top' }

  const totaalKolommen: Kolom[] = [
    { kop: 'Kosten (realisatie, anders begroting)', soort: 'euro', breedte: 20 },
    { kop: 'Structureel', soort: 'euro' },
    { kop: 'Initieel', soort: 'euro' },
    { kop: 'Begroting', soort: 'euro' },
    { kop: 'Realisatie', soort: 'euro' },
    { kop: 'Verschil', soort: 'euro' },
    { kop: 'Verschil %', soort: 'procent', breedte: 12 },
  ]
  const totaalCellen = (x: typeof t): Cel[] => [
    inEuro(x.grondslag),
    inEuro(x.structureel),
    inEuro(x.initieel),
    inEuro(x.begroting),
    inEuro(x.realisatie),
    inEuro(x.verschil),
    x.verschilPercentage,
  ]

  blad(
    wb,
    'Per organisatie',
    [{ kop: 'Organisatie', breedte: 30 }, ...totaalKolommen],
    [...v.organisaties.map((o) => [o.naam, ...totaalCellen(o)]), ['Totaal', ...totaalCellen(t)]],
    { totaalrij: true },
  )
  blad(
    wb,
    'Per categorie',
    [{ kop: 'Categorie', breedte: 20 }, ...totaalKolommen],
    [...v.categorieen.map((c) => [categorie(c.categorie), ...totaalCellen(c)]), ['Totaal', ...totaalCellen(t)]],
    { totaalrij: true },
  )
  blad(
    wb,
    'Organisatie x categorie',
    [
      { kop: 'Organisatie', breedte: 30 },
      { kop: 'Categorie', breedte: 20 },
      { kop: 'Kosten', soort: 'euro' },
      { kop: 'Begroting', soort: 'euro' },
      { kop: 'Realisatie', soort: 'euro' },
    ],
    v.organisatieCategorieen.map((x) => [
      v.organisaties.find((o) => o.organisatieId === x.organisatieId)?.naam ?? x.organisatieId,
      categorie(x.categorie),
      inEuro(x.grondslag),
      inEuro(x.begroting),
      inEuro(x.realisatie),
    ]),
  )
  blad(
    wb,
    'Begroting en realisatie',
    [
      { kop: 'Organisatie', breedte: 30 },
      { kop: 'Begroting', soort: 'euro' },
      { kop: 'Realisatie', soort: 'euro' },
      { kop: 'Verschil', soort: 'euro' },
      { kop: 'Verschil %', soort: 'procent', breedte: 12 },
    ],
    [
      ...v.organisaties.map((o) => [o.naam, inEuro(o.begroting), inEuro(o.realisatie), inEuro(o.verschil), o.verschilPercentage]),
      ['Totaal', inEuro(t.begroting), inEuro(t.realisatie), inEuro(t.verschil), t.verschilPercentage],
    ],
    { totaalrij: true },
  )
  blad(
    wb,
    'Trend',
    [
      { kop: 'Organisatie', breedte: 30 },
      { kop: 'Jaar', soort: 'getal', breedte: 8 },
      { kop: 'Kosten', soort: 'euro' },
      { kop: 'Begroting', soort: 'euro' },
      { kop: 'Realisatie', soort: 'euro' },
    ],
    [
      ...v.trend.organisaties.flatMap((o) =>
        o.jaren.map((j) => [o.naam, j.jaar, inEuro(j.grondslag), inEuro(j.begroting), inEuro(j.realisatie)]),
      ),
      ...v.trend.totaal.map((j) => ['Totaal', j.jaar, inEuro(j.grondslag), inEuro(j.begroting), inEuro(j.realisatie)]),
    ],
  )
  blad(
    wb,
    'Verdeelsleutels',
    [
      { kop: 'Verdeelsleutel', breedte: 50 },
      { kop: 'Versie vanaf', soort: 'getal', breedte: 12 },
      { kop: 'Regel', breedte: 70 },
      { kop: 'Posten', soort: 'getal', breedte: 8 },
    ],
    v.sleutels.map((s) => [s.naam, s.geldigVanaf, s.beschrijving.nl, s.posten]),
  )
  blad(
    wb,
    'Kostenposten',
    [
      { kop: 'Omschrijving', breedte: 45 },
      { kop: 'Periode', breedte: 10 },
      { kop: 'Categorie', breedte: 14 },
      { kop: 'Soort', breedte: 12 },
      { kop: 'Begroting', soort: 'euro' },
      { kop: 'Realisatie', soort: 'euro' },
      { kop: 'Verdeeld (kosten)', soort: 'euro' },
      { kop: 'Verdeelsleutel', breedte: 50 },
      { kop: 'Versie vanaf', soort: 'getal', breedte: 12 },
    ],
    v.posten.map((p) => [
      p.omschrijving,
      p.periode,
      categorie(p.categorie),
      soort(p.soort),
      inEuro(p.begroting),
      inEuro(p.realisatie),
      inEuro(p.verdeeldBedrag),
      p.sleutel.naam,
      p.sleutel.geldigVanaf,
    ]),
  )
  blad(
    wb,
    'Niet verdeeld',
    [
      { kop: 'Omschrijving', breedte: 45 },
      { kop: 'Periode', breedte: 10 },
      { kop: 'Begroting', soort: 'euro' },
      { kop: 'Realisatie', soort: 'euro' },
      { kop: 'Reden', breedte: 90 },
    ],
    v.nietVerdeeld.map((p) => [p.omschrijving, p.periode, inEuro(p.begroting), inEuro(p.realisatie), p.reden.nl]),
  )
  return schrijfXlsx(wb)
}
