import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { leesArchimate } from '../../src/io/archimate/lezen.js'
import { seedDemo } from '../../src/io/demo.js'
import { openMigrated } from '../../src/runtime.js'
import { createServices } from '../../src/services/index.js'
import { type DbConfig, runCli } from '../helpers/cli.js'
import { freshDatabaseConfig } from '../helpers/database.js'

// Issue 15: `regiekamer import archimate <bestand> [--dry-run]` and `regiekamer export
// archimate [--samenwerking <naam>] [<bestand>]` as real processes on a demo database: what
// they print, their exit codes, and what they write (counted in the database afterwards).

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/archimate/landschap.xml')
const TABELLEN = ['organisatie', 'referentiecomponent', 'applicatie', 'koppeling', 'auditlog'] as const
const KILL = 60_000

let db: DbConfig
let tmp: string

/** Row counts of what an import writes, in one opening of the database (the CLI must have ended). */
async function stand(): Promise<Record<string, number>> {
  const { handle } = await openMigrated(db)
  try {
    const uit: Record<string, number> = {}
    for (const t of TABELLEN)
      uit[t] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(handle.db)).rows[0].n
    return uit
  } finally {
    await handle.close()
  }
}

const geenStack = (tekst: string) => expect(tekst).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)|node:internal/)

beforeAll(async () => {
  db = await freshDatabaseConfig()
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'rk-archimate-cli-'))
  const { handle } = await openMigrated(db)
  try {
    await seedDemo(createServices(handle.db), cliActor('test'))
  } finally {
    await handle.close()
  }
})
afterAll(async () => {
  await db?.drop()
  if (tmp) await fs.rm(tmp, { recursive: true, force: true })
})

describe('regiekamer import archimate', () => {
  it('--dry-run prints the counts and that nothing was stored, exit 0; then the real import stores it, exit 0', async () => {
    const voor = await stand()
    const proef = await runCli(db, ['import', 'archimate', FIXTURE, '--dry-run'], { killAfterMs: KILL })
    expect(proef.code, proef.stderr).toBe(0)
    expect(proef.stdout).toContain('model "Testlandschap issue 15", 10 elementen, 12 relaties')
    expect(proef.stdout).toContain('er is niets opgeslagen')
    expect(proef.stdout).toContain('organisaties: 2 aanmaken, 2 samenvoegen met bestaande')
    expect(proef.stdout).toContain('applicaties: 3 aanmaken, 0 samenvoegen met bestaande')
    expect(proef.stdout).toContain('koppelingen: 4 aanmaken, 0 samenvoegen met bestaande')
    expect(proef.stdout).toMatch(/regel 5: organisatie "Gemeente Hilversum" \(op cbs-code\)/)
    expect(proef.stdout).toMatch(/regel 49: BusinessProcess "Heffen en innen" \(proc-heffen\)/)
    expect(proef.stdout).toContain('fouten: 0')
    expect(await stand()).toEqual(voor)

    const echt = await runCli(db, ['import', 'archimate', FIXTURE], { killAfterMs: KILL })
    expect(echt.code, echt.stderr).toBe(0)
    expect(echt.stdout).toContain('Geïmporteerd in één transactie.')
    const na = await stand()
    expect(na.organisatie).toBe(voor.organisatie + 2)
    expect(na.referentiecomponent).toBe(voor.referentiecomponent + 1)
    expect(na.applicatie).toBe(voor.applicatie + 3)
    expect(na.koppeling).toBe(voor.koppeling + 4)
    expect(na.auditlog).toBeGreaterThanOrEqual(voor.auditlog + 10)
  })

  it('refuses a malformed file naming the line in Dutch and English, exit 1, no stack trace, nothing written', async () => {
    const bestand = path.join(tmp, 'kapot.xml')
    await fs.writeFile(
      bestand,
      '<?xml version="1.0"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m">\n<name>Kapot</name>\n<elements>\n<element identifier="a"><name>A</naam></element>\n</elements>\n</model>\n',
    )
    const voor = await stand()
    const run = await runCli(db, ['import', 'archimate', bestand, '--dry-run'], { killAfterMs: KILL })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Fout: Regel 5, kolom \d+: geen geldige XML/)
    expect(run.stderr).toMatch(/Error: Line 5, column \d+: not well-formed XML/)
    geenStack(run.stderr)
    expect(await stand()).toEqual(voor)
  })

  it('says so when the file does not exist, exit 1', async () => {
    const run = await runCli(db, ['import', 'archimate', path.join(tmp, 'missing.xml')], { killAfterMs: KILL })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`Kan ${path.join(tmp, 'missing.xml')} niet lezen.`)
    expect(run.stderr).toContain('Cannot read')
    geenStack(run.stderr)
  })

  it('refuses --dry-run with a CSV kind', async () => {
    const run = await runCli(
      db,
      ['import', 'organisaties', path.resolve(import.meta.dirname, '../fixtures/organisaties-goed.csv'), '--dry-run'],
      {
        killAfterMs: KILL,
      },
    )
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('--dry-run kan alleen bij import archimate')
    expect(run.stderr).toContain('--dry-run only works with import archimate')
    geenStack(run.stderr)
  })
})

describe('regiekamer export archimate', () => {
  it('--samenwerking <naam> writes a well-formed file of that samenwerking', async () => {
    const uit = path.join(tmp, 'hilwijd.xml')
    const run = await runCli(db, ['export', 'archimate', '--samenwerking', 'gastheerschappen hilversum – wijdemeren', uit], {
      killAfterMs: KILL,
    })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(
      /"Gastheerschappen Hilversum – Wijdemeren" geëxporteerd naar .*hilwijd\.xml: \d+ elementen, \d+ relaties, 1 diagram\./,
    )
    const model = await leesArchimate(await fs.readFile(uit))
    expect(model.naam).toBe('Gastheerschappen Hilversum – Wijdemeren')
    const namen = model.elementen.map((e) => e.naam)
    expect(namen).toContain('Key2Belastingen')
    expect(namen).toContain('Zaaksysteem Wijdemeren')
    // Imported above: Hilversum's and Wijdemeren's test applicaties are the samenwerking's too.
    expect(namen).toContain('Testzaak Beta')
    expect(namen).not.toContain('Zaaksysteem Bloemendaal-Heemstede')
    expect(model.relaties.some((r) => r.type === 'Flow')).toBe(true)
  })

  it('an unknown samenwerking: a clear message, exit 1, no file', async () => {
    const uit = path.join(tmp, 'niets.xml')
    const run = await runCli(db, ['export', 'archimate', '--samenwerking', 'Bestaat Niet', uit], { killAfterMs: KILL })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Geen samenwerking met id of naam "Bestaat Niet".')
    expect(run.stderr).toContain('--samenwerking')
    geenStack(run.stderr)
    await expect(fs.access(uit)).rejects.toThrow()
  })
})
