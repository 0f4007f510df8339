import { describe, expect, it } from 'vitest';
import { check, codes, only, positionOf, where } from '../../helpers/policy.js';

const MATRIX = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: matrix
  version: 1.0.0
  labels: { zh-CN: 价值活跃度矩阵, en: Value x activity }
facts:
  customerId: { type: string, key: true }
  spend12m: { type: number, unit: CNY, min: 0 }
  activeMonths12m: { type: integer, unit: months, min: 0, max: 12 }
tiers:
  method: matrix
  matrix:
    rows:
      fact: spend12m
      bands: [ { id: high, above: 1000000 }, { id: low } ]
    columns:
      fact: activeMonths12m
      bands: [ { id: high, atLeast: 12 }, { id: low } ]
    cells:
      high: { high: core, low: potential }
      low: { high: basic, low: watch }
  levels:
    - { id: core, label: { zh-CN: 核心客户, en: Core } }
    - { id: potential, label: { zh-CN: 潜力客户, en: Potential } }
    - { id: basic, label: { zh-CN: 基础客户, en: Basic } }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
`;

describe('matrix tiers', () => {
  it('accepts a complete matrix', () => {
    expect(check(MATRIX).diagnostics).toEqual([]);
  });

  it('reports a missing cell with the row and column that lack a tier', () => {
    const text = MATRIX.replace('low: { high: basic, low: watch }', 'low: { high: basic }');
    const result = check(text);
    const missing = result.diagnostics.find((d) => d.code === 'TW0317')!;
    expect(missing.message).toBe("no tier for row 'low' × column 'low'");
    expect(missing.example).toEqual({ row: 'low', column: 'low' });
    expect(where(missing)).toBe(positionOf(text, 'cells:'));
    expect(only(result, 'TW0316').message).toBe("tier 'watch' is in no cell of the matrix");
  });

  it('reports unknown bands and tiers in cells with did-you-mean', () => {
    const text = MATRIX.replace(
      'high: { high: core, low: potential }',
      'hihg: { high: core, low: potental }',
    );
    const result = check(text);
    const unknownRow = result.diagnostics.find((d) => d.message.includes("row band 'hihg'"))!;
    expect(unknownRow.help).toBe("did you mean 'high'?");
    expect(where(unknownRow)).toBe(positionOf(text, 'hihg'));
    expect(only(result, 'TW0504').help).toBe("did you mean 'potential'?");
  });

  it('checks axis bands like any band table', () => {
    const text = MATRIX.replace(
      '[ { id: high, atLeast: 12 }, { id: low } ]',
      '[ { id: high, atLeast: 12 }, { id: low, below: 6 } ]',
    );
    const d = only(check(text), 'TW0206');
    expect(d.message).toBe('values ≥ 6 and < 12 months fall in no band of the columns axis');
    expect(d.example).toBe(10);
  });

  it('reports an axis on an unknown fact or reading two sources', () => {
    expect(only(check(MATRIX.replace('fact: spend12m', 'fact: spend12')), 'TW0201').help).toBe(
      "did you mean 'spend12m'?",
    );
    expect(codes(check(MATRIX.replace('fact: spend12m', 'fact: spend12m\n      score: true')))).toContain(
      'TW0317',
    );
  });
});
