import type { Language } from '../i18n/language.js';
import { msg, render } from '../i18n/text.js';
import { may } from './access.js';
import { createChangeRequest } from './change-requests.js';
import { defaultFileName } from './content.js';
import type { RegistryContext } from './context.js';
import type { Actor } from './outcome.js';
import { OPEN_STATES } from './overview.js';
import { notFound, refuse } from './refuse.js';

export interface VariantRequest {
  /** The company policy the variant extends. */
  base: string;
  /** The new policy's metadata.name. */
  name: string;
  businessUnit: string;
  title?: string;
}

/** A variant starts as nothing but its identity and its base: every rule is inherited until changed. */
export const FIRST_VARIANT_VERSION = '1.0.0';

/**
 * A business unit's variant of a company policy, as a draft change request whose content extends
 * the base and changes nothing yet (docs/language.md, Variants). The draft is the analyst's to
 * edit; the name must be free, neither a policy nor proposed by an open change request.
 */
export async function draftVariant(
  ctx: RegistryContext,
  actor: Actor,
  request: VariantRequest,
  language: Language,
) {
  const denied = may(actor, 'draft', request.businessUnit);
  if (denied) return denied;
  const refused = await ctx.store.read(async (reader) => {
    const base = await reader.getPolicy(request.base);
    if (!base) return notFound('policy', request.base);
    if (base.businessUnit !== ctx.companyUnit)
      return refuse(
        'invalid',
        'TW1330',
        msg('review.baseNotCompany', { base: base.name, unit: base.businessUnit, company: ctx.companyUnit }),
        { pointer: '/base', help: msg('review.baseNotCompanyHelp') },
      );
    const fileName = defaultFileName(request.name);
    const taken = (await reader.getPolicy(request.name)) ?? (await reader.getPolicyByFileName(fileName));
    if (taken)
      return refuse('conflict', 'TW1218', msg('registry.fileNameTaken', { fileName, policy: taken.name }), {
        pointer: '/name',
      });
    const proposed = (await reader.listChangeRequests({ policy: request.name })).find((r) =>
      OPEN_STATES.includes(r.state),
    );
    if (proposed)
      return refuse(
        'conflict',
        'TW1331',
        msg('review.nameProposed', { name: request.name, id: proposed.id, author: proposed.author }),
        { pointer: '/name', help: msg('review.nameProposedHelp') },
      );
    return { fileName: base.fileName };
  });
  if ('refused' in refused) return refused;
  const comment = render(
    language,
    msg('review.variantComment', { unit: request.businessUnit, base: request.base }),
  );
  const content = [
    `# ${comment}`,
    'apiVersion: tierwise/v1',
    'kind: TierPolicy',
    'metadata:',
    `  name: ${request.name}`,
    `  version: ${FIRST_VARIANT_VERSION}`,
    `  businessUnit: ${plain(request.businessUnit)}`,
    `  extends: ./${refused.fileName}`,
    '',
  ].join('\n');
  const title =
    request.title ?? render(language, msg('review.variantTitle', { name: request.name, base: request.base }));
  return createChangeRequest(ctx, actor, { content, title });
}

/** A business unit as a YAML scalar: quoted unless it is a plain identifier. */
const plain = (value: string) => (/^[A-Za-z][A-Za-z0-9_-]*$/.test(value) ? value : JSON.stringify(value));
