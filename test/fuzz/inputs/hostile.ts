import type { Rng } from '../rng.js';

/**
 * Values an attacker or a broken export puts into a field: formulas, terminal escapes, numbers
 * at and past the edge of a double, dates outside the calendar, prototype keys, personal data,
 * bytes that are not text. Shared by every input class.
 */
export const HOSTILE_SCALARS: readonly string[] = [
  '',
  ' ',
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '-1+1',
  '\t=1',
  '\x1b[2J\x1b[H',
  '\x1b]8;;http://evil\x07link\x1b]8;;\x07',
  '\x1b[31mred',
  '\u202eevil',
  'a\u0000b',
  '\r',
  '"',
  '""',
  "'",
  '1e309',
  '-1e309',
  '1e-400',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '0b101',
  '1_000',
  '9007199254740993',
  '1.7976931348623157e308',
  '5e-324',
  '-99999999',
  '850',
  '-500',
  '1,234,567.89',
  '１２３',
  '2024-02-30',
  '2024-03-01T14:30:00+25:00',
  '-001000-01-01',
  '+275760-09-13',
  '0000-00-00',
  '9999-12-31T23:59:60Z',
  '1900-02-29',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '张三丰',
  '13812345678',
  '138-0000-7571',
  '是',
  '否',
  'true',
  'null',
  '~',
  '{}',
  '[]',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable the input means literally
  '${HOME}',
  '../../../etc/passwd',
  '%s%s%s%n',
  '<script>alert(1)</script>',
  '\ud800',
  'ﬀ',
  'x'.repeat(70_000),
];

/** A hostile value, sometimes a random string of printable and control characters. */
export function hostileScalar(rng: Rng): string {
  if (rng.chance(0.85)) return rng.pick(HOSTILE_SCALARS);
  const n = rng.int(1, 40);
  let s = '';
  for (let i = 0; i < n; i++)
    s += String.fromCharCode(rng.chance(0.2) ? rng.int(0, 31) : rng.int(32, 0x9fff));
  return s;
}

/** A hostile YAML scalar: the above, quoted or not, plus YAML's own tags and indicators. */
export function hostileYamlScalar(rng: Rng): string {
  const yamlOnly = [
    '!!float "x"',
    '!!int "1.5"',
    '!!binary "@@@"',
    '!!timestamp "nope"',
    '!custom 1',
    '*nope',
    '&a',
    '? x',
    '- - -',
    '{ a: [ }',
    '| \n  x',
    '>-',
    '.nan',
    '.inf',
    '-.inf',
    '0o17',
    '0x1F',
    '1e999',
    'yes',
    'off',
    '<<: *a',
    '!!str',
    '%YAML 1.1',
    '---',
    '...',
  ];
  if (rng.chance(0.4)) return rng.pick(yamlOnly);
  const value = hostileScalar(rng);
  return rng.chance(0.5) ? JSON.stringify(value) : value;
}
