import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import net, { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { freshDatabaseConfig } from '../helpers/database.js'

// `regiekamer serve` as a person starts it: a real process, a real port, a data folder
// that outlives the process.

const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL')
})

interface Started {
  child: ChildProcess
  base: string
  output: () => string
}

function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const child = spawn(process.execPath, ['bin/regiekamer.js', ...args, 'serve', '--port', '0'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  child.stdout?.on('data', (d) => {
    out += d
  })
  child.stderr?.on('data', (d) => {
    out += d
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000)
    const check = () => {
      const m = /\(API: (http:\/\/[^\s)]+\/api\/v1)\)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ child, base: m[1], output: () => out })
      }
    }
    child.stdout?.on('data', check)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${out}`))
    })
  })
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/regiekamer.js', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
    })
    child.stderr.on('data', (d) => {
      output += d
    })
    child.on('exit', (code) => resolve({ code, output }))
  })
}

const dbArgs = (c: { dataDir: string; databaseUrl: string | undefined }) =>
  c.databaseUrl ? ['--database-url', c.databaseUrl] : ['--data-dir', c.dataDir]

describe('regiekamer serve', () => {
  it('loads the demo data once on an empty embedded database and keeps what was stored across restarts', async () => {
    // A truly empty database: a new folder for PGlite (first start runs initdb), a new
    // database on PostgreSQL, where demo data comes only when asked for.
    const db = process.env.TEST_DATABASE_URL
      ? await freshDatabaseConfig()
      : { dataDir: await fs.mkdtemp(path.join(os.tmpdir(), 'rk-first-')), databaseUrl: undefined, drop: async () => {} }
    const env = db.databaseUrl ? { DEMO: 'true' } : {}
    try {
      const first = await startServe(dbArgs(db), env)
      expect(first.output()).toContain('Demogegevens geladen')
      expect(first.output()).toContain('Demo-gebruikers aangemaakt')
      // Signed out, nothing is visible; signed in as the demo admin, writes need the CSRF token.
      expect((await fetch(`${first.base}/organisaties`)).status).toBe(401)
      const login = await fetch(`${first.base}/sessies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ gebruikersnaam: 'admin', wachtwoord: 'regiekamer-demo' }),
      })
      expect(login.status).toBe(201)
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
      const { csrfToken } = (await login.json()) as { csrfToken: string }
      const created = await fetch(`${first.base}/organisaties`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ type: 'overig', naam: 'Blijft bewaard' }),
      })
      expect(created.status).toBe(201)
      expect(await stop(first.child)).toBe(0)

      const second = await startServe(dbArgs(db), env)
      const relogin = await fetch(`${second.base}/sessies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ gebruikersnaam: 'lezer-wijdemeren', wachtwoord: 'regiekamer-demo' }),
      })
      const asReader = { cookie: (relogin.headers.get('set-cookie') ?? '').split(';')[0] }
      const kept = await (
        await fetch(`${second.base}/organisaties?zoek=${encodeURIComponent('Blijft bewaard')}`, { headers: asReader })
      ).json()
      expect(kept.paginering.totaalAantal).toBe(1)
      const hilversum = await (await fetch(`${second.base}/organisaties?cbsCode=GM0402`, { headers: asReader })).json()
      expect(hilversum.paginering.totaalAantal).toBe(1)
      expect(second.output()).not.toContain('Demogegevens geladen')
      const health = await (await fetch(`${second.base}/_gezondheid`)).json()
      expect(health).toEqual({ status: 'ok', database: db.databaseUrl ? 'postgresql' : 'pglite' })
      expect(await stop(second.child)).toBe(0)
    } finally {
      await db.drop()
      if (!db.databaseUrl) await fs.rm(db.dataDir, { recursive: true, force: true })
    }
  })

  it('refuses a second process on the same embedded data folder with a clear message', async () => {
    if (process.env.TEST_DATABASE_URL) return
    const db = await freshDatabaseConfig()
    try {
      const first = await startServe(dbArgs(db), { DEMO: 'false' })
      // Without its socket file the folder is still taken: the lock file decides.
      await fs.rm(path.join(db.dataDir, '.s.PGSQL.5432'))
      // A second server, and a command that opens the database, both tried while the
      // first holds the folder (at once: neither can take it, so neither affects the other).
      const [second, verify] = await Promise.all([
        runCli([...dbArgs(db), 'serve', '--port', '0']),
        runCli([...dbArgs(db), 'audit', 'verify']),
      ])
      expect(second.code).toBe(1)
      expect(second.output).toContain(`al in gebruik door Regiekamer-proces ${first.child.pid}`)
      expect(second.output).not.toMatch(/\n\s+at /)
      // Commands that open the database say the same, and what to do.
      expect(verify.code).toBe(1)
      expect(verify.output).toContain(`Regiekamer-proces ${first.child.pid}`)
      expect(verify.output).toContain('stop dat proces eerst')
      // The first server still works, and releases the folder when it stops.
      expect((await fetch(`${first.base}/_gezondheid`)).status).toBe(200)
      expect(await stop(first.child)).toBe(0)
      await expect(fs.stat(path.join(db.dataDir, 'regiekamer.lock'))).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await db.drop()
    }
  })

  it('on a port already in use stops with a clear message and leaves the data folder usable for the next start', async () => {
    if (process.env.TEST_DATABASE_URL) return
    const db = await freshDatabaseConfig()
    const bezet = net.createServer()
    await new Promise<void>((resolve) => bezet.listen(0, '127.0.0.1', resolve))
    const port = (bezet.address() as AddressInfo).port
    try {
      // The first start seeds the demo, then cannot listen: it must close the database on the way out.
      const mislukt = await runCli([...dbArgs(db), 'serve', '--port', String(port)])
      expect(mislukt.code).toBe(1)
      expect(mislukt.output).toContain('EADDRINUSE')
      expect(mislukt.output).not.toMatch(/\n\s+at /)
      await new Promise<void>((resolve) => bezet.close(() => resolve()))
      // It said "Aborted()" here: the embedded database, left open, could not be opened again.
      const tweede = await startServe(dbArgs(db))
      expect((await fetch(`${tweede.base}/_gezondheid`)).status).toBe(200)
      expect(await stop(tweede.child)).toBe(0)
    } finally {
      if (bezet.listening) bezet.close()
      await db.drop()
    }
  })

  it('stops with a clear message on invalid configuration, without a stack trace', async () => {
    // Three separate processes that each stop before opening anything: run at once.
    const [badPort, badUrl, badFlag] = await Promise.all([
      runCli(['serve'], { PORT: 'achtduizend' }),
      runCli(['serve'], { DATABASE_URL: 'mysql://localhost/x' }),
      runCli(['serve', '--port', 'abc']),
    ])
    expect(badPort.code).toBe(1)
    expect(badPort.output).toContain('PORT moet een geheel getal')
    expect(badPort.output).not.toMatch(/\n\s+at /)
    expect(badUrl.code).toBe(1)
    expect(badUrl.output).toContain('DATABASE_URL moet beginnen met postgres://')
    expect(badFlag.code).not.toBe(0)
    expect(badFlag.output).toContain('geen geldig poortnummer')
  })
})
