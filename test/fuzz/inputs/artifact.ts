import { gzipSync } from 'node:zlib';
import type { Base } from '../base.js';
import { AS_OF, type Draft } from '../case.js';
import type { Rng } from '../rng.js';
import { mutateBytes } from './text.js';

/** A ustar header written by hand, so entries can lie about their size, type and name. */
function tarEntry(
  name: string,
  body: Uint8Array,
  options: { type?: string; size?: number; link?: string } = {},
): Buffer {
  const header = Buffer.alloc(512);
  header.write(name.slice(0, 100), 0, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${(options.size ?? body.byteLength).toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write(options.type ?? '0', 156);
  header.write((options.link ?? '').slice(0, 100), 157);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const padded = Buffer.alloc(Math.ceil(body.byteLength / 512) * 512);
  Buffer.from(body).copy(padded);
  return Buffer.concat([header, padded]);
}

/** The commands that open an artifact, pointed at `@a.tierpkg.tgz`. */
function artifactCommand(rng: Rng, key: string[]): string[] {
  const data = [
    '--data',
    '@customers.csv',
    '--transactions',
    '@transactions.csv',
    ...AS_OF,
    '--allow-untiered',
    'all',
  ];
  return rng.pick<string[]>([
    ['verify', '@a.tierpkg.tgz', ...key],
    ['verify', '@a.tierpkg.tgz', ...key, '--format', rng.pick(['json', 'sarif', 'github'])],
    ['eval', '--policy', '@a.tierpkg.tgz', ...key, ...data],
    ['simulate', '--policy', '@a.tierpkg.tgz', ...key, ...data],
    ['data', 'profile', '--policy', '@a.tierpkg.tgz', ...key, ...data],
  ]);
}

/**
 * A built artifact damaged at the byte level, or a tarball crafted from scratch with entries
 * that climb out, link elsewhere, lie about their size or repeat.
 */
export function hostileArtifact(rng: Rng, base: Base, artifact: Uint8Array): Draft {
  let bytes: Uint8Array;
  if (rng.chance(0.5)) bytes = mutateBytes(artifact, rng);
  else {
    const policy = Buffer.from(rng.pick(base.policies).text);
    const manifest = Buffer.from(
      rng.pick([
        '{}',
        'null',
        '[]',
        '{"__proto__":{"x":1}}',
        JSON.stringify({
          format: 'tierwise-artifact/v1',
          policies: [{ id: 'x', version: '1.0.0', path: '../../etc/passwd', extends: [] }],
          files: {},
        }),
        JSON.stringify({
          format: 'tierwise-artifact/v1',
          policies: [],
          files: { 'policy/p.tier.yaml': { sha256: 'x'.repeat(64), bytes: -1 } },
        }),
        `{"a":${'['.repeat(50_000)}`,
      ]),
    );
    const entries = [
      tarEntry('manifest.json', manifest),
      tarEntry(
        rng.pick([
          'policy/p.tier.yaml',
          '../p.tier.yaml',
          '/etc/p.tier.yaml',
          'policy/../../p.tier.yaml',
          'policy/p.tier.yaml\u0000x',
        ]),
        policy,
      ),
    ];
    if (rng.chance(0.3))
      entries.push(
        tarEntry('policy/link.tier.yaml', new Uint8Array(), {
          type: rng.pick(['1', '2', '3', '5', '6']),
          link: '/etc/passwd',
        }),
      );
    if (rng.chance(0.3))
      entries.push(
        tarEntry('policy/big.tier.yaml', new Uint8Array(16), { size: rng.pick([2 ** 33 - 1, 10 ** 9, 0]) }),
      );
    if (rng.chance(0.3)) entries.push(tarEntry('manifest.json', manifest));
    bytes = gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]));
  }
  const key = rng.pick<string[]>([[], ['--key', '@@public'], ['--key', '@@private'], ['--key', '@key.pem']]);
  return {
    kind: 'artifact',
    args: artifactCommand(rng, key),
    files: {
      'a.tierpkg.tgz': bytes,
      'key.pem': rng.pick([
        '',
        '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n',
        'x'.repeat(70_000),
      ]),
      'customers.csv': base.customers.join('\n'),
      'transactions.csv': base.transactions.join('\n'),
    },
  };
}

/** Keys that are not keys: garbage, the wrong algorithm, a directory, a FIFO, an endless device. */
export function hostileKey(rng: Rng, base: Base): Draft {
  const pem = rng.pick<Uint8Array | string>([
    '',
    '\u0000',
    '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n',
    '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----\n',
    // An RSA public key (the wrong algorithm).
    '-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAL2hbAl6Wz8e4ylHBGyK2zVQF0BFt3fn\nsZkJ3W3NVE12tffX6xYIc6XC6hFCtBBVVI6PSvyDOKQnLJI0rkV1ndkCAwEAAQ==\n-----END PUBLIC KEY-----\n',
    rng.bytes(rng.int(1, 2000)),
    'x'.repeat(65 * 1024),
  ]);
  const where = rng.pick([
    '@key.pem',
    '@key.pem',
    '@@dir',
    '@@fifo',
    '/dev/zero',
    '/dev/null',
    '@missing.pem',
  ]);
  const args = rng.pick<string[]>([
    ['verify', '@@artifact', '--key', where],
    [
      'eval',
      '--policy',
      '@@artifact',
      '--key',
      where,
      '--data',
      '@customers.csv',
      '--transactions',
      '@transactions.csv',
      ...AS_OF,
    ],
    ['build', '@p.tier.yaml', '--sign', where, '--out', '@out.tierpkg.tgz'],
    ['keygen', '--out', rng.pick(['@k', '@@dir', '@missing/dir/k', '@k\u0000x', '/proc/k'])],
  ]);
  return {
    kind: 'key',
    args,
    files: {
      'key.pem': pem,
      'p.tier.yaml': rng.pick(base.policies).text,
      'customers.csv': base.customers.join('\n'),
      'transactions.csv': base.transactions.join('\n'),
    },
  };
}
