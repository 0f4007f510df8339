import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Knows whether the current async call chain is inside one of this store's transactions. A store
 * call from inside a callback would wait for the transaction it is part of — SQLite's queue or
 * PostgreSQL's writer lock — for ever: it is refused at once instead, as the bug it is.
 */
export class TransactionScope {
  private readonly inside = new AsyncLocalStorage<true>();

  run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inside.getStore())
      return Promise.reject(
        new Error('a store call inside read() or write(): use the transaction the callback was given'),
      );
    return this.inside.run(true, fn);
  }
}
