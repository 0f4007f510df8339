import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sized } from '../../helpers/runs.js';
import {
  axeViolations,
  browserAvailable,
  launchBrowser,
  PATIENTLY,
  startUiServer,
  type UiServer,
} from './harness.js';

if (!browserAvailable)
  console.warn('journey.browser.test: skipped, no /usr/bin/chromium or no built editor (npm run build)');

/**
 * What the focused element is called, through shadow roots: its aria-label, its label's text, or
 * its own text. A keyboard user knows where they are by this, so the test does too.
 */
const FOCUSED = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return '';
  const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent : '');
  return (label || el.textContent || el.getAttribute('href') || '').trim().replace(/\\s+/g, ' ');
})()`;

/** Presses Tab (at most `limit` times) until the focused element's name matches. */
async function tabTo(page: Page, name: RegExp, limit = 400): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate(FOCUSED)) as string;
    if (name.test(focused)) return;
    seen.push(focused);
  }
  throw new Error(`Tab never reached ${name}; focus went through: ${seen.slice(-40).join(' | ')}`);
}

async function signInByKeyboard(page: Page, server: UiServer, token: string): Promise<void> {
  await page.goto(server.url);
  await tabTo(page, /^Token$/);
  await page.keyboard.type(server.tokens[token]!);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').waitFor();
}

describe.runIf(browserAvailable)('the analyst-to-approver journey, by keyboard alone', () => {
  let server: UiServer;
  let browser: Browser;
  beforeAll(async () => {
    // The journey needs customers whom VIP from 85 makes VIP: the first 500 hold 16 of all 3000's 43
    // (as of this writing; the transactions' window ends today), and every tier has customers.
    server = await startUiServer({ customers: sized(500, Number.POSITIVE_INFINITY) });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('VIP from 90 to 85: tuned and submitted by the analyst, approved and published by another person, in force for /v1/evaluate', async () => {
    // The analyst of headquarters tunes seed 004's scorecard.
    const analyst = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInByKeyboard(analyst, server, 'demo-hq-analyst');
    await tabTo(analyst, /^seed004-scorecard$/);
    await analyst.keyboard.press('Enter');
    const slider = analyst.getByRole('slider', { name: /VIP/ });
    await expect.poll(() => slider.inputValue(), PATIENTLY).toBe('90');
    const whatif = analyst.locator('tw-policy-editor tw-whatif');
    const vipRow = whatif.getByRole('row', { name: /^VIP/ });
    await expect.poll(() => vipRow.count(), PATIENTLY).toBe(1);
    const before = await vipRow.textContent();
    await tabTo(analyst, /VIP threshold/);
    for (let i = 0; i < 5; i++) await analyst.keyboard.press('ArrowLeft');
    expect(await slider.inputValue()).toBe('85');
    // The what-if beside the form re-runs on the draft: more customers are VIP than published.
    await expect.poll(() => vipRow.textContent(), PATIENTLY).not.toBe(before);
    // A change of thresholds is a minor change (docs/versions.md): the version goes up with it.
    await tabTo(analyst, /^Version$/);
    await analyst.keyboard.press('ControlOrMeta+A');
    await analyst.keyboard.type('1.1.0');
    await tabTo(analyst, /^Title of the change request$/);
    await analyst.keyboard.press('ControlOrMeta+A');
    await analyst.keyboard.type('VIP from 85');
    await tabTo(analyst, /^Submit for review$/);
    await analyst.keyboard.press('Enter');
    const link = analyst.locator('tw-policy-editor a[href^="#/review/"]');
    await link.waitFor(PATIENTLY);
    const id = decodeURIComponent((await link.getAttribute('href'))!.slice('#/review/'.length));
    expect(await axeViolations(analyst)).toEqual([]);

    // Who moves, by the server's own impact: one customer the change makes VIP.
    const auth = (token: string) => ({
      authorization: `Bearer ${server.tokens[token]}`,
      'content-type': 'application/json',
    });
    const impact = (await (
      await fetch(`${server.url}/v1/change-requests/${encodeURIComponent(id)}/impact`, {
        method: 'POST',
        headers: auth('demo-approver'),
        body: JSON.stringify({ dataset: 'ds-1', transactionsDataset: 'ds-2' }),
      })
    ).json()) as { movers: { customer: string; from?: string; to?: string }[] };
    const mover = impact.movers.find((m) => m.to === 'vip');
    expect(mover).toBeDefined();

    // Another person, the approver, reviews, approves and publishes.
    const approver = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInByKeyboard(approver, server, 'demo-approver');
    await tabTo(approver, /^Review$/);
    await approver.keyboard.press('Enter');
    await tabTo(approver, new RegExp(`${id}|VIP from 85`));
    await approver.keyboard.press('Enter');
    await approver.getByRole('region', { name: 'Population impact' }).waitFor();
    await tabTo(approver, /^Comment$/);
    await approver.keyboard.type('85 matches what retail already does');
    await tabTo(approver, /^Approve$/);
    await approver.keyboard.press('Enter');
    await expect.poll(() => approver.getByRole('status').textContent(), PATIENTLY).toContain('Approved');
    // "Effective now" is ticked unless the approver picks a date.
    await tabTo(approver, /^Publish$/);
    await approver.keyboard.press('Enter');
    // The alerts ride along so that a refusal reads as the server's diagnostic, not as a timeout.
    const outcome = async () =>
      `${await approver.getByRole('status').allTextContents()} ${await approver.getByRole('alert').allTextContents()}`;
    await expect.poll(outcome, PATIENTLY).toContain('Published');
    expect(await axeViolations(approver)).toEqual([]);

    // What is in force now answers with the new tier.
    const answer = (await (
      await fetch(`${server.url}/v1/evaluate`, {
        method: 'POST',
        headers: auth('demo-hq-analyst'),
        body: JSON.stringify({
          businessUnit: 'headquarters',
          policy: 'seed004-scorecard',
          dataset: 'ds-1',
          transactionsDataset: 'ds-2',
          customer: mover!.customer,
        }),
      })
    ).json()) as { tier?: string; policy: { version: string } };
    expect(answer.tier).toBe('vip');
    expect(answer.policy.version).toBe('seed004-scorecard@2');
  }, 240_000);
});
