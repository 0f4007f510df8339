import type { Range } from '../diagnostics/diagnostic.js';
import type { SourceMap } from './source-map.js';

export interface Location {
  file?: string;
  range?: Range;
}

/**
 * Maps a pointer of the policy being checked to a place in a file. One file maps directly; a
 * variant merged over its base maps each pointer to whichever file wrote it (see extends.ts).
 */
export interface Locator {
  /** `within`: offsets inside the string at `pointer` (a place inside an expression). */
  locate(pointer: string, part?: 'key' | 'value', within?: readonly [number, number]): Location;
}

export function fileLocator(file: string | undefined, sourceMap: SourceMap): Locator {
  return { locate: (pointer, part, within) => ({ file, range: sourceMap.range(pointer, part, within) }) };
}
