import { spawn } from 'node:child_process'
import path from 'node:path'
import type { freshDatabaseConfig } from './database.js'

// The real `regiekamer` command as a child process, on a test database, with none of
// the caller's own settings (database, data folder, demo, port, debug) leaking in.

const ROOT = path.resolve(import.meta.dirname, '../..')

export type DbConfig = Awaited<ReturnType<typeof freshDatabaseConfig>>

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** This process's environment without the variables the CLI reads its settings from. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'DEBUG', 'DEMO', 'PORT', 'NODE_OPTIONS']) delete env[name]
  return env
}

/** Runs `regiekamer <args>` on `db`; with `killAfterMs`, a run that hangs is killed then (and resolves). */
export function runCli(db: DbConfig, args: string[], opts: { killAfterMs?: number; env?: Record<string, string> } = {}): Promise<CliRun> {
  const dbArgs = db.databaseUrl ? ['--database-url', db.databaseUrl] : ['--data-dir', db.dataDir]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/regiekamer.js'), ...dbArgs, ...args], {
      cwd: ROOT,
      env: { ...cleanEnv(), ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    const timer = opts.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}
