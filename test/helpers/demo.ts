import { expect } from 'vitest'
import { cliActor } from '../../src/cli/actor.js'
import { seedDemo } from '../../src/io/demo.js'
import { DEMO_WACHTWOORD, seedDemoGebruikers } from '../../src/io/demo-gebruikers.js'
import { createServices } from '../../src/services/index.js'
import { startServer, type TestServer } from './server.js'
import { createGebruiker, login, nextClientIp, type Session, send } from './toegang.js'

// A server on the demo data (seeded as the CLI does) with demo users signed in, and the
// calls a test makes as one of them by name.

export type Lijst<T> = { resultaten: T[]; paginering: { totaalAantal: number; totaalPaginas: number } }
export type AuditRegel = { volgnummer: number; actie: string; actor: string; voor: unknown; na: unknown }

/** Starts a server, seeds the demo data and its users, and signs each of `gebruikers` in (each from its own IP) into `sessies`. */
export async function startDemoServer(gebruikers: string[], sessies: Record<string, Session>): Promise<TestServer> {
  const server = await startServer()
  const db = server.database.handle.db
  await seedDemo(createServices(db), cliActor('test'))
  await seedDemoGebruikers(db, cliActor('test'))
  for (const naam of gebruikers) sessies[naam] = await login(server.base, naam, DEMO_WACHTWOORD, nextClientIp())
  return server
}

/** Calls as a signed-in user by name; `server` is read at call time (it is started in a beforeAll). */
export function alsGebruiker(server: () => TestServer, sessies: Record<string, Session>) {
  const get = <T = Record<string, unknown>>(wie: string, path: string) => send<T>(server().base, 'GET', path, { session: sessies[wie] })
  const post = <T = Record<string, unknown>>(wie: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    send<T>(server().base, 'POST', path, { session: sessies[wie], body, headers })
  const put = <T = Record<string, unknown>>(wie: string, path: string, body: unknown) =>
    send<T>(server().base, 'PUT', path, { session: sessies[wie], body })
  const patch = <T = Record<string, unknown>>(wie: string, path: string, body: unknown) =>
    send<T>(server().base, 'PATCH', path, { session: sessies[wie], body })
  const del = (wie: string, path: string) => send(server().base, 'DELETE', path, { session: sessies[wie] })

  /** The id of the row on a list path (as the admin sees it) whose `veld` is `waarde`. */
  async function idVan(path: string, veld: string, waarde: string): Promise<string> {
    const res = await get<Lijst<Record<string, string>>>('admin', `${path}?paginaGrootte=200`)
    const found = res.body.resultaten.find((r) => r[veld] === waarde)
    if (!found) throw new Error(`${waarde} not found in ${path}`)
    return found.id
  }

  /** Every id a caller is shown on a list path, all pages. */
  async function alleIds(wie: string, path: string, veld = 'id'): Promise<string[]> {
    const out: string[] = []
    for (let pagina = 1; ; pagina++) {
      const sep = path.includes('?') ? '&' : '?'
      const res = await get<Lijst<Record<string, unknown>>>(wie, `${path}${sep}paginaGrootte=200&pagina=${pagina}`)
      expect(res.status, `${wie} ${path}`).toBe(200)
      out.push(...res.body.resultaten.map((r) => String(r[veld])))
      if (pagina >= res.body.paginering.totaalPaginas) return out.sort()
    }
  }

  /** The audit entries about one object, as the admin sees them (newest first). */
  async function auditVan(objectId: string): Promise<AuditRegel[]> {
    const res = await get<Lijst<AuditRegel>>('admin', `/auditlog?objectId=${objectId}&paginaGrootte=200`)
    return res.body.resultaten
  }

  /** A new user with these roles, signed in as `naam`. */
  async function gebruikerMet(naam: string, rollen: { rol: string; organisatieId: string }[]): Promise<void> {
    const g = await createGebruiker(server().base, server().adminToken, rollen, { prefix: naam })
    sessies[naam] = await login(server().base, g.gebruikersnaam, g.wachtwoord, nextClientIp())
  }

  return { get, post, put, patch, del, idVan, alleIds, auditVan, gebruikerMet }
}
