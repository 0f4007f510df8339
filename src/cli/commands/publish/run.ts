import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { diagnostic } from '../../../diagnostics/make.js';
import { systemReason } from '../../../diagnostics/system-error.js';
import { msg, t } from '../../../i18n/text.js';
import { type CliIO, EXIT } from '../../io.js';
import { printDiagnostics } from '../../registry.js';
import { serverUnreachable, TOKEN_ENV } from '../../remote.js';
import type { PublishOptions } from '../publish.js';

/** The artifact limit of src/artifact/verify.ts: a larger file is refused before it is sent. */
const MAX_ARTIFACT_BYTES = 16 * 1024 * 1024;

interface Submitted {
  digest: string;
  signedBy: string;
  changeRequests: {
    changeRequest: { id: string; policy: string; state: string };
    diagnostics: Diagnostic[];
  }[];
  unchanged: { policy: string; version: string }[];
  pending: { policy: string; changeRequest: string }[];
}

/**
 * `tierwise publish ARTIFACT --server URL`: uploads a signed artifact (POST /v1/artifacts) and
 * prints the change requests it became. 0 accepted, 1 refused for what it holds, 2 for usage,
 * a token the server does not accept, or a server that cannot be reached.
 */
export async function publish(artifact: string, opts: PublishOptions, io: CliIO): Promise<number> {
  const lang = opts.lang;
  const fail = (diagnostics: readonly Diagnostic[], code: number) => {
    printDiagnostics(diagnostics, io, lang);
    return code;
  };
  const bytes = await readArtifact(artifact);
  if (!(bytes instanceof Uint8Array)) return fail([bytes], EXIT.usage);
  let url: URL;
  try {
    url = new URL(`/v1/artifacts?${new URLSearchParams({ name: basename(artifact) })}`, opts.server);
  } catch (error) {
    return fail([serverUnreachable(opts.server, error)], EXIT.usage);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${opts.token ?? process.env[TOKEN_ENV] ?? ''}`,
        'content-type': 'application/gzip',
        'accept-language': lang,
      },
      body: bytes,
    });
  } catch (error) {
    return fail([serverUnreachable(opts.server, error)], EXIT.usage);
  }
  const body = (await response.json().catch(() => undefined)) as
    | (Submitted & { diagnostics?: Diagnostic[] })
    | undefined;
  if (response.status === 201 && body?.changeRequests) {
    printSubmitted(body, io, lang);
    return EXIT.ok;
  }
  if (!body?.diagnostics)
    return fail(
      [diagnostic('TW1225', msg('registry.serverAnswer', { server: opts.server, status: response.status }))],
      EXIT.usage,
    );
  // A token the server does not know is a usage problem, like a wrong URL; anything else is about the artifact.
  return fail(body.diagnostics, response.status === 401 ? EXIT.usage : EXIT.findings);
}

async function readArtifact(path: string): Promise<Uint8Array | Diagnostic> {
  const cannot = (reason: ReturnType<typeof msg>) =>
    diagnostic('TW1001', msg('artifact.cannotRead', { path, reason }), { file: path });
  try {
    const info = await stat(path);
    if (!info.isFile()) return cannot(msg('artifact.notAFile'));
    if (info.size > MAX_ARTIFACT_BYTES)
      return cannot(msg('artifact.tooLarge', { size: info.size, limit: MAX_ARTIFACT_BYTES }));
    return new Uint8Array(await readFile(path));
  } catch (error) {
    return cannot(systemReason(error));
  }
}

function printSubmitted(submitted: Submitted, io: CliIO, lang: PublishOptions['lang']): void {
  const lines = [
    ...submitted.changeRequests.map(({ changeRequest: cr }) =>
      t(lang, 'cli.publishCreated', { id: cr.id, policy: cr.policy, state: cr.state }),
    ),
    ...submitted.unchanged.map((u) => t(lang, 'cli.publishUnchanged', u)),
    ...submitted.pending.map((p) => t(lang, 'cli.publishPending', { policy: p.policy, id: p.changeRequest })),
    t(lang, 'cli.publishSummary', {
      digest: submitted.digest,
      signedBy: submitted.signedBy,
      n: submitted.changeRequests.length,
    }),
  ];
  io.out(`${lines.join('\n')}\n`);
  const findings = submitted.changeRequests.flatMap((c) => c.diagnostics);
  if (findings.length > 0) printDiagnostics(findings, io, lang);
}
