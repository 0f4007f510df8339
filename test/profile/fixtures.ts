import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';

/** Criteria tiers, a classifier, a trigger on the tier and a band table: every kind of coverage. */
export const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: profile-test
  version: 1.0.0
  labels: { zh-CN: 数据画像测试, en: Profile test }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  companyName: { type: string, column: 客户名称, label: { zh-CN: 客户名称, en: Customer name } }
  contact: { type: string, column: 联系人, pii: true }
  phone: { type: string, column: 联系电话, pii: true }
  spend: { type: number, unit: CNY, min: 0, column: 消费金额 }
  lastOrder: { type: date, column: 最近交易日期 }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics:
      spend:
        weight: 100
        score: { bands: [ { atLeast: 100000, points: 100 }, { atLeast: 10000, points: 50 }, { points: 0 } ] }
        missing: { points: 0 }
tiers:
  method: criteria
  levels:
    - { id: gold, label: { zh-CN: 金牌, en: Gold }, when: { fact: spend, operator: greaterThanInclusive, value: 100000 } }
    - { id: silver, label: { zh-CN: 银牌, en: Silver }, when: { fact: spend, operator: greaterThanInclusive, value: 10000 } }
    - { id: bronze, label: { zh-CN: 铜牌, en: Bronze }, otherwise: true }
classifiers:
  size:
    label: { zh-CN: 规模, en: Size }
    pick: first
    rules:
      - { id: huge, label: { zh-CN: 超大, en: Huge }, when: { fact: spend, operator: greaterThan, value: 1000000 } }
      - { id: small, label: { zh-CN: 小, en: Small }, when: { fact: spend, operator: lessThan, value: 10000 } }
    otherwise: { id: normal, label: { zh-CN: 一般, en: Normal } }
sources:
  transactions:
    customer: 客户编号
    date: 交易日期
    fields: { amount: { column: 金额, type: number } }
rerating:
  triggers:
    - id: gold-review
      label: { zh-CN: 金牌复核, en: Gold review }
      when: { fact: tier, operator: equal, value: gold }
      then: { flag: review }
`;

/**
 * Ten rows, worked by hand in the tests: spend is empty once (C06) and invalid once (C04), so
 * 8 of 10 rows fill it (80%); C01 appears twice; the last row has no key; three companies are
 * written two ways each; C01 and C02 share a phone written two ways.
 */
export const CUSTOMERS = `客户编号,客户名称,联系人,联系电话,消费金额,最近交易日期
C01,华东科技有限公司,张三,+86 138-0000-0000,150000,2024-02-20
C02,华东科技（集团）有限公司,李四,13800000000,20000,2023-11-30
C03,ＨＵＡＤＯＮＧ Ｔｅｃｈ Ｃｏ．，Ｌｔｄ．,王五,13900000001,5000,2023-12-01
C04,"Huadong Tech Co., Ltd.",赵六,13900000002,abc,2024-01-15
C05,西湖贸易有限公司,钱七,,8000,
C06,上海市东方电子有限公司,孙八,13900000003,,2024-02-29
C07,上海东方电子有限公司,周九,13900000004,30000,2023-13-01
C01,重复客户,吴十,13900000005,1,2024-01-01
C08,北辰物流,郑一,13900000006,12000,2024-01-10
,无编号公司,冯二,13900000007,500,2024-01-10
`;

/** C01's last purchase after the as-of is ignored; C05 and C08 never bought; X99 is unknown. */
export const TRANSACTIONS = `客户编号,交易日期,金额
C01,2024-02-20,100
C01,2024-03-05,100
C02,2023-11-30,100
C03,2023-12-02,100
C04,2023-12-01,100
C06,2024-01-01,100
C07,2023-06-30,100
X99,2024-01-01,100
`;

export function scratch(): (name: string, content: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-profile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

export async function policyFrom(path: string): Promise<Policy> {
  const loaded = await loadPolicy(path);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.policy!;
}
