import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { vasteKlok } from '../../src/domain/klok.js'
import { seedDemo } from '../../src/io/demo.js'
import type { Declaratie } from '../../src/schemas/declaraties.js'
import { DeclaratieService } from '../../src/services/declaratie-service.js'
import { createServices } from '../../src/services/index.js'
import { freshDatabase, type TestDatabase } from '../helpers/database.js'
import { call, startServer } from '../helpers/server.js'

// Time is a parameter: DeclaratieService reads "now" from the clock it is given, not from
// the computer. On the demo data, with the clock standing at 23:30 UTC on the last day of
// 2031 (already 1 January 2032 in Amsterdam), the declaratie, its number, its status
// moments, its audit entries and the betaaldatum check all follow that clock.

const MOMENT = '2031-12-31T23:30:00.000Z'
const actor = cliActor('test')
let database: TestDatabase
let service: DeclaratieService
let declaratie: Declaratie

async function tijdstipVan(objectId: string, actie: string): Promise<string> {
  const r = await database.handle.db
    .selectFrom('auditlog')
    .select('tijdstip')
    .where('object_id', '=', objectId)
    .where('actie', '=', actie)
    .executeTakeFirstOrThrow()
  return new Date(r.tijdstip as unknown as string).toISOString()
}

beforeAll(async () => {
  database = await freshDatabase()
  const services = createServices(database.handle.db)
  await seedDemo(services, actor)
  service = new DeclaratieService(database.handle.db, services.changes, vasteKlok(MOMENT))
  const gen = await service.genereren(actor, { periode: '2026-Q3' })
  const concept = gen.gegenereerd.find((d) => d.aanNaam === 'Wijdemeren')
  if (!concept) throw new Error('no 2026-Q3 concept for Wijdemeren')
  declaratie = await service.definitiefMaken(actor, concept.id, undefined)
}, 120_000)
afterAll(async () => database?.destroy())

describe('a DeclaratieService with a clock set to 31 December 2031, 23:30 UTC', () => {
  it('finalises at that moment, numbered in the Amsterdam year of that moment (2032)', () => {
    expect(declaratie.definitiefOp).toBe(MOMENT)
    expect(declaratie.nummer).toBe('2032-0001')
  })

  it('dates the audit entries of generating and finalising at that moment', async () => {
    expect(await tijdstipVan(declaratie.id, 'genereren')).toBe(MOMENT)
    expect(await tijdstipVan(declaratie.id, 'definitief-maken')).toBe(MOMENT)
  })

  it('sends at that moment', async () => {
    const verzonden = await service.verzenden(actor, declaratie.id, undefined)
    expect(verzonden.verzondenOp).toBe(MOMENT)
    declaratie = verzonden
  })

  it('takes "today" for a betaaldatum from the clock: 2 January 2032 is in the future, 1 January is not', async () => {
    await expect(service.betaaldMelden(actor, declaratie.id, { datum: '2032-01-02' }, undefined)).rejects.toMatchObject({
      invalidParams: [{ name: 'datum', code: 'in-de-toekomst' }],
    })
    const betaald = await service.betaaldMelden(actor, declaratie.id, { datum: '2032-01-01' }, undefined)
    expect(betaald.status).toBe('betaald')
    expect(await tijdstipVan(declaratie.id, 'betaald-melden')).toBe(MOMENT)
  })
})

describe('a server built with a clock', () => {
  it('finalises a declaratie over HTTP at the moment of its clock, not of the computer', async () => {
    const server = await startServer({ klok: vasteKlok(MOMENT) })
    try {
      await seedDemo(createServices(server.database.handle.db), actor)
      const gen = await call<{ gegenereerd: { id: string; aanNaam: string }[] }>(server.base, 'POST', '/declaraties/_genereren', {
        periode: '2026-Q3',
      })
      const concept = gen.body.gegenereerd.find((d) => d.aanNaam === 'Wijdemeren')
      if (!concept) throw new Error('no 2026-Q3 concept for Wijdemeren')
      const res = await call<Declaratie>(server.base, 'POST', `/declaraties/${concept.id}/definitief-maken`)
      expect(res.status).toBe(200)
      expect(res.body.definitiefOp).toBe(MOMENT)
      expect(res.body.nummer).toBe('2032-0001')
    } finally {
      await server.close()
    }
  }, 120_000)
})
