// The shell's texts: sign-in, navigation, roles, diagnostics.
import { str } from '@lit/localize';

export const shell = {
  'app.language': '语言',
  'app.signOut': '退出',
  'nav.main': '主导航',
  'nav.policies': '策略',
  'nav.whatif': '假设分析',
  'nav.customer': '客户',
  'nav.review': '审核',
  'signin.title': '登录',
  'signin.help': '粘贴管理员发给您的令牌（由 tierwise token create 生成）。',
  'signin.token': '令牌',
  'signin.submit': '登录',
  'role.viewer': '查看者',
  'role.analyst': '分析师',
  'role.approver': '审批人',
  'role.admin': '管理员',
  'diagnostics.label': '问题',
  'diagnostics.row': str`第 ${0} 行`,
  'policies.title': '策略',
  'policies.search': '搜索',
  'policies.unit': '事业部',
  'policies.name': '策略',
  'policies.file': '文件',
};
