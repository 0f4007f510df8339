import type { DecisionChunkRecord, DecisionRecord } from '../registry/records.js';
import type { ServerDeps, ServerOptions } from './deps.js';

const DEFAULT_BATCH = 500;
const DEFAULT_FLUSH_MS = 200;
const BACKLOG_BATCHES = 8;

/**
 * Decisions on their way to the registry's log. An evaluation answers at once; its decision is
 * written with others a moment later, so the log costs one write per batch and never the
 * caller's latency. A write that fails is reported (options.onError) and not retried: the caller
 * already has its answer.
 */
export class DecisionLog {
  private pending: DecisionRecord[] = [];
  private pendingChunks: DecisionChunkRecord[] = [];
  /** Decisions held, single and in chunks. */
  private held = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Decisions handed to the registry whose write has not ended. */
  private unwritten = 0;
  private readonly batch: number;
  private readonly flushMs: number;

  constructor(
    private readonly deps: Pick<ServerDeps, 'recordDecisions'>,
    private readonly options: Pick<ServerOptions, 'decisionBatch' | 'decisionFlushMs' | 'onError'> = {},
  ) {
    this.batch = options.decisionBatch ?? DEFAULT_BATCH;
    this.flushMs = options.decisionFlushMs ?? DEFAULT_FLUSH_MS;
  }

  add(decision: DecisionRecord): void {
    this.pending.push(decision);
    this.held++;
    this.schedule();
  }

  /** A batch request's chunk of decisions: written as one record (DecisionChunkRecord). */
  addChunk(chunk: DecisionChunkRecord): void {
    this.pendingChunks.push(chunk);
    this.held += chunk.decisions.length;
    this.schedule();
  }

  private schedule(): void {
    if (this.held >= this.batch) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      // A server closing must not wait for the timer: close() flushes.
      this.timer.unref();
    }
  }

  /** Writes what is held; resolves when every write started so far has ended. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const taken = this.pending;
    const chunks = this.pendingChunks;
    const count = this.held;
    this.pending = [];
    this.pendingChunks = [];
    this.held = 0;
    if (count > 0) {
      this.unwritten += count;
      this.writing = this.writing.then(() =>
        this.deps
          .recordDecisions(taken, chunks)
          .catch((error: unknown) => this.options.onError?.(error))
          .finally(() => {
            this.unwritten -= count;
          }),
      );
    }
    return this.writing;
  }

  /**
   * Waits for the writes when more than a few batches are held: a batch evaluation calls it
   * between chunks, so a store slower than the evaluation slows the stream instead of filling
   * memory with decisions.
   */
  async backlog(): Promise<void> {
    if (this.unwritten + this.held > this.batch * BACKLOG_BATCHES) await this.flush();
  }
}
