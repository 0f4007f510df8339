import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Code } from '../diagnostics/codes.js';
import { systemReason } from '../diagnostics/system-error.js';
import { msg, type Text } from '../i18n/text.js';
import { decodePolicyBytes } from './parse.js';

/**
 * Where a variant's base (`metadata.extends`) may be read from. A policy can come from a pull
 * request, and its checks run in CI next to the runner's files: `extends: /etc/passwd` or
 * `../../.ssh/x` must not be read, and what is read must not reach a message unless it is a policy.
 */

/** Folders, separated as in PATH, that replace the policy root; for bases kept outside the repository. */
export const POLICY_ROOT_ENV = 'TIERWISE_POLICY_ROOT';

/**
 * The policy root of the policy at `policyPath`: the folders in $TIERWISE_POLICY_ROOT when it is
 * set, else the repository the policy is in (the nearest folder above it that holds `.git`),
 * else the policy's own folder. Real paths, so that a symbolic link cannot lead out of them.
 */
export async function policyRoots(
  policyPath: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const listed = (env[POLICY_ROOT_ENV] ?? '').split(delimiter).filter((p) => p.trim() !== '');
  if (listed.length > 0) return Promise.all(listed.map((p) => realOrSame(resolve(p))));
  const folder = await realOrSame(dirname(resolve(policyPath)));
  for (let dir = folder; ; dir = dirname(dir)) {
    if (
      await stat(join(dir, '.git')).then(
        () => true,
        () => false,
      )
    )
      return [dir];
    if (dirname(dir) === dir) return [folder];
  }
}

/** How a root is named in messages: with a trailing separator, as a folder. */
export const shownRoot = (root: string) => (root.endsWith(sep) ? root : root + sep);

export type BaseRead =
  | { text: string }
  | { refused: Code; message: Text; help?: Text }
  /** A base that may be read but cannot be: missing, unreadable, too large, not UTF-8. */
  | { unreadable: Text };

const BASE_NAME = /\.ya?ml$/i;

/**
 * Reads the base `name` of the variant at `variantPath` if it is a YAML file inside one of the
 * roots; `shown` is how messages name it. Nothing outside the roots is opened, and what is
 * refused is refused for its name or kind, never for (or with) its content.
 */
export async function readBase(
  name: string,
  shown: string,
  variantPath: string,
  roots: readonly string[],
  maxBytes: number,
): Promise<BaseRead> {
  const realRoots = await Promise.all(roots.map(realOrSame));
  const refusedHelp = msg('parse.baseRefusedHelp');
  // Node refuses a path with NUL in an internal message; the name itself is not worth showing.
  if (name.includes('\0')) return { refused: 'TW0011', message: msg('parse.baseNameNul'), help: refusedHelp };
  const outside: BaseRead = {
    refused: 'TW0010',
    message: msg('parse.baseOutsideRoot', { file: shown, roots: roots.map(shownRoot) }),
    help: msg('parse.baseOutsideRootHelp', { env: POLICY_ROOT_ENV }),
  };
  const path = resolve(dirname(variantPath), name);
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    return isInsideAny(path, roots) || isInsideAny(path, realRoots)
      ? { unreadable: systemReason(error) }
      : outside;
  }
  if (!isInsideAny(target, realRoots)) return outside;
  if (!BASE_NAME.test(name) || !BASE_NAME.test(basename(target)))
    return { refused: 'TW0011', message: msg('parse.baseNotYaml', { file: shown }), help: refusedHelp };
  // Non-blocking, so that a FIFO is not waited on before fstat tells what it is.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(target, flags);
    const info = await handle.stat();
    if (!info.isFile()) {
      const kind = info.isDirectory()
        ? 'directory'
        : info.isFIFO()
          ? 'fifo'
          : info.isCharacterDevice() || info.isBlockDevice()
            ? 'device'
            : info.isSocket()
              ? 'socket'
              : 'other';
      return {
        refused: 'TW0011',
        message: msg('parse.baseNotRegular', { file: shown, kind }),
        help: refusedHelp,
      };
    }
    if (info.size > maxBytes)
      return { unreadable: msg('parse.tooLarge', { size: info.size, limit: maxBytes }) };
    const decoded = decodePolicyBytes(await handle.readFile(), shown, maxBytes);
    if (decoded.text === undefined) {
      const first = decoded.diagnostics[0];
      return { unreadable: first?.i18n?.message ?? msg('parse.unknownError') };
    }
    if (!declaresPolicy(decoded.text))
      return { refused: 'TW0011', message: msg('parse.baseNotPolicy', { file: shown }), help: refusedHelp };
    return { text: decoded.text };
  } catch (error) {
    return { unreadable: systemReason(error) };
  } finally {
    await handle?.close();
  }
}

function isInsideAny(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const rest = relative(root, path);
    return rest === '' || !(rest === '..' || rest.startsWith(`..${sep}`) || isAbsolute(rest));
  });
}

/**
 * Whether a text says it is a tierwise policy, in block or flow (JSON) style. Only a file that
 * does has its findings shown: the findings of any other file would quote its lines.
 */
function declaresPolicy(text: string): boolean {
  return /(?:^|[{,\s])["']?apiVersion["']?[ \t]*:[ \t]*["']?tierwise\/v1\b/m.test(text);
}

async function realOrSame(path: string): Promise<string> {
  return realpath(path).catch(() => path);
}
