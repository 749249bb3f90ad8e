import { stringify } from 'csv-stringify/sync'
import type ExcelJS from 'exceljs'
import { neutraliseerCel } from '../domain/cel.js'

// The one CSV writer and the one XLSX finisher of all exports (registry and cost
// exports of the CLI, declaratie CSV/XLSX, transparantieverslag XLSX). Both put every
// text cell through `neutraliseerCel` (domain/cel.ts), so no exported text runs as a
// formula in a spreadsheet. Numbers in a workbook stay numbers.

export interface CsvOpties {
  /** Dutch Excel: ";" between cells, CRLF between rows and a UTF-8 BOM; otherwise "," and LF. */
  excel: boolean
}

export function schrijfCsv(rijen: readonly (readonly string[])[], opties: CsvOpties): string {
  const tekst = stringify(
    rijen.map((rij) => rij.map(neutraliseerCel)),
    opties.excel ? { delimiter: ';', record_delimiter: '\r\n' } : { delimiter: ',', record_delimiter: '\n' },
  )
  return opties.excel ? `\uFEFF${tekst}` : tekst
}

/** The workbook as an .xlsx file, with every text cell of every sheet neutralised. */
export async function schrijfXlsx(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = neutraliseerCel(cell.value)
      })
    })
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
