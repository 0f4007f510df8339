/**
 * One generated input: the files it needs and the command line that reads them. An argument
 * `@name` is the case's own file `name`; `@@artifact`, `@@public`, `@@private` and `@@dir` are
 * the driver's prebuilt signed artifact, its key pair and the case's directory; `@@fifo` is a
 * FIFO nobody writes to.
 */
export interface Case {
  index: number;
  /** The input class, for the per-class counts. */
  kind: string;
  args: string[];
  files: Record<string, string | Uint8Array>;
}

export type Draft = Omit<Case, 'index'>;

export const AS_OF = ['--as-of', '2026-11-01'];
