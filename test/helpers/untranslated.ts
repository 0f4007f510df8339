/**
 * English left in a Chinese output. What may stay Latin: ids the user wrote (policy, tier, fact,
 * rule ids and file names — pass them as `ids`), diagnostic codes, units and currencies, ISO 8601
 * dates and durations, numbers, command-line flags and code in backticks, and the acronyms of the
 * trade. Everything else that reads as an English word is reported, with its line.
 */
const ACRONYMS = new Set(
  [
    'VIP',
    'SLA',
    'KPI',
    'RFM',
    'NPS',
    'CSAT',
    'CNY',
    'CSV',
    'TSV',
    'JSON',
    'NDJSON',
    'YAML',
    'XLSX',
    'HTML',
    'SARIF',
    'UTF',
    'UTF-8',
    'Excel',
    'Windows',
    'Unicode',
    'gzip',
    'tar',
    'GBK',
    'GB18030',
    'BOM',
    'ISO',
    'PEM',
    'Ed25519',
    'SHA',
    'sha256',
    'TW',
    'ID',
    'URL',
    'CI',
    'PR',
    'tierwise',
    'Git',
    'semver',
    // names of formats, programs and limits a Chinese sentence writes the same way
    'UTF-16',
    'NUL',
    'IANA',
    'WPS',
    'iCalendar',
    'ics',
    'xls',
    'zip',
    'KB',
    'MB',
    'GB',
    'x',
    'e',
    'E',
  ].map((w) => w.toLowerCase()),
);

export function untranslated(output: string, ids: Iterable<string> = []): string[] {
  const allowed = new Set([...ids].map((id) => id.toLowerCase()));
  const found: string[] = [];
  output.split('\n').forEach((line, i) => {
    // A code frame quotes the user's own file: `66 |   levels:`.
    if (/^\s*\d*\s+\|/.test(line)) return;
    const stripped = line
      .replace(/`[^`]*`/g, ' ')
      .replace(/\bTW\d{4}\b/g, ' ')
      // a flag may follow Chinese punctuation as well as a space: （--transactions）
      .replace(/(?<![\w-])--?[a-z][\w-]*/g, ' ')
      .replace(/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, ' ')
      .replace(/\bP(?:T?\d+[YMWDHS])+\b/g, ' ')
      .replace(/\b[\w./-]+\.(?:ya?ml|csv|tsv|json|ndjson|xlsx|html|md|tgz|pem|txt)\b/gi, ' ')
      .replace(/(?:\.{0,2}\/)?(?:[\w.-]+\/)+[\w.-]*/g, ' ')
      .replace(/https?:\S+/g, ' ')
      // the commands a reader types (tierwise check, tierwise data profile), placeholders of
      // values (<file>, N) and digests
      .replace(/\btierwise(?: [a-z][a-z-]*){0,2}/g, ' ')
      .replace(/<[\w-]+>/g, ' ')
      .replace(/"[\w./%-]+"/g, ' ')
      .replace(/\bN\b/g, ' ')
      .replace(/\b(?:sha256:)?[0-9a-f]{16,}\b/g, ' ');
    for (const match of stripped.matchAll(/[A-Za-z][A-Za-z0-9_-]*/g)) {
      const word = match[0];
      const lower = word.toLowerCase();
      if (ACRONYMS.has(lower) || allowed.has(lower)) continue;
      // ids written in camelCase or with separators are policy ids the caller did not list
      found.push(`line ${i + 1}: '${word}' in: ${line.trim()}`);
    }
  });
  return found;
}
