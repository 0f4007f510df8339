import { type BuiltArtifact, buildArtifact } from '../../../artifact/build.js';
import { renderDiagnostics } from '../../../diagnostics/render/index.js';
import type { Language } from '../../../i18n/language.js';
import { t } from '../../../i18n/text.js';
import { writeFileAtomic } from '../../../io/atomic-write.js';
import { type CliIO, EXIT } from '../../io.js';
import { cannotWrite } from '../../population/run.js';
import type { BuildCliOptions } from '../build.js';

export async function build(paths: string[], opts: BuildCliOptions, io: CliIO): Promise<number> {
  const built = await buildArtifact(paths, {
    time: opts.time,
    signingKey: opts.sign,
    maxBytes: opts.maxBytes,
  });
  if (built.diagnostics.length > 0)
    io.err(
      renderDiagnostics('text', {
        diagnostics: built.diagnostics,
        sources: built.sources,
        color: io.isTTY,
        summary: false,
        language: opts.lang,
      }),
    );
  if (!built.bytes || !built.manifest) {
    const unreadable = built.diagnostics.some((d) => d.code === 'TW0001' || d.code === 'TW1012');
    return unreadable ? EXIT.usage : EXIT.findings;
  }
  const out = opts.out ?? built.fileName;
  if (!out) {
    io.err(`${t(opts.lang, 'cli.buildNameIt', { policies: built.manifest.policies.length })}\n`);
    return EXIT.usage;
  }
  try {
    await writeFileAtomic(out, built.bytes);
  } catch (error) {
    io.err(`${cannotWrite(opts.lang, out, error)}\n`);
    return EXIT.usage;
  }
  io.out(summary(opts.lang, out, built));
  return EXIT.ok;
}

function summary(language: Language, out: string, built: BuiltArtifact): string {
  const manifest = built.manifest!;
  const lines = [t(language, 'cli.built', { file: out, bytes: built.bytes!.byteLength })];
  for (const p of manifest.policies) {
    const base = p.extends[0]
      ? t(language, 'cli.builtExtends', { id: p.extends[0].id, version: p.extends[0].version })
      : '';
    const tests = p.tests.length > 0 ? t(language, 'cli.builtTests', { n: p.tests.length }) : '';
    lines.push(`  ${p.id} ${p.version}  ${p.path}${base}${tests}`);
  }
  const git = manifest.git
    ? t(language, 'cli.builtGit', { commit: manifest.git.commit.slice(0, 12), dirty: manifest.git.dirty })
    : '';
  const source = timeSource(language, manifest.buildTimeSource);
  lines.push(
    `  ${t(language, 'cli.builtFiles', { n: manifest.files.length, time: manifest.buildTime, source, git })}`,
  );
  lines.push(
    `  ${built.signedBy ? t(language, 'cli.signedWith', { key: built.signedBy }) : t(language, 'cli.unsigned')}`,
  );
  return `${lines.join('\n')}\n`;
}

function timeSource(language: Language, source: string): string {
  if (source === 'flag') return t(language, 'cli.timeFlag');
  if (source === 'git') return t(language, 'cli.timeGit');
  if (source === 'none') return t(language, 'cli.timeNone');
  return t(language, 'cli.timeEnv', { source });
}
