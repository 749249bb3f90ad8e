import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { seedDemo } from '../../src/io/demo.js'
import { openMigrated } from '../../src/runtime.js'
import { createServices } from '../../src/services/index.js'
import { type DbConfig, runCli } from '../helpers/cli.js'
import { freshDatabaseConfig } from '../helpers/database.js'

// `regiekamer import bewijsstukken|toegangen file.csv` (issue 12): references by name or
// id, a toegang's object as `applicatie:<naam>` or `netwerkzone:<naam>@<organisatie>`;
// a file with any bad row imports nothing and names every bad row with its line number.

const CLI_TIMEOUT = 120_000
const cli = (db: DbConfig, ...args: string[]) => runCli(db, args, { killAfterMs: CLI_TIMEOUT - 5_000 })
const tmpDir = path.join(os.tmpdir(), `rk-vertrouwen-cli-${process.pid}`)
let db: DbConfig

async function withDatabase<T>(fn: (h: Awaited<ReturnType<typeof openMigrated>>['handle']) => Promise<T>): Promise<T> {
  const { handle } = await openMigrated(db)
  try {
    return await fn(handle)
  } finally {
    await handle.close()
  }
}
const countOf = (table: 'bewijsstuk' | 'toegang' | 'auditlog') =>
  withDatabase(async (h) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(h.db)).rows[0].n)

async function bestand(naam: string, regels: string[]): Promise<string> {
  const file = path.join(tmpDir, naam)
  await fs.writeFile(file, `${regels.join('\n')}\n`)
  return file
}

beforeAll(async () => {
  db = await freshDatabaseConfig()
  await fs.mkdir(tmpDir, { recursive: true })
  await withDatabase((h) => seedDemo(createServices(h.db), cliActor('test')))
}, CLI_TIMEOUT)
afterAll(async () => {
  await db?.drop()
  await fs.rm(tmpDir, { recursive: true, force: true })
})

const BEWIJS_KOP = 'organisatie,soort,uitgever,geldigVanaf,geldigTot,scope,getekendMet'
const TOEGANG_KOP = 'partij,object,doel,verleendDoor,geldigVanaf,geldigTot,laatsteBeoordeling,beoordelaar'
const INFRA = '"Kennemer Infra Beheer B.V. (fictief)"'
const HR = '"Leverancier HR- en salarissoftware (fictief)"'

describe('import bewijsstukken', () => {
  it(
    'imports nothing from a file with bad rows and names each with its line number',
    async () => {
      const [bewijs, audit] = [await countOf('bewijsstuk'), await countOf('auditlog')]
      const file = await bestand('bewijs-fout.csv', [
        BEWIJS_KOP,
        `${INFRA},pentest,Pentesters B.V.,2026-01-01,2026-12-31,Externe pentest 2026,`,
        `${INFRA},pentest,Pentesters B.V.,2026-05-01,2026-04-30,Interne pentest,`,
        `Bestaat Niet B.V.,iso27001,Certificeerder,2026-01-01,,,`,
        `${HR},verwerkersovereenkomst,Hilversum,2026-01-01,,,`,
        `${HR},iso9001,Certificeerder,2026-01-01,,,`,
      ])
      const run = await cli(db, 'import', 'bewijsstukken', file)
      expect(run.code).not.toBe(0)
      expect(run.stderr).toContain(`Niets geïmporteerd: 4 van de 5 rij(en) in ${file} bevatten fouten.`)
      expect(run.stderr).toMatch(
        /regel 3, geldigTot: Geldig tot \(2026-04-30\) ligt vóór geldig vanaf \(2026-05-01\)\. \[geldig-tot-voor-geldig-vanaf\]/,
      )
      expect(run.stderr).toMatch(/regel 4, organisatie(Id)?: .*\[bestaat-niet\]/)
      expect(run.stderr).toMatch(/regel 5, getekendMetId: .*\[verplicht\]/)
      expect(run.stderr).toMatch(/regel 6, soort: .*\[ongeldige-waarde\]/)
      expect(run.stderr).not.toMatch(/regel 2,/)
      expect(run.stderr).not.toMatch(/\n\s+at /)
      expect([await countOf('bewijsstuk'), await countOf('auditlog')]).toEqual([bewijs, audit])
    },
    CLI_TIMEOUT,
  )

  it(
    'reports two rows whose validity overlaps by the line of the second, and imports nothing',
    async () => {
      const bewijs = await countOf('bewijsstuk')
      const file = await bestand('bewijs-overlap.csv', [
        BEWIJS_KOP,
        `${INFRA},pentest,Pentesters B.V.,2026-01-01,2026-12-31,Jaarlijkse pentest,`,
        `${INFRA},pentest,Pentesters B.V.,2026-12-01,2027-11-30,Jaarlijkse pentest,`,
      ])
      const run = await cli(db, 'import', 'bewijsstukken', file)
      expect(run.code).not.toBe(0)
      expect(run.stderr).toMatch(/regel 3, geldigVanaf: De geldigheid overlapt met een ander bewijsstuk .*\[overlappende-geldigheid\]/)
      expect(await countOf('bewijsstuk')).toBe(bewijs)
    },
    CLI_TIMEOUT,
  )

  it(
    'imports a good file by names, and exports it again',
    async () => {
      const bewijs = await countOf('bewijsstuk')
      const file = await bestand('bewijs-goed.csv', [
        BEWIJS_KOP,
        `${INFRA},pentest,Pentesters B.V.,2026-01-01,2026-12-31,Externe pentest 2026,`,
        `${HR},verwerkersovereenkomst,Gemeente Wijdemeren,2026-01-01,,,Wijdemeren`,
      ])
      const run = await cli(db, 'import', 'bewijsstukken', file)
      expect(run.stderr).toBe('')
      expect(run.stdout).toMatch(/\b2 aangemaakt\b/)
      expect(await countOf('bewijsstuk')).toBe(bewijs + 2)
      const exported = await cli(db, 'export', 'bewijsstukken')
      expect(exported.code).toBe(0)
      expect(exported.stdout).toContain('Externe pentest 2026')
      expect(exported.stdout.split('\n')[0]).toBe(
        'id,organisatieId,organisatie,soort,uitgever,geldigVanaf,geldigTot,scope,getekendMetId,getekendMet,documentVerwijzing,toelichting',
      )
    },
    CLI_TIMEOUT,
  )
})

describe('import toegangen', () => {
  it(
    'imports nothing from a file with bad rows and names each with its line number',
    async () => {
      const toegang = await countOf('toegang')
      const file = await bestand('toegang-fout.csv', [
        TOEGANG_KOP,
        `${HR},applicatie:Key2Belastingen,Ondersteuning,Hilversum,2026-01-01,,,`,
        `${HR},applicatie:Bestaat niet,Ondersteuning,Hilversum,2026-01-01,,,`,
        `${HR},server:Hilversum,Ondersteuning,Hilversum,2026-01-01,,,`,
        `${HR},netwerkzone:Serverruimte@Hilversum,Ondersteuning,Hilversum,2026-06-01,2026-05-01,,`,
      ])
      const run = await cli(db, 'import', 'toegangen', file)
      expect(run.code).not.toBe(0)
      expect(run.stderr).toContain(`Niets geïmporteerd: 3 van de 4 rij(en) in ${file} bevatten fouten.`)
      expect(run.stderr).toMatch(/regel 3, object: .*\[bestaat-niet\]/)
      expect(run.stderr).toMatch(/regel 4, object: .*\[ongeldig-formaat\]/)
      expect(run.stderr).toMatch(/regel 5, geldigTot: .*\[geldig-tot-voor-geldig-vanaf\]/)
      expect(run.stderr).not.toMatch(/regel 2,/)
      expect(await countOf('toegang')).toBe(toegang)
    },
    CLI_TIMEOUT,
  )

  it(
    'imports a good file with an applicatie and a netwerkzone by name',
    async () => {
      const toegang = await countOf('toegang')
      const file = await bestand('toegang-goed.csv', [
        TOEGANG_KOP,
        `${HR},applicatie:Key2Belastingen,Ondersteuning,Hilversum,2026-01-01,2026-12-31,2026-06-01,CISO`,
        `${INFRA},netwerkzone:Serverruimte Hilversum@Hilversum,Uitwijk,Hilversum,2026-01-01,,,`,
      ])
      const run = await cli(db, 'import', 'toegangen', file)
      expect(run.stderr).toBe('')
      expect(run.stdout).toMatch(/\b2 aangemaakt\b/)
      expect(await countOf('toegang')).toBe(toegang + 2)
      const exported = await cli(db, 'export', 'toegangen')
      expect(exported.stdout).toMatch(/netwerkzone:Serverruimte Hilversum@[0-9a-f-]{36}/)
    },
    CLI_TIMEOUT,
  )
})
