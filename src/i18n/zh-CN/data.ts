import type { data as en } from '../en/data.js';
import type { Messages } from '../text.js';
import { key, lead } from './terms.js';

/** Text from another program (a JSON parser, the file system, the workbook reader), shown as code. */
const quoted = (detail: string) => key(detail);

const KINDS = { line: '这一行', element: '这个元素' } as const;
const JSON_TYPES = {
  null: '`null`',
  array: '数组',
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
} as const;

export const data = {
  xlsOrProtected: '该文件是 Excel 97-2003 工作簿（.xls）或受密码保护的工作簿',
  xlsOrProtectedHelp: '请在 Excel 或 WPS 中打开，另存为 .xlsx（不设密码）或 CSV UTF-8',
  notZip: '该文件不是 .xlsx 工作簿（它不是 zip 压缩包）',
  notZipHelp: '如果它是 CSV 文本，请使用 .csv 扩展名，或指定格式 `csv`',
  zipNotText: (p) => `该文件是 zip 压缩包（可能是 .xlsx 工作簿？），不是 ${p.format} 文本`,
  zipNotTextHelp: '工作簿请使用 .xlsx 扩展名，或指定格式 `xlsx`',
  xlsNotRead: '不读取 Excel 97-2003 工作簿（.xls）',
  xlsNotReadHelp: '请在 Excel 或 WPS 中打开，另存为 .xlsx 或 CSV UTF-8',
  unknownFormat: (p) => `无法识别“${key(p.name)}”文件的格式`,
  unknownFormatHelp: (p) =>
    `请使用以下扩展名之一命名文件：${key(p.known)}，或指定格式（${p.formats.map(key).join('、')}）`,
  duckOnly: (p) => `“${key(p.name)}”文件只能由 \`DuckDB\` 引擎读取`,
  duckOnlyHelp: (p) =>
    `在支持的命令（\`eval\`、\`simulate\`、\`diff\`、\`calibrate\`、\`data profile\`）中加上 \`--engine duckdb\`（或 \`auto\`）；其他命令请使用 ${key(p.known)}`,
  notRegularFile: '该路径不是普通文件',
  cannotRead: (p) => `无法读取该文件：${quoted(p.detail)}`,
  rowBeforeHeader: '文件在表头之前还有一行',
  duckdbMemory: (p) =>
    `\`$TIERWISE_DUCKDB_MEMORY\` 的值为 ${key(p.given)}，不是容量：\`DuckDB\` 引擎的内存上限须为带单位的数值`,
  duckdbMemoryHelp: '请设为如 `4GB` 或 `512MB`，或取消该变量以使用 `DuckDB` 的默认值（本机内存的 80%）',
  duckdbOutOfMemory: (p) =>
    `\`DuckDB\` 在评估客户之前达到了内存上限（${p.limit ? key(p.limit) : '默认值：本机内存的 80%'}）`,
  duckdbOutOfMemoryHelp:
    '请调高 `$TIERWISE_DUCKDB_MEMORY`（如 `8GB`）、减少 `--workers`（`DuckDB` 线程数），或换用内存更大的机器',
  duckdbUnreadable: (p) => `无法按 ${p.format} 格式读取该文件`,
  duckdbUnreadableHelp: (p) => `请确认这是完整的 ${p.format} 文件（不是仍在写入中的文件）`,
  duckdbTableNeeded: '`DuckDB` 数据库里有多张表，但未指明哪一张存放数据',
  duckdbTableNeededHelp: '请指定表名（加载选项 `sourceTable`）',
  duckdbNoTable: (p) =>
    p.tables.length === 0
      ? `数据库中没有表 ${key(p.table)}（它没有任何表）`
      : `数据库中没有表 ${key(p.table)}；现有的表：${p.tables.map((t) => key(t)).join('、')}`,
  emptyFile: '文件是空的',
  emptySheet: '工作表是空的',
  emptyHelp: '第一个非空行必须是列名，例如 客户编号,近12个月消费金额',
  readFromRow: (p) => `从第 ${p.row} 行起无法读取文件：${p.detail}`,

  utf16: '该文件是 UTF-16 文本（Excel 的“Unicode 文本”导出），不予读取',
  utf16Help: '请在 Excel 中改为另存为“CSV UTF-8（逗号分隔）”',
  nulByte: (p) => `偏移 ${p.offset} 处的字节是 NUL：该文件是二进制或 UTF-16，不是 ${p.encoding} 文本`,
  utf8OrGbk: 'UTF-8 或 GBK',
  nulByteHelp: '请把数据另存为 CSV UTF-8；若是 .xlsx 工作簿，请使用 .xlsx 扩展名',
  bomMismatch: (p) => `文件以 UTF-8 字节顺序标记（BOM）开头，但指定的编码是 ${key(p.encoding)}`,
  bomMismatchHelp: '请不指定编码（`auto`），或指定 `utf-8`',
  neitherEncoding: (p) =>
    `该文件既不是 UTF-8（偏移 ${p.offset} 处的字节不是有效的 UTF-8），也不是 GBK/GB18030`,
  saveAsUtf8: '请在 Excel 或 WPS 中把数据另存为 CSV UTF-8',
  badByte: (p) => `偏移 ${p.offset} 处的字节不是有效的 ${p.encoding}`,
  readsAs: (p) => `这一行可按 ${p.encoding} 读取：请指定编码 ${key(p.option)}（自动检测只查看前 64 KB）`,

  unclosedQuote: '从这一行开始的带引号的值没有闭合，文件其余部分都被读进了这个值',
  unclosedQuoteHelp: '请闭合引号；带引号的值中的双引号要写两次：`"say ""hi"""`',
  textAfterQuote: '带引号的值后面、下一个分隔符之前还有其他文本，例如 `"abc"def`',
  textAfterQuoteHelp: '带引号的值中的双引号要写两次：`"say ""hi"""`',
  rowTooLong: (p) => `这一行超过 ${p.limit}`,
  rowTooLongHelp: '如果确实有这么长的行，请调大 `maxRowBytes`',
  valueTooLong: (p) => `有一个值超过 ${p.limit}`,
  valueTooLongHelp: '如果确实有这么长的值，请调大 `maxFieldBytes`',
  rowWidth: (p) => `这一行有 ${p.values} 个值，但表头有 ${p.columns} 列`,
  rowWidthHelp: '含分隔符的值必须加引号（"1,234"）；请检查是否多了或少了分隔符',
  rowLines: (p) =>
    p.to === undefined
      ? `${p.problem}（文件第 ${p.from} 行）`
      : `${p.problem}（文件第 ${p.from}–${p.to} 行）`,
  runsOn: (p) => `从第 ${p.line} 行开始的这一行超过 ${p.limit}：其中的引号可能没有闭合`,
  lineTooLong: (p) => `第 ${p.line} 行超过 ${p.limit}`,
  runsOnHelp: '请闭合引号（带引号的值中的引号要写两次），如果确实有这么长的行，请调大 `maxRowBytes`',

  jsonTooLarge: (p) => `该文件有 ${p.bytes} 字节；JSON 数组的上限为 ${p.limit}`,
  jsonTooLargeHelp:
    "请每行写一个对象（NDJSON，例如 `jq -c '.[]' big.json > big.ndjson`），NDJSON 按流读取，没有大小上限",
  notAnArray: '.json 文件必须是一个对象数组，每条记录一个对象',
  notAnArrayHelp: '请写成 `[{"客户编号": "C2024001", …}, …]`，或按 NDJSON 每行写一个对象',
  notAnObject: (p) => `${KINDS[p.kind]}不是 JSON 对象，而是${lead(JSON_TYPES[p.got])}`,
  oneObjectHelp: '每条记录是一个 JSON 对象，例如 `{"客户编号": "C2024001", "近12个月消费金额": 800000}`',

  workbookUnreadable: (p) => `${p.row ? `第 ${p.row} 行之后` : ''}无法读取该工作簿：${quoted(p.detail)}`,
  workbookUnreadableHelp: '请在 Excel 或 WPS 中打开，重新另存为 .xlsx',
  noSuchSheet: (p) => `工作簿中没有名为“${p.sheet}”的工作表`,
  noSheets: '工作簿中没有工作表',

  columnFoundAs: (p) => `列“${p.column}”（${p.id}）在文件中写作“${p.header}”`,
  columnFoundAsHelp: '两者只在空格、全角字符或大小写上不同；按文件中的写法填写列名即可消除此提示',
  columnAmbiguous: (p) =>
    `表头中有 ${p.n} 列的名称与“${p.column}”相近（${p.positions.join('、')}），因此无法确定 ${p.id} 读哪一列`,
  columnAmbiguousHelp: '请在文件中只保留其中一列的名称，其余改名',
  columnMissing: (p) => `文件中没有 ${p.id} 所需的列“${p.column}”`,
  noColumnNames: '文件没有列名：第一个非空行必须是列名',
  columnDidYouMean: (p) => `是不是“${p.header}”？（用 \`column:\` 或 --mapping 把事实映射到这一列）`,

  badValue: (p) => `${p.id}：${p.problem}`,
  expectedGot: (p) => `应为${lead(p.expected)}，实际为${lead(p.got)}${p.reason ? `：${p.reason}` : ''}`,
  gotMasked: '一个此处不显示的值（个人数据）',
  gotText: (p) => `“${p.text}”`,
  gotPlain: (p) => p.value,
  gotInvalidDate: '一个无效日期',
  gotDate: (p) => `日期 ${p.iso}`,
  required: (p) => `${p.id} 是必填项，但单元格为空`,
  requiredHelp: '请填入值，或声明空单元格的含义（设置 `default`，或去掉 `required`）',
  enumDidYouMean: (p) => `是不是“${p.guess}”？`,
  dateHelp: '不是年份在前的日期需要指定格式（事实的 `format`，或 `sources.*.dateFormat`），例如 `dd/MM/yyyy`',
  dateFormatHelp: (p) =>
    `如果文件用其他方式书写日期，请修改格式 ${key(p.format)}（事实的 \`format\`，或 \`sources.*.dateFormat\`）`,
  numberHelp: '值未知时请留空单元格；N/A 或 - 之类的文本不是数字',

  aDate: '日期',
  aText: '文本',
  aNumber: '数字',
  aWholeNumber: '整数',
  oneOf: (p) => `以下之一：${p.values.join('、')}`,
  yesNo: '是或否：是/否、`true/false`、`yes/no`、`y/n` 或 1/0',
  dateDefault: '日期，例如 2024-03-01、2024/3/1 或 2024-03-01T14:30:00+08:00（ISO 8601 或年份在前）',
  dateInFormat: (p) => `格式为 ${key(p.format)} 的日期，例如 ${p.example}`,
  dateOrSerial: (p) => `${p.expected}，或 1（1900-01-01）到 2958465（9999-12-31）之间的 Excel 日期序列号`,
  knownZone: (p) => `已知的 IANA 时区，而不是“${key(p.zone)}”`,
  numberWhole: '整数，例如 12 或 1,200',
  numberPercent: '百分比，例如 85 或 85%',
  numberRatio: '比率，例如 0.85 或 85%',
  numberCNY: 'CNY 金额，例如 1234.5、1,234.5、¥1,234.5 或 80万',
  numberCurrency: (p) => `${p.unit} 金额，例如 1234.5 或 1,234.5`,
  numberPlain: '数字，例如 1234.5 或 1,234.5',

  dateNotExist: '该日期不存在',
  timestampNotDate: '以秒或毫秒计的时间戳不按日期读取',
  tooLargeExact: '数字太大，无法精确表示',
  lostDigits: '这么大的数字已丢失了位数；请写成带引号的文本',
  multiplierCNY: (p) => `“${p.sign}”只用于 CNY 金额`,
  misgrouped: '千位分隔符必须每三位一组：1,234,567.5',
  percentOnly: '百分比只用于单位为 `percent` 或 `ratio` 的事实',
  tooLarge: '数字太大',
  tooLargeRead: '数字太大，无法精确读取',
  signNoCurrency: (p) => `“${p.sign}”表示金额，但这个事实没有货币单位`,
  signNotWhere: (p) => `“${p.sign}”不写在金额${p.where === 'before' ? '之前' : '之后'}`,
  signNotOfUnit: (p) => `“${p.sign}”不是该事实的货币 ${p.unit} 的符号`,
  // Workbook limits and damage (src/data/xlsx/): issue 12
  xlsxZipDamaged: (p) =>
    p.detail === 'directory'
      ? '该工作簿已损坏：无法读取其 zip 目录'
      : p.detail === 'zip64'
        ? '该工作簿已损坏：无法读取其 ZIP64 目录'
        : p.detail === 'duplicate'
          ? `该工作簿已损坏：部件 ${p.name} 出现了两次`
          : `该工作簿已损坏：无法读取部件 ${p.name}`,
  xlsxTooManyEntries: (p) => `该工作簿的部件、工作表、样式或关系超过 ${p.limit} 个`,
  xlsxExpands: (p) =>
    `工作簿部件 ${p.part} 将从 ${p.compressed} 解压为 ${p.size}，超过其大小的 ${p.ratio} 倍（zip 炸弹，或工作簿过大无法读取）`,
  xlsxExpandsHelp:
    '真实的工作簿压缩比约为 5 到 20 倍；请在 Excel 或 WPS 中打开，重新另存为 .xlsx，或将工作表另存为 CSV UTF-8',
  xlsxSizeLies: (p) => `工作簿部件 ${p.part} 解压后超过其 zip 目录声明的 ${p.size}`,
  xlsxMissingPart: (p) => `该工作簿缺少部件 ${p.part}`,
  xlsxBadXml: (p) =>
    `工作簿部件 ${p.part} ${
      p.fault === 'doctype'
        ? '声明了 DOCTYPE，工作簿不会这样做'
        : p.fault === 'tagTooLong'
          ? '有一个超过 64 KiB 的元素'
          : p.fault === 'encoding'
            ? '不是有效的 UTF-8'
            : '不是格式正确的 XML'
    }`,
  xlsxTooManyStrings: (p) => `该工作簿的共享字符串超过 ${p.count} 个，或总字符数超过 ${p.chars}`,
  xlsxTooManyStringsHelp: '请拆分工作簿，或将工作表另存为 CSV UTF-8（以流式读取，没有此限制）',
  xlsxNoSuchString: (p) => `某个单元格引用了第 ${p.index} 个共享字符串，但工作簿只有 ${p.count} 个`,
  xlsxBadReference: (p) => `单元格引用“${p.reference}”不是第 ${p.row} 行的单元格`,
  xlsxBeyondSheet: (p) =>
    `${p.what === 'row' ? '行号' : '单元格'}“${p.reference}”超出了 Excel 工作表的范围（${p.rows} 行、${p.columns} 列）`,
  duplicateKeysOmitted: (p) =>
    `另有 ${p.count.toLocaleString('en-US')} 行的客户编号与前面的行重复；这些行被忽略`,

  // 恶意输入（issue 12）
  jsonLineSyntax: (p) => `这一行不是有效的 JSON：第 ${p.column} 个字符处应为${p.expected}`,
  jsonFileSyntax: (p) => `该文件不是有效的 JSON：第 ${p.line} 行第 ${p.column} 个字符处应为${p.expected}`,
  jsonExpected: (p) =>
    ({
      value: '一个值（双引号中的文本、数字、`true`、`false`、`null`、对象或数组）',
      name: '双引号中的列名',
      colon: '列名之后的 `:`',
      commaOrBrace: ' `,` 或 `}`',
      commaOrBracket: ' `,` 或 `]`',
      end: '值之后不再有内容',
      stringEnd: '结束文本的双引号',
      escape: '反斜杠之后的转义，如 `\\n`、`\\"` 或 `\\u00e9`',
      digit: '数字',
      control: '引号中的文本不含换行或控制字符（写作 `\\n`）',
    })[p.what],
  jsonSyntaxHelp: '位置从 1 开始按字符计数；该处的文本不予显示，因为可能是个人数据',
  jsonTooDeep: (p) => `${KINDS[p.kind]}的对象或数组嵌套超过 ${p.limit} 层`,
  jsonTooDeepHelp: '每条记录是一个扁平的对象，每列一个值；嵌套的值按文本保留',
  belowMin: (p) => `${p.value} 小于该事实声明的最小值（\`min\`）${p.min}`,
  aboveMax: (p) => `${p.value} 大于该事实声明的最大值（\`max\`）${p.max}`,
  valueMasked: '该值（个人数据，不予显示）',
  outOfRangeHelp: '请更正文件中的值；如果这样的值确实存在，请在策略中放宽该事实的 `min` 或 `max`',
  tooSmall: '数字太小，无法与 0 区分',
  yearRange: '年份只读取 0001 到 9999',
  offsetRange: '时区偏移最多为 ±18:00，分钟为 00 到 59',
} satisfies Messages<typeof en>;
