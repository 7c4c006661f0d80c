// Encoding detection and streaming decode. Rule: a BOM wins (UTF-8, UTF-16LE/BE); else a file that is valid UTF-8
// is UTF-8; else GB18030 (a superset of GBK/GB2312, what Chinese Excel writes). A UTF-8 file with a few invalid
// byte runs (rows pasted from a GBK file) stays UTF-8 and those rows are rejected as undecodable.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { UsageError } from '../errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

export type Bom = 'utf-8' | 'utf-16le' | 'utf-16be' | null;

export function detectBom(head: Buffer): Bom {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** Accumulates, chunk by chunk, how much of a byte stream is valid UTF-8. */
export class Utf8Census {
  multibyte = 0;
  invalid = 0;
  private carry: Buffer = Buffer.alloc(0);

  add(chunk: Buffer): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeUtf8Length(buf);
    const body = buf.subarray(0, cut);
    this.carry = Buffer.from(buf.subarray(cut));
    if (isUtf8(body)) {
      // Valid: count only whether there was any non-ASCII text (cheap lower bound is enough for the decision).
      if (this.multibyte === 0 && body.some((b) => b >= 0x80)) this.multibyte++;
      return;
    }
    const counts = countUtf8(body);
    this.multibyte += counts.multibyte;
    this.invalid += counts.invalid;
  }

  finish(): void {
    if (this.carry.length > 0) this.invalid++;
    this.carry = Buffer.alloc(0);
  }
}

/** Decides the encoding from the BOM and the UTF-8 census of the whole file. */
export function chooseEncoding(bom: Bom, census: Utf8Census): Encoding {
  if (bom) return bom;
  if (census.invalid === 0) return 'utf-8';
  // GBK text almost never forms valid multi-byte UTF-8; a mostly-UTF-8 file with a few bad runs stays UTF-8.
  return census.multibyte > census.invalid * 4 ? 'utf-8' : 'gb18030';
}

export function parseEncodingName(name: string): Encoding {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, Encoding> = {
    'utf-8': 'utf-8', utf8: 'utf-8', 'utf-8-sig': 'utf-8',
    'utf-16le': 'utf-16le', utf16le: 'utf-16le', 'utf-16': 'utf-16le',
    'utf-16be': 'utf-16be', utf16be: 'utf-16be',
    gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030', ansi: 'gb18030',
  };
  const hit = aliases[n];
  if (!hit) throw new UsageError(`unknown encoding ${JSON.stringify(name)} (use utf-8, utf-16le, utf-16be, gb18030 or gbk)`);
  return hit;
}

/** A streaming decoder; `invalid` counts byte runs that could not be decoded (they become U+FFFD). */
export interface Decoder {
  write(chunk: Buffer): string;
  end(): string;
  readonly invalid: number;
}

export function createDecoder(encoding: Encoding): Decoder {
  return encoding === 'utf-8' ? new Utf8Decoder() : new OtherDecoder(encoding);
}

class Utf8Decoder implements Decoder {
  invalid = 0;
  private carry: Buffer = Buffer.alloc(0);
  private first = true;

  write(chunk: Buffer): string {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeUtf8Length(buf);
    this.carry = Buffer.from(buf.subarray(cut));
    return this.decode(buf.subarray(0, cut));
  }

  end(): string {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest.length > 0 ? this.decode(rest) : '';
  }

  private decode(body: Buffer): string {
    let text: string;
    if (isUtf8(body)) text = body.toString('utf8');
    else {
      const decoded = decodeWithGbkRuns(body);
      this.invalid += decoded.runs;
      text = decoded.text;
    }
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }
}

class OtherDecoder implements Decoder {
  invalid = 0;
  private readonly inner: { write(b: Buffer): string; end(): string | undefined };
  private first = true;

  constructor(encoding: Exclude<Encoding, 'utf-8'>) {
    this.inner = iconv.getDecoder(encoding, { stripBOM: true });
  }

  write(chunk: Buffer): string {
    return this.track(this.inner.write(chunk));
  }

  end(): string {
    return this.track(this.inner.end() ?? '');
  }

  private track(text: string): string {
    if (text.includes('\ufffd')) this.invalid += 1;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
    }
    return text;
  }
}

/**
 * Decodes mostly-UTF-8 bytes in which some runs are not UTF-8 (rows pasted from a GBK file). Each maximal run of
 * non-ASCII bytes is decoded as a unit: as UTF-8 when the whole run is valid UTF-8, otherwise as GB18030 wrapped in
 * U+FFFD marks. The row is still recognisably undecodable (and rejected), but its text is not lost: the reject
 * shows what the bytes most likely said.
 */
function decodeWithGbkRuns(buf: Buffer): { text: string; runs: number } {
  let text = '';
  let runs = 0;
  let i = 0;
  while (i < buf.length) {
    const start = i;
    if (buf[i]! < 0x80) {
      while (i < buf.length && buf[i]! < 0x80) i++;
      text += buf.toString('latin1', start, i);
      continue;
    }
    while (i < buf.length && buf[i]! >= 0x80) i++;
    const run = buf.subarray(start, i);
    if (isUtf8(run)) text += run.toString('utf8');
    else {
      text += `\ufffd${iconv.decode(run, 'gb18030')}\ufffd`;
      runs++;
    }
  }
  return { text, runs };
}

/** Byte length of the valid UTF-8 character at `i`, or 0 if the bytes there are not valid UTF-8. */
function utf8CharLength(buf: Buffer, i: number): number {
  const b = buf[i]!;
  if (b < 0x80) return 1;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0) return 0;
  for (let k = 1; k <= need; k++) {
    const c = buf[i + k];
    if (c === undefined || c < 0x80 || c > 0xbf) return 0;
  }
  return need + 1;
}

/** Length of the prefix of `buf` that does not end inside a multi-byte UTF-8 sequence. */
function completeUtf8Length(buf: Buffer): number {
  const len = buf.length;
  for (let back = 1; back <= 3 && back <= len; back++) {
    const b = buf[len - back]!;
    if (b < 0x80) return len; // ASCII: nothing pending
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return back < need ? len - back : len;
    }
  }
  return len;
}

/** Counts valid multi-byte sequences and invalid byte runs (slow path, only for chunks that are not valid UTF-8). */
function countUtf8(buf: Buffer): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let inBad = false;
  for (let i = 0; i < buf.length; ) {
    const len = utf8CharLength(buf, i);
    if (len > 0) {
      if (len > 1) multibyte++;
      inBad = false;
      i += len;
    } else {
      if (!inBad) invalid++;
      inBad = true;
      i++;
    }
  }
  return { multibyte, invalid };
}
