import type { ReplayReport } from '../../../src/report/replay/index.js';
import type { Replay, ReplayRun } from '../../../src/rerate/history.js';

const TIERS = 3;

/** A run of three tiers (then "not rated") with its moves: `moves` as [from, to, customers]. */
function run(label: string, asOf: string, tiers: number[], moves: [number, number, number][]): ReplayRun {
  const matrix = Array.from({ length: TIERS + 1 }, () => new Array<number>(TIERS + 1).fill(0));
  for (const [from, to, n] of moves) matrix[from]![to]! += n;
  const upgrades = moves.filter(([f, t]) => f < TIERS && t < f).reduce((n, m) => n + m[2], 0);
  const downgrades = moves.filter(([f, t]) => t < TIERS && t > f && f < TIERS).reduce((n, m) => n + m[2], 0);
  const customers = tiers.reduce((a, b) => a + b, 0);
  return {
    label,
    asOf,
    customers,
    tiers,
    computed: tiers,
    moves: matrix,
    rated: moves.filter(([f]) => f === TIERS).reduce((n, m) => n + m[2], 0),
    upgrades,
    downgrades,
    reviewed: 3,
    held: 1,
    inGrace: 2,
    flagged: 4,
    warned: 5,
    triggered: 1,
    undecided: 0,
    changed: upgrades + downgrades,
    churn: (upgrades + downgrades) / customers,
  };
}

/**
 * Two policies over the same three runs of 1,000 customers: the first moves 30 then 10, the
 * second 120 then 80 — the first is the steadier. The gold tier's label is hostile.
 */
export function replayReport(hostile = 'Gold'): ReplayReport {
  const replay = (
    name: string,
    second: [number, number, number][],
    third: [number, number, number][],
  ): Replay => {
    const runs = [
      run(
        '2025-01',
        '2025-01-31',
        [100, 300, 600, 0],
        [
          [3, 0, 100],
          [3, 1, 300],
          [3, 2, 600],
        ],
      ),
      run('2025-02', '2025-02-28', [110, 300, 590, 0], second),
      run('2025-03', '2025-03-31', [105, 300, 595, 0], third),
    ];
    const changed = runs.slice(1).reduce((n, r) => n + r.changed, 0);
    return {
      policy: { name, version: '1.0.0', label: { en: name, 'zh-CN': name } },
      tiers: [
        { id: 'gold', label: { en: hostile, 'zh-CN': '金牌' } },
        { id: 'silver', label: { en: 'Silver', 'zh-CN': '银牌' } },
        { id: 'bronze', label: { en: 'Bronze', 'zh-CN': '铜牌' } },
      ],
      timezone: 'Asia/Shanghai',
      data: { customers: 'customers.csv', transactions: 'transactions.csv' },
      runs,
      customers: 1000,
      customerMonths: 3000,
      transactions: 12_345,
      states: [],
      stability: {
        changes: changed,
        averageChurn: changed / 2000,
        maxChurn: Math.max(...runs.map((r) => r.churn)),
        worstRun: '2025-02',
      },
      diagnostics: [],
      failed: false,
    };
  };
  return {
    every: 'P1M',
    replays: [
      replay(
        'steady',
        [
          [1, 0, 20],
          [0, 0, 100],
          [1, 1, 280],
          [2, 1, 10],
          [2, 2, 590],
        ],
        [
          [0, 1, 5],
          [0, 0, 105],
          [1, 1, 295],
          [2, 2, 590],
          [1, 2, 5],
        ].map(([f, t, n]) => [f!, t!, n!] as [number, number, number]),
      ),
      replay(
        'jumpy',
        [
          [1, 0, 60],
          [2, 1, 60],
          [0, 0, 100],
          [1, 1, 240],
          [2, 2, 540],
        ],
        [
          [0, 1, 40],
          [1, 2, 40],
          [0, 0, 70],
          [1, 1, 320],
          [2, 2, 530],
        ],
      ),
    ],
  };
}
