import type { testFiles as en } from '../en/testFiles.js';
import type { Messages } from '../text.js';

export const testFiles = {
  none: '未找到任何测试用例：什么也没有测试',
  noneHelp:
    '请在每个策略旁添加同名的 .test.yaml 测试文件（见 docs/testing.md）；确属预期时可加 --pass-with-no-tests',
} satisfies Messages<typeof en>;
