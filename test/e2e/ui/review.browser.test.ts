import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sized } from '../../helpers/runs.js';
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
  console.warn('review.browser.test: skipped, no /usr/bin/chromium or no built editor (npm run build)');

/** Retail's next version as an analyst sends it: VIP from 80, version 1.1.0, in review. */
async function requestInReview(server: UiServer): Promise<string> {
  const call = async (path: string, body: unknown, ifMatch?: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.tokens['demo-analyst']}`,
        'content-type': 'application/json',
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return {
      body: (await res.json()) as { changeRequest: { id: string } },
      etag: res.headers.get('etag') ?? '',
    };
  };
  const content = readFileSync(join(ROOT, 'policies', 'retail-scorecard.tier.yaml'), 'utf8')
    .replace(/^( {2}version: )\S+$/m, '$11.1.0')
    .replace('minScore: 85', 'minScore: 80');
  const created = await call('/v1/change-requests', {
    content,
    title: 'VIP from 80',
    baseVersion: 'retail-scorecard@1',
  });
  const id = created.body.changeRequest.id;
  await call(`/v1/change-requests/${id}/submit`, {}, created.etag);
  return id;
}

describe.runIf(browserAvailable)('policies and review in Chromium', () => {
  let server: UiServer;
  let browser: Browser;
  let request: string;
  beforeAll(async () => {
    // The impact needs customers whom retail's VIP from 80 moves up: the first 500 hold 20 of all
    // 3000's 80 (as of this writing; the transactions' window ends today), and every tier has customers.
    server = await startUiServer({ customers: sized(500, Number.POSITIVE_INFINITY) });
    browser = await launchBrowser();
    request = await requestInReview(server);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (page: Page, hash: string) => {
    await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  };

  it('lists policies by unit with their status, finds them by search, and an analyst drafts a variant', async () => {
    const page = await browser.newPage();
    await signIn(page, server, 'demo-analyst');
    const retail = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'retail-scorecard' }) });
    await expect.poll(() => retail.count(), PATIENTLY).toBe(1);
    expect(await retail.textContent()).toContain('published');
    expect(await retail.textContent()).toMatch(/\+08:00/);
    expect(await retail.getByRole('link', { name: new RegExp(`Review ${request}`) }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'headquarters' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Search').fill('retail-score');
    await expect.poll(() => page.getByRole('heading', { name: /headquarters/ }).count(), PATIENTLY).toBe(0);
    expect(await page.getByRole('link', { name: 'retail-scorecard' }).count()).toBe(1);
    await page.getByLabel('Search').fill('');

    await page.getByText('Create a variant of the company base for my business unit').click();
    await page.getByLabel('Company policy').selectOption('seed004-scorecard');
    await page.getByLabel('New policy name').fill('retail-vip');
    await page.getByRole('button', { name: 'Create variant' }).click();
    await expect
      .poll(() => page.evaluate('location.hash'))
      .toMatch(/^#\/policies\/retail-vip\/edit\?changeRequest=cr-\d+$/);
    await page.close();
  });

  it('does not offer the author to approve their own change', async () => {
    const page = await browser.newPage();
    await signIn(page, server, 'demo-analyst');
    await open(page, `#/review/${request}`);
    await expect.poll(() => page.getByRole('button', { name: 'Withdraw' }).count(), PATIENTLY).toBe(1);
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Roll back' }).count()).toBe(0);
    await page.close();
  });

  it('an approver reviews the diff and impact, approves by keyboard with a comment, and publishes', async () => {
    const page = await browser.newPage();
    await signIn(page, server, 'demo-approver');
    await open(page, '#/review');
    const link = page.getByRole('link', { name: request, exact: true });
    await expect.poll(() => link.count(), PATIENTLY).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await link.click();

    const semantic = page.getByRole('region', { name: 'What changes' });
    await expect.poll(() => semantic.textContent(), PATIENTLY).toContain('minor');
    expect(
      await semantic.getByRole('list', { name: 'Changes' }).getByRole('listitem').count(),
    ).toBeGreaterThan(0);
    const yaml = page.getByRole('region', { name: 'YAML diff' });
    expect(await yaml.getByRole('row').filter({ hasText: 'minScore: 80' }).textContent()).toMatch(/added/);
    expect(await yaml.getByRole('row').filter({ hasText: 'minScore: 85' }).textContent()).toMatch(/removed/);
    const impact = page.getByRole('table', { name: 'Customers per tier, before and after' });
    await expect.poll(() => impact.getByRole('row').count(), PATIENTLY).toBeGreaterThan(2);
    expect(await page.getByRole('region', { name: 'Population impact' }).textContent()).toMatch(/move up/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Comment').focus();
    await page.keyboard.type('VIP share checked on retail customers');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        'document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.textContent ?? ""',
      ),
    ).toBe('Approve');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent(), PATIENTLY).toContain('Approved.');
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    await page.getByLabel('Effective now').uncheck();
    await page.getByLabel('Effective from').fill('2027-01-01T00:00');
    expect(await page.getByLabel('UTC offset').inputValue()).toBe('+08:00');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), PATIENTLY).toContain('Published.');

    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('VIP from 80');

    // Two versions now: an approver of the unit is offered to roll back to the earlier one.
    await expect.poll(() => page.getByLabel('To version').inputValue(), PATIENTLY).toBe('retail-scorecard@1');
    expect(await page.getByRole('button', { name: 'Roll back' }).count()).toBe(1);

    const timeline = page.getByRole('region', { name: 'Audit timeline' });
    await expect.poll(() => timeline.textContent(), PATIENTLY).toContain('change published');
    const text = (await timeline.textContent()) ?? '';
    for (const step of [
      'change drafted',
      'sent for review',
      'approved',
      'VIP share checked on retail customers',
    ])
      expect(text).toContain(step);
    expect(await axeViolations(page)).toEqual([]);

    // The policies list shows the new version as scheduled from the date given.
    await open(page, '#/policies');
    const retail = page.getByRole('row').filter({ hasText: 'retail-scorecard' });
    await expect.poll(() => retail.textContent(), PATIENTLY).toContain('2027-01-01T00:00+08:00');
    await page.close();
  });
});
