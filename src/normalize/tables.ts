// Locates the shipped code tables. Both src/normalize/*.ts (tests) and dist/normalize/*.js (built CLI) sit two
// levels below the package root, so one relative URL finds src/normalize/tables/ from either.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function tablePath(fileName: string): string {
  return fileURLToPath(new URL(`../../src/normalize/tables/${fileName}`, import.meta.url));
}

/** Reads a UTF-8 table file, dropping a leading BOM. */
export function readTable(fileName: string): string {
  const text = readFileSync(tablePath(fileName), 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
