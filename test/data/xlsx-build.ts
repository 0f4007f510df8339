import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Small workbooks written byte by byte, so that a test can make one exactly as hostile as it
 * needs: parts missing or out of order, sizes that lie, a DOCTYPE, cells no writer would write.
 */

export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** Stored (0) or deflated (8, the default); any other number is written as given. */
  method?: number;
  /** What the directory claims, instead of the truth. */
  declaredSize?: number;
  flags?: number;
}

export function zip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const method = part.method ?? 8;
    const data = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(part.name, 'utf8');
    const size = part.declaredSize ?? raw.length;
    const flags = (part.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface BookOptions {
  /** Each sheet's <sheetData> content. */
  sheets?: { name: string; data: string }[];
  sharedStrings?: readonly string[] | string;
  /** <numFmts>…</numFmts><cellXfs>…</cellXfs>, or a whole part. */
  styles?: string;
  date1904?: boolean;
  /** Parts to leave out, or to replace, by name. */
  without?: readonly string[];
  replace?: Record<string, Partial<ZipPart>>;
  /** The parts in this order first (the rest after, as written). */
  order?: readonly string[];
}

export function book(options: BookOptions = {}): Buffer {
  const sheets = options.sheets ?? [{ name: 'Sheet1', data: '' }];
  const parts: ZipPart[] = [
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${s.data}</sheetData></worksheet>`,
    })),
  ];
  if (options.sharedStrings !== undefined) {
    const items =
      typeof options.sharedStrings === 'string'
        ? options.sharedStrings
        : options.sharedStrings.map((t) => `<si><t>${t}</t></si>`).join('');
    parts.push({
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0"?><sst xmlns="${NS}">${items}</sst>`,
    });
  }
  if (options.styles !== undefined) {
    const data = options.styles.startsWith('<?xml')
      ? options.styles
      : `<?xml version="1.0"?><styleSheet xmlns="${NS}">${options.styles}</styleSheet>`;
    parts.push({ name: 'xl/styles.xml', data });
  }
  let result = parts
    .filter((p) => !options.without?.includes(p.name))
    .map((p) => ({ ...p, ...options.replace?.[p.name] }));
  if (options.order) {
    const first = options.order.map((n) => result.find((p) => p.name === n)!);
    result = [...first, ...result.filter((p) => !options.order!.includes(p.name))];
  }
  return zip(result);
}

/** A row of cells written as given: `cells` are whole <c> elements. */
export function row(r: number, ...cells: string[]): string {
  return `<row r="${r}">${cells.join('')}</row>`;
}

/** An inline text cell. */
export function text(ref: string, value: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
}

/** A cell of type n (the default) holding `value` as written. */
export function num(ref: string, value: string, style?: number): string {
  return `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${value}</v></c>`;
}
