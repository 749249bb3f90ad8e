import { randomUUID } from 'node:crypto'
import { readFileSync, unlinkSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { configError, msg } from '../domain/errors.js'

// One process per embedded data folder. PGlite's files must never be opened by two
// processes (or twice by one), so before PGlite opens, the opener creates the lock file
// `regiekamer.lock` in the data folder with O_CREAT|O_EXCL ('wx'): of any number of
// openers, even at the same moment, exactly one creates it. It holds the owner's pid,
// host and start time. A lock whose process is gone (crash, kill -9) is taken over; the
// lock is removed on close and, as a last resort, when the process exits.

export const LOCK_FILE = 'regiekamer.lock'
/** A lock file still being written (empty) or a takeover in progress counts as live this long. */
const FRESH_MS = 10_000

interface LockContent {
  pid: number
  host: string
  gestartOp: string
  /** Unique per opening, so a handle can only ever remove its own lock. */
  sleutel?: string
}

/** Lock files this process holds, by full path, with the content it wrote. */
const held = new Map<string, string>()
let exitHookInstalled = false

function installExitHook() {
  if (exitHookInstalled) return
  exitHookInstalled = true
  // Synchronous: on 'exit' nothing asynchronous runs any more.
  process.on('exit', () => {
    for (const [file, content] of held) {
      try {
        if (readSyncSafe(file) === content) unlinkSync(file)
      } catch {}
    }
  })
}

function readSyncSafe(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

function parse(text: string): LockContent | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockContent>
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 && typeof v.host === 'string') {
      return { pid: v.pid, host: v.host, gestartOp: String(v.gestartOp ?? '') }
    }
  } catch {}
  return undefined
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readLock(file: string): Promise<{ text: string; ageMs: number } | undefined> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)])
    return { text, ageMs: Date.now() - stat.mtimeMs }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

/** Whether the lock in `text` belongs to a process that may still use the folder. */
function isLive(file: string, text: string, ageMs: number): boolean {
  const owner = parse(text)
  // Empty or half-written: another opener created it a moment ago and is writing it.
  if (!owner) return ageMs < FRESH_MS
  // Another machine (a shared network folder): its processes cannot be checked from here.
  if (owner.host !== os.hostname()) return true
  // Our own pid: live only if this process holds it (else it is left from an earlier
  // process that had the same pid, as after a container restart).
  if (owner.pid === process.pid) return held.has(file)
  return processAlive(owner.pid)
}

function inUse(dataDir: string, file: string, text: string): Error {
  const owner = parse(text)
  const wie = owner
    ? {
        nl: `Regiekamer-proces ${owner.pid} op ${owner.host}${owner.gestartOp ? ` (gestart ${shownTime(owner.gestartOp, 'nl-NL')})` : ''}`,
        en: `Regiekamer process ${owner.pid} on ${owner.host}${owner.gestartOp ? ` (started ${shownTime(owner.gestartOp, 'en-GB')})` : ''}`,
      }
    : { nl: 'een ander Regiekamer-proces dat net start', en: 'another Regiekamer process that is starting' }
  const stale = owner
    ? {
        nl: ` Draait proces ${owner.pid} niet (meer), verwijder dan ${file}.`,
        en: ` If process ${owner.pid} is not running, delete ${file}.`,
      }
    : { nl: '', en: '' }
  return configError(
    msg(
      `De datamap ${dataDir} is al in gebruik door ${wie.nl}. De ingebouwde database kan maar door één proces tegelijk worden geopend: stop dat proces eerst (ook voor opdrachten als audit verify, import en gebruiker), of kies een andere DATA_DIR.${stale.nl}`,
      `The data folder ${dataDir} is already in use by ${wie.en}. The embedded database can be opened by one process at a time only: stop that process first (also for commands such as audit verify, import and gebruiker), or choose another DATA_DIR.${stale.en}`,
    ),
  )
}

async function tryCreate(file: string, content: string): Promise<boolean> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(file, 'wx', 0o644)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw e
  }
  // Ours from this moment: an opener in this process that reads it now sees it live.
  held.set(file, content)
  try {
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return true
}

/**
 * Removes a lock whose owner is gone, if it is still the one that was read. A second
 * lock file (`.overname`) makes two takeovers of the same stale lock take turns, so one
 * can never remove the lock another has just created.
 */
async function takeOver(file: string, staleText: string): Promise<void> {
  const guard = `${file}.overname`
  let g: fs.FileHandle
  try {
    g = await fs.open(guard, 'wx')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    // Someone else is taking over right now; a guard left by a crash is removed when old.
    const stat = await fs.stat(guard).catch(() => undefined)
    if (stat && Date.now() - stat.mtimeMs > FRESH_MS) await fs.rm(guard, { force: true })
    await new Promise((r) => setTimeout(r, 25))
    return
  }
  try {
    const now = await readLock(file)
    if (now && now.text === staleText) await fs.rm(file, { force: true })
  } finally {
    await g.close()
    await fs.rm(guard, { force: true })
  }
}

/**
 * Takes the data folder's lock, or throws a configuration error naming the process that
 * holds it. Returns the function that releases it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.resolve(dataDir, LOCK_FILE)
  const content = `${JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    gestartOp: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    sleutel: randomUUID(),
  } satisfies LockContent)}\n`
  installExitHook()
  const deadline = Date.now() + FRESH_MS
  for (;;) {
    if (await tryCreate(file, content)) break
    const current = await readLock(file)
    if (!current) continue // released in between: try again
    if (isLive(file, current.text, current.ageMs)) throw inUse(dataDir, file, current.text)
    if (Date.now() > deadline) throw inUse(dataDir, file, current.text)
    await takeOver(file, current.text)
  }
  return async () => {
    if (held.get(file) !== content) return
    held.delete(file)
    const now = await readLock(file)
    if (now?.text === content) await fs.rm(file, { force: true })
  }
}

/** A stored ISO moment as a person reads it: Europe/Amsterdam, with the zone named. */
function shownTime(iso: string, locale: string): string {
  const moment = new Date(iso)
  if (Number.isNaN(moment.getTime())) return iso
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' })
  return `${format.format(moment)} Europe/Amsterdam`
}
