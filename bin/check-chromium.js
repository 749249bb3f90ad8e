#!/usr/bin/env node
// Runs before `npm test`: the browser suites (test/e2e) drive Debian's Chromium. Without it
// they would fail one by one after minutes of lint, typecheck and other suites; this says
// what is missing, and how to get it, in one message before anything else runs.
import { accessSync, constants } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Where the tests look for Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const chromiumPath = (env = process.env) => env.CHROMIUM_PATH || '/usr/bin/chromium'

/** The message for a machine without Chromium, or undefined when it is there. */
export function missingChromium(env = process.env) {
  const path = chromiumPath(env)
  try {
    accessSync(path, constants.X_OK)
    return undefined
  } catch {
    const where = env.CHROMIUM_PATH ? `CHROMIUM_PATH=${path}` : path
    return [
      `npm test: Chromium ontbreekt (${where}); de browsertests (test/e2e) hebben het nodig. Installeer het met: apt-get install -y chromium (of zet CHROMIUM_PATH op een Chromium-programma).`,
      `Chromium is missing (${where}); the browser tests need it. Install it with: apt-get install -y chromium (or point CHROMIUM_PATH to a Chromium executable).`,
      'Zonder browser / without a browser: npx vitest run test/unit test/integration web/src',
    ].join('\n')
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const message = missingChromium()
  if (message) {
    console.error(message)
    process.exit(1)
  }
}
