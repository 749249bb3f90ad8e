import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { OBJECTTYPEN } from '../../src/domain/registry-rules.js'
import { createServices } from '../../src/services/index.js'
import { type Bouwstenen, bouwObjecttypeRegister, controleerRoutes, standaardBouwstenen } from '../../src/services/objecttypen.js'
import { freshDatabase, type TestDatabase } from '../helpers/database.js'

// The object-type register (src/services/objecttypen.ts) refuses to start when a type of
// OBJECTTYPEN lacks a part, and names the type and the part in Dutch and English; the
// app runs that check when it is built.

let database: TestDatabase
let bouwstenen: Bouwstenen

beforeAll(async () => {
  database = await freshDatabase()
  const services = createServices(database.handle.db)
  bouwstenen = standaardBouwstenen(Object.fromEntries(Object.values(services.objecttypen).map((e) => [e.objecttype, e.dienst])))
})

afterAll(async () => {
  await database?.destroy()
})

/** The parts with one type's entry taken out of one part. */
function zonder<K extends keyof Bouwstenen>(deel: K, objecttype: string): Bouwstenen {
  const { [objecttype]: _weg, ...rest } = bouwstenen[deel] as Record<string, unknown>
  return { ...bouwstenen, [deel]: rest }
}

function weigering(bouw: () => unknown): { kind?: string; status?: number; detail?: { nl: string; en: string } } {
  try {
    bouw()
  } catch (e) {
    return e as { kind?: string; status?: number; detail?: { nl: string; en: string } }
  }
  throw new Error('the register was built')
}

describe('the object-type register', () => {
  it('holds every type of OBJECTTYPEN with its storage, policy, label, route and CSV mapping', () => {
    const register = bouwObjecttypeRegister(bouwstenen)
    expect(Object.keys(register).sort()).toEqual([...OBJECTTYPEN].sort())
    expect(register.kostenpost).toMatchObject({
      label: { nl: 'kostenpost', en: 'cost item' },
      pad: 'kostenposten',
      csv: { soort: 'entiteit', entiteit: 'kostenposten' },
    })
    expect(register.declaratie.csv).toEqual({ soort: 'geen' })
    expect(register.declaratie.dienst).toBeUndefined()
    expect(register.verdeelsleutel.csv).toEqual({ soort: 'alleen-verwijzing' })
  })

  it('refuses to start when a type has no policy, naming the type in Dutch and English', () => {
    const e = weigering(() => bouwObjecttypeRegister(zonder('policies', 'scenario')))
    expect(e).toMatchObject({ kind: 'configuratie', status: 500 })
    expect(e.detail?.nl).toContain('objecttype scenario heeft geen policy')
    expect(e.detail?.en).toContain('object type scenario has no policy')
  })

  it('refuses to start when a type has no repository', () => {
    const e = weigering(() => bouwObjecttypeRegister(zonder('opslag', 'kostenpost')))
    expect(e.detail?.nl).toContain('objecttype kostenpost heeft geen repository')
    expect(e.detail?.en).toContain('object type kostenpost has no repository')
  })

  it('refuses to start when a type has no route, audit label or CSV mapping, and names every gap at once', () => {
    const bouw = { ...zonder('paden', 'declaratie'), labels: zonder('labels', 'koppeling').labels, csv: zonder('csv', 'scenario').csv }
    const e = weigering(() => bouwObjecttypeRegister(bouw))
    expect(e.detail?.en).toContain('object type declaratie has no API route')
    expect(e.detail?.en).toContain('object type koppeling has no audit label')
    expect(e.detail?.en).toContain('object type scenario has no CLI/CSV mapping')
    expect(e.detail?.nl).toContain('objecttype declaratie heeft geen API-route')
  })

  it('refuses a type that goes through CSV without a service to import it', () => {
    const e = weigering(() => bouwObjecttypeRegister(zonder('diensten', 'maatstafwaarde')))
    expect(e.detail?.en).toContain('object type maatstafwaarde has no service for the CSV import')
  })

  it('refuses to start when the app has no route at a type’s path', () => {
    const register = bouwObjecttypeRegister(bouwstenen)
    const e = weigering(() => controleerRoutes(register, (pad) => pad !== 'scenarios'))
    expect(e).toMatchObject({ kind: 'configuratie' })
    expect(e.detail?.en).toContain('object type scenario has no API route /scenarios')
  })
})

describe('buildApp', () => {
  const config = { bodyLimitBytes: 1024 * 1024, publicUrl: 'https://regiekamer.test', logLevel: 'silent' as const }

  it('starts with the register complete', async () => {
    const { buildApp } = await import('../../src/api/app.js')
    const app = await buildApp({ config, database: database.handle, logger: false })
    await app.close()
  })

  it('refuses to start when an object type has no route', async () => {
    vi.resetModules()
    vi.doMock('../../src/api/routes/scenarios.js', () => ({ registerScenarioRoutes: () => {} }))
    try {
      const { buildApp } = await import('../../src/api/app.js')
      await expect(buildApp({ config, database: database.handle, logger: false })).rejects.toMatchObject({
        kind: 'configuratie',
        detail: { en: expect.stringContaining('object type scenario has no API route /scenarios') },
      })
    } finally {
      vi.doUnmock('../../src/api/routes/scenarios.js')
      vi.resetModules()
    }
  })

  it('refuses to start when an object type has no policy', async () => {
    vi.resetModules()
    vi.doMock('../../src/domain/policies/index.js', async (importOriginal) => {
      const echt = await importOriginal<typeof import('../../src/domain/policies/index.js')>()
      const { declaratie: _weg, ...policies } = echt.POLICIES
      return { ...echt, POLICIES: policies }
    })
    try {
      const { buildApp } = await import('../../src/api/app.js')
      await expect(buildApp({ config, database: database.handle, logger: false })).rejects.toMatchObject({
        kind: 'configuratie',
        detail: { nl: expect.stringContaining('objecttype declaratie heeft geen policy') },
      })
    } finally {
      vi.doUnmock('../../src/domain/policies/index.js')
      vi.resetModules()
    }
  })
})
