// `npm run screenshots`: every view of the editor in English and Chinese, as docs/editor.md and the
// README show them, taken from the real server and the built editor in Debian's Chromium (the same
// harness as the browser tests). Each view is driven in English, photographed, then switched to
// Chinese in place with the language menu and photographed again, so both show the same state.
// Needs `npm run build` and /usr/bin/chromium (+ fonts-noto-cjk for the Chinese text).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../test/e2e/cli.js';
import { browserAvailable, launchBrowser, startUiServer, type UiServer } from '../test/e2e/ui/harness.js';

const OUT = join(ROOT, 'docs', 'screenshots');

interface Shot {
  name: string;
  token: string;
  hash: string;
  /** Shown when the view is ready to be photographed (all of them). */
  ready: string[];
  /** What a user does first (in English). */
  act?: (page: Page) => Promise<void>;
}

/** A change request moving seed-004's VIP from 90 to 85, submitted for review: the review view's subject. */
async function changeRequestFor(server: UiServer, token: string): Promise<{ id: string; content: string }> {
  const auth = { authorization: `Bearer ${server.tokens[token]}` };
  const policy = (await (
    await fetch(`${server.url}/v1/policies/seed004-scorecard`, { headers: auth })
  ).json()) as {
    versions: { id: string }[];
  };
  const latest = policy.versions.at(-1)?.id;
  const content = await (
    await fetch(`${server.url}/v1/versions/${latest}`, { headers: { ...auth, accept: 'text/yaml' } })
  ).text();
  const draft = content
    .replace('minScore: 90', 'minScore: 85')
    .replace(/^(\s+version:\s*)1\.0\.0/m, (_, key: string) => `${key}1.1.0`);
  const created = await fetch(`${server.url}/v1/change-requests`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ content: draft, title: 'VIP from 85' }),
  });
  if (created.status !== 201) throw new Error(`change request: ${created.status} ${await created.text()}`);
  const { changeRequest } = (await created.json()) as { changeRequest: { id: string } };
  const submitted = await fetch(`${server.url}/v1/change-requests/${changeRequest.id}/submit`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'if-match': created.headers.get('etag') ?? '' },
    body: '{}',
  });
  if (!submitted.ok) throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  return { id: changeRequest.id, content: draft };
}

/**
 * Waits out a page's debounced re-runs (the what-if asks again in the new language): a moment for
 * them to start, then until no progress bar is left.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(1_000);
  for (let i = 0; i < 120 && (await page.locator('progress').count()) > 0; i++)
    await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
}

async function main(): Promise<void> {
  if (!browserAvailable) throw new Error('needs /usr/bin/chromium and a built editor (npm run build)');
  mkdirSync(OUT, { recursive: true });
  const server = await startUiServer();
  const browser = await launchBrowser();
  try {
    const review = await changeRequestFor(server, 'demo-hq-analyst');
    const shots: Shot[] = [
      { name: 'policies', token: 'demo-hq-analyst', hash: '#/policies', ready: ['tw-policies tbody tr'] },
      {
        name: 'editor-form',
        token: 'demo-hq-analyst',
        hash: '#/policies/seed004-scorecard/edit',
        ready: ['tw-policy-editor input[type=range]', 'tw-policy-editor tw-whatif table'],
      },
      {
        name: 'editor-yaml',
        token: 'demo-hq-analyst',
        hash: '#/policies/seed004-scorecard/edit?view=yaml',
        ready: ['tw-policy-editor .cm-content', 'tw-policy-editor tw-whatif table'],
      },
      {
        name: 'whatif',
        token: 'demo-hq-analyst',
        hash: '#/whatif?policy=seed004-scorecard',
        ready: ['tw-whatif table', 'tw-migration-heatmap svg', 'tw-whatif tr[data-tier=vip]'],
        // The draft the editor would hand it: seed 004 with VIP from 85.
        act: async (page) => {
          await page.locator('tw-whatif table').first().waitFor({ timeout: 60_000 });
          await page.locator('tw-whatif').evaluate((el, content) => {
            (el as unknown as { draft: unknown }).draft = {
              content,
              fileName: 'seed004-scorecard.tier.yaml',
            };
          }, review.content);
          const movers = page.locator('tw-whatif .movers');
          for (let i = 0; i < 120 && /^\s*0 /.test((await movers.textContent()) ?? '0 '); i++)
            await page.waitForTimeout(500);
        },
      },
      {
        name: 'customer',
        token: 'demo-hq-analyst',
        hash: '#/customer?policy=seed004-scorecard&customer=C2012001',
        ready: ['tw-customer .tier'],
        act: async (page) => {
          await page
            .getByRole('option', { name: /transactions/ })
            .first()
            .waitFor({ state: 'attached' });
          await page.getByRole('button', { name: 'Look up' }).click();
        },
      },
      { name: 'review-list', token: 'demo-approver', hash: '#/review', ready: ['tw-review-list table'] },
      { name: 'review', token: 'demo-approver', hash: `#/review/${review.id}`, ready: ['tw-review h1'] },
    ];
    for (const shot of shots) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      await context.addInitScript(
        `sessionStorage.setItem('tierwise.token', ${JSON.stringify(server.tokens[shot.token])});
         localStorage.setItem('tierwise.locale', 'en');`,
      );
      const page = await context.newPage();
      await page.goto(`${server.url}/${shot.hash}`);
      await shot.act?.(page);
      for (const ready of shot.ready) await page.locator(ready).first().waitFor({ timeout: 60_000 });
      await settled(page);
      await page.screenshot({ path: join(OUT, `${shot.name}.en.png`), fullPage: true });
      await page.getByLabel('Language').selectOption('zh-CN');
      await page.waitForFunction(`document.documentElement.lang === 'zh-CN'`);
      await settled(page);
      await page.screenshot({ path: join(OUT, `${shot.name}.zh-CN.png`), fullPage: true });
      console.log(`docs/screenshots/${shot.name}.{en,zh-CN}.png`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
