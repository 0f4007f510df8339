import { Type } from '@sinclair/typebox';
import { escapeHtml } from '../../report/html-escape.js';
import { openApiDocument } from '../openapi.js';
import type { Route } from '../route.js';

const openapi: Route = {
  method: 'get',
  path: '/openapi.json',
  operationId: 'openapi',
  summary: 'This document: every endpoint, its schemas, and the role it needs',
  tag: 'documentation',
  role: 'public',
  responses: { 200: { description: 'the OpenAPI 3.1 document', schema: Type.Object({}) } },
  handle: (c, _input, { routes }) => c.json(openApiDocument(routes)),
};

const docs: Route = {
  method: 'get',
  path: '/docs',
  operationId: 'docs',
  summary: 'The endpoints as a page to read (no script, nothing fetched from elsewhere)',
  tag: 'documentation',
  role: 'public',
  responses: { 200: { description: 'an HTML page', contentType: 'text/html' } },
  handle: (c, _input, { routes }) => c.html(docsPage(routes)),
};

export const docsRoutes: Route[] = [openapi, docs];

/** The route table as a page: method, path, role, summary, and the request's JSON Schema. */
export function docsPage(routes: readonly Route[]): string {
  const tags = [...new Set(routes.map((r) => r.tag))];
  const section = (tag: string) => {
    const items = routes
      .filter((r) => r.tag === tag)
      .map((r) => {
        const body = r.request
          ? `<details><summary>request: ${escapeHtml(
              [
                ...(r.request.json ? ['application/json'] : []),
                ...(r.request.text ?? []),
                ...(r.request.stream ?? []),
              ].join(', '),
            )}</summary>${
              r.request.json ? `<pre>${escapeHtml(JSON.stringify(r.request.json, null, 2))}</pre>` : ''
            }</details>`
          : '';
        const statuses = Object.entries(r.responses)
          .map(([status, response]) => `<li><code>${status}</code> ${escapeHtml(response.description)}</li>`)
          .join('');
        return `<li id="${escapeHtml(r.operationId)}"><h3><code>${r.method.toUpperCase()} ${escapeHtml(r.path)}</code> <small>${escapeHtml(r.role)}</small></h3><p>${escapeHtml(r.summary)}</p>${r.description ? `<p>${escapeHtml(r.description)}</p>` : ''}${body}<ul>${statuses}</ul></li>`;
      })
      .join('\n');
    return `<section><h2>${escapeHtml(tag)}</h2><ul class="ops">${items}</ul></section>`;
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tierwise API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code,pre{font:13px ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto}ul.ops{list-style:none;padding:0}ul.ops>li{border-top:1px solid #ddd;padding:.5rem 0}small{color:#666}</style>
</head><body><h1>tierwise API</h1>
<p>Every endpoint but these pages takes <code>Authorization: Bearer &lt;secret&gt;</code>; errors are <code>{ "diagnostics": [...] }</code>. The machine-readable description is <a href="/openapi.json">/openapi.json</a>.</p>
${tags.map(section).join('\n')}
</body></html>
`;
}
