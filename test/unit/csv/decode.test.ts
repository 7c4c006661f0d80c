import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Utf8Census, chooseEncoding, createDecoder, detectBom, parseEncodingName } from '../../../src/csv/decode.js';

function census(...chunks: Buffer[]): Utf8Census {
  const c = new Utf8Census();
  for (const chunk of chunks) c.add(chunk);
  c.finish();
  return c;
}

function decodeInChunks(encoding: Parameters<typeof createDecoder>[0], bytes: Buffer, size: number): string {
  const d = createDecoder(encoding);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += d.write(bytes.subarray(i, i + size));
  return text + d.end();
}

const chinese = '客户名称,电话\n上海明远信息科技有限公司,021-62345678\n';

describe('encoding detection', () => {
  it.each([
    ['UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'utf-8'],
    ['UTF-16LE BOM', Buffer.from([0xff, 0xfe, 0x61, 0x00]), 'utf-16le'],
    ['UTF-16BE BOM', Buffer.from([0xfe, 0xff, 0x00, 0x61]), 'utf-16be'],
    ['no BOM', Buffer.from('abc'), null],
  ])('detects the %s', (_n, bytes, expected) => {
    expect(detectBom(bytes)).toBe(expected);
  });

  it('takes valid UTF-8 as UTF-8, even split mid-character across chunks', () => {
    const bytes = Buffer.from(chinese);
    expect(chooseEncoding(null, census(bytes.subarray(0, 5), bytes.subarray(5)))).toBe('utf-8');
  });

  it('takes GBK bytes as GB18030', () => {
    expect(chooseEncoding(null, census(iconv.encode(chinese.repeat(20), 'gbk')))).toBe('gb18030');
  });

  it('keeps a mostly-UTF-8 file with one pasted GBK row as UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(chinese.repeat(20)), iconv.encode('北京远景,010-1\n', 'gbk')]);
    expect(chooseEncoding(null, census(bytes))).toBe('utf-8');
  });

  it('lets a BOM win over the census', () => {
    expect(chooseEncoding('utf-16le', census(Buffer.from([0xff, 0xfe, 0x61, 0x00])))).toBe('utf-16le');
  });

  it.each([['gbk', 'gb18030'], ['GB2312', 'gb18030'], ['utf8', 'utf-8'], ['UTF-16', 'utf-16le']])('accepts --encoding %s', (name, expected) => {
    expect(parseEncodingName(name)).toBe(expected);
  });

  it('refuses an unknown --encoding with the allowed names', () => {
    expect(() => parseEncodingName('latin9')).toThrow(/unknown encoding "latin9".*gb18030/);
  });
});

describe('decoders', () => {
  it.each([
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese)])],
    ['gb18030', iconv.encode(chinese, 'gb18030')],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(chinese, 'utf-16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(chinese, 'utf-16be')])],
  ] as const)('%s decodes without mojibake and drops the BOM, whatever the chunking', (encoding, bytes) => {
    for (const size of [1, 2, 3, 7, 1024]) expect(decodeInChunks(encoding, bytes, size)).toBe(chinese);
  });

  it('counts undecodable bytes and keeps their text readable as GB18030 between U+FFFD marks', () => {
    const d = createDecoder('utf-8');
    // 郑 in GBK (D6 A3) happens to be a valid UTF-8 pair: the whole non-ASCII run must still be read as GBK.
    const bytes = Buffer.concat([Buffer.from('上海,'), iconv.encode('郑国强', 'gbk'), Buffer.from(',13906931234\n')]);
    const text = d.write(bytes) + d.end();
    expect(d.invalid).toBe(1);
    expect(text).toBe('上海,\ufffd郑国强\ufffd,13906931234\n');
  });
});
