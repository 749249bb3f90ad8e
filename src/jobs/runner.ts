import { randomUUID } from 'node:crypto'
import os from 'node:os'
import type { Database } from '../db/database.js'
import { type Backoff, type ClaimedJob, achtergrondtaken as repo } from '../db/repos/achtergrondtaken.js'
import { type Klok, systeemklok } from '../domain/klok.js'
import type { JobHandler, JobOutcome, JobRegistry, JobResultaat } from './registry.js'

// Runs the jobs of one registry against the job table (db/repos/achtergrondtaken.ts).
// Every round the tick enqueues what the schedules say is due, and nothing else; then
// the runner frees stale locks and claims and runs due jobs one at a time, outside any
// transaction (on PGlite a held transaction would stop every other query). Work and
// schedule are separate so that a slow job never delays a tick, and a tick in another
// process never runs work twice: the job table decides who runs what.

export interface JobLog {
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

export interface RunnerOptions {
  klok?: Klok
  /** Rounds run this far apart, bounded to 1 s … 60 s (default 10 s). */
  intervalMs?: number
  /** A lock older than this belongs to a runner that died or hangs (default 15 min). */
  lockLimitMs?: number
  backoff?: Backoff
  /** Runs per round at most, so a round ends and the next tick comes (default 20). */
  runsPerRound?: number
  /** Finished runs are kept this long (default 30 days). */
  keepMs?: number
  log?: JobLog
}

export interface RunReport {
  id: number
  naam: string
  sleutel: string
  poging: number
  resultaat: JobResultaat
}

const MINUTE = 60_000
const DEFAULT_MAX_POGINGEN = 5
const MAX_MELDING = 2000
const quiet: JobLog = { warn() {}, error() {} }

/** The period of `everyMs` that `nu` falls in, keyed by its start. */
function periode(nu: Date, everyMs: number): { sleutel: string; op: Date } {
  const op = new Date(Math.floor(nu.getTime() / everyMs) * everyMs)
  return { sleutel: op.toISOString(), op }
}

const bounded = (ms: number) => Math.min(Math.max(ms, 1000), 60_000)

export class JobRunner<N extends string> {
  /** Who holds a lock: unique per runner, readable in the table. */
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  private readonly klok: Klok
  private readonly log: JobLog
  private readonly intervalMs: number
  private readonly lockLimitMs: number
  private readonly backoff: Backoff
  private readonly runsPerRound: number
  private readonly keepMs: number
  private readonly requested = new Set<Promise<unknown>>()
  private timer: NodeJS.Timeout | undefined
  private round: Promise<void> | undefined
  private started = false
  private stopped = false
  private again = false
  private lastPurge = 0

  constructor(
    private readonly db: Database,
    private readonly registry: JobRegistry<N>,
    opts: RunnerOptions = {},
  ) {
    this.klok = opts.klok ?? systeemklok
    this.log = opts.log ?? quiet
    this.intervalMs = bounded(opts.intervalMs ?? 10_000)
    this.lockLimitMs = opts.lockLimitMs ?? 15 * MINUTE
    this.backoff = opts.backoff ?? { firstMs: 30_000, maxMs: 60 * MINUTE }
    this.runsPerRound = opts.runsPerRound ?? 20
    this.keepMs = opts.keepMs ?? 30 * 24 * 60 * MINUTE
  }

  /** Adds a run of `naam` for `sleutel` unless one is already waiting or running; true when added. */
  async enqueue(naam: N, opts: { sleutel?: string; uitvoerenOp?: Date } = {}): Promise<boolean> {
    const nu = this.klok.nu()
    return repo.enqueue(this.db, {
      naam,
      sleutel: opts.sleutel ?? '',
      uitvoerenOp: opts.uitvoerenOp ?? nu,
      maxPogingen: this.handler(naam).maxPogingen ?? DEFAULT_MAX_POGINGEN,
      nu,
    })
  }

  /**
   * `enqueue` for code that cannot wait (a write that just committed): a failure is
   * logged; a started runner takes the run in its next round, which starts at once.
   */
  request(naam: N, sleutel = ''): void {
    if (this.stopped) return
    const p = this.enqueue(naam, { sleutel })
      .then(() => this.wake())
      .catch((e) => this.log.error({ job: naam, sleutel, err: e }, 'Achtergrondtaak niet ingepland'))
      .finally(() => this.requested.delete(p))
    this.requested.add(p)
  }

  /** Enqueues the runs the schedules say are due now, and does nothing else; returns how many were added. */
  async tick(): Promise<number> {
    const nu = this.klok.nu()
    let added = 0
    for (const [naam, handler] of this.registry) {
      const slot = handler.slot ? { sleutel: handler.slot(nu), op: nu } : handler.everyMs ? periode(nu, handler.everyMs) : undefined
      if (!slot) continue
      const job = { naam, sleutel: slot.sleutel, uitvoerenOp: slot.op, maxPogingen: handler.maxPogingen ?? DEFAULT_MAX_POGINGEN, nu }
      if (await repo.enqueueOnce(this.db, job)) added++
    }
    return added
  }

  /** One round of work: frees stale locks, then claims and runs due jobs until none is due (or the round is full). */
  async runOnce(): Promise<RunReport[]> {
    await Promise.all(this.requested)
    await this.sweep()
    const reports: RunReport[] = []
    const names = [...this.registry.keys()]
    while (reports.length < this.runsPerRound) {
      const job = await repo.claim(this.db, names, this.id, this.klok.nu())
      if (!job) break
      reports.push(await this.run(job))
    }
    return reports
  }

  /** Starts the rounds: one now, then one every interval. Timers do not keep the process alive. */
  start(): void {
    if (this.started || this.stopped) return
    this.started = true
    this.schedule(0)
  }

  /** Stops the rounds and waits for the one in progress and for requested enqueues. */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    this.timer = undefined
    await this.round
    await Promise.all(this.requested)
  }

  private handler(naam: string): JobHandler {
    const h = this.registry.get(naam as N)
    if (!h) throw new Error(`unknown job ${naam}`)
    return h
  }

  private async sweep(): Promise<void> {
    const nu = this.klok.nu()
    const lockedBefore = new Date(nu.getTime() - this.lockLimitMs)
    const freed = await repo.freeStale(this.db, lockedBefore, 'Vergrendeling verlopen / lock expired', nu, this.backoff)
    if (freed > 0) this.log.warn({ freed }, 'Verlopen vergrendelingen van achtergrondtaken vrijgegeven')
    if (nu.getTime() - this.lastPurge >= 60 * MINUTE) {
      await repo.purge(this.db, new Date(nu.getTime() - this.keepMs))
      this.lastPurge = nu.getTime()
    }
  }

  private async run(job: ClaimedJob): Promise<RunReport> {
    const outcome = await this.outcomeOf(job)
    const melding = outcome.melding ? outcome.melding.slice(0, MAX_MELDING) : null
    const nu = this.klok.nu()
    let recorded: boolean
    if (outcome.resultaat === 'mislukt') {
      recorded = await repo.fail(this.db, job.id, this.id, melding ?? 'mislukt', nu, this.backoff)
      this.log.warn({ job: job.naam, sleutel: job.sleutel, poging: job.pogingen, melding }, 'Achtergrondtaak mislukt')
    } else {
      recorded = await repo.finish(this.db, job.id, this.id, outcome.resultaat, melding, nu)
    }
    if (!recorded)
      this.log.warn({ job: job.naam, sleutel: job.sleutel }, 'Vergrendeling van achtergrondtaak kwijt: resultaat niet vastgelegd')
    return { id: job.id, naam: job.naam, sleutel: job.sleutel, poging: job.pogingen, resultaat: outcome.resultaat }
  }

  // A throw, or anything but one of the three results, counts as a failed run.
  private async outcomeOf(job: ClaimedJob): Promise<JobOutcome> {
    try {
      const outcome = await this.handler(job.naam).run({ sleutel: job.sleutel, poging: job.pogingen, nu: this.klok.nu() })
      if (['geslaagd', 'mislukt', 'overgeslagen'].includes(outcome?.resultaat)) return outcome
      return { resultaat: 'mislukt', melding: `Onbekend resultaat / unknown result: ${JSON.stringify(outcome)}` }
    } catch (e) {
      return { resultaat: 'mislukt', melding: e instanceof Error ? e.message : String(e) }
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => this.startRound(), delayMs)
    this.timer.unref()
  }

  private startRound(): void {
    this.timer = undefined
    this.again = false
    this.round = this.tick()
      .then(() => this.runOnce())
      .then(
        () => undefined,
        (e) => this.log.error({ err: e }, 'Ronde van achtergrondtaken mislukt'),
      )
      .finally(() => {
        this.round = undefined
        if (!this.stopped) this.schedule(this.again ? 0 : this.intervalMs)
      })
  }

  // A run was enqueued: start the next round now instead of after the interval.
  private wake(): void {
    if (!this.started || this.stopped) return
    if (this.round) {
      this.again = true
      return
    }
    clearTimeout(this.timer)
    this.schedule(0)
  }
}
