import { Composer, type Document, Lexer, type LineCounter, Parser, YAMLParseError } from 'yaml';

/**
 * How deep a policy may nest, counting every mapping and list on the way down, aliases expanded.
 * A real policy is about a dozen levels deep (tiers → levels → when → all → any → …); past a few
 * hundred, yaml's composer and every recursive step after it run out of stack.
 */
export const MAX_DEPTH = 100;

/**
 * yaml's parser stack holds the document and the collection being built besides one entry a
 * level; this many extra entries are allowed so that the parser stops only beyond MAX_DEPTH.
 */
const PARSER_STACK_SLACK = 3;

export type Composed = { document: Document } | { tooDeepAt: number };

/**
 * parseDocument, with the nesting bounded before yaml's recursive composer sees it. Lexer and
 * parser work with explicit stacks, so the depth can be watched token by token and a deep file
 * stopped at the level where it goes too far, in time proportional to what was read.
 *
 * Keys are not checked for uniqueness here: yaml compares each key with every earlier one of its
 * mapping, which takes minutes for a mapping of 100,000 keys. DataBuilder checks them with a set.
 */
export function composeYaml(text: string, lines: LineCounter): Composed {
  const parser = new Parser(lines.addNewLine);
  const tokens = [];
  // Parser.parse does this itself; next() does not.
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > MAX_DEPTH + PARSER_STACK_SLACK) return { tooDeepAt: parser.offset };
  }
  for (const token of parser.end()) tokens.push(token);
  const composer = new Composer({ uniqueKeys: false });
  let document: Document | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!document) document = next;
    else {
      document.errors.push(
        new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'more than one document'),
      );
      break;
    }
  }
  // compose(…, forceDoc) always yields a document, an empty one for empty text.
  return { document: document! };
}
