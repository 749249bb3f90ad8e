import type { Database } from '../db/database.js'
import { analyzeDatabase } from '../db/repos/maintenance.js'
import { defineJobs, type JobRegistry } from './registry.js'
import { JobRunner, type RunnerOptions } from './runner.js'

// The application's background jobs. A new job gets a name here and a handler in
// `appJobs`; the runner refuses to start while the two disagree.

export const JOB_NAMES = ['planner-statistieken'] as const
export type JobName = (typeof JOB_NAMES)[number]

export function appJobs(db: Database): JobRegistry<JobName> {
  return defineJobs(JOB_NAMES, {
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

export function createJobRunner(db: Database, opts: RunnerOptions = {}): JobRunner<JobName> {
  return new JobRunner(db, appJobs(db), opts)
}

export type { JobContext, JobHandler, JobOutcome, JobRegistry, JobResultaat } from './registry.js'
export { defineJobs } from './registry.js'
export type { JobLog, RunnerOptions, RunReport } from './runner.js'
export { JobRunner } from './runner.js'
