import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The part of @gorules/zen-engine the bench uses; its own typings say `any` for contexts and results. */
export interface ZenModule {
  ZenEngine: new () => ZenEngine;
  evaluateExpressionSync(expression: string, context: object): unknown;
}

interface ZenEngine {
  createDecision(content: object): ZenDecision;
  dispose(): void;
}

export interface ZenDecision {
  evaluate(context: object): Promise<{ result: unknown }>;
}

export const ZEN_PACKAGE = '@gorules/zen-engine@0.54.0';
// A variable, so that TypeScript does not look for the package: it is not a dependency.
const SPECIFIER = '@gorules/zen-engine';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * zen-engine, installed on demand: it stays out of package.json because the registry here lacks
 * its other platforms' builds, which `npm ci` requires. Returns why it is unavailable otherwise.
 */
export async function loadZen(): Promise<ZenModule | string> {
  const first = await importZen();
  if (typeof first !== 'string') return first;
  process.stderr.write(`bench: installing ${ZEN_PACKAGE} for the peer comparison (not saved)…\n`);
  const install = spawnSync('npm', ['install', '--no-save', '--no-package-lock', ZEN_PACKAGE], {
    cwd: ROOT,
    // npm's output goes to stderr so that --json output stays parseable
    stdio: ['ignore', 2, 2],
    timeout: 300_000,
  });
  if (install.status !== 0)
    return `npm install ${ZEN_PACKAGE} failed (${install.error?.message ?? `exit ${install.status}`})`;
  return importZen();
}

async function importZen(): Promise<ZenModule | string> {
  try {
    const loaded: unknown = await import(SPECIFIER);
    if (isZen(loaded)) return loaded;
    return `${SPECIFIER} does not export ZenEngine and evaluateExpressionSync`;
  } catch (error) {
    return `${SPECIFIER} cannot be loaded: ${(error as Error).message.split('\n')[0]}`;
  }
}

function isZen(value: unknown): value is ZenModule {
  const module = value as Partial<ZenModule> | undefined;
  return typeof module?.ZenEngine === 'function' && typeof module.evaluateExpressionSync === 'function';
}
