import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportHeader, isUuid } from '../../src/io/csv-columns.js'
import { seedDemo } from '../../src/io/demo.js'
import { openMigrated } from '../../src/runtime.js'
import { createServices } from '../../src/services/index.js'
import { freshDatabaseConfig } from '../helpers/database.js'

// The real `regiekamer` command as a child process, on its own database (a copy of the
// PGlite template, or a fresh database on TEST_DATABASE_URL).

const ROOT = path.resolve(import.meta.dirname, '../..')
const FIXTURES = path.join(ROOT, 'test/fixtures')
const CLI_TIMEOUT = 120_000

type DbConfig = Awaited<ReturnType<typeof freshDatabaseConfig>>
interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'DEBUG', 'DEMO', 'PORT', 'NODE_OPTIONS']) delete env[name]
  return env
}

function dbArgs(db: DbConfig): string[] {
  return db.databaseUrl ? ['--database-url', db.databaseUrl] : ['--data-dir', db.dataDir]
}

function cli(db: DbConfig, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/regiekamer.js'), ...dbArgs(db), ...args], {
      cwd: ROOT,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT - 5_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Opens the CLI's database in this process (the CLI must have ended), runs fn, closes it. */
async function withDatabase<T>(db: DbConfig, fn: (h: Awaited<ReturnType<typeof openMigrated>>['handle']) => Promise<T>): Promise<T> {
  const { handle } = await openMigrated(db)
  try {
    return await fn(handle)
  } finally {
    await handle.close()
  }
}

type Tabel = 'organisatie' | 'auditlog' | 'maatstafwaarde' | 'kostenpost'
/** Row counts of these tables, read in one opening of the database (opening PGlite takes most of a second). */
function countRows<T extends Tabel>(db: DbConfig, tables: T[]): Promise<Record<T, number>> {
  return withDatabase(db, async (h) => {
    const counts = {} as Record<T, number>
    for (const t of tables) counts[t] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(h.db)).rows[0].n
    return counts
  })
}

const csv = (text: string, delimiter = ',') =>
  parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: false, skip_empty_lines: true }) as string[][]
const records = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])))
const noStackTrace = (text: string) => {
  expect(text).not.toMatch(/^\s+at\s/m)
  // A source position, from src/ under tsx or from dist/server's bundle.
  expect(text).not.toMatch(/\.[jt]s:\d+/)
}

const databases: DbConfig[] = []
async function freshDb(): Promise<DbConfig> {
  const db = await freshDatabaseConfig()
  databases.push(db)
  return db
}
const tmpDir = path.join(os.tmpdir(), `rk-cli-${process.pid}`)

afterAll(async () => {
  for (const db of databases) await db.drop()
  await fs.rm(tmpDir, { recursive: true, force: true })
})

describe('seed and export', () => {
  let demo: DbConfig
  let counts: Record<string, number>

  beforeAll(async () => {
    demo = await freshDb()
    await fs.mkdir(tmpDir, { recursive: true })
    const run = await cli(demo, 'seed', '--demo')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    // "Demogegevens geladen: 8 organisaties, 3 samenwerkingen, …"
    counts = Object.fromEntries([...run.stdout.matchAll(/(\d+) (\w+)/g)].map((m) => [m[2], Number(m[1])]))
    expect(counts.koppelingen).toBeGreaterThan(0)
  }, CLI_TIMEOUT)

  it(
    'exports koppelingen as CSV with an id and a readable name beside every reference',
    async () => {
      const run = await cli(demo, 'export', 'koppelingen')
      expect(run.code).toBe(0)
      const rows = csv(run.stdout)
      const header = rows[0]
      expect(header).toEqual(exportHeader('koppelingen'))
      expect(header[0]).toBe('id')
      for (const [idColumn, nameColumn] of [
        ['bronApplicatieId', 'bronApplicatie'],
        ['doelApplicatieId', 'doelApplicatie'],
        ['viaApplicatieId', 'viaApplicatie'],
        ['eigenaarId', 'eigenaar'],
        ['gastheerschapId', 'gastheerschap'],
      ]) {
        expect(header.indexOf(nameColumn), nameColumn).toBe(header.indexOf(idColumn) + 1)
      }
      expect(rows.length - 1).toBe(counts.koppelingen)
      // No bare UUID anywhere but in the id column: each sits beside a name for every id.
      let references = 0
      for (const row of rows.slice(1)) {
        expect(isUuid(row[0])).toBe(true)
        row.forEach((cell, i) => {
          if (i === 0 || cell === '') return
          const items = cell.split('|')
          if (!items.some(isUuid)) return
          references++
          expect(items.every(isUuid), `${header[i]} mixes ids and other text: ${cell}`).toBe(true)
          const names = (row[i + 1] ?? '').split('|')
          expect(header[i + 1], `no name column beside ${header[i]}`).toBe(header[i].replace(/Ids?$/, ''))
          expect(names.length, `${header[i]}: ${cell} → ${row[i + 1]}`).toBe(items.length)
          expect(
            names.every((n) => n.trim() !== '' && !isUuid(n)),
            `${header[i + 1]} for ${cell}`,
          ).toBe(true)
        })
      }
      expect(references).toBeGreaterThan(counts.koppelingen)
    },
    CLI_TIMEOUT,
  )

  it(
    'exports organisaties for Dutch Excel: UTF-8 BOM, ";" and CRLF, written to a file',
    async () => {
      const file = path.join(tmpDir, 'organisaties.csv')
      const run = await cli(demo, 'export', 'organisaties', '--excel', '-o', file)
      expect(run.code).toBe(0)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain(`${counts.organisaties} organisaties geëxporteerd naar ${file}`)
      const bytes = await fs.readFile(file)
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = bytes.toString('utf8')
      const firstLine = text.slice(1).split('\r\n')[0]
      expect(firstLine.split(';')).toEqual(exportHeader('organisaties'))
      expect(text).toContain('\r\n')
      const rows = csv(text, ';')
      expect(rows.length - 1).toBe(counts.organisaties)
      const hilversum = records(rows).find((r) => r.cbsCode === 'GM0402')
      expect(hilversum?.naam).toBe('Hilversum')
      expect(hilversum?.type).toBe('gemeente')
    },
    CLI_TIMEOUT,
  )

  it(
    'verifies the audit log of a freshly seeded database (exit 0), and names the row that was changed afterwards (exit 2)',
    async () => {
      const intact = await cli(demo, 'audit', 'verify')
      expect(intact.stderr).toBe('')
      expect(intact.code).toBe(0)
      const total = Object.values(counts).reduce((a, b) => a + b, 0)
      expect(intact.stdout).toContain(`Auditlog intact: ${total} regels gecontroleerd`)
      expect(intact.stdout).toMatch(/Laatste hash: [0-9a-f]{64}/)

      await withDatabase(demo, async (h) => {
        await sql`ALTER TABLE auditlog DISABLE TRIGGER auditlog_no_update`.execute(h.db)
        const changed = await sql`UPDATE auditlog SET na = jsonb_set(na, '{naam}', '"Vervalst"') WHERE volgnummer = 5`.execute(h.db)
        expect(Number(changed.numAffectedRows)).toBe(1)
      })
      const tampered = await cli(demo, 'audit', 'verify')
      expect(tampered.code).toBe(2)
      expect(tampered.stderr).toContain('Auditlog NIET intact: 1 probleem/problemen')
      expect(tampered.stderr).toMatch(/regel 5: inhoud-gewijzigd/)
      expect(tampered.stderr).not.toMatch(/regel (?!5:)\d+:/)
      noStackTrace(tampered.stderr)
    },
    CLI_TIMEOUT,
  )
})

describe('tampering with the audit log', () => {
  /** A database with the demo data loaded in-process (quicker than another CLI run); returns the last volgnummer. */
  async function seeded(): Promise<{ db: DbConfig; last: number }> {
    const db = await freshDb()
    const last = await withDatabase(db, async (h) => {
      await seedDemo(createServices(h.db), { naam: 'test', herkomst: 'test' })
      const { rows } = await sql<{ n: number }>`SELECT max(volgnummer)::int AS n FROM auditlog`.execute(h.db)
      return rows[0].n
    })
    expect(last).toBeGreaterThan(5)
    return { db, last }
  }

  it(
    'detects a deleted middle row',
    async () => {
      const { db } = await seeded()
      await withDatabase(db, async (h) => {
        await sql`ALTER TABLE auditlog DISABLE TRIGGER auditlog_no_update`.execute(h.db)
        await sql`DELETE FROM auditlog WHERE volgnummer = 4`.execute(h.db)
      })
      const run = await cli(db, 'audit', 'verify')
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/regel 5: ontbrekend-volgnummer/)
      expect(run.stderr).toMatch(/regel 5: keten-onderbroken/)
      noStackTrace(run.stderr)
    },
    CLI_TIMEOUT,
  )

  it(
    'detects a forged row appended with the next volgnummer but a wrong hash',
    async () => {
      const { db, last } = await seeded()
      await withDatabase(db, async (h) => {
        // No trigger to disable: the append-only trigger guards UPDATE and DELETE, the hash guards INSERT.
        await sql`
          INSERT INTO auditlog (volgnummer, tijdstip, actor, herkomst, actie, objecttype, object_id, resultaat, voor, na, vorige_hash, hash)
          SELECT volgnummer + 1, now(), 'indringer', 'onbekend', 'verwijderen', 'organisatie', object_id, 'geslaagd', na, NULL, hash, ${'f'.repeat(64)}
          FROM auditlog WHERE volgnummer = ${last}`.execute(h.db)
      })
      const run = await cli(db, 'audit', 'verify')
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(`regel ${last + 1}: inhoud-gewijzigd`)
      expect(run.stderr).toContain('Auditlog NIET intact: 1 probleem/problemen')
    },
    CLI_TIMEOUT,
  )
})

describe('import', () => {
  let db: DbConfig

  beforeAll(async () => {
    db = await freshDb()
  })

  it(
    'imports a good file, after which its rows are exported',
    async () => {
      const file = path.join(FIXTURES, 'organisaties-goed.csv')
      const run = await cli(db, 'import', 'organisaties', file)
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`geïmporteerd uit ${file}`)
      expect(run.stdout).toMatch(/\b4 aangemaakt\b/)

      const exported = await cli(db, 'export', 'organisaties')
      expect(exported.code).toBe(0)
      const rows = records(csv(exported.stdout))
      expect(rows.map((r) => r.naam).sort()).toEqual(['Centric', 'Hilversum', 'Werkorganisatie BUCH', 'Wijdemeren'])
      const hilversum = rows.find((r) => r.naam === 'Hilversum')
      expect(hilversum).toMatchObject({
        type: 'gemeente',
        oin: '00000001001234567000',
        cbsCode: 'GM0402',
        inwoners: '2024:93000|2025:94601',
        website: 'https://www.hilversum.nl',
        toelichting: 'Gastheer, met een komma en "quotes"',
      })
      for (const r of rows) expect(isUuid(r.id)).toBe(true)
    },
    CLI_TIMEOUT,
  )

  it(
    'imports nothing from a file with bad rows, and names every bad row with its line number and reason',
    async () => {
      const voor = await countRows(db, ['organisatie', 'auditlog'])
      const file = path.join(FIXTURES, 'organisaties-met-fouten.csv')
      const run = await cli(db, 'import', 'organisaties', file)
      expect(run.code).not.toBe(0)
      expect(run.stdout).not.toContain('geïmporteerd uit')
      expect(run.stderr).toContain(`Niets geïmporteerd: 3 van de 7 rij(en) in ${file} bevatten fouten.`)
      expect(run.stderr).toMatch(/regel 3, type: Kies een van: gemeente, samenwerkingsverband, leverancier, overig\. \[ongeldige-waarde\]/)
      expect(run.stderr).toMatch(/regel 5, cbsCode: Een gemeente heeft een CBS-code .*\[verplicht\]/)
      expect(run.stderr).toMatch(/regel 7, inwoners: "2025-100" is geen jaar:aantal.*\[ongeldig-formaat\]/)
      expect(run.stderr).toMatch(/regel 7, website: Alleen deze URL-schema's zijn toegestaan: http, https\. \[ongeldig-schema\]/)
      // The good rows (lines 2, 4, 6, 8) are not blamed.
      expect(run.stderr).not.toMatch(/regel [2468],/)
      noStackTrace(run.stderr)
      expect(await countRows(db, ['organisatie', 'auditlog'])).toEqual(voor)
    },
    CLI_TIMEOUT,
  )

  it(
    'explains a file that does not exist',
    async () => {
      const run = await cli(db, 'import', 'organisaties', path.join(FIXTURES, 'bestaat-niet.csv'))
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/Kan .*bestaat-niet\.csv niet lezen/)
      noStackTrace(run.stderr)
    },
    CLI_TIMEOUT,
  )
})

describe('import of a file that repeats a key', () => {
  let db: DbConfig
  const write = async (name: string, text: string) => {
    const file = path.join(tmpDir, name)
    await fs.mkdir(tmpDir, { recursive: true })
    await fs.writeFile(file, text)
    return file
  }

  beforeAll(async () => {
    db = await freshDb()
    await withDatabase(db, (h) => seedDemo(createServices(h.db), { naam: 'test', herkomst: 'test' }))
  }, CLI_TIMEOUT)

  it(
    'refuses a file with the same new id twice (was "1 aangemaakt, 1 bijgewerkt"), naming both lines; nothing stored',
    async () => {
      const voor = await countRows(db, ['organisatie', 'auditlog'])
      const id = '5d1c2f3a-7b4e-4c1d-9e8f-0a1b2c3d4e5f'
      // The second time in capitals: PostgreSQL reads it as the same uuid.
      const file = await write(
        'dubbel-id.csv',
        `id,type,naam\n${id},leverancier,Eerste\n0b9e6a4c-1f2d-4e3a-8b5c-6d7e8f9a0b1c,leverancier,Ander\n${id.toUpperCase()},leverancier,Tweede\n`,
      )
      const run = await cli(db, 'import', 'organisaties', file)
      expect(run.code).toBe(1)
      expect(run.stdout).not.toContain('geïmporteerd uit')
      expect(run.stderr).toContain(`Niets geïmporteerd: 1 van de 3 rij(en) in ${file} bevatten fouten.`)
      expect(run.stderr).toContain(`Nothing imported: 1 of the 3 row(s) in ${file} have errors.`)
      expect(run.stderr).toContain(
        'regel 4, id: Zelfde id als regel 2; een bestand mag elk object maar één keer bevatten. [dubbel-in-bestand]',
      )
      expect(run.stderr).toContain('line 4, id: Same id as line 2; a file may hold each object only once.')
      noStackTrace(run.stderr)
      expect(await countRows(db, ['organisatie', 'auditlog'])).toEqual(voor)
    },
    CLI_TIMEOUT,
  )

  it(
    'refuses repeats of a unique key too: two maatstafwaarden for one organisation, maatstaf and jaar, two organisaties with one CBS code',
    async () => {
      const voor = await countRows(db, ['maatstafwaarde', 'organisatie', 'auditlog'])
      const waarden = await write(
        'dubbel-maatstaf.csv',
        'organisatie;maatstaf;jaar;waarde\nHilversum;fte;2031;10\nWijdemeren;fte;2031;4\nHilversum;fte;2031;12\n',
      )
      const run = await cli(db, 'import', 'maatstafwaarden', waarden)
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('regel 4, maatstaf: Zelfde organisatie, maatstaf en jaar als regel 2;')
      expect(run.stderr).not.toMatch(/regel [23],/)

      const orgs = await write('dubbel-cbs.csv', 'type,naam,cbsCode\ngemeente,Eemnes,GM0317\ngemeente,Eemnes bis,GM0317\n')
      const tweede = await cli(db, 'import', 'organisaties', orgs)
      expect(tweede.code).toBe(1)
      expect(tweede.stderr).toContain('regel 3, cbsCode: Zelfde CBS-code als regel 2;')
      // Counted once after both refusals: the organisaties import touches no maatstafwaarde,
      // so a row the first import had stored would still show here.
      expect(await countRows(db, ['maatstafwaarde', 'organisatie', 'auditlog'])).toEqual(voor)
    },
    CLI_TIMEOUT,
  )

  it(
    'refuses a kostenpost in year 0000 at its line and column (was the raw database error "date/time field value out of range")',
    async () => {
      const voor = await countRows(db, ['kostenpost'])
      const file = await write(
        'kosten-jaar-nul.csv',
        'omschrijving;samenwerking;gemaaktDoor;periode;soort;categorie;begroting;verdeelsleutel\n' +
          'Oud;ICT-samenwerking Hilversum – Gooise Meren;Hilversum;0000-Q1;structureel;licenties;100,00;Uitwijk en helpdesk: half vast, half naar omvang\n',
      )
      const run = await cli(db, 'import', 'kostenposten', file)
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(
        'regel 2, periode: Een periode is een jaar (2026), kwartaal (2026-Q3) of maand (2026-07), in de jaren 1900 tot en met 2200.',
      )
      expect(run.stderr).not.toMatch(/out of range/)
      noStackTrace(run.stderr)
      expect(await countRows(db, ['kostenpost'])).toEqual(voor)
    },
    CLI_TIMEOUT,
  )
})

describe('formula injection in exports', () => {
  const NAMEN = ['=HYPERLINK("https://evil.example","klik")', '+SUM(1,2)', '@SUM(1)', '-2+3+cmd|calc', "'=al een apostrof", 'Gewoon']

  it(
    'export --excel and plain export put an apostrophe before = + - @; importing the export changes nothing (round trip)',
    async () => {
      const db = await freshDb()
      await withDatabase(db, (h) => seedDemo(createServices(h.db), { naam: 'test', herkomst: 'test' }))
      await fs.mkdir(tmpDir, { recursive: true })
      const bron = path.join(tmpDir, 'formules.csv')
      // A name that itself starts with an apostrophe before "=" is written with one more (as the export does).
      const inBestand = (n: string) => (n.startsWith("'") ? `'${n}` : n)
      const regels = NAMEN.map((n) => `"${inBestand(n).replace(/"/g, '""')}",SaaS,in productie,Hilversum`)
      await fs.writeFile(bron, `naam,hosting,status,inGebruikBijNamen\n${regels.join('\n')}\n`)
      const geladen = await cli(db, 'import', 'applicaties', bron)
      expect(geladen.stderr).toBe('')
      expect(geladen.code).toBe(0)

      const excel = path.join(tmpDir, 'applicaties-excel.csv')
      expect((await cli(db, 'export', 'applicaties', '--excel', '-o', excel)).code).toBe(0)
      const rijen = records(csv(await fs.readFile(excel, 'utf8'), ';'))
      const naamVan = (rij: Record<string, string>) => rij.naam
      const namen = rijen.map(naamVan)
      for (const n of NAMEN.slice(0, 5)) expect(namen, n).toContain(`'${n}`)
      expect(namen).toContain('Gewoon')
      // No cell of the export starts a formula.
      for (const rij of rijen) for (const cel of Object.values(rij)) expect(cel, cel).not.toMatch(/^[=+\-@\t\r]/)
      const plat = await cli(db, 'export', 'applicaties')
      expect(records(csv(plat.stdout)).map(naamVan)).toEqual(namen)

      // The export imports back unchanged: the same names, no new rows.
      const terug = await cli(db, 'import', 'applicaties', excel)
      expect(terug.stderr).toBe('')
      expect(terug.code).toBe(0)
      expect(terug.stdout).toMatch(/: 0 aangemaakt, /)
      const opnieuw = path.join(tmpDir, 'applicaties-opnieuw.csv')
      expect((await cli(db, 'export', 'applicaties', '--excel', '-o', opnieuw)).code).toBe(0)
      expect(records(csv(await fs.readFile(opnieuw, 'utf8'), ';'))).toEqual(rijen)
      const opgeslagen = await withDatabase(db, async (h) =>
        (await sql<{ naam: string }>`SELECT naam FROM applicatie`.execute(h.db)).rows.map((r) => r.naam),
      )
      for (const n of NAMEN) expect(opgeslagen).toContain(n)
    },
    4 * CLI_TIMEOUT,
  )
})

describe('mistakes on the command line', () => {
  it(
    'answers an unknown entity with a clear message, exit 1 and no stack trace',
    async () => {
      // A data folder that must never be created: the kind is checked before any database is opened.
      const nowhere = { dataDir: path.join(tmpDir, 'niet-gebruikt'), databaseUrl: undefined, drop: async () => {} }
      const choices =
        'Kies uit: organisaties, samenwerkingen, gastheerschappen, applicaties, koppelingen, kostenposten, maatstafwaarden, referentiewaarden, bewijsstukken, toegangen, referentiecomponenten.'
      const [exported, imported] = await Promise.all([
        cli(nowhere, 'export', 'gemeentes'),
        cli(nowhere, 'import', 'gemeente', path.join(FIXTURES, 'organisaties-goed.csv')),
      ])
      expect(exported.code).toBe(1)
      expect(exported.stdout).toBe('')
      expect(exported.stderr).toContain(`Onbekende soort "gemeentes". ${choices}`)
      expect(exported.stderr).toContain('Unknown kind "gemeentes"')
      noStackTrace(exported.stderr)
      expect(imported.code).toBe(1)
      expect(imported.stderr).toContain(`Onbekende soort "gemeente". ${choices}`)
      noStackTrace(imported.stderr)
      await expect(fs.access(nowhere.dataDir)).rejects.toThrow()
    },
    CLI_TIMEOUT,
  )
})

describe('import of costs', () => {
  it(
    'imports kostenposten in euros by readable names, all or nothing, naming line and column of every bad row',
    async () => {
      // The demo data loaded in-process: `seed --demo` itself is tested above.
      const db = await freshDb()
      await withDatabase(db, (h) => seedDemo(createServices(h.db), { naam: 'test', herkomst: 'test' }))
      const header = 'omschrijving;gastheerschap;samenwerking;gemaaktDoor;periode;soort;categorie;begroting;realisatie;verdeelsleutel;bron'
      const goed =
        'Licentie zaaksysteem;;ICT-samenwerking Hilversum – Gooise Meren;Hilversum;2026-Q4;structureel;licenties;12.345,67;;Uitwijk en helpdesk: half vast, half naar omvang;Factuur 4711'
      const slecht = [
        goed,
        'Advies;;ICT-samenwerking Hilversum – Gooise Meren;Hilversum;2026-Q4;incidenteel;advies;61.250,125;;Uitwijk en helpdesk: half vast, half naar omvang;',
        'Hosting;;ICT-samenwerking Hilversum – Gooise Meren;Hilversum;2010;structureel;hosting;100,00;;Bestaat niet;',
      ]
      const file = path.join(tmpDir, 'kosten-slecht.csv')
      await fs.mkdir(tmpDir, { recursive: true })
      await fs.writeFile(file, `${header}\n${slecht.join('\n')}\n`)
      const countPosts = () =>
        withDatabase(db, async (h) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM kostenpost`.execute(h.db)).rows[0].n)
      const before = await countPosts()
      const bad = await cli(db, 'import', 'kostenposten', file)
      expect(bad.code).not.toBe(0)
      expect(bad.stderr).toMatch(/regel 3.*soort/)
      expect(bad.stderr).toMatch(/regel 3.*begroting.*meer dan twee decimalen/)
      expect(bad.stderr).toMatch(/regel 4.*verdeelsleutel/)
      noStackTrace(bad.stderr)
      expect(await countPosts()).toBe(before)

      const goodFile = path.join(tmpDir, 'kosten-goed.csv')
      await fs.writeFile(goodFile, `\uFEFF${header}\n${goed}\n`)
      const ok = await cli(db, 'import', 'kostenposten', goodFile)
      expect(ok.stderr).toBe('')
      expect(ok.code).toBe(0)
      expect(await countPosts()).toBe(before + 1)
      const exported = await cli(db, 'export', 'kostenposten')
      const rows = records(csv(exported.stdout))
      const row = rows.find((r) => r.omschrijving === 'Licentie zaaksysteem')
      expect(row).toMatchObject({ begroting: '12345.67', gemaaktDoor: 'Hilversum', periode: '2026-Q4' })
    },
    CLI_TIMEOUT,
  )
})
