import { type MessageId, msg, render, type Text } from '../i18n/text.js';

/**
 * The schema's `x-expected` texts (src/policy/schema) as catalogue texts. The schema keeps its
 * English, since editors read it from schemas/policy.schema.json; findings look it up here so a
 * reader of another language gets the same sentence in theirs. A test holds every `x-expected`
 * of the schema to an entry of this table.
 */
const FIXED: MessageId[] = [
  'schema.expectIdentifier',
  'schema.expectDuration',
  'schema.expectDateTime',
  'schema.expectPercent',
  'schema.expectVersion',
  'schema.expectIds',
  'schema.expectFactIds',
  'schema.expectMetricIds',
  'schema.expectOrder',
  'schema.expectSplit',
  'schema.expectRoundTo',
  'schema.expectScoreForm',
  'schema.expectMissing',
  'schema.expectAvailability',
  'schema.expectClock',
  'schema.expectMatch',
  'schema.expectBound',
];

let byEnglish: Map<string, Text> | undefined;

const UNIT = /^a currency code \(CNY, USD, …\) or one of (.+)$/;
const ONE_OF = /^one of (.+)$/;

export function expectedText(english: string): Text {
  byEnglish ??= new Map(FIXED.map((id) => [render('en', { id }), { id }]));
  const fixed = byEnglish.get(english);
  if (fixed) return fixed;
  const unit = UNIT.exec(english);
  if (unit) return msg('schema.expectUnit', { units: unit[1]!.split(', ') });
  const oneOf = ONE_OF.exec(english);
  if (oneOf) return msg('schema.expectOneOf', { values: oneOf[1]!.split(', ') });
  return msg('schema.expectOther', { text: english });
}
