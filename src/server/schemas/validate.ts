import { type Static, Type } from '@sinclair/typebox';
import { DiagnosticSchema, strict } from './common.js';

export const ValidateRequest = strict(
  {
    content: Type.String({ description: 'the policy YAML, exactly as written' }),
    fileName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        pattern: '^[^/\\\\]+$',
        description:
          'the name diagnostics give the text (`retail.tier.yaml`); `policy.tier.yaml` if not given',
      }),
    ),
  },
  { title: 'ValidateRequest' },
);
export type ValidateRequest = Static<typeof ValidateRequest>;

/** `tierwise check --format json`: the same object, so a tool reads either. */
export const ValidateResponse = Type.Object(
  {
    version: Type.Literal(1),
    files: Type.Array(Type.String()),
    diagnostics: Type.Array(DiagnosticSchema),
    summary: Type.Object({ errors: Type.Integer(), warnings: Type.Integer(), infos: Type.Integer() }),
  },
  { title: 'ValidateResponse' },
);
