import { maskValue } from '../privacy/mask.js';
import type { DuplicateCheck, DuplicateGroup, DuplicateMember } from './types.js';

const MEMBERS_SHOWN = 10;

interface Group {
  normalized: string;
  customers: number;
  members: DuplicateMember[];
}

/**
 * Customers whose normalised name (or phone) collides. Each distinct value costs one map entry
 * holding the first customer's row number; a group object exists only once a value repeats, so
 * memory follows the distinct values, not the records. The first member's key and spelling are
 * filled in later (fill()), from the evaluation pass that reads every customer anyway.
 */
export class DuplicateFinder {
  private readonly first = new Map<string, number>();
  private readonly groups = new Map<string, Group>();
  /** Rows whose key and value are wanted: the first member of each group. */
  private readonly pending = new Map<number, DuplicateMember>();

  constructor(private readonly pii: boolean) {}

  /** One customer's normalised value(s); `raw` is the cell as written. */
  add(normalized: string, key: string, row: number, raw: string): void {
    const firstRow = this.first.get(normalized);
    if (firstRow === undefined) {
      this.first.set(normalized, row);
      return;
    }
    let group = this.groups.get(normalized);
    if (!group) {
      const head: DuplicateMember = { row: firstRow };
      this.pending.set(firstRow, head);
      group = { normalized, customers: 1, members: [head] };
      this.groups.set(normalized, group);
    }
    if (group.members.some((m) => m.key === key)) return;
    group.customers++;
    if (group.members.length < MEMBERS_SHOWN) group.members.push({ key, row, value: this.show(raw) });
  }

  /** Reading is over: the map of every distinct value can go; groups and pending rows stay. */
  seal(): void {
    this.first.clear();
  }

  /** Whether a row is the first member of a group and still lacks its key and value. */
  wants(row: number): boolean {
    return this.pending.has(row);
  }

  fill(row: number, key: string, raw: unknown): void {
    const member = this.pending.get(row);
    if (!member) return;
    member.key = key;
    if (typeof raw === 'string') member.value = this.show(raw);
    this.pending.delete(row);
  }

  result(fact: string | undefined, column: string | undefined, limit: number): DuplicateCheck {
    const all = [...this.groups.values()];
    let customers = 0;
    for (const g of all) customers += g.customers;
    const groups: DuplicateGroup[] = all
      .sort((a, b) => b.customers - a.customers || a.members[0]!.row - b.members[0]!.row)
      .slice(0, limit)
      .map((g) => ({
        normalized: this.pii ? String(maskValue(g.normalized)) : g.normalized,
        customers: g.customers,
        members: g.members,
      }));
    return { fact, column, groups, groupCount: all.length, customersInGroups: customers };
  }

  private show(raw: string): string {
    return this.pii ? String(maskValue(raw)) : raw;
  }
}
