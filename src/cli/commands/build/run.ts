import { type BuiltArtifact, buildArtifact } from '../../../artifact/build.js';
import { renderDiagnostics } from '../../../diagnostics/render/index.js';
import { writeFileAtomic } from '../../../io/atomic-write.js';
import { type CliIO, EXIT } from '../../io.js';
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
      }),
    );
  if (!built.bytes || !built.manifest) {
    const unreadable = built.diagnostics.some((d) => d.code === 'TW0001' || d.code === 'TW1012');
    return unreadable ? EXIT.usage : EXIT.findings;
  }
  const out = opts.out ?? built.fileName;
  if (!out) {
    io.err(
      `tierwise: the artifact holds ${built.manifest.policies.length} policies; name it with --out FILE\n`,
    );
    return EXIT.usage;
  }
  try {
    await writeFileAtomic(out, built.bytes);
  } catch (error) {
    io.err(`tierwise: cannot write ${out}: ${(error as Error).message}; nothing was written\n`);
    return EXIT.usage;
  }
  io.out(summary(out, built));
  return EXIT.ok;
}

function summary(out: string, built: BuiltArtifact): string {
  const manifest = built.manifest!;
  const lines = [`built ${out} (${built.bytes!.byteLength} bytes)`];
  for (const p of manifest.policies) {
    const base = p.extends[0] ? `, extends ${p.extends[0].id} ${p.extends[0].version}` : '';
    const tests =
      p.tests.length > 0 ? `, ${p.tests.length} test ${p.tests.length === 1 ? 'file' : 'files'}` : '';
    lines.push(`  ${p.id} ${p.version}  ${p.path}${base}${tests}`);
  }
  const git = manifest.git
    ? `; git ${manifest.git.commit.slice(0, 12)}${manifest.git.dirty ? ' (uncommitted changes)' : ''}`
    : '';
  lines.push(
    `  ${manifest.files.length} files; build time ${manifest.buildTime} (${timeSource(manifest.buildTimeSource)})${git}`,
  );
  lines.push(built.signedBy ? `  signed with key ${built.signedBy}` : '  unsigned (sign with --sign KEY)');
  return `${lines.join('\n')}\n`;
}

function timeSource(source: string): string {
  if (source === 'flag') return 'from --time';
  if (source === 'git') return 'the commit time of HEAD';
  if (source === 'none') return 'none given: fixed epoch';
  return `from ${source}`;
}
