import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

/** The real server with the built editor, on an embedded registry seeded as `npm start` seeds it. */
export async function startUiServer(): Promise<UiServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-ui-'));
  const opened = await openRegistry({ db: join(dir, 'registry.db'), dataDir: join(dir, 'data') });
  if ('diagnostic' in opened) throw new Error(JSON.stringify(opened.diagnostic));
  const { registry } = opened;
  const seeded = await seedRegistry(registry, {
    policies: join(ROOT, 'policies'),
    datasets: [
      { path: join(ROOT, 'examples', 'data', 'customers.csv'), kind: 'customers' },
      { path: join(ROOT, 'examples', 'data', 'transactions.csv'), kind: 'transactions' },
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
  const { source } = (await import('axe-core')).default;
  await page.evaluate(source);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
