import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.dirname(fileURLToPath(import.meta.url)) };

/**
 * The PostgreSQL server the suite may use (`.ci/run` sets it). With it, the integration tests run
 * a second time with PostgreSQL as the engine (db/engine.ts), each file on a database of its own.
 */
const pgUrl = process.env.MIDAD_TEST_DATABASE_URL;

/**
 * Integration files about SQLite itself (its locks, plans, files), not about what db/ does, and
 * those that set both engines side by side themselves (they run once, in `unit`).
 */
const sqliteOnly = [
  'tests/integration/immediate-transactions.test.ts',
  'tests/integration/query-plans.test.ts',
  'tests/integration/migrations-drift.test.ts',
  'tests/integration/pg-schema.test.ts',
  'tests/integration/search-fold-pg.test.ts',
  // Opens both engines itself (the shared corpus).
  'tests/integration/search-pg.test.ts',
];

/** e2e files that need PostgreSQL (instances on one database, a restart): they run in e2e-pg only. */
const pgE2e = ['tests/e2e/multi-instance-pg.test.ts', 'tests/e2e/pg-restart.test.ts'];

/**
 * e2e files about SQLite itself: kill -9 against its file (integrity_check, WAL), and three
 * processes sharing one file (the one-box option; multi-instance-pg is its PostgreSQL twin).
 */
const sqliteE2e = ['tests/e2e/crash-safety.test.ts', 'tests/e2e/multi-instance.test.ts'];

/**
 * e2e files about what Chromium makes of pages whose HTML does not depend on the engine (the same
 * components render the same rows): layout at every width, axe, HTML validity, the JavaScript
 * shipped, the details of the reader's polish, CSP with the cache off. They run once, on SQLite,
 * so that both lanes together stay within CI's time (the pages' content on PostgreSQL is read by
 * every other file of the suite).
 */
const renderOnlyE2e = [
  'tests/e2e/accessibility.test.ts',
  'tests/e2e/reader-overflow.test.ts',
  'tests/e2e/reader-polish.test.ts',
  'tests/e2e/html-valid.test.ts',
  'tests/e2e/js-budget.test.ts',
  'tests/e2e/csp-cache-off.test.ts',
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(pgUrl
        ? [
            {
              resolve: { alias },
              test: {
                name: 'integration-pg',
                include: ['tests/integration/**/*.test.ts'],
                exclude: sqliteOnly,
                environment: 'node' as const,
                env: { DATABASE_URL: pgUrl },
                globalSetup: ['tests/integration/global-setup.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: pgE2e,
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          // expect.poll's 1 s default is shorter than an upload with its crops on a busy 2-core machine.
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 180_000,
          // One server, one browser per file; files run one after another on this 2-core machine.
          fileParallelism: false,
        },
      },
      ...(pgUrl
        ? [
            {
              resolve: { alias },
              test: {
                // The whole e2e suite again, every server on a PostgreSQL database of its own.
                name: 'e2e-pg',
                include: ['tests/e2e/**/*.test.ts'],
                exclude: [...sqliteE2e, ...renderOnlyE2e],
                environment: 'node' as const,
                env: { DATABASE_URL: pgUrl },
                globalSetup: ['tests/e2e/global-setup.ts'],
                testTimeout: 120_000,
                expect: { poll: { timeout: 15_000 } },
                hookTimeout: 300_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
