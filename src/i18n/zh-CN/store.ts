import type { store as en } from '../en/store.js';
import type { Messages } from '../text.js';
import { key } from './terms.js';

/** The database's own words (SQLite, PostgreSQL, the operating system) are shown verbatim as code. */
const said = (detail: string) => key(detail);

export const store = {
  unsupportedLocation: (p) => `${key(p.location)} 既不是文件路径，也不是 \`postgres://\` 地址`,
  unsupportedLocationHelp:
    '请给出 `SQLite` 文件（默认 `./tierwise.db`）、`:memory:`，或 `postgres://user@host:5432/database`',
  cannotOpen: (p) => `无法打开或创建数据库文件 ${key(p.path)}：${said(p.detail)}`,
  cannotOpenHelp: '请确认目录存在，且 tierwise 有权写入',
  unreachable: (p) => `无法连接 ${key(p.location)} 的 \`PostgreSQL\` 服务器：${said(p.detail)}`,
  unreachableHelp: '请检查主机和端口，并确认服务器正在运行且接受来自本机的连接',
  refused: (p) => `${key(p.location)} 的 \`PostgreSQL\` 服务器拒绝了连接：${said(p.detail)}`,
  refusedHelp: '请检查地址中的用户名、密码和数据库名，并确认该数据库存在',
  notTierwise: (p) => `${key(p.location)} 不是 tierwise 数据库（${said(p.detail)}）`,
  notTierwiseHelp: '请指定一个新文件或空数据库：tierwise 从不修改不是它创建的数据库',
  newerSchema: (p) =>
    `${key(p.location)} 的数据库结构版本为 ${p.database}，比当前 tierwise 所知的版本（${p.known}）更新`,
  newerSchemaHelp: '请使用不低于上次打开它的 tierwise 版本；数据库未被改动',
  migrationFailed: (p) =>
    `无法将 ${key(p.location)} 升级到数据库结构版本 ${p.version}（${key(p.name)}）：${said(p.detail)}`,
  migrationFailedHelp: '这一步没有任何部分被应用；请排除原因后重新启动 tierwise',
} satisfies Messages<typeof en>;
