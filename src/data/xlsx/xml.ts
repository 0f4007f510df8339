/**
 * A streaming reader for the XML of a workbook's parts: elements, attributes and text, nothing
 * more. Names lose their namespace prefix (some writers spell `<x:c>`). A DOCTYPE is refused, so
 * no entity is ever declared, let alone expanded; text reaches the handler in pieces as it
 * arrives, so a huge value is never held here — the handler decides how much of it to keep.
 */

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attributes: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  /** Called only while this is true, with entity references already decoded. */
  readonly wantsText: boolean;
  text(piece: string): void;
}

export type XmlFault = 'malformed' | 'doctype' | 'tagTooLong' | 'encoding';

export class XmlScanner {
  fault: XmlFault | undefined;
  private rest = '';
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

  constructor(
    private readonly handler: XmlHandler,
    private readonly maxTagChars: number,
  ) {}

  /** Reads a piece of the part; false once a fault stops it. */
  write(bytes: Uint8Array): boolean {
    if (this.fault) return false;
    let chunk: string;
    try {
      chunk = this.decoder.decode(bytes, { stream: true });
    } catch {
      this.fault = 'encoding';
      return false;
    }
    this.scan(this.rest + chunk);
    return this.fault === undefined;
  }

  /** The end of the part: anything left unclosed is malformed. */
  end(): boolean {
    if (this.fault) return false;
    try {
      this.scan(this.rest + this.decoder.decode());
    } catch {
      this.fault = 'encoding';
      return false;
    }
    if (this.fault === undefined && this.rest.trim() !== '') this.fault = 'malformed';
    return this.fault === undefined;
  }

  private scan(buffer: string): void {
    const handler = this.handler;
    const n = buffer.length;
    let p = 0;
    while (p < n && this.fault === undefined) {
      const lt = buffer.indexOf('<', p);
      if (lt !== p) {
        const end = lt < 0 ? n : lt;
        if (handler.wantsText) {
          // An entity reference cut at the end of the piece waits for the next one.
          const amp = lt < 0 ? buffer.lastIndexOf('&', end) : -1;
          const cut = amp >= p && buffer.indexOf(';', amp) < 0 && end - amp <= 12 ? amp : end;
          handler.text(decodeEntities(buffer.slice(p, cut)));
          p = cut;
        } else {
          p = end;
        }
        if (lt < 0) break;
      }
      const close = this.tagEnd(buffer, p);
      if (close < 0) break;
      this.tag(buffer, p, close);
      p = close + 1;
    }
    this.rest = p < n ? buffer.slice(p) : '';
    if (this.rest.length > this.maxTagChars && this.rest.startsWith('<')) this.fault = 'tagTooLong';
  }

  /** The index of the `>` ending the markup at `start`, or -1 when it is not all here yet. */
  private tagEnd(buffer: string, start: number): number {
    if (buffer.startsWith('<!--', start)) return endOf(buffer.indexOf('-->', start + 4), 2);
    if (buffer.startsWith('<![CDATA[', start)) return endOf(buffer.indexOf(']]>', start + 9), 2);
    if (buffer.startsWith('<?', start)) return endOf(buffer.indexOf('?>', start + 2), 1);
    if (buffer.startsWith('<!', start) && buffer.length - start >= 9) {
      this.fault = 'doctype';
      return -1;
    }
    let quote = 0;
    for (let i = start + 1; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) return i;
      else if (c === 0x3c) {
        this.fault = 'malformed';
        return -1;
      }
    }
    return -1;
  }

  private tag(buffer: string, start: number, close: number): void {
    const handler = this.handler;
    const second = buffer.charCodeAt(start + 1);
    if (second === 0x3f) return; // <?xml …?>
    if (second === 0x21) {
      if (buffer.startsWith('<![CDATA[', start) && handler.wantsText)
        handler.text(buffer.slice(start + 9, close - 2));
      return;
    }
    if (second === 0x2f) {
      handler.close(localName(buffer.slice(start + 2, close).trim()));
      return;
    }
    const selfClosing = buffer.charCodeAt(close - 1) === 0x2f;
    const body = buffer.slice(start + 1, selfClosing ? close - 1 : close);
    const space = body.search(/\s/);
    const name = space < 0 ? body : body.slice(0, space);
    if (name === '') {
      this.fault = 'malformed';
      return;
    }
    handler.open(localName(name), space < 0 ? {} : attributesOf(body.slice(space)), selfClosing);
    if (selfClosing) handler.close(localName(name));
  }
}

function endOf(index: number, extra: number): number {
  return index < 0 ? -1 : index + extra;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes keyed by their name as written (`r:id` keeps its prefix), values decoded. */
function attributesOf(text: string): Attributes {
  const attributes: Attributes = Object.create(null);
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m !== null; m = ATTRIBUTE.exec(text)) {
    attributes[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attributes;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five named entities and character references; anything else is kept as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
