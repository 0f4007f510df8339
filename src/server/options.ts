import type { ServerLimits, ServerOptions } from './deps.js';

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: ServerLimits = {
  jsonBytes: MIB,
  batchBytes: 1024 * MIB,
  rowBytes: MIB,
  uploadBytes: 64 * MIB,
};

export function limitsOf(options: ServerOptions): ServerLimits {
  return { ...DEFAULT_LIMITS, ...options.limits };
}
