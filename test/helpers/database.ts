import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { DatabaseHandle } from '../../src/db/database.js'
import { openMigrated } from '../../src/runtime.js'
import { templateDir } from './global-setup.js'

// A fresh database per test file: a copy of the migrated PGlite template, or a new
// database on the PostgreSQL server named by TEST_DATABASE_URL.

export interface TestDatabase {
  handle: DatabaseHandle
  dataDir?: string
  databaseUrl?: string
  /** Closes the connection and throws the database away. */
  destroy(): Promise<void>
}

export async function freshDatabaseConfig(): Promise<{ dataDir: string; databaseUrl: string | undefined; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    const name = `rk_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    return {
      dataDir: '',
      databaseUrl: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: serverUrl })
        await c.connect()
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await c.end()
      },
    }
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rk-test-'))
  await fs.cp(templateDir(), dataDir, { recursive: true })
  return {
    dataDir,
    databaseUrl: undefined,
    async drop() {
      await fs.rm(dataDir, { recursive: true, force: true })
    },
  }
}

export async function freshDatabase(): Promise<TestDatabase> {
  const config = await freshDatabaseConfig()
  const { handle } = await openMigrated(config)
  return {
    handle,
    dataDir: config.dataDir || undefined,
    databaseUrl: config.databaseUrl,
    async destroy() {
      await handle.close()
      await config.drop()
    },
  }
}
