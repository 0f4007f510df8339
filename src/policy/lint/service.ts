import { msg, type Text } from '../../i18n/text.js';
import { durationSeconds } from '../analysis/duration.js';
import { parsePercentMicros } from '../analysis/percent.js';
import type { Level } from '../schema/tiers.js';
import type { LintContext } from './context.js';

interface Target {
  field: string;
  /** What the value means, for the message. */
  noun: Text;
  read: (level: Level) => { text: string; rank: number } | undefined;
  /** Whether a smaller rank is the better service (faster answer, more frequent contact). */
  smallerIsBetter: boolean;
  code: 'TW0401' | 'TW0402' | 'TW0403';
}

const duration = (text: string | undefined) => {
  const rank = durationSeconds(text);
  return rank === undefined ? undefined : { text: text!, rank };
};

const TARGETS: Target[] = [
  {
    field: 'sla/response/within',
    noun: msg('tiers.firstResponse'),
    read: (l) => duration(l.sla?.response?.within),
    smallerIsBetter: true,
    code: 'TW0401',
  },
  {
    field: 'sla/resolution/within',
    noun: msg('tiers.resolution'),
    read: (l) => duration(l.sla?.resolution?.within),
    smallerIsBetter: true,
    code: 'TW0401',
  },
  {
    field: 'sla/resolution/onNonWorkingDays',
    noun: msg('tiers.resolutionOnNonWorkingDays'),
    read: (l) => duration(l.sla?.resolution?.onNonWorkingDays),
    smallerIsBetter: true,
    code: 'TW0401',
  },
  {
    field: 'sla/response/availability',
    noun: msg('tiers.availability'),
    read: (l) =>
      l.sla?.response?.availability
        ? { text: l.sla.response.availability, rank: l.sla.response.availability === '24x7' ? 1 : 0 }
        : undefined,
    smallerIsBetter: false,
    code: 'TW0401',
  },
  {
    field: 'entitlements/discountQuota',
    noun: msg('tiers.discountQuota'),
    // A tier without a quota has none: 0%, so a better tier may not drop it.
    read: (l) => {
      const text = l.entitlements?.discountQuota ?? '0%';
      return { text, rank: parsePercentMicros(text) };
    },
    smallerIsBetter: false,
    code: 'TW0402',
  },
];

/**
 * Seed 004's rule of thumb, "higher tiers get more": a better tier (listed earlier) never gets
 * a slower target, a smaller entitlement or rarer contact than a tier below it.
 */
export function serviceOrder(context: LintContext): void {
  const levels = context.policy.tiers?.levels ?? [];
  for (const target of TARGETS) {
    levels.forEach((better, i) => {
      const mine = target.read(better);
      if (!mine) return;
      const worse = levels.slice(i + 1).find((lower) => {
        const theirs = target.read(lower);
        return (
          theirs !== undefined && (target.smallerIsBetter ? theirs.rank < mine.rank : theirs.rank > mine.rank)
        );
      });
      if (!worse) return;
      const theirs = target.read(worse)!;
      context.report(
        target.code,
        msg('tiers.serviceWorse', {
          tier: better.id,
          what: target.noun,
          value: mine.text,
          lower: worse.id,
          theirs: theirs.text,
        }),
        `/tiers/levels/${i}/${target.field}`,
        { help: msg('tiers.serviceWorseHelp') },
      );
    });
  }
  checkCadence(context, levels);
}

function checkCadence(context: LintContext, levels: Level[]): void {
  levels.forEach((better, i) => {
    better.entitlements?.cadence?.forEach((mine, k) => {
      const mineSeconds = durationSeconds(mine.every);
      for (const lower of levels.slice(i + 1)) {
        const theirs = lower.entitlements?.cadence?.find((c) => c.action === mine.action);
        const theirSeconds = durationSeconds(theirs?.every);
        if (theirs && mineSeconds !== undefined && theirSeconds !== undefined && theirSeconds < mineSeconds) {
          context.report(
            'TW0403',
            msg('tiers.cadenceWorse', {
              tier: better.id,
              action: mine.action,
              every: mine.every,
              lower: lower.id,
              theirs: theirs.every,
            }),
            `/tiers/levels/${i}/entitlements/cadence/${k}/every`,
          );
          return;
        }
      }
    });
  });
}
