import type { Config } from './config.js'
import { type DatabaseHandle, openDatabase } from './db/database.js'
import { leesSleutelUitOmgeving, sleutelUitDatamap, stelSleutelIn } from './db/geheimen.js'
import { migrateToLatest } from './db/migrate.js'
import { analyzeDatabase } from './db/repos/maintenance.js'

// Opening the store the configuration names, with migrations applied.

export interface OpenedDatabase {
  handle: DatabaseHandle
  /** True when this start created the schema: a brand-new database. */
  fresh: boolean
}

export async function openMigrated(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<OpenedDatabase> {
  const handle = await openDatabase(config)
  try {
    const applied = await migrateToLatest(handle.db)
    if (handle.kind === 'pglite') await analyzeDatabase(handle.db)
    // Secrets at rest (db/geheimen.ts): the environment's key, else the embedded database's own.
    stelSleutelIn(leesSleutelUitOmgeving() ?? (handle.kind === 'pglite' ? await sleutelUitDatamap(config.dataDir) : undefined))
    return { handle, fresh: applied.includes('0001_registry') }
  } catch (e) {
    await handle.close()
    throw e
  }
}
