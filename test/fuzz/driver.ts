/**
 * Runs fuzz cases in one process, through the CLI's own entry point (runCli, as bin.ts calls it)
 * so a case costs milliseconds rather than a Node start. It reports on file descriptor 3, one
 * JSON line as a case starts and one as it ends; the harness watches those lines, and kills and
 * restarts this process when a case hangs.
 *
 *   node --import tsx test/fuzz/driver.ts '{"seed":1,"from":0,"to":100,"work":"/tmp/x"}'
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { loadBase, ROOT } from './base.js';
import type { Case } from './case.js';
import { type Materials, makeCase } from './cases.js';
import { verdict } from './verdict.js';

interface Job {
  seed: number;
  from: number;
  to: number;
  work: string;
  /** Keep each case's output (for replaying one). */
  keepOutput?: boolean;
}

export interface CaseReport {
  index: number;
  kind: string;
  args: string[];
  code: number;
  ms: number;
  crash: boolean;
  reason?: string;
  output?: string;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const channel = createWriteStream('', { fd: 3 });
const send = (line: object) => channel.write(`${JSON.stringify(line)}\n`);

let captured = '';
const capture = (text: string) => {
  captured += text;
};
let current: Case | undefined;
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);
// Anything written past the CLI's io (a library printing on its own) is the case's output too.
process.stdout.write = ((chunk: string | Uint8Array) => {
  captured += String(chunk);
  return true;
}) as typeof process.stdout.write;
process.stderr.write = ((chunk: string | Uint8Array) => {
  captured += String(chunk);
  return true;
}) as typeof process.stderr.write;
// An error that escapes a command after it returned still belongs to the case that ran it.
const escaped: string[] = [];
process.on('uncaughtException', (e) => escaped.push(`uncaught: ${e instanceof Error ? e.stack : String(e)}`));
process.on('unhandledRejection', (e) =>
  escaped.push(`unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`),
);
delete process.env.TIERWISE_VERIFY_KEY;
delete process.env.TIERWISE_LANG;
process.env.NO_COLOR = '1';

// A driver restarted after a hang makes its own keys: keygen never overwrites a key.
const shared = join(job.work, `shared-${process.pid}`);

async function materials(): Promise<Materials> {
  mkdirSync(shared, { recursive: true });
  const io = {
    out: () => {},
    err: (t: string) => {
      captured += t;
    },
    isTTY: false,
  };
  const prefix = join(shared, 'release');
  if ((await runCli(['keygen', '--out', prefix], io)) !== 0) throw new Error(`keygen failed: ${captured}`);
  const artifact = join(shared, 'a.tierpkg.tgz');
  const built = await runCli(
    [
      'build',
      join(ROOT, 'policies/seed004-scorecard.tier.yaml'),
      '--out',
      artifact,
      '--sign',
      `${prefix}.key.pem`,
      '--time',
      '2026-01-01T00:00:00Z',
    ],
    io,
  );
  if (built !== 0) throw new Error(`build failed: ${captured}`);
  captured = '';
  return { base: loadBase(), artifact: readFileSync(artifact) };
}

function materialise(c: Case, dir: string, shared: string): string[] {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  if (c.args.some((a) => a.includes('@@fifo'))) execFileSync('mkfifo', [join(dir, 'fifo')]);
  const special: Record<string, string> = {
    artifact: join(shared, 'a.tierpkg.tgz'),
    public: join(shared, 'release.pub.pem'),
    private: join(shared, 'release.key.pem'),
    dir,
    fifo: join(dir, 'fifo'),
  };
  return c.args.map((a) =>
    a
      .replace(/@@(artifact|public|private|dir|fifo)/g, (_, k: string) => special[k]!)
      .replace(/^@(?!@)(.+)$/s, (_, name: string) => join(dir, name)),
  );
}

/** Words the input itself may hold, which the output may then quote back without a fault. */
function echoes(c: Case): string[] {
  const all = [
    ...c.args,
    ...Object.values(c.files).map((f) => (typeof f === 'string' ? f : Buffer.from(f).toString('latin1'))),
  ].join('\n');
  const words = ['NaN', 'undefined', 'Infinity', '[object Object]'].filter((w) => all.includes(w));
  // YAML's .nan is NaN, and a workbook's cells are compressed: either may be quoted back as NaN.
  const binary = Object.values(c.files).some((f) => typeof f !== 'string');
  if ((binary || /\.nan\b/i.test(all)) && !words.includes('NaN')) words.push('NaN');
  return words;
}

async function main(): Promise<void> {
  const m = await materials();
  for (let index = job.from; index < job.to; index++) {
    const c = makeCase(job.seed, index, m);
    current = c;
    const dir = join(job.work, `case-${index}`);
    const args = materialise(c, dir, shared);
    send({ start: index, kind: c.kind, args: c.args });
    captured = '';
    escaped.length = 0;
    // A relative path among the hostile values (`--out 2024-02-30`) lands in the case's own folder,
    // not in the checkout the fuzz run was started from.
    process.chdir(dir);
    const started = performance.now();
    let code: number;
    try {
      code = await runCli(args, {
        out: capture,
        err: capture,
        isTTY: false,
      });
    } catch (error) {
      // bin.ts turns a throw into exit 70 with the stack: a crash by definition.
      code = 70;
      captured += `\n${error instanceof Error ? error.stack : String(error)}`;
    }
    // Let timers and stray promises of the command settle inside its own case.
    await new Promise((r) => setImmediate(r));
    const ms = Math.round(performance.now() - started);
    const output = escaped.length > 0 ? `${captured}\n${escaped.join('\n')}` : captured;
    const v = escaped.length > 0 ? { crash: true, reason: escaped[0] } : verdict(code, output, echoes(c));
    const report: CaseReport = {
      index,
      kind: c.kind,
      args: job.keepOutput ? args : c.args,
      code,
      ms,
      crash: v.crash,
      reason: v.reason,
    };
    if (v.crash || job.keepOutput) report.output = output.slice(0, 20_000);
    send({ end: report });
    process.chdir(job.work);
    if (!job.keepOutput) rmSync(dir, { recursive: true, force: true });
    current = undefined;
  }
  channel.end(() => process.exit(0));
}

main().catch((error) => {
  realErr(
    `fuzz driver failed outside a case${current ? ` (case ${current.index})` : ''}: ${error instanceof Error ? error.stack : error}\n`,
  );
  channel.end(() => process.exit(3));
});
void realOut;
