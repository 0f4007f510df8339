import type { warehouse as en } from '../en/warehouse.js';
import type { Messages } from '../text.js';

export const warehouse = {
  untranslatable: (p) => `${p.what} 无法在 ${p.dialect} SQL 中精确表达，因此不生成查询`,
  untranslatableHelp:
    '请在 `JavaScript` 路径上运行此策略（去掉 `--engine duckdb`），或改写该部分；`docs/sql.md` 列出了 `SQL` 支持的内容',
} satisfies Messages<typeof en>;
