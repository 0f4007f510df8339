import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { openRegistry } from '../../../src/registry/open.js';
import { seedRegistry } from '../../../src/registry/seed.js';
import { registryDeps } from '../../../src/server/registry-deps.js';
import { registryRoutes } from '../../../src/server/routes/registry/index.js';
import { type RunningServer, startServer } from '../../../src/server/serve.js';
import { defaultUiDir } from '../../../src/server/ui-assets.js';
import { ROOT } from '../cli.js';

/** The system Chromium only: playwright must never fetch a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM) && existsSync(join(defaultUiDir(), 'index.html'));

export interface UiServer {
  url: string;
  /** Secrets of the demo tokens by name: demo-admin, demo-analyst (retail), demo-hq-analyst (headquarters), demo-approver. */
  tokens: Record<string, string>;
  close(): Promise<void>;
}

export interface UiServerOptions {
  /**
   * How many of the bundled customers are seeded: the first rows of examples/data/customers.csv,
   * with their transactions; all of them by default. Every what-if, histogram and impact the
   * editor draws runs on the server in the test's own process, in time with the dataset's size.
   */
  customers?: number;
}

/** The real server with the built editor, on an embedded registry seeded as `npm start` seeds it. */
export async function startUiServer(options: UiServerOptions = {}): Promise<UiServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-ui-'));
  const opened = await openRegistry({ db: join(dir, 'registry.db'), dataDir: join(dir, 'data') });
  if ('diagnostic' in opened) throw new Error(JSON.stringify(opened.diagnostic));
  const { registry } = opened;
  const data = bundledData(join(dir, 'seed'), options.customers ?? Number.POSITIVE_INFINITY);
  const seeded = await seedRegistry(registry, {
    policies: join(ROOT, 'policies'),
    datasets: [
      { path: data.customers, kind: 'customers' },
      { path: data.transactions, kind: 'transactions' },
    ],
  });
  if (seeded.diagnostics.length > 0) throw new Error(JSON.stringify(seeded.diagnostics));
  const server: RunningServer = await startServer({
    deps: registryDeps(registry),
    routes: registryRoutes(registry),
    port: 0,
    uiDir: defaultUiDir(),
  });
  return {
    url: server.url,
    tokens: Object.fromEntries(seeded.tokens.map((t) => [t.name, t.secret])),
    close: async () => {
      await server.close();
      await registry.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The bundled customers and transactions files, or their first `customers` customers with those
 * customers' transactions, written under the same names (the editor shows a dataset's name).
 */
function bundledData(dir: string, customers: number): { customers: string; transactions: string } {
  const bundled = join(ROOT, 'examples', 'data');
  const all = { customers: join(bundled, 'customers.csv'), transactions: join(bundled, 'transactions.csv') };
  // One record a line: the bundled files quote no line breaks.
  const [header = '', ...rows] = readFileSync(all.customers, 'utf8').trimEnd().split(/\r?\n/);
  if (customers >= rows.length) return all;
  const kept = rows.slice(0, customers);
  const ids = new Set(kept.map((row) => row.slice(0, row.indexOf(','))));
  const [txHeader = '', ...transactions] = readFileSync(all.transactions, 'utf8').trimEnd().split(/\r?\n/);
  mkdirSync(dir, { recursive: true });
  const subset = { customers: join(dir, 'customers.csv'), transactions: join(dir, 'transactions.csv') };
  writeFileSync(subset.customers, `${[header, ...kept].join('\n')}\n`);
  writeFileSync(
    subset.transactions,
    `${[txHeader, ...transactions.filter((row) => ids.has(row.slice(0, row.indexOf(','))))].join('\n')}\n`,
  );
  return subset;
}

/**
 * How long a step may wait for what the server computes (a what-if, an impact, a publish) to show:
 * a hang guard, not a bet on speed. The suite runs a worker more than the machine has cores, and
 * the machine may be shared, so a step that takes a second alone can take many times that.
 */
export const PATIENTLY = { timeout: 120_000 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Opens the editor and signs in with a demo token (by typing it, as a user would). */
export async function signIn(page: Page, server: UiServer, token: string, locale = 'en'): Promise<void> {
  await page.goto(server.url);
  await page.evaluate(`localStorage.setItem('tierwise.locale', ${JSON.stringify(locale)})`);
  await page.reload();
  await page.getByLabel(locale === 'en' ? 'Token' : '令牌').fill(server.tokens[token] ?? token);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').waitFor();
}

/** axe-core in the page: the serious and critical violations, as `rule: target` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, which the page's Content-Security-Policy does not stop.
  // Once a document: axe's half a megabyte of source takes a second to compile on a loaded machine.
  if ((await page.evaluate('typeof axe')) === 'undefined') {
    const { source } = (await import('axe-core')).default;
    await page.evaluate(source);
  }
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
