import type { en } from '../en/index.js';
import { artifact } from './artifact.js';
import { changes } from './changes.js';
import { common } from './common.js';
import { diagnostics } from './diagnostics.js';
import { lint } from './lint.js';
import { parse } from './parse.js';
import { schema } from './schema.js';
import { suggest } from './suggest.js';
import { tiers } from './tiers.js';

/** The Chinese catalogue: the type makes a missing or mistyped entry a compile error. */
export const zhCN: typeof en = {
  artifact,
  changes,
  common,
  diagnostics,
  lint,
  parse,
  schema,
  suggest,
  tiers,
};
