import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli.js';
import {
  axeViolations,
  browserAvailable,
  launchBrowser,
  PATIENTLY,
  signIn,
  startUiServer,
  type UiServer,
} from './harness.js';

if (!browserAvailable)
  console.warn('whatif.browser.test: skipped, no /usr/bin/chromium or no built editor (npm run build)');

const RETAIL = readFileSync(join(ROOT, 'policies', 'retail-scorecard.tier.yaml'), 'utf8');
/**
 * Text as GBK bytes. No encoder ships with Node or the dependencies, so the table is the GBK
 * decoder's (WHATWG, which the server's reader follows too) read backwards, pair by pair.
 */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  return Buffer.from(
    [...text].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
      const bytes = table.get(char);
      if (!bytes) throw new Error(`no GBK for ${char}`);
      return bytes;
    }),
  );
}

/** The what-if element of the page, wherever the shell's shadow roots hold it. */
const FIND_WHATIF = `(function find(root) {
  return root.querySelector('tw-whatif') ??
    [...root.querySelectorAll('*')].reduce((hit, el) => hit ?? (el.shadowRoot ? find(el.shadowRoot) : null), null);
})(document)`;
const WHATIF = '#/whatif?policy=retail-scorecard&business-unit=retail';

/** The draft and published customer counts of the tier table, by tier id. */
async function tierCounts(page: Page): Promise<Record<string, [number, number]>> {
  const rows = page.locator('tw-whatif tr[data-tier]');
  await rows.first().waitFor();
  const out: Record<string, [number, number]> = {};
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allTextContents();
    const figure = (text = '') => Number(text.trim().split(/\s/)[0]!.replaceAll(',', ''));
    out[(await row.getAttribute('data-tier'))!] = [figure(cells[0]), figure(cells[1])];
  }
  return out;
}

const total = (counts: Record<string, [number, number]>, side: 0 | 1) =>
  Object.values(counts).reduce((sum, c) => sum + c[side], 0);

describe.runIf(browserAvailable)('what-if and customer pages in Chromium', () => {
  let server: UiServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startUiServer();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows published and draft counts per tier on the bundled dataset, then on an uploaded GBK CSV with Chinese headers', async () => {
    const page = await browser.newPage();
    await signIn(page, server, 'demo-analyst');
    await page.goto(`${server.url}/${WHATIF}`);
    await expect.poll(async () => total(await tierCounts(page), 0), PATIENTLY).toBe(3000);
    expect(total(await tierCounts(page), 1)).toBe(3000);
    expect(await page.getByRole('status').first().textContent()).not.toContain('Running');
    // The heatmap's text alternative: the matrix as a table.
    await page.getByRole('table', { name: /published tier \(rows\)/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const lines = readFileSync(join(ROOT, 'examples', 'data', 'customers.csv'), 'utf8').split('\n');
    const bytes = gbk(`${lines.slice(0, 41).join('\r\n')}\r\n`);
    expect(bytes.includes(Buffer.from('客户编号'))).toBe(false);
    await page.getByLabel('Upload customers (CSV, XLSX)').setInputFiles({
      name: '客户-GBK.csv',
      mimeType: 'text/csv',
      buffer: bytes,
    });
    await expect.poll(async () => total(await tierCounts(page), 0), PATIENTLY).toBe(40);
    expect(
      await page.getByLabel('Customers', { exact: true }).locator('option:checked').textContent(),
    ).toContain('客户-GBK.csv');
    await page.close();
  }, 90_000);

  it('re-runs for a draft; calibrate suggests a threshold and Apply dispatches apply-threshold; compact shows the summary only', async () => {
    const page = await browser.newPage();
    await signIn(page, server, 'demo-analyst');
    await page.goto(`${server.url}/${WHATIF}`);
    await page.getByLabel('As of').fill('2025-01-01');
    await tierCounts(page);
    // Scripts as text: they run in the page, and this project's Node types know no DOM.
    await page.evaluate(`
      window.applied = [];
      document.addEventListener('apply-threshold', (e) => window.applied.push(e.detail));
      ${FIND_WHATIF}.draft = { content: ${JSON.stringify(RETAIL.replace('minScore: 85', 'minScore: 80'))}, fileName: 'retail-scorecard.tier.yaml' };
    `);
    await page.getByText(/The draft against what retail publishes/).waitFor();
    await expect
      .poll(async () => (await page.locator('tw-whatif p.movers').textContent()) ?? '', PATIENTLY)
      .toMatch(/^[1-9][\d,]* customers change tier/);
    const counts = await tierCounts(page);
    expect(counts.vip![1]).toBeGreaterThan(counts.vip![0]);

    await page.getByLabel('Share (%)').fill('10');
    await page.getByRole('button', { name: 'Suggest threshold' }).click();
    await page.getByText(/Suggested threshold for VIP/).waitFor(PATIENTLY);
    await page.getByRole('table', { name: /when a weight moves/ }).waitFor();
    await page.getByRole('button', { name: 'Apply to draft' }).click();
    const applied = (await page.evaluate('window.applied')) as { tier: string; threshold: number }[];
    expect(applied).toEqual([{ tier: 'vip', threshold: expect.any(Number) }]);
    expect(await page.locator('tw-whatif p.suggestion').textContent()).toContain(
      String(applied[0]!.threshold),
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.evaluate(`${FIND_WHATIF}.setAttribute('compact', '')`);
    await expect.poll(() => page.locator('tw-migration-heatmap').count()).toBe(0);
    expect(await page.getByLabel('Upload customers (CSV, XLSX)').count()).toBe(0);
    expect(await page.locator('tw-whatif p.movers').textContent()).toMatch(
      /customers change tier\s+· \d+ up/,
    );
    await page.close();
  }, 120_000);

  it('looks a customer up: tier, breakdown, deciding rule, how to move up, phone masked', async () => {
    const page = await browser.newPage();
    await signIn(page, server, 'demo-analyst');
    await page.goto(`${server.url}/#/customer`);
    await page.getByLabel('Policy').selectOption({ label: 'retail · retail-scorecard' });
    await page.getByLabel('As of').fill('2025-01-01');
    await page.getByLabel('Customer id').fill('C2012001');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.locator('tw-customer dd.tier').waitFor(PATIENTLY);
    expect(await page.locator('tw-customer dd.tier').textContent()).toMatch(/^(VIP|Key|Standard|Watch)$/);
    expect(await page.locator('tw-customer dd.decided').textContent()).toMatch(/score \d+ ≥ \d+/);
    await page.getByRole('table', { name: 'Points and contribution per dimension and metric' }).waitFor();
    expect(await page.locator('tw-customer p.move-up').textContent()).toMatch(/more points reach/);
    const phone = await page.locator('tw-customer td[data-fact="contactPhone"]').textContent();
    expect(phone).toMatch(/\*/);
    expect(await page.locator('tw-customer').evaluate((el) => el.shadowRoot!.innerHTML)).not.toContain(
      '138-0000-7571',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);
});
