// The editor's Chinese texts by message id (ui/src: msg(..., { id })), one file per area so views
// grow apart. test/ui/locales.test.ts fails when an id used in the source has no text here, or a
// text here is not used.
import { customer } from './zh-CN/customer.js';
import { editor } from './zh-CN/editor.js';
import { review } from './zh-CN/review.js';
import { shell } from './zh-CN/shell.js';
import { whatif } from './zh-CN/whatif.js';

export const templates = { ...shell, ...review, ...editor, ...whatif, ...customer };
