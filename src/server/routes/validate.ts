import { diagnosticsReport } from '../../diagnostics/render/json.js';
import { checkPolicyText } from '../../policy/check.js';
import { decodePolicyBytes } from '../../policy/parse.js';
import { localized } from '../respond.js';
import type { Route } from '../route.js';
import { ValidateRequest, ValidateResponse } from '../schemas/validate.js';

const DEFAULT_FILE = 'policy.tier.yaml';
const YAML_TYPES = ['text/yaml', 'application/yaml', 'application/x-yaml', 'text/x-yaml'];

/**
 * POST /v1/validate: every check of `tierwise check` on policy text, with the same JSON. A
 * variant (`extends`) is checked against its base in the registry when the registry offers
 * that (deps.checkPolicy); alone, it is reported as a fragment (TW0505) as a lone file would be.
 */
const validate: Route<ValidateRequest> = {
  method: 'post',
  path: '/v1/validate',
  operationId: 'validate',
  summary: 'Check policy YAML: diagnostics with line:column, as `tierwise check --format json` gives them',
  description:
    'Send the YAML as the body (Content-Type: text/yaml; the file is then called policy.tier.yaml) or as JSON { content, fileName }. Always 200 when the text was read: the findings are the answer.',
  tag: 'policies',
  role: 'viewer',
  request: {
    json: ValidateRequest,
    text: YAML_TYPES,
    limit: 'jsonBytes',
    example: { content: 'apiVersion: …', fileName: 'retail.tier.yaml' },
  },
  responses: {
    200: { description: 'the findings; `summary.errors` is 0 for a valid policy', schema: ValidateResponse },
  },
  async handle(c, input, { deps, limits }) {
    const file = input.json?.fileName ?? DEFAULT_FILE;
    const decoded = input.json
      ? { text: input.json.content, diagnostics: [] }
      : decodePolicyBytes(input.bytes ?? new Uint8Array(0), file, limits.jsonBytes);
    const checked =
      decoded.text === undefined
        ? { diagnostics: decoded.diagnostics }
        : deps.checkPolicy
          ? await deps.checkPolicy(decoded.text, file, c.get('actor'))
          : checkPolicyText(decoded.text, file);
    return c.json(
      diagnosticsReport({
        diagnostics: localized(checked.diagnostics, c.get('language')),
        sources: new Map(),
        files: [file],
      }),
    );
  },
};

export const validateRoutes: Route[] = [validate as Route];
