import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/cli.js';

/**
 * The README's quick start, `npm start`, as a fresh clone runs it: every step must pass, and a
 * bundled policy that leaves customers untiered on purpose must say how many and why.
 */
describe('npm start', () => {
  it('checks, tests, evaluates, simulates and compares the bundled policies and exits 0', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs', '--no-serve'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, run.stdout.slice(-2000)).toBe(0);
    expect(run.stdout).toMatch(/checked, tested and evaluated \d+ policies/);
    expect(run.stdout).toMatch(/^[\d,]+ customers of [\d,]+ \([\d.]+%\) without a tier$/m);
  });

  it('then serves the registry seeded with the bundled policies and data, prints the URL, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-start-'));
    const child = spawn(process.execPath, ['scripts/start.mjs', '--serve-only'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', PORT: '0', TIERWISE_START_DIR: dir },
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // The editor's line comes after the API's: once it is out, the URL is the editor's too.
        const found = /Editor: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (found) resolve(found[1]!);
      });
      child.once('close', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const editor = await fetch(`${url}/`);
    expect(editor.headers.get('content-type')).toContain('text/html');
    expect(await editor.text()).toContain('<tw-app');
    const admin = /demo-admin \(admin, \*\): (tw_\S+)/.exec(out)?.[1];
    const response = await fetch(`${url}/v1/policies`, { headers: { authorization: `Bearer ${admin}` } });
    const { policies } = (await response.json()) as { policies: { name: string }[] };
    expect(policies.map((p) => p.name)).toContain('retail-scorecard');
    const datasets = await fetch(`${url}/v1/datasets?businessUnit=retail`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(((await datasets.json()) as { datasets: unknown[] }).datasets).toHaveLength(2);
    const closed = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGTERM');
    expect(await closed).toBe(0);
  });
});
