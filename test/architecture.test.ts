import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layers of ../shared/STYLE.md, lowest first: a module imports only from its own layer or one
 * before it, so data flows one way and the library never reaches up into a surface.
 */
const LAYERS = [
  'version.ts',
  'util',
  'format',
  'i18n',
  'diagnostics',
  'privacy',
  'io',
  'data',
  'policy',
  'facts',
  'engine',
  'compile',
  'sql',
  'duckdb',
  'simulate',
  'calendar',
  'sla',
  'profile',
  'testing',
  'artifact',
  'report',
  'rerate',
  'plan',
  'registry',
  'server',
  'cli',
  'index.ts',
];

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0] ?? '';

describe('layering', () => {
  it('knows every top-level module of src/', () => {
    const unknown = readdirSync(SRC).filter((name) => !LAYERS.includes(name));
    expect(unknown, 'add new top-level modules to LAYERS in their place').toEqual([]);
  });

  it('imports only from the same layer or one below it', () => {
    const upward: string[] = [];
    for (const file of sources(SRC)) {
      const from = layerOf(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const to = layerOf(resolve(dirname(file), match[1] ?? ''));
        if (LAYERS.indexOf(to) > LAYERS.indexOf(from))
          upward.push(`${relative(SRC, file)} imports ${match[1]} (${from} → ${to})`);
      }
    }
    expect(upward).toEqual([]);
  });
});
