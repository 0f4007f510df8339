import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDiagnostics } from '../../src/diagnostics/render/index.js';
import { checkPolicyText } from '../../src/policy/check.js';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { fixtureDeps, json, POLICIES, VIEWER } from './fixture-deps.js';

let server: ServerApp;
beforeAll(async () => {
  server = createApp(await fixtureDeps());
});

const BROKEN = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: broken
  version: 1.0.0
facts:
  spend: { type: number }
  id: { type: string, key: true }
dimensions:
  value:
    weight: 100
    metrics:
      - fact: spnd
        weight: 100
        points: [ { atLeast: 0, points: 10 } ]
tiers:
  method: thresholds
  levels: [ { id: a, minScore: 0 } ]
`;

describe('POST /v1/validate', () => {
  it('gives what `tierwise check --format json` gives, line:column included', async () => {
    const res = await server.app.request('/v1/validate', {
      method: 'POST',
      body: JSON.stringify({ content: BROKEN, fileName: 'broken.tier.yaml' }),
      headers: { 'content-type': 'application/json', ...VIEWER },
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    const checked = checkPolicyText(BROKEN, 'broken.tier.yaml');
    const cli = JSON.parse(
      renderDiagnostics('json', {
        diagnostics: checked.diagnostics,
        sources: checked.sources,
        files: ['broken.tier.yaml'],
      }),
    );
    expect(body).toEqual(cli);
    expect(body.summary.errors).toBeGreaterThan(0);
    const [first] = body.diagnostics;
    expect([first.code, first.range.start, first.pointer]).toEqual([
      'TW0102',
      { line: 13, column: 7 },
      '/dimensions/value/metrics',
    ]);
  });

  it('reads the YAML itself as a text/yaml body', async () => {
    const text = readFileSync(join(POLICIES, 'seed004-scorecard.tier.yaml'), 'utf8');
    const res = await server.app.request('/v1/validate', {
      method: 'POST',
      body: text,
      headers: { 'content-type': 'text/yaml; charset=utf-8', ...VIEWER },
    });
    const body = await json(res);
    expect(body.files).toEqual(['policy.tier.yaml']);
    expect(body.summary.errors).toBe(0);
  });

  it('reports a YAML syntax error at its place, in Chinese when asked', async () => {
    const res = await server.app.request('/v1/validate', {
      method: 'POST',
      body: 'apiVersion: tierwise/v1\nkind: [TierPolicy\n',
      headers: { 'content-type': 'application/yaml', 'accept-language': 'zh-CN', ...VIEWER },
    });
    const [d] = (await json(res)).diagnostics;
    expect(d.code).toBe('TW0004');
    expect(d.range.start.line).toBeGreaterThanOrEqual(2);
    expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports a variant alone as a fragment until the registry resolves its base', async () => {
    const text = readFileSync(join(POLICIES, 'retail-scorecard.tier.yaml'), 'utf8');
    const res = await server.app.request('/v1/validate', {
      method: 'POST',
      body: JSON.stringify({ content: text }),
      headers: { 'content-type': 'application/json', ...VIEWER },
    });
    expect((await json(res)).diagnostics.map((d: { code: string }) => d.code)).toContain('TW0505');
  });

  it('refuses a file name with a path in it', async () => {
    const res = await server.app.request('/v1/validate', {
      method: 'POST',
      body: JSON.stringify({ content: 'a: 1', fileName: '../../etc/passwd' }),
      headers: { 'content-type': 'application/json', ...VIEWER },
    });
    expect(res.status).toBe(400);
    expect((await json(res)).diagnostics[0].pointer).toBe('/fileName');
  });
});
