/**
 * Writes the bundled example data: examples/data (customers and transactions for every bundled
 * policy, as of 2026-11-01) and examples/seeds (the seed handbooks' worked examples). Seeded, so
 * running it again gives byte-identical files. Run with `npx tsx examples/generate.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleFiles } from './generator/index.js';

const here = dirname(fileURLToPath(import.meta.url));
for (const [path, text] of Object.entries(exampleFiles())) {
  const target = join(here, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote examples/${path} (${Buffer.byteLength(text).toLocaleString('en-US')} bytes)`);
}
