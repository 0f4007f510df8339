import type { Language } from '../../engine/explain/explain.js';
import { t as translate } from '../../i18n/text.js';
import type { DataProfile } from '../../profile/types.js';
import { escapeHtml } from '../html-escape.js';
import { REPORT_STYLE } from '../html-style.js';
import type { Section } from './sections.js';

/** Everything that goes into the page passes through here: data files hold whatever people typed. */
export { escapeHtml };

/** A self-contained page: inline style (the population reports' cards), no script, no external resource. */
export function profileHtml(sections: readonly Section[], profile: DataProfile, language: Language): string {
  const e = escapeHtml;
  const title = translate(language, 'profile.title', { file: profile.file });
  const body = sections.map((s) => {
    const lines = s.lines.map((line) => `<p>${e(line)}</p>`).join('\n');
    const table =
      s.rows.length === 0
        ? ''
        : `<div class="table-scroll">\n<table>\n<thead><tr>${s.header.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${s.rows
            .map(
              (row) =>
                `<tr>${row.map((c, i) => `<td${s.numeric[i] ? ' class="n"' : ''}>${e(c)}</td>`).join('')}</tr>`,
            )
            .join('\n')}\n</tbody>\n</table>\n</div>`;
    return `<section class="card" id="${e(s.id)}">\n<h2>${e(s.title)}</h2>\n${lines}\n${table}\n</section>`;
  });
  return `<!DOCTYPE html>
<html lang="${language === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
</header>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
