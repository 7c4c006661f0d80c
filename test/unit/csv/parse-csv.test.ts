import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../../src/csv/parse-csv.js';

function parseAll(text: string, delimiter = ',', chunkSize = text.length): { cells: string[]; line: number; raw: string; error?: string }[] {
  const p = new CsvParser(delimiter);
  const out = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...p.push(text.slice(i, i + chunkSize)));
  out.push(...p.push('', true));
  return out;
}

const cells = (text: string, delimiter = ',') => parseAll(text, delimiter).map((r) => r.cells);

describe('CsvParser', () => {
  it.each([
    ['plain rows', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['no final newline', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['CR only (old Mac Excel)', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['quoted delimiter and doubled quote', 'a\n"x, ""y"""\n', [['a'], ['x, "y"']]],
    ['newline inside quotes', 'a,b\n"line1\r\nline2",z\n', [['a', 'b'], ['line1\r\nline2', 'z']]],
    ['empty lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['trailing delimiter gives an empty field', 'a,b\n1,2,\n', [['a', 'b'], ['1', '2', '']]],
    ['quote inside an unquoted field is literal', 'a\nq"x\n', [['a'], ['q"x']]],
    ['text after a closing quote is kept literally', 'a,b\n1,"q"x\n', [['a', 'b'], ['1', '"q"x']]],
    ['Chinese text', '客户名称,电话\n上海明远,021-62345678\n', [['客户名称', '电话'], ['上海明远', '021-62345678']]],
  ])('%s', (_name, text, expected) => {
    expect(cells(text)).toEqual(expected);
  });

  it('reports an unclosed quote as one error record holding the rest of the input', () => {
    const out = parseAll('a,b\n1,2\n3,"open\n4,5\n');
    expect(out.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2'], []]);
    expect(out[2]).toMatchObject({ error: 'unclosed_quote', line: 3, raw: '3,"open\n4,5' });
  });

  it('keeps each record text exactly as read and its starting line', () => {
    const out = parseAll('h1,h2\n"a\nb",c\n\nd,e\n');
    expect(out.map((r) => [r.line, r.raw])).toEqual([[1, 'h1,h2'], [2, '"a\nb",c'], [5, 'd,e']]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'a,b,c\r\n"x\r\ny","q""q",z\r\n1,2,3\r\n\r\n"end",,\r\n';
    const whole = parseAll(text);
    for (const size of [1, 2, 3, 5, 7]) expect(parseAll(text, ',', size)).toEqual(whole);
  });

  // csv-parse is the reference implementation: the fast parser must agree with it on a varied generated corpus.
  it('agrees with csv-parse on 3,000 generated files', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const pieces = ['a', 'b', '上海', '电话', ' ', '1', '""', '"', ',', ';', '\t', '|', '\n', '\r\n', 'x y', '￥', '—'];
    for (let file = 0; file < 3000; file++) {
      const delimiter = pick([',', ';', '\t', '|']);
      const eol = pick(['\n', '\r\n', '\r']);
      const rows: string[] = [];
      const nrows = 1 + Math.floor(rnd() * 6);
      for (let r = 0; r < nrows; r++) {
        const fields: string[] = [];
        const nf = 1 + Math.floor(rnd() * 4);
        for (let f = 0; f < nf; f++) {
          let v = '';
          const len = Math.floor(rnd() * 5);
          for (let k = 0; k < len; k++) v += pick(pieces);
          const needsQuotes = /[",;\t|\r\n]/.test(v) || rnd() < 0.2;
          fields.push(needsQuotes ? `"${v.replace(/"/g, '""')}"` : v);
        }
        rows.push(fields.join(delimiter));
      }
      const text = rows.join(eol) + (rnd() < 0.5 ? eol : '');
      const expected = parse(text, { delimiter, record_delimiter: eol, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
      const chunk = 1 + Math.floor(rnd() * 20);
      expect(parseAll(text, delimiter, chunk).map((r) => r.cells), JSON.stringify(text)).toEqual(expected);
    }
  });
});
