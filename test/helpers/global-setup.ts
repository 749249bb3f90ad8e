import fs from 'node:fs/promises'
import path from 'node:path'
import { openMigrated } from '../../src/runtime.js'

// Creating a PGlite database takes seconds (initdb), copying a migrated one takes
// milliseconds: build one template per test run and let every test copy it.

export const TEMPLATE_DIR = path.resolve('.tmp/pglite-template')

export default async function setup() {
  // The e2e tests drive the built UI; build it when its sources changed.
  // @ts-expect-error plain JavaScript module without types
  const { buildWeb } = await import('../../bin/build-web.js')
  await buildWeb({ quiet: true })
  if (process.env.TEST_DATABASE_URL) return
  await fs.rm(TEMPLATE_DIR, { recursive: true, force: true })
  const { handle } = await openMigrated({ dataDir: TEMPLATE_DIR, databaseUrl: undefined })
  await handle.close()
}
