import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain JavaScript module without types
import { BUDGET_KB, initialJsBytes } from '../../bin/build-web.js'

// The global setup has just built the UI (bin/build-web.js); these check the build.

const DIST = path.resolve('web/dist')

describe('built web UI', () => {
  it(`loads at most ${300} KB of gzipped JavaScript on a first visit`, () => {
    const kb = (initialJsBytes(DIST) as number) / 1024
    expect(BUDGET_KB).toBe(300)
    expect(kb).toBeGreaterThan(10)
    expect(kb).toBeLessThanOrEqual(BUDGET_KB)
  })

  it('splits every page into its own chunk', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { isEntry?: boolean; dynamicImports?: string[] }
    >
    const entry = Object.values(manifest).find((c) => c.isEntry)
    expect(entry?.dynamicImports ?? []).toEqual(
      expect.arrayContaining(['src/features/landschap/Landschap.tsx', 'src/features/registry/ListPage.tsx', 'src/pages/Login.tsx']),
    )
  })

  it('has no inline script or style in the page shell, so the strict CSP holds', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/<style[\s>]/)
    expect(html).not.toMatch(/\sstyle="/)
  })

  it('bundles the production build of React, whatever NODE_ENV the build ran under', () => {
    const js = readdirSync(path.join(DIST, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(DIST, 'assets', f), 'utf8'))
      .join('\n')
    expect(js).not.toContain('Download the React DevTools')
  })
})
