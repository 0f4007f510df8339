import { Type } from '@sinclair/typebox';
import type { Registry } from '../../../registry/registry.js';
import { localized } from '../../respond.js';
import type { Route } from '../../route.js';
import { DiagnosticSchema } from '../../schemas/common.js';
import { AuditEntrySchema } from '../../schemas/registry.js';

const Whole = Type.String({ pattern: '^\\d{1,15}$' });

/** The audit trail, and its verification. */
export function auditRoutes(registry: Registry): Route[] {
  const list: Route = {
    method: 'get',
    path: '/v1/audit',
    operationId: 'listAudit',
    summary:
      'Audit entries in order (after a sequence number, at most `limit`, optionally about one subject or one policy)',
    tag: 'audit',
    role: 'viewer',
    query: Type.Object({
      after: Type.Optional(Whole),
      limit: Type.Optional(Whole),
      subject: Type.Optional(
        Type.String({ description: 'a policy, version, change request, publication, dataset or token id' }),
      ),
      policy: Type.Optional(
        Type.String({
          description:
            'entries about the policy, its versions, publications and change requests (a timeline)',
        }),
      ),
    }),
    responses: {
      200: {
        description: 'the entries, chained by hash',
        schema: Type.Object({ entries: Type.Array(AuditEntrySchema) }),
      },
    },
    async handle(c, input) {
      const { after, limit, subject, policy } = input.query;
      const entries = await registry.listAudit({
        ...(after ? { after: Number(after) } : {}),
        limit: Math.min(Number(limit ?? 1000), 1000),
        ...(subject ? { subject } : {}),
        ...(policy ? { policy } : {}),
      });
      return c.json({ entries });
    },
  };

  const verify: Route = {
    method: 'get',
    path: '/v1/audit/verify',
    operationId: 'verifyAudit',
    summary:
      'Check the audit chain, every version against its digest, and the database (`tierwise registry verify`)',
    tag: 'audit',
    role: 'admin',
    responses: {
      200: {
        description: 'sound when `diagnostics` is empty',
        schema: Type.Object({
          auditEntries: Type.Integer(),
          versions: Type.Integer(),
          diagnostics: Type.Array(DiagnosticSchema),
        }),
      },
    },
    async handle(c) {
      const verification = await registry.verify();
      return c.json({ ...verification, diagnostics: localized(verification.diagnostics, c.get('language')) });
    },
  };

  return [list, verify];
}
