#!/usr/bin/env node
// Runs the CLI from the esbuild bundle in dist/server (bin/build-server.js) when it was
// built from exactly the current sources: it starts about half a second sooner. Otherwise
// (no build yet, a source edited since, or REGIEKAMER_TSX=1) through tsx from src/, as
// before, so there is no build step between install and use and never a stale command.
import { pathToFileURL } from 'node:url'
import { BUNDLE, bundleIsCurrent } from './build-server.js'

let runCli
if (process.env.REGIEKAMER_TSX !== '1' && bundleIsCurrent()) {
  // Stack traces (DEBUG=1) then name src/ files and lines, not the bundle's.
  if (process.env.DEBUG) process.setSourceMapsEnabled(true)
  ;({ runCli } = await import(pathToFileURL(BUNDLE).href))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ runCli } = await import('../src/cli/main.ts'))
}
await runCli(process.argv)
