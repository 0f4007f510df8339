import { formatCount } from '../../format/number.js';

/** How findings are framed, whatever they say (src/diagnostics/render). */
export const diagnostics = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  help: 'help',
  example: 'example',
  rowAt: (p: { file: string; row: number }) => `${p.file} row ${p.row}`,
  rowColumnAt: (p: { file: string; row: number; column: string }) =>
    `${p.file} row ${p.row}, column ${p.column}`,
  moreOfCode: (p: { n: number; code: string }) =>
    `${formatCount(p.n)} more ${p.code} ${p.n === 1 ? 'finding is' : 'findings are'} not shown here`,
  checked: (p: { files: number; errors: number; warnings: number; infos: number }) => {
    const counts = [
      p.errors ? `${formatCount(p.errors)} ${p.errors === 1 ? 'error' : 'errors'}` : '',
      p.warnings ? `${formatCount(p.warnings)} ${p.warnings === 1 ? 'warning' : 'warnings'}` : '',
      p.infos ? `${formatCount(p.infos)} ${p.infos === 1 ? 'info' : 'infos'}` : '',
    ].filter((c) => c !== '');
    const files = `${formatCount(p.files)} ${p.files === 1 ? 'file' : 'files'}`;
    return `checked ${files}: ${counts.length === 0 ? 'no problems' : counts.join(', ')}`;
  },
};
