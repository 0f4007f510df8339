import { cpus } from 'node:os';

export interface Measurement {
  suite: string;
  name: string;
  /** Median time of one operation, in milliseconds. */
  medianMs: number;
  /** Operations per second at the median. */
  perSecond: number;
  unit: string;
  runs: number;
  /** Peak resident set size seen during the measurement, in MiB. */
  peakRssMiB: number;
  /** The most V8 heap in use at the end of a run (live data and garbage not yet collected), in MiB. */
  heapUsedMiB?: number;
  /** How the compiled path compares with this row: its throughput over this row's. */
  compared?: string;
  /** The case could not run here; the note says why. */
  skipped?: boolean;
  /** A figure that is not a rate (a shipped size), shown in the throughput column. */
  figure?: string;
  note?: string;
}

/**
 * Runs `operation` `warmup` times untimed, then `runs` times timed, and reports the median:
 * one noisy run on a 2-core machine must not decide a figure.
 */
export async function measure(
  suite: string,
  name: string,
  unit: string,
  operation: () => unknown | Promise<unknown>,
  options: { runs?: number; warmup?: number; note?: string } = {},
): Promise<Measurement> {
  const runs = options.runs ?? 15;
  for (let i = 0; i < (options.warmup ?? 3); i++) await operation();
  const times: number[] = [];
  let peakRss = process.memoryUsage.rss();
  let heapUsed = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await operation();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    heapUsed = Math.max(heapUsed, memory.heapUsed);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  return {
    suite,
    name,
    medianMs,
    perSecond: 1000 / medianMs,
    unit,
    runs,
    peakRssMiB: peakRss / 2 ** 20,
    heapUsedMiB: heapUsed / 2 ** 20,
    note: options.note,
  };
}

/** A measurement of one batch of `count` items, restated per item. */
export function perItem(m: Measurement, count: number, unit = m.unit): Measurement {
  return {
    ...m,
    unit,
    perSecond: (count * 1000) / m.medianMs,
    note: `${m.note ?? ''} (${count.toLocaleString('en-US')} ${unit})`.trim(),
  };
}

/** A row for a case that could not run, so the table says so rather than leaving it out. */
export function skipped(suite: string, name: string, unit: string, note: string): Measurement {
  const none = Number.NaN;
  return {
    suite,
    name,
    medianMs: none,
    perSecond: none,
    unit,
    runs: 0,
    peakRssMiB: none,
    skipped: true,
    note,
  };
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}/${process.arch}`;
}

const HEADER = [
  'suite',
  'case',
  'median ms',
  'throughput',
  'ns/item',
  'peak RSS MiB',
  'heap MiB',
  'compiled ×',
  'note',
];

export function table(measurements: Measurement[]): string {
  const rows = measurements.map((m) =>
    m.skipped || m.figure !== undefined
      ? [m.suite, m.name, '', m.figure ?? '', '', '', '', '', m.note ?? '']
      : cells(m),
  );
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function cells(m: Measurement): string[] {
  const ns = 1e9 / m.perSecond;
  return [
    m.suite,
    m.name,
    m.medianMs < 1 ? m.medianMs.toFixed(3) : m.medianMs.toFixed(1),
    `${Math.round(m.perSecond).toLocaleString('en-US')} ${m.unit}/s`,
    ns < 10 ? ns.toFixed(1) : Math.round(ns).toLocaleString('en-US'),
    Number.isNaN(m.peakRssMiB) ? '' : m.peakRssMiB.toFixed(0),
    m.heapUsedMiB === undefined ? '' : m.heapUsedMiB.toFixed(0),
    m.compared ?? '',
    m.note ?? '',
  ];
}
