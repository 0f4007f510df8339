import type { Base } from '../base.js';
import { AS_OF, type Draft } from '../case.js';
import type { Rng } from '../rng.js';
import { hostileScalar } from './hostile.js';

const VALUES = [
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  'NaN',
  'abc',
  '999999999999999999999',
  '1.5',
  '--',
  '-',
  '%',
  '100%',
  '101%',
  'all',
  '\u0000',
  '@@dir',
  '@@fifo',
  '/dev/zero',
  '@missing',
  '1KiB',
  '2024-02-30',
  'today',
  '+25:00',
  '2026-11-01T00:00:00+25:00',
];

/** Each command's options given values at and past their edges. */
export function hostileOptions(rng: Rng, base: Base): Draft {
  const value = () => (rng.chance(0.8) ? rng.pick(VALUES) : hostileScalar(rng));
  // Writing into a FIFO waits for its reader, as `cat > fifo` does: that is the point of naming
  // one, and no reader comes here, so --out is given everything but a FIFO.
  const pair = (options: string[]): [string, string] => {
    const option = rng.pick(options);
    let v = value();
    while (option === '--out' && v === '@@fifo') v = value();
    return [option, v];
  };
  const data = ['--data', '@customers.csv', '--transactions', '@transactions.csv'];
  const commands: (() => string[])[] = [
    () => [
      'eval',
      '--policy',
      '@p.tier.yaml',
      ...data,
      ...pair([
        '--as-of',
        '--workers',
        '--allow-untiered',
        '--customer',
        '--format',
        '--on-error',
        '--encoding',
        '--sheet',
        '--out',
        '--engine',
      ]),
      ...AS_OF,
    ],
    () => [
      'simulate',
      '--policy',
      '@p.tier.yaml',
      ...data,
      ...pair(['--as-of', '--kpi', '--workers', '--allow-untiered', '--out', '--format']),
    ],
    () => [
      'calibrate',
      '--policy',
      '@p.tier.yaml',
      ...data,
      ...AS_OF,
      '--allow-untiered',
      'all',
      rng.pick(['--target', '--step', '--epsilon', '--workers']),
      value(),
    ],
    () => [
      'calibrate',
      '--policy',
      '@p.tier.yaml',
      ...data,
      ...AS_OF,
      '--allow-untiered',
      'all',
      '--target',
      rng.pick([
        'vip=10%',
        'vip=0%',
        'vip=100%',
        'vip=101%',
        'nope=10%',
        'vip=10%:nope',
        '=',
        'vip=-1%',
        'vip=NaN%',
      ]),
      '--step',
      rng.pick(['5', '0', '-5', '100', '1e-9']),
    ],
    () => [
      'diff',
      '--from',
      '@p.tier.yaml',
      '--to',
      '@q.tier.yaml',
      ...data,
      ...AS_OF,
      '--allow-untiered',
      'all',
      rng.pick(['--limit', '--kpi', '--format']),
      value(),
    ],
    () => [
      'data',
      'profile',
      '--policy',
      '@p.tier.yaml',
      ...data,
      ...AS_OF,
      rng.pick(['--stale-months', '--name-fact', '--phone-fact', '--activity-fact']),
      value(),
    ],
    () => [
      'test',
      '@p.tier.yaml',
      rng.pick(['--threshold', '--run', '--snapshot', '--as-of', '--snapshot-file']),
      value(),
    ],
    () => [
      'check',
      rng.pick(['@p.tier.yaml', '@@dir', '@missing', '@@fifo', '/dev/zero', '/proc/self/mem']),
      '--max-bytes',
      rng.pick(['1', '100', '1MiB', value()]),
    ],
    () => [
      'fmt',
      rng.pick(['--check', '--stdout']),
      rng.pick(['@p.tier.yaml', '@@dir', '@@fifo', '@missing']),
    ],
    () => ['build', '@p.tier.yaml', '--time', value(), '--out', '@out.tierpkg.tgz'],
    () => [
      'verify',
      rng.pick(['@@artifact', '@@dir', '@@fifo', '/dev/zero', '@missing']),
      '--max-bytes',
      rng.pick(['1', '512', value()]),
    ],
    () => [
      rng.pick(['eval', 'simulate', 'calibrate', 'nope', 'data', 'help']),
      rng.pick(['--lang', '--format', '--help', '-h', '--version', '---', '-x']),
      value(),
    ],
  ];
  const policy = rng.pick(base.policies).text;
  return {
    kind: 'options',
    args: rng.pick(commands)(),
    files: {
      'p.tier.yaml': policy,
      'q.tier.yaml': rng.pick(base.policies).text,
      'customers.csv': base.customers.join('\n'),
      'transactions.csv': base.transactions.join('\n'),
    },
  };
}
