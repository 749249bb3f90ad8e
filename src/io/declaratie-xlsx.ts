import ExcelJS from 'exceljs'
import { percentageNl } from '../domain/declaraties.js'
import type { Declaratie } from '../schemas/declaraties.js'
import {
  afrondingTekst,
  BRON_TEKST,
  btwVermelding,
  datumTekst,
  nummerTekst,
  organisatieTekst,
  periodeTekst,
  REGEL_TEKST,
  STATUS_TEKST,
  titel,
} from './declaratie-tekst.js'
import { schrijfXlsx } from './spreadsheet.js'

// A declaratie as a workbook: sheet "Declaratie" with a header block and the lines
// (amounts as numbers in euros, formatted € #,##0.00), sheet "Berekening" with every
// step of every line, so an auditor can recompute each amount.

export const EURO = '€ #,##0.00'
const euro = (centen: number) => centen / 100

export async function declaratieXlsx(d: Declaratie): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Regiekamer'
  wb.title = `${titel(d)} ${d.nummer ?? 'concept'}`
  wb.created = d.definitiefOp ? new Date(d.definitiefOp) : new Date(d.aangemaaktOp)

  const ws = wb.addWorksheet('Declaratie')
  ws.columns = [{ width: 42 }, { width: 12 }, { width: 14 }, { width: 40 }, { width: 12 }, { width: 16 }, { width: 18 }]
  const kop = ws.addRow([d.status === 'concept' ? `${titel(d)} (CONCEPT)` : titel(d)])
  kop.font = { bold: true, size: 16 }
  const blok: [string, string][] = [
    ['Nummer', nummerTekst(d)],
    ['Datum', datumTekst(d)],
    ['Status', STATUS_TEKST[d.status] ?? d.status],
    ['Van', organisatieTekst(d.vanNaam, d.vanCbsCode)],
    ['Aan', organisatieTekst(d.aanNaam, d.aanCbsCode)],
    ['Periode', periodeTekst(d.periode)],
    ['BTW', btwVermelding(d)],
  ]
  if (d.toelichting) blok.push(['Toelichting', d.toelichting])
  for (const [k, v] of blok) {
    const row = ws.addRow([k, v])
    row.getCell(1).font = { bold: true }
  }
  ws.addRow([])
  const corr = d.soort === 'correctie'
  const header = ws.addRow([
    'Omschrijving',
    'Periode',
    'Categorie',
    'Verdeelsleutel',
    'Aandeel %',
    corr ? 'Verschil' : 'Bedrag',
    corr ? 'Eerder gedeclareerd' : 'Bedrag kostenpost',
  ])
  header.font = { bold: true }
  header.eachCell((c) => {
    c.border = { bottom: { style: 'thin' } }
  })
  const eersteRegel = ws.rowCount + 1
  for (const r of d.regels) {
    const row = ws.addRow([
      r.omschrijving,
      r.periode,
      r.categorie,
      `${r.sleutel.naam} (vanaf ${r.sleutel.geldigVanaf})`,
      percentageNl(r.fractie),
      euro(r.bedrag),
      euro(corr ? (r.eerderGedeclareerd ?? 0) : r.kostenpostBedrag),
    ])
    row.getCell(6).numFmt = EURO
    row.getCell(7).numFmt = EURO
    row.getCell(5).alignment = { horizontal: 'right' }
  }
  const totaal = ws.addRow(['Totaal', '', '', '', '', euro(d.totaal)])
  totaal.font = { bold: true }
  totaal.getCell(6).numFmt = EURO
  totaal.getCell(6).border = { top: { style: 'thin' } }
  ws.getCell(`A${eersteRegel - 1}`).name = 'regels'

  const bw = wb.addWorksheet('Berekening')
  bw.columns = [
    { header: 'Omschrijving', width: 40 },
    { header: 'Kostenpost-id', width: 38 },
    { header: 'Grondslag', width: 12 },
    { header: 'Bedrag kostenpost', width: 18 },
    { header: 'Verdeelsleutel', width: 36 },
    { header: 'Versie vanaf', width: 12 },
    { header: 'Regel', width: 18 },
    { header: 'Maatstaf', width: 16 },
    { header: 'Jaar', width: 8 },
    { header: 'Aandeel in sleutel %', width: 12 },
    { header: 'Waarde ontvanger', width: 16 },
    { header: 'Totaal alle deelnemers', width: 16 },
    { header: 'Fractie (teller/noemer)', width: 28 },
    { header: 'Exact bedrag (centen)', width: 28 },
    { header: 'Restcent', width: 9 },
    { header: 'Bedrag', width: 16 },
    { header: 'Bron waarde', width: 28 },
    { header: 'Afronding', width: 80 },
  ]
  bw.getRow(1).font = { bold: true }
  for (const r of d.regels) {
    const stappen = r.stappen.length > 0 ? r.stappen : [undefined]
    for (const s of stappen) {
      const row = bw.addRow([
        r.omschrijving,
        r.kostenpostId,
        r.grondslag,
        euro(r.kostenpostBedrag),
        r.sleutel.naam,
        r.sleutel.geldigVanaf,
        s ? (REGEL_TEKST[s.regel] ?? s.regel) : '',
        s?.maatstaf ?? '',
        s?.jaar ?? '',
        s ? Number(s.aandeelInSleutel) : '',
        s ? Number(s.waarde) : '',
        s ? Number(s.totaal) : '',
        `${r.fractie.teller}/${r.fractie.noemer}`,
        `${r.exactBedrag.teller}/${r.exactBedrag.noemer}`,
        r.restcent ? 'ja' : 'nee',
        euro(r.bedrag),
        s?.bron ? (BRON_TEKST[s.bron] ?? s.bron) : '',
        afrondingTekst(r),
      ])
      row.getCell(4).numFmt = EURO
      row.getCell(16).numFmt = EURO
    }
  }
  return schrijfXlsx(wb)
}
