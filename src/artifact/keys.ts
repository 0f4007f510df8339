import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { systemError, systemReason } from '../diagnostics/system-error.js';
import { msg, type Text } from '../i18n/text.js';
import { VERIFY_KEY_ENV } from './key-env.js';

/** A PEM key is a few hundred bytes; anything much larger is not a key file. */
const MAX_KEY_BYTES = 64 * 1024;

export { VERIFY_KEY_ENV };

export type KeyResult = { key: KeyObject; diagnostics: [] } | { key?: undefined; diagnostics: Diagnostic[] };

/**
 * The verification key a command should use: the flag, else $TIERWISE_VERIFY_KEY. An empty
 * variable counts as unset, so `TIERWISE_VERIFY_KEY= tierwise …` is an explicit "no key".
 */
export function configuredVerifyKey(flag?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flag) return flag;
  const fromEnv = env[VERIFY_KEY_ENV];
  return fromEnv && fromEnv.length > 0 ? fromEnv : undefined;
}

/** An Ed25519 public key from a PEM file (a private key file is accepted: its public half is used). */
export async function readPublicKey(path: string): Promise<KeyResult> {
  const pem = await readKeyFile(path);
  if (typeof pem !== 'string') return { diagnostics: [pem] };
  try {
    return ed25519(createPublicKey(pem), path, 'public');
  } catch {
    return {
      diagnostics: [unusable(path, msg('artifact.notPublicKey'))],
    };
  }
}

export async function readPrivateKey(path: string): Promise<KeyResult> {
  const pem = await readKeyFile(path);
  if (typeof pem !== 'string') return { diagnostics: [pem] };
  try {
    return ed25519(createPrivateKey(pem), path, 'private');
  } catch {
    return {
      diagnostics: [unusable(path, msg('artifact.notPrivateKey'))],
    };
  }
}

/** What a person compares to know which key signed: sha256 of the public key's SPKI DER. */
export function keyFingerprint(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return `sha256:${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')}`;
}

export interface KeyPairFiles {
  privateKey: string;
  publicKey: string;
  fingerprint?: string;
  diagnostics: Diagnostic[];
}

/**
 * Writes a new Ed25519 key pair as `<prefix>.key.pem` (mode 0600) and `<prefix>.pub.pem`.
 * Existing files are never overwritten: losing a signing key silently is worse than an error.
 */
export async function writeKeyPair(prefix: string): Promise<KeyPairFiles> {
  const privatePath = `${prefix}.key.pem`;
  const publicPath = `${prefix}.pub.pem`;
  const pair = generateKeyPairSync('ed25519');
  const out: KeyPairFiles = { privateKey: privatePath, publicKey: publicPath, diagnostics: [] };
  const files: [string, string, number][] = [
    [privatePath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 0o600],
    [publicPath, pair.publicKey.export({ type: 'spki', format: 'pem' }) as string, 0o644],
  ];
  for (const [path] of files) {
    const exists = await open(path, 'r').then(
      (h) => h.close().then(() => true),
      () => false,
    );
    if (exists)
      out.diagnostics.push(
        diagnostic('TW0009', msg('artifact.keyExists', { path }), {
          file: path,
          help: msg('artifact.keyExistsHelp'),
        }),
      );
  }
  if (out.diagnostics.length > 0) return out;
  for (const [path, text, mode] of files) {
    try {
      const handle = await open(path, 'wx', mode);
      await handle.writeFile(text);
      await handle.close();
    } catch (error) {
      out.diagnostics.push(
        diagnostic('TW0009', msg('artifact.cannotWrite', { path, reason: systemError(error) }), {
          file: path,
        }),
      );
      return out;
    }
  }
  out.fingerprint = keyFingerprint(pair.publicKey);
  return out;
}

async function readKeyFile(path: string): Promise<string | Diagnostic> {
  try {
    // Asked before reading: a FIFO would block forever and /dev/zero never ends.
    const info = await stat(path);
    if (!info.isFile()) return unusable(path, msg('artifact.notAFile'));
    if (info.size > MAX_KEY_BYTES) return unusable(path, msg('artifact.notKeyFile', { size: info.size }));
    const bytes = await readFile(path);
    if (bytes.byteLength > MAX_KEY_BYTES)
      return unusable(path, msg('artifact.notKeyFile', { size: bytes.byteLength }));
    return bytes.toString('utf8');
  } catch (error) {
    return unusable(path, systemReason(error));
  }
}

function ed25519(key: KeyObject, path: string, kind: 'public' | 'private'): KeyResult {
  if (key.asymmetricKeyType !== 'ed25519')
    return {
      diagnostics: [unusable(path, msg('artifact.wrongKeyType', { type: key.asymmetricKeyType }))],
    };
  if (kind === 'private' && key.type !== 'private')
    return { diagnostics: [unusable(path, msg('artifact.publicForSigning'))] };
  return { key, diagnostics: [] };
}

function unusable(path: string, reason: Text): Diagnostic {
  return diagnostic('TW1012', msg('artifact.keyUnusable', { path, reason }), {
    file: path,
    help: msg('artifact.keyUnusableHelp'),
  });
}
