import { artifact } from './artifact.js';
import { changes } from './changes.js';
import { common } from './common.js';
import { diagnostics } from './diagnostics.js';
import { lint } from './lint.js';
import { parse } from './parse.js';
import { schema } from './schema.js';
import { suggest } from './suggest.js';
import { tiers } from './tiers.js';

/**
 * Every text a user reads, in English, by area. Each area is a file of its own so that the
 * catalogue grows with the modules that speak; the zh-CN catalogue mirrors it entry for entry.
 */
export const en = { artifact, changes, common, diagnostics, lint, parse, schema, suggest, tiers };
