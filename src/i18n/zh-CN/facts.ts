import type { facts as en } from '../en/facts.js';
import type { Messages } from '../text.js';

export const facts = {} satisfies Messages<typeof en>;
