import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Measurement } from '../harness.js';
import { type BenchOptions, runsFor } from '../options.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const POLICY = 'policies/seed004-scorecard.tier.yaml';

/** The issue's targets, as multiples of a bare `node -e 0`. */
const TARGETS: Record<string, number> = { '--version': 2, check: 4 };

/**
 * What a user waits for before tierwise does anything: `--version` (argument parsing and
 * nothing else) and `check` of one policy, against a bare `node -e 0`. Each run is a fresh
 * process of the built CLI (dist/, `npm run build`), as the shell starts it.
 */
export async function startupSuite(options: BenchOptions): Promise<Measurement[]> {
  if (!existsSync(BIN)) throw new Error(`startup: ${BIN} is missing; run \`npm run build\` first`);
  const timing = runsFor(options, { runs: 15, warmup: 2 });
  const cases: Array<[name: string, args: string[]]> = [
    ['node -e 0', ['-e', '0']],
    ['--version', [BIN, '--version']],
    ['check', [BIN, 'check', POLICY]],
  ];
  const timed = cases.map(([name, args]) => ({ name, ...spawnMedians(args, timing) }));
  const bare = timed[0]!;
  return timed.map((t) => {
    const ratio = t.wallMs / bare.wallMs;
    const target = TARGETS[t.name];
    const cpu =
      t.cpuMs === undefined
        ? 'CPU not measured (needs /proc)'
        : `CPU ${t.cpuMs.toFixed(0)} ms, ${(t.cpuMs / bare.cpuMs!).toFixed(2)}× bare node`;
    return {
      suite: 'startup',
      name: t.name === 'node -e 0' ? t.name : `tierwise ${t.name === 'check' ? `check ${POLICY}` : t.name}`,
      medianMs: t.wallMs,
      perSecond: 1000 / t.wallMs,
      unit: 'runs',
      runs: timing.runs,
      peakRssMiB: Number.NaN,
      compared: t === bare ? '' : `${ratio.toFixed(2)}× bare node`,
      note: `${cpu}${target === undefined ? '' : `; target ≤ ${target}× wall`}`,
    };
  });
}

/** Median wall and CPU time (user + system) of `node ...args`, each run a new process. */
function spawnMedians(
  args: string[],
  timing: { runs: number; warmup: number },
): { wallMs: number; cpuMs?: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < timing.warmup + timing.runs; i++) {
    const cpuBefore = childrenCpuMs();
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const cpuAfter = childrenCpuMs();
    if (child.status !== 0)
      throw new Error(`startup: node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
    if (i < timing.warmup) continue;
    walls.push(wall);
    if (cpuBefore !== undefined && cpuAfter !== undefined) cpus.push(cpuAfter - cpuBefore);
  }
  return { wallMs: median(walls), cpuMs: cpus.length > 0 ? median(cpus) : undefined };
}

/**
 * CPU time of this process's finished children: Node has no getrusage(RUSAGE_CHILDREN), but
 * Linux counts waited-for children in /proc/self/stat (cutime, cstime; 100 ticks a second).
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // The command name in parentheses may hold spaces; the fields after it do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
