/**
 * Reading data files (src/data): the file as a whole, its rows and its cells. File names, sizes,
 * columns and offsets arrive as they are; a value of a personal-data column never arrives at all.
 * Text from another program (a JSON parser, the file system, the workbook reader) is `detail`.
 */
export const data = {
  // Opening the file
  xlsOrProtected: 'the file is an Excel 97-2003 workbook (.xls) or a password-protected one',
  xlsOrProtectedHelp: 'open it in Excel or WPS and save it as .xlsx (without a password) or as CSV UTF-8',
  notZip: 'the file is not an .xlsx workbook (it is not a zip archive)',
  notZipHelp: 'if it is CSV text, give it the .csv extension or the format csv',
  zipNotText: (p: { format: string }) =>
    `the file is a zip archive (an .xlsx workbook?), not ${p.format} text`,
  zipNotTextHelp: 'give a workbook the .xlsx extension or the format xlsx',
  xlsNotRead: 'Excel 97-2003 workbooks (.xls) are not read',
  xlsNotReadHelp: 'open it in Excel or WPS and save it as .xlsx or as CSV UTF-8',
  unknownFormat: (p: { name: string }) => `the format of '${p.name}' files is not known`,
  unknownFormatHelp: (p: { known: string; formats: string[] }) =>
    `name the file with one of ${p.known}, or give the format (${p.formats.join(', ')})`,
  duckOnly: (p: { name: string }) => `'${p.name}' files are read by the DuckDB engine only`,
  duckOnlyHelp: (p: { known: string }) =>
    `run with --engine duckdb (or auto) where the command has it (eval, simulate, diff, calibrate, data profile); elsewhere give one of ${p.known}`,
  notRegularFile: 'the path is not a regular file',
  cannotRead: (p: { detail: string }) => `the file cannot be read: ${p.detail}`,
  rowBeforeHeader: 'the file has a row before its header',
  duckdbMemory: (p: { given: string }) =>
    `$TIERWISE_DUCKDB_MEMORY is '${p.given}', which is not a size: the DuckDB engine's memory limit is a number with a unit`,
  duckdbMemoryHelp:
    'set it to e.g. 4GB or 512MB, or unset it for DuckDB’s default (80% of this machine’s memory)',
  duckdbOutOfMemory: (p: { limit: string }) =>
    `DuckDB stopped at its memory limit (${p.limit || 'its default, 80% of this machine'}) before the customers were evaluated`,
  duckdbOutOfMemoryHelp:
    'raise $TIERWISE_DUCKDB_MEMORY (e.g. 8GB), use fewer --workers (DuckDB threads), or run on a machine with more memory',
  duckdbUnreadable: (p: { format: string }) => `the file cannot be read as ${p.format}`,
  duckdbUnreadableHelp: (p: { format: string }) =>
    `check that it is a ${p.format} file and that it is complete (not still being written)`,
  duckdbTableNeeded: 'a DuckDB database holds tables: which one has the rows is not given',
  duckdbTableNeededHelp: 'name the table (the loader option sourceTable)',
  duckdbNoTable: (p: { table: string; tables: string[] }) =>
    p.tables.length === 0
      ? `the database has no table '${p.table}' (it has no tables)`
      : `the database has no table '${p.table}'; it has ${p.tables.map((t) => `'${t}'`).join(', ')}`,
  emptyFile: 'the file is empty',
  emptySheet: 'the sheet is empty',
  emptyHelp: 'the first non-empty row must hold the column names, e.g. 客户编号,近12个月消费金额',
  readFromRow: (p: { row: number; detail: string }) =>
    `the file could not be read from row ${p.row} on: ${p.detail}`,

  // Encodings
  utf16: 'the file is UTF-16 text (Excel’s "Unicode text" export), which is not read',
  utf16Help: 'save it from Excel as "CSV UTF-8 (comma delimited)" instead',
  nulByte: (p: { offset: number; encoding: string }) =>
    `the byte at offset ${p.offset} is NUL: the file is binary or UTF-16, not text in ${p.encoding}`,
  utf8OrGbk: 'UTF-8 or GBK',
  nulByteHelp: 'save the data as CSV UTF-8, or give an .xlsx workbook the .xlsx extension',
  bomMismatch: (p: { encoding: string }) =>
    `the file starts with a UTF-8 byte-order mark, but the encoding ${p.encoding} was given`,
  bomMismatchHelp: 'leave the encoding out (auto) or give utf-8',
  neitherEncoding: (p: { offset: number }) =>
    `the file is neither UTF-8 (the byte at offset ${p.offset} is not valid UTF-8) nor GBK/GB18030`,
  saveAsUtf8: 'save the data as CSV UTF-8 from Excel or WPS',
  badByte: (p: { offset: number; encoding: string }) =>
    `the byte at offset ${p.offset} is not valid ${p.encoding}`,
  readsAs: (p: { encoding: string; option: string }) =>
    `this row reads as ${p.encoding}: give the encoding ${p.option} (automatic detection looks at the first 64 KiB only)`,

  // Rows
  unclosedQuote:
    'a quoted value that starts in this row is never closed, so the rest of the file was read into it',
  unclosedQuoteHelp: 'close the quote; a double quote inside a quoted value is written twice: "say ""hi"""',
  textAfterQuote: 'a quoted value is followed by other text before the next separator, as in "abc"def',
  textAfterQuoteHelp: 'a double quote inside a quoted value is written twice: "say ""hi"""',
  rowTooLong: (p: { limit: string }) => `the row is longer than ${p.limit}`,
  rowTooLongHelp: 'raise maxRowBytes if rows this long are intended',
  valueTooLong: (p: { limit: string }) => `a value is longer than ${p.limit}`,
  valueTooLongHelp: 'raise maxFieldBytes if values this long are intended',
  rowWidth: (p: { values: number; columns: number }) =>
    `the row has ${p.values} values but the header has ${p.columns} columns`,
  rowWidthHelp:
    'a value that contains the separator must be quoted ("1,234"); look for a stray or missing separator',
  rowLines: (p: { problem: string; from: number; to?: number }) =>
    p.to === undefined
      ? `${p.problem} (line ${p.from} of the file)`
      : `${p.problem} (lines ${p.from}–${p.to} of the file)`,
  runsOn: (p: { line: number; limit: string }) =>
    `the row starting on line ${p.line} runs on for more than ${p.limit}: a quote in it is probably never closed`,
  lineTooLong: (p: { line: number; limit: string }) => `line ${p.line} is longer than ${p.limit}`,
  runsOnHelp:
    'close the quote (a quote inside a quoted value is written twice), or raise maxRowBytes if rows this long are intended',

  // JSON and NDJSON
  jsonTooLarge: (p: { bytes: number; limit: string }) =>
    `the file is ${p.bytes} bytes; a JSON array is limited to ${p.limit}`,
  jsonTooLargeHelp:
    "write one object per line (NDJSON, e.g. jq -c '.[]' big.json > big.ndjson), which is streamed without a limit",
  notAnArray: 'a .json file must hold an array of objects, one per record',
  notAnArrayHelp: 'write [{"客户编号": "C2024001", …}, …], or one object per line as NDJSON',
  notAnObject: (p: { kind: 'line' | 'element'; got: 'null' | 'array' | 'string' | 'number' | 'boolean' }) =>
    `the ${p.kind} is not a JSON object but ${p.got === 'null' ? 'null' : `a${p.got === 'array' ? 'n' : ''} ${p.got}`}`,
  oneObjectHelp:
    'each record is one JSON object such as {"客户编号": "C2024001", "近12个月消费金额": 800000}',

  // Workbooks
  workbookUnreadable: (p: { row?: number; detail: string }) =>
    `the workbook cannot be read${p.row ? ` past row ${p.row}` : ''}: ${p.detail}`,
  workbookUnreadableHelp: 'open it in Excel or WPS and save it again as .xlsx',
  noSuchSheet: (p: { sheet: string }) => `the workbook has no sheet named '${p.sheet}'`,
  noSheets: 'the workbook has no sheets',

  // Columns
  columnFoundAs: (p: { column: string; id: string; header: string }) =>
    `column '${p.column}' (${p.id}) was found as '${p.header}'`,
  columnFoundAsHelp:
    'the names differ only in spaces, full-width characters or case; write the column as the file does to silence this',
  columnAmbiguous: (p: { n: number; column: string; positions: string[]; id: string }) =>
    `the header has ${p.n} columns named like '${p.column}' (${p.positions.join(', ')}), so ${p.id} cannot be read unambiguously`,
  columnAmbiguousHelp: 'rename all but one of them in the file',
  columnMissing: (p: { column: string; id: string }) => `column '${p.column}' for ${p.id} is not in the file`,
  noColumnNames: 'the file has no column names: its first non-empty row must hold them',
  columnDidYouMean: (p: { header: string }) =>
    `did you mean '${p.header}'? (map the fact to it with column:, or --mapping)`,

  // Cells
  badValue: (p: { id: string; problem: string }) => `${p.id}: ${p.problem}`,
  expectedGot: (p: { expected: string; got: string; reason?: string }) =>
    `expected ${p.expected}, got ${p.got}${p.reason ? `: ${p.reason}` : ''}`,
  gotMasked: 'a value not shown here (personal data)',
  gotText: (p: { text: string }) => `'${p.text}'`,
  gotPlain: (p: { value: string }) => p.value,
  gotInvalidDate: 'an invalid date',
  gotDate: (p: { iso: string }) => `the date ${p.iso}`,
  required: (p: { id: string }) => `${p.id} is required but the cell is empty`,
  requiredHelp: 'fill in the value, or declare what an empty cell means (a default, or drop required)',
  enumDidYouMean: (p: { guess: string }) => `did you mean '${p.guess}'?`,
  dateHelp:
    'dates that are not year first need a format (the fact’s format, or sources.*.dateFormat), e.g. dd/MM/yyyy',
  dateFormatHelp: (p: { format: string }) =>
    `if the file writes dates another way, change the format ${p.format} (the fact’s format, or sources.*.dateFormat)`,
  numberHelp: 'leave the cell empty when the value is unknown; text such as N/A or - is not a number',

  // What a cell should hold
  aDate: 'a date',
  aText: 'text',
  aNumber: 'a number',
  aWholeNumber: 'a whole number',
  oneOf: (p: { values: string[] }) => `one of ${p.values.join(', ')}`,
  yesNo: 'yes or no: 是/否, true/false, yes/no, y/n or 1/0',
  dateDefault: 'a date such as 2024-03-01, 2024/3/1 or 2024-03-01T14:30:00+08:00 (ISO 8601 or year first)',
  dateInFormat: (p: { format: string; example: string }) =>
    `a date in the format ${p.format} such as ${p.example}`,
  dateOrSerial: (p: { expected: string }) =>
    `${p.expected}, or an Excel date serial number from 1 (1900-01-01) to 2958465 (9999-12-31)`,
  knownZone: (p: { zone: string }) => `a known IANA time zone, not '${p.zone}'`,
  numberWhole: 'a whole number such as 12 or 1,200',
  numberPercent: 'a percentage such as 85 or 85%',
  numberRatio: 'a ratio such as 0.85 or 85%',
  numberCNY: 'an amount in CNY such as 1234.5, 1,234.5, ¥1,234.5 or 80万',
  numberCurrency: (p: { unit: string }) => `an amount in ${p.unit} such as 1234.5 or 1,234.5`,
  numberPlain: 'a number such as 1234.5 or 1,234.5',

  // Why a cell could not be read
  dateNotExist: 'the date does not exist',
  timestampNotDate: 'timestamps in seconds or milliseconds are not read as dates',
  tooLargeExact: 'the number is too large to be exact',
  lostDigits: 'a number this large has lost digits; write it as text in quotes',
  multiplierCNY: (p: { sign: string }) => `'${p.sign}' is read only for amounts in CNY`,
  misgrouped: 'thousands separators must group three digits: 1,234,567.5',
  percentOnly: 'a percentage is read only for facts whose unit is percent or ratio',
  tooLarge: 'the number is too large',
  tooLargeRead: 'the number is too large to be read exactly',
  signNoCurrency: (p: { sign: string }) =>
    `'${p.sign}' marks an amount of money, but this fact has no currency unit`,
  signNotWhere: (p: { sign: string; where: 'before' | 'after' }) =>
    `'${p.sign}' is not written ${p.where} an amount`,
  signNotOfUnit: (p: { sign: string; unit: string }) =>
    `'${p.sign}' is not a sign of ${p.unit}, the fact's currency`,
  // Workbook limits and damage (src/data/xlsx/): issue 12
  xlsxZipDamaged: (p: { detail: 'directory' | 'entry' | 'zip64' | 'duplicate'; name?: string }) =>
    p.detail === 'directory'
      ? 'the workbook is damaged: its zip directory cannot be read'
      : p.detail === 'zip64'
        ? 'the workbook is damaged: its ZIP64 directory cannot be read'
        : p.detail === 'duplicate'
          ? `the workbook is damaged: it holds the part ${p.name} twice`
          : `the workbook is damaged: its part ${p.name} cannot be read`,
  xlsxTooManyEntries: (p: { limit: string }) =>
    `the workbook has more than ${p.limit} parts, sheets, styles or relationships`,
  xlsxExpands: (p: { part: string; size: string; compressed: string; ratio: number }) =>
    `the workbook part ${p.part} would inflate to ${p.size} from ${p.compressed}, more than ${p.ratio} times its size (a zip bomb, or a workbook too large to read)`,
  xlsxExpandsHelp:
    'real workbooks compress 5 to 20 times; open it in Excel or WPS and save it again as .xlsx, or save the sheet as CSV UTF-8',
  xlsxSizeLies: (p: { part: string; size: string }) =>
    `the workbook part ${p.part} inflates to more than the ${p.size} its zip directory declares`,
  xlsxMissingPart: (p: { part: string }) => `the workbook has no part ${p.part}`,
  xlsxBadXml: (p: { part: string; fault: 'malformed' | 'doctype' | 'tagTooLong' | 'encoding' }) =>
    `the workbook part ${p.part} ${
      p.fault === 'doctype'
        ? 'declares a DOCTYPE, which no workbook does'
        : p.fault === 'tagTooLong'
          ? 'has an element longer than 64 KiB'
          : p.fault === 'encoding'
            ? 'is not valid UTF-8'
            : 'is not well-formed XML'
    }`,
  xlsxTooManyStrings: (p: { count: string; chars: string }) =>
    `the workbook has more than ${p.count} shared strings, or more than ${p.chars} characters of them`,
  xlsxTooManyStringsHelp:
    'split the workbook, or save the sheet as CSV UTF-8, which is streamed without this limit',
  xlsxNoSuchString: (p: { index: string; count: number }) =>
    `a cell refers to shared string ${p.index}, but the workbook has ${p.count}`,
  xlsxBadReference: (p: { reference: string; row: number }) =>
    `the cell reference '${p.reference}' is not a cell of row ${p.row}`,
  xlsxBeyondSheet: (p: { what: 'row' | 'cell'; reference: string; rows: string; columns: string }) =>
    `the ${p.what === 'row' ? 'row number' : 'cell'} '${p.reference}' is outside Excel's sheet of ${p.rows} rows and ${p.columns} columns`,
  duplicateKeysOmitted: (p: { count: number }) =>
    `and ${p.count.toLocaleString('en-US')} more row${p.count === 1 ? '' : 's'} with a customer key an earlier row has; these rows are ignored`,

  // Hostile input (issue 12): JSON errors by position, never by quoting the text (it may be
  // personal data); nesting; values outside a fact's declared min and max.
  jsonLineSyntax: (p: { column: number; expected: string }) =>
    `the line is not valid JSON: at column ${p.column}, expected ${p.expected}`,
  jsonFileSyntax: (p: { line: number; column: number; expected: string }) =>
    `the file is not valid JSON: at line ${p.line}, column ${p.column}, expected ${p.expected}`,
  jsonExpected: (p: {
    what:
      | 'value'
      | 'name'
      | 'colon'
      | 'commaOrBrace'
      | 'commaOrBracket'
      | 'end'
      | 'stringEnd'
      | 'escape'
      | 'digit'
      | 'control';
  }) =>
    ({
      value: 'a value (text in double quotes, a number, true, false, null, an object or an array)',
      name: 'a column name in double quotes',
      colon: "':' after the name",
      commaOrBrace: "',' or '}'",
      commaOrBracket: "',' or ']'",
      end: 'nothing after the value',
      stringEnd: 'the double quote that closes the text',
      escape: 'an escape such as \\n, \\" or \\u00e9 after the backslash',
      digit: 'a digit',
      control: 'no line break or control character inside text in quotes (write \\n)',
    })[p.what],
  jsonSyntaxHelp:
    'the position counts characters from 1; the text there is not shown, as it may be personal data',
  jsonTooDeep: (p: { kind: 'line' | 'element'; limit: number }) =>
    `the ${p.kind} nests objects or arrays more than ${p.limit} levels deep`,
  jsonTooDeepHelp: 'each record is one flat object, one value per column; nested values are kept as text',
  belowMin: (p: { value: string; min: number }) =>
    `${p.value} is below ${p.min}, the smallest value the fact declares (min)`,
  aboveMax: (p: { value: string; max: number }) =>
    `${p.value} is above ${p.max}, the largest value the fact declares (max)`,
  valueMasked: 'the value (personal data, not shown)',
  outOfRangeHelp:
    'correct the value in the file; if such values are real, widen the fact’s min or max in the policy',
  tooSmall: 'the number is too small to be told from 0',
  yearRange: 'years are read from 0001 to 9999',
  offsetRange: 'an offset is at most ±18:00, its minutes 00 to 59',
};
