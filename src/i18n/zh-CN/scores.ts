import type { scores as en } from '../en/scores.js';
import type { Messages } from '../text.js';

export const scores = {
  draftAndStored: '草稿（`draft`）与已存策略（`version`、`businessUnit`）只能给出其一',
  draftAndStoredHelp: '只发送草稿，即可看到正在编辑的文本的得分分布',
  noScore: (p) => `${p.policy} 不给客户打分：它没有维度，因此没有得分分布`,
  noScoreHelp: '得分分布适用于打分的策略（阈值分级、按得分排名的配额分级）；条件分级与矩阵分级读取的是事实',
} satisfies Messages<typeof en>;
