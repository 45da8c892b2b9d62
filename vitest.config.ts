import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/{architecture,shared,crypto,db,sync,session,features,app}/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/setup/fake-indexeddb.ts'],
          // A guard against hangs, not a speed check: thousands of notes on
          // fake-indexeddb take seconds on a busy 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Devices on fake-indexeddb syncing with the real server through a fault-injecting proxy.
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/fake-indexeddb.ts'],
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
      {
        // `npm test` runs this project on its own turn, after the others: the browser
        // then does not share two cores with the fault runs, the fuzzer and the writers.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
