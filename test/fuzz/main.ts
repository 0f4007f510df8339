/**
 * The long fuzz run: `npm run fuzz` (TIERWISE_FUZZ_RUNS inputs, default 2,000; TIERWISE_FUZZ_SEED;
 * TIERWISE_FUZZ_FROM to start further in). `npm run fuzz -- --case N` replays one case and prints
 * what the command wrote.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fuzz } from './harness.js';

const env = process.env;
const seed = Number(env.TIERWISE_FUZZ_SEED ?? 20261203);
const replay = process.argv.indexOf('--case');
const one = replay >= 0 ? Number(process.argv[replay + 1]) : undefined;
const runs = one !== undefined ? 1 : Number(env.TIERWISE_FUZZ_RUNS ?? 2000);
const from = one ?? Number(env.TIERWISE_FUZZ_FROM ?? 0);
let done = 0;

// Ctrl-C or a TERM ends the run early with the table of what ran: a long run stopped at the
// end of a session still reports honestly.
const stop = new AbortController();
for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => stop.abort());

const result = await fuzz({
  signal: stop.signal,
  seed,
  runs,
  from,
  hangMs: Number(env.TIERWISE_FUZZ_HANG_MS ?? 10_000),
  slowMs: 10_000,
  parallel: Number(env.TIERWISE_FUZZ_PARALLEL ?? 2),
  keepOutput: one !== undefined,
  work: one !== undefined ? mkdtempSync(join(tmpdir(), `tw-fuzz-case-${one}-`)) : undefined,
  onCase: (r) => {
    done++;
    if (one !== undefined)
      process.stdout.write(
        `files in ${dirname(dirname(r.args.find((a) => a.startsWith('/')) ?? ''))}\n${r.args.join(' ')}\nexit ${r.code} in ${r.ms} ms\n${r.output ?? ''}\n`,
      );
    else if (done % 1000 === 0) process.stderr.write(`${new Date().toISOString()} ${done}/${runs} …\n`);
    if (r.crash && one === undefined)
      process.stderr.write(`crash #${r.index} (${r.kind}): ${r.reason?.slice(0, 300)}\n`);
  },
});

const rows = Object.entries(result.byClass).sort(([a], [b]) => a.localeCompare(b));
process.stdout.write(
  `${stop.signal.aborted ? `stopped early: ${result.inputs} of ${runs} inputs ran\n` : ''}seed ${seed}, cases from ${from}: ${result.inputs} inputs in ${(result.ms / 1000).toFixed(1)} s\n`,
);
process.stdout.write(
  '| class | inputs | crashes | hangs | slow (>10 s) | mean ms | max ms |\n|---|---|---|---|---|---|---|\n',
);
for (const [name, t] of rows)
  process.stdout.write(
    `| ${name} | ${t.inputs} | ${t.crashes} | ${t.hangs} | ${t.slow} | ${(t.totalMs / Math.max(1, t.inputs)).toFixed(0)} | ${t.maxMs} |\n`,
  );
for (const c of result.crashes)
  process.stdout.write(
    `crash #${c.index} ${c.kind} [${c.args.join(' ').slice(0, 200)}]: ${c.reason?.slice(0, 400)}\n`,
  );
for (const s of result.slow)
  process.stdout.write(`slow #${s.index} ${s.kind} ${s.ms} ms [${s.args.join(' ').slice(0, 200)}]\n`);
for (const h of result.hangs)
  process.stdout.write(`hang #${h.index} ${h.kind} [${(h.args ?? []).join(' ').slice(0, 200)}]\n`);
process.stdout.write(`crashes: ${result.crashes.length}, hangs: ${result.hangs.length}\n`);
process.exitCode = result.crashes.length + result.hangs.length > 0 ? 1 : 0;
