import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { renderDiagnostics } from '../../src/diagnostics/render/index.js';
import { en } from '../../src/i18n/en/index.js';
import { msg, render, type Text } from '../../src/i18n/text.js';
import { renderSemverDiff, semverFindings } from '../../src/policy/changes/index.js';
import { untranslated } from '../helpers/untranslated.js';
import { type Case, type Corpus, collectCorpus, renderCorpus, renderEnglish } from './corpus/index.js';

/**
 * Every finding src/policy and src/artifact can give, produced by the broken inputs of
 * ./corpus, rendered in zh-CN with no English left outside ids, codes, units and numbers — and
 * in English exactly as the code before the catalogue rendered it (corpus/english.golden.txt,
 * written by `npx tsx test/i18n/corpus/print.ts` on that code).
 */
let corpus: Corpus;

beforeAll(async () => {
  corpus = await collectCorpus();
}, 180_000);

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The codes the library modules of this slice can emit, read from their source. */
function emittedCodes(): string[] {
  const codes = new Set<string>();
  for (const dir of ['src/policy', 'src/artifact'])
    for (const file of sourceFiles(join(ROOT, dir)))
      for (const m of readFileSync(file, 'utf8').matchAll(/'(TW\d{4})'/g)) codes.add(m[1]!);
  return [...codes].sort();
}

/** Catalogue ids of a text and the texts within it. */
function idsOf(text: Text | undefined, out = new Set<string>()): Set<string> {
  if (!text) return out;
  out.add(text.id);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && typeof (value as Text).id === 'string')
      idsOf(value as Text, out);
  };
  for (const value of Object.values(text.params ?? {})) visit(value);
  return out;
}

const ID_VALUES = new Set(['id', 'role', 'action', 'fact', 'condition', 'rankBy', 'of', 'name', 'dimension']);
const ID_KEYS = new Set([
  'facts',
  'dimensions',
  'metrics',
  'conditions',
  'classifiers',
  'cells',
  'every',
  'categories',
]);

/** The ids a policy's author wrote: of facts, tiers, dimensions, bands, values, conditions, roles. */
function policyIds(text: string): string[] {
  const out: string[] = [];
  const walk = (node: Node | null | undefined, key?: string, parentKey?: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (k !== undefined && (ID_KEYS.has(key ?? '') || parentKey === 'cells')) out.push(k);
        walk(pair.value as Node, k, key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item as Node, key, parentKey);
    } else if (isScalar(node) && typeof node.value === 'string') {
      if (ID_VALUES.has(key ?? '') || key === 'values' || key === 'value' || parentKey === 'cells')
        out.push(node.value);
    }
  };
  walk(parseDocument(text).contents as Node);
  return out;
}

/** Names the fixtures give policies, files and git revisions, which messages quote. */
const FIXTURE_NAMES = ['test-policy', 'test-variant', 'retail', 'nope', 'nosuchref', 'HEAD'];
/**
 * An example is data, written as the policy writes it: the score, a matrix cell, true and false,
 * and "other", which coverage analysis makes up for a text no condition names.
 */
const EXAMPLE_WORDS = ['score', 'row', 'column', 'true', 'false', 'other'];

const findings = (c: Case) => (c.diff ? semverFindings(c.diff) : c.diagnostics);

function chinese(c: Case): string {
  const render = (diagnostics: Case['diagnostics']) =>
    renderDiagnostics('text', { diagnostics, sources: c.sources, summary: false, language: 'zh-CN' });
  if (!c.diff) return render(c.diagnostics);
  // The changelog shows the version findings; the notes (TW1103) are what github and sarif add.
  const notes = semverFindings(c.diff).filter((d) => d.code === 'TW1103');
  return `${renderSemverDiff('text', c.diff, false, 'zh-CN')}\n${render(notes)}`;
}

/**
 * What a reader's language does not change: code frames (the user's file), locations (file names,
 * with an artifact's `!entry`), and sha256 hashes.
 */
const onlyWords = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s*\d*\s*\|/.test(line) && !/^\s*-->/.test(line))
    .join('\n')
    .replace(/\b[0-9a-f]{64}\b/g, '<sha256>');

describe('policy and artifact findings in zh-CN', () => {
  it('the corpus produces every code src/policy and src/artifact emit', () => {
    const produced = new Set(corpus.cases.flatMap((c) => findings(c).map((d) => d.code)));
    // Rendered in zh-CN by their own tests, written alongside the rules that emit them.
    const elsewhere = new Set([
      'TW0322', // test/policy/lint/order.test.ts
      'TW0610', // test/policy/mapping/mapping.test.ts
      'TW0611', // test/policy/mapping/mapping.test.ts
      'TW0710', // test/privacy/key.test.ts
    ]);
    expect(emittedCodes().filter((code) => !produced.has(code) && !elsewhere.has(code))).toEqual([]);
  });

  it('every finding of the corpus carries its message and help as catalogue texts', () => {
    const plain = corpus.cases.flatMap((c) =>
      c.diagnostics
        .filter((d) => !d.i18n?.message || (d.help !== undefined && !d.i18n.help))
        .map((d) => `${c.name}: ${d.code} ${d.message}`),
    );
    expect(plain).toEqual([]);
  });

  it('the corpus uses every text of the policy and artifact areas', () => {
    const used = new Set<string>();
    for (const c of corpus.cases) {
      for (const d of findings(c)) {
        idsOf(d.i18n?.message, used);
        idsOf(d.i18n?.help, used);
      }
      for (const change of c.diff?.report.changes ?? []) idsOf(change.i18n, used);
    }
    const areas = ['parse', 'schema', 'lint', 'expr', 'tiers', 'changes', 'artifact', 'suggest'] as const;
    const all = areas.flatMap((area) => Object.keys(en[area]).map((key) => `${area}.${key}`));
    expect(all.filter((id) => !used.has(id) && !NOT_IN_FINDINGS.has(id))).toEqual([]);
  });

  it('leaves no English outside ids, codes, units and numbers', () => {
    const english = corpus.cases.flatMap((c) => {
      const allowed = [
        ...[...c.sources.values()].flatMap(policyIds),
        ...c.allowed,
        ...FIXTURE_NAMES,
        ...EXAMPLE_WORDS,
      ];
      return untranslated(onlyWords(chinese(c)), allowed).map((e) => `${c.name}: ${e}`);
    });
    expect(english).toEqual([]);
  });

  it('reads as the translators wrote it (a file to review)', async () => {
    await expect(renderCorpus(corpus, chinese)).toMatchFileSnapshot('corpus/chinese.snap.txt');
  });

  it('renders English byte for byte as before the catalogue', () => {
    const golden = readFileSync(join(import.meta.dirname, 'corpus/english.golden.txt'), 'utf8');
    expect(renderCorpus(corpus, renderEnglish)).toBe(golden);
  });
});

describe('texts within texts', () => {
  it('renders a phrase given as a parameter in the language of the output', () => {
    const text = msg('lint.noLabel', { what: msg('lint.tier', { id: 'vip' }) });
    expect(render('en', text)).toBe("tier 'vip' has no label");
    expect(render('zh-CN', text)).toBe("等级 'vip' 没有标签");
    const list = msg('tiers.both', { parts: [msg('tiers.factIs', { fact: 'a', value: '1' }), 'b ≠ 2'] });
    expect(render('zh-CN', list)).toBe('a = 1 且 b ≠ 2');
  });
});

/**
 * Texts no finding of the corpus carries, with parameters to render them by: the changelog's
 * own words (renderSemverDiff prints them for the semver cases above), and texts for what the
 * public functions cannot be made to produce in a test — a file changing between two reads,
 * defensive branches, kinds of names other modules suggest from, and x-expected texts the
 * schema does not use today (test/i18n/schema-expected.test.ts keeps that table complete).
 */
const NOT_IN_FINDINGS = new Map<string, Record<string, unknown> | undefined>([
  ['changes.side', { source: 'a.tier.yaml', version: '1.0.0' }],
  ['changes.heading', { old: 'a.tier.yaml', new: 'b.tier.yaml' }],
  ['changes.newPolicy', { side: 'a.tier.yaml', ref: 'HEAD' }],
  ['changes.noChanges', undefined],
  ['changes.major', undefined],
  ['changes.minor', undefined],
  ['changes.patch', undefined],
  ['changes.line', { message: '…', line: 3 }],
  [
    'changes.count',
    {
      n: 3,
      counts: [
        { kind: 'major', n: 1 },
        { kind: 'minor', n: 2 },
      ],
    },
  ],
  ['changes.verdictNone', { version: '1.0.0' }],
  ['changes.verdictOk', { changes: '…', old: '1.0.0', new: '2.0.0' }],
  ['changes.verdictNotBumped', { changes: '…', level: 'minor', suggested: '1.1.0' }],
  ['changes.verdictLowered', { changes: '…' }],
  ['changes.policy', undefined],
  ['changes.unclassifiedWhy', undefined],
  ['parse.tooManyValues', { limit: 200000 }],
  ['parse.unsupportedNode', undefined],
  ['parse.integerTooLarge', undefined],
  ['parse.onlyPlainValues', undefined],
  ['parse.unknownError', undefined],
  ['schema.expectOther', { text: 'something' }],
  ['schema.expectIdentifierShort', undefined],
  ['schema.anyForm', undefined],
  ['schema.invalidValue', undefined],
  ['artifact.unreadableWhilePacking', { file: 'a.tier.yaml' }],
  ['artifact.changedWhilePacking', { file: 'a.tier.yaml' }],
  ['artifact.changedWhilePackingHelp', undefined],
  ['artifact.textNotAvailable', { file: 'a.tier.yaml' }],
  ['artifact.baseOutsideLoaded', { base: '../x.tier.yaml' }],
  ['artifact.changedOnDisk', { file: 'a.tier.yaml' }],
  ['artifact.publicForSigning', undefined],
  ['suggest.columns', undefined],
  ['suggest.sheets', undefined],
]);

describe('texts no finding of the corpus carries', () => {
  it('read in Chinese too', () => {
    const english = [...NOT_IN_FINDINGS].flatMap(([id, params]) =>
      untranslated(render('zh-CN', { id, params } as Text), ['something', 'HEAD']).map((e) => `${id}: ${e}`),
    );
    expect(english).toEqual([]);
  });
});
