import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import fs from 'node:fs/promises'
import net, { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

// A throwaway PostgreSQL cluster for a benchmark: initdb in a temporary folder, started on
// a free loopback port, durability switched off (the data is regenerated every run), and
// thrown away at the end. PostgreSQL refuses to run as root, so as root the cluster runs
// as the `postgres` user. PG_BIN names the folder with initdb and pg_ctl if they are not
// in /usr/lib/postgresql/<15|16|…>/bin or on the PATH.

export interface TijdelijkePostgres {
  url: string
  versie: string
  stop(): Promise<void>
}

function binMap(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  for (const v of ['15', '16', '17', '14']) {
    const dir = `/usr/lib/postgresql/${v}/bin`
    if (existsSync(path.join(dir, 'initdb'))) return dir
  }
  return ''
}

async function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })
}

export async function startTijdelijkePostgres(): Promise<TijdelijkePostgres> {
  const bin = binMap()
  const cmd = (naam: string) => (bin ? path.join(bin, naam) : naam)
  const alsRoot = process.getuid?.() === 0
  const run = (naam: string, args: string[]) =>
    execFileSync(alsRoot ? 'runuser' : cmd(naam), alsRoot ? ['-u', 'postgres', '--', cmd(naam), ...args] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString()

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rk-bench-pg-'))
  if (alsRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    await fs.chown(dir, uid, gid)
  }
  const data = path.join(dir, 'data')
  const port = await vrijePoort()
  let gestart = false
  const opruimen = () => {
    if (gestart) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } catch {
        // already stopped
      }
      gestart = false
    }
    rmSync(dir, { recursive: true, force: true })
  }
  // A benchmark that crashes or is interrupted must not leave a server running.
  const bijAfbreken = () => {
    opruimen()
    process.exit(130)
  }
  process.once('exit', opruimen)
  process.once('SIGINT', bijAfbreken)
  process.once('SIGTERM', bijAfbreken)
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'])
    const opties = [
      `-p ${port}`,
      '-h 127.0.0.1',
      `-k ${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c shared_buffers=512MB',
      '-c max_wal_size=8GB',
      '-c checkpoint_timeout=30min',
      '-c maintenance_work_mem=512MB',
      '-c work_mem=32MB',
    ].join(' ')
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', opties, '-w', '-t', '60', 'start'])
    gestart = true
  } catch (e) {
    opruimen()
    throw e
  }
  const versie = run('postgres', ['--version']).trim()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    versie,
    async stop() {
      opruimen()
      process.removeListener('exit', opruimen)
      process.removeListener('SIGINT', bijAfbreken)
      process.removeListener('SIGTERM', bijAfbreken)
    },
  }
}
