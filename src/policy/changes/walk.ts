import { isDeepStrictEqual } from 'node:util';
import { joinPointer, parentPointer } from '../../diagnostics/pointer.js';

/**
 * One raw difference between two policies. `path` names the place semantically: an entry of a
 * list matched by its key is written `[id]`, so a tier that moves keeps its path while its
 * pointers (`/tiers/levels/0` → `/tiers/levels/2`) follow the index.
 */
export interface Difference {
  path: string[];
  old: unknown;
  new: unknown;
  oldPointer?: string;
  newPointer?: string;
  /** The nearest pointer of the new policy at or above this place. */
  anchor: string;
  /** Set when only the order of a keyed list changed. */
  reordered?: boolean;
}

/** Fields that identify an entry of a list: levels, rules, triggers and bands by id, team by role. */
const LIST_KEYS = ['id', 'role', 'action'] as const;

/** Every difference between two values, matched by key in mappings and by id in lists of entries. */
export function differences(oldValue: unknown, newValue: unknown): Difference[] {
  const out: Difference[] = [];
  walk(oldValue, newValue, [], '', '', out);
  return out;
}

function walk(a: unknown, b: unknown, path: string[], oldPtr: string, newPtr: string, out: Difference[]) {
  if (isDeepStrictEqual(a, b)) return;
  if (a === undefined) {
    out.push({ path, old: a, new: b, newPointer: newPtr, anchor: newPtr });
    return;
  }
  if (b === undefined) {
    out.push({ path, old: a, new: b, oldPointer: oldPtr, anchor: parentPointer(newPtr) });
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    for (const key of keys) {
      walk(a[key], b[key], [...path, key], joinPointer(oldPtr, key), joinPointer(newPtr, key), out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = listKey(a, b);
    if (key) return walkList(a, b, key, path, [oldPtr, newPtr], out);
    // Entries of the same count edited in place (a band's bound, one condition): say which entry.
    // A list of plain values (enum values, roles to notify) is one value, compared whole.
    if (a.length === b.length && [...a, ...b].every(isRecord)) {
      a.forEach((entry, i) => {
        walk(entry, b[i], [...path, `[${i}]`], joinPointer(oldPtr, i), joinPointer(newPtr, i), out);
      });
      return;
    }
  }
  out.push({ path, old: a, new: b, oldPointer: oldPtr, newPointer: newPtr, anchor: newPtr });
}

function walkList(
  a: unknown[],
  b: unknown[],
  key: string,
  path: string[],
  [oldPtr, newPtr]: [string, string],
  out: Difference[],
) {
  const oldIds = (a as Record<string, unknown>[]).map((e) => String(e[key]));
  const newIds = (b as Record<string, unknown>[]).map((e) => String(e[key]));
  const commonOld = oldIds.filter((id) => newIds.includes(id));
  const commonNew = newIds.filter((id) => oldIds.includes(id));
  if (!isDeepStrictEqual(commonOld, commonNew)) {
    out.push({
      path,
      old: commonOld,
      new: commonNew,
      oldPointer: oldPtr,
      newPointer: newPtr,
      anchor: newPtr,
      reordered: true,
    });
  }
  const ids = [...oldIds, ...newIds.filter((id) => !oldIds.includes(id))];
  for (const id of ids) {
    const i = oldIds.indexOf(id);
    const j = newIds.indexOf(id);
    walk(
      i < 0 ? undefined : a[i],
      j < 0 ? undefined : b[j],
      [...path, `[${id}]`],
      joinPointer(oldPtr, i),
      // '-' (past the end, RFC 6901) makes a removed entry's anchor the list it left.
      joinPointer(newPtr, j < 0 ? '-' : j),
      out,
    );
  }
}

/** The field that keys both lists' entries, unique on each side; none means compare the lists whole. */
function listKey(a: unknown[], b: unknown[]): string | undefined {
  const entries = [...a, ...b];
  if (entries.length === 0 || !entries.every(isRecord)) return undefined;
  return LIST_KEYS.find((key) =>
    [a, b].every((list) => {
      const ids = (list as Record<string, unknown>[]).map((e) => e[key]);
      return ids.every((id) => typeof id === 'string') && new Set(ids).size === ids.length;
    }),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
