import { describe, expect, it } from 'vitest';
import { check, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';

describe('bilingual labels', () => {
  it('warns about a label missing one language, at the label', () => {
    const text = edit(VALID, 'label: { zh-CN: 重点客户, en: Key }', 'label: { zh-CN: 重点客户 }');
    const d = only(check(text), 'TW0501');
    expect(d.message).toBe("the label of tier 'key' has no en text");
    expect(d.severity).toBe('warning');
    expect(where(d)).toBe(positionOf(text, '{ zh-CN: 重点客户 }'));
    expect(check(text).policy).toBeDefined();
  });

  it('warns about a tier without a label', () => {
    const text = edit(VALID, '      label: { zh-CN: 普通客户, en: Standard }\n', '');
    const d = only(check(text), 'TW0501');
    expect(d.message).toBe("tier 'standard' has no label");
    expect(where(d)).toBe(positionOf(text, 'standard\n'));
  });

  it('warns about a policy without labels', () => {
    const text = edit(VALID, '  labels: { zh-CN: 测试策略, en: Test policy }\n', '');
    expect(only(check(text), 'TW0501').message).toBe('the policy has no label');
  });
});
