/**
 * Sections and charts are cards; a table wider than its card scrolls inside it (a wrapper with
 * overflow-x), so no page runs off the screen whatever the number of tiers or actions. Long
 * words (paths, ids) may break anywhere rather than push a card wider.
 */
export const REPORT_STYLE = `:root{color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:1280px;padding:0 1.5rem;color:#1f2328;background:#f6f8fa}
h1{font-size:1.5rem;margin:0 0 .25rem}h1,h2,p,figcaption{overflow-wrap:anywhere}
header{margin-bottom:1.25rem}header p{color:#59636e}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr));gap:1.25rem;margin-bottom:1.25rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.75rem 1rem;min-width:0;margin:0}
section.card{margin-bottom:1.25rem}
h2{font-size:1.1rem;margin:0 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid #d0d7de}
figcaption{font-weight:600;margin-bottom:.5rem}
.chart{width:100%}
.table-scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600;min-width:4.5em}td:first-child{white-space:nowrap}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n{white-space:nowrap}
p{margin:.3rem 0}footer{margin-top:2rem;color:#59636e;font-size:.8rem}
@media print{body{background:#fff}.charts{display:block}.card{break-inside:avoid;margin-bottom:1rem}.table-scroll{overflow:visible}}`;
