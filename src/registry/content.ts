import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/text.js';
import { type CheckedPolicy, parsePolicy } from '../policy/check.js';
import { loadPolicyText } from '../policy/load.js';
import { parsePolicyText } from '../policy/parse.js';
import { type Action, may } from './access.js';
import { registryBases } from './bases.js';
import type { RegistryContext } from './context.js';
import type { Actor, Refusal } from './outcome.js';
import type { PolicyRecord, VersionRecord } from './records.js';
import { refuse } from './refuse.js';

/** The name and business unit a policy text says it is, before (or without) every check. */
export interface Identity {
  name: string;
  businessUnit: string;
  semver?: string;
}

/** Reads metadata.name/businessUnit/version from text that may still hold other errors. */
export function identityOf(
  text: string,
  file: string,
  companyUnit: string,
): Identity | { diagnostics: Diagnostic[] } {
  const parsed = parsePolicyText(text, file);
  const metadata = (parsed.value as { metadata?: Record<string, unknown> } | undefined)?.metadata;
  const name = metadata?.name;
  if (typeof name !== 'string' || name === '' || hasErrors(parsed.diagnostics))
    return {
      diagnostics: parsed.diagnostics.length > 0 ? parsed.diagnostics : checkPolicyDiagnostics(text, file),
    };
  const unit = metadata?.businessUnit;
  const semver = metadata?.version;
  return {
    name,
    businessUnit: typeof unit === 'string' ? unit : companyUnit,
    ...(typeof semver === 'string' ? { semver } : {}),
  };
}

function checkPolicyDiagnostics(text: string, file: string): Diagnostic[] {
  // The schema says what is missing (metadata.name) and where.
  return parsePolicy(text, file).diagnostics;
}

/** Every check `tierwise check` runs, with a variant's base taken from the registry as of `at`. */
export async function checkContent(
  ctx: RegistryContext,
  text: string,
  fileName: string,
  at = ctx.now().getTime(),
  bases: VersionRecord[] = [],
): Promise<CheckedPolicy> {
  return ctx.store.read((reader) =>
    loadPolicyText(text, fileName, { readBase: registryBases(reader, at, bases) }),
  );
}

/** The refusal for content with errors: TW1200 followed by the checks' own diagnostics. */
export function contentRefusal(checked: CheckedPolicy): Refusal | undefined {
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return undefined;
  return refuse('invalid', 'TW1200', msg('registry.hasErrors', { count: errors.length }), {
    pointer: '/content',
    help: msg('registry.hasErrorsHelp'),
    more: checked.diagnostics,
  });
}

/** The file a policy's versions are written as when none is recorded yet: `name.tier.yaml`. */
export const defaultFileName = (policy: string) => `${policy}.tier.yaml`;

/**
 * Who the content says it is, checked against the actor's rights and the registry: the policy's
 * business unit may not change (TW1210). The existing policy comes back with it, when there is one.
 */
export async function ownedIdentity(
  ctx: RegistryContext,
  actor: Actor,
  action: Action,
  content: string,
  file: string,
  pointer?: string,
): Promise<Refusal | { identity: Identity; existing: PolicyRecord | undefined }> {
  const identity = identityOf(content, file, ctx.companyUnit);
  if ('diagnostics' in identity) return { refused: 'invalid', diagnostics: identity.diagnostics };
  const denied = may(actor, action, identity.businessUnit);
  if (denied) return denied;
  const existing = await ctx.store.read((r) => r.getPolicy(identity.name));
  if (existing && existing.businessUnit !== identity.businessUnit)
    return refuse(
      'invalid',
      'TW1210',
      msg('registry.nameMismatch', {
        field: 'businessUnit',
        expected: existing.businessUnit,
        actual: identity.businessUnit,
      }),
      { ...(pointer ? { pointer } : {}), help: msg('registry.nameMismatchHelp') },
    );
  return { identity, existing };
}
