#!/usr/bin/env node
// Builds the web UI into web/dist when its sources changed since the last build, and
// prints the gzipped size of the JavaScript a first visit loads (budget: 300 KB).
// Runs before `npm start` and the tests, so a fresh clone needs no extra step.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const WEB = join(ROOT, 'web')
const DIST = join(WEB, 'dist')
const STAMP = join(DIST, '.bronhash')
export const BUDGET_KB = 300

function filesUnder(dir) {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('dist') && entry.name !== 'node_modules') out.push(...filesUnder(full))
    } else out.push(full)
  }
  return out
}

function sourceHash() {
  const hash = createHash('sha256')
  const files = [...filesUnder(WEB), ...filesUnder(join(ROOT, 'src/domain')), join(ROOT, 'package-lock.json')].sort()
  for (const f of files) {
    hash.update(relative(ROOT, f))
    hash.update(readFileSync(f))
  }
  return hash.digest('hex')
}

/** Gzipped bytes of the entry chunk and everything it imports statically. */
export function initialJsBytes(dist = DIST) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
  const seen = new Set()
  let total = 0
  const visit = (key) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) return
    if (chunk.file.endsWith('.js')) total += gzipSync(readFileSync(join(dist, chunk.file))).length
    for (const imp of chunk.imports ?? []) visit(imp)
  }
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key)
  return total
}

export async function buildWeb({ force = false, quiet = false } = {}) {
  const hash = sourceHash()
  if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash && existsSync(join(DIST, 'index.html'))) {
    return { built: false }
  }
  const { build } = await import('vite')
  if (!quiet) console.log('Webinterface bouwen (web/ → web/dist)…')
  const started = Date.now()
  // Always a production build, also from the test run (NODE_ENV=test): otherwise Vite
  // bundles React's development build and the JSX transform follows suit.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  // Built beside web/dist and swapped in, so a server or test run reading web/dist
  // meanwhile never sees a half-written folder.
  const fresh = `${DIST}.bouw-${process.pid}`
  try {
    await build({
      configFile: join(WEB, 'vite.config.ts'),
      mode: 'production',
      logLevel: quiet ? 'error' : 'warn',
      build: { outDir: fresh, emptyOutDir: true },
    })
    writeFileSync(join(fresh, '.bronhash'), hash)
    const old = `${DIST}.oud-${process.pid}`
    if (existsSync(DIST)) renameSync(DIST, old)
    renameSync(fresh, DIST)
    rmSync(old, { recursive: true, force: true })
  } finally {
    rmSync(fresh, { recursive: true, force: true })
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  const kb = initialJsBytes() / 1024
  console.log(
    `Webinterface gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s; initiële JavaScript ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB${kb > BUDGET_KB ? ', OVERSCHREDEN' : ''}).`,
  )
  return { built: true, initialKb: kb }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildWeb({ force: process.argv.includes('--force') })
  } catch (e) {
    console.error(`Bouwen van de webinterface mislukt / building the web UI failed: ${e instanceof Error ? e.message : e}`)
    process.exit(1)
  }
}
