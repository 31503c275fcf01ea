import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Pipeline tests run DuckDB and spawn the CLI; two cores, so keep it to two workers.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**', 'tests/site/**'],
        },
      },
      {
        // Tests on the built site: in headless Chromium (tests/e2e/) and in plain Node over the files
        // (tests/site/). globalSetup builds dist/ once, before any of these files runs; each browser file
        // then serves dist/ on its own port with its own browser, so the files may run beside each
        // other and beside the unit tests.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/site/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
