import { aggregates } from './aggregates.js';
import { artifact } from './artifact.js';
import { calibrate } from './calibrate.js';
import { changes } from './changes.js';
import { cli } from './cli.js';
import { cliHelp } from './cliHelp.js';
import { common } from './common.js';
import { data } from './data.js';
import { diagnostics } from './diagnostics.js';
import { explain } from './explain.js';
import { expr } from './expr.js';
import { facts } from './facts.js';
import { factsout } from './factsout.js';
import { findings } from './findings.js';
import { lint } from './lint.js';
import { mapping } from './mapping.js';
import { movers } from './movers.js';
import { order } from './order.js';
import { overrides } from './overrides.js';
import { parse } from './parse.js';
import { plan } from './plan.js';
import { privacy } from './privacy.js';
import { profile } from './profile.js';
import { registry } from './registry.js';
import { replay } from './replay.js';
import { report } from './report.js';
import { rerate } from './rerate.js';
import { review } from './review.js';
import { schema } from './schema.js';
import { scores } from './scores.js';
import { server } from './server.js';
import { simulation } from './simulation.js';
import { sla } from './sla.js';
import { store } from './store.js';
import { suggest } from './suggest.js';
import { supply } from './supply.js';
import { testFiles } from './testFiles.js';
import { testing } from './testing.js';
import { tiers } from './tiers.js';
import { untiered } from './untiered.js';
import { warehouse } from './warehouse.js';
import { whatif } from './whatif.js';

/**
 * Every text a user reads, in English, by area. Each area is a file of its own so that the
 * catalogue grows with the modules that speak; the zh-CN catalogue mirrors it entry for entry.
 */
export const en = {
  aggregates,
  artifact,
  calibrate,
  changes,
  cli,
  cliHelp,
  common,
  data,
  diagnostics,
  explain,
  expr,
  facts,
  factsout,
  findings,
  lint,
  mapping,
  movers,
  order,
  overrides,
  parse,
  plan,
  warehouse,
  privacy,
  profile,
  registry,
  replay,
  rerate,
  report,
  review,
  schema,
  scores,
  server,
  simulation,
  sla,
  store,
  suggest,
  supply,
  testFiles,
  testing,
  tiers,
  untiered,
  whatif,
};
