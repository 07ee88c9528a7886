import { defineConfig } from 'vitest/config';

/**
 * This package's own integration tests, for working on the harness alone:
 * `npx vitest run --config packages/testkit/vitest.int.config.ts` (from the repository root) or
 * `pnpm --filter @shegong/testkit test:int`. The root config's `int` / `e2e` projects use the same global setup.
 */
export default defineConfig({
  test: {
    name: 'testkit-int',
    root: import.meta.dirname,
    include: ['src/**/*.int.test.ts'],
    globalSetup: ['./src/global-setup.ts'],
    testTimeout: 30_000,
  },
});
