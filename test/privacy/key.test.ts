import { describe, expect, it } from 'vitest';
import { renderDiagnostics } from '../../src/diagnostics/render/index.js';
import { check, edit, only, positionOf, VALID, where } from '../helpers/policy.js';
import { untranslated } from '../helpers/untranslated.js';

/** VALID keyed by a phone number marked personal data: the combination issue 12 found accepted. */
const PHONE_KEY = edit(
  VALID,
  'customerId: { type: string, key: true }',
  'phone: { type: string, key: true, pii: true, column: 联系电话 }',
);

describe('a customer key marked personal data (TW0710)', () => {
  it('is refused as an error at its pii flag, naming the fact and the way out', () => {
    const result = check(PHONE_KEY);
    const d = only(result, 'TW0710');
    expect(d.severity).toBe('error');
    expect(result.policy).toBeUndefined();
    expect(d.pointer).toBe('/facts/phone/pii');
    expect(where(d)).toBe(positionOf(PHONE_KEY, 'pii'));
    expect(d.message).toContain("the customer key 'phone' is marked `pii: true`");
    expect(d.help).toContain('non-personal id');
  });

  it('leaves a key without pii, and pii facts that are not the key, alone', () => {
    const contact = edit(
      VALID,
      '  spend12m: { type',
      '  phone: { type: string, pii: true }\n  spend12m: { type',
    );
    expect(check(contact).diagnostics.filter((d) => d.code === 'TW0710')).toEqual([]);
    expect(check(edit(PHONE_KEY, 'pii: true', 'pii: false')).diagnostics).toEqual([]);
  });

  it('says why and how in Chinese too', () => {
    const result = check(PHONE_KEY);
    const chinese = renderDiagnostics('text', {
      diagnostics: result.diagnostics,
      sources: result.sources,
      files: ['p.tier.yaml'],
      language: 'zh-CN',
    });
    expect(chinese).toContain("错误[TW0710]: 客户键 'phone' 标记了 `pii: true`");
    const words = chinese
      .split('\n')
      .filter((line) => !/^\s*\d*\s*\|/.test(line))
      .join('\n');
    expect(untranslated(words, ['phone', 'customerId', 'CRM'])).toEqual([]);
  });
});
