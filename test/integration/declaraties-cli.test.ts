import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/io/demo.js'
import { openMigrated } from '../../src/runtime.js'
import { createServices } from '../../src/services/index.js'
import { type DbConfig, runCli } from '../helpers/cli.js'
import { freshDatabaseConfig } from '../helpers/database.js'
import { pdfTekst } from '../helpers/pdf.js'

// `regiekamer declaraties genereren|exporteren` as a child process on a demo database.

const CLI_TIMEOUT = 120_000

const cli = (db: DbConfig, ...args: string[]) => runCli(db, args, { killAfterMs: CLI_TIMEOUT - 5_000 })

let db: DbConfig
const tmpDir = path.join(os.tmpdir(), `rk-decl-cli-${process.pid}`)

beforeAll(async () => {
  db = await freshDatabaseConfig()
  const { handle } = await openMigrated(db)
  try {
    await seedDemo(createServices(handle.db), { naam: 'test', herkomst: 'test' })
  } finally {
    await handle.close()
  }
  await fs.mkdir(tmpDir, { recursive: true })
}, CLI_TIMEOUT)

afterAll(async () => {
  await db?.drop()
  await fs.rm(tmpDir, { recursive: true, force: true })
})

describe('regiekamer declaraties', () => {
  let id = ''

  it(
    'genereren prints each concept with sender → recipient and the Dutch total',
    async () => {
      const run = await cli(db, 'declaraties', 'genereren', '--periode', '2026-Q3', '--van', 'GM0402')
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/concept {2}Hilversum → Wijdemeren {2}2026-Q3 {2}€ 79\.017,62 {2}\(2 regels\)/)
      expect(run.stdout).toContain('1 concept-declaratie(s) gegenereerd voor 2026-Q3')
      id = /([0-9a-f-]{36})\s*$/m.exec(run.stdout)?.[1] ?? ''
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
    },
    CLI_TIMEOUT,
  )

  it(
    'refuses a bad period or sender in Dutch and English, exit code 1, no stack trace',
    async () => {
      const bad = await cli(db, 'declaraties', 'genereren', '--periode', '2026-Q7')
      expect(bad.code).toBe(1)
      expect(bad.stderr).toMatch(/Fout: .*\nError: /)
      expect(bad.stderr).toContain('periode: Een periode is een jaar')
      expect(bad.stderr).not.toMatch(/^\s+at\s/m)
      // Year 0000 was a raw database error ("date/time field value out of range").
      const jaarNul = await cli(db, 'declaraties', 'genereren', '--periode', '0000-Q1')
      expect(jaarNul.code).toBe(1)
      expect(jaarNul.stderr).toContain(
        'periode: Een periode is een jaar (2026), kwartaal (2026-Q3) of maand (2026-07), in de jaren 1900 tot en met 2200.',
      )
      expect(jaarNul.stderr).not.toMatch(/out of range|^\s+at\s/m)
      const van = await cli(db, 'declaraties', 'genereren', '--periode', '2026-Q3', '--van', 'GM9999')
      expect(van.code).toBe(1)
      expect(van.stderr).toContain('GM9999')
    },
    CLI_TIMEOUT,
  )

  it(
    'exporteren writes PDF, XLSX and CSV files',
    async () => {
      const pdf = path.join(tmpDir, 'd.pdf')
      const run = await cli(db, 'declaraties', 'exporteren', id, '--formaat', 'pdf', '--uit', pdf)
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect((await fs.readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      // The sender's payment details, as over the API.
      expect(pdfTekst(await fs.readFile(pdf))).toContain('NL08 RKMR 0000 0402 00 t.n.v. Hilversum')
      const xlsx = path.join(tmpDir, 'd.xlsx')
      expect((await cli(db, 'declaraties', 'exporteren', id, '--formaat', 'xlsx', '--uit', xlsx)).code).toBe(0)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(xlsx)
      expect(wb.getWorksheet('Declaratie')?.getCell('A1').value).toBe('Declaratie (CONCEPT)')
      const csv = path.join(tmpDir, 'd.csv')
      expect((await cli(db, 'declaraties', 'exporteren', id, '--formaat', 'csv', '--uit', csv)).code).toBe(0)
      const text = await fs.readFile(csv, 'utf8')
      expect(text.charCodeAt(0)).toBe(0xfeff)
      // Header, the two lines and the total row.
      expect(text.trim().split('\r\n')).toHaveLength(4)
      expect(text.trim().split('\r\n')[3]).toContain(';Totaal van de declaratie;')
      const bad = await cli(db, 'declaraties', 'exporteren', id, '--formaat', 'doc', '--uit', csv)
      expect(bad.code).toBe(1)
      expect(bad.stderr).toContain('pdf, xlsx of csv')
    },
    2 * CLI_TIMEOUT,
  )
})

describe('formula injection in declaratie exports', () => {
  it(
    'CSV and XLSX put an apostrophe before text a spreadsheet would run (=, +, @); amounts stay numbers',
    async () => {
      const formule = '=HYPERLINK("https://evil.example","klik")'
      const { handle } = await openMigrated(db)
      try {
        const services = createServices(handle.db)
        const bel = (await services.gastheerschappen.all()).find((g) => g.taak.startsWith('Belastingen'))
        const sleutel = (await services.verdeelsleutels.all()).find((s) => s.naam === 'Wijdemeren vergoedt alles')
        await services.kostenposten.create(
          { naam: 'test', herkomst: 'test' },
          {
            omschrijving: formule,
            gastheerschapId: bel?.id as string,
            periode: '2026-11',
            soort: 'initieel',
            categorie: 'advies',
            realisatie: 1_250,
            verdeelsleutelId: sleutel?.id as string,
            bron: '@SUM(1)',
          },
        )
      } finally {
        await handle.close()
      }
      const run = await cli(db, 'declaraties', 'genereren', '--periode', '2026-11', '--van', 'GM0402')
      expect(run.code).toBe(0)
      const id = /([0-9a-f-]{36})\s*$/m.exec(run.stdout)?.[1] ?? ''

      const csv = path.join(tmpDir, 'formule.csv')
      expect((await cli(db, 'declaraties', 'exporteren', id, '--formaat', 'csv', '--uit', csv)).code).toBe(0)
      const rows = (await fs.readFile(csv, 'utf8')).slice(1).trim().split('\r\n')
      const kop = rows[0]?.split(';') ?? []
      const regel = rows.find((r) => r.includes('HYPERLINK')) ?? ''
      // csv-stringify quotes the cell (it holds quotes); inside, the text starts with the apostrophe.
      expect(regel).toContain(`"'=HYPERLINK(""https://evil.example"",""klik"")"`)
      expect(regel.split(';')[kop.indexOf('Bedrag')]).toBe('12,50')

      const xlsx = path.join(tmpDir, 'formule.xlsx')
      expect((await cli(db, 'declaraties', 'exporteren', id, '--formaat', 'xlsx', '--uit', xlsx)).code).toBe(0)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(xlsx)
      const teksten: string[] = []
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'string') teksten.push(cell.value)
          }),
        ),
      )
      expect(teksten).toContain(`'${formule}`)
      expect(teksten.filter((t) => /^[=+@\t\r]/.test(t) || /^-(?!\d+(?:[.,]\d+)*$)/.test(t))).toEqual([])
      const blad = wb.getWorksheet('Declaratie')
      let bedrag: unknown
      blad?.eachRow((row) => {
        if (row.getCell(1).value === `'${formule}`) bedrag = row.getCell(6).value
      })
      expect(bedrag).toBe(12.5)
    },
    3 * CLI_TIMEOUT,
  )
})
