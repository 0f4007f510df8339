import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import type { ServerEnv } from './env.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * The editor's files (ui/build.mjs writes them to dist/ui), read once at start and kept in memory
 * with their gzip. A request can only name a file of that list, so no path reaches the disk.
 */
export function loadUiAssets(dir: string): Map<string, Asset> | undefined {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const assets = new Map<string, Asset>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const type = TYPES[name.slice(name.lastIndexOf('.'))];
        if (!type) continue;
        const body = readFileSync(path);
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
        assets.set(relative(dir, path).split(sep).join('/'), { type, body, gzip: gzipSync(body), etag });
      }
    }
  };
  walk(dir);
  return assets;
}

/** Where the build puts the editor: dist/ui beside dist/server, also when running from src. */
export function defaultUiDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const built = join(here, '..', 'ui');
  return existsSync(join(built, 'index.html')) ? built : join(here, '..', '..', 'dist', 'ui');
}

/** `/` answers the editor's page; `/ui/*` its scripts, cached for good (their names carry their hash). */
export function serveUi(app: Hono<ServerEnv>, assets: Map<string, Asset>): void {
  const send = (
    asset: Asset,
    acceptEncoding: string | undefined,
    ifNoneMatch: string | undefined,
    immutable: boolean,
  ) => {
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      ETag: asset.etag,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    };
    if (ifNoneMatch === asset.etag) return new Response(null, { status: 304, headers });
    if (acceptEncoding?.includes('gzip')) {
      headers['Content-Encoding'] = 'gzip';
      return new Response(asset.gzip, { headers });
    }
    return new Response(asset.body, { headers });
  };
  const index = assets.get('index.html')!;
  app.get('/', (c) => {
    const response = send(index, c.req.header('accept-encoding'), c.req.header('if-none-match'), false);
    // The page runs only our own scripts and talks only to this server.
    response.headers.set(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
    );
    return response;
  });
  app.get('/ui/*', (c, next) => {
    const asset = assets.get(c.req.path.slice('/ui/'.length));
    if (!asset || c.req.path.endsWith('.html')) return next();
    return send(asset, c.req.header('accept-encoding'), c.req.header('if-none-match'), true);
  });
}
