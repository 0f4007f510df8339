import { CUSTOMER_COLUMNS, type CustomerRow, TRANSACTION_COLUMNS } from './columns.js';
import { type Cell, money, toCsv } from './csv.js';
import { customerRow } from './customer-row.js';
import { isoOf } from './dates.js';
import { companyName, personName, phoneBook } from './names.js';
import { type Order, ordersOf } from './orders.js';
import { drawProfile, type Profile } from './profiles.js';
import { plantCellQuirks, twinProfile } from './quirks.js';
import { createRandom } from './random.js';

export const EXAMPLE_SEED = 20_261_101;
export const CUSTOMER_COUNT = 3_000;

export interface ExampleData {
  /** examples/data/customers.csv */
  customers: string;
  /** examples/data/transactions.csv */
  transactions: string;
}

interface Draft {
  profile: Profile;
  name: string;
  contact: string;
  phone: string;
}

/** The bundled customers and their transactions, the same for the same seed. */
export function exampleData(seed = EXAMPLE_SEED): ExampleData {
  const random = createRandom(seed);
  const taken = new Set<string>();
  const phone = phoneBook(random);
  const drafts: Draft[] = [];
  let twinned = false;
  while (drafts.length < CUSTOMER_COUNT) {
    const profile = drawProfile(random);
    const company = companyName(random, profile.industry, taken);
    const draft = { profile, name: company.full, contact: personName(random), phone: phone() };
    drafts.push(draft);
    // Data-quality issue 1 (quirks.ts): the first steady mid-size account appears twice.
    if (!twinned && profile.segment === 'mid' && profile.pattern === 'steady') {
      drafts.push({ ...draft, profile: twinProfile(random, profile), name: company.short });
      twinned = true;
    }
  }

  const ids = customerIds(drafts);
  const rows: CustomerRow[] = [];
  const transactions: { id: string; order: Order }[] = [];
  drafts.forEach((draft, i) => {
    const id = ids[i]!;
    const orders = ordersOf(random, draft.profile);
    for (const order of orders) transactions.push({ id, order });
    rows.push(
      customerRow(
        random,
        {
          id,
          name: draft.name,
          industry: draft.profile.industry.name,
          contact: draft.contact,
          phone: draft.phone,
        },
        draft.profile,
        orders,
      ),
    );
  });
  plantCellQuirks(random, rows);

  rows.sort((a, b) => compare(a.客户编号, b.客户编号));
  // A finance export lists transactions by date.
  transactions.sort(
    (a, b) => a.order.day - b.order.day || compare(a.id, b.id) || a.order.cents - b.order.cents,
  );
  return {
    customers: toCsv(
      CUSTOMER_COLUMNS,
      rows.map((row) => CUSTOMER_COLUMNS.map((column): Cell => row[column])),
    ),
    transactions: toCsv(
      TRANSACTION_COLUMNS,
      transactions.map(({ id, order }) => [id, isoOf(order.day), money(order.cents / 100)]),
    ),
  };
}

/** Ids in the seeds' form, C + year signed + a three-digit number in order of signing: C2024001. */
function customerIds(drafts: readonly Draft[]): string[] {
  const next = new Map<number, number>();
  return drafts.map(({ profile }) => {
    const n = (next.get(profile.signedIn) ?? 0) + 1;
    if (n > 999) throw new Error(`more than 999 customers signed in ${profile.signedIn}: ids would clash`);
    next.set(profile.signedIn, n);
    return `C${profile.signedIn}${String(n).padStart(3, '0')}`;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
