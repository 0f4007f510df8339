import { formatCount } from '../../format/number.js';

/** Words many outputs share. */
export const common = {
  customers: (p: { n: number }) => `${formatCount(p.n)} ${p.n === 1 ? 'customer' : 'customers'}`,
  rows: (p: { n: number }) => `${formatCount(p.n)} ${p.n === 1 ? 'row' : 'rows'}`,
  files: (p: { n: number }) => `${formatCount(p.n)} ${p.n === 1 ? 'file' : 'files'}`,
  noTier: '(no tier)',
  total: 'total',
  missing: '(missing)',
};
