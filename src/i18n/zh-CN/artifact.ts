import type { artifact as en } from '../en/artifact.js';
import type { Messages } from '../text.js';
import { key } from './terms.js';

const ENTRY_TYPES: Record<string, string> = {
  directory: '目录',
  symlink: '符号链接',
  link: '硬链接',
  'character-device': '字符设备',
  'block-device': '块设备',
  fifo: '命名管道',
};

/** Text from another program (zlib, tar, OpenSSL), shown verbatim as code. */
const quoted = (detail: string) => key(detail);

export const artifact = {
  noPolicyFiles: (p) => `${p.paths.join('、')} 下没有策略文件（*.tier.yaml）`,
  nothingBuilt: (p) => `未打包任何内容：${p.total} 个策略中有 ${p.broken} 个存在错误`,
  nothingBuiltHelp: '请修正 `tierwise check` 报告的问题；只有有效的策略才会被打包',
  duplicateName: (p) => `有两个待打包的策略都名为 ${p.name}`,
  duplicateNameHelp: '制品按 `metadata.name` 选择策略；请把它们分开打包',
  unreadableWhilePacking: (p) => `打包时无法读取 ${p.file}`,
  changedWhilePacking: (p) => `${p.file} 在打包过程中被修改了`,
  changedWhilePackingHelp: '请在文件保存后重新构建',
  textNotAvailable: (p) => `${p.file}：打包时拿不到已检查的文本`,

  badTime: (p) => `--time ${key(p.value)} 不是日期时间`,
  badTimeHelp: '请给出带时区的 ISO 8601 日期时间（例如 2026-01-01T00:00:00Z），或自 1970 年起的秒数',
  badEpoch: (p) => `\`SOURCE_DATE_EPOCH=${p.value}\` 不是整数秒`,
  badEpochHelp: '请设为自 1970-01-01T00:00:00Z 起的秒数，例如 `$(git log -1 --format=%ct)`',
  noBuildTime: (p) => `未给出构建时间：使用 ${p.time}，使相同的文件仍得到相同的字节`,
  noBuildTimeDirtyHelp: '请提交这些策略（届时使用其提交时间），或设置 `SOURCE_DATE_EPOCH` 或 --time',
  noBuildTimeHelp: '请设置 `SOURCE_DATE_EPOCH` 或 --time，或在干净的 `git` 检出目录中构建',

  cannotRead: (p) => `无法读取制品 ${p.path}：${p.reason}`,
  notAFile: '它不是文件',
  tooLarge: (p) => `它有 ${p.size} 字节，上限为 ${p.limit}`,
  notGzip: '它不是 gzip 数据',
  unpacksTooLarge: (p) => `解压后超过 ${p.limit} 字节`,
  badGzip: (p) => `它不是有效的 gzip 数据（${quoted(p.detail)}）`,
  tooManyEntries: (p) => `它含有超过 ${p.limit} 个条目`,
  badTar: (p) => `它不是有效的 tar 归档（${quoted(p.detail)}）`,

  noManifest: (p) => `${p.name} 中没有 ${p.manifest}`,
  noManifestHelp: '这不是 tierwise 制品，或已被其他工具重新打包；请用 `tierwise build` 构建',
  notSigned: (p) => `${p.name} 没有签名，而已给出密钥：拒绝`,
  notSignedHelp: '请用 `tierwise build --sign KEY` 构建；配置了密钥时，从不接受未签名的制品',
  badSignature: (p) => `签名无法用密钥 ${p.key} 验证`,
  badSignatureHelp: '清单在签名后被修改过，或是用另一个密钥签名的',
  notChecked: (p) =>
    `${p.name} 未做签名校验：没有给出密钥${p.signed ? '（它带有签名）' : '（且它没有签名）'}`,
  notCheckedHelp: (p) => `请传入 --key PUBLIC.pem 或设置 ${key(p.env)}；只有这样才会核验构建者`,
  manifestNotJson: (p) =>
    `${p.manifest} 不是有效的 JSON${p.line === undefined ? '' : `（第 ${p.line} 行第 ${p.column} 列）`}`,
  manifestNotUtf8: (p) => `${p.manifest} 不是 UTF-8 文本`,
  manifestMalformed: (p) => `${p.manifest} 格式错误：${p.problems.join('；')}`,
  manifestNotCanonical: (p) => `${p.manifest} 不是规范形式（键已排序、两空格缩进）`,
  manifestNotCanonicalHelp: '它被手工或其他工具编辑过',
  notObject: '清单不是 JSON 对象',
  badFormat: (p) => `${key('format')} 为 ${key(p.json)}，而不是 ${key(`"${p.format}"`)}`,
  missingField: (p) => (p.field === 'tierwise' ? '缺少 `tierwise`（构建它的版本）' : `缺少 ${key(p.field)}`),
  notADate: (p) => `${key(p.field)} 不是日期`,
  notKnown: (p) => `${key(p.field)} 的取值未知`,
  malformed: (p) => `${key(p.field)} 格式错误`,
  notAList: (p) => `${key(p.field)} 不是列表`,
  fileMalformed: (p) =>
    `${key(`files/${p.index}`)} 格式错误（应有 ${key('path')}、${key('sha256')}、${key('size')}）`,
  noPolicies: '`policies` 不是至少含一个策略的列表',
  policyMalformed: (p) =>
    `${key(`policies/${p.index}`)} 格式错误（应有 \`id\`、\`version\`、\`path\`、\`sha256\`、\`extends\`、\`tests\`）`,
  listedTwice: (p) => `${p.manifest} 两次列出了 ${p.path}，或列在了 ${p.prefix} 之外`,
  listedMissing: (p) => `${p.path} 列在清单中，但制品里没有`,
  fileMismatch: (p) =>
    `${p.path} 与清单不符：实际 ${p.size} 字节，sha256 为 ${p.sha256}；清单记录为 ${p.listedSize} 字节，sha256 为 ${p.listedSha256}`,
  fileMismatchHelp: '文件在制品构建后被修改过；请从源文件重新构建',
  unlisted: (p) => `${p.path} 在制品中，但不在其清单中`,
  unlistedHelp: '文件是在制品构建后加入的；制品只能包含清单所列的文件',
  policyDisagrees: (p) => `${p.manifest}：策略 ${p.id} 与文件列表不一致`,
  notInFiles: (p) => `不在 ${key('files')} 中：${p.paths.join('、')}`,
  shaDiffers: '它的 sha256 与 `files` 中的记录不同',

  unsafeEntry: (p) => `条目 ${key(p.json)} ${p.why}`,
  unsafeEntryHelp: '制品内只能使用相对路径',
  emptyName: '名称为空',
  controlCharacter: '含有控制字符',
  absolutePath: '是绝对路径',
  backslash: '含有反斜杠（在 Windows 上是路径分隔符）',
  climbsOut: '用 `..` 跳出了制品目录',
  notNormalised: '不是规范路径（含空段或 `.` 段）',
  entryTwice: (p) => `条目 ${p.name} 出现了两次；读取方可能取到其中任意一份`,
  entriesFold: (p) => `条目 ${p.first} 和 ${p.second} 只在大小写或 Unicode 形式上不同`,
  notRegular: (p) =>
    `条目 ${p.name} 是${ENTRY_TYPES[p.type] ?? key(p.type)}${p.target === undefined ? '' : `（指向 ${p.target}）`}，不是普通文件`,
  notRegularHelp: '制品只能包含普通文件',
  entryTooLarge: (p) => `条目 ${p.name} 有 ${p.size} 字节，上限为 ${p.limit}`,
  entryTooLargeHelp: '如果文件确实需要这么大，可用 --max-bytes 提高上限',

  plainFileRefused: (p) => `${p.path} 是普通策略文件；此处只接受已签名的制品`,
  plainFileRefusedHelp: '请构建并签名：`tierwise build PATH --sign KEY`',
  manifestNamesAnother: (p) => `清单记录的是 ${p.id} ${p.version}，文件却是另一个`,
  whichPolicy: (p) => `${p.path} 含有 ${p.n} 个策略；请指定其中一个`,
  whichPolicyHelp: (p) => `请按 id 指定一个：${p.policies.join('、')}`,
  noSuchPolicy: (p) => `${p.path} 中没有策略 ${p.id}`,
  noSuchPolicyHelp: (p) => `它含有 ${p.policies.join('、')}`,
  baseOutside: (p) => `变体的基础策略 ${p.base} 不是制品中的文件`,
  baseOutsideLoaded: (p) => `变体的基础策略 ${p.base} 在制品之外`,
  changedOnDisk: (p) => `${p.file} 在加载过程中被修改了`,
  basesHelp: '制品必须包含其变体所继承的每一个基础策略',

  keyUnusable: (p) => `密钥 ${p.path} 无法使用：${p.reason}`,
  keyUnusableHelp: '请用 `tierwise keygen --out NAME` 生成 Ed25519 密钥对',
  notPublicKey: '它不是 PEM 公钥',
  notPrivateKey: '它不是未加密的 PEM 私钥',
  notKeyFile: (p) => `它有 ${p.size} 字节，不是密钥文件`,
  wrongKeyType: (p) => `它是${p.type ? ` ${key(p.type)} ` : '对称'}密钥，不是 Ed25519`,
  publicForSigning: '它是公钥；签名需要私钥',
  keyExists: (p) => `${p.path} 已存在；未写入任何密钥`,
  keyExistsHelp: '请换一个 --out 前缀，或先把旧密钥移走',
  cannotWrite: (p) => `无法写入 ${p.path}：${p.reason}`,
} satisfies Messages<typeof en>;
