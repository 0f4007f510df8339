import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import type { Language } from '../i18n/language.js';
import { msg, t } from '../i18n/text.js';
import { loadPolicyText } from '../policy/load.js';
import type { Policy } from '../policy/schema/policy.js';
import { type CliIO, EXIT } from './io.js';
import { printDiagnostics } from './registry.js';

import { TOKEN_ENV } from './token-env.js';

export { TOKEN_ENV };

export interface RemoteOptions {
  server?: string;
  businessUnit?: string;
  token?: string;
  at?: string;
  lang?: Language;
}

interface Resolved {
  version: { id: string; digest: string; content: string };
  fileName: string;
  bases: { fileName: string; version: { content: string } }[];
}

/** TW1225 for a fetch that failed before any answer: the system's reason (ECONNREFUSED), no stack. */
export function serverUnreachable(server: string, error: unknown): Diagnostic {
  const reason = String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
  return diagnostic('TW1225', msg('registry.serverUnreachable', { server, reason }));
}

/**
 * `--server`: the policy a business unit has published (or a version by id), fetched with its
 * bases and merged and checked here exactly as the server does, so eval and simulate run what is
 * in force without a copy of the files.
 */
export async function remotePolicy(
  name: string | undefined,
  opts: RemoteOptions,
  io: CliIO,
): Promise<Policy | number> {
  const lang = opts.lang ?? 'en';
  const server = opts.server!;
  const query = new URLSearchParams();
  if (name?.includes('@')) query.set('version', name);
  else if (opts.businessUnit) {
    query.set('businessUnit', opts.businessUnit);
    if (name) query.set('policy', name);
    if (opts.at) query.set('at', opts.at);
  } else {
    io.err(`${t(lang, 'cli.needBusinessUnit')}\n`);
    return EXIT.usage;
  }
  const fail = (diagnostics: Diagnostic[], code: number) => {
    printDiagnostics(diagnostics, io, lang);
    return code;
  };
  let response: Response;
  try {
    response = await fetch(new URL(`/v1/resolve?${query}`, server), {
      headers: {
        authorization: `Bearer ${opts.token ?? process.env[TOKEN_ENV] ?? ''}`,
        'accept-language': lang,
      },
    });
  } catch (error) {
    return fail([serverUnreachable(server, error)], EXIT.usage);
  }
  const body = (await response.json().catch(() => undefined)) as
    | (Resolved & { diagnostics?: Diagnostic[] })
    | undefined;
  if (!response.ok || !body?.version)
    return fail(
      body?.diagnostics ?? [
        diagnostic('TW1225', msg('registry.serverAnswer', { server, status: response.status })),
      ],
      EXIT.usage,
    );
  const bases = new Map(body.bases.map((b) => [b.fileName, b.version.content]));
  const checked = await loadPolicyText(body.version.content, body.fileName, {
    readBase: async (base) => {
      const text = bases.get(basename(base));
      return text === undefined ? { unreadable: msg('registry.baseMissing', { name: base }) } : { text };
    },
  });
  if (!checked.policy) return fail(checked.diagnostics, EXIT.findings);
  io.err(
    `${t(lang, 'cli.remoteUsing', { version: body.version.id, digest: body.version.digest, server })}\n`,
  );
  return checked.policy;
}
