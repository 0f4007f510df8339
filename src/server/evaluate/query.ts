import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { msg } from '../../i18n/text.js';
import type { PolicyQuery } from '../../registry/outcome.js';

/** The request's choice of policy as the registry's query: a version, or a business unit's publication. */
export function policyQuery(choice: {
  version?: string;
  businessUnit?: string;
  policy?: string;
  at?: string;
}): PolicyQuery | Diagnostic {
  const { version, businessUnit, policy, at } = choice;
  if (version !== undefined && businessUnit === undefined && policy === undefined && at === undefined)
    return { version };
  if (version === undefined && businessUnit !== undefined)
    return {
      businessUnit,
      ...(policy === undefined ? {} : { policy }),
      ...(at === undefined ? {} : { at }),
    };
  return diagnostic('TW1312', msg('server.choosePolicy'), {
    pointer: version !== undefined ? '/version' : '',
  });
}
