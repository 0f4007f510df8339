import type { Browser, Page } from 'playwright-core';
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
  console.warn('editor.browser.test: skipped, no /usr/bin/chromium or no built editor (npm run build)');

const POLICY = 'seed004-scorecard';

describe.runIf(browserAvailable)('the policy editor in Chromium', () => {
  let server: UiServer;
  let browser: Browser;
  beforeAll(async () => {
    // The editor's figures are the server's answers, whatever their counts: the first 500 customers
    // fill every tier of seed004-scorecard, published and draft, as all 3000 do.
    server = await startUiServer({ customers: sized(500, Number.POSITIVE_INFINITY) });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The editor on seed004-scorecard, signed in as the headquarters analyst. */
  async function openEditor(view = ''): Promise<Page> {
    // Tall enough that CodeMirror draws every line of the policy (it draws only what is visible).
    const page = await browser.newPage({ viewport: { width: 1280, height: 12_000 } });
    await signIn(page, server, 'demo-hq-analyst');
    await page.goto(`${server.url}/#/policies/${POLICY}/edit${view}`);
    await page.getByRole('heading', { name: `Edit ${POLICY}` }).waitFor();
    return page;
  }

  const editorText = (page: Page) =>
    page.locator('tw-policy-editor').evaluate((e) => (e as unknown as { text: string }).text);
  const codeMirrorText = (page: Page) =>
    page.locator('.cm-content .cm-line').evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'));

  it('the form shows the weights’ sums; the VIP slider edits the YAML in place, comments kept', async () => {
    const page = await openEditor();
    await expect.poll(() => page.getByText('Dimension weights: sum 100').count()).toBe(1);
    expect(await page.getByText('sum 100', { exact: true }).count()).toBeGreaterThan(1);
    const slider = page.getByRole('slider', { name: 'VIP threshold' });
    expect(await slider.inputValue()).toBe('90');
    await slider.focus();
    // The keys go where the focus is, as a keyboard user's do: the locator's own press would look
    // the slider up by its accessible name across the whole form before each key.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    expect(await slider.inputValue()).toBe('85');
    await expect.poll(() => editorText(page)).toContain('      minScore: 85\n');
    // The embedded what-if's calibrate suggestion (its contract: an apply-threshold event).
    await page.locator('tw-whatif').evaluate((whatif) =>
      whatif.dispatchEvent(
        new CustomEvent('apply-threshold', {
          detail: { tier: 'key', threshold: 72 },
          bubbles: true,
          composed: true,
        }),
      ),
    );
    await expect.poll(() => editorText(page)).toContain('      minScore: 72\n');
    expect(await page.getByRole('slider', { name: 'Key threshold' }).inputValue()).toBe('72');
    // The histogram under the sliders is the server's answer for the draft.
    await expect
      .poll(() => page.getByRole('img', { name: /Score histogram of [\d,]+ customers/ }).count())
      .toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.locator('.cm-content').waitFor();
    const yaml = await codeMirrorText(page);
    expect(yaml).toContain('      minScore: 85');
    expect(yaml).toContain(
      '      # 表1: 高价值（年消费 ≥ 50万）、高潜力（行业头部）、高忠诚度（复购率 ≥ 80%）',
    );
    expect(yaml).toContain('# Seed 004 — 客户关系分等级服务标准模板');
    expect(await axeViolations(page)).toEqual([]);

    // Unsaved: leaving by a nav link or by a changed address (back button, typed) asks; "stay"
    // keeps the editor and its address, "leave" goes.
    const asked: string[] = [];
    let answer = false;
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void (answer ? dialog.accept() : dialog.dismiss());
    });
    await page.getByRole('navigation').getByRole('link', { name: 'Review' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('not saved');
    expect(page.url()).toContain(`#/policies/${POLICY}/edit`);
    expect(await page.getByRole('heading', { name: `Edit ${POLICY}` }).count()).toBe(1);
    answer = true;
    await page.evaluate(`location.hash = '#/policies'`);
    await expect.poll(() => asked.length).toBe(2);
    await expect.poll(() => page.getByRole('heading', { name: `Edit ${POLICY}` }).count()).toBe(0);
    await page.close();
  });

  it('the YAML view completes from the schema and underlines a typo where the diagnostic says', async () => {
    const page = await openEditor('?view=yaml');
    const content = page.locator('.cm-content');
    await content.waitFor();
    const lines = (await codeMirrorText(page)).split('\n');
    // The blank line after metadata.owner: type a key there, as an analyst would.
    const blank = lines.findIndex((l) => l.startsWith('  owner:')) + 1;
    expect(lines[blank]).toBe('');
    await content.locator('.cm-line').nth(blank).click();
    await page.keyboard.type('clas');
    // Completion answers once CodeMirror's parse reaches the cursor; on a loaded machine the typing
    // can outrun it and no list opens, and an analyst then asks for one (Ctrl-Space), as this does.
    const list = page.locator('.cm-tooltip-autocomplete');
    await expect
      .poll(async () => {
        if (!(await list.isVisible())) await page.keyboard.press('Control+Space');
        return list.textContent({ timeout: 2000 }).catch(() => '');
      })
      .toContain('classifiers');
    await page.keyboard.press('Escape');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');

    await page.keyboard.type('  ownr: typo');
    await page.keyboard.press('Escape');
    const mark = page.locator('.cm-lintRange-error');
    await expect.poll(() => mark.allTextContents()).toEqual(['ownr']);
    const where = await mark.evaluate((span) => {
      const line = span.closest('.cm-line')!;
      const range = span.ownerDocument.createRange();
      range.setStart(line, 0);
      range.setEnd(span, 0);
      return {
        line: [...line.parentElement!.children].indexOf(line) + 1,
        column: range.toString().length + 1,
      };
    });
    expect(where).toEqual({ line: blank + 1, column: 3 });
    // The list beside the editor says the same place: file:line:column, as the CLI prints it.
    await expect
      .poll(() => page.getByRole('alert', { name: 'Problems' }).first().textContent())
      .toMatch(new RegExp(`TW0101 .*:${where.line}:${where.column} unknown property 'ownr'`));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('save and submit: the draft becomes a change request in review, linked from the editor', async () => {
    const page = await openEditor();
    const actions = page.getByRole('region', { name: 'Save and submit' });
    // A draft the server finds wrong is answered with its diagnostics, shown where one saves.
    await page.getByRole('textbox', { name: 'Effective from' }).fill('someday');
    await page.getByRole('textbox', { name: 'Effective from' }).press('Tab');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => actions.getByRole('alert').textContent()).toMatch(/TW\d{4}/);
    await page.getByRole('textbox', { name: 'Effective from' }).fill('2026-01-01T00:00:00+08:00');
    await page.getByRole('slider', { name: 'VIP threshold' }).fill('85');
    await page.getByRole('textbox', { name: 'Version' }).fill('1.1.0');
    await page.getByRole('textbox', { name: 'Version' }).press('Tab');
    await expect.poll(() => page.getByText('Unsaved changes').count()).toBe(1);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    const link = page.getByRole('link', { name: /^cr-/ });
    await link.waitFor();
    const id = (await link.textContent())!.trim();
    expect(await link.getAttribute('href')).toBe(`#/review/${id}`);
    const answer = await fetch(`${server.url}/v1/change-requests/${id}`, {
      headers: { authorization: `Bearer ${server.tokens['demo-hq-analyst']}` },
    });
    const cr = (await answer.json()) as { state: string; content: string; policy: string };
    expect(cr).toMatchObject({ state: 'in_review', policy: POLICY });
    expect(cr.content).toContain('      minScore: 85\n');
    expect(cr.content).toContain('  version: 1.1.0\n');
    expect(cr.content).toContain('  effectiveFrom: 2026-01-01T00:00:00+08:00\n');
    expect(cr.content).toContain('# Seed 004 — 客户关系分等级服务标准模板');
    expect(await page.getByText('Unsaved changes').count()).toBe(0);
    await page.close();
  });
});
