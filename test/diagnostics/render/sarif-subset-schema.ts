/**
 * The parts of SARIF 2.1.0 that tierwise emits, written from the OASIS specification and its
 * official JSON schema (sarif-schema-2.1.0.json): the same required properties, enums, minimums
 * and formats, and, like the official schema, no properties beyond the ones defined. The official
 * file cannot be fetched here (tests run offline, and vendoring 3,000 lines to check 30 would
 * hide what matters), so this subset stands in for it; a property we start emitting must be added
 * here from the spec, which is the point: the test fails until someone has read the spec for it.
 */
const message = {
  type: 'object',
  properties: { text: { type: 'string' }, id: { type: 'string' } },
  // §3.11: a message has text or an id into the rule's messageStrings; ours always have text.
  required: ['text'],
  additionalProperties: false,
};

const multiformatMessageString = {
  type: 'object',
  properties: { text: { type: 'string' }, markdown: { type: 'string' } },
  required: ['text'],
  additionalProperties: false,
};

const level = { enum: ['none', 'note', 'warning', 'error'] };

const propertyBag = { type: 'object', additionalProperties: true };

const reportingDescriptor = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    shortDescription: multiformatMessageString,
    defaultConfiguration: {
      type: 'object',
      properties: { level, enabled: { type: 'boolean' } },
      additionalProperties: false,
    },
    // §3.49.12: helpUri is an absolute URI.
    helpUri: { type: 'string', format: 'uri' },
  },
  required: ['id'],
  additionalProperties: false,
};

const region = {
  type: 'object',
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
};

const artifactLocation = {
  type: 'object',
  properties: {
    uri: { type: 'string', format: 'uri-reference' },
    uriBaseId: { type: 'string' },
  },
  additionalProperties: false,
};

const location = {
  type: 'object',
  properties: {
    physicalLocation: {
      type: 'object',
      properties: { artifactLocation, region },
      // §3.29: a physical location has an address or an artifact location; ours name a file.
      required: ['artifactLocation'],
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

const result = {
  type: 'object',
  properties: {
    ruleId: { type: 'string' },
    ruleIndex: { type: 'integer', minimum: -1 },
    level,
    message,
    locations: { type: 'array', items: location },
    properties: propertyBag,
  },
  required: ['message'],
  additionalProperties: false,
};

const toolComponent = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    version: { type: 'string' },
    semanticVersion: { type: 'string' },
    informationUri: { type: 'string', format: 'uri' },
    rules: { type: 'array', items: reportingDescriptor, uniqueItems: true },
  },
  required: ['name'],
  additionalProperties: false,
};

const run = {
  type: 'object',
  properties: {
    tool: {
      type: 'object',
      properties: { driver: toolComponent },
      required: ['driver'],
      additionalProperties: false,
    },
    results: { type: 'array', items: result },
    columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
  },
  required: ['tool'],
  additionalProperties: false,
};

export const SARIF_SUBSET_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: { type: 'array', items: run, minItems: 1 },
  },
  required: ['version', 'runs'],
  additionalProperties: false,
};
