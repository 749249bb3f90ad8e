#!/usr/bin/env node
// Bundles the command (src/cli/main.ts and everything it imports) into dist/server with
// esbuild, when its sources changed since the last build. bin/regiekamer.js runs the
// bundle while it matches the sources (starting it takes about half a second less than
// compiling the TypeScript through tsx on every start), and tsx otherwise.
// Runs before `npm start` and the tests, so a fresh clone needs no extra step.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// Two levels below the root, like src/api/ and src/io/: their paths relative to
// import.meta.url (web/dist, reference/gemeenten.csv) resolve the same from here.
const DIST = join(ROOT, 'dist/server')
export const BUNDLE = join(DIST, 'regiekamer.js')
const STAMP = join(DIST, '.bronhash')

function filesUnder(dir) {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...filesUnder(full))
    else out.push(full)
  }
  return out
}

/**
 * Hash of everything the bundle is made of: the sources, the locked dependencies, the
 * TypeScript settings and this script. Reading the ~300 files takes about 10 ms, paid
 * on every start of the command; cheaper than a stale bundle.
 */
export function sourceHash() {
  const hash = createHash('sha256')
  const files = [
    ...filesUnder(join(ROOT, 'src')),
    join(ROOT, 'package-lock.json'),
    join(ROOT, 'tsconfig.json'),
    fileURLToPath(import.meta.url),
  ].sort()
  for (const f of files) {
    hash.update(relative(ROOT, f))
    hash.update('\0')
    hash.update(readFileSync(f))
  }
  return hash.digest('hex')
}

/** True when dist/server holds a bundle of exactly the current sources. */
export function bundleIsCurrent() {
  try {
    return readFileSync(STAMP, 'utf8') === sourceHash() && existsSync(BUNDLE)
  } catch {
    return false
  }
}

export async function buildServer({ force = false, quiet = false } = {}) {
  const hash = sourceHash()
  if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash && existsSync(BUNDLE)) return { built: false }
  const { build } = await import('esbuild')
  const started = Date.now()
  // Built beside dist/server and swapped in, so a command starting meanwhile never
  // reads a half-written bundle.
  const fresh = `${DIST}.bouw-${process.pid}`
  rmSync(fresh, { recursive: true, force: true })
  try {
    await build({
      entryPoints: { regiekamer: join(ROOT, 'src/cli/main.ts') },
      outdir: fresh,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // node_modules stay where they are and load at run time, as under tsx.
      packages: 'external',
      // `serve` loads the web server's modules (and their packages) only when it runs:
      // they become a chunk of their own, as under tsx, instead of loading for every
      // command (about 0.1 s of each start). A rebuild replaces the chunks; a command
      // started from the old bundle a moment before would miss its chunk, once.
      splitting: true,
      sourcemap: 'linked',
      tsconfig: join(ROOT, 'tsconfig.json'),
      logLevel: quiet ? 'error' : 'warning',
    })
    writeFileSync(join(fresh, '.bronhash'), hash)
    const old = `${DIST}.oud-${process.pid}`
    try {
      if (existsSync(DIST)) renameSync(DIST, old)
      renameSync(fresh, DIST)
    } catch (e) {
      // Two test runs that start together both build; the second swap finds the first's
      // folder in place. Built from the same sources, that bundle does as well.
      if (!(existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash)) throw e
    }
    rmSync(old, { recursive: true, force: true })
  } finally {
    rmSync(fresh, { recursive: true, force: true })
  }
  if (!quiet) console.log(`Server gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s (src/ → dist/server).`)
  return { built: true }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildServer({ force: process.argv.includes('--force') })
  } catch (e) {
    console.error(`Bouwen van de server mislukt / building the server failed: ${e instanceof Error ? e.message : e}`)
    process.exit(1)
  }
}
