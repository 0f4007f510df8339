import { describe, expect, it } from 'vitest';
import { check, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';

describe('service order: better tiers never get less', () => {
  it('warns when a better tier answers slower', () => {
    const text = edit(
      VALID,
      'sla: { response: { within: PT4H }, resolution: { within: PT8H } }',
      'sla: { response: { within: PT12H }, resolution: { within: PT8H } }',
    );
    const d = only(check(text), 'TW0401');
    expect(d.message).toBe("tier 'vip' has first response PT12H, worse than lower tier 'key' (PT8H)");
    expect(where(d)).toBe(positionOf(text, 'PT12H'));
    expect(d.severity).toBe('warning');
  });

  it('compares durations across units (P1D is slower than PT8H)', () => {
    const text = edit(VALID, 'resolution: { within: PT8H }', 'resolution: { within: P2D }');
    expect(only(check(text), 'TW0401').message).toBe(
      "tier 'vip' has resolution P2D, worse than lower tier 'key' (PT24H)",
    );
  });

  it('warns when a better tier gets a smaller discount quota, a missing quota counting as 0%', () => {
    const text = edit(
      VALID,
      "entitlements: { discountQuota: '10%' }",
      "entitlements: { discountQuota: '4%' }",
    );
    expect(only(check(text), 'TW0402').message).toBe(
      "tier 'vip' has discount quota 4%, worse than lower tier 'key' (5%)",
    );
    const none = edit(VALID, "      entitlements: { discountQuota: '10%' }\n", '');
    expect(only(check(none), 'TW0402').message).toBe(
      "tier 'vip' has discount quota 0%, worse than lower tier 'key' (5%)",
    );
  });

  it('warns when a better tier is contacted less often for the same action', () => {
    const text = edit(
      edit(
        VALID,
        "entitlements: { discountQuota: '10%' }",
        "entitlements: { discountQuota: '10%', cadence: [ { action: call, every: P3M } ] }",
      ),
      "entitlements: { discountQuota: '5%' }",
      "entitlements: { discountQuota: '5%', cadence: [ { action: call, every: P1M } ] }",
    );
    const d = only(check(text), 'TW0403');
    expect(d.message).toBe("tier 'vip' gets 'call' every P3M, less often than lower tier 'key' (every P1M)");
  });

  it('warns when a lower tier has a 24x7 line and a better one business hours', () => {
    const text = edit(
      edit(VALID, 'response: { within: PT4H }', 'response: { within: PT4H, availability: business-hours }'),
      'response: { within: PT8H }',
      'response: { within: PT8H, availability: 24x7 }',
    );
    expect(only(check(text), 'TW0401').message).toBe(
      "tier 'vip' has availability business-hours, worse than lower tier 'key' (24x7)",
    );
  });
});
