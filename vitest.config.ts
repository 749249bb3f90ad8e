import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    // Secrets at rest (db/geheimen.ts) need a key on PostgreSQL too; CLI processes inherit it.
    env: { GEHEIMSLEUTEL: '0f'.repeat(32) },
    testTimeout: 60_000,
    // Browser tests wait for what the page shows; on a busy 2-core CI machine that can take seconds.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    reporters: ['default'],
  },
})
