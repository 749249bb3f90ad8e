import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportCommand } from '../../src/cli/transfer.js'
import { loadConfig } from '../../src/config.js'
import { ENTITY_TYPES, type RegistryEntity } from '../../src/io/csv-columns.js'
import { seedDemo } from '../../src/io/demo.js'
import { openMigrated } from '../../src/runtime.js'
import { createServices } from '../../src/services/index.js'
import { type DbConfig, runCli } from '../helpers/cli.js'
import { freshDatabaseConfig } from '../helpers/database.js'

// Importing what is stored changes nothing (issue 11): an export imported again leaves
// every row's revisie (its ETag), gewijzigdOp and audit trail as they were, and the
// summary says how many rows were left alone. The import runs as the real `regiekamer`
// command, on the demo data, for every kind the CLI imports (the exports run in this
// process, to save a process start per kind).

const CLI_TIMEOUT = 120_000
const ENTITIES = Object.keys(ENTITY_TYPES) as RegistryEntity[]

const readCsv = async (file: string) => parse(await fs.readFile(file, 'utf8'), { skip_empty_lines: true }) as string[][]
const writeCsv = (file: string, rows: string[][]) =>
  fs.writeFile(file, `${rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`)

let db: DbConfig
const tmpDir = path.join(os.tmpdir(), `rk-import-ongewijzigd-${process.pid}`)

const cli = (...args: string[]) => runCli(db, args)

/** Exports one kind to a file, as `regiekamer export <kind> -o <file>` does. */
const exportTo = (entity: RegistryEntity, file: string) =>
  exportCommand(loadConfig({}, { dataDir: db.dataDir, databaseUrl: db.databaseUrl }), entity, { output: file })

/** Opens the database in this process (no CLI may be running), runs fn, closes it. */
async function withDatabase<T>(fn: (h: Awaited<ReturnType<typeof openMigrated>>['handle']) => Promise<T>): Promise<T> {
  const { handle } = await openMigrated(db)
  try {
    return await fn(handle)
  } finally {
    await handle.close()
  }
}

/** id → revisie and gewijzigd_op of every row of every imported kind, and the audit log's length. */
function snapshot(): Promise<{ rows: Record<string, string>; audit: number }> {
  return withDatabase(async (h) => {
    const rows: Record<string, string> = {}
    for (const table of Object.values(ENTITY_TYPES)) {
      const r = await sql<{ id: string; revisie: number; gewijzigd: string }>`
        SELECT id::text AS id, revisie, gewijzigd_op::text AS gewijzigd FROM ${sql.table(table)}`.execute(h.db)
      for (const row of r.rows) rows[`${table} ${row.id}`] = `${row.revisie} ${row.gewijzigd}`
    }
    const a = await sql<{ n: number }>`SELECT count(*)::int AS n FROM auditlog`.execute(h.db)
    return { rows, audit: a.rows[0].n }
  })
}

beforeAll(async () => {
  db = await freshDatabaseConfig()
  await withDatabase((h) => seedDemo(createServices(h.db), { naam: 'test', herkomst: 'test' }))
  await fs.mkdir(tmpDir, { recursive: true })
}, CLI_TIMEOUT)

afterAll(async () => {
  await db?.drop()
  await fs.rm(tmpDir, { recursive: true, force: true })
})

describe('importing an unchanged export', () => {
  it(
    'leaves every unchanged row alone: the same revisie and gewijzigdOp, no audit entry, and the summary says "N ongewijzigd"',
    async () => {
      const files: Partial<Record<RegistryEntity, { file: string; rows: number }>> = {}
      for (const entity of ENTITIES) {
        const file = path.join(tmpDir, `${entity}.csv`)
        await exportTo(entity, file)
        const rows = (await readCsv(file)).length - 1
        expect(rows, entity).toBeGreaterThan(0)
        files[entity] = { file, rows }
      }
      const before = await snapshot()
      for (const entity of ENTITIES) {
        const { file, rows } = files[entity] as { file: string; rows: number }
        const run = await cli('import', entity, file)
        expect(run.stderr, entity).toBe('')
        expect(run.stdout, entity).toContain(`0 aangemaakt, 0 bijgewerkt, ${rows} ongewijzigd.`)
      }
      expect(await snapshot()).toEqual(before)
    },
    10 * CLI_TIMEOUT,
  )

  it(
    'writes a changed row (a new revisie, one audit entry) and leaves the unchanged ones of the same file alone',
    async () => {
      const file = path.join(tmpDir, 'organisaties-een-gewijzigd.csv')
      await exportTo('organisaties', file)
      const rows = await readCsv(file)
      const [header, ...data] = rows
      const last = data[data.length - 1]
      const id = last[header.indexOf('id')]
      last[header.indexOf('naam')] += ' (hernoemd)'
      await writeCsv(file, rows)

      const before = await snapshot()
      const run = await cli('import', 'organisaties', file)
      expect(run.stderr).toBe('')
      expect(run.stdout).toContain(`0 aangemaakt, 1 bijgewerkt, ${data.length - 1} ongewijzigd.`)
      const after = await snapshot()
      expect(after.audit).toBe(before.audit + 1)
      const changed = Object.keys(after.rows).filter((k) => after.rows[k] !== before.rows[k])
      expect(changed).toEqual([`organisatie ${id}`])
      expect(after.rows[`organisatie ${id}`].split(' ')[0]).toBe(String(Number(before.rows[`organisatie ${id}`].split(' ')[0]) + 1))
    },
    2 * CLI_TIMEOUT,
  )
})
