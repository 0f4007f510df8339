// `npm start`: what tierwise does, on the bundled policies and example data. Checks every policy,
// runs their tests, evaluates the example customers with each one (the tier distribution), then
// simulates the seed-004 scorecard and compares it with the retail variant, printing the tables
// and writing the HTML reports to reports/; then serves the registry and its HTTP API on
// http://127.0.0.1:$PORT (8080 by default), seeded with the bundled policies and data on its first
// start (.tierwise/registry.db, or $TIERWISE_START_DIR), until Ctrl-C. A failing step exits
// non-zero before serving, so it doubles as a smoke test of a fresh clone (`npm ci && npm start`).
// --no-serve stops after the steps; --serve-only skips them.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'dist/cli/bin.js');
const POLICIES = join(ROOT, 'policies');
const CUSTOMERS = 'examples/data/customers.csv';
const TRANSACTIONS = 'examples/data/transactions.csv';
// The example data is generated as of this date (examples/README.md); evaluating it as of today
// would slide its windows away from the orders.
const AS_OF = '2026-11-01';
const SCORECARD = 'policies/seed004-scorecard.tier.yaml';
const SERVE = !process.argv.includes('--no-serve');
const STEPS = !process.argv.includes('--serve-only');
const VARIANT = 'policies/retail-scorecard.tier.yaml';

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/** Runs the jobs at most `limit` at a time; the results keep the jobs' order. */
async function pooled(jobs, limit) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/**
 * One line per diagnostic code instead of every finding: the literal seed-001 policy leaves most
 * customers without a tier, and thousands of identical warnings would bury the distributions.
 * Errors are never shortened.
 */
function digest(stderr) {
  const lines = stderr.split('\n');
  const counts = new Map();
  for (const line of lines) {
    const match = /^(warning|info)\[(TW\d{4})\]: (.*)$/.exec(line);
    if (!match) continue;
    const key = `${match[1]}[${match[2]}]`;
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { count: 1, first: match[3] });
  }
  // The run's own lines: what was read, and how many customers went without a tier and why.
  const untiered = lines.findIndex((line) => / without a tier$/.test(line));
  const after = untiered < 0 ? [] : lines.slice(untiered + 1);
  const end = after.findIndex((line) => !line.startsWith('  '));
  const causes = end < 0 ? after : after.slice(0, end);
  const summary = [
    ...lines.filter((line) => line.startsWith('evaluated ')),
    ...(untiered < 0 ? [] : [lines[untiered], ...causes]),
  ];
  const findings = [...counts].map(([key, { count, first }]) => `${key} ×${count}, the first: ${first}`);
  return [...summary, ...findings].join('\n');
}

function heading(text) {
  return `\n== ${text} ${'='.repeat(Math.max(3, 96 - text.length))}\n`;
}

async function main() {
  if (!existsSync(BIN)) {
    process.stderr.write('tierwise is not built: run `npm run build` (npm ci does it) first\n');
    return 2;
  }
  const code = STEPS ? await steps() : 0;
  if (code !== 0 || !SERVE) return code;
  return serve();
}

/** The registry and the API, seeded on first start; resolves with serve's exit code after Ctrl-C. */
function serve() {
  const dir = process.env.TIERWISE_START_DIR ?? join(ROOT, '.tierwise');
  mkdirSync(dir, { recursive: true });
  process.stdout.write(heading('tierwise serve'));
  const child = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--port',
      process.env.PORT ?? '8080',
      '--db',
      join(dir, 'registry.db'),
      '--data-dir',
      join(dir, 'data'),
      '--seed',
      POLICIES,
      '--seed-data',
      join(ROOT, CUSTOMERS),
      '--seed-transactions',
      join(ROOT, TRANSACTIONS),
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  // Ctrl-C reaches both processes; the server finishes what is in flight and exits 0.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 0)));
}

async function steps() {
  const started = performance.now();
  const failures = [];

  process.stdout.write(heading('tierwise check policies'));
  const check = await run(['check', 'policies']);
  process.stdout.write(check.stdout + check.stderr);
  if (check.code !== 0) failures.push(`check policies (exit ${check.code})`);

  process.stdout.write(heading('tierwise test policies'));
  const tests = await run(['test', 'policies']);
  process.stdout.write(
    tests.stdout
      .split('\n')
      .filter((l) => !/^\s+ok\s/.test(l))
      .join('\n') + tests.stderr,
  );
  if (tests.code !== 0) failures.push(`test policies (exit ${tests.code})`);

  const policies = readdirSync(POLICIES)
    .filter((name) => name.endsWith('.tier.yaml'))
    .sort()
    .map((name) => relative(ROOT, join(POLICIES, name)));
  const evaluations = await pooled(
    policies.map(
      (policy) => () =>
        run([
          'eval',
          '--policy',
          policy,
          '--data',
          CUSTOMERS,
          '--transactions',
          TRANSACTIONS,
          '--as-of',
          AS_OF,
          '--summary',
          // a bad row is a failure here: the bundled data must read cleanly
          '--on-error',
          'fail',
          // The literal seed-001 levels leave most customers without a tier, on purpose
          // (policies/README.md): the summary still says how many and why.
          ...(policy.includes('literal') ? ['--allow-untiered', 'all'] : []),
        ]),
    ),
    availableParallelism(),
  );
  evaluations.forEach((result, i) => {
    const policy = policies[i];
    process.stdout.write(heading(`${policy}, as of ${AS_OF}`));
    process.stdout.write(result.stdout);
    const failed = result.code !== 0 || /^error\[/m.test(result.stderr);
    process.stdout.write(`${failed ? result.stderr : digest(result.stderr)}\n`);
    if (failed) failures.push(`eval ${policy} (exit ${result.code})`);
  });

  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  const data = ['--data', CUSTOMERS, '--transactions', TRANSACTIONS, '--as-of', AS_OF];
  const headline = [
    {
      title: `tierwise simulate ${SCORECARD}`,
      args: ['simulate', '--policy', SCORECARD, ...data],
      report: 'reports/simulation.html',
    },
    {
      title: `tierwise diff --from ${SCORECARD} --to ${VARIANT} (VIP at 85 instead of 90)`,
      args: ['diff', '--from', SCORECARD, '--to', VARIANT, ...data, '--limit', '10'],
      report: 'reports/diff.html',
    },
  ];
  for (const job of headline) {
    process.stdout.write(heading(job.title));
    const [table, html] = await Promise.all([
      run(job.args),
      run([...job.args, '--format', 'html', '--out', job.report]),
    ]);
    process.stdout.write(table.stdout + digest(table.stderr));
    if (table.code !== 0 || html.code !== 0) {
      process.stdout.write(table.stderr + html.stderr);
      failures.push(`${job.args[0]} (exit ${table.code || html.code})`);
    } else process.stdout.write(`\nreport: ${job.report} (open it in a browser; it works offline)\n`);
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (failures.length > 0) {
    process.stderr.write(
      `\nnpm start failed after ${seconds} s:\n${failures.map((f) => `  ${f}`).join('\n')}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `\nchecked, tested and evaluated ${policies.length} policies on ${CUSTOMERS}, simulated and compared two, in ${seconds} s\n`,
  );
  return 0;
}

process.exitCode = await main();
