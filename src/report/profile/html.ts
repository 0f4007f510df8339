import type { Language } from '../../engine/explain/explain.js';
import { t as translate } from '../../i18n/text.js';
import type { DataProfile } from '../../profile/types.js';
import { escapeHtml } from '../html-escape.js';
import type { Section } from './sections.js';

const STYLE = `body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1f2328}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}p{margin:.3rem 0}`;

/** Everything that goes into the page passes through here: data files hold whatever people typed. */
export { escapeHtml };

/** A self-contained page: inline style, no script, no external resource. */
export function profileHtml(sections: readonly Section[], profile: DataProfile, language: Language): string {
  const e = escapeHtml;
  const title = translate(language, 'profile.title', { file: profile.file });
  const body = sections.map((s) => {
    const lines = s.lines.map((line) => `<p>${e(line)}</p>`).join('\n');
    const table =
      s.rows.length === 0
        ? ''
        : `<table>\n<thead><tr>${s.header.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${s.rows
            .map(
              (row) =>
                `<tr>${row.map((c, i) => `<td${s.numeric[i] ? ' class="n"' : ''}>${e(c)}</td>`).join('')}</tr>`,
            )
            .join('\n')}\n</tbody>\n</table>`;
    return `<section id="${e(s.id)}">\n<h2>${e(s.title)}</h2>\n${lines}\n${table}\n</section>`;
  });
  return `<!DOCTYPE html>
<html lang="${language === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(title)}</h1>
${body.join('\n')}
</body>
</html>
`;
}
