import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/api/app.js'
import { openDatabase } from '../../src/db/database.js'
import { buildOrganisatie, create } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'

// Lists are cached until registry data changes: a reader must still see every write
// the moment it is committed, in this process and (on PostgreSQL) in others.

type Lijst = { resultaten: { id: string; naam: string }[]; paginering: { totaalAantal: number } }

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => server?.close())

describe('list cache', () => {
  it('shows creates, updates and deletes in the next list, totals included', async () => {
    const tag = `cachetest${Date.now()}`
    const url = `/organisaties?zoek=${tag}&paginaGrootte=1`
    const empty = await call<Lijst>(server.base, 'GET', url)
    expect(empty.body.paginering.totaalAantal).toBe(0)
    const a = await create(server.base, 'organisaties', buildOrganisatie({ naam: `${tag} a` }))
    const one = await call<Lijst>(server.base, 'GET', url)
    expect(one.body.resultaten.map((r) => r.id)).toEqual([a.id])
    await create(server.base, 'organisaties', buildOrganisatie({ naam: `${tag} b` }))
    const two = await call<Lijst>(server.base, 'GET', url)
    expect(two.body.paginering.totaalAantal).toBe(2)
    await call(server.base, 'PATCH', `/organisaties/${a.id}`, { naam: `${tag} a hernoemd` })
    const renamed = await call<Lijst>(server.base, 'GET', url)
    expect(renamed.body.resultaten[0].naam).toBe(`${tag} a hernoemd`)
    await call(server.base, 'DELETE', `/organisaties/${a.id}`)
    const after = await call<Lijst>(server.base, 'GET', url)
    expect(after.body.paginering.totaalAantal).toBe(1)
    expect(after.body.resultaten[0].id).not.toBe(a.id)
  })

  it('does not cache errors', async () => {
    const ghost = '6d9c1c2e-0000-4000-8000-00000000cafe'
    const first = await call(server.base, 'GET', `/applicaties/${ghost}/koppelingen`)
    expect(first.status).toBe(404)
    expect(first.headers.get('content-type')).toContain('application/problem+json')
  })

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('sees writes of another process on the same PostgreSQL', async () => {
    const url = server.database.databaseUrl as string
    const other = await openDatabase({ databaseUrl: url, dataDir: '' })
    const app = await buildApp({
      config: { bodyLimitBytes: 1 << 20, publicUrl: 'https://b.test', logLevel: 'silent' },
      database: other,
      logger: false,
    })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    const baseB = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`
    try {
      const asAdmin = { authorization: `Bearer ${server.adminToken}` }
      const tag = `tweeprocessen${Date.now()}`
      const url = `/organisaties?zoek=${tag}`
      expect((await call<Lijst>(baseB, 'GET', url, undefined, asAdmin)).body.paginering.totaalAantal).toBe(0)
      await create(server.base, 'organisaties', buildOrganisatie({ naam: tag }))
      let seen = 0
      for (let i = 0; i < 50 && seen === 0; i++) {
        seen = (await call<Lijst>(baseB, 'GET', url, undefined, asAdmin)).body.paginering.totaalAantal
        if (seen === 0) await new Promise((r) => setTimeout(r, 20))
      }
      expect(seen).toBe(1)
    } finally {
      await app.close()
      await other.close()
    }
  })
})
