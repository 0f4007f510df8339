import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { templates } from '../../ui/src/locales/zh-CN.js';

const SRC = join(import.meta.dirname, '..', '..', 'ui', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every msg(…, { id }) of the editor's source: its id, and whether it was given as str`…`. */
function messageIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const found of text.matchAll(/msg\(\s*(?:str)?[`'"][\s\S]*?,\s*\{\s*id:\s*'([^']+)'/g))
      ids.set(found[1]!, file);
  }
  return ids;
}

it('every text of the editor has its Chinese, and every Chinese text is used', () => {
  const used = messageIds();
  expect(used.size).toBeGreaterThan(10);
  const missing = [...used.keys()].filter((id) => !(id in templates));
  const unused = Object.keys(templates).filter((id) => !used.has(id));
  expect({ missing, unused }).toEqual({ missing: [], unused: [] });
});

it('no message id is used for two different English texts', () => {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const found of text.matchAll(/msg\(\s*((?:str)?[`'"][\s\S]*?),\s*\{\s*id:\s*'([^']+)'/g)) {
      const [, english, id] = found as unknown as [string, string, string];
      if (seen.has(id) && seen.get(id) !== english) clashes.push(`${id}: ${seen.get(id)} / ${english}`);
      seen.set(id, english);
    }
  }
  expect(clashes).toEqual([]);
});
