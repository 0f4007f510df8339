import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, startUiServer, type UiServer } from '../../test/e2e/ui/harness.js';
import { type Measurement, skipped } from '../harness.js';
import { type BenchOptions, runsFor } from '../options.js';

const DIST = join(import.meta.dirname, '..', '..', 'dist', 'ui');

interface Output {
  bytes: number;
  entryPoint?: string;
  imports: { path: string; kind: string }[];
}

/**
 * What the editor ships and how soon it answers: the gzip size of the first screen (the entry
 * and what it imports statically) and of each part loaded later (a view, the YAML editor, the
 * charts: what a dynamic import brings beyond what is already loaded), as the server sends them
 * (gzip); then the time from opening an address to a usable page in headless Chromium, each run
 * in a fresh browser context (nothing cached), the server on this machine.
 */
export async function uiSuite(options: BenchOptions): Promise<Measurement[]> {
  if (!existsSync(join(DIST, 'meta.json')))
    return [skipped('ui', 'editor bundle', 'bytes', 'dist/ui/meta.json is missing: npm run build')];
  const results = sizes();
  if (!browserAvailable) {
    results.push(skipped('ui', 'time to interactive', 'pages', 'no /usr/bin/chromium'));
    return results;
  }
  const server = await startUiServer();
  const browser = await launchBrowser();
  try {
    const timing = runsFor(options, { runs: 7, warmup: 1 });
    for (const [name, hash, ready] of PAGES)
      results.push(await timeToReady(browser, server, name, hash, ready, timing));
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

// Each page and the element that says it is usable (playwright's CSS pierces shadow roots).
const PAGES: [name: string, hash: string, ready: string][] = [
  ['first screen: policies list', '#/policies', 'tw-policies tbody tr a'],
  ['policy editor: form ready', '#/policies/seed004-scorecard/edit', 'tw-policy-editor input[type=range]'],
  [
    'policy editor: YAML ready',
    '#/policies/seed004-scorecard/edit?view=yaml',
    'tw-policy-editor .cm-content',
  ],
];

function sizes(): Measurement[] {
  const meta = JSON.parse(readFileSync(join(DIST, 'meta.json'), 'utf8')) as {
    outputs: Record<string, Output>;
  };
  const outputs = new Map<string, Output>();
  for (const [path, output] of Object.entries(meta.outputs))
    if (path.endsWith('.js')) outputs.set(name(path), output);
  const gz = new Map(
    [...outputs.keys()].map((file) => [file, gzipSync(readFileSync(join(DIST, file))).length]),
  );
  const closure = (start: string, loaded: Set<string>) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file) || loaded.has(file)) return;
      seen.add(file);
      for (const i of outputs.get(file)?.imports ?? [])
        if (i.kind === 'import-statement') visit(name(i.path));
    };
    visit(start);
    return seen;
  };
  const entry = [...outputs].find(([, o]) => o.entryPoint?.endsWith('main.ts'))?.[0];
  if (!entry) return [skipped('ui', 'editor bundle', 'bytes', 'no entry in dist/ui/meta.json')];
  const first = closure(entry, new Set());
  const sum = (files: Iterable<string>) => {
    let raw = 0;
    let zipped = 0;
    for (const f of files) {
      raw += outputs.get(f)?.bytes ?? 0;
      zipped += gz.get(f) ?? 0;
    }
    return { raw, zipped };
  };
  const row = (label: string, files: Set<string>): Measurement => {
    const { raw, zipped } = sum(files);
    return {
      suite: 'ui',
      name: label,
      medianMs: Number.NaN,
      perSecond: Number.NaN,
      unit: 'bytes',
      runs: 1,
      peakRssMiB: Number.NaN,
      figure: `${kb(zipped)} gzip`,
      note: `${kb(raw)} raw, ${files.size} file${files.size === 1 ? '' : 's'}`,
    };
  };
  const results = [row('first screen (entry + static imports)', first)];
  const lazy = new Set<string>();
  for (const output of outputs.values())
    for (const i of output.imports) if (i.kind === 'dynamic-import') lazy.add(name(i.path));
  for (const chunk of [...lazy].sort()) {
    const files = closure(chunk, first);
    if (files.size > 0) results.push(row(`lazy: ${label(chunk, outputs.get(chunk))}`, files));
  }
  results.push(row('everything shipped', new Set(outputs.keys())));
  return results;
}

async function timeToReady(
  browser: Browser,
  server: UiServer,
  label: string,
  hash: string,
  ready: string,
  timing: { runs: number; warmup: number },
): Promise<Measurement> {
  const times: number[] = [];
  const token = server.tokens['demo-hq-analyst'];
  for (let run = 0; run < timing.warmup + timing.runs; run++) {
    const context = await browser.newContext();
    // Signed in already: the figure is the page's, not the time a person takes to paste a token.
    await context.addInitScript(`sessionStorage.setItem('tierwise.token', ${JSON.stringify(token)})`);
    const page = await context.newPage();
    const started = performance.now();
    try {
      await page.goto(`${server.url}/${hash}`);
      await page.locator(ready).first().waitFor({ timeout: 60_000 });
    } catch (error) {
      await context.close();
      return skipped('ui', label, 'pages', `not ready: ${String(error).split('\n')[0]}`);
    }
    if (run >= timing.warmup) times.push(performance.now() - started);
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return {
    suite: 'ui',
    name: label,
    medianMs: median,
    perSecond: 1000 / median,
    unit: 'pages',
    runs: times.length,
    peakRssMiB: Number.NaN,
    note: `cold cache, headless Chromium, until ${ready}; fastest ${times[0]!.toFixed(0)} ms, slowest ${times.at(-1)!.toFixed(0)} ms`,
  };
}

const name = (path: string) => path.slice(path.indexOf('dist/ui/') + 'dist/ui/'.length);

function label(file: string, output: Output | undefined): string {
  if (output?.entryPoint) return output.entryPoint.replace(/^.*?ui\/src\//, '');
  return file.replace(/^chunks\//, '').replace(/-[A-Z0-9]{8}\.js$/, '');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
