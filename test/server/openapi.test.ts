import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ServerApp } from '../../src/server/app.js';
import { honoPath } from '../../src/server/route.js';
import { fixtureDeps, json } from './fixture-deps.js';

let server: ServerApp;
let doc: { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
beforeAll(async () => {
  server = createApp(await fixtureDeps());
  const res = await server.app.request('/openapi.json');
  expect(res.status).toBe(200);
  doc = await json(res);
});

/** `/v1/decisions/:id` as OpenAPI writes it. */
const openApiPath = (path: string) => path.replace(/:([^/]+)/g, '{$1}');

describe('/openapi.json', () => {
  it('is OpenAPI 3.1 and describes every route the app registered, and nothing else', () => {
    expect(doc.openapi).toBe('3.1.0');
    const registered = server.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${openApiPath(r.path)}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(registered.length).toBeGreaterThanOrEqual(9);
    expect(documented).toEqual(registered);
  });

  it('notices a route registered behind the table’s back', async () => {
    const extra = createApp(await fixtureDeps());
    extra.app.get('/v1/hidden', (c) => c.text('x'));
    const documented = Object.keys((await json(await extra.app.request('/openapi.json'))).paths);
    const missing = extra.app.routes
      .filter((r) => r.method !== 'ALL')
      .filter((r) => !documented.includes(openApiPath(r.path)));
    expect(missing.map((r) => r.path)).toEqual(['/v1/hidden']);
  });

  it('gives each request body the schema that validates it, usable as JSON Schema', () => {
    const ajv = new Ajv({ strict: false });
    for (const route of server.routes) {
      const op = doc.paths[route.path]![route.method]!;
      expect(op.operationId).toBe(route.operationId);
      expect(honoPath(route.path)).not.toContain('{');
      const content = (op.requestBody as { content: Record<string, { schema: object }> } | undefined)
        ?.content;
      if (route.request?.json) {
        const schema = content!['application/json']!.schema;
        expect(schema).toEqual(JSON.parse(JSON.stringify(route.request.json)));
        expect(() => ajv.compile(schema)).not.toThrow();
      }
      const security = op.security as unknown[] | undefined;
      expect(route.role === 'public' ? security : op['x-role']).toEqual(
        route.role === 'public' ? [] : route.role,
      );
    }
  });
});

describe('/docs', () => {
  it('is a page listing every operation, with nothing loaded from elsewhere', async () => {
    const res = await server.app.request('/docs');
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const route of server.routes)
      expect(html).toContain(`<code>${route.method.toUpperCase()} ${route.path}</code>`);
    expect(html).not.toMatch(/<script|src="http|href="http/);
  });
});
