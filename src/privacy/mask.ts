/**
 * Personal data (facts marked `pii: true`) is masked in every output: 张三 → 张*,
 * 13812345678 → 138****5678, zhang.san@example.com → z***@example.com. Masking keeps enough to
 * recognise a record one already knows, and nothing more.
 */
export function maskValue(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return value;
  const text = String(value);
  const email = /^([^@\s])[^@\s]*(@.+)$/.exec(text);
  if (email) return `${email[1]}***${email[2]}`;
  const digits = text.replace(/[\s()+-]/g, '');
  if (/^\d{7,}$/.test(digits))
    return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  const chars = [...text];
  if (chars.length === 1) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/** A copy of the facts with every PII fact masked. */
export function maskFacts(
  facts: Readonly<Record<string, unknown>>,
  pii: ReadonlySet<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(facts)) {
    Object.defineProperty(out, id, {
      value: pii.has(id) ? maskValue(value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Phone numbers inside free text (an override's evidence or reason), masked as maskValue masks a
 * phone fact: 138-1234-5678 → 138****5678. A run of 7 to 15 digits (spaces, dashes, dots and
 * parentheses between them allowed, a leading +) counts as a phone unless it is part of a word,
 * a path or a query (`/cases/12345678`, `?id=12345678`): evidence URLs keep their ids.
 */
export function maskPhones(text: string): string {
  return text.replace(/(?<![\w/=#&.-])\+?\d[\d\s().-]{5,22}\d(?![\w/])/g, (found) => {
    // A date (2026-09-30, 2026.09.30) is not a phone.
    if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(found)) return found;
    const digits = found.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) return found;
    return String(maskValue(digits));
  });
}
