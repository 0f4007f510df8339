import type { en } from '../en/index.js';
import { calibrate } from './calibrate.js';
import { common } from './common.js';
import { diagnostics } from './diagnostics.js';
import { mapping } from './mapping.js';
import { order } from './order.js';
import { profile } from './profile.js';
import { report } from './report.js';
import { simulation } from './simulation.js';
import { supply } from './supply.js';
import { testFiles } from './testFiles.js';
import { untiered } from './untiered.js';

/** The Chinese catalogue: the type makes a missing or mistyped entry a compile error. */
export const zhCN: typeof en = {
  calibrate,
  common,
  diagnostics,
  mapping,
  order,
  profile,
  report,
  simulation,
  supply,
  testFiles,
  untiered,
};
