import { chooseEvaluator, type EngineChoice } from '../compile/evaluate.js';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { CustomerInput } from '../engine/evaluate.js';
import { explainResult, type Language } from '../engine/explain/explain.js';
import type { Evaluate } from '../engine/run.js';
import { needsAsOf, runAsOf } from '../facts/derive.js';
import { msg } from '../i18n/text.js';
import { loadPolicy } from '../policy/load.js';
import type { Policy } from '../policy/schema/policy.js';
import { compareResult, type Mismatch } from './compare.js';
import { CoverageCollector, type PolicyCoverage } from './coverage.js';
import { discoverTestFiles, policyOf } from './discover.js';
import { InputBuilder, type SpecPlace } from './inputs.js';
import { maskTestSource } from './mask-source.js';
import { type ParsedTestFile, readTestFile } from './parse.js';
import type { TestFile } from './schema.js';
import { type SnapshotOptions, type SnapshotOutcome, snapshotPolicy } from './snapshot.js';

export type CaseStatus = 'pass' | 'fail' | 'error';

export interface CaseResult {
  name: string;
  file: string;
  /** Where the case starts in its test file (its `name:` line). */
  range?: Range;
  pointer: string;
  policy: string;
  status: CaseStatus;
  mismatches: Mismatch[];
  /** The explanation of the actual result (PII masked), for failures. */
  explanation: string[];
  /** Why the case could not be evaluated (status error). */
  diagnostics: Diagnostic[];
}

export interface TestFileResult {
  file: string;
  policy?: string;
  cases: CaseResult[];
  /** Problems with the file or its policy: no case of it could run. */
  diagnostics: Diagnostic[];
}

export interface TestRun {
  files: TestFileResult[];
  /** Problems finding the files. */
  diagnostics: Diagnostic[];
  coverage?: PolicyCoverage[];
  snapshots: SnapshotOutcome[];
  /** File → text, for code frames, SARIF regions and the failing line. */
  sources: Map<string, string>;
  summary: { passed: number; failed: number; errors: number; total: number };
}

export interface TestOptions {
  engine?: EngineChoice;
  /** Only cases whose name (or `file: name`) matches. */
  run?: RegExp;
  coverage?: boolean;
  language?: Language;
  snapshot?: Omit<SnapshotOptions, 'testFile' | 'policyFile' | 'evaluate'>;
}

/** `tierwise test [paths…]`: find the test files, run every case, collect coverage and snapshots. */
export async function runPolicyTests(paths: readonly string[], options: TestOptions = {}): Promise<TestRun> {
  const found = await discoverTestFiles(paths);
  const sources = new Map<string, string>();
  const files: TestFileResult[] = [];
  const snapshots: SnapshotOutcome[] = [];
  const coverage = new Map<string, { collector: CoverageCollector; name: string }>();
  for (const file of found.files) {
    const parsed = await readTestFile(file);
    // Frames quote the lines around a finding: the fixtures' personal values are shown masked.
    const show = (policy?: Policy) => {
      if (parsed.text !== undefined)
        sources.set(file, maskTestSource(parsed.text, parsed.data, parsed.sourceMap, policy));
    };
    show();
    if (!parsed.tests) {
      files.push({ file, cases: [], diagnostics: parsed.diagnostics });
      continue;
    }
    const policyFile = policyOf(file, parsed.tests.policy);
    const loaded = await loadPolicy(policyFile);
    for (const [f, text] of loaded.sources) sources.set(f, text);
    if (!loaded.policy) {
      const cannot = diagnostic('TW0903', msg('testing.policyNotLoaded', { policy: policyFile, file }), {
        file,
        range: parsed.sourceMap!.range('/policy'),
        help: parsed.tests.policy === undefined ? msg('testing.policyNotLoadedHelp') : undefined,
      });
      files.push({
        file,
        policy: policyFile,
        cases: [],
        diagnostics: [cannot, ...loaded.diagnostics.filter((d) => d.severity === 'error')],
      });
      continue;
    }
    show(loaded.policy);
    const { evaluate } = chooseEvaluator(loaded.policy, options.engine);
    const entry = coverage.get(policyFile) ?? {
      collector: new CoverageCollector(loaded.policy),
      name: policyFile,
    };
    coverage.set(policyFile, entry);
    files.push(
      await runFile(parsed, parsed.tests, loaded.policy, policyFile, evaluate, entry.collector, options),
    );
    if (options.snapshot)
      snapshots.push(
        await snapshotPolicy(loaded.policy, { ...options.snapshot, testFile: file, policyFile, evaluate }),
      );
  }
  const cases = files.flatMap((f) => f.cases);
  const fileErrors = files.filter((f) => f.diagnostics.some((d) => d.severity === 'error')).length;
  return {
    files,
    diagnostics: found.diagnostics,
    coverage: options.coverage ? [...coverage.values()].map((c) => c.collector.result(c.name)) : undefined,
    snapshots,
    sources,
    summary: {
      passed: cases.filter((c) => c.status === 'pass').length,
      failed: cases.filter((c) => c.status === 'fail').length,
      errors: cases.filter((c) => c.status === 'error').length + fileErrors,
      total: cases.length,
    },
  };
}

async function runFile(
  parsed: ParsedTestFile,
  tests: TestFile,
  policy: Policy,
  policyFile: string,
  evaluate: Evaluate,
  collector: CoverageCollector,
  options: TestOptions,
): Promise<TestFileResult> {
  const file = parsed.file;
  const builder = new InputBuilder(policy);
  const place = (pointer: string): SpecPlace => ({ file, pointer, sourceMap: parsed.sourceMap! });
  const population: CustomerInput[] = [];
  const problems: Diagnostic[] = [];
  tests.population?.forEach((member, i) => {
    const input = builder.build(member, `member-${i + 1}`, place(`/population/${i}`), tests.asOf);
    if (Array.isArray(input)) problems.push(...input);
    else population.push(input);
  });
  if (problems.length > 0) return { file, policy: policyFile, cases: [], diagnostics: problems };
  const cases: CaseResult[] = [];
  for (const [i, testCase] of tests.cases.entries()) {
    if (options.run && !options.run.test(testCase.name) && !options.run.test(`${file}: ${testCase.name}`))
      continue;
    const pointer = `/cases/${i}`;
    const base: Omit<CaseResult, 'status'> = {
      name: testCase.name,
      file,
      range: parsed.sourceMap!.range(joinPointer(pointer, 'name'), 'key'),
      pointer,
      policy: policyFile,
      mismatches: [],
      explanation: [],
      diagnostics: [],
    };
    const customers = casePopulation(testCase, i, population, builder, place(pointer), tests.asOf);
    if (!Array.isArray(customers.input)) {
      cases.push({ ...base, status: 'error', diagnostics: customers.input.problems });
      continue;
    }
    // Derived facts and `{ ago }` dates measure from the case's as-of (else the file's): a test
    // that depends on today would pass today and fail next month.
    const measured = runAsOf(policy, testCase.asOf ?? tests.asOf);
    if (
      hasErrors(measured.diagnostics) ||
      (needsAsOf(policy) && (testCase.asOf ?? tests.asOf) === undefined)
    ) {
      const problems = hasErrors(measured.diagnostics)
        ? measured.diagnostics.map((d) => ({ ...d, file, pointer: joinPointer(pointer, 'asOf') }))
        : [
            diagnostic('TW0904', msg('testing.derivedNeedAsOf'), {
              file,
              range: base.range,
              pointer,
              help: msg('testing.transactionsNeedAsOfHelp'),
            }),
          ];
      cases.push({ ...base, status: 'error', diagnostics: problems });
      continue;
    }
    const results = await evaluate(customers.input, { explain: true, asOf: measured.asOf });
    for (const r of results) if (population.length === 0 || r.customer === customers.id) collector.add(r);
    const result = results.find((r) => r.customer === customers.id)!;
    const mismatches = compareResult(
      policy,
      result,
      testCase.expect,
      joinPointer(pointer, 'expect'),
      options.language,
    ).map((m) => ({ ...m, range: parsed.sourceMap!.range(m.pointer) }));
    cases.push({
      ...base,
      status: mismatches.length === 0 ? 'pass' : 'fail',
      mismatches,
      explanation: mismatches.length === 0 ? [] : explainResult(policy, result, options.language),
    });
  }
  return { file, policy: policyFile, cases, diagnostics: [] };
}

/** The customers a case is evaluated with: itself alone, or within the file's population (quota ranks everyone). */
function casePopulation(
  testCase: TestFile['cases'][number],
  index: number,
  population: readonly CustomerInput[],
  builder: InputBuilder,
  place: SpecPlace,
  asOf: string | undefined,
): { id: string; input: CustomerInput[] | { problems: Diagnostic[] } } {
  const own =
    testCase.facts !== undefined || testCase.record !== undefined || testCase.transactions !== undefined;
  if (!own) {
    const id = testCase.customer;
    const member = id === undefined ? undefined : population.find((c) => c.id === id);
    if (member) return { id: member.id, input: [...population] };
    const pointer = joinPointer(place.pointer, id === undefined ? 'name' : 'customer');
    const message = id === undefined ? msg('testing.noCustomerGiven') : msg('testing.noSuchCustomer', { id });
    return {
      id: '',
      input: {
        problems: [
          diagnostic('TW0904', message, { file: place.file, pointer, range: place.sourceMap.range(pointer) }),
        ],
      },
    };
  }
  const input = builder.build(testCase, `case-${index + 1}`, place, asOf);
  if (Array.isArray(input)) return { id: '', input: { problems: input } };
  return { id: input.id, input: [...population.filter((c) => c.id !== input.id), input] };
}
