import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftMetadata } from '../../../ui/src/whatif/draft-meta.js';
import { ROOT } from '../../e2e/cli.js';

describe('draftMetadata: what a draft says it is, before the server reads it', () => {
  it('reads the name and business unit of a bundled policy', () => {
    const text = readFileSync(join(ROOT, 'policies', 'retail-scorecard.tier.yaml'), 'utf8');
    expect(draftMetadata(text)).toEqual({ name: 'retail-scorecard', businessUnit: 'retail' });
  });

  it('takes only the block’s own keys: quoted values, comments, CRLF; nested names are not the policy’s', () => {
    const text = [
      'apiVersion: tierwise/v1',
      'metadata:   # who',
      '  labels:',
      '    name: nested',
      '  name: "vip-policy"  # quoted',
      '',
      "  businessUnit: '零售'",
      'tiers:',
      '  name: elsewhere',
    ].join('\r\n');
    expect(draftMetadata(text)).toEqual({ name: 'vip-policy', businessUnit: '零售' });
  });

  it('is empty when there is no metadata block', () => {
    expect(draftMetadata('kind: TierPolicy\nname: x\n')).toEqual({});
  });
});
