import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // CI counts results from the JSON report, never from the console summary.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
