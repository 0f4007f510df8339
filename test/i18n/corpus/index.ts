import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../../src/diagnostics/render/index.js';
import { renderSemverDiff, type SemverDiff } from '../../../src/policy/changes/index.js';
import { checkPolicyText } from '../../../src/policy/check.js';
import { fileCases, semverCases } from './files.js';
import { POLICY_CASES } from './policies.js';

/** One case of the corpus: the findings of one broken input, and the words its author wrote. */
export interface Case {
  name: string;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  allowed: string[];
  /** For `tierwise diff --semver` cases: the whole comparison, rendered as a changelog. */
  diff?: SemverDiff;
}

export interface Corpus {
  cases: Case[];
  /** The temporary directory file cases live in; shown as <tmp> in golden files. */
  dir: string;
}

/**
 * Every broken input of the corpus, checked. Kept to APIs that existed before the catalogue did,
 * so the same corpus rendered by the code before and after gives the English to compare.
 */
export async function collectCorpus(): Promise<Corpus> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tierwise-i18n-corpus-')));
  const cases: Case[] = POLICY_CASES.map((c) => {
    const result = checkPolicyText(c.text, 'p.tier.yaml');
    return {
      name: c.name,
      diagnostics: result.diagnostics,
      sources: result.sources,
      allowed: c.allowed ?? [],
    };
  });
  for (const c of await fileCases(dir)) cases.push({ ...c, allowed: c.allowed ?? [] });
  for (const c of await semverCases(join(dir)))
    cases.push({
      name: `semver: ${c.name}`,
      diagnostics: c.diff.diagnostics,
      sources: c.diff.sources,
      allowed: [],
      diff: c.diff,
    });
  return { cases, dir };
}

type Render = (c: Case) => string;

/** The English of every case, as `tierwise check` and `tierwise diff --semver` print it. */
export const renderEnglish: Render = (c) => {
  const findings = renderDiagnostics('text', {
    diagnostics: c.diagnostics,
    sources: c.sources,
    summary: false,
  });
  if (!c.diff) return findings;
  return `${renderSemverDiff('text', c.diff)}\n${renderSemverDiff('github', c.diff)}`;
};

export function renderCorpus(corpus: Corpus, render: Render): string {
  const out = corpus.cases.map((c) => `## ${c.name}\n${render(c)}`).join('\n');
  return out.replaceAll(corpus.dir, '<tmp>').replace(/\/tmp\/tierwise-[\w-]+/g, '<tmp2>');
}
