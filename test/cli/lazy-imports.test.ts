import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What a command loads before it runs, read from the import statements: `tierwise --version`
 * and `--help` should cost little more than starting Node (see `npm run bench -- --suite
 * startup`), so the option definitions may import only what the options list, and each command
 * loads its implementation (commands/<cmd>/run.ts) when it runs.
 */

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** The modules a file imports at run time: `import type` and dynamic `import()` are left out. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+'([^']+)'/gms)) {
    const [, typeOnly, clause = '', specifier = ''] = m;
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    const allTypes =
      names !== undefined &&
      !clause.replace(/\{[^}]*\}/, '').match(/\w/) &&
      names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith('type '));
    if (!typeOnly && !allTypes) out.push(specifier);
  }
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) out.push(m[1]!);
  return out;
}

/** Every source module and npm package reached from `entry` through run-time imports. */
function reached(entry: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
        if (existsSync(target)) visit(target);
      } else if (!specifier.startsWith('node:')) {
        packages.add(
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!,
        );
      }
    }
  };
  visit(resolve(SRC, entry));
  return { modules: [...modules].map((m) => relative(SRC, m)).sort(), packages: [...packages].sort() };
}

describe('what the CLI loads at start', () => {
  it('loads commander and the option definitions only, for --version, --help and before any command runs', () => {
    const { modules, packages } = reached('cli/bin.ts');
    expect(packages).toEqual(['commander']);
    // The option lists the commands offer live in small modules apart from what renders them.
    const library = modules.filter((m) => !m.startsWith('cli/'));
    expect(library).toEqual([
      'artifact/key-env.ts',
      'data/errors.ts',
      'data/types.ts',
      'engine/allowance.ts',
      // help and usage errors in the reader's language: the one catalogue area they need, not all
      'i18n/en/cliHelp.ts',
      'i18n/language.ts',
      'i18n/zh-CN/cliHelp.ts',
      'profile/types.ts',
      'report/formats.ts',
      'sql/dialect-names.ts',
      'testing/report/formats.ts',
      'version.ts',
    ]);
    expect(modules.filter((m) => m.includes('/run.ts') || m.startsWith('cli/commands/data/'))).toEqual([]);
  });

  it('checks a policy without ajv, TypeBox, the engine or the renderers of other commands', () => {
    const { modules, packages } = reached('cli/commands/check/run.ts');
    // jsep reads derived facts' expressions: a few kilobytes, and check must read them.
    expect(packages).toEqual(['jsep', 'picocolors', 'yaml']);
    // The message catalogues are small and every finding is worded through them.
    expect(
      modules.filter((m) => !/^(cli\/|diagnostics\/|format\/|i18n\/|policy\/|util\/|version\.ts)/.test(m)),
    ).toEqual([]);
    expect(modules).not.toContain('policy/schema/json-schema.ts');
  });

  it('serves the registry and its API without DuckDB or pg until a request needs them', () => {
    // registry-crash.test.ts restarts its server many times; a SQLite registry never needs pg.
    const { packages } = reached('cli/commands/serve/run.ts');
    expect(packages).not.toContain('@duckdb/node-api');
    expect(packages).not.toContain('pg');
  });

  it('evaluates, simulates and compares on the JavaScript path without loading DuckDB', () => {
    // Its bindings were 0.4 CPU-s of every small eval: the DuckDB engine loads them when it runs.
    for (const entry of [
      'cli/commands/eval/run.ts',
      'cli/commands/simulate/run.ts',
      'cli/commands/diff/run.ts',
    ])
      expect(reached(entry).packages, entry).not.toContain('@duckdb/node-api');
  });
});
