import type { Database } from '../db/database.js'
import { analyzeDatabase } from '../db/repos/maintenance.js'
import { datumInAmsterdam } from '../domain/declaraties.js'
import { type Klok, systeemklok } from '../domain/klok.js'
import { BevindingenService } from '../services/bevindingen-service.js'
import type { ChangeFeed } from '../services/changes.js'
import { defineJobs, type JobRegistry } from './registry.js'
import { JobRunner, type RunnerOptions } from './runner.js'

// The application's background jobs. A new job gets a name here and a handler in
// `appJobs`; the runner refuses to start while the two disagree.

export const JOB_NAMES = ['planner-statistieken', 'vertrouwen-herevalueren', 'vertrouwen-dagelijks'] as const
export type JobName = (typeof JOB_NAMES)[number]

/** What the jobs need beside the database: the clock ("today" for the trust evaluation) and the caches to tell. */
export interface JobDeps {
  klok?: Klok
  changes?: ChangeFeed
}

export function appJobs(db: Database, deps: JobDeps = {}): JobRegistry<JobName> {
  const klok = deps.klok ?? systeemklok
  const bevindingen = new BevindingenService(db, deps.changes, klok)
  const herevalueer = async (partijId?: string) => {
    const r = await bevindingen.herevalueer(partijId)
    return {
      resultaat: 'geslaagd' as const,
      melding: `geopend ${r.geopend}, heropend ${r.heropend}, bijgewerkt ${r.bijgewerkt}, gesloten ${r.gesloten}`,
    }
  }
  return defineJobs(JOB_NAMES, {
    // After a write that may change findings: one party (its id as key) or everything ('').
    'vertrouwen-herevalueren': {
      run: ({ sleutel }) => herevalueer(sleutel || undefined),
      maxPogingen: 5,
    },
    // A date passing opens and closes findings (expiry, review deadlines): once per Amsterdam date.
    'vertrouwen-dagelijks': {
      run: () => herevalueer(),
      slot: (nu) => datumInAmsterdam(nu),
      maxPogingen: 5,
    },
    // PGlite has no autovacuum: the ChangeFeed asks for this after so many writes.
    'planner-statistieken': {
      async run() {
        await analyzeDatabase(db)
        return { resultaat: 'geslaagd' }
      },
      maxPogingen: 3,
    },
  })
}

export function createJobRunner(db: Database, opts: RunnerOptions & { changes?: ChangeFeed } = {}): JobRunner<JobName> {
  return new JobRunner(db, appJobs(db, { klok: opts.klok, changes: opts.changes }), opts)
}

export type { JobContext, JobHandler, JobOutcome, JobRegistry, JobResultaat } from './registry.js'
export { defineJobs } from './registry.js'
export type { JobLog, RunnerOptions, RunReport } from './runner.js'
export { JobRunner } from './runner.js'
