import { spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openPglite } from '../../src/db/database.js'
import { LOCK_FILE } from '../../src/db/datadir-lock.js'
import { templateDir } from '../helpers/global-setup.js'

// One process, one embedded data folder: the lock file in the folder, not the socket,
// decides who may open it (issue 10, item 12).

const opened: DatabaseHandle[] = []
const folders: string[] = []
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close()
  for (const f of folders.splice(0)) await fs.rm(f, { recursive: true, force: true })
})

async function folder(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rk-lock-'))
  await fs.cp(templateDir(), dir, { recursive: true })
  folders.push(dir)
  return dir
}

async function open(dir: string): Promise<DatabaseHandle> {
  const h = await openPglite(dir)
  opened.push(h)
  return h
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

const lockOf = async (dir: string) => JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number }

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('data folder lock', () => {
  it('lets exactly one of two openers at the same moment in; the other is told which process holds it', async () => {
    const dir = await folder()
    const results = await Promise.allSettled([openPglite(dir), openPglite(dir)])
    for (const r of results) if (r.status === 'fulfilled') opened.push(r.value)
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    const message = String((refused.reason as { detail?: { nl: string; en: string } }).detail?.nl ?? refused.reason)
    expect(message).toContain('al in gebruik')
    expect(message).toContain(`Regiekamer-proces ${process.pid}`)
    expect(String((refused.reason as { detail: { en: string } }).detail.en)).toContain(`process ${process.pid}`)
    expect((await lockOf(dir)).pid).toBe(process.pid)
    // The one that got in works.
    const [first] = opened
    expect((await first.db.selectFrom('gebruiker').select('id').execute()).length).toBeGreaterThanOrEqual(0)
  })

  it('keeps a second opener out when the socket file was deleted', async () => {
    const dir = await folder()
    await open(dir)
    await fs.rm(path.join(dir, '.s.PGSQL.5432'))
    await expect(openPglite(dir)).rejects.toMatchObject({ detail: { nl: expect.stringContaining('al in gebruik') } })
  })

  it('releases the lock on close, so the folder opens again', async () => {
    const dir = await folder()
    const h = await openPglite(dir)
    await h.close()
    await expect(fs.stat(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' })
    await open(dir)
    expect((await lockOf(dir)).pid).toBe(process.pid)
  })

  it('takes over a lock left by a process that is gone, or by an earlier process with this pid', async () => {
    const dir = await folder()
    const pid = deadPid()
    const stale = { pid, host: os.hostname(), gestartOp: '2026-01-01T00:00:00.000Z' }
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify(stale))
    const h = await openPglite(dir)
    expect((await lockOf(dir)).pid).toBe(process.pid)
    await h.close()

    // After a container restart the new process may have the old one's pid.
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ ...stale, pid: process.pid }))
    await open(dir)
    expect((await lockOf(dir)).pid).toBe(process.pid)
  })

  it('refuses a lock of a live process, and one that is still being written', async () => {
    const dir = await folder()
    // pid 1 is always alive.
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: os.hostname(), gestartOp: '2026-01-01T00:00:00.000Z' }))
    // The start time as a person reads it: Europe/Amsterdam (01:00 there at 00:00 UTC in January).
    await expect(openPglite(dir)).rejects.toMatchObject({
      detail: { nl: expect.stringMatching(/Regiekamer-proces 1 .*gestart 1 januari 2026 om 01:00:00 Europe\/Amsterdam/) },
    })
    await fs.writeFile(path.join(dir, LOCK_FILE), '')
    await expect(openPglite(dir)).rejects.toMatchObject({ detail: { nl: expect.stringContaining('al in gebruik') } })
    // Neither refusal removed the other's lock.
    expect(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe('')
  })
})
