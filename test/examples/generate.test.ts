import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_COUNT } from '../../examples/generator/dataset.js';
import { exampleFiles } from '../../examples/generator/index.js';
import { createRandom } from '../../examples/generator/random.js';
import { ROOT } from '../e2e/cli.js';

const EXAMPLES = join(ROOT, 'examples');
const files = exampleFiles();

describe('examples/generate.ts', () => {
  it('regenerates every committed file byte for byte', () => {
    for (const [path, text] of Object.entries(files)) {
      const committed = readFileSync(join(EXAMPLES, path), 'utf8');
      // compared as booleans: a 2 MB diff in the failure message helps no one
      expect([path, committed === text]).toEqual([path, true]);
    }
  });

  it('writes every file under examples/data and examples/seeds, and nothing is left over', () => {
    const committed = ['data', 'seeds'].flatMap((dir) =>
      readdirSync(join(EXAMPLES, dir)).map((name) => `${dir}/${name}`),
    );
    expect(committed.sort()).toEqual(Object.keys(files).sort());
  });

  it('gives the same files on a second run in the same process', () => {
    expect(exampleFiles()).toEqual(files);
  });

  it('keeps the example data small: 3,000 customers, under 8 MB', () => {
    expect(files['data/customers.csv']!.trimEnd().split('\n')).toHaveLength(CUSTOMER_COUNT + 1);
    const bytes =
      Buffer.byteLength(files['data/customers.csv']!) + Buffer.byteLength(files['data/transactions.csv']!);
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('draws from mulberry32, whose first outputs for seed 1 are known', () => {
    const random = createRandom(1);
    // reference values of mulberry32(1), as computed by its common JavaScript implementation
    expect([random.next(), random.next(), random.next()]).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
  });
});
