// Two records side by side for a steward: the fields either has, marking where they differ. Pure.
import { NORMALIZED_COLUMNS, type NormalizedColumn, type NormalizedRecord } from '../normalize/columns.js';

export interface SideBySideRow {
  field: NormalizedColumn;
  left: string;
  right: string;
  differs: boolean;
}

const SHOWN: NormalizedColumn[] = NORMALIZED_COLUMNS.filter((c) => !['name_key', 'uscc_valid', 'org_code_valid', 'id_valid'].includes(c));

export function sideBySide(a: NormalizedRecord, b: NormalizedRecord): SideBySideRow[] {
  return SHOWN.flatMap((field) => {
    const left = a[field] === null ? '' : String(a[field]);
    const right = b[field] === null ? '' : String(b[field]);
    if (left === '' && right === '') return [];
    return [{ field, left, right, differs: left !== right }];
  });
}
