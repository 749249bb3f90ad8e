import fs from 'node:fs/promises'
import path from 'node:path'
import { openMigrated } from '../../src/runtime.js'

// Creating a PGlite database takes seconds (initdb), copying a migrated one takes
// milliseconds: build one template per test run and let every test copy it. Each run
// has its own template folder (passed to the workers in the environment), so two runs
// on one machine do not pull it from under each other.

const TEMPLATE_ENV = 'REGIEKAMER_TEST_TEMPLATE'
export const templateDir = (): string => {
  const dir = process.env[TEMPLATE_ENV]
  if (!dir) throw new Error(`${TEMPLATE_ENV} is not set: run the tests through vitest's global setup`)
  return dir
}

export default async function setup() {
  // The tests start the real command ~100 times: from the bundle it starts half a second
  // sooner than through tsx (bin/regiekamer.js picks it while it matches src/). Under a second.
  // @ts-expect-error plain JavaScript module without types
  const { buildServer } = await import('../../bin/build-server.js')
  await buildServer({ quiet: true })
  // The e2e tests drive the built UI; build it when its sources changed (not when a run
  // of API tests says it needs none: TEST_ZONDER_WEB=1 while the UI is half-written).
  if (process.env.TEST_ZONDER_WEB !== '1') {
    // @ts-expect-error plain JavaScript module without types
    const { buildWeb } = await import('../../bin/build-web.js')
    await buildWeb({ quiet: true })
  }
  if (process.env.TEST_DATABASE_URL) return
  const dir = path.resolve(`.tmp/pglite-template-${process.pid}`)
  await fs.rm(dir, { recursive: true, force: true })
  const { handle } = await openMigrated({ dataDir: dir, databaseUrl: undefined })
  await handle.close()
  process.env[TEMPLATE_ENV] = dir
  return async () => {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
