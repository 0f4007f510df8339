import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sized } from '../../helpers/runs.js';
import {
  axeViolations,
  browserAvailable,
  launchBrowser,
  signIn,
  startUiServer,
  type UiServer,
} from './harness.js';

if (!browserAvailable)
  console.warn('shell.browser.test: skipped, no /usr/bin/chromium or no built editor (npm run build)');

describe.runIf(browserAvailable)('the editor shell in Chromium', () => {
  let server: UiServer;
  let browser: Browser;
  beforeAll(async () => {
    // Nothing here reads the customers: they only take time to seed.
    server = await startUiServer({ customers: sized(500, Number.POSITIVE_INFINITY) });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a wrong token is refused with the server’s diagnostic; the right one lists the policies', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByLabel('Token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/TW13\d\d/);
    await signIn(page, server, 'demo-analyst');
    await expect.poll(() => page.getByRole('link', { name: 'retail-scorecard' }).count()).toBeGreaterThan(0);
    expect(await page.locator('header').textContent()).toContain('demo-analyst');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('switches to Chinese in place and keeps the choice on reload', async () => {
    const page = await browser.newPage();
    await signIn(page, server, 'demo-analyst');
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('策略');
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: '策略' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('serves the scripts gzip-compressed and cached for good; nothing outside the build is reachable', async () => {
    const index = await fetch(server.url, { headers: { 'accept-encoding': 'gzip' } });
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await index.text();
    const script = /src="(\/ui\/[^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    for (const path of [
      '/ui/../package.json',
      '/ui/meta.json',
      '/ui/index.html',
      '/ui/%2e%2e/%2e%2e/etc/passwd',
    ])
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
  });
});
