import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildArtifact } from '../../../src/artifact/build.js';
import { writeKeyPair } from '../../../src/artifact/keys.js';
import { loadPolicyFrom } from '../../../src/artifact/load.js';
import { canonicalJson } from '../../../src/artifact/manifest.js';
import { verifyArtifact, verifyArtifactBytes } from '../../../src/artifact/verify.js';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { type SemverDiff, semverDiff } from '../../../src/policy/changes/index.js';
import { checkPolicyText } from '../../../src/policy/check.js';
import { loadPolicy } from '../../../src/policy/load.js';
import {
  EPOCH_ENV,
  entriesOf,
  type FakeEntry,
  keyPair,
  policyTree,
  repack,
  tamperByte,
  VARIANT,
} from '../../artifact/fixtures.js';
import { edit, VALID } from '../../helpers/policy.js';

/** Findings that need files: reading them, variants and their bases, artifacts, keys. */
export interface FileCase {
  name: string;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  allowed?: string[];
}

export interface SemverCase {
  name: string;
  diff: SemverDiff;
}

const variantOf = (body: string, base = './base.tier.yaml') =>
  `apiVersion: tierwise/v1\nkind: TierPolicy\nmetadata:\n  name: retail\n  version: 1.1.0\n  extends: ${base}\n${body}`;

export async function fileCases(dir: string): Promise<FileCase[]> {
  const write = (name: string, text: string | Uint8Array) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  const cases: FileCase[] = [];
  const load = async (name: string, path: string, maxBytes?: number, allowed?: string[]) => {
    const result = await loadPolicy(path, { maxBytes });
    cases.push({ name, diagnostics: result.diagnostics, sources: result.sources, allowed });
  };
  const from = async (name: string, path: string, options: Parameters<typeof loadPolicyFrom>[1] = {}) => {
    const result = await loadPolicyFrom(path, { env: {}, ...options });
    cases.push({ name, diagnostics: result.diagnostics, sources: result.sources });
  };

  await load('missing file', join(dir, 'nowhere.tier.yaml'));
  await load('directory', dir);
  await load('too large', write('large.tier.yaml', VALID), 100);
  await load('NUL byte', write('nul.tier.yaml', Buffer.from(`${VALID}\0`)));
  await load(
    'not UTF-8',
    write('gbk.tier.yaml', Buffer.concat([Buffer.from(VALID), Buffer.from([0xc4, 0xe3])])),
  );

  write('base.tier.yaml', VALID);
  const variant = variantOf('tiers:\n  method: thresholds\n  levels:\n    - { id: vip, minScore: 85 }\n');
  cases.push({ name: 'variant alone', ...checkPolicyText(variant, 'alone.tier.yaml') });
  // Only the notice: the thousand findings before it are TW0101s the corpus already has.
  const many = checkPolicyText(
    VALID + Array.from({ length: 1002 }, (_, i) => `x_unknown_${i}: ${i}\n`).join(''),
    'many.tier.yaml',
  );
  cases.push({
    name: 'more schema findings than are shown',
    diagnostics: many.diagnostics.filter((d) => d.code === 'TW0015'),
    sources: many.sources,
  });
  await load('extends cycle', write('cycle.tier.yaml', variantOf('', './cycle.tier.yaml')));
  await load('extends missing base', write('orphan.tier.yaml', variantOf('', './gone.tier.yaml')));
  write('broken-base.tier.yaml', edit(VALID, 'weight: 30\n', 'weight: 20\n'));
  await load('extends broken base', write('on-broken.tier.yaml', variantOf('', './broken-base.tier.yaml')));
  await load(
    'variant changes what it may not',
    write(
      'forbidden.tier.yaml',
      variantOf(
        'facts:\n  spend12m: { type: integer }\ntiers:\n  method: quota\n  levels:\n    - { id: gold }\n',
      ),
    ),
  );
  for (let i = 0; i < 10; i++) write(`deep${i}.tier.yaml`, variantOf('', `./deep${i + 1}.tier.yaml`));
  write('deep10.tier.yaml', VALID);
  await load('extends too deep', join(dir, 'deep0.tier.yaml'));
  // bases that are not read, or not shown: the corpus directory is the policy root
  await load(
    'extends outside the policy root',
    write('outside.tier.yaml', variantOf('', '../elsewhere.tier.yaml')),
  );
  write('notes.txt', 'not a policy\n');
  await load('extends a text file', write('on-text.tier.yaml', variantOf('', './notes.txt')));
  mkdirSync(join(dir, 'folder.yaml'));
  await load('extends a directory', write('on-folder.tier.yaml', variantOf('', './folder.yaml')));
  await load('extends a name with NUL', write('on-nul.tier.yaml', variantOf('', '"base\\0.tier.yaml"')));
  write('settings.yaml', 'colour: blue\n');
  await load(
    'extends YAML that is not a policy',
    write('on-settings.tier.yaml', variantOf('', './settings.yaml')),
  );

  // artifacts
  const tree = policyTree();
  const keys = keyPair(dir, 'release');
  const other = keyPair(dir, 'other');
  const signedBuild = await buildArtifact([tree.variant], { env: EPOCH_ENV, signingKey: keys.privateKey });
  const signed = signedBuild.bytes!;
  const unsigned = (await buildArtifact([tree.variant], { env: EPOCH_ENV })).bytes!;
  const built = async (name: string, paths: string[], options: Parameters<typeof buildArtifact>[1]) => {
    const result = await buildArtifact(paths, options);
    cases.push({ name, diagnostics: result.diagnostics, sources: result.sources });
  };
  await built('build: nothing to pack', [join(dir, 'empty-dir-does-not-exist')], { env: EPOCH_ENV });
  mkdirSync(join(dir, 'none'), { recursive: true });
  await built('build: no policy files', [join(dir, 'none')], { env: EPOCH_ENV });
  await built('build: broken policy', [join(dir, 'broken-base.tier.yaml')], { env: EPOCH_ENV });
  write('twin/a.tier.yaml', VALID);
  write('twin/b.tier.yaml', VALID);
  await built('build: two policies one name', [join(dir, 'twin')], { env: EPOCH_ENV });
  await built('build: bad time', [tree.base], { time: 'yesterday' });
  await built('build: bad epoch', [tree.base], { env: { SOURCE_DATE_EPOCH: 'soon' } });
  await built('build: no build time', [tree.base], { env: {} });
  const repo = join(dir, 'repo');
  mkdirSync(repo);
  execFileSync('git', ['init', '-q'], { cwd: repo });
  execFileSync(
    'git',
    ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'empty'],
    { cwd: repo },
  );
  await built('build: uncommitted policy', [write('repo/p.tier.yaml', VALID)], { env: {} });
  await built('build: public key to sign', [tree.base], { env: EPOCH_ENV, signingKey: keys.publicKey });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const rsaPublic = write('rsa.pub.pem', rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string);
  await built('build: RSA key', [tree.base], {
    env: EPOCH_ENV,
    signingKey: write('rsa.key.pem', rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string),
  });
  await built('build: junk key', [tree.base], { env: EPOCH_ENV, signingKey: write('junk.pem', 'hello') });
  await built('build: missing key', [tree.base], { env: EPOCH_ENV, signingKey: join(dir, 'no.pem') });
  await built('build: huge key', [tree.base], {
    env: EPOCH_ENV,
    signingKey: write('huge.pem', Buffer.alloc(70_000, 0x61)),
  });

  const verify = async (name: string, bytes: Uint8Array, key?: string) => {
    const result = await verifyArtifactBytes(bytes, 'a.tgz', { key });
    cases.push({ name, diagnostics: result.diagnostics, sources: new Map() });
  };
  const edited = async (bytes: Uint8Array, change: (entries: FakeEntry[]) => FakeEntry[]) =>
    repack(change(await entriesOf(bytes)));
  const manifestOf = (entries: FakeEntry[]) =>
    JSON.parse(Buffer.from(entries.find((e) => e.header.name === 'manifest.json')!.bytes!).toString('utf8'));
  const withManifest = (
    bytes: Uint8Array,
    change: (manifest: Record<string, unknown>) => unknown,
    text?: (m: unknown) => string,
  ) =>
    edited(bytes, (entries) => {
      const manifest = manifestOf(entries);
      const changed = change(manifest) ?? manifest;
      return entries.map((e) =>
        e.header.name === 'manifest.json'
          ? { ...e, bytes: Buffer.from(text ? text(changed) : canonicalJson(changed)) }
          : e,
      );
    });

  await verify('verify: not checked (signed)', signed);
  await verify('verify: not checked (unsigned)', unsigned);
  await verify('verify: unsigned with a key', unsigned, keys.publicKey);
  await verify('verify: wrong key', signed, other.publicKey);
  await verify('verify: RSA key', signed, rsaPublic);
  await verify('verify: junk key', signed, join(dir, 'junk.pem'));
  await verify('verify: tampered policy', tamperByte(signed, 'minScore: 85'), keys.publicKey);
  await verify('verify: not gzip', Buffer.from('hello'));
  await verify('verify: bad gzip', Buffer.from([0x1f, 0x8b, 1, 2, 3]));
  await verify('verify: not tar', gzipSync(Buffer.from('hello world, not a tar archive at all'.repeat(30))));
  await verify('verify: gzip bomb', gzipSync(Buffer.alloc(80 * 1024 * 1024)));
  await verify(
    'verify: added file',
    await edited(signed, (e) => [
      ...e,
      { header: { name: 'policy/extra.tier.yaml', type: 'file' }, bytes: Buffer.from('x: 1\n') },
    ]),
    keys.publicKey,
  );
  await verify(
    'verify: removed file',
    await edited(signed, (e) => e.filter((x) => x.header.name !== 'policy/base/test-policy.tier.yaml')),
    keys.publicKey,
  );
  for (const name of ['../evil.tier.yaml', '/etc/passwd', 'policy\\x', 'policy//x', 'policy/\u0001x'])
    await verify(
      `verify: unsafe name ${JSON.stringify(name)}`,
      await edited(signed, (e) => [...e, { header: { name, type: 'file' }, bytes: Buffer.from('x') }]),
      keys.publicKey,
    );
  await verify(
    'verify: entry twice',
    await edited(signed, (e) => [
      ...e,
      { header: { name: 'policy/bu/test-variant.tier.yaml', type: 'file' }, bytes: Buffer.from('evil') },
    ]),
    keys.publicKey,
  );
  await verify(
    'verify: entries differing in case',
    await edited(signed, (e) => [
      ...e,
      { header: { name: 'policy/BU/test-variant.tier.yaml', type: 'file' }, bytes: Buffer.from('x') },
    ]),
    keys.publicKey,
  );
  for (const header of [
    { name: 'policy/link.tier.yaml', type: 'symlink' as const, linkname: '/etc/passwd' },
    { name: 'policy/hard.tier.yaml', type: 'link' as const, linkname: 'manifest.json' },
    { name: 'policy/sub/', type: 'directory' as const },
  ])
    await verify(`verify: ${header.type}`, await edited(signed, (e) => [...e, { header }]), keys.publicKey);
  await verify(
    'verify: too many entries',
    await edited(unsigned, (e) => [
      ...e,
      ...Array.from({ length: 10_001 }, (_, i) => ({
        header: { name: `policy/n${i}`, type: 'file' as const },
        bytes: Buffer.from(''),
      })),
    ]),
  );
  await verify(
    'verify: entry without a name',
    await edited(unsigned, (e) => [...e, { header: { name: '', type: 'file' }, bytes: Buffer.from('x') }]),
  );
  await verify(
    'verify: entry too large',
    await edited(signed, (e) => [
      ...e,
      { header: { name: 'policy/big.tier.yaml', type: 'file' }, bytes: Buffer.alloc(1024 * 1024 + 1, 0x61) },
    ]),
    keys.publicKey,
  );
  await verify(
    'verify: no manifest',
    await edited(unsigned, (e) => e.filter((x) => x.header.name !== 'manifest.json')),
  );
  await verify(
    'verify: manifest not JSON',
    await withManifest(
      unsigned,
      () => undefined,
      () => '{ not json',
    ),
  );
  await verify(
    'verify: manifest not UTF-8',
    await edited(unsigned, (entries) =>
      entries.map((e) =>
        e.header.name === 'manifest.json' ? { ...e, bytes: Buffer.from([0x7b, 0xff, 0x7d]) } : e,
      ),
    ),
  );
  await verify(
    'verify: manifest without format',
    await withManifest(unsigned, (m) => {
      delete m.format;
    }),
  );
  await verify(
    'verify: manifest respelled',
    await withManifest(
      unsigned,
      () => undefined,
      (m) => JSON.stringify(m),
    ),
  );
  await verify('verify: manifest not an object', await withManifest(unsigned, () => [1]));
  await verify(
    'verify: manifest malformed',
    await withManifest(unsigned, (m) => ({
      ...m,
      format: 9,
      tierwise: 1,
      schema: undefined,
      buildTime: 'noon',
      buildTimeSource: 'moon',
      git: { commit: 1 },
      files: 'x',
      policies: [],
    })),
  );
  await verify(
    'verify: manifest entries malformed',
    await withManifest(unsigned, (m) => ({
      ...m,
      files: [...(m.files as unknown[]), { path: 1 }],
      policies: [{ id: 1 }],
    })),
  );
  await verify(
    'verify: manifest lists a file twice and disagrees with a policy',
    await withManifest(unsigned, (m) => {
      const files = m.files as { path: string }[];
      const policies = m.policies as { tests: string[]; sha256: string }[];
      policies[0]!.tests = ['policy/nowhere.test.yaml'];
      return { ...m, files: [...files, files[0]!] };
    }),
  );
  await verify(
    'verify: policy hash differs',
    await withManifest(unsigned, (m) => {
      (m.policies as { sha256: string }[])[0]!.sha256 = '0'.repeat(64);
    }),
  );

  const artifactPath = write('release.tgz', signed);
  const unreadable = await verifyArtifact(join(dir, 'gone.tgz'));
  cases.push({ name: 'verify: missing artifact', diagnostics: unreadable.diagnostics, sources: new Map() });
  const huge = await verifyArtifact(write('huge.tgz', Buffer.alloc(16 * 1024 * 1024 + 1)));
  cases.push({ name: 'verify: artifact too large', diagnostics: huge.diagnostics, sources: new Map() });
  const asDir = await verifyArtifact(dir);
  cases.push({ name: 'verify: directory', diagnostics: asDir.diagnostics, sources: new Map() });
  await from('load: plain file refused', tree.base, { requireArtifact: true });
  const two = await buildArtifact([tree.base, tree.variant], { env: EPOCH_ENV, signingKey: keys.privateKey });
  const twoPath = write('two.tgz', two.bytes!);
  await from('load: which policy', twoPath, { key: keys.publicKey });
  await from('load: no such policy', twoPath, { key: keys.publicKey, policy: 'nope' });
  await from('load: wrong key', artifactPath, { key: other.publicKey });
  const outside = await edited(unsigned, (entries) =>
    entries.map((e) =>
      e.header.name === 'policy/bu/test-variant.tier.yaml'
        ? {
            ...e,
            bytes: Buffer.from(VARIANT.replace('../base/test-policy.tier.yaml', '/etc/base.tier.yaml')),
          }
        : e,
    ),
  );
  // A variant re-pointed at a base outside: the manifest's hash no longer matches, so re-list it.
  const { sha256Hex } = await import('../../../src/artifact/manifest.js');
  const relisted = await edited(outside, (entries) => {
    const variantBytes = entries.find((e) => e.header.name === 'policy/bu/test-variant.tier.yaml')!.bytes!;
    const manifest = manifestOf(entries);
    for (const f of manifest.files)
      if (f.path === 'policy/bu/test-variant.tier.yaml')
        Object.assign(f, { sha256: sha256Hex(variantBytes), size: variantBytes.byteLength });
    for (const p of manifest.policies)
      if (p.path === 'policy/bu/test-variant.tier.yaml') p.sha256 = sha256Hex(variantBytes);
    return entries.map((e) =>
      e.header.name === 'manifest.json' ? { ...e, bytes: Buffer.from(canonicalJson(manifest)) } : e,
    );
  });
  await from('load: base outside the artifact', write('outside.tgz', relisted));
  const brokenPolicy = await edited(unsigned, (entries) => {
    const manifest = manifestOf(entries);
    const bytes = Buffer.from(edit(VARIANT, 'minScore: 85', 'minScore: 85, share: 1'));
    for (const f of manifest.files)
      if (f.path === 'policy/bu/test-variant.tier.yaml')
        Object.assign(f, { sha256: sha256Hex(bytes), size: bytes.byteLength });
    for (const p of manifest.policies)
      if (p.path === 'policy/bu/test-variant.tier.yaml') p.sha256 = sha256Hex(bytes);
    return entries.map((e) =>
      e.header.name === 'manifest.json'
        ? { ...e, bytes: Buffer.from(canonicalJson(manifest)) }
        : e.header.name === 'policy/bu/test-variant.tier.yaml'
          ? { ...e, bytes }
          : e,
    );
  });
  await from('load: findings inside an artifact', write('findings.tgz', brokenPolicy));
  const renamed = await edited(unsigned, (entries) => {
    const manifest = manifestOf(entries);
    for (const p of manifest.policies) p.version = '9.9.9';
    return entries.map((e) =>
      e.header.name === 'manifest.json' ? { ...e, bytes: Buffer.from(canonicalJson(manifest)) } : e,
    );
  });
  await from('load: manifest names another version', write('renamed.tgz', renamed));

  const exists = await writeKeyPair(join(dir, 'release'));
  cases.push({ name: 'keygen: key exists', diagnostics: exists.diagnostics, sources: new Map() });
  const unwritable = await writeKeyPair(join(dir, 'no-such-dir', 'k'));
  cases.push({ name: 'keygen: cannot write', diagnostics: unwritable.diagnostics, sources: new Map() });
  return cases;
}

export async function semverCases(dir: string): Promise<SemverCase[]> {
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const version = (text: string, v: string) => edit(text, 'version: 1.0.0', `version: ${v}`);
  const options = { cwd: dir };
  const old = write('old.tier.yaml', VALID);
  const cases: SemverCase[] = [];
  const diff = async (
    name: string,
    text: string | undefined,
    oldSpec = old,
    newName = `${name.replace(/\W+/g, '-')}.tier.yaml`,
  ) => {
    const spec = text === undefined ? newName : write(newName, text);
    cases.push({ name, diff: await semverDiff(oldSpec, spec, options) });
  };
  await diff('nothing changed', VALID);
  await diff('patch only', version(edit(VALID, 'en: VIP }', 'en: VIP customer }'), '1.0.1'));
  await diff('threshold not bumped', version(edit(VALID, 'minScore: 90', 'minScore: 85'), '1.0.1'));
  await diff('version stays', edit(VALID, 'minScore: 90', 'minScore: 85'));
  await diff('version lowered', version(VALID, '0.9.0'));
  await diff(
    'many changes',
    version(
      edit(
        edit(
          edit(
            edit(
              edit(
                edit(VALID, 'id: key\n', 'id: important\n'),
                '  industry: { type: enum, values: [high, medium, low] }\n',
                '  industry: { type: enum, values: [high, medium, low, none] }\n  region: { type: string }\n',
              ).replace('medium: 60, low: 20', 'medium: 60, low: 20, none: 0'),
              'sla: { response: { within: PT24H } }',
              'sla: { response: { within: PT12H } }',
            ),
            "entitlements: { discountQuota: '5%' }",
            '',
          ),
          '  labels: { zh-CN: 测试策略, en: Test policy }\n',
          '  labels: { zh-CN: 测试策略, en: Test policy }\n  owner: crm-team\n',
        ),
        'weight: 70',
        'weight: 60',
      ).replace('weight: 30\n', 'weight: 40\n'),
      '1.0.1',
    ),
  );
  await diff(
    'tier added',
    version(
      `${edit(VALID, '      label: { zh-CN: 普通客户, en: Standard }\n', '      label: { zh-CN: 普通客户, en: Standard }\n      minScore: 40\n')}    - id: basic\n      label: { zh-CN: 基础客户, en: Basic }\n`,
      '2.0.0',
    ),
  );
  await diff(
    'sections added',
    version(
      `${VALID}conditions:\n  big: { fact: spend12m, operator: greaterThan, value: 1 }\nclassifiers:\n  stage:\n    label: { zh-CN: 阶段, en: Stage }\n    rules:\n      - { id: big, label: { zh-CN: 大, en: Big }, when: { condition: big } }\nrerating:\n  every: { default: P12M }\n  triggers:\n    - { id: jump, label: { zh-CN: 跳升, en: Jump }, when: { fact: spend12m, operator: greaterThan, value: 1000000 }, then: { rerate: true } }\nscore: { round: half-even }\n`,
      '1.1.0',
    ),
  );
  const sections = (rules: string, extra = '') =>
    `${VALID}conditions:\n  big: { fact: spend12m, operator: greaterThan, value: ${extra ? 2 : 1} }\nclassifiers:\n  stage:\n    label: { zh-CN: 阶段, en: Stage }\n${extra}    rules:\n${rules}rerating:\n  triggers:\n    - { id: jump, label: { zh-CN: 跳升, en: Jump }, when: { fact: spend12m, operator: greaterThan, value: ${extra ? 2000000 : 1000000} }, then: { rerate: true } }\n`;
  const big = '      - { id: big, label: { zh-CN: 大, en: Big }, when: { condition: big } }\n';
  const small =
    '      - { id: small, label: { zh-CN: 小, en: Small }, when: { fact: spend12m, operator: lessThan, value: 1 } }\n';
  const before = write(
    'sections-before.tier.yaml',
    edit(
      sections(big + small),
      '  industry: { type: enum, values: [high, medium, low] }\n',
      '  industry: { type: enum, values: [high, medium, low] }\n  region: { type: string }\n',
    ),
  );
  await diff(
    'sections changed',
    version(
      edit(
        sections(small + big.replace('en: Big', 'en: Large'), '    description: how far along\n'),
        "      entitlements: { discountQuota: '5%' }\n",
        '',
      ),
      '2.0.0',
    ),
    before,
  );
  await diff('unreadable new side', edit(VALID, 'weight: 30\n', 'weight: 20\n'));
  await diff('unknown revision', undefined, 'nosuchref:old.tier.yaml', old);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync(
    'git',
    ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'empty'],
    { cwd: dir },
  );
  await diff('new policy', undefined, 'HEAD:old.tier.yaml', old);
  return cases;
}
