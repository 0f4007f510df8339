import type { Command } from 'commander';
import { Option } from 'commander';
import { configuredVerifyKey, VERIFY_KEY_ENV } from '../../artifact/keys.js';
import { type VerifiedArtifact, verifyArtifact } from '../../artifact/verify.js';
import { type DiagnosticFormat, renderDiagnostics } from '../../diagnostics/render/index.js';
import { type CliIO, EXIT } from '../io.js';

interface VerifyCliOptions {
  key?: string;
  format: DiagnosticFormat;
  maxBytes?: number;
}

export function registerVerify(program: Command, io: CliIO): void {
  program
    .command('verify')
    .description("check an artifact: every file against the manifest's sha256, and with a key its signature")
    .argument('<artifact>', 'a .tierpkg.tgz built by `tierwise build`')
    .option(
      '--key <file>',
      `Ed25519 public key (PEM); default $${VERIFY_KEY_ENV}. With a key, unsigned is refused`,
    )
    .addOption(
      new Option('--format <format>', 'output format of findings')
        .choices(['text', 'json', 'sarif', 'github'])
        .default('text'),
    )
    .option('--max-bytes <n>', 'largest file accepted inside the artifact', (v) => Number.parseInt(v, 10))
    .action(async (artifact: string, opts: VerifyCliOptions) => {
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
    });
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
