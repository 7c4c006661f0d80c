// Delimiter sniffing: parse the first lines with each candidate and keep the one that splits the header into the
// most columns while the following rows agree with that count.
import { CsvParser } from './parse-csv.js';

export const DELIMITERS = [',', '\t', ';', '|'] as const;

export function sniffDelimiter(sample: string): string {
  let best: string = ',';
  let bestScore = 0;
  for (const delim of DELIMITERS) {
    const records = new CsvParser(delim).push(sample, false).slice(0, 50);
    const header = records[0];
    if (!header || header.cells.length < 2) continue;
    const width = header.cells.length;
    const agreeing = records.filter((r) => r.cells.length === width).length;
    const score = width * (agreeing / records.length);
    if (score > bestScore) {
      best = delim;
      bestScore = score;
    }
  }
  return best;
}

export function parseDelimiterName(name: string): string | null {
  const named: Record<string, string> = { comma: ',', tab: '\t', '\\t': '\t', semicolon: ';', pipe: '|' };
  const d = named[name.toLowerCase()] ?? name;
  return d.length === 1 ? d : null;
}
