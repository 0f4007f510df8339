import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Timeouts are hang guards, never a bet on the machine's speed: a test that ends at all ends far
// below them on a loaded 2-core box (the slowest takes about a minute there). TIERWISE_LONG_TESTS=1
// runs the long sizes (test/helpers/runs.ts), which may take many times longer.
const HANG_GUARD = process.env.TIERWISE_LONG_TESTS === '1' ? 60 * 60_000 : 5 * 60_000;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: HANG_GUARD,
    hookTimeout: HANG_GUARD,
    pool: 'forks',
    // Vitest leaves one core to itself by default, which on 2 cores runs the files one at a time,
    // while much of their time goes to child processes and worker threads: two at a time there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // CI counts results from the JSON report, never from the console summary.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
