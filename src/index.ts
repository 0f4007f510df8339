/**
 * The library API: what the CLI calls, and what the coming HTTP server and editor will call.
 * Surfaces parse arguments, call one of these, and render the result; none decides a tier itself.
 */

// Data and facts: customer files and transaction logs → each customer's facts.
export { type OnError, openRecords, type RawRecord, type RecordSource } from './data/index.js';
export { CODES, type Code } from './diagnostics/codes.js';
// Diagnostics: the one error type, its codes, and how surfaces render it.
export type { Diagnostic, Position, Range, Severity } from './diagnostics/diagnostic.js';
export { type DiagnosticFormat, renderDiagnostics } from './diagnostics/render/index.js';
export type { Decision } from './engine/decision.js';
export { type Distribution, tierDistribution } from './engine/distribution.js';
// Evaluation: the reference evaluator, a whole run, explanations and reports.
export { type CustomerInput, type CustomerResult, ReferenceEvaluator } from './engine/evaluate.js';
export { explainResult, type Language } from './engine/explain/explain.js';
export { type MoveUp, moveUp } from './engine/explain/next-tier.js';
export { type EvaluationRun, type RunOptions, runEvaluation } from './engine/run.js';
export {
  type CustomerFacts,
  type LoadCustomersOptions,
  type LoadedCustomers,
  loadCustomers,
} from './facts/customers.js';
export { type AsOf, compileAggregates, parseAsOf } from './facts/index.js';
// Policies: load (with variants), check, format, and the published schema.
export { type CheckedPolicy, checkPolicyText } from './policy/check.js';
export { formatPolicyText } from './policy/fmt.js';
export { checkPaths, loadPolicy } from './policy/load.js';
// Column mappings: one export's column names for a policy (--mapping, docs/data.md).
export {
  applyColumnMapping,
  type ColumnMapping,
  type LoadedMapping,
  mappingJsonSchema,
  parseColumnMapping,
  readColumnMapping,
} from './policy/mapping/index.js';
export { policyJsonSchema } from './policy/schema/json-schema.js';
export type { Policy } from './policy/schema/policy.js';
export { maskValue } from './privacy/mask.js';
export { type DistributionFormat, renderDistribution } from './report/distribution.js';
export { RESULT_FORMATS, type ResultFormat, renderResults } from './report/results.js';
