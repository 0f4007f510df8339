import { formatCount } from '../../format/number.js';
import type { parse as en } from '../en/parse.js';
import type { Messages } from '../text.js';
import { key, keys, tierMethod } from './terms.js';

/** Text a reader types or sees as it is (an alias, a tag, a file suffix, a variable), in backticks. */
const code = (value: string) => `\`${value}\``;

/** yaml's error codes (yaml 2.x ErrorCode); a code it adds later reads as a general syntax error. */
const YAML: Record<string, string> = {
  ALIAS_PROPS: '别名节点不能带锚点或标签',
  BAD_ALIAS: '锚点或别名的名称无效',
  BAD_DIRECTIVE: 'YAML 指令无效',
  BAD_DQ_ESCAPE: '双引号字符串中的转义序列无效',
  BAD_INDENT: '缩进不一致：同一列表的各项必须从同一列开始',
  BAD_PROP_ORDER: '锚点和标签的位置不对',
  BAD_SCALAR_START: '不加引号的值不能以这个字符开头，请给值加上引号',
  BLOCK_AS_IMPLICIT_KEY: '块结构不能用作键，行内映射中也不能嵌套映射',
  BLOCK_IN_FLOW: '行内集合（{…} 或 […]）中不能出现块结构',
  DUPLICATE_KEY: '同一映射中的键必须唯一',
  IMPOSSIBLE: '无法解析这里的 YAML 结构',
  KEY_OVER_1024_CHARS: '键不能超过 1024 个字符',
  MISSING_CHAR: '缺少必需的符号',
  MULTILINE_IMPLICIT_KEY: '键必须写在一行内',
  MULTIPLE_ANCHORS: '一个节点最多只能有一个锚点',
  MULTIPLE_DOCS: '文件含有多个 YAML 文档',
  MULTIPLE_TAGS: '一个节点最多只能有一个标签',
  NON_STRING_KEY: '键必须是文本',
  RESOURCE_EXHAUSTION: '别名展开过多，已停止解析',
  TAB_AS_INDENT: '不能用制表符缩进，请改用空格',
  TAG_RESOLVE_FAILED: '无法识别的 YAML 标签',
  UNEXPECTED_TOKEN: '此处出现了意外的内容',
  BAD_COLLECTION_TYPE: '标签与集合的类型不符',
};

/** The commonest slips, told apart within a code by yaml's own message. */
const YAML_DETAIL: [RegExp, string][] = [
  [/^Implicit map keys need to be followed by map values/, '键后面缺少冒号和值'],
  [/^Missing closing "?quote/, '缺少右引号'],
  [/^Missing , or : between/, '行内集合的各项之间缺少逗号或冒号'],
  [/^Missing , between/, '行内集合的各项之间缺少逗号'],
  [/^Missing space after :/, '冒号后面缺少空格'],
  [/^Sequence item without - indicator/, '列表项缺少 “-” 标记'],
  [/^Comments must be separated/, '注释与前面的内容之间必须留有空白'],
  [/^Nested mappings are not allowed in compact mappings/, '紧凑写法的映射中不能再嵌套映射'],
  [/^All sequence items must start at the same column/, '同一列表的各项必须从同一列开始'],
];

/** Node's error codes for files; another code is shown as it is. */
const SYSTEM: Record<string, string> = {
  ENOENT: '文件不存在',
  EACCES: '没有访问权限',
  EPERM: '操作不被允许',
  EISDIR: '这是一个目录',
  ESPIPE: '这不是普通文件（`Parquet` 只能写入文件，不能写入管道或设备）',
  ENOTDIR: '路径中有一段不是目录',
  EMFILE: '打开的文件过多',
  ENAMETOOLONG: '文件名过长',
  ELOOP: '符号链接层数过多',
  EBUSY: '文件正被占用',
  EIO: '读写出错',
  EEXIST: '它已存在',
  ENOSPC: '设备上没有剩余空间',
  EROFS: '文件系统是只读的',
  ENXIO: '没有这个设备',
  EFBIG: '文件过大',
  EINVAL: '名称或操作在此无效',
};

const BASE_KIND: Record<string, string> = {
  directory: '目录',
  fifo: '命名管道',
  device: '设备',
  socket: '套接字',
  other: '特殊文件',
};

export const parse = {
  tooLarge: (p) => `文件大小为 ${p.size} 字节，策略文件的上限是 ${p.limit} 字节`,
  tooLargeHelp: '请拆分策略；如果确实需要这么大，可用 --max-bytes 提高上限',
  nulByte: (p) => `文件在偏移 ${p.offset} 处含有空字节（值为 0）：它像是二进制文件，而不是 YAML 策略`,
  notUtf8: (p) => `偏移 ${p.offset} 处的字节不是有效的 UTF-8`,
  notUtf8Help: '请将文件另存为 UTF-8（从 Excel 导出的文件常为 GBK 编码：另存为“UTF-8”即可）',
  multipleDocuments: '文件含有多个 YAML 文档（---）；每个文件只写一个策略',
  yaml: (p) =>
    YAML_DETAIL.find(([pattern]) => pattern.test(p.detail))?.[1] ?? YAML[p.code] ?? 'YAML 语法错误',
  notMapping: `文件必须是 YAML 映射（${keys(['apiVersion:', 'kind:', 'metadata:'])}…）`,
  aliasesExpandTo: (p) =>
    `展开此文件的别名会得到${p.total === undefined ? '天文数字般多' : ` ${formatCount(p.total)} `}个值（上限为 ${formatCount(p.limit)}）；疑为耗尽资源的攻击，已拒绝`,
  tooManyValues: (p) => `展开此文件的别名会得到超过 ${p.limit} 个值；疑为耗尽资源的攻击，已拒绝`,
  tooManyAliases: (p) => `展开此文件的别名会超过 ${p.limit} 次；疑为耗尽资源的攻击，已拒绝`,
  aliasesHelp: '策略应尽量少用锚点和别名；请把重复的内容直接写出来，或减少嵌套',
  tooDeep: (p) => `策略中映射和列表的嵌套超过了 ${p.limit} 层（按展开别名后计算）`,
  tooDeepHelp: `策略一般只有十来层；请减少嵌套，例如把深层的条件在 ${key('conditions')} 下单独命名`,
  aliasCycle: (p) =>
    `别名 ${code(`*${p.name}`)} 位于其锚点 ${code(`&${p.name}`)} 所在的值之内：展开它永远不会结束`,
  aliasCycleHelp: '别名只能指向不包含它自身的值；请直接写出该值',
  undefinedAlias: (p) => `别名 ${code(`*${p.name}`)} 没有对应的锚点：它上方没有 ${code(`&${p.name}`)}`,
  undefinedAliasHelp: '请在第一次使用别名之前的值上加上锚点（&名称），或更正别名',
  coreTagMismatch: (p) => `此值不是其标签 ${code(p.tag)} 所表示的类型；请删除标签或更正该值`,
  keysPlainText: '键必须是普通文本',
  unsupportedNode: '不支持这种 YAML 节点',
  notFinite: (p) =>
    `数值必须是有限的，此处为${p.value === 'NaN' ? '非数值' : p.value.startsWith('-') ? '负无穷大' : '无穷大'}`,
  integerTooLarge: '整数过大',
  onlyPlainValues: '只允许文本、数值、布尔值和空值',
  notAFile: (p) => `${p.path} 不是文件`,
  cannotRead: (p) => `无法读取 ${p.path}：${p.reason}`,
  noSuchFile: '文件不存在',
  systemError: (p) => SYSTEM[p.code] ?? `\`${p.detail}\``,
  unknownError: '未知错误',
  variantAlone: '这是一个变体：只能与它的基础策略一起检查',
  variantAloneHelp: '请用 `tierwise check FILE`（或 `loadPolicy`）检查该文件，它会读取所继承的基础策略',
  extendsCycle: (p) => `${key('extends')} 经由 ${p.file} 形成了循环`,
  extendsTooDeep: (p) => `${key('extends')} 继承链超过了 ${p.limit} 层`,
  baseUnreadable: (p) => `无法读取基础策略 ${p.file}：${p.reason}`,
  baseOutsideRoot: (p) => `基础策略 ${p.file} 位于策略根目录（${p.roots.join('、')}）之外，未读取`,
  baseOutsideRootHelp: (p) =>
    `基础策略必须位于该策略所在的代码仓库内（其上方最近的含 ${code('.git')} 的目录）；不在仓库中时，必须位于该策略所在目录内。可用 ${code(p.env)} 指定其他目录（分隔方式与 ${code('PATH')} 相同）`,
  baseNameNul: `${key('extends')} 指定的基础策略名称含有空字符（NUL），未读取`,
  baseNotYaml: (p) => `基础策略 ${p.file} 不是 ${code('.yaml')} 或 ${code('.yml')} 文件，未读取`,
  baseNotRegular: (p) => `基础策略 ${p.file} 是${BASE_KIND[p.kind]}，不是普通文件，未读取`,
  baseNotPolicy: (p) =>
    `基础策略 ${p.file} 不是 tierwise 策略（没有 ${code('apiVersion: tierwise/v1')}），不显示其内容`,
  baseRefusedHelp: `${key('extends')} 应指向策略根目录内的另一个策略文件（*.tier.yaml）`,
  baseHasErrors: (p) => `基础策略 ${p.file} 有错误`,
  baseHasErrorsHelp: '请先修正基础策略',
  variantRedefinesFact: (p) => `变体不能重新定义基础策略的事实 '${p.id}'（改动了 ${keys(p.fields)}）`,
  variantRedefinesFactHelp: '同一事实在每个变体中必须读取相同的数据；请改用新的 id 声明一个新事实',
  variantChangesMethod: (p) => `变体不能更改分级方法（${tierMethod(p.from)} → ${tierMethod(p.to)}）`,
  variantChangesMethodHelp: '请编写一个新策略，而不是变体',
  variantAddsTier: (p) => `变体不能新增等级 '${p.id}'`,
  variantAddsTierHelp: (p) => `等级集合由各服务团队共用；基础策略中的等级为 ${p.ids.join('、')}`,
} satisfies Messages<typeof en>;
