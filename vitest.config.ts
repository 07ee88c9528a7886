import { defineConfig } from 'vitest/config';

/**
 * Test tiers by file suffix (the emmett convention):
 * - `*.unit.test.ts`: pure, no I/O beyond reading packaged data;
 * - `*.int.test.ts`: one service against real Postgres / Kafka;
 * - `*.e2e.test.ts`: several services or the CLI as a user runs it.
 */
const exclude = ['**/node_modules/**', '**/dist/**'];
/** One real Postgres and one real Kafka per run, for the int and e2e tiers (@shegong/testkit). */
const testServers = ['packages/testkit/src/global-setup.ts'];

export default defineConfig({
  test: {
    // The JSON report is what `.ci/run` sums into its closing `N passed, N failed, N skipped` line.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      { test: { name: 'unit', include: ['{packages,services,apps,tests}/**/*.unit.test.ts'], exclude } },
      {
        test: {
          name: 'int',
          include: ['{packages,services,apps,tests}/**/*.int.test.ts'],
          exclude,
          globalSetup: testServers,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['{packages,services,apps,tests}/**/*.e2e.test.ts'],
          exclude,
          testTimeout: 60_000,
          globalSetup: testServers,
        },
      },
    ],
  },
});
