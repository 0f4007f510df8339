import type { Code } from '../../diagnostics/codes.js';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import type { Text } from '../../i18n/text.js';
import type { Locator } from '../locate.js';
import type { Fact } from '../schema/facts.js';
import type { Policy } from '../schema/policy.js';

export interface ReportOptions {
  /** Point at the key of a mapping entry rather than its value. */
  part?: 'key' | 'value';
  /** Offsets inside the string at the pointer: a place inside an expression. */
  within?: readonly [number, number];
  help?: string | Text;
  example?: unknown;
  severity?: Severity;
}

/** What every lint rule sees: a schema-valid policy and a way to report at a pointer. */
export class LintContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly facts: ReadonlyMap<string, Fact>;

  constructor(
    readonly policy: Policy,
    private readonly locator: Locator,
  ) {
    this.facts = new Map(Object.entries(policy.facts ?? {}));
  }

  report(code: Code, message: string | Text, pointer: string, options: ReportOptions = {}): void {
    const { part, within, ...rest } = options;
    const where = this.locator.locate(pointer, part, within);
    this.diagnostics.push(diagnostic(code, message, { ...where, pointer, ...stripUndefined(rest) }));
  }
}

export type LintRule = (context: LintContext) => void;

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
