import type { JobResultaat } from '../db/repos/achtergrondtaken.js'
import { configError, msg } from '../domain/errors.js'

// A closed set of job names with exactly one handler each, checked when the runner is
// built: a name without a handler, or a handler for a name the set does not know, stops
// start-up instead of leaving runs that nobody takes. A handler reports how the run
// ended instead of throwing; a throw is still caught and recorded as failed.

export type { JobResultaat }

export interface JobOutcome {
  /** `geslaagd` and `overgeslagen` finish the run; `mislukt` retries it with back-off. */
  resultaat: JobResultaat
  /** What to record with the run: why it failed or was skipped. */
  melding?: string
}

export interface JobContext {
  /** What the run is about (a koppeling id, a schedule's slot); '' when it is about nothing in particular. */
  sleutel: string
  /** 1 for the first attempt. */
  poging: number
  /** The moment the run started, from the runner's clock. */
  nu: Date
}

export interface JobHandler {
  run(context: JobContext): Promise<JobOutcome>
  /** Attempts before a failing run is given up (default 5). */
  maxPogingen?: number
  /** When set, the tick enqueues one run per period of this many milliseconds (its key: the period's start). */
  everyMs?: number
  /** When set, the tick enqueues one run per distinct key this gives for the moment (e.g. the Amsterdam date). */
  slot?: (nu: Date) => string
}

export type JobRegistry<N extends string> = ReadonlyMap<N, JobHandler>

/** The registry of `names`; throws a configuration error naming every name without a handler and every handler without a name. */
export function defineJobs<const N extends string>(names: readonly N[], handlers: Record<N, JobHandler>): JobRegistry<N> {
  const known = new Set<string>(names)
  const given = handlers as Record<string, JobHandler | undefined>
  const missing = names.filter((n) => typeof given[n]?.run !== 'function')
  const unknown = Object.keys(handlers).filter((n) => !known.has(n))
  const twice = names.filter((n, i) => names.indexOf(n) !== i)
  if (missing.length > 0) throw jobError('Achtergrondtaak zonder handler', 'Background job without a handler', missing)
  if (unknown.length > 0) throw jobError('Handler voor een onbekende achtergrondtaak', 'Handler for an unknown background job', unknown)
  if (twice.length > 0) throw jobError('Achtergrondtaak dubbel genoemd', 'Background job named twice', twice)
  return new Map(names.map((n) => [n, handlers[n]]))
}

function jobError(nl: string, en: string, names: string[]) {
  const list = names.join(', ')
  return configError(msg(`${nl}: ${list}.`, `${en}: ${list}.`))
}
