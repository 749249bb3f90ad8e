import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { configError, msg } from '../domain/errors.js'
import { lockDataDir } from './datadir-lock.js'
import type { DB } from './schema.js'

// One driver for both stores: the embedded PGlite is served on a unix socket inside
// its data folder, so the app talks `pg` to PGlite and to PostgreSQL alike and the
// same SQL runs on both.

export type Database = Kysely<DB>

export interface DatabaseHandle {
  db: Database
  kind: 'pglite' | 'postgresql'
  /**
   * Calls `onNotify` for every NOTIFY on `channel` from other processes. The embedded
   * database serves one process only, so there it listens to nothing.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

const SOCKET_PORT = 5432

// Dates stay 'YYYY-MM-DD' strings (no time-zone shifts); int8 fits a JS number for
// the counts and sequence numbers stored here.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.DATE) return (v: string) => v
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v)
    return pg.types.getTypeParser(oid, format)
  },
}

function kyselyOn(poolConfig: pg.PoolConfig): Database {
  const pool = new pg.Pool({ ...poolConfig, types })
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {})
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
}

async function socketInUse(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(socketPath)
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}

// PGlite is one database session: the socket server hands every connection that same
// session, so two connections' transactions would interleave. One pooled connection
// makes them queue; waiting is bounded so a mistake shows as an error, not a hang.
// Only one process may open a data folder: the lock file is taken before PGlite opens
// (src/db/datadir-lock.ts); the socket check stays as a second line for a process that
// does not take the lock.
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  await fs.mkdir(dataDir, { recursive: true })
  const unlock = await lockDataDir(dataDir)
  const socketPath = path.join(dataDir, `.s.PGSQL.${SOCKET_PORT}`)
  let pglite: PGlite | undefined
  let server: PGLiteSocketServer | undefined
  try {
    if (await socketInUse(socketPath)) {
      throw configError(
        msg(
          `De datamap ${dataDir} is al in gebruik door een ander Regiekamer-proces. Stop dat eerst of kies een andere DATA_DIR.`,
          `The data folder ${dataDir} is already in use by another Regiekamer process. Stop it first or choose another DATA_DIR.`,
        ),
      )
    }
    await fs.rm(socketPath, { force: true })
    pglite = await PGlite.create(path.join(dataDir, 'pglite'), { extensions: { pg_trgm } })
    server = new PGLiteSocketServer({ db: pglite, path: socketPath, maxConnections: 4 })
    await server.start()
  } catch (e) {
    await pglite?.close().catch(() => {})
    await unlock()
    throw e
  }
  // The one connection is kept for the life of the handle (no idle timeout): the server
  // does not depend on finding its socket file again later.
  const db = kyselyOn({
    host: dataDir,
    port: SOCKET_PORT,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: 60_000,
  })
  const started = { pglite, server }
  return {
    db,
    kind: 'pglite',
    async listen() {
      return async () => {}
    },
    async close() {
      try {
        await db.destroy()
        await started.server.stop()
        await started.pglite.close()
        await fs.rm(socketPath, { force: true })
      } finally {
        await unlock()
      }
    },
  }
}

export async function openPostgres(databaseUrl: string, poolSize = 10): Promise<DatabaseHandle> {
  const db = kyselyOn({ connectionString: databaseUrl, max: poolSize })
  return {
    db,
    kind: 'postgresql',
    listen: (channel, onNotify) => listenOn(databaseUrl, channel, onNotify),
    async close() {
      await db.destroy()
    },
  }
}

/** A dedicated connection for LISTEN that reconnects after a failure. */
async function listenOn(databaseUrl: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined
  let stopped = false
  // Changes during a gap are unknown: a reconnect itself counts as a change.
  const reconnectLater = () => {
    if (!stopped) setTimeout(() => connect().then(onNotify, reconnectLater), 1000)
  }
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl })
    c.on('notification', () => onNotify())
    c.on('error', () => {
      c.end().catch(() => {})
      reconnectLater()
    })
    await c.connect()
    await c.query(`LISTEN ${pg.Client.prototype.escapeIdentifier(channel)}`)
    client = c
  }
  await connect()
  return async () => {
    stopped = true
    await client?.end().catch(() => {})
  }
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir)
}
