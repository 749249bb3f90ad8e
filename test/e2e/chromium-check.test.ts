import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// `npm test` on a machine without Chromium says so first, instead of failing every
// browser test one by one. Checked on a copy of package.json whose `test` script only
// prints a marker, so this never starts the whole suite from inside itself.

interface Run {
  code: number
  stdout: string
  stderr: string
}

function npmTest(cwd: string, env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npm', ['test'], { cwd, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

describe('npm test without Chromium', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rk-chromium-'))
    const pkg = JSON.parse(await readFile('package.json', 'utf8'))
    pkg.scripts = { pretest: pkg.scripts.pretest, test: 'node -e "console.log(\'SUITE-GESTART\')"' }
    await writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg))
    await mkdir(path.join(dir, 'bin'))
    await copyFile('bin/check-chromium.js', path.join(dir, 'bin/check-chromium.js'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('names what is missing and how to get it in its first line, and runs nothing else', async () => {
    const run = await npmTest(dir, { CHROMIUM_PATH: '/bestaat/niet/chromium' })
    expect(run.code).not.toBe(0)
    const [first] = run.stderr.split('\n')
    expect(first).toContain('Chromium ontbreekt (CHROMIUM_PATH=/bestaat/niet/chromium)')
    expect(first).toContain('apt-get install -y chromium')
    expect(run.stdout).not.toContain('SUITE-GESTART')
    // Before the message only npm's own lines (the script it runs).
    expect(run.stdout.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('>'))).toEqual([])
  })

  it('runs the suite when Chromium is there', async () => {
    const run = await npmTest(dir, { CHROMIUM_PATH: process.execPath })
    expect(run.stderr).not.toContain('Chromium')
    expect(run.stdout).toContain('SUITE-GESTART')
    expect(run.code).toBe(0)
  })
})
