import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // expect.poll waits for what it asserts; its default of 1 s is a race with a loaded machine.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at once, whatever the cores: most of a file's time is spent waiting on
    // PostgreSQL, child processes and timers, so a 2-core machine runs two about as fast as one
    // (the suite: ~280 s one at a time, ~150 s two at a time, each file as long as alone).
    maxWorkers: 2,
  },
});
