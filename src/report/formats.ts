/**
 * The formats each report renders, apart from the renderers: the CLI lists them in its options
 * without loading a renderer (and echarts, papaparse behind it) for `--help` or another command.
 */

export const RESULT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** `eval` writes its results as these too: Parquet, a file only (--out), made from the CSV. */
export const EVAL_FORMATS = [...RESULT_FORMATS, 'parquet'] as const;
export type EvalFormat = (typeof EVAL_FORMATS)[number];

export const SIMULATION_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type SimulationFormat = (typeof SIMULATION_FORMATS)[number];

export const PROFILE_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type ProfileFormat = (typeof PROFILE_FORMATS)[number];

export const FACTS_FORMATS = ['csv', 'ndjson', 'json'] as const;
export type FactsFormat = (typeof FACTS_FORMATS)[number];
