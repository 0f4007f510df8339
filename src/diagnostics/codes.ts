import type { Severity } from './diagnostic.js';

/**
 * Every diagnostic code tierwise emits. Codes are stable: tools and CI configurations match on
 * them, so a code is never reused for another meaning. docs/diagnostics.md is written from this.
 */
export const CODES = {
  // reading a file
  TW0001: { severity: 'error', title: 'file cannot be read' },
  TW0002: { severity: 'error', title: 'file is larger than the size limit' },
  TW0003: { severity: 'error', title: 'file is not UTF-8 text' },
  TW0004: { severity: 'error', title: 'YAML syntax error' },
  TW0005: { severity: 'error', title: 'duplicate key' },
  TW0006: { severity: 'error', title: 'too many alias expansions (possible alias bomb)' },
  TW0007: { severity: 'error', title: 'file must hold exactly one YAML document with a mapping at the top' },
  TW0008: { severity: 'error', title: 'unsupported YAML value' },
  TW0009: { severity: 'error', title: 'file cannot be written' },
  // schema (ajv)
  TW0101: { severity: 'error', title: 'unknown property' },
  TW0102: { severity: 'error', title: 'wrong type' },
  TW0103: { severity: 'error', title: 'missing required property' },
  TW0104: { severity: 'error', title: 'badly formed value (duration, date, version, percentage, id)' },
  TW0105: { severity: 'error', title: 'value not allowed here' },
  TW0106: { severity: 'error', title: 'value out of range' },
  // facts and scoring
  TW0201: { severity: 'error', title: 'unknown fact' },
  TW0202: { severity: 'error', title: 'fact type does not fit how it is used' },
  TW0203: { severity: 'error', title: 'weights do not sum to 100' },
  TW0204: { severity: 'error', title: 'negative weight' },
  TW0205: { severity: 'error', title: 'scoring function is not well defined' },
  TW0206: { severity: 'error', title: 'values no band covers' },
  TW0207: { severity: 'warning', title: 'bands overlap' },
  TW0208: { severity: 'error', title: 'band can never be reached' },
  TW0209: { severity: 'error', title: 'range bounds conflict' },
  TW0210: { severity: 'error', title: 'categories do not match the fact’s values' },
  TW0211: { severity: 'error', title: 'fact declaration is incomplete or contradictory' },
  TW0212: { severity: 'warning', title: 'zero weight' },
  // conditions and tiers
  TW0301: { severity: 'error', title: 'malformed condition' },
  TW0302: { severity: 'error', title: 'unknown named condition' },
  TW0304: { severity: 'error', title: 'value is not one of the fact’s values' },
  TW0310: { severity: 'error', title: 'tier does not fit the tier method' },
  TW0311: { severity: 'error', title: 'scores no tier covers' },
  TW0312: { severity: 'warning', title: 'tier score ranges overlap' },
  TW0313: { severity: 'error', title: 'quota shares do not sum to 100%' },
  TW0314: { severity: 'warning', title: 'customers no tier matches' },
  TW0315: { severity: 'info', title: 'customers two tiers match (the first wins)' },
  TW0316: { severity: 'error', title: 'tier can never be reached' },
  TW0317: { severity: 'error', title: 'matrix is incomplete or inconsistent' },
  TW0318: { severity: 'error', title: 'duplicate id' },
  TW0319: { severity: 'error', title: 'tier method needs a score but the policy has no dimensions' },
  TW0320: { severity: 'error', title: 'policy has no tiers' },
  TW0321: { severity: 'warning', title: 'coverage analysis was cut short' },
  TW0322: { severity: 'error', title: 'a better score gets a worse tier' },
  // service levels and entitlements
  TW0401: { severity: 'warning', title: 'a better tier gets a slower service target' },
  TW0402: { severity: 'warning', title: 'a better tier gets a smaller entitlement' },
  TW0403: { severity: 'warning', title: 'a better tier is contacted less often' },
  // metadata, labels, variants
  TW0501: { severity: 'warning', title: 'label missing in zh-CN or en' },
  TW0502: { severity: 'error', title: 'effective period ends before it starts' },
  TW0503: { severity: 'error', title: 'unknown time zone' },
  TW0504: { severity: 'error', title: 'unknown tier referenced' },
  TW0505: { severity: 'error', title: 'base policy (extends) cannot be used' },
  TW0506: { severity: 'error', title: 'date does not exist' },
  TW0507: { severity: 'error', title: 'variant changes what a variant may not change' },
  TW0508: { severity: 'error', title: 'duration must be longer than zero' },
  // data files (src/data, src/facts)
  TW0601: { severity: 'error', title: 'data file cannot be read' },
  TW0602: { severity: 'error', title: 'column not found' },
  TW0603: { severity: 'error', title: 'value does not fit the column’s type' },
  TW0604: { severity: 'error', title: 'date cannot be read' },
  TW0605: { severity: 'error', title: 'required value is missing' },
  TW0606: { severity: 'error', title: 'malformed row' },
  TW0607: { severity: 'warning', title: 'duplicate customer key' },
  TW0608: { severity: 'error', title: 'data file is not in the expected encoding' },
  TW0609: { severity: 'warning', title: 'transaction for an unknown customer' },
  // evaluation (src/engine)
  TW0701: { severity: 'error', title: 'customer cannot be scored' },
  TW0702: { severity: 'warning', title: 'customer gets no tier' },
  TW0703: { severity: 'error', title: 'condition could not be evaluated' },
  // simulation, diff, calibration, data profile (src/simulate)
  TW0801: { severity: 'error', title: 'calibration target names no tier of the policy' },
  TW0850: { severity: 'error', title: 'data profile option cannot be used' },
  // policy tests (src/testing)
  TW0901: { severity: 'error', title: 'test case failed' },
  TW0902: { severity: 'error', title: 'test file is malformed' },
  TW0903: { severity: 'error', title: 'no policy to test' },
  TW0904: { severity: 'error', title: 'test case input cannot be used' },
  TW0905: { severity: 'error', title: 'decisions differ from the snapshot' },
  TW0906: { severity: 'error', title: 'test coverage is below the threshold' },
  // artifacts: build and verify (src/artifact)
  TW1001: { severity: 'error', title: 'artifact cannot be read' },
  TW1002: { severity: 'error', title: 'artifact cannot be built' },
  TW1003: { severity: 'error', title: 'unsafe entry name in the artifact' },
  TW1004: { severity: 'error', title: 'artifact entry is not a regular file' },
  TW1005: { severity: 'error', title: 'artifact entry is larger than the size limit' },
  TW1006: { severity: 'error', title: 'artifact manifest is missing or malformed' },
  TW1007: { severity: 'error', title: 'file does not match the manifest' },
  TW1008: { severity: 'error', title: 'file is not listed in the manifest' },
  TW1009: { severity: 'error', title: 'file listed in the manifest is missing' },
  TW1010: { severity: 'error', title: 'signature missing' },
  TW1011: { severity: 'error', title: 'signature does not verify' },
  TW1012: { severity: 'error', title: 'key cannot be used' },
  TW1013: { severity: 'warning', title: 'artifact not signature-checked' },
  TW1014: { severity: 'error', title: 'policy not found in the artifact' },
  TW1015: { severity: 'warning', title: 'no reproducible build time' },
  // versions: what a change is, and whether the version says so (src/policy/changes)
  TW1101: { severity: 'error', title: 'version not bumped enough for the changes' },
  TW1102: { severity: 'error', title: 'version is lower than before' },
  TW1103: { severity: 'info', title: 'policy change (and the version level it needs)' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type Code = keyof typeof CODES;
