import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { factColumn, readsCustomerColumn } from '../policy/columns.js';
import type { Fact } from '../policy/schema/facts.js';
import type { Policy } from '../policy/schema/policy.js';

/**
 * Which facts the duplicate and stale checks read. Policies do not say "this is the company
 * name", so the facts are recognised by their id, column and labels (docs/profile.md lists the
 * words); `--name-fact`, `--phone-fact` and `--activity-fact` override the choice.
 */
export interface ProfileFacts {
  name?: string;
  phone?: string;
  activity?: { fact: string; kind: 'date-fact' | 'months-fact' };
  chosenBy: { name?: 'option' | 'declared'; phone?: 'option' | 'declared' };
}

const PHONE = /phone|mobile|\btel\b|telephone|cell|电话|手机|联系方式|座机/i;
const NAME = /name|company|corp|organi[sz]ation|名称|公司|企业|客户名|单位/i;
/** A person's name (a contact) is not the company: two contacts called 张伟 are common. */
const PERSON = /contact|person|联系人|姓名|负责人|经办|经理/i;
const ACTIVITY = /last|latest|recent|activity|active|最近|最后|末次|活跃|交易|消费|下单|购买|拜访/i;

/** The words a fact is known by: its id, its column and its labels. */
function words(policy: Policy, id: string, fact: Fact): string {
  const column = factColumn(policy, id, fact);
  return [id, column, fact.label?.en ?? '', fact.label?.['zh-CN'] ?? ''].join(' ');
}

/** Facts read from the customer file (not computed from a transaction log). */
function columnFacts(policy: Policy, useTransactions: boolean): [string, Fact][] {
  return Object.entries(policy.facts ?? {}).filter(([, f]) => readsCustomerColumn(f, useTransactions));
}

export function chooseProfileFacts(
  policy: Policy,
  options: { nameFact?: string; phoneFact?: string; activityFact?: string; useTransactions: boolean },
): ProfileFacts | Diagnostic[] {
  const facts = columnFacts(policy, options.useTransactions);
  const text = facts.filter(([, f]) => f.type === 'string' && !f.key);
  const problems: Diagnostic[] = [];
  const named = (option: string, id: string | undefined, types: readonly string[]): string | undefined => {
    if (id === undefined) return undefined;
    const fact = facts.find(([f]) => f === id)?.[1];
    if (fact && types.includes(fact.type) && !fact.key) return id;
    const known = facts.filter(([, f]) => types.includes(f.type) && !f.key).map(([f]) => f);
    problems.push(
      diagnostic(
        'TW0850',
        fact
          ? msg('findings.profileFactType', {
              option,
              id,
              type: fact.type,
              key: fact.key === true,
              types: [...types],
            })
          : msg('findings.profileNoFact', { option, id }),
        {
          help:
            known.length > 0
              ? msg('findings.profileFactsThatFit', { ids: known })
              : msg('findings.profileNoFactFits'),
        },
      ),
    );
    return undefined;
  };
  const phoneOption = named('--phone-fact', options.phoneFact, ['string']);
  const nameOption = named('--name-fact', options.nameFact, ['string']);
  const activityOption = named('--activity-fact', options.activityFact, ['date', 'integer', 'number']);
  if (problems.length > 0) return problems;

  const phone = phoneOption ?? text.find(([id, f]) => PHONE.test(words(policy, id, f)))?.[0];
  const candidates = text.filter(
    ([id, f]) => id !== phone && NAME.test(words(policy, id, f)) && !PERSON.test(words(policy, id, f)),
  );
  // A company's name is rarely personal data; a pii "name" is more likely a person's.
  const name = nameOption ?? (candidates.find(([, f]) => !f.pii) ?? candidates[0])?.[0];
  return {
    name,
    phone,
    activity: activityFact(policy, facts, activityOption, options.useTransactions),
    chosenBy: {
      name: name === undefined ? undefined : nameOption ? 'option' : 'declared',
      phone: phone === undefined ? undefined : phoneOption ? 'option' : 'declared',
    },
  };
}

/**
 * Without a transaction log: a date fact that reads like the last activity (最近交易日期), else a
 * months-without-purchase count read from a column (a CRM export's precomputed value).
 */
function activityFact(
  policy: Policy,
  facts: [string, Fact][],
  option: string | undefined,
  useTransactions: boolean,
): ProfileFacts['activity'] {
  if (option !== undefined) {
    const fact = policy.facts![option]!;
    return { fact: option, kind: fact.type === 'date' ? 'date-fact' : 'months-fact' };
  }
  if (useTransactions) return undefined;
  const date = facts.find(([id, f]) => f.type === 'date' && ACTIVITY.test(words(policy, id, f)));
  if (date) return { fact: date[0], kind: 'date-fact' };
  const months = facts.find(([, f]) => f.aggregate === 'monthsWithoutPurchase');
  return months ? { fact: months[0], kind: 'months-fact' } : undefined;
}
