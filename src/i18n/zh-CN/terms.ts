/**
 * Words of the policy language in Chinese: fact types, tier methods and the like. A value the
 * table does not know (a newer schema's) is shown as code, in backticks, rather than guessed.
 */
const FACT_TYPES: Record<string, string> = {
  number: '数值',
  integer: '整数',
  string: '文本',
  enum: '枚举',
  date: '日期',
  boolean: '布尔',
};

const TIER_METHODS: Record<string, string> = {
  thresholds: '阈值法',
  quota: '配额法',
  criteria: '条件法',
  matrix: '矩阵法',
};

const CHANGE_KINDS: Record<string, string> = { major: '主版本', minor: '次版本', patch: '修订' };

const code = (value: string) => `\`${value}\``;

export const factType = (type: string) => FACT_TYPES[type] ?? code(type);
export const tierMethod = (method: string) => TIER_METHODS[method] ?? code(method);
export const changeKind = (kind: string) => CHANGE_KINDS[kind] ?? code(kind);

/**
 * A phrase after Chinese text, with the space Chinese technical writing sets before Latin text
 * (a code, a number, a quoted value) and none before Chinese.
 */
export const lead = (text: string) => (/^[\x21-\x7e]/.test(text) ? ` ${text}` : text);
/** The same for a phrase before Chinese text. */
export const trail = (text: string) => (/[\x21-\x7e]$/.test(text) ? `${text} ` : text);

/** A name from the policy's schema (a key such as minScore, an operator such as lessThan). */
export const key = code;
export const keys = (names: readonly string[]) => names.map(code).join('、');

/** Ids the user wrote, quoted as the English texts quote them. */
export const ids = (names: readonly string[]) => names.map((n) => `'${n}'`).join('、');

const UNITS: Record<string, string> = {
  days: '天',
  weeks: '周',
  months: '个月',
  years: '年',
  hours: '小时',
  orders: '单',
  'orders/month': '单/月',
  'orders/year': '单/年',
  points: '分',
};

/** A fact's unit after a number: currency codes (CNY) stay, words are translated. */
export const unit = (name: string) => UNITS[name] ?? name;
