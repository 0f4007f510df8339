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

/**
 * Every text a user reads, in English, by area. Each area is a file of its own so that the
 * catalogue grows with the modules that speak; the zh-CN catalogue mirrors it entry for entry.
 */
export const en = {
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
