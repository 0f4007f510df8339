import { formatDay } from '../facts/calendar.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import type { EventWords } from './render.js';
import type { RerateEvent } from './types.js';

/** A message to a customer about a move, in both languages, for each channel the policy announces on. */
export interface Notice {
  customer: string;
  date: string;
  event: 'upgrade' | 'downgrade' | 'grace';
  tier: string;
  channels: string[];
  subject: Record<Language, string>;
  body: Record<Language, string>;
}

const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/**
 * The customer-facing notices of a run: upgrades, downgrades and graces, the moves a customer is
 * told of (rerating.announce: email, portal). Texts name tiers by their labels and dates as ISO
 * days; they carry no contact data, which the mailer joins from its own records.
 */
export function notices(policy: Policy, events: readonly RerateEvent[], words: EventWords): Notice[] {
  const channels = policy.rerating?.announce ?? [];
  if (channels.length === 0) return [];
  const out: Notice[] = [];
  for (const e of events) {
    if (e.type !== 'upgrade' && e.type !== 'downgrade' && e.type !== 'grace') continue;
    const date = formatDay(e.at);
    const text = (language: Language) => {
      const tier = words.tier(e.to, language);
      const from = words.tier(e.from, language);
      if (e.type === 'upgrade')
        return {
          subject: t(language, 'rerate.noticeUpgradeSubject', { tier }),
          body: t(language, 'rerate.noticeUpgradeBody', { tier, date }),
        };
      if (e.type === 'downgrade')
        return {
          subject: t(language, 'rerate.noticeDowngradeSubject', { tier }),
          body: t(language, 'rerate.noticeDowngradeBody', { from, tier, date }),
        };
      const until = e.graceUntil === undefined ? '' : formatDay(e.graceUntil);
      return {
        subject: t(language, 'rerate.noticeGraceSubject', { tier: from }),
        body: t(language, 'rerate.noticeGraceBody', { tier: from, until }),
      };
    };
    const texts = Object.fromEntries(LANGUAGES.map((l) => [l, text(l)])) as Record<
      Language,
      { subject: string; body: string }
    >;
    out.push({
      customer: e.customer,
      date,
      event: e.type,
      tier: (e.type === 'grace' ? e.from : e.to) ?? '',
      channels: [...channels],
      subject: { 'zh-CN': texts['zh-CN'].subject, en: texts.en.subject },
      body: { 'zh-CN': texts['zh-CN'].body, en: texts.en.body },
    });
  }
  return out;
}

export function renderNotices(list: readonly Notice[]): string {
  return list.map((n) => `${JSON.stringify(n)}\n`).join('');
}
