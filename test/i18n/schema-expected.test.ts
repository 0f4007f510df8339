import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n/text.js';
import { expectedText } from '../../src/policy/expected.js';
import { policyJsonSchema } from '../../src/policy/schema/json-schema.js';

function expectedTexts(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const child of node) expectedTexts(child, out);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-expected' && typeof value === 'string') out.add(value);
      else expectedTexts(value, out);
    }
  return out;
}

describe("the schema's x-expected texts", () => {
  const texts = [...expectedTexts(policyJsonSchema())];

  it('each have a catalogue text, whose English is the schema’s word for word', () => {
    expect(texts.length).toBeGreaterThan(10);
    for (const english of texts) {
      const text = expectedText(english);
      expect(text.id, english).not.toBe('schema.expectOther');
      expect(render('en', text)).toBe(english);
      expect(render('zh-CN', text)).not.toBe(english);
    }
  });
});
