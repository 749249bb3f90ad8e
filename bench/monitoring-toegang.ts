import { randomUUID } from 'node:crypto'
import type { Database } from '../src/db/database.js'
import type { Caller } from '../src/domain/access.js'
import { GebruikerInvoer } from '../src/schemas/toegang.js'
import { AuthService } from '../src/services/auth-service.js'
import { GebruikersService } from '../src/services/gebruikers-service.js'

// Who asks in bench/monitoring.ts: made straight in the database before the server starts
// (as bench/api.ts does), an API token for the HTTP targets and a session for the browser.

export interface Toegang {
  /** Authorization header value. */
  bearer: string
  /** The session token, for the browser's cookie. */
  sessie: string
}

export async function maakToegang(db: Database, rol: { rol: string; organisatieId?: string }): Promise<Toegang> {
  const actor = { naam: 'benchmark', herkomst: 'bench' }
  const g = await new GebruikersService(db).create(
    actor,
    { gebruikersnaam: `bench-${rol.rol}-${randomUUID().slice(0, 8)}`, naam: `Benchmark ${rol.rol}`, rollen: [rol] },
    GebruikerInvoer,
  )
  const caller: Caller = { gebruikerId: g.id, gebruikersnaam: g.gebruikersnaam, rollen: g.rollen, scopes: 'alle', via: 'sessie' }
  const auth = new AuthService(db, { idleMinuten: 600, maxUren: 12 })
  const { token } = await auth.createToken(caller, actor.herkomst, {
    naam: 'benchmark',
    scopes: ['lezen'],
    verlooptOp: new Date(Date.now() + 86_400_000),
  })
  const sessie = await auth.startSession(g.id, actor.herkomst)
  return { bearer: `Bearer ${token}`, sessie: sessie.token }
}
