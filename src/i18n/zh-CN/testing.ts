import type { testing as en } from '../en/testing.js';
import type { Messages } from '../text.js';

export const testing = {} satisfies Messages<typeof en>;
