// Bundles the editor (ui/src) into dist/ui: one small entry for the first screen, the rest in
// chunks loaded when a view needs them (esbuild's splitting). Run by `npm run build` and so by
// `npm ci` (prepare). `--watch` rebuilds on change while developing.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'ui');
const watch = process.argv.includes('--watch');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** Every import of a stubbed package, subpaths included, resolved to its stand-in in ui/stubs. */
function stubs() {
  const stub = { shiki: 'shiki.ts', '@shikijs/markdown-it': 'shiki.ts', 'markdown-it': 'markdown-it.ts' };
  return {
    name: 'stubs',
    setup(b) {
      b.onResolve({ filter: /^(shiki|@shikijs\/markdown-it|markdown-it)(\/|$)/ }, (args) => {
        const name = Object.keys(stub).find((n) => args.path === n || args.path.startsWith(`${n}/`));
        return { path: join(here, 'stubs', stub[name]) };
      });
    },
  };
}

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: { app: join(here, 'src', 'main.ts') },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  legalComments: 'none',
  tsconfig: join(here, 'tsconfig.json'),
  // codemirror-json-schema imports shiki and markdown-it (and their subpaths: themes, grammars)
  // to colour code in hover texts; our hovers are plain text, so the megabytes are left out.
  plugins: [stubs()],
  logLevel: 'warning',
};

function writeIndex(metafile) {
  const entry = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('main.ts'));
  if (!entry) throw new Error('ui build: no entry output');
  const script = entry[0].slice(entry[0].lastIndexOf('/') + 1);
  const html = readFileSync(join(here, 'index.html'), 'utf8').replace('%APP%', `/ui/${script}`);
  writeFileSync(join(out, 'index.html'), html);
}

if (watch) {
  const context = await esbuild.context({
    ...options,
    plugins: [
      ...options.plugins,
      { name: 'index', setup: (b) => b.onEnd((r) => r.metafile && writeIndex(r.metafile)) },
    ],
  });
  await context.watch();
} else {
  const result = await esbuild.build(options);
  writeIndex(result.metafile);
  writeFileSync(join(out, 'meta.json'), JSON.stringify(result.metafile));
}
