import { css } from 'lit';

/** What every view shares: type, buttons, tables, diagnostics. Colours meet WCAG AA on white. */
export const shared = css`
  :host { display: block; }
  h1, h2, h3 { line-height: 1.25; margin: 0 0 0.75rem; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.15rem; }
  button, input, select, textarea { font: inherit; }
  button {
    border: 1px solid var(--tw-accent, #1d4ed8); background: var(--tw-accent, #1d4ed8); color: #fff;
    border-radius: 4px; padding: 0.3rem 0.8rem; cursor: pointer;
  }
  button.secondary { background: #fff; color: var(--tw-accent, #1d4ed8); }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible {
    outline: 2px solid #f59e0b; outline-offset: 2px;
  }
  input, select, textarea { border: 1px solid var(--tw-border, #a1a1aa); border-radius: 4px; padding: 0.3rem 0.5rem; }
  a { color: var(--tw-accent, #1d4ed8); }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #e4e4e7; vertical-align: top; }
  th { font-weight: 600; background: #f4f4f5; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .muted { color: var(--tw-muted, #52525b); }
  .badge { display: inline-block; border-radius: 999px; padding: 0 0.5rem; font-size: 0.85em; border: 1px solid currentColor; }
  .badge.published { color: #166534; }
  .badge.draft { color: #52525b; }
  .badge.in_review, .badge.approved { color: #92400e; }
  .row { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
  .card { background: #fff; border: 1px solid #e4e4e7; border-radius: 6px; padding: 1rem; margin-bottom: 1rem; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
