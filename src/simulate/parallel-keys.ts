import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { duplicateKey } from '../facts/customer-source.js';

/** FNV-1a over the key's UTF-16 code units: computed by the workers, so that the main thread does not hash strings. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/**
 * KeyRegister's rule (the first row with a key is the customer, later ones are reported and
 * ignored) over keys hashed beforehand, in typed arrays: a Map of a million keys costs the main
 * thread more than the workers save it. Keys with equal hashes are compared as strings.
 */
export class KeyIndex {
  private slots: Int32Array = new Int32Array(1 << 16);
  private hashes: Int32Array = new Int32Array(1 << 15);
  private rows: Int32Array = new Int32Array(1 << 15);
  private readonly keys: string[] = [];

  /** `pii`: the key is personal data, shown masked in a duplicate's message. */
  constructor(
    private readonly file: string,
    private readonly pii = false,
  ) {}

  /** Whether `key` is new; otherwise its duplicate diagnostic. */
  claim(key: string, hash: number, row: number): Diagnostic | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) {
        this.insert(slot, key, hash, row);
        return undefined;
      }
      if (this.hashes[entry] === hash && this.keys[entry] === key)
        return duplicateKey(this.file, key, this.rows[entry]!, row, this.pii);
    }
  }

  private insert(slot: number, key: string, hash: number, row: number): void {
    const entry = this.keys.length;
    if (entry === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.rows = grown(this.rows);
    }
    this.keys.push(key);
    this.hashes[entry] = hash;
    this.rows[entry] = row;
    this.slots[slot] = entry + 1;
    // Kept at most half full, so that probes stay short.
    if (2 * this.keys.length > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.keys.length; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

function grown(array: Int32Array): Int32Array {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}
