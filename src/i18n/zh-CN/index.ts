import type { en } from '../en/index.js';
import { common } from './common.js';
import { diagnostics } from './diagnostics.js';
import { profile } from './profile.js';
import { report } from './report.js';
import { simulation } from './simulation.js';

/** The Chinese catalogue: the type makes a missing or mistyped entry a compile error. */
export const zhCN: typeof en = { common, diagnostics, report, simulation, profile };
