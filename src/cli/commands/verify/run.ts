import { configuredVerifyKey, VERIFY_KEY_ENV } from '../../../artifact/keys.js';
import { type VerifiedArtifact, verifyArtifact } from '../../../artifact/verify.js';
import { renderDiagnostics } from '../../../diagnostics/render/index.js';
import { type CliIO, EXIT } from '../../io.js';
import type { VerifyCliOptions } from '../verify.js';

export async function verify(artifact: string, opts: VerifyCliOptions, io: CliIO): Promise<void> {
  const verified = await verifyArtifact(artifact, {
    key: configuredVerifyKey(opts.key),
    maxBytes: opts.maxBytes,
  });
  if (opts.format !== 'text' || verified.diagnostics.length > 0) {
    const rendered = renderDiagnostics(opts.format, {
      diagnostics: verified.diagnostics,
      sources: new Map(),
      color: io.isTTY,
      summary: false,
    });
    if (opts.format === 'text') io.err(rendered);
    else io.out(rendered);
  }
  if (opts.format === 'text') io.out(summary(artifact, verified));
  process.exitCode = exitCode(verified);
}

function summary(artifact: string, verified: VerifiedArtifact): string {
  if (!verified.ok) {
    const errors = verified.diagnostics.filter((d) => d.severity === 'error').length;
    return `REFUSED ${artifact}: ${errors} ${errors === 1 ? 'problem' : 'problems'}\n`;
  }
  const manifest = verified.manifest!;
  const signature =
    verified.signature === 'verified'
      ? `signature verified (key ${verified.signedBy})`
      : `NOT signature-checked (no --key or $${VERIFY_KEY_ENV}; ${verified.signed ? 'it carries a signature' : 'it is unsigned'})`;
  const lines = [`verified ${artifact}: ${manifest.files.length} files match the manifest; ${signature}`];
  for (const p of manifest.policies) {
    const base = p.extends.map((b) => `${b.id} ${b.version}`).join(' → ');
    lines.push(`  ${p.id} ${p.version}  ${p.path}${base ? `  extends ${base}` : ''}`);
  }
  const git = manifest.git
    ? `, git ${manifest.git.commit.slice(0, 12)}${manifest.git.dirty ? ' (uncommitted changes)' : ''}`
    : '';
  lines.push(`  built ${manifest.buildTime} by tierwise ${manifest.tierwise}${git}`);
  return `${lines.join('\n')}\n`;
}

function exitCode(verified: VerifiedArtifact): number {
  if (verified.ok) return EXIT.ok;
  return verified.diagnostics.some((d) => d.code === 'TW1001' || d.code === 'TW1012')
    ? EXIT.usage
    : EXIT.findings;
}
