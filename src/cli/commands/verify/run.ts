import { configuredVerifyKey, VERIFY_KEY_ENV } from '../../../artifact/keys.js';
import { type VerifiedArtifact, verifyArtifact } from '../../../artifact/verify.js';
import { renderDiagnostics } from '../../../diagnostics/render/index.js';
import type { Language } from '../../../i18n/language.js';
import { t } from '../../../i18n/text.js';
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
      language: opts.lang,
    });
    if (opts.format === 'text') io.err(rendered);
    else io.out(rendered);
  }
  if (opts.format === 'text') io.out(summary(opts.lang, artifact, verified));
  process.exitCode = exitCode(verified);
}

function summary(language: Language, artifact: string, verified: VerifiedArtifact): string {
  if (!verified.ok) {
    const errors = verified.diagnostics.filter((d) => d.severity === 'error').length;
    return `${t(language, 'cli.refused', { file: artifact, problems: errors })}\n`;
  }
  const manifest = verified.manifest!;
  const signature =
    verified.signature === 'verified'
      ? t(language, 'cli.signatureVerified', { key: verified.signedBy ?? '' })
      : t(language, 'cli.signatureNotChecked', { env: VERIFY_KEY_ENV, signed: verified.signed });
  const lines = [t(language, 'cli.verified', { file: artifact, files: manifest.files.length, signature })];
  for (const p of manifest.policies) {
    const base = p.extends.map((b) => `${b.id} ${b.version}`).join(' → ');
    lines.push(
      `  ${p.id} ${p.version}  ${p.path}${base ? t(language, 'cli.verifiedExtends', { bases: base }) : ''}`,
    );
  }
  const git = manifest.git
    ? t(language, 'cli.verifiedGit', { commit: manifest.git.commit.slice(0, 12), dirty: manifest.git.dirty })
    : '';
  lines.push(
    `  ${t(language, 'cli.verifiedBuilt', { time: manifest.buildTime, version: manifest.tierwise, git })}`,
  );
  return `${lines.join('\n')}\n`;
}

function exitCode(verified: VerifiedArtifact): number {
  if (verified.ok) return EXIT.ok;
  return verified.diagnostics.some((d) => d.code === 'TW1001' || d.code === 'TW1012')
    ? EXIT.usage
    : EXIT.findings;
}
