import argon2 from 'argon2'
import { buildApp } from '../api/app.js'
import type { Config } from '../config.js'
import type { Database } from '../db/database.js'
import { gebruikers } from '../db/repos/gebruikers.js'
import { configError, msg } from '../domain/errors.js'
import { demoMessage, seedDemo } from '../io/demo.js'
import { DEMO_GEBRUIKERSNAMEN, DEMO_WACHTWOORD, isLoopback, seedDemoGebruikers } from '../io/demo-gebruikers.js'
import { openMigrated } from '../runtime.js'
import { AuthService } from '../services/auth-service.js'
import { createServices } from '../services/index.js'
import { cliActor } from './actor.js'

// Starts the HTTP server. A brand-new embedded database gets the demo dataset, so a
// first `npm start` shows something; a real PostgreSQL gets it only when asked. Demo
// accounts (published password) exist only behind a loopback address.

async function exposesDemoPassword(db: Database): Promise<boolean> {
  for (const naam of DEMO_GEBRUIKERSNAMEN) {
    const g = await gebruikers.loginGegevens(db, naam)
    if (g?.wachtwoordHash && g.actief && (await argon2.verify(g.wachtwoordHash, DEMO_WACHTWOORD).catch(() => false))) return true
  }
  return false
}

export async function serve(config: Config): Promise<() => Promise<void>> {
  const { handle, fresh } = await openMigrated(config)
  const loopback = isLoopback(config.host)
  const notes: string[] = []
  try {
    const seed = config.demo || (fresh && handle.kind === 'pglite' && process.env.DEMO !== 'false')
    if (seed) {
      console.log(demoMessage(await seedDemo(createServices(handle.db), cliActor('demo-gegevens'))))
      if (loopback) {
        const created = await seedDemoGebruikers(handle.db, cliActor('demo-gegevens'))
        if (created.length > 0) console.log(`Demo-gebruikers aangemaakt: ${created.join(', ')}.`)
      } else {
        notes.push('Geen demo-gebruikers: die worden alleen aangemaakt als de server op loopback (127.0.0.1) luistert.')
      }
    }
    if (!loopback && (await exposesDemoPassword(handle.db))) {
      throw configError(
        msg(
          `Demo-gebruikers met het gepubliceerde wachtwoord bestaan en de server zou luisteren op ${config.host}. Start op 127.0.0.1, of geef die gebruikers eerst een eigen wachtwoord of zet ze op inactief.`,
          `Demo users with the published password exist and the server would listen on ${config.host}. Start on 127.0.0.1, or first give those users their own password or deactivate them.`,
        ),
      )
    }
    if (loopback && (await exposesDemoPassword(handle.db))) {
      notes.push(
        `Demomodus: log in als bijvoorbeeld admin, beheerder-hilversum, regisseur-hilversum (kosten en declaraties), lezer-wijdemeren, auditor-rekenkamer of auditor-wijdemeren (volgt de geldketen van Wijdemeren) met wachtwoord "${DEMO_WACHTWOORD}" (alleen op loopback).`,
      )
    }
    if ((await gebruikers.count(handle.db)) === 0) {
      const token = await new AuthService(handle.db, { idleMinuten: 30, maxUren: 12 }).createSetupLink()
      notes.push(
        `Er zijn nog geen gebruikers. Maak de eerste admin aan met: regiekamer gebruiker toevoegen <naam> --admin, of binnen 24 uur eenmalig in de browser: ${config.publicUrl}/setup#token=${token} (of POST /api/v1/_setup met dit token).`,
      )
    }
  } catch (e) {
    await handle.close()
    throw e
  }
  const app = await buildApp({ config, database: handle })
  try {
    await app.listen({ host: config.host, port: config.port })
  } catch (e) {
    // A port in use must not leave the embedded database open: closed uncleanly, it would not open again.
    await app.close()
    await handle.close()
    throw e
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const where = handle.kind === 'pglite' ? `ingebouwde PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'
  for (const note of notes) console.log(note)
  const origin = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`
  console.log(`Regiekamer draait op ${origin}/ (API: ${origin}/api/v1) — database: ${where}.`)
  let closing = false
  return async () => {
    if (closing) return
    closing = true
    await app.close()
    await handle.close()
  }
}
