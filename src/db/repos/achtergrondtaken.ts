import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../database.js'
import type { AchtergrondtaakTable } from '../schema.js'

// The job table of src/jobs/. Every moment comes from the caller's clock, never from
// now() in SQL, so tests move time instead of waiting for it. The runner holds no
// transaction while a job runs: each function here is one statement.

export type JobResultaat = NonNullable<AchtergrondtaakTable['resultaat']>

export interface NewJob {
  naam: string
  sleutel: string
  uitvoerenOp: Date
  maxPogingen: number
  nu: Date
}

export interface ClaimedJob {
  id: number
  naam: string
  sleutel: string
  /** This claim included. */
  pogingen: number
  maxPogingen: number
}

/** Exponential back-off: the first retry after `firstMs`, then doubling, never more than `maxMs`. */
export interface Backoff {
  firstMs: number
  maxMs: number
}

// A failed run is retried after the back-off for its attempts so far, or, out of
// attempts, finished as failed (which frees its key for a new run).
function failedRun(melding: string, nu: Date, backoff: Backoff) {
  const outOfAttempts = sql<boolean>`pogingen >= max_pogingen`
  const retryAt: RawBuilder<Date> = sql`${nu}::timestamptz + interval '1 millisecond' * least(${backoff.firstMs}::float8 * power(2, greatest(pogingen, 1) - 1), ${backoff.maxMs}::float8)`
  return {
    vergrendeld_op: null,
    vergrendeld_door: null,
    resultaat: 'mislukt' as const,
    melding,
    afgerond_op: sql<Date | null>`CASE WHEN ${outOfAttempts} THEN ${nu}::timestamptz END`,
    uitvoeren_op: sql<Date>`CASE WHEN ${outOfAttempts} THEN uitvoeren_op ELSE ${retryAt} END`,
  }
}

export const achtergrondtaken = {
  /** Adds a run unless one for this naam and sleutel is waiting or running; true when added. */
  async enqueue(db: Database, job: NewJob): Promise<boolean> {
    const row = await db
      .insertInto('achtergrondtaak')
      .values(newRow(job))
      .onConflict((oc) => oc.columns(['naam', 'sleutel']).where('afgerond_op', 'is', null).doNothing())
      .returning('id')
      .executeTakeFirst()
    return row !== undefined
  },

  /**
   * Adds a run unless any run for this naam and sleutel exists, finished ones included:
   * for a schedule's slot, so two schedulers (or one ticking twice) never run it twice.
   */
  async enqueueOnce(db: Database, job: NewJob): Promise<boolean> {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO achtergrondtaak (naam, sleutel, uitvoeren_op, max_pogingen, aangemaakt_op)
      SELECT ${job.naam}, ${job.sleutel}, ${job.uitvoerenOp}, ${job.maxPogingen}, ${job.nu}
      WHERE NOT EXISTS (SELECT 1 FROM achtergrondtaak WHERE naam = ${job.naam} AND sleutel = ${job.sleutel})
      ON CONFLICT (naam, sleutel) WHERE afgerond_op IS NULL DO NOTHING
      RETURNING id`.execute(db)
    return rows.length > 0
  },

  /**
   * Locks the next due run of one of `names` for `door`, counting an attempt. On
   * PostgreSQL, runners in several processes may claim at once: SKIP LOCKED lets each
   * pass over the rows another is claiming, and the re-check of `vergrendeld_op IS NULL`
   * after a concurrent commit means no row is ever claimed twice. PGlite serves one
   * process and runs one statement at a time, so there the clause changes nothing.
   */
  async claim(db: Database, names: readonly string[], door: string, nu: Date): Promise<ClaimedJob | undefined> {
    const { rows } = await sql<{ id: number; naam: string; sleutel: string; pogingen: number; max_pogingen: number }>`
      UPDATE achtergrondtaak SET vergrendeld_op = ${nu}, vergrendeld_door = ${door}, pogingen = pogingen + 1
      WHERE id = (
        SELECT id FROM achtergrondtaak
        WHERE afgerond_op IS NULL AND vergrendeld_op IS NULL AND uitvoeren_op <= ${nu} AND naam = ANY(${[...names]}::text[])
        ORDER BY uitvoeren_op, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, naam, sleutel, pogingen, max_pogingen`.execute(db)
    const r = rows[0]
    return r && { id: Number(r.id), naam: r.naam, sleutel: r.sleutel, pogingen: r.pogingen, maxPogingen: r.max_pogingen }
  },

  /** Records a finished run; false when `door` no longer holds its lock (swept as stale). */
  async finish(db: Database, id: number, door: string, resultaat: JobResultaat, melding: string | null, nu: Date): Promise<boolean> {
    const r = await db
      .updateTable('achtergrondtaak')
      .set({ vergrendeld_op: null, vergrendeld_door: null, resultaat, melding, afgerond_op: nu })
      .where('id', '=', id)
      .where('vergrendeld_door', '=', door)
      .executeTakeFirst()
    return r.numUpdatedRows > 0n
  },

  /** Records a failed run: retried later, or finished as failed when out of attempts. */
  async fail(db: Database, id: number, door: string, melding: string, nu: Date, backoff: Backoff): Promise<boolean> {
    const r = await db
      .updateTable('achtergrondtaak')
      .set(failedRun(melding, nu, backoff))
      .where('id', '=', id)
      .where('vergrendeld_door', '=', door)
      .executeTakeFirst()
    return r.numUpdatedRows > 0n
  },

  /** Frees locks taken before `lockedBefore` (a runner that died or hangs), as failed attempts. */
  async freeStale(db: Database, lockedBefore: Date, melding: string, nu: Date, backoff: Backoff): Promise<number> {
    const r = await db
      .updateTable('achtergrondtaak')
      .set(failedRun(melding, nu, backoff))
      .where('afgerond_op', 'is', null)
      .where('vergrendeld_op', '<', lockedBefore)
      .executeTakeFirst()
    return Number(r.numUpdatedRows)
  },

  /** Drops the record of runs finished before `before`. */
  async purge(db: Database, before: Date): Promise<number> {
    const r = await db.deleteFrom('achtergrondtaak').where('afgerond_op', '<', before).executeTakeFirst()
    return Number(r.numDeletedRows)
  },
}

function newRow(job: NewJob) {
  return {
    naam: job.naam,
    sleutel: job.sleutel,
    uitvoeren_op: job.uitvoerenOp,
    max_pogingen: job.maxPogingen,
    aangemaakt_op: job.nu,
  }
}
