import { configDefaults, defineConfig } from 'vitest/config';
import { WORLD_DIST, WORLD_WAREHOUSE } from './tests/world/build.ts';

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
          exclude: [...configDefaults.exclude, 'tests/e2e/**', 'tests/site/**', 'tests/world/**'],
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
      {
        // The synthetic full world (tests/world/, npm run world): generated CBS tables for every gemeente,
        // jeugdregio and year, fetched, built and rendered once by the global setup, so that every chart,
        // the map and the 2022 analysis run on complete data. Its site lives outside dist/.
        extends: true,
        test: {
          name: 'world',
          include: ['tests/world/**/*.test.ts'],
          globalSetup: ['tests/world/global-setup.ts'],
          env: { JEUGDHULP_DIST: WORLD_DIST, JEUGDHULP_WAREHOUSE: WORLD_WAREHOUSE },
        },
      },
    ],
  },
});
