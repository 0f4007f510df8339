/**
 * Answers a registry may give again for a moment without asking its store: what is in force, who
 * a token is. A write through the same registry clears them at once (its generation moves); a
 * write through another instance sharing the database is seen within `ttlMs`.
 */
export class Memo<T> {
  readonly #entries = new Map<string, { value: T; expires: number; generation: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly limit = 4096,
  ) {}

  get(key: string, generation: number, now: number): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.generation === generation && entry.expires > now) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, generation: number, now: number): void {
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { value, expires: now + this.ttlMs, generation });
  }
}
