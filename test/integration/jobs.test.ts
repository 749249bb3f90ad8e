import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/api/app.js'
import { cliActor } from '../../src/cli/actor.js'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js'
import { achtergrondtaken } from '../../src/db/repos/achtergrondtaken.js'
import { AppError } from '../../src/domain/errors.js'
import { appJobs, createJobRunner, defineJobs, JOB_NAMES, type JobHandler, JobRunner, type RunReport } from '../../src/jobs/index.js'
import { createServices } from '../../src/services/index.js'
import { freshDatabase, type TestDatabase } from '../helpers/database.js'
import { buildOrganisatie } from '../helpers/factories.js'

// Background jobs on a real database: the job table records every run, a failing run
// comes back after a back-off, a key has one open run, and (on PostgreSQL) runners in
// two processes never take the same run. The runner is driven by explicit tick() and
// runOnce() calls with a clock the test moves: nothing here waits for a timer.

let database: TestDatabase
beforeAll(async () => {
  database = await freshDatabase()
})
afterAll(async () => database?.destroy())

const db = () => database.handle.db
const SECOND = 1000
const BACKOFF = { firstMs: 30 * SECOND, maxMs: 3600 * SECOND }

function movableClock(start = '2026-03-02T09:00:00.000Z') {
  let t = new Date(start).getTime()
  return {
    nu: () => new Date(t),
    move(ms: number) {
      t += ms
    },
  }
}

const runsOf = (naam: string) => db().selectFrom('achtergrondtaak').selectAll().where('naam', '=', naam).orderBy('id').execute()

const succeeds: JobHandler = { run: async () => ({ resultaat: 'geslaagd' }) }

describe('job registry', () => {
  it('refuses to start when a job name has no handler, naming the job in Dutch and English', () => {
    const start = () => defineJobs(['opruimen', 'controleren'] as const, { opruimen: succeeds } as never)
    expect(start).toThrow(AppError)
    try {
      start()
    } catch (e) {
      expect((e as AppError).kind).toBe('configuratie')
      expect((e as AppError).detail.nl).toContain('controleren')
      expect((e as AppError).detail.en).toContain('controleren')
    }
  })

  it('refuses a handler for a name outside the set', () => {
    expect(() => defineJobs(['opruimen'] as const, { opruimen: succeeds, verdwaald: succeeds } as never)).toThrow(/verdwaald/)
  })

  it("has exactly one handler for each of the app's jobs", () => {
    expect([...appJobs(db()).keys()]).toEqual([...JOB_NAMES])
  })
})

describe('job runner', () => {
  it('records what a handler reports: geslaagd, overgeslagen, mislukt', async () => {
    const klok = movableClock()
    const registry = defineJobs(['t-geslaagd', 't-overgeslagen', 't-mislukt'] as const, {
      't-geslaagd': succeeds,
      't-overgeslagen': { run: async () => ({ resultaat: 'overgeslagen', melding: 'niets te doen' }) },
      't-mislukt': { run: async () => ({ resultaat: 'mislukt', melding: 'bron onbereikbaar' }) },
    })
    const runner = new JobRunner(db(), registry, { klok, backoff: BACKOFF })
    for (const naam of registry.keys()) expect(await runner.enqueue(naam)).toBe(true)

    const reports = await runner.runOnce()
    expect(reports.map((r) => [r.naam, r.resultaat]).sort()).toEqual([
      ['t-geslaagd', 'geslaagd'],
      ['t-mislukt', 'mislukt'],
      ['t-overgeslagen', 'overgeslagen'],
    ])
    const [geslaagd] = await runsOf('t-geslaagd')
    expect(geslaagd).toMatchObject({ resultaat: 'geslaagd', pogingen: 1, vergrendeld_op: null, vergrendeld_door: null })
    expect(geslaagd.afgerond_op).toEqual(klok.nu())
    const [overgeslagen] = await runsOf('t-overgeslagen')
    expect(overgeslagen).toMatchObject({ resultaat: 'overgeslagen', melding: 'niets te doen' })
    expect(overgeslagen.afgerond_op).toEqual(klok.nu())
    // A reported failure stays open for a retry, like a throw.
    const [mislukt] = await runsOf('t-mislukt')
    expect(mislukt).toMatchObject({ resultaat: 'mislukt', melding: 'bron onbereikbaar', afgerond_op: null, vergrendeld_op: null })
    expect(mislukt.uitvoeren_op).toEqual(new Date(klok.nu().getTime() + 30 * SECOND))
  })

  it('records a throwing handler as failed and retries it with exponential back-off until its attempts run out', async () => {
    const klok = movableClock()
    let calls = 0
    const runner = new JobRunner(
      db(),
      defineJobs(['t-gooit'] as const, {
        't-gooit': {
          maxPogingen: 3,
          run: async () => {
            calls++
            throw new Error(`stuk ${calls}`)
          },
        },
      }),
      { klok, backoff: BACKOFF },
    )
    await runner.enqueue('t-gooit')
    const first = klok.nu().getTime()

    expect(await runner.runOnce()).toMatchObject([{ naam: 't-gooit', poging: 1, resultaat: 'mislukt' }])
    let [run] = await runsOf('t-gooit')
    expect(run).toMatchObject({ resultaat: 'mislukt', melding: 'stuk 1', pogingen: 1, afgerond_op: null, vergrendeld_op: null })
    expect(run.uitvoeren_op).toEqual(new Date(first + 30 * SECOND))

    klok.move(29 * SECOND)
    expect(await runner.runOnce()).toEqual([])
    klok.move(1 * SECOND)
    expect(await runner.runOnce()).toMatchObject([{ poging: 2, resultaat: 'mislukt' }])
    ;[run] = await runsOf('t-gooit')
    // Twice the first delay, counted from the second failure.
    expect(run.uitvoeren_op).toEqual(new Date(first + 30 * SECOND + 60 * SECOND))

    klok.move(60 * SECOND)
    expect(await runner.runOnce()).toMatchObject([{ poging: 3, resultaat: 'mislukt' }])
    ;[run] = await runsOf('t-gooit')
    expect(run).toMatchObject({ resultaat: 'mislukt', melding: 'stuk 3', pogingen: 3 })
    expect(run.afgerond_op).toEqual(klok.nu())

    klok.move(3600 * SECOND)
    expect(await runner.runOnce()).toEqual([])
    expect(calls).toBe(3)
  })

  it('keeps one open run per key: waiting or running, a second enqueue adds nothing', async () => {
    const klok = movableClock()
    let whileRunning: boolean | undefined
    const runner: JobRunner<'t-sleutel'> = new JobRunner(
      db(),
      defineJobs(['t-sleutel'] as const, {
        't-sleutel': {
          run: async ({ sleutel }) => {
            if (sleutel === 'a') whileRunning = await runner.enqueue('t-sleutel', { sleutel: 'a' })
            return { resultaat: 'geslaagd' }
          },
        },
      }),
      { klok },
    )
    expect(await runner.enqueue('t-sleutel', { sleutel: 'a' })).toBe(true)
    expect(await runner.enqueue('t-sleutel', { sleutel: 'a' })).toBe(false)
    expect(await runner.enqueue('t-sleutel', { sleutel: 'b' })).toBe(true)

    const reports = await runner.runOnce()
    expect(reports.map((r) => r.sleutel).sort()).toEqual(['a', 'b'])
    expect(whileRunning).toBe(false)
    // Finished, the key is free for the next run.
    expect(await runner.enqueue('t-sleutel', { sleutel: 'a' })).toBe(true)
    expect((await runsOf('t-sleutel')).map((r) => r.sleutel)).toEqual(['a', 'b', 'a'])
  })

  it('ticks by enqueueing only, once per slot, however often and by however many runners it ticks', async () => {
    const klok = movableClock('2026-03-02T09:10:00.000Z')
    let calls = 0
    const registry = defineJobs(['t-elk-uur'] as const, {
      't-elk-uur': {
        everyMs: 3600 * SECOND,
        run: async () => {
          calls++
          return { resultaat: 'geslaagd' }
        },
      },
    })
    const runner = new JobRunner(db(), registry, { klok })
    const elsewhere = new JobRunner(db(), registry, { klok })

    expect(await runner.tick()).toBe(1)
    expect(calls).toBe(0)
    expect(await runner.tick()).toBe(0)
    expect(await elsewhere.tick()).toBe(0)
    expect(await runner.runOnce()).toHaveLength(1)
    klok.move(20 * 60 * SECOND)
    // The slot ran: ticking again within it adds nothing.
    expect(await elsewhere.tick()).toBe(0)
    klok.move(40 * 60 * SECOND)
    expect(await elsewhere.tick()).toBe(1)
    expect((await runsOf('t-elk-uur')).map((r) => r.sleutel)).toEqual(['2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z'])
  })

  it('frees a lock older than the limit (a runner that died) and runs the job again after the back-off', async () => {
    const klok = movableClock()
    const runner = new JobRunner(db(), defineJobs(['t-verweesd'] as const, { 't-verweesd': succeeds }), {
      klok,
      backoff: BACKOFF,
      lockLimitMs: 10 * 60 * SECOND,
    })
    await runner.enqueue('t-verweesd')
    const dead = await achtergrondtaken.claim(db(), ['t-verweesd'], 'dode-runner', klok.nu())
    expect(dead).toMatchObject({ pogingen: 1 })

    klok.move(10 * 60 * SECOND)
    expect(await runner.runOnce()).toEqual([])
    klok.move(1)
    expect(await runner.runOnce()).toEqual([])
    let [run] = await runsOf('t-verweesd')
    expect(run).toMatchObject({ vergrendeld_door: null, resultaat: 'mislukt', afgerond_op: null })
    expect(run.melding).toMatch(/Vergrendeling verlopen/)

    klok.move(30 * SECOND)
    expect(await runner.runOnce()).toMatchObject([{ poging: 2, resultaat: 'geslaagd' }])
    // The dead runner, back after all, cannot overwrite what the other recorded.
    expect(await achtergrondtaken.finish(db(), dead?.id ?? 0, 'dode-runner', 'mislukt', 'te laat', klok.nu())).toBe(false)
    ;[run] = await runsOf('t-verweesd')
    expect(run).toMatchObject({ resultaat: 'geslaagd', pogingen: 2 })
  })

  it('never lets two runners claim the same run (on PostgreSQL: through two connection pools, as two processes would)', async () => {
    const klok = movableClock()
    const other: DatabaseHandle | undefined = database.databaseUrl
      ? await openDatabase({ databaseUrl: database.databaseUrl, dataDir: '' })
      : undefined
    try {
      const registry = defineJobs(['t-gedeeld'] as const, {
        't-gedeeld': {
          // A moment of work, so the runners' claims overlap.
          run: async () => {
            await sql`SELECT pg_sleep(0.002)`.execute(db())
            return { resultaat: 'geslaagd' }
          },
        },
      })
      const handles = [db(), other?.db ?? db()]
      const runners = [0, 1, 2, 3, 4, 5].map((i) => new JobRunner(handles[i % 2], registry, { klok, runsPerRound: 1000 }))
      const jobs = 60
      for (let i = 0; i < jobs; i++) await runners[0].enqueue('t-gedeeld', { sleutel: String(i) })

      const rounds = await Promise.all(runners.map((r) => r.runOnce()))
      const ran: RunReport[] = rounds.flat()
      expect(ran).toHaveLength(jobs)
      expect(new Set(ran.map((r) => r.sleutel)).size).toBe(jobs)
      expect(rounds.filter((r) => r.length > 0).length).toBeGreaterThan(1)
      const rows = await runsOf('t-gedeeld')
      expect(rows.every((r) => r.resultaat === 'geslaagd' && r.pogingen === 1)).toBe(true)
    } finally {
      await other?.close()
    }
  })
})

describe('planner statistics as a job', () => {
  it('is enqueued after analyzeEvery writes and runs ANALYZE', async () => {
    const klok = movableClock()
    const services = createServices(db(), { analyzeEvery: 3 })
    const runner = createJobRunner(db(), { klok })
    services.changes.onStatisticsDue(() => runner.request('planner-statistieken'))
    const before = (await runsOf('planner-statistieken')).length
    const analyzed = async () =>
      (await sql<{ n: number }>`SELECT analyze_count AS n FROM pg_stat_user_tables WHERE relname = 'organisatie'`.execute(db())).rows[0].n
    const analyzedBefore = await analyzed()

    for (let i = 0; i < 2; i++) await services.organisaties.create(cliActor('test'), buildOrganisatie())
    expect(await runner.runOnce()).toEqual([])
    await services.organisaties.create(cliActor('test'), buildOrganisatie())
    expect(await runner.runOnce()).toMatchObject([{ naam: 'planner-statistieken', resultaat: 'geslaagd' }])

    const runs = await runsOf('planner-statistieken')
    expect(runs).toHaveLength(before + 1)
    expect(runs.at(-1)).toMatchObject({ resultaat: 'geslaagd', pogingen: 1 })
    expect(await analyzed()).toBeGreaterThan(analyzedBefore)
    await runner.stop()
  })
})

describe('the runner in the app', () => {
  it('starts when the app is ready and takes a due run', async () => {
    await achtergrondtaken.enqueue(db(), {
      naam: 'planner-statistieken',
      sleutel: 'app',
      uitvoerenOp: new Date(),
      maxPogingen: 1,
      nu: new Date(),
    })
    const app = await buildApp({
      config: { bodyLimitBytes: 1 << 20, publicUrl: 'https://jobs.test', logLevel: 'silent' },
      database: database.handle,
      logger: false,
    })
    try {
      await app.ready()
      await expect.poll(async () => (await runsOf('planner-statistieken')).find((r) => r.sleutel === 'app')?.resultaat).toBe('geslaagd')
    } finally {
      await app.close()
    }
  })
})
