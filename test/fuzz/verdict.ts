/**
 * What counts as a crash: an exit status other than 0 (done), 1 (findings) or 2 (usage or
 * input refused); a stack trace; or a message that only Node or a library would write — the
 * user was shown an internal error instead of a diagnostic with words.
 */
export const EXIT_CODES = new Set([0, 1, 2]);

const INTERNAL: readonly RegExp[] = [
  // A V8 stack frame names a script; tierwise's own "  at policy.test.yaml:30:5" names a policy.
  /^\s+at (?:.+ \()?(?:node:|file:\/\/|\/|[A-Za-z]:\\).*\.(?:[cm]?[jt]s|node):\d+:\d+\)?$|^\s+at .+ \((?:native|<anonymous>|node:[^)]*)\)$/m,
  /Cannot read propert(y|ies) of (undefined|null)/,
  /Cannot (set|convert|destructure) .*(undefined|null)/,
  /\bis not (a function|iterable|a constructor|defined)\b/,
  /Maximum call stack size exceeded/,
  /Invalid (string|array|typed array) length/,
  /Array buffer allocation failed/,
  /JavaScript heap out of memory/,
  /\b(TypeError|RangeError|ReferenceError|SyntaxError|EvalError|URIError|AggregateError)\b:/,
  /\[ERR_[A-Z_]+\]|\bERR_[A-Z][A-Z_]{3,}\b/,
  /Unexpected (token|end of JSON|non-whitespace)/,
  /in JSON at position \d+/,
  /\b(ENOENT|EACCES|EISDIR|ENOTDIR|EEXIST|EMFILE|ENXIO|EINVAL|EPERM|ELOOP|ENAMETOOLONG): [a-z]/,
  /\[object Object\]/,
  /\bundefined\b(?! behaviou?r)/,
  /\bNaN\b(?!['"”’`）)])/,
];

export interface Verdict {
  crash: boolean;
  /** Why it counts as a crash, with the matching text. */
  reason?: string;
}

/**
 * `NaN`, `undefined` and `Infinity` in output are internal unless the input put them there (a
 * cell holding "NaN" may be quoted back): the case's own hostile values are passed as `echoes`
 * and skipped.
 */
export function verdict(code: number, output: string, echoes: readonly string[] = []): Verdict {
  if (!EXIT_CODES.has(code)) return { crash: true, reason: `exit ${code}` };
  // An HTML report inlines its chart library, whose code is full of words like these.
  let text = output.replace(/<script\b[\s\S]*?<\/script>/g, '');
  for (const e of echoes) if (e.length > 0) text = text.split(e).join(' ');
  for (const pattern of INTERNAL) {
    const m = pattern.exec(text);
    if (m) {
      const at = m.index;
      return { crash: true, reason: `${pattern.source}: …${text.slice(Math.max(0, at - 80), at + 120)}…` };
    }
  }
  return { crash: false };
}
