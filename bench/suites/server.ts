import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { type Measurement, measure, perItem } from '../harness.js';
import type { BenchOptions } from '../options.js';

const ROOT = new URL('../../', import.meta.url);
const at = (path: string) => fileURLToPath(new URL(path, ROOT));
const BIN = at('dist/cli/bin.js');
const run = promisify(execFile);

// T0006 of policies/retail-scorecard.test.yaml: every fact given, so evaluate reads nothing else.
const T0006 = {
  customerId: 'T0006',
  spend12m: 100000,
  avgOrderValue: 50000,
  industryGrowth: 12,
  orderGrowthRate: 30,
  newNeeds12m: 5,
  repurchaseRate: 80,
  referralRate: 20,
  complaintRate: 3,
};
// Its score columns are in the bundled customers file: a batch reads the rows and nothing else.
const BATCH_POLICY = 'seed001-five-factor';

/**
 * The served registry (`tierwise serve`, seeded, in a child process so its RSS is its own) over
 * loopback: single evaluate requests per second (autocannon), batch customers per second over
 * HTTP against `tierwise eval --summary` on the same file as the ceiling, and the server's RSS
 * after the batch. Needs `npm run build` (it serves dist/).
 */
export async function serverSuite(options: BenchOptions): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-server-'));
  const { child, url, tokens } = await serve(dir);
  try {
    const out: Measurement[] = [];
    const seconds = options.quick ? 3 : 10;
    const single = await autocannon({
      url: `${url}/v1/evaluate`,
      method: 'POST',
      connections: 32,
      duration: seconds,
      headers: { authorization: `Bearer ${tokens['demo-analyst']}`, 'content-type': 'application/json' },
      body: JSON.stringify({ businessUnit: 'retail', facts: T0006 }),
    });
    out.push({
      suite: 'server',
      name: 'single POST /v1/evaluate',
      medianMs: single.latency.p50,
      perSecond: single.requests.average,
      unit: 'requests',
      runs: 1,
      peakRssMiB: rssMiB(child),
      note: `p50 ${single.latency.p50} ms, p99 ${single.latency.p99} ms, ${single.non2xx} non-2xx, ${single.errors} errors; 32 connections, ${seconds} s (target ≥ 5,000/s at p99 < 20 ms)`,
    });

    const rows = options.quick ? 20_000 : Math.max(options.rows === 1_000_000 ? 200_000 : options.rows, 1);
    const file = join(dir, 'customers.csv');
    const count = repeatCsv(at('examples/data/customers.csv'), file, rows);
    const body = readFileSync(file);
    const timing = options.quick ? { runs: 1, warmup: 0 } : { runs: 3, warmup: 1 };
    let lastSummary = '';
    const overHttp = await measure(
      'server',
      `batch over HTTP (${BATCH_POLICY})`,
      'customers',
      async () => {
        const response = await fetch(`${url}/v1/evaluate/batch?version=${BATCH_POLICY}%401`, {
          method: 'POST',
          body,
          headers: { authorization: `Bearer ${tokens['demo-admin']}`, 'content-type': 'text/csv' },
        });
        const text = await response.text();
        lastSummary = text.slice(text.lastIndexOf('\n', text.length - 2) + 1);
        if (response.status !== 200)
          throw new Error(`batch answered ${response.status}: ${text.slice(0, 500)}`);
      },
      { ...timing, note: 'NDJSON streamed back and read whole' },
    );
    const serverRss = rssMiB(child);
    const inProcess = await measure(
      'server',
      'in-process eval --summary (ceiling)',
      'customers',
      () =>
        run(process.execPath, [
          BIN,
          'eval',
          '--policy',
          at(`policies/${BATCH_POLICY}.tier.yaml`),
          '--data',
          file,
          '--summary',
        ]),
      { ...timing, note: 'a Node start included; --workers as the machine has cores' },
    );
    const http = perItem({ ...overHttp, peakRssMiB: serverRss }, count);
    const ceiling = perItem(inProcess, count);
    http.compared = `HTTP/in-process ${(http.perSecond / ceiling.perSecond).toFixed(2)}× (target ≥ 0.5×)`;
    http.note = `${http.note}; server RSS after the batch ${serverRss.toFixed(0)} MiB; ${lastSummary.trim().slice(0, 120)}`;
    out.push(http, ceiling);
    return out;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The server process's own resident set, from /proc (Linux); NaN elsewhere. */
function rssMiB(child: ChildProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function repeatCsv(source: string, target: string, rows: number): number {
  const [header, ...lines] = readFileSync(source, 'utf8').trimEnd().split('\n');
  const out: string[] = [header!];
  // Distinct ids: the batch's summary counts customers, and duplicate ids would be one customer.
  for (let i = 0; i < rows; i++) {
    const line = lines[i % lines.length]!;
    out.push(line.replace(/^[^,]*/, (id) => `${id}-${Math.floor(i / lines.length)}`));
  }
  writeFileSync(target, `${out.join('\n')}\n`);
  return rows;
}

async function serve(
  dir: string,
): Promise<{ child: ChildProcess; url: string; tokens: Record<string, string> }> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--port',
      '0',
      '--db',
      join(dir, 'registry.db'),
      '--data-dir',
      join(dir, 'data'),
      '--seed',
      at('policies'),
    ],
    { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /serves (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found) {
        const tokens: Record<string, string> = {};
        for (const m of out.matchAll(/^ {2}(demo-\w+) \([^)]*\): (tw_\S+)$/gm)) tokens[m[1]!] = m[2]!;
        resolve({ child, url: found[1]!, tokens });
      }
    });
    child.stderr!.resume();
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}
