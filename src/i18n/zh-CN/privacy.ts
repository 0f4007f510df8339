import type { privacy as en } from '../en/privacy.js';
import type { Messages } from '../text.js';
import { key } from './terms.js';

export const privacy = {
  piiKey: (p) =>
    `客户键 '${p.id}' 标记了 ${key('pii: true')}：所有结果、报表和消息都用键指称客户，个人数据作键会在各处原样显示，而掩码后又无法区分客户`,
  piiKeyHelp: (p) =>
    `请用不含个人信息的编号作客户键（CRM 或账户编号，例如 \`customerId: { type: string, column: 客户编号, key: true }\`），并把 '${p.id}' 保留为普通事实、标记 ${key('pii: true')}，它在所有输出中都会被掩码；若数据中没有这样的编号，请在评估前为每行补上一个`,
} satisfies Messages<typeof en>;
