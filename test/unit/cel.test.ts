import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { leesCel, neutraliseerCel } from '../../src/domain/cel.js'
import { schrijfCsv, schrijfXlsx } from '../../src/io/spreadsheet.js'

// Formula injection: no exported text may start a spreadsheet formula.

const GEVAARLIJK = /^[=+\-@\t\r]/
const FORMULES = [
  '=HYPERLINK("https://evil.example","klik")',
  '+SUM(1,2)',
  '@SUM(1)',
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '=1',
  '-',
  '+',
]

describe('neutraliseerCel', () => {
  it('puts an apostrophe before every text a spreadsheet would run as a formula', () => {
    for (const f of FORMULES) expect(neutraliseerCel(f), JSON.stringify(f)).toBe(`'${f}`)
  })

  it('leaves ordinary text, and plain negative numbers, as they are', () => {
    for (const t of ['Zaaksysteem', 'a=b', ' =1', '', "'", "'tekst", '12,50', '0']) expect(neutraliseerCel(t)).toBe(t)
    // A negative amount stays a number in the spreadsheet (the declaratie CSV's behaviour)…
    for (const n of ['-12,50', '-1.234,56', '-1234.56', '-5']) expect(neutraliseerCel(n)).toBe(n)
    // …but a formula that merely starts like one does not pass as a number.
    for (const f of ['-1+1', '-12,50+cmd', '-1e5', '- 5', '-12,50 ']) expect(neutraliseerCel(f)).toBe(`'${f}`)
  })

  it('never lets a formula through, and leesCel undoes it exactly (property)', () => {
    const tekst = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom("'", "''", '', '-', '='), fc.constantFrom(...FORMULES, '-12,50', 'x'), fc.string()).map((d) => d.join('')),
    )
    fc.assert(
      fc.property(tekst, (t) => {
        const cel = neutraliseerCel(t)
        expect(GEVAARLIJK.test(cel) && !/^-\d+(?:[.,]\d+)*$/.test(cel)).toBe(false)
        expect(leesCel(cel)).toBe(t)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('schrijfCsv: the one CSV writer', () => {
  const rijen = [
    ['naam', 'bedrag'],
    ['=HYPERLINK("x")', '-12,50'],
    ['@SUM(1)', '12,50'],
  ]

  it('writes Dutch Excel (BOM, ";", CRLF) or plain CSV (",", LF), both neutralised', () => {
    const excel = schrijfCsv(rijen, { excel: true })
    expect(excel.startsWith('\uFEFF')).toBe(true)
    expect(excel).toContain('\r\n')
    const gelezen = parse(excel.slice(1), { delimiter: ';' }) as string[][]
    expect(gelezen).toEqual([
      ['naam', 'bedrag'],
      ['\'=HYPERLINK("x")', '-12,50'],
      ["'@SUM(1)", '12,50'],
    ])
    const plat = schrijfCsv(rijen, { excel: false })
    expect(plat.startsWith('\uFEFF')).toBe(false)
    expect(plat).not.toContain('\r\n')
    expect((parse(plat, { delimiter: ',' }) as string[][])[2]).toEqual(["'@SUM(1)", '12,50'])
  })
})

describe('schrijfXlsx: every text cell of every sheet, numbers untouched', () => {
  it('neutralises text and keeps numbers numbers', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Een')
    ws.columns = [{ header: '=kop' }, { header: 'Bedrag' }]
    ws.addRow(['+SUM(1)', -12.5])
    wb.addWorksheet('Twee').addRow(['@SUM(1)', 'gewoon', '-12,50'])
    const terug = new ExcelJS.Workbook()
    await terug.xlsx.load((await schrijfXlsx(wb)) as unknown as ArrayBuffer)
    const een = terug.getWorksheet('Een')
    const twee = terug.getWorksheet('Twee')
    expect(een?.getCell('A1').value).toBe("'=kop")
    expect(een?.getCell('A2').value).toBe("'+SUM(1)")
    expect(een?.getCell('B2').value).toBe(-12.5)
    expect(twee?.getCell('A1').value).toBe("'@SUM(1)")
    expect(twee?.getCell('B1').value).toBe('gewoon')
    expect(twee?.getCell('C1').value).toBe('-12,50')
  })
})
