import { t } from '../../../i18n/text.js';
import { isRefusal } from '../../../registry/outcome.js';
import { LOCAL_ADMIN } from '../../../registry/tokens.js';
import { type CliIO, EXIT } from '../../io.js';
import { type RegistryCliOptions, refusalExit, withRegistry } from '../../registry.js';
import type { TokenCreateOptions } from '../token.js';

const unitsOf = (units: string) =>
  units
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');

export function create(opts: TokenCreateOptions, io: CliIO): Promise<number> {
  return withRegistry(opts, io, async (registry) => {
    const made = await registry.createToken(LOCAL_ADMIN, {
      name: opts.name,
      role: opts.role,
      businessUnits: unitsOf(opts.units),
    });
    if (isRefusal(made)) return refusalExit(made, io, opts.lang);
    const { token, secret } = made;
    io.err(
      `${t(opts.lang, 'cli.tokenCreated', { id: token.id, name: token.name, role: token.role, units: token.businessUnits.join(',') })}\n` +
        `${t(opts.lang, 'cli.tokenSecret')}\n`,
    );
    // The secret alone on stdout, so a script can capture it: TOKEN=$(tierwise token create …)
    io.out(`${secret}\n`);
    return EXIT.ok;
  });
}

export function list(opts: RegistryCliOptions, io: CliIO): Promise<number> {
  return withRegistry(opts, io, async (registry) => {
    const tokens = await registry.listTokens(LOCAL_ADMIN);
    if (isRefusal(tokens)) return refusalExit(tokens, io, opts.lang);
    if (tokens.length === 0) io.out(`${t(opts.lang, 'cli.noTokens')}\n`);
    for (const token of tokens)
      io.out(
        `${t(opts.lang, 'cli.tokenRow', {
          id: token.id,
          name: token.name,
          role: token.role,
          units: token.businessUnits.join(','),
          created: token.createdAt,
          revoked: token.revokedAt ?? '',
        })}\n`,
      );
    return EXIT.ok;
  });
}

export function revoke(id: string, opts: RegistryCliOptions, io: CliIO): Promise<number> {
  return withRegistry(opts, io, async (registry) => {
    const revoked = await registry.revokeToken(LOCAL_ADMIN, id);
    if (isRefusal(revoked)) return refusalExit(revoked, io, opts.lang);
    io.out(`${t(opts.lang, 'cli.tokenRevoked', { id })}\n`);
    return EXIT.ok;
  });
}
