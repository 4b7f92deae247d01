// Three projects, named by what they touch: unit (pure code), medium (the app against a real
// database through app.inject), e2e (Chromium driving the built web app against a real server).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'test/**/*.unit.test.ts'],
          exclude: ['**/*.medium.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'medium',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.medium.test.ts', 'test/**/*.medium.test.ts'],
          environment: 'node',
          globalSetup: ['./test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Fault injection (docs/testing.md): real server processes killed, cut off from
          // PostgreSQL, out of disk. After medium, one file at a time; `npm run test:faults`.
          name: 'faults',
          sequence: { groupOrder: 1 },
          include: ['test/faults/**/*.faults.test.ts'],
          environment: 'node',
          // A hard bound per test (ten kill-and-restart rounds on a busy machine); see the docs.
          testTimeout: 480_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          // After the other projects, so that Chromium has the machine's two cores to itself.
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['./e2e/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
