import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { type Example, outputMatches, shellExamples, splitWords } from './shell.js';

/**
 * Every shell example of the documentation runs, from the root of a copy of the repository's
 * bundled files (so that examples may write files), through the CLI in this process: it must
 * exit as the doc says (0, or what a `# exit N` comment on the line says) and print what a
 * console block shows (`…` elides). Commands that cannot run here are listed below with the
 * reason; an entry that matches nothing fails, so the list cannot outlive the docs.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
  'policies/README.md',
  'examples/README.md',
];
/** What an example may read or write: the copy holds these. */
const BUNDLED = ['policies', 'examples', 'schemas'];

interface Skip {
  doc: string;
  command: string;
  reason: string;
  /** Skip the rest of its block too (a script whose lines make sense only together). */
  block?: true;
}

const SKIP: Skip[] = [
  {
    doc: 'README.md',
    command: 'npm ci && npm start',
    reason: 'installs and builds; .ci/run does it on every CI run',
  },
  { doc: 'README.md', command: 'npm test', reason: 'the suite this test belongs to' },
  { doc: 'examples/README.md', command: 'npm run build', reason: 'npm test builds first' },
  {
    doc: 'examples/README.md',
    command: 'npm start',
    reason: 'runs scripts/start.mjs over every bundled policy; its commands are the ones tested here',
  },
  {
    doc: 'examples/README.md',
    command: 'npx tsx examples/generate.ts',
    reason: 'rewrites the bundled data; test/examples/generate.test.ts checks the generator',
  },
  {
    doc: 'README.md',
    command: `curl -s localhost:8080/v1/change-requests -H "Authorization: Bearer $ANALYST" -H 'content-type: application/json' -d "$(jq -Rs '{content: ., title: "VIP from 80"}' < my-retail-variant.tier.yaml)"`,
    block: true,
    reason: 'talks to a running server; test/e2e/registry-http.test.ts drives the same journey',
  },
  {
    doc: 'docs/server.md',
    command: `curl -s localhost:8080/v1/tokens -H "Authorization: Bearer $ADMIN" -H 'content-type: application/json' -d '{"name":"王芳","role":"analyst","businessUnits":["retail"]}'`,
    block: true,
    reason: 'talks to a running server; test/e2e/registry-http.test.ts drives the same journey',
  },
  {
    doc: 'docs/overrides.md',
    command: 'export TIERWISE_TOKEN=$ACCOUNT_MANAGER',
    block: true,
    reason: 'talks to a running server; test/e2e/override.test.ts drives the same steps',
  },
  {
    doc: 'docs/versions.md',
    command: 'git fetch origin main',
    block: true,
    reason: 'a CI script against a git remote; the same diff --semver runs above it in the doc',
  },
  {
    doc: 'docs/server.md',
    command: 'npx tierwise keygen --out release',
    block: true,
    reason: 'starts a server and publishes to it; test/e2e/publish-artifact.test.ts runs the same steps',
  },
];

/** The ways docs write the CLI; each runs as `tierwise` itself. */
const CLI = [
  ['npx', 'tierwise'],
  ['tierwise'],
  ['node', 'dist/cli/bin.js'],
  ['npx', 'tsx', 'src/cli/bin.ts'],
];

const examples = DOCS.flatMap((doc) => shellExamples(doc, readFileSync(join(ROOT, doc), 'utf8')));
const used = new Set<Skip>();
const copies: string[] = [];

function skipOf(example: Example, skippedBlocks: Set<number>): Skip | undefined {
  const skip = SKIP.find((s) => s.doc === example.doc && s.command === example.command);
  if (skip?.block) skippedBlocks.add(example.blockStart);
  return skip;
}

function tierwiseArgs(words: readonly string[]): string[] | undefined {
  const prefix = CLI.find((p) => p.every((w, i) => words[i] === w));
  return prefix && words.slice(prefix.length);
}

async function run(example: Example, cwd: string): Promise<string | undefined> {
  const where = `${example.doc}:${example.line}: ${example.command}`;
  const parsed = splitWords(example.command);
  const args = tierwiseArgs(parsed.words);
  if (parsed.unsupported || !args)
    return `${where}\n  cannot run here (${parsed.unsupported ?? 'not a tierwise command'}): write it as a plain tierwise command, or allow-list it in test/docs/examples.test.ts with the reason`;
  let out = '';
  let err = '';
  const io = {
    out: (text: string) => {
      out += text;
    },
    err: (text: string) => {
      err += text;
    },
    isTTY: false,
  };
  const home = process.cwd();
  const epoch = process.env.SOURCE_DATE_EPOCH;
  let code: number;
  try {
    process.chdir(cwd);
    // The copy is not a git checkout, which gives builds their time; the docs elide it.
    process.env.SOURCE_DATE_EPOCH = '1795000000';
    code = await runCli(args, io);
  } finally {
    process.chdir(home);
    if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = epoch;
    process.exitCode = undefined;
  }
  if (parsed.redirect) {
    writeFileSync(join(cwd, parsed.redirect), out);
    out = '';
  }
  const problems: string[] = [];
  if (code !== example.exit) problems.push(`exited ${code}, the doc says ${example.exit}`);
  const shown = example.output;
  if (shown !== undefined && ![out + err, err + out].some((o) => outputMatches(shown, o)))
    problems.push('printed something else than the doc shows');
  if (problems.length === 0) return undefined;
  return `${where}\n  ${problems.join('\n  ')}\n${(out + err).slice(0, 4000)}`;
}

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('the shell examples of the docs', () => {
  it('are found in every doc that has them', () => {
    expect(examples.length).toBeGreaterThan(25);
    for (const doc of ['README.md', 'docs/data.md', 'docs/testing.md', 'docs/versions.md'])
      expect(
        examples.some((e) => e.doc === doc),
        doc,
      ).toBe(true);
  });

  for (const doc of DOCS.filter((d) => examples.some((e) => e.doc === d))) {
    it(`run as ${doc} says`, async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'tierwise-docs-'));
      copies.push(cwd);
      for (const dir of BUNDLED) cpSync(join(ROOT, dir), join(cwd, dir), { recursive: true });
      const failures: string[] = [];
      const skippedBlocks = new Set<number>();
      for (const example of examples.filter((e) => e.doc === doc)) {
        const skip = skipOf(example, skippedBlocks);
        if (skip) used.add(skip);
        if (skip || skippedBlocks.has(example.blockStart)) continue;
        const failure = await run(example, cwd);
        if (failure) failures.push(failure);
      }
      expect(failures.join('\n\n')).toBe('');
    });
  }

  it('allow-list only commands the docs still have', () => {
    expect(SKIP.filter((s) => !used.has(s)).map((s) => `${s.doc}: ${s.command}`)).toEqual([]);
  });
});

describe('reading examples', () => {
  it('joins continuations, reads prompts, outputs and exit comments', () => {
    const md = [
      '```console',
      '$ npx tierwise check a \\',
      '    b   # exit 1',
      'warning: …',
      '…',
      'done',
      '$ tierwise test',
      '```',
      '```sh',
      '# a comment line',
      "npx tierwise test --run 'A公司|VIP'   # only matching cases",
      '```',
    ].join('\n');
    expect(shellExamples('x.md', md)).toEqual([
      {
        doc: 'x.md',
        line: 2,
        command: 'npx tierwise check a b',
        exit: 1,
        output: 'warning: …\n…\ndone',
        blockStart: 2,
      },
      { doc: 'x.md', line: 7, command: 'tierwise test', exit: 0, output: undefined, blockStart: 2 },
      {
        doc: 'x.md',
        line: 11,
        command: "npx tierwise test --run 'A公司|VIP'",
        exit: 0,
        output: undefined,
        blockStart: 10,
      },
    ]);
    expect(splitWords("npx tierwise test --run 'A公司|VIP' > out.xml").words).toEqual([
      'npx',
      'tierwise',
      'test',
      '--run',
      'A公司|VIP',
    ]);
    expect(splitWords('npx tierwise test > out.xml').redirect).toBe('out.xml');
    expect(splitWords('npm ci && npm start').unsupported).toBe("'&'");
    expect(splitWords('tierwise diff "origin/main:$f"').unsupported).toBeDefined();
  });

  it('matches output with … for elided text and lines', () => {
    expect(outputMatches('a …\n…\nz', 'a b c\nx\ny\nz\n')).toBe(true);
    expect(outputMatches('a …\n…\nz', 'a b c\nz')).toBe(true);
    expect(outputMatches('a b\nz', 'a b\ny\nz')).toBe(false);
    expect(outputMatches('price 1.5', 'price 1x5')).toBe(false);
    expect(outputMatches('ok  ', 'ok\n\n')).toBe(true);
  });
});
