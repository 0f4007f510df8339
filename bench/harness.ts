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
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await operation();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
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
    note: options.note,
  };
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export function table(measurements: Measurement[]): string {
  const rows = measurements.map((m) => [
    m.suite,
    m.name,
    m.medianMs < 1 ? m.medianMs.toFixed(3) : m.medianMs.toFixed(1),
    `${Math.round(m.perSecond).toLocaleString('en-US')} ${m.unit}/s`,
    m.peakRssMiB.toFixed(0),
    m.note ?? '',
  ]);
  const header = ['suite', 'case', 'median ms', 'throughput', 'peak RSS MiB', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
