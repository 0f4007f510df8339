import { describe, expect, it } from 'vitest';
import { check, VALID } from '../../helpers/policy.js';

describe('the reference fixture', () => {
  it('passes every check, so each other test breaks exactly one thing', () => {
    const result = check(VALID);
    expect(result.diagnostics).toEqual([]);
    expect(result.policy?.metadata.name).toBe('test-policy');
  });
});
