import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskFacts, maskPhones, maskValue } from '../../src/privacy/mask.js';

describe('masking personal data', () => {
  it('masks names, phones and e-mail addresses the way the seeds show them', () => {
    expect(maskValue('张三')).toBe('张*');
    expect(maskValue('欧阳娜娜')).toBe('欧***');
    expect(maskValue('13812345678')).toBe('138****5678');
    expect(maskValue('+86 138-1234-5678')).toBe('861******5678');
    expect(maskValue('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskValue('Li')).toBe('L*');
    expect(maskValue(undefined)).toBeUndefined();
  });

  it('never lets a phone number through whole, whatever its shape', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = String(maskValue(phone));
        expect(masked).not.toContain(phone.slice(3, 7));
        expect(masked.endsWith(phone.slice(-4))).toBe(true);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('masks only the facts marked pii, and keeps __proto__ as data', () => {
    const facts = JSON.parse('{"contact":"王五","spend":100,"__proto__":"x"}') as Record<string, unknown>;
    const masked = maskFacts(facts, new Set(['contact']));
    expect(masked).toEqual(JSON.parse('{"contact":"王*","spend":100,"__proto__":"x"}'));
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
  });
});

describe('maskPhones', () => {
  it('masks phone numbers in free text and leaves dates, ids in URLs and long numbers alone', () => {
    expect(maskPhones('联系人电话 138-1234-5678，请回电')).toBe('联系人电话 138****5678，请回电');
    expect(maskPhones('call 13812345678 or 021-6123 4567')).toBe('call 138****5678 or 021****4567');
    expect(maskPhones('https://crm.example.com/cases/12345678?ref=87654321')).toBe(
      'https://crm.example.com/cases/12345678?ref=87654321',
    );
    expect(maskPhones('signed 2026-09-30, order 1234567890123456789')).toBe(
      'signed 2026-09-30, order 1234567890123456789',
    );
  });
});
