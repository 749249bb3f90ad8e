import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { leesRollups, leesUurTellingen } from '../../src/db/repos/monitoring-status.js'
import { beschikbaarheidLaatsteDagen, maandBeschikbaarheid, tellingenUitRollups } from '../../src/domain/monitoring/beschikbaarheid.js'
import { maandGrenzen, maandVan, plusMaanden, UUR_MS } from '../../src/domain/monitoring/tijd.js'
import type { UurRollup } from '../../src/domain/monitoring/typen.js'
import { freshDatabase, type TestDatabase } from '../helpers/database.js'

// The status page and the monthly availability read roll-ups through leesUurTellingen
// (maintenance subtracted in SQL, no durations, grouped per controle) instead of
// leesRollups: on generated roll-ups, the domain's availability from both must be the same,
// per hour, per month and per day of the status page.

let db: TestDatabase
const controles: string[] = []
/** A Wednesday in March 2026: the 90 days before it include the switch to summer time (29 March). */
const NU = Date.UTC(2026, 3, 15, 10, 23, 17)

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function willekeurig(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

beforeAll(async () => {
  db = await freshDatabase()
  const k = db.handle.db
  const applicatieId = randomUUID()
  await sql`INSERT INTO applicatie (id, naam, hosting, status) VALUES (${applicatieId}, 'Uurtellingen', 'SaaS', 'in productie')`.execute(k)
  const random = willekeurig(14)
  for (let c = 0; c < 5; c++) {
    const id = randomUUID()
    controles.push(id)
    await sql`INSERT INTO controle (id, naam, applicatie_id, soort, host, poort, interval_seconden, timeout_ms)
      VALUES (${id}, ${`Controle ${c}`}, ${applicatieId}, 'tcp', 'db.invalid', 5432, 60, 1000)`.execute(k)
    // 100 days of hours up to the current one, with gaps (the monitor not running), failures,
    // hours partly or wholly in maintenance, and an hour whose metingen were all in maintenance.
    const rijen: unknown[][] = []
    const laatste = Math.floor(NU / UUR_MS) * UUR_MS
    for (let uur = laatste - 100 * 24 * UUR_MS; uur <= laatste; uur += UUR_MS) {
      if (random() < 0.05) continue
      const aantal = 1 + Math.floor(random() * 60)
      const geslaagd = random() < 0.8 ? aantal : Math.floor(random() * (aantal + 1))
      const r = random()
      const inOnderhoud = r < 0.03 ? aantal : r < 0.08 ? Math.floor(random() * aantal) : 0
      const geslaagdInOnderhoud = Math.min(inOnderhoud, geslaagd, Math.floor(random() * (inOnderhoud + 1)))
      rijen.push([id, new Date(uur), aantal, geslaagd, inOnderhoud, geslaagdInOnderhoud, aantal * 40, 90])
    }
    for (let i = 0; i < rijen.length; i += 500) {
      const deel = rijen.slice(i, i + 500)
      const kolom = (j: number) => deel.map((r) => r[j])
      await sql`INSERT INTO meting_uur (controle_id, uur, aantal, geslaagd, in_onderhoud, geslaagd_in_onderhoud, duur_som_ms, duur_max_ms)
        SELECT * FROM unnest(${kolom(0)}::uuid[], ${kolom(1)}::timestamptz[], ${kolom(2)}::int[], ${kolom(3)}::int[],
                             ${kolom(4)}::int[], ${kolom(5)}::int[], ${kolom(6)}::bigint[], ${kolom(7)}::int[])`.execute(k)
    }
  }
}, 60_000)

afterAll(async () => {
  await db?.destroy()
})

const vanControle = (rollups: UurRollup[], id: string) => rollups.filter((r) => r.controleId === id)

describe('leesUurTellingen: the same availability as from every roll-up', () => {
  it('gives per controle the same metingen outside maintenance per hour as leesRollups', async () => {
    const van = NU - 91 * 24 * UUR_MS
    const alle = await leesRollups(db.handle.db, controles, van)
    const compact = await leesUurTellingen(db.handle.db, controles, van)
    expect([...compact.keys()].sort()).toEqual([...controles].sort())
    for (const id of controles) {
      const lijst = compact.get(id) ?? []
      expect(lijst.length).toBe(vanControle(alle, id).length)
      expect(tellingenUitRollups(lijst)).toEqual(tellingenUitRollups(vanControle(alle, id)))
    }
  }, 30_000)

  it('gives the same month, with and without a doel, for a past month and the month in progress', async () => {
    const deze = maandVan(NU)
    for (const maand of [plusMaanden(deze, -2), plusMaanden(deze, -1), deze]) {
      const { van, tot } = maandGrenzen(maand)
      const alle = await leesRollups(db.handle.db, controles, van, tot)
      const compact = await leesUurTellingen(db.handle.db, controles, van, tot)
      for (const id of controles)
        for (const doel of [undefined, 99.5, 95])
          expect(maandBeschikbaarheid(compact.get(id) ?? [], maand, { onderhoud: [], nu: NU, ...(doel ? { doel } : {}) })).toEqual(
            maandBeschikbaarheid(vanControle(alle, id), maand, { onderhoud: [], nu: NU, ...(doel ? { doel } : {}) }),
          )
    }
  }, 30_000)

  it("gives the same 90 days of the status page, per day and in total, also with a bound 'tot'", async () => {
    const van = NU - 91 * 24 * UUR_MS
    const alle = await leesRollups(db.handle.db, controles, van)
    const compact = await leesUurTellingen(db.handle.db, controles, van)
    for (const id of controles) {
      const a = beschikbaarheidLaatsteDagen(vanControle(alle, id), { nu: NU, dagen: 90, onderhoud: [], doel: 99 })
      const b = beschikbaarheidLaatsteDagen(compact.get(id) ?? [], { nu: NU, dagen: 90, onderhoud: [], doel: 99 })
      expect(b).toEqual(a)
      expect(a.dagen.some((d) => d.oordeel === 'niet-gehaald')).toBe(true)
    }
    const tot = NU - 10 * 24 * UUR_MS
    const begrensd = await leesUurTellingen(db.handle.db, controles, van, tot)
    const begrensdAlle = await leesRollups(db.handle.db, controles, van, tot)
    for (const id of controles) expect(begrensd.get(id)?.length).toBe(vanControle(begrensdAlle, id).length)
    expect(await leesUurTellingen(db.handle.db, [], van)).toEqual(new Map())
  }, 30_000)
})
