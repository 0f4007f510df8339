import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { profileData } from '../../../src/profile/index.js';
import type { DataProfile } from '../../../src/profile/types.js';
import { renderProfile } from '../../../src/report/profile/render.js';
import { percent } from '../../../src/report/profile/sections.js';
import { CUSTOMERS, POLICY, policyFrom, scratch } from '../../profile/fixtures.js';

const file = scratch();
/** Two more rows whose company name is markup, written two ways so that it is listed as a group. */
const HOSTILE = `${CUSTOMERS}C09,<script>alert(1)</script>|A有限公司,甲,13900000010,1,2024-01-01
C10,<script>alert(1)</script>|A公司,乙,13900000011,1,2024-01-01
`;

async function profile(): Promise<DataProfile> {
  const policy = await policyFrom(file('p.tier.yaml', POLICY));
  const run = await profileData(policy, { customers: file('c.csv', HOSTILE), asOf: '2024-03-01' });
  return run.profile!;
}

describe('percent', () => {
  it('rounds to one decimal like every other surface; the empty count beside it says what is missing', () => {
    expect(percent(8, 10)).toBe('80.0%');
    expect(percent(2999, 3000)).toBe('100.0%');
    expect(percent(2, 3)).toBe('66.7%');
    expect(percent(217, 2000)).toBe('10.9%');
    expect(percent(10, 10)).toBe('100.0%');
    expect(percent(0, 0)).toBe('–');
  });
});

describe('renderProfile', () => {
  it('table: every section with its heading, in English or Chinese', async () => {
    const p = await profile();
    const en = renderProfile('table', p, 'en');
    expect(en).toContain('== Completeness of mapped columns ==');
    // 12 rows: spend filled in 10, empty in 1, invalid in 1 → 83.3%.
    expect(en).toMatch(/spend\s+消费金额\s+number\s+10\s+1\s+1\s+83\.3%/);
    expect(en).toContain('== Never reached on this data ==');
    expect(en).toContain('size.huge');
    const zh = renderProfile('table', p, 'zh-CN');
    expect(zh).toContain('== 映射列完整度 ==');
    expect(zh).toContain('== 疑似重复客户：电话号码相同 ==');
    expect(zh).toContain('金牌');
  });

  it('json: the profile as it is, personal data masked', async () => {
    const p = await profile();
    const json = JSON.parse(renderProfile('json', p));
    expect(json.rows.customers).toBe(10);
    expect(json.coverage.tiers.map((t: { customers: number }) => t.customers)).toEqual([1, 3, 6]);
    expect(renderProfile('json', p)).not.toContain('张三');
  });

  it('csv: one rectangular table of section, item, measure and value', async () => {
    const p = await profile();
    const parsed = Papa.parse<string[]>(renderProfile('csv', p).trim());
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['section', 'item', 'measure', 'value']);
    expect(parsed.data.every((r) => r.length === 4)).toBe(true);
    expect(parsed.data).toContainEqual(['columns', 'spend', 'complete', '83.3%']);
    expect(parsed.data).toContainEqual(['tiers', 'gold', 'customers', '1']);
  });

  it('md: tables with pipes in values escaped', async () => {
    const md = renderProfile('md', await profile());
    expect(md).toContain('## Likely duplicates: company names alike');
    expect(md).toContain('<script>alert(1)</script>\\|A有限公司');
    // One line a member: normalised name, key, row and the name each in a column of its own.
    const rows = md.split('\n').filter((l) => l.startsWith('| scriptalert1scripta'));
    expect(rows).toHaveLength(2);
    for (const line of rows) {
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(6);
    }
    expect(rows[0]).toMatch(
      /^\| scriptalert1scripta\S* \| C09 \| 12 \| <script>alert\(1\)<\/script>\\\|A有限公司 \|$/,
    );
  });

  it('html: a self-contained page with every value escaped', async () => {
    const html = renderProfile('html', await profile(), 'zh-CN');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;|A有限公司');
    expect(html).not.toMatch(/<link|src=|href=/);
    expect(html).toContain('<h2>映射列完整度</h2>');
  });
});
