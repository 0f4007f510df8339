import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Fields whose text is written for readers (and translated by the policy's own labels). */
const PROSE = new Set(['label', 'labels', 'description', 'flagLabel']);
const ID = /^[A-Za-z][\w./-]*$/;

/**
 * Every id a policy's author wrote — fact, dimension, metric, tier, rule, class, trigger, flag,
 * role and channel ids, enum values, the policy's name — which an output may show as they are.
 * Labels and descriptions are left out: their English must never reach a Chinese output.
 */
export function policyIds(text: string): Set<string> {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      if (ID.test(node)) ids.add(node);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (PROSE.has(key)) {
        // Latin letters in a Chinese label are the author's (R, F, M in 最近消费时间（R）, A类).
        const zh = (value as { 'zh-CN'?: unknown } | null)?.['zh-CN'];
        if (typeof zh === 'string') for (const word of zh.match(/[A-Za-z][\w-]*/g) ?? []) ids.add(word);
        continue;
      }
      // A test case's name is the author's own words, shown as written.
      if (key === 'name' && typeof value === 'string') {
        for (const word of value.match(/[A-Za-z][\w-]*/g) ?? []) ids.add(word);
        continue;
      }
      ids.add(key);
      visit(value);
    }
  };
  visit(parse(text));
  // An id such as value.spend12m or orders/year is read by the word.
  for (const id of [...ids]) for (const part of id.split(/[./]/)) if (part !== '') ids.add(part);
  return ids;
}

/** The ids of every policy in a folder (the bundled policies and their tests). */
export function folderIds(dir: string): Set<string> {
  const ids = new Set<string>();
  for (const name of readdirSync(dir))
    if (name.endsWith('.yaml'))
      for (const id of policyIds(readFileSync(join(dir, name), 'utf8'))) ids.add(id);
  return ids;
}
