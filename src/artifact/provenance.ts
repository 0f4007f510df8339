import { execFile } from 'node:child_process';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import type { BuildTimeSource } from './manifest.js';

/**
 * The fallback when nothing says when the sources were made. Never "now": a clock reading would
 * make two builds of the same files differ, which is the one thing an artifact must not do.
 */
export const FIXED_EPOCH = new Date(0);

export interface GitState {
  commit: string;
  /** Any packed file differs from HEAD (modified, staged, untracked or ignored). */
  dirty: boolean;
  /** HEAD's committer time. */
  time: Date;
}

export interface BuildTime {
  time: Date;
  source: BuildTimeSource;
  diagnostics: Diagnostic[];
}

/**
 * When the artifact says it was built. In order: --time (the user said so), SOURCE_DATE_EPOCH
 * (the reproducible-builds.org convention CI systems set), HEAD's commit time when every packed
 * file is committed, else the fixed epoch with a warning.
 */
export function chooseBuildTime(flag: string | undefined, env: NodeJS.ProcessEnv, git?: GitState): BuildTime {
  if (flag !== undefined) {
    const time = parseTime(flag);
    if (!time)
      return {
        time: FIXED_EPOCH,
        source: 'none',
        diagnostics: [
          diagnostic('TW1002', msg('artifact.badTime', { value: flag }), {
            help: msg('artifact.badTimeHelp'),
          }),
        ],
      };
    return { time, source: 'flag', diagnostics: [] };
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch))
      return {
        time: FIXED_EPOCH,
        source: 'none',
        diagnostics: [
          diagnostic('TW1002', msg('artifact.badEpoch', { value: epoch }), {
            help: msg('artifact.badEpochHelp'),
          }),
        ],
      };
    return { time: new Date(Number(epoch) * 1000), source: 'SOURCE_DATE_EPOCH', diagnostics: [] };
  }
  if (git && !git.dirty) return { time: git.time, source: 'git', diagnostics: [] };
  return {
    time: FIXED_EPOCH,
    source: 'none',
    diagnostics: [
      diagnostic('TW1015', msg('artifact.noBuildTime', { time: FIXED_EPOCH.toISOString() }), {
        help: msg(git ? 'artifact.noBuildTimeDirtyHelp' : 'artifact.noBuildTimeHelp'),
      }),
    ],
  };
}

/** ISO 8601 with a zone, or whole seconds since 1970; sub-second parts are dropped (tar keeps seconds). */
function parseTime(text: string): Date | undefined {
  if (/^\d{1,12}$/.test(text)) return new Date(Number(text) * 1000);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(Math.floor(ms / 1000) * 1000);
}

/** HEAD of the git work tree holding `dir`, or undefined outside git (or without git installed). */
export async function gitState(dir: string, files: readonly string[]): Promise<GitState | undefined> {
  const head = await git(dir, ['log', '-1', '--format=%H %ct']);
  const match = head && /^([0-9a-f]{40,64}) (\d+)$/.exec(head.trim());
  if (!match) return undefined;
  const status = await git(dir, [
    'status',
    '--porcelain',
    '--untracked-files=all',
    '--ignored=matching',
    '--',
    ...files,
  ]);
  return {
    commit: match[1]!,
    dirty: status === undefined || status.trim() !== '',
    time: new Date(Number(match[2]) * 1000),
  };
}

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 10_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) =>
      resolve(error ? undefined : stdout),
    );
  });
}
