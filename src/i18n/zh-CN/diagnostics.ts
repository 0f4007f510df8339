import { formatCount } from '../../format/number.js';
import type { diagnostics as en } from '../en/diagnostics.js';
import type { Messages } from '../text.js';

export const diagnostics = {
  error: '错误',
  warning: '警告',
  info: '提示',
  help: '建议',
  example: '示例',
  rowAt: (p) => `${p.file} 第 ${p.row} 行`,
  rowColumnAt: (p) => `${p.file} 第 ${p.row} 行，列「${p.column}」`,
  moreOfCode: (p) => `另有 ${formatCount(p.n)} 条 ${p.code} 未在此列出`,
  checked: (p) => {
    const counts = [
      p.errors ? `${formatCount(p.errors)} 个错误` : '',
      p.warnings ? `${formatCount(p.warnings)} 个警告` : '',
      p.infos ? `${formatCount(p.infos)} 条提示` : '',
    ].filter((c) => c !== '');
    return `已检查 ${formatCount(p.files)} 个文件：${counts.length === 0 ? '未发现问题' : counts.join('，')}`;
  },
} satisfies Messages<typeof en>;
