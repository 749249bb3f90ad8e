import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { openMigrated } from '../../src/runtime.js'
import { createServices } from '../../src/services/index.js'
import { type DbConfig, runCli } from '../helpers/cli.js'
import { freshDatabaseConfig } from '../helpers/database.js'
import { buildOrganisatie } from '../helpers/factories.js'

// `regiekamer bevindingen` as a child process: a supplier whose grant was never reviewed
// since 2024 breaks the default policy's yearly review, and the list says so in Dutch.

const CLI_TIMEOUT = 120_000
const cli = (db: DbConfig, ...args: string[]) => runCli(db, args, { killAfterMs: CLI_TIMEOUT - 5_000 })
let db: DbConfig

beforeAll(async () => {
  db = await freshDatabaseConfig()
  const { handle } = await openMigrated(db)
  try {
    const s = createServices(handle.db)
    const actor = cliActor('test')
    const gemeente = await s.organisaties.create(actor, buildOrganisatie({ type: 'gemeente', cbsCode: 'GM0402', naam: 'Hilversum' }))
    const partij = await s.organisaties.create(actor, buildOrganisatie({ type: 'leverancier', naam: 'Fictief Beheer BV' }))
    const app = await s.applicaties.create(actor, {
      naam: 'Zaaksysteem',
      hosting: 'SaaS',
      status: 'in productie',
      inGebruikBij: [gemeente.id],
    })
    await s.toegangen.create(actor, {
      partijId: partij.id,
      object: { soort: 'applicatie', id: app.id },
      doel: 'Applicatiebeheer',
      verleendDoorId: gemeente.id,
      geldigVanaf: '2024-01-02',
    })
  } finally {
    await handle.close()
  }
}, CLI_TIMEOUT)
afterAll(async () => db?.drop())

describe('regiekamer bevindingen', () => {
  it(
    'lists the open findings with severity, party, rule and control, and why; exit code 0',
    async () => {
      const run = await cli(db, 'bevindingen')
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/Fictief Beheer BV {2}herbeoordeling-jaarlijks \(BIO 9\.2\.5; BIO2 5\.18\)/)
      expect(run.stdout).toMatch(/\d+ open bevinding\(en\)/)
    },
    CLI_TIMEOUT,
  )

  it(
    'answers --json with the findings and filters by --ernst and --organisatie',
    async () => {
      const json = await cli(db, 'bevindingen', '--json', '--organisatie', 'Fictief Beheer BV')
      expect(json.code).toBe(0)
      const body = JSON.parse(json.stdout) as { bevindingen: { partijNaam: string; regelId: string; uitleg: { nl: string } }[] }
      expect(body.bevindingen.map((b) => b.regelId)).toContain('herbeoordeling-jaarlijks')
      expect(body.bevindingen.every((b) => b.partijNaam === 'Fictief Beheer BV')).toBe(true)
      const laag = await cli(db, 'bevindingen', '--json', '--ernst', 'laag')
      expect((JSON.parse(laag.stdout) as { bevindingen: unknown[] }).bevindingen).toEqual([])
    },
    CLI_TIMEOUT,
  )

  it(
    'refuses a bad severity or an unknown organisation in Dutch and English, exit code 1',
    async () => {
      const ernst = await cli(db, 'bevindingen', '--ernst', 'enorm')
      expect(ernst.code).toBe(1)
      expect(ernst.stderr).toMatch(/Fout: .*\nError: /)
      expect(ernst.stderr).toContain('--ernst')
      const org = await cli(db, 'bevindingen', '--organisatie', 'Nergens')
      expect(org.code).toBe(1)
      expect(org.stderr).toContain('--organisatie')
    },
    CLI_TIMEOUT,
  )

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'says clearly that the embedded database is in use by another process',
    async () => {
      const { handle } = await openMigrated(db)
      try {
        const run = await cli(db, 'bevindingen')
        expect(run.code).toBe(1)
        expect(run.stderr).toMatch(/Fout: .*\nError: /)
        expect(run.stderr).not.toMatch(/\n\s+at /)
      } finally {
        await handle.close()
      }
    },
    CLI_TIMEOUT,
  )
})
