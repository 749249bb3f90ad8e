import { buildApp } from '../api/app.js'
import type { Config } from '../config.js'
import { demoMessage, seedDemo } from '../io/demo.js'
import { openMigrated } from '../runtime.js'
import { createServices } from '../services/index.js'
import { cliActor } from './actor.js'

// Starts the HTTP server. A brand-new embedded database gets the demo dataset, so a
// first `npm start` shows something; a real PostgreSQL gets it only when asked.

export async function serve(config: Config): Promise<() => Promise<void>> {
  const { handle, fresh } = await openMigrated(config)
  const seed = config.demo || (fresh && handle.kind === 'pglite' && process.env.DEMO !== 'false')
  if (seed) {
    const counts = await seedDemo(createServices(handle.db), cliActor('demo-gegevens'))
    console.log(demoMessage(counts))
  }
  const app = await buildApp({ config, database: handle })
  await app.listen({ host: config.host, port: config.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const where = handle.kind === 'pglite' ? `ingebouwde PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'
  console.log(`Regiekamer draait op http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/api/v1 — database: ${where}.`)
  let closing = false
  return async () => {
    if (closing) return
    closing = true
    await app.close()
    await handle.close()
  }
}
