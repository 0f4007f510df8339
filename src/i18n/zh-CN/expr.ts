import type { expr as en } from '../en/expr.js';
import type { Messages } from '../text.js';
import { factType, key, unit } from './terms.js';

const kind = (k: string) => factType(k);

export const expr = {
  unexpected: (p) => `此处无法读取表达式：意外的 '${p.found}'`,
  endsEarly: '表达式提前结束：缺少运算对象、右括号或引号',
  syntaxHelp: '请写事实之间的运算，例如 `spend12m / orders12m` 或 `daysSince(lastPurchase)`',
  nesting: '表达式嵌套层数过多',
  empty: '表达式为空',
  oneExpression: '一个表达式只能是一个公式；这里是第二个',
  oneExpressionHelp: '请用运算符（`+`、`-`、`*`、`/`、`&&`、`||`）或函数把各部分连起来',
  notAllowed: (p) => `表达式语言不支持 \`${p.what}\``,
  ternaryHelp: '请写成 `if(条件, 成立时, 否则)`',
  memberHelp: '事实只按名称读取；没有属性、方法或下标',
  strictEqualityHelp: '请写 `==` 或 `!=`',
  notAllowedHelp: '运算符：`+ - * / % < <= > >= == != && || !`；函数见 `docs/language.md#expressions`',
  tooLong: (p) => `表达式超过 ${p.limit} 个字符`,
  wrongKind: (p) => `${key(p.where)} 需要${p.expected.map(kind).join('或')}，而不是${kind(p.got)}`,
  compareKinds: (p) => `${key(p.op)} 比较的是${kind(p.left)}和${kind(p.right)}`,
  unitMismatch: (p) => `${key(p.op)} 两侧单位不同：${unit(p.left)} 与 ${unit(p.right)}`,
  unitMismatchHelp: '请先换算其中一侧（例如周数 × 7 得天数），或相除得到比率',
  dateArithmeticHelp:
    '日期不是数值：请用 `daysSince(日期)`、`daysBetween(起, 止)`、`weeksSince`、`monthsSince`',
  notEnumValue: (p) => `'${p.value}' 不在可选值 ${p.values.map((v) => `'${v}'`).join('、')} 之中`,
  unknownFunction: (p) => `未知函数 '${p.name}'`,
  arity: (p) => `${key(p.name)} 调用时给了 ${p.n} 个参数：${key(p.signature)}`,
  argumentKinds: (p) => `${key(p.name)} 的参数必须是同一种类：${kind(p.first)}与${kind(p.other)}`,
  roundDigits: (p) => `${key('round')} 保留的位数须为 0 到 ${p.max} 的整数`,
  dateLiteral: "`date()` 需要写成 `'2024-03-01'` 或 `'2024-03-01T09:00:00+08:00'` 的日期",
  dateLiteralHelp: "例如 `date('2024-03-01')`",
  notRealDate: (p) => `${p.text} 不是真实存在的日期`,
  declaredType: (p) => `事实 '${p.id}' 声明为${factType(p.type)}，但其表达式得到的是${kind(p.got)}`,
  declaredIntegerHelp: '请用 `round()`、`floor()` 或 `ceil()` 包住表达式，或声明 `type: number`',
  declaredUnit: (p) => `事实 '${p.id}' 声明的单位是${unit(p.unit)}，但其表达式得到的是${unit(p.got)}`,
  declaredUnitHelp: '请在表达式中换算（例如天数 / 7 得周数），或改正单位',
  cycle: (p) => `派生事实相互引用成环：${p.chain.join(' → ')}`,
  cycleHelp: '其中至少一个须从数据（列或汇总）得到',
  computedNotInput: (p) => `'${p.id}' 在事实之后才计算（评分、等级），事实不能读取它`,
  readsPersonal: (p) => `派生事实 '${p.id}' 读取了个人数据（'${p.fact}'），却未标记 \`pii\`：其取值会被显示`,
  readsPersonalHelp: '请给该派生事实加上 `pii: true`，使其在各处被遮蔽',
  exprWith: (p) => `派生事实（\`expr\`）是计算得到的，不能同时写 ${key(p.key)}`,
  exprWithHelp: '请删去该键，或改为从数据读取并去掉 `expr`',
} satisfies Messages<typeof en>;
