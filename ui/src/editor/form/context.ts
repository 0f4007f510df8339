import { html, nothing } from 'lit';
import type { Diagnostic } from '../../api.js';
import { getLocale } from '../../i18n.js';
import type { Path } from '../document.js';
import type { Label, PolicyShape } from '../policy-shape.js';

/** What every section of the form is given: the policy as read, and how to change its text. */
export interface FormContext {
  policy: PolicyShape;
  readOnly: boolean;
  set(path: Path, value: unknown): void;
  remove(path: Path): void;
  /** The server's diagnostics about this JSON pointer (and below it). */
  problems(pointer: string): Diagnostic[];
}

/** A label in the reader's language, else the other one, else the id. */
export function labelText(label: Label | undefined, id: string): string {
  if (!label) return id;
  return (getLocale() === 'zh-CN' ? (label['zh-CN'] ?? label.en) : (label.en ?? label['zh-CN'])) ?? id;
}

/** A number field that writes on every valid keystroke (a weight sum follows as one types). */
export function numberField(
  ctx: FormContext,
  path: Path,
  value: number | undefined,
  label: string,
  options: { min?: number; max?: number; step?: number | 'any' } = {},
) {
  const input = (e: Event) => {
    const target = e.target as HTMLInputElement;
    if (target.value === '' || !target.validity.valid) return;
    ctx.set(path, Number(target.value));
  };
  return html`<input type="number" class="num" aria-label=${label} .value=${value === undefined ? '' : String(value)}
    min=${options.min ?? nothing} max=${options.max ?? nothing} step=${options.step ?? 'any'}
    ?readonly=${ctx.readOnly} @input=${input} />`;
}

/** A text field that writes when the user leaves it or presses Enter (labels, durations, shares). */
export function textField(ctx: FormContext, path: Path, value: string | undefined, label: string, size = 12) {
  const change = (e: Event) => {
    const target = e.target as HTMLInputElement;
    if (target.value === (value ?? '')) return;
    if (target.value === '') ctx.remove(path);
    else ctx.set(path, target.value);
  };
  return html`<input type="text" aria-label=${label} size=${size} .value=${value ?? ''} ?readonly=${ctx.readOnly}
    @change=${change} />`;
}

/** The diagnostics of a part of the form, beside it. */
export function problemsAt(ctx: FormContext, pointer: string) {
  const found = ctx.problems(pointer);
  if (found.length === 0) return nothing;
  return html`<ul class="problems">${found.map((d) => html`<li class=${d.severity}><code>${d.code}</code> ${d.message}</li>`)}</ul>`;
}
