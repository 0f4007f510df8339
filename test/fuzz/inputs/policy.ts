import type { Base } from '../base.js';
import { AS_OF, type Draft } from '../case.js';
import type { Rng } from '../rng.js';
import { hostileScalar } from './hostile.js';
import { mutateBytes, mutateYaml } from './text.js';

const DATA = ['--data', '@customers.csv', '--transactions', '@transactions.csv', ...AS_OF];

/** Every command that reads a policy, pointed at `@p.tier.yaml`. */
function policyCommand(rng: Rng): string[] {
  return rng.pick<string[]>([
    ['check', '@p.tier.yaml'],
    ['check', '@p.tier.yaml', '--format', 'github'],
    ['check', '@p.tier.yaml', '--format', 'sarif', '--lang', 'zh-CN'],
    ['fmt', '@p.tier.yaml'],
    ['fmt', '--stdout', '@p.tier.yaml'],
    ['build', '@p.tier.yaml', '--out', '@out.tierpkg.tgz', '--time', '2026-01-01T00:00:00Z'],
    ['eval', '--policy', '@p.tier.yaml', ...DATA, '--allow-untiered', 'all'],
    ['eval', '--policy', '@p.tier.yaml', ...DATA, '--engine', 'reference', '--explain', '--format', 'json'],
    ['simulate', '--policy', '@p.tier.yaml', ...DATA, '--allow-untiered', 'all', '--format', 'json'],
    ['diff', '--semver', '@base.tier.yaml', '@p.tier.yaml'],
    ['test', '@p.tier.yaml'],
    ['data', 'profile', '--policy', '@p.tier.yaml', ...DATA],
    ['calibrate', '--policy', '@p.tier.yaml', ...DATA, '--allow-untiered', 'all'],
  ]);
}

function withData(base: Base, files: Draft['files']): Draft['files'] {
  return {
    'customers.csv': base.customers.join('\n'),
    'transactions.csv': base.transactions.join('\n'),
    ...files,
  };
}

/** A bundled policy with a few careless or hostile edits, read by every command. */
export function mutatedPolicy(rng: Rng, base: Base): Draft {
  const source = rng.pick(base.policies);
  const text = rng.chance(0.15) ? mutateBytes(Buffer.from(source.text), rng) : mutateYaml(source.text, rng);
  const test = base.tests.find((t) => t.name === source.name.replace('.tier.yaml', '.test.yaml'));
  return {
    kind: 'policy-mutation',
    args: policyCommand(rng),
    files: withData(base, {
      'p.tier.yaml': text,
      'base.tier.yaml': source.text,
      ...(test ? { 'p.test.yaml': test.text.replace(/^policy: .*$/m, 'policy: ./p.tier.yaml') } : {}),
    }),
  };
}

/** YAML of every bomb shape: alias cycles and fans, deep nesting, tags, many documents. */
export function yamlBomb(rng: Rng, base: Base): Draft {
  const shapes: (() => string)[] = [
    () => 'a: &a [ *a ]\n',
    () => 'a: &a { b: *a }\nmetadata: *a\n',
    () => `a: &a\n  - *a\n`,
    () => {
      // The billion laughs, at a random height and fan-out.
      const levels = rng.int(3, 12);
      const fan = rng.int(2, 10);
      let out = 'l0: &l0 [lol]\n';
      for (let i = 1; i <= levels; i++)
        out += `l${i}: &l${i} [${Array(fan)
          .fill(`*l${i - 1}`)
          .join(', ')}]\n`;
      return `${out}metadata: *l${levels}\n`;
    },
    () => {
      // Quadratic: one anchor referenced from a long line, many times over.
      const n = rng.int(100, 20_000);
      return `a: &a [${'x, '.repeat(rng.int(1, 200))}x]\nb: [${Array(n).fill('*a').join(', ')}]\n`;
    },
    () => `${'['.repeat(rng.int(100, 100_000))}${']'.repeat(rng.chance(0.5) ? 0 : 100)}\n`,
    () => `${'{a: '.repeat(rng.int(100, 50_000))}1\n`,
    () => {
      const depth = rng.int(100, 3000);
      let out = '';
      for (let i = 0; i < depth; i++) out += `${' '.repeat(i)}k${i}:\n`;
      return out;
    },
    () => `${Array(rng.int(2, 2000)).fill('---\na: 1').join('\n')}\n`,
    () => `a: *nope\n`,
    () => `a: !!float "x"\nb: !!binary "@@@"\nc: !!timestamp "no"\nd: !unknown 1\n`,
    () => `a: &a 1\nb: &a 2\nc: *a\n${'d: &d [*a]\n'.repeat(rng.int(1, 500))}`,
    () => `<<: &a { <<: *a }\n`,
    () => `x: ${'a'.repeat(rng.int(1, 900_000))}\n`,
    () => `${Array.from({ length: rng.int(10, 20_000) }, (_, i) => `k${i}: &k${i} ${i}`).join('\n')}\n`,
    () => `"\\u0000": 1\n__proto__: { polluted: true }\nconstructor: { prototype: { x: 1 } }\n`,
    () => `? [${'a, '.repeat(rng.int(1, 5000))}a]\n: 1\n`,
    () => `%YAML 1.1\n%TAG ! tag:evil,2000:\n--- !evil\na: 1\n`,
    () => `a: ${hostileScalar(rng)}\n`,
  ];
  const shape = rng.pick(shapes)();
  // Half the bombs sit inside an otherwise valid policy, where the schema walk meets them.
  const policy = rng.pick(base.policies).text;
  const text = rng.chance(0.5) ? shape : `${policy}\n${shape.replace(/^(\w+):/gm, 'x-$1:')}`;
  return {
    kind: 'yaml-bomb',
    args: policyCommand(rng),
    files: withData(base, { 'p.tier.yaml': text, 'base.tier.yaml': policy }),
  };
}

/** `extends` pointing anywhere: out of the root, at secrets, at itself, at non-policies. */
export function hostileExtends(rng: Rng, base: Base): Draft {
  const policy = rng.pick(base.policies).text;
  const target = rng.pick([
    '/etc/passwd',
    '/etc/hostname',
    '../../../../../../etc/passwd',
    '../outside.tier.yaml',
    '@@dir/secret.txt',
    './secret.txt',
    './p.tier.yaml',
    './loop-a.tier.yaml',
    './data.csv',
    './',
    '.',
    '/',
    '/dev/zero',
    '/dev/stdin',
    '/proc/self/environ',
    'http://example.com/base.tier.yaml',
    'file:///etc/passwd',
    '',
    'a\u0000b',
    'x'.repeat(5000),
    '~/base.tier.yaml',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable the input means literally
    '${HOME}/x',
    './base.tier.yaml',
    './missing.tier.yaml',
  ]);
  const line = `  extends: ${JSON.stringify(target)}`;
  const text = policy.replace(/^metadata:\n/m, `metadata:\n${line}\n`);
  return {
    kind: 'extends',
    args: policyCommand(rng),
    files: withData(base, {
      'p.tier.yaml': text,
      'base.tier.yaml': policy,
      'secret.txt': 'root:x:0:0:SECRET-PASSWD-LINE:/root:/bin/bash\nAWS_SECRET=SECRET-KEY-LINE\n',
      'data.csv': base.customers.join('\n'),
      'loop-a.tier.yaml': policy.replace(/^metadata:\n/m, 'metadata:\n  extends: ./loop-b.tier.yaml\n'),
      'loop-b.tier.yaml': policy.replace(/^metadata:\n/m, 'metadata:\n  extends: ./loop-a.tier.yaml\n'),
    }),
  };
}

/** A bundled test file with hostile edits, run by `tierwise test`. */
export function mutatedTest(rng: Rng, base: Base): Draft {
  const test = rng.pick(base.tests);
  const policy = base.policies.find((p) => p.name === test.name.replace('.test.yaml', '.tier.yaml'));
  const text = mutateYaml(test.text.replace(/^policy: .*$/m, 'policy: ./p.tier.yaml'), rng);
  const args = rng.pick<string[]>([
    ['test', '@p.test.yaml'],
    ['test', '@p.test.yaml', '--coverage', '--format', 'json'],
    ['test', '@p.test.yaml', '--format', rng.pick(['junit', 'tap', 'sarif', 'github']), '--lang', 'zh-CN'],
    ['test', '@p.test.yaml', '--run', rng.pick(['(', '.*', '[', '(a+)+$', 'vip'])],
    ['test', '@p.test.yaml', '--snapshot', '@customers.csv', '--transactions', '@transactions.csv', ...AS_OF],
  ]);
  return {
    kind: 'test-file',
    args,
    files: withData(base, { 'p.test.yaml': text, 'p.tier.yaml': policy?.text ?? '' }),
  };
}
