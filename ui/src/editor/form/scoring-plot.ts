import { msg, str } from '@lit/localize';
import { html, nothing, svg } from 'lit';
import { formatNumber } from '../../format.js';
import type { Band, ScoreFunction } from '../policy-shape.js';

const W = 168;
const H = 56;
const PAD = 4;

/**
 * A small picture of a scoring function as the policy declares it: points (0–100, up) against
 * the fact's value (across). It draws the declaration's own corners — a line's two ends, a band
 * table's steps, a bar per category — and says the same in words for screen readers.
 */
export function scoringPlot(score: ScoreFunction | undefined, factLabel: string) {
  if (!score) return nothing;
  const shape = shapeOf(score);
  if (!shape) return nothing;
  const label = msg(str`Points against ${factLabel}: ${shape.words}`, { id: 'editor.plot.label' });
  return html`<svg class="plot" role="img" aria-label=${label} viewBox="0 0 ${W} ${H}" width=${W} height=${H}>
    <rect x="0" y="0" width=${W} height=${H} fill="#f8fafc" stroke="#d4d4d8"></rect>
    ${shape.body}
  </svg>`;
}

interface Shape {
  body: unknown;
  words: string;
}

const y = (points: number) => H - PAD - (Math.max(0, Math.min(100, points)) / 100) * (H - 2 * PAD);
const n = (value: number) => formatNumber(value, 2);

function shapeOf(score: ScoreFunction): Shape | undefined {
  if (score.linear) return ramp(score.linear.from, 0, score.linear.to, 100);
  if (score.lowerIsBetter) return ramp(score.lowerIsBetter.best, 100, score.lowerIsBetter.worst, 0);
  if (score.bands) return steps(score.bands);
  if (score.categories) return bars(score.categories);
  return undefined;
}

/** A straight line between two corners, flat outside them (linear and lowerIsBetter clamp). */
function ramp(x0: number, p0: number, x1: number, p1: number): Shape {
  const [a, b] = [Math.min(x0, x1), Math.max(x0, x1)];
  const span = b - a || 1;
  const x = (v: number) => PAD + ((v - (a - span * 0.15)) / (span * 1.3)) * (W - 2 * PAD);
  const pa = x0 <= x1 ? p0 : p1;
  const pb = x0 <= x1 ? p1 : p0;
  const path = `M${PAD},${y(pa)} L${x(a)},${y(pa)} L${x(b)},${y(pb)} L${W - PAD},${y(pb)}`;
  return {
    body: svg`<path d=${path} fill="none" stroke="#1d4ed8" stroke-width="2"></path>`,
    words: msg(str`${n(p0)} points at ${n(x0)}, ${n(p1)} points at ${n(x1)}`, { id: 'editor.plot.ramp' }),
  };
}

/** A band table as steps, in the order the table is read (first match wins): one bar per row. */
function steps(bands: readonly Band[]): Shape {
  const width = (W - 2 * PAD) / Math.max(bands.length, 1);
  // Rows are drawn from the lowest values up, whichever way the table is written.
  const lowFirst = [...bands].sort((p, q) => lowerOf(p) - lowerOf(q));
  const body = lowFirst.map(
    (band, i) =>
      svg`<rect x=${PAD + i * width + 1} y=${y(band.points ?? 0)} width=${width - 2}
        height=${H - PAD - y(band.points ?? 0)} fill="#93c5fd" stroke="#1d4ed8"></rect>`,
  );
  const words = bands.map((band) => `${rangeWords(band)}: ${n(band.points ?? 0)}`).join('; ');
  return { body, words };
}

const lowerOf = (band: Band) => band.atLeast ?? band.above ?? Number.NEGATIVE_INFINITY;

function rangeWords(band: Band): string {
  const parts: string[] = [];
  if (band.atLeast !== undefined) parts.push(`≥ ${n(band.atLeast)}`);
  if (band.above !== undefined) parts.push(`> ${n(band.above)}`);
  if (band.below !== undefined) parts.push(`< ${n(band.below)}`);
  if (band.atMost !== undefined) parts.push(`≤ ${n(band.atMost)}`);
  return parts.length > 0 ? parts.join(', ') : msg('the rest', { id: 'editor.plot.rest' });
}

function bars(categories: Record<string, number>): Shape {
  const entries = Object.entries(categories);
  const width = (W - 2 * PAD) / Math.max(entries.length, 1);
  const body = entries.map(
    ([, points], i) =>
      svg`<rect x=${PAD + i * width + 1} y=${y(points)} width=${width - 2} height=${H - PAD - y(points)}
        fill="#93c5fd" stroke="#1d4ed8"></rect>`,
  );
  return { body, words: entries.map(([value, points]) => `${value}: ${n(points)}`).join('; ') };
}
