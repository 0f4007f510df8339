import type { findings as en } from '../en/findings.js';
import type { Messages } from '../text.js';

export const findings = {} satisfies Messages<typeof en>;
