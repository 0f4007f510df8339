import { Type } from '@sinclair/typebox';
import type { Registry } from '../../../registry/registry.js';
import type { Route } from '../../route.js';
import { CheckedChangeRequest } from '../../schemas/registry.js';
import { answer, checked } from './answer.js';

const ARTIFACT_TYPES = ['application/gzip', 'application/x-gzip', 'application/octet-stream'];

export const SubmittedArtifactSchema = Type.Object(
  {
    digest: Type.String({ description: 'sha256 of the uploaded bytes, recorded in each change request' }),
    signedBy: Type.String({ description: 'fingerprint of the trusted key the signature verified with' }),
    changeRequests: Type.Array(CheckedChangeRequest),
    unchanged: Type.Array(Type.Object({ policy: Type.String(), version: Type.String() })),
    pending: Type.Array(
      Type.Object(
        { policy: Type.String(), changeRequest: Type.String() },
        { description: 'already proposed by an open change request: not proposed again' },
      ),
    ),
  },
  { title: 'SubmittedArtifact' },
);

/**
 * CI's signed artifact (`tierwise publish`): verified with the keys the server trusts
 * (`tierwise serve --trust-key`), then one change request in review per changed policy.
 */
export function artifactRoutes(registry: Registry, trustedKeys: readonly string[]): Route[] {
  const submit: Route = {
    method: 'post',
    path: '/v1/artifacts',
    operationId: 'submitArtifact',
    summary:
      'Submit a signed artifact (tierwise build --sign) as the body: each changed policy becomes a change request in review',
    description:
      'The signature must verify with a key the server trusts (`tierwise serve --trust-key`); unsigned, tampered or otherwise signed artifacts are refused, and so is every artifact when the server trusts no key. Every policy is checked before anything is written: one that would be refused refuses the whole artifact. The change requests still need another person’s approval and a publish.',
    tag: 'review',
    role: 'analyst',
    query: Type.Object({
      name: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 200,
          description: 'the artifact’s file name, for diagnostics',
        }),
      ),
    }),
    request: { text: ARTIFACT_TYPES, limit: 'uploadBytes' },
    responses: {
      201: {
        description: 'the change requests created, and the policies already latest',
        schema: SubmittedArtifactSchema,
      },
    },
    async handle(c, input) {
      const outcome = await registry.submitArtifact(
        c.get('actor'),
        { bytes: input.bytes ?? new Uint8Array(0), ...(input.query.name ? { name: input.query.name } : {}) },
        trustedKeys,
      );
      const render = checked(c);
      return answer(
        c,
        outcome,
        (value) => ({ ...value, changeRequests: value.changeRequests.map(render) }),
        201,
      );
    },
  };
  return [submit];
}
