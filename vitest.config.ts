import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    // One process per worker for all its files: each file no longer pays for loading the
    // server's modules again (about a second each). The tests keep no state in modules
    // (no mocks, no env changes), which a full run without isolation showed.
    isolate: false,
    // Secrets at rest (db/geheimen.ts) need a key on PostgreSQL too; CLI processes inherit it.
    env: { GEHEIMSLEUTEL: '0f'.repeat(32) },
    testTimeout: 60_000,
    // Browser tests wait for what the page shows; on a busy 2-core CI machine that can take seconds.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    reporters: ['default'],
  },
})
