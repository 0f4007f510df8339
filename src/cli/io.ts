/** The streams a command writes to; tests pass their own to capture output. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Colour and progress bars only on a terminal. */
  isTTY: boolean;
  /** Progress bars go to stderr, and only when it is a terminal: never into a pipe or a log. */
  progress?: NodeJS.WritableStream;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  progress: process.stderr.isTTY ? process.stderr : undefined,
};

/** Exit codes shared by every command, as `opa check` and compilers use them. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
