import { en } from './en/index.js';
import { type Language, type Localized, pick } from './language.js';
import { zhCN } from './zh-CN/index.js';

/** The English catalogue is the contract: every other language must have each entry, typed alike. */
export type Catalogue = typeof en;
export type Area = keyof Catalogue;
export type MessageId = { [A in Area]: `${A}.${keyof Catalogue[A] & string}` }[Area];

type Entry<Id> = Id extends `${infer A extends Area}.${infer K}`
  ? K extends keyof Catalogue[A]
    ? Catalogue[A][K]
    : never
  : never;

/**
 * A text parameter may be given as a policy label, or as another catalogue text (a phrase that
 * is composed: "the rows axis", "≥ 50,000 and < 100,000"); either is read in the output's language.
 */
type Phrase = string | Localized | Text;
type Loose<P> = {
  [K in keyof P]: P[K] extends string
    ? Phrase
    : P[K] extends string | undefined
      ? Phrase | undefined
      : P[K] extends readonly string[]
        ? readonly Phrase[]
        : P[K];
};
export type MessageArgs<Id> = Entry<Id> extends (params: infer P) => string ? [params: Loose<P>] : [];

/** A catalogue entry in another area's catalogue, typed the same: what `satisfies` checks. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };

/**
 * A text to be shown later, in whichever language the reader chooses: an id into the catalogue
 * and its parameters, plain data (diagnostics cross worker threads and end up in JSON).
 */
export interface Text {
  id: MessageId;
  params?: Record<string, unknown>;
}

const CATALOGUES: Record<Language, Catalogue> = { en, 'zh-CN': zhCN };

export function msg<Id extends MessageId>(id: Id, ...args: MessageArgs<Id>): Text {
  return args[0] === undefined ? { id } : { id, params: args[0] as Record<string, unknown> };
}

/** One text of the catalogue in a language. */
export function t<Id extends MessageId>(language: Language, id: Id, ...args: MessageArgs<Id>): string {
  return render(language, msg(id, ...args));
}

export function render(language: Language, text: Text): string {
  const dot = text.id.indexOf('.');
  const area = CATALOGUES[language][text.id.slice(0, dot) as Area] as Record<string, unknown>;
  const entry = area?.[text.id.slice(dot + 1)];
  if (typeof entry === 'string') return entry;
  if (typeof entry !== 'function') throw new Error(`no text '${text.id}' in the ${language} catalogue`);
  return (entry as (params: unknown) => string)(resolveParams(text.params ?? {}, language));
}

function resolveParams(params: Record<string, unknown>, language: Language): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = resolve(value, language);
  return out;
}

function resolve(value: unknown, language: Language): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, language));
  if (isText(value)) return render(language, value);
  if (isLocalized(value)) return pick(value, language);
  return value;
}

function isText(value: unknown): value is Text {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { id, params, ...rest } = value as Record<string, unknown>;
  return typeof id === 'string' && id.includes('.') && Object.keys(rest).length === 0;
}

function isLocalized(value: unknown): value is Localized {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'en' || k === 'zh-CN');
}
