import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';

const DOC = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');

interface Section {
  code: string;
  title: string;
  anchor?: string;
  severity?: string;
}

/** Each code's section: `<a id="tw0203"></a>`, `## TW0203 — title`, then `**Severity:** error`. */
function sections(markdown: string): Section[] {
  const lines = markdown.split('\n');
  const out: Section[] = [];
  lines.forEach((line, i) => {
    const heading = /^## (TW\d{4}) — (.+)$/.exec(line);
    if (!heading) return;
    const body = lines.slice(i + 1, i + 4).join('\n');
    out.push({
      code: heading[1]!,
      title: heading[2]!,
      anchor: /^<a id="([^"]+)"><\/a>$/.exec(previousText(lines, i))?.[1],
      severity: /\*\*Severity:\*\* (\w+)/.exec(body)?.[1],
    });
  });
  return out;
}

/** The nearest non-blank line above line i (Biome's markdown formatting puts a blank line between). */
function previousText(lines: readonly string[], i: number): string {
  for (let k = i - 1; k >= 0; k--) if (lines[k]!.trim() !== '') return lines[k]!;
  return '';
}

const documented = sections(DOC);

describe('docs/diagnostics.md', () => {
  it('has a section for every code, and none for a code that does not exist', () => {
    expect(documented.map((s) => s.code).sort()).toEqual(Object.keys(CODES).sort());
  });

  it('documents each code once, in code order', () => {
    const codes = documented.map((s) => s.code);
    expect(codes).toEqual([...new Set(codes)].sort());
  });

  it('gives each section the code’s title, default severity and the anchor SARIF links to', () => {
    for (const section of documented) {
      const known = CODES[section.code as keyof typeof CODES];
      expect(section, section.code).toEqual({
        code: section.code,
        title: known.title,
        anchor: section.code.toLowerCase(),
        severity: known.severity,
      });
    }
  });

  it('links only to anchors it defines', () => {
    const anchors = new Set(documented.map((s) => s.anchor));
    const links = [...DOC.matchAll(/\]\(#(tw\d{4})\)/g)].map((m) => m[1]);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });
});
