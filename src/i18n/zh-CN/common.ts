import { formatCount } from '../../format/number.js';
import type { common as en } from '../en/common.js';
import type { Messages } from '../text.js';

export const common = {
  customers: (p) => `${formatCount(p.n)} 位客户`,
  rows: (p) => `${formatCount(p.n)} 行`,
  files: (p) => `${formatCount(p.n)} 个文件`,
  noTier: '（无等级）',
  total: '合计',
  missing: '（缺失）',
} satisfies Messages<typeof en>;
