import type { CommanderError, Help } from 'commander';
import { cliHelp as en } from '../i18n/en/cliHelp.js';
import { DEFAULT_LANGUAGE, isLanguage, type Language, languageOfLocale } from '../i18n/language.js';
import { cliHelp as zhCN } from '../i18n/zh-CN/cliHelp.js';

/**
 * The command line's own words in the reader's language: help, commander's errors, option
 * descriptions. They are needed before any command is chosen, so this module reads its one
 * catalogue area directly instead of loading every catalogue the commands' reports use.
 */
const AREAS: Record<Language, typeof en> = { en, 'zh-CN': zhCN };

/** The environment variable that sets every command's language when --lang is not given. */
export const LANGUAGE_ENV = 'TIERWISE_LANG';

export type HelpId = keyof typeof en;
type HelpArgs<Id extends HelpId> = (typeof en)[Id] extends (params: infer P) => string ? [params: P] : [];

/** One help text in one language. */
export type HelpText = <Id extends HelpId>(id: Id, ...args: HelpArgs<Id>) => string;

export function helpText(language: Language): HelpText {
  return (id, ...args) => {
    const entry = AREAS[language][id] as string | ((params: unknown) => string);
    return typeof entry === 'string' ? entry : entry(args[0]);
  };
}

/** The language of $TIERWISE_LANG (or a locale-like value of it), else English. */
export function environmentLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  return languageOfLocale(env[LANGUAGE_ENV]) ?? DEFAULT_LANGUAGE;
}

/**
 * The language of a command line before commander reads it: its help and its usage errors come
 * before any option has a value. The last valid `--lang X` or `--lang=X` wins, as commander lets a
 * repeated option's last value win; an invalid one is left to commander's error, in the
 * environment's language.
 */
export function argvLanguage(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Language {
  let language: Language | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (isLanguage(value)) language = value;
  }
  return language ?? environmentLanguage(env);
}

const HEADINGS: Record<string, HelpId> = {
  'Usage:': 'usage',
  'Options:': 'options',
  'Arguments:': 'arguments',
  'Commands:': 'commands',
  'Global Options:': 'globalOptions',
};

/** East Asian wide characters take two columns of a terminal: help aligns and wraps by them. */
const WIDE =
  '\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6';
const WIDE_CHAR = new RegExp(`[${WIDE}]`, 'u');

function displayWidth(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes take no columns
  const plain = text.replace(/\u001b\[[\d;]*m/g, '');
  let width = 0;
  for (const ch of plain) width += WIDE_CHAR.test(ch) ? 2 : 1;
  return width;
}

/** Punctuation that may not begin a line stays with the text before it; opening brackets, after. */
const CLOSING = '，。、；：！？）》」』】';
const OPENING = '（《「『【';
/**
 * Where a line of help may break: at spaces, as commander breaks, and between any two Chinese
 * characters, which have no spaces between them.
 */
const CHUNK = new RegExp(
  `\\s*(?:[${OPENING}]*[^\\s${WIDE}]+[${CLOSING}]*|[${OPENING}]*[${WIDE}][${CLOSING}]*)`,
  'gu',
);

function boxWrap(this: Help, text: string, width: number): string {
  if (width < this.minWidthToWrap) return text;
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const chunk of line.match(CHUNK) ?? []) {
        if (current !== '' && displayWidth(current) + displayWidth(chunk) > width) {
          out.push(current);
          current = chunk.trimStart();
        } else current += chunk;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/**
 * Help in the reader's language: commander's headings, its notes on choices and defaults, and
 * the column widths of wide characters. Descriptions come translated from the commands.
 */
export function helpConfiguration(language: Language): Partial<Help> {
  const h = helpText(language);
  const extras = (description: string, info: string[]) => {
    if (info.length === 0) return description;
    const note = language === 'zh-CN' ? `（${info.join(h('listSeparator'))}）` : `(${info.join(', ')})`;
    if (!description) return note;
    return language === 'zh-CN' ? `${description}${note}` : `${description} ${note}`;
  };
  // Commander's own notes, in its order: the choices, the default, a preset, an environment variable.
  const notes = (item: {
    argChoices?: string[];
    defaultValue?: unknown;
    defaultValueDescription?: string;
  }) => {
    const info: string[] = [];
    if (item.argChoices)
      info.push(h('choices', { list: item.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
    if (item.defaultValue !== undefined)
      info.push(h('default', { value: item.defaultValueDescription || JSON.stringify(item.defaultValue) }));
    return info;
  };
  return {
    styleTitle: (title) => {
      const id = HEADINGS[title];
      return id ? h(id) : title;
    },
    styleOptionText: (text) => (text === '[options]' ? h('optionsTerm') : text),
    styleSubcommandText: (text) => (text === '[command]' ? h('commandTerm') : text),
    // `help [command]` lists its argument as an argument
    styleArgumentText: (text) => (text === '[command]' ? h('commandTerm') : text),
    displayWidth,
    ...(language === 'zh-CN' ? { boxWrap } : {}),
    optionDescription: (option) => {
      // A flag's default (false) is for the programmer, not the reader, as commander has it.
      const showDefault =
        option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean');
      const info = notes({ ...option, defaultValue: showDefault ? option.defaultValue : undefined });
      if (option.presetArg !== undefined && option.optional)
        info.push(h('preset', { value: JSON.stringify(option.presetArg) }));
      if (option.envVar !== undefined) info.push(h('env', { name: option.envVar }));
      return extras(option.description, info);
    },
    argumentDescription: (argument) => extras(argument.description, notes(argument)),
  };
}

/** Commander's errors that are not errors: help and the version asked for, written already. */
const NOT_ERRORS = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/**
 * A commander error in the reader's language, from its code and the values its English message
 * names; undefined for help and --version, which commander has printed. A message of a code this
 * does not know is left as commander wrote it.
 */
export function commanderMessage(language: Language, error: CommanderError): string | undefined {
  if (NOT_ERRORS.has(error.code)) return undefined;
  const h = helpText(language);
  const [first = '', ...rest] = error.message.split('\n');
  const quoted = [...first.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const suggestion = (rest.join('\n').match(/^\(Did you mean (one of )?(.*)\?\)$/) ?? undefined) as
    | RegExpMatchArray
    | undefined;
  const hint = suggestion
    ? `\n${h(suggestion[1] ? 'didYouMeanOneOf' : 'didYouMean', { list: suggestion[2]! })}`
    : '';
  switch (error.code) {
    case 'commander.missingArgument':
      return h('missingArgument', { name: quoted[0] ?? '' });
    case 'commander.optionMissingArgument':
      return h('optionMissingArgument', { flags: quoted[0] ?? '' });
    case 'commander.missingMandatoryOptionValue':
      return h('missingMandatoryOptionValue', { flags: quoted[0] ?? '' });
    case 'commander.conflictingOption':
      return h('conflictingOption', { a: quoted[0] ?? '', b: quoted[1] ?? '' });
    case 'commander.unknownOption':
      return `${h('unknownOption', { flag: quoted[0] ?? '' })}${hint}`;
    case 'commander.unknownCommand':
      return `${h('unknownCommand', { name: quoted[0] ?? '' })}${hint}`;
    case 'commander.excessArguments': {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(first);
      return h('excessArguments', {
        command: first.includes(' for ') ? (quoted[0] ?? '') : '',
        expected: Number(m?.[1] ?? 0),
        got: Number(m?.[2] ?? 0),
      });
    }
    case 'commander.invalidArgument': {
      // The value is the user's and may hold quotes itself: read it between the fixed words.
      const option =
        /^error: option '(.*?)' (?:argument '([\s\S]*)'|value '([\s\S]*)' from env '[^']*') is invalid\. ?([\s\S]*)$/.exec(
          error.message,
        );
      if (option)
        return h('invalidOptionValue', {
          flags: option[1]!,
          value: option[2] ?? option[3] ?? '',
          reason: translatedReason(h, option[4]!),
        });
      const argument =
        /^error: command-argument value '([\s\S]*)' is invalid for argument '(.*?)'\. ?([\s\S]*)$/.exec(
          error.message,
        );
      if (argument)
        return h('invalidArgumentValue', {
          value: argument[1]!,
          name: argument[2]!,
          reason: translatedReason(h, argument[3]!),
        });
      return error.message;
    }
    default:
      return error.message;
  }
}

/** Commander's own complaint about a value (a choice); the option parsers' come translated. */
function translatedReason(h: HelpText, reason: string): string {
  const choices = /^Allowed choices are (.*)\.$/.exec(reason);
  return choices ? h('allowedChoices', { list: choices[1]! }) : reason;
}
