import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { testOutcome } from '../../src/testing/outcome.js';
import { renderTestRun } from '../../src/testing/report/index.js';
import { runPolicyTests, type TestRun } from '../../src/testing/runner.js';
import { SARIF_SUBSET_SCHEMA } from '../diagnostics/render/sarif-subset-schema.js';
import { TINY_TESTS, tinyProject } from './fixtures.js';

let run: TestRun;
let file: string;
beforeAll(async () => {
  // one pass, one failure (wrong tier), one error (unknown fact)
  const tests = `${TINY_TESTS.replace('tier: silver', 'tier: gold')}  - name: a typo <&> in a fact
    facts: { customerId: T3, spedn: 10 }
    expect: { tier: bronze }
`;
  file = tinyProject(tests).tests;
  run = await runPolicyTests([file]);
});

const render = (format: Parameters<typeof renderTestRun>[0], threshold?: string) =>
  renderTestRun(format, run, testOutcome(run, threshold), {
    timestamp: '2026-01-01T00:00:00',
    hostname: 'ci',
  });

describe('JUnit XML', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  type Case = {
    name: string;
    classname: string;
    time: string;
    failure?: { type: string; '#text': string };
    error?: { type: string };
  };
  type Suite = Record<string, string> & { testcase: Case[]; properties: unknown };

  it('has the elements and attributes the JUnit XSD requires, with consistent counts', () => {
    const doc = parser.parse(render('junit'));
    const root = doc.testsuites as Record<string, string> & { testsuite: Suite[] };
    expect(root).toMatchObject({ tests: '3', failures: '1', errors: '1' });
    const [suite] = root.testsuite;
    for (const attribute of ['name', 'tests', 'failures', 'errors', 'time', 'timestamp', 'hostname'])
      expect(suite, attribute).toHaveProperty(attribute);
    expect(suite!.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(suite).toHaveProperty('properties');
    expect(suite).toHaveProperty('system-out');
    expect(suite).toHaveProperty('system-err');
    const cases = suite!.testcase;
    expect(Number(suite!.tests)).toBe(cases.length);
    expect(Number(suite!.failures)).toBe(cases.filter((c) => c.failure).length);
    expect(Number(suite!.errors)).toBe(cases.filter((c) => c.error).length);
    for (const c of cases)
      for (const attribute of ['name', 'classname', 'time']) expect(c).toHaveProperty(attribute);
    const failure = cases.find((c) => c.failure)!.failure!;
    expect(failure.type).toBe('TW0901');
    expect(failure['#text']).toContain('tier expected gold, got silver');
    expect(failure['#text']).toContain(`at ${file}:6:5`);
    expect(cases.find((c) => c.error)!.error!.type).toBe('TW0904');
    expect(cases.map((c) => c.name)).toContain('a typo <&> in a fact');
  });
});

describe('SARIF', () => {
  it('is valid against the SARIF 2.1.0 subset schema and points at the failing expectation', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const log = JSON.parse(render('sarif'));
    const validate = ajv.compile(SARIF_SUBSET_SCHEMA);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { region: { startLine: number } } }[];
    }[];
    expect(results.map((r) => r.ruleId)).toEqual(['TW0901', 'TW0904']);
    expect(results[0]!.locations[0]!.physicalLocation.region.startLine).toBe(9);
  });
});

describe('TAP 14', () => {
  it('has the version line, a plan, one point per case and YAML blocks for failures', () => {
    const lines = render('tap').trimEnd().split('\n');
    expect(lines[0]).toBe('TAP version 14');
    expect(lines[1]).toBe('1..3');
    expect(lines.filter((l) => /^(not )?ok \d+ - /.test(l)).map((l) => l.split(' - ')[0])).toEqual([
      'ok 1',
      'not ok 2',
      'not ok 3',
    ]);
    const block = lines.slice(lines.findIndex((l) => l.startsWith('not ok 2')) + 1);
    expect(block[0]).toBe('  ---');
    expect(block).toContain('    tier: gold');
    expect(block.indexOf('  ...')).toBeGreaterThan(0);
  });

  it('adds a failing point for coverage below the threshold', async () => {
    const passing = await runPolicyTests([tinyProject().tests], { coverage: true });
    const tap = renderTestRun('tap', passing, testOutcome(passing, '66.67'));
    expect(tap).toContain('not ok 3 - coverage 66.7% ≥ 66.67%');
    expect(tap).toContain('message: 2 of 3 items reached');
  });
});

describe('GitHub annotations and JSON', () => {
  it('annotates the failing expectation line', () => {
    expect(render('github')).toContain(`::error file=${file},line=9,col=13`);
  });

  it('gives a stable JSON report', () => {
    const report = JSON.parse(render('json'));
    expect(report).toMatchObject({
      version: 1,
      passed: false,
      summary: { passed: 1, failed: 1, errors: 1, total: 3 },
    });
    expect(report.files[0].cases[1].mismatches[0]).toEqual({
      field: 'tier',
      expected: 'gold',
      actual: 'silver',
      line: 9,
      column: 13,
    });
  });
});
