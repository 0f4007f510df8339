/** The library API: what the CLI, the server and the editor call. */

export { CODES, type Code } from './diagnostics/codes.js';
export type { Diagnostic, Position, Range, Severity } from './diagnostics/diagnostic.js';
export { type DiagnosticFormat, renderDiagnostics } from './diagnostics/render/index.js';
export { type CheckedPolicy, checkPolicyText } from './policy/check.js';
export { checkPaths, loadPolicy } from './policy/load.js';
export { policyJsonSchema } from './policy/schema/json-schema.js';
export type { Policy } from './policy/schema/policy.js';
