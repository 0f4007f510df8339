import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { SNIFF_BYTES, sniffEncoding } from '../data/decode.js';
import { openCustomers } from '../facts/customer-source.js';
import { customerColumns, planAggregates } from '../facts/customers.js';
import { factPlan, isIdentity } from '../facts/derive.js';
import type { Policy } from '../policy/schema/policy.js';
import { chooseEngine } from './engine-choice.js';
import { parallelColumnChunks } from './parallel-read.js';
import {
  type ChunkSource,
  evaluatePopulation,
  evaluatePopulations,
  type PolicyChunk,
  type PopulationOptions,
  type PopulationRun,
} from './population.js';

export interface ParallelPopulationOptions extends PopulationOptions {
  /**
   * Bytes of the file a worker reads at a time (8 MiB by default). Given, the file is read in
   * parallel whatever its size: tests cut small files into many ranges with it.
   */
  rangeBytes?: number;
}

/**
 * Smaller files are read on one thread: workers start, load the reader and compile the policy,
 * and the main thread still merges every customer. Measured on 2 cores, scorecard policy: 17 MB
 * (150k customers) 0.8 s on one thread, 1.1 s in parallel; 45 MB (400k) 2.3 s both ways;
 * 113 MB (1M) 5.6 s against 4.2 s.
 */
export const MIN_PARALLEL_BYTES = 64 * 1024 * 1024;
const RANGE_BYTES = 8 * 1024 * 1024;
const DELIMITERS: Record<string, ',' | '\t'> = { '.csv': ',', '.tsv': '\t', '.tab': '\t' };

/**
 * evaluatePopulation with the customer file read, converted and evaluated by worker threads, one
 * byte range each, merged in file order on this thread: the same result, diagnostics, summary and
 * onChunk calls (the same chunks, in the same order), as test/simulate/parallel.test.ts checks.
 *
 * Runs evaluatePopulation itself when parallel reading does not pay or cannot be exact: files
 * other than CSV/TSV (xlsx and JSON cannot be cut into ranges without parsing them), files below
 * MIN_PARALLEL_BYTES, fewer than 2 workers, and runs that fail before reading (no key fact, a bad
 * --as-of, a file that cannot be opened), whose result is the same diagnostics either way.
 */
export async function evaluatePopulationParallel(
  policy: Policy,
  options: ParallelPopulationOptions,
  onChunk?: PolicyChunk,
): Promise<PopulationRun> {
  const single = () => evaluatePopulation(policy, options, onChunk);
  if (chooseEngine(options.engine, options) === 'duckdb') return single();
  const workers = options.workers ?? availableParallelism();
  // Customers read from the log alone (no customer file) have no file to cut into ranges.
  if (options.customers === undefined) return single();
  const delimiter = DELIMITERS[extname(options.customers).toLowerCase()];
  if (workers < 2 || delimiter === undefined) return single();
  const fileBytes = await stat(options.customers).then(
    (s) => s.size,
    () => 0,
  );
  if (fileBytes === 0 || (options.rangeBytes === undefined && fileBytes < MIN_PARALLEL_BYTES))
    return single();

  const withLog = options.transactions !== undefined;
  const joinLog = withLog && Object.values(policy.facts ?? {}).some((f) => f.aggregate !== undefined);
  const { keyFact, columns: specs } = customerColumns(policy, withLog);
  if (!keyFact) return single();
  const planned = joinLog ? planAggregates(policy, options) : undefined;
  if (Array.isArray(planned)) return single();
  const opened = await openCustomers(options, specs, keyFact);
  if (!('source' in opened)) return single();
  const { source } = opened;
  const headers = await source.headers();
  await source.close();
  const bomLength = await bomOf(options);
  // Ranges are cut after LF bytes: a file whose lines end in CR alone is read on one thread.
  if (source.encoding === undefined || bomLength === undefined || source.lineEnding === 'cr') return single();

  const quota = policy.tiers?.method === 'quota';
  const chunks = parallelColumnChunks({
    setup: {
      policy,
      file: source.file,
      delimiter,
      encoding: source.encoding,
      bomLength,
      columns: opened.columns,
      keyFact,
      onError: options.onError ?? 'report',
      // Derived facts measure from the run's as-of, which the main thread holds: workers only read.
      evaluate: planned || !isIdentity(factPlan(policy)) ? 'none' : quota ? 'scores' : 'tiers',
    },
    headers,
    diagnostics: opened.diagnostics,
    fileBytes,
    workers,
    rangeBytes: options.rangeBytes ?? RANGE_BYTES,
    size: options.chunkSize ?? 8192,
  });

  // From here on, exactly what evaluatePopulation does with the chunks it reads itself.
  const [run] = await evaluatePopulations(
    [policy],
    options,
    onChunk && ((views, results) => onChunk(views[0]!, results[0]!)),
    () => withResults(chunks),
  );
  return run!;
}

async function* withResults(chunks: ReturnType<typeof parallelColumnChunks>): ChunkSource {
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value;
    const { chunk, result } = next.value;
    yield { chunk, results: result ? [result] : undefined };
  }
}

/** The byte-order mark's length, as openRecords found it. */
async function bomOf(options: ParallelPopulationOptions): Promise<number | undefined> {
  const handle = await open(options.customers!, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const sniffed = sniffEncoding(head.subarray(0, bytesRead), options.encoding ?? 'auto');
    return sniffed.ok ? sniffed.bomLength : undefined;
  } finally {
    await handle.close();
  }
}
