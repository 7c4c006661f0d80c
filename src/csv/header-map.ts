// Maps a file's header onto the canonical fields: a custom --map first, then the chosen (or recognised) preset,
// then the synonyms. Multi-valued fields (phones, e-mail) take every matching column, joined by "; ";
// any other field takes the first; every column not used is kept as an unmapped "extra".
import { z } from 'zod';
import { CANONICAL_FIELDS, isCanonicalField, type CanonicalField, type CanonicalValues } from '../canonical-fields.js';
import { UsageError } from '../errors.js';
import { PRESETS, SYNONYMS, headerKey, type DateOrder, type Preset } from './presets.js';

const MULTI_VALUED: ReadonlySet<CanonicalField> = new Set(['mobile', 'phone', 'fax', 'email']);
const MULTI_SEPARATOR = '; ';

export interface FieldSource {
  columns: number[];
  separator: string;
  /** 'map' (from --map), 'preset' or 'synonym': shown to the user with the mapping. */
  via: 'map' | 'preset' | 'synonym';
}

export interface MappingPlan {
  preset: string;
  /** The preset `auto` recognised from the header, if any. */
  detected: string | null;
  dateOrder: DateOrder;
  fields: Partial<Record<CanonicalField, FieldSource>>;
  /** Column indexes not mapped to any field, and the key each is stored under in the record's extras. */
  unmapped: { column: number; key: string }[];
}

const customEntry = z.union([
  z.string().min(1),
  z.array(z.string().min(1)).min(1),
  z.object({ columns: z.array(z.string().min(1)).min(1), separator: z.string().default(' ') }),
]);
const customMapSchema = z.record(z.string(), customEntry);
export type CustomMap = z.infer<typeof customMapSchema>;

/** Validates a --map JSON document; names every problem at once. */
export function parseCustomMap(json: unknown, fileName: string): CustomMap {
  const parsed = customMapSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new UsageError(`invalid mapping in ${fileName}: ${problems.join('; ')}`);
  }
  const unknown = Object.keys(parsed.data).filter((k) => !isCanonicalField(k));
  if (unknown.length > 0) {
    throw new UsageError(
      `invalid mapping in ${fileName}: unknown field(s) ${unknown.join(', ')} (fields: ${CANONICAL_FIELDS.join(', ')})`,
    );
  }
  return parsed.data;
}

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export function planMapping(header: string[], options: { preset: string; custom?: CustomMap | undefined }): MappingPlan {
  const keys = header.map(headerKey);
  const used = new Set<number>();
  const fields: MappingPlan['fields'] = {};

  const assign = (field: CanonicalField, columns: number[], separator: string, via: FieldSource['via']) => {
    const free = columns.filter((c) => !used.has(c));
    if (free.length === 0) return;
    const existing = fields[field];
    if (existing) {
      if (!MULTI_VALUED.has(field) || existing.via === 'map') return;
      existing.columns.push(...free);
    } else {
      // A --map entry may concatenate columns; otherwise a single-valued field takes the first column only.
      const keepAll = via === 'map' || MULTI_VALUED.has(field);
      fields[field] = { columns: keepAll ? free : free.slice(0, 1), separator, via };
    }
    for (const c of fields[field]!.columns) used.add(c);
  };

  if (options.custom) {
    const problems: string[] = [];
    for (const [field, entry] of Object.entries(options.custom)) {
      const names = typeof entry === 'string' ? [entry] : Array.isArray(entry) ? entry : entry.columns;
      const separator = typeof entry === 'object' && !Array.isArray(entry) ? entry.separator : MULTI_SEPARATOR;
      const columns = names.map((n) => findColumn(header, keys, n));
      const missing = names.filter((_, i) => columns[i] === -1);
      if (missing.length > 0) problems.push(`${field}: no column ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
      else assign(field as CanonicalField, columns, separator, 'map');
    }
    if (problems.length > 0) {
      throw new UsageError(`mapping does not fit the header: ${problems.join('; ')} (columns: ${header.join(', ')})`);
    }
  }

  let preset = findPreset(options.preset);
  let detected: string | null = null;
  if (options.preset === 'auto') {
    preset = recognisePreset(keys);
    detected = preset?.id ?? null;
  } else if (!preset) {
    throw new UsageError(`unknown preset ${JSON.stringify(options.preset)} (use auto, ${PRESETS.map((p) => p.id).join(', ')})`);
  }
  if (preset) {
    const table = keyedTable(preset.headers);
    keys.forEach((k, column) => {
      const field = table.get(k);
      if (field) assign(field, [column], MULTI_SEPARATOR, 'preset');
    });
  }
  keys.forEach((k, column) => {
    const field = SYNONYM_TABLE.get(k);
    if (field) assign(field, [column], MULTI_SEPARATOR, 'synonym');
  });

  const seen = new Map<string, number>();
  const unmapped = header.flatMap((h, column) => {
    if (used.has(column)) return [];
    const base = h.replace(/^\ufeff/, '').trim() || `column_${column + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [{ column, key: n === 1 ? base : `${base} #${n}` }];
  });
  return { preset: preset?.id ?? 'auto', detected, dateOrder: preset?.dateOrder ?? 'ymd', fields, unmapped };
}

/** Applies a plan to one row's cells (hot path: one call per imported row). Empty values are left out. */
export function applyMapping(plan: CompiledMapping, cells: string[]): { values: CanonicalValues; extras: Record<string, string> | null } {
  const values: CanonicalValues = {};
  for (const [field, column] of plan.single) {
    const v = cells[column]?.trim();
    if (v) values[field] = v;
  }
  for (const [field, columns, separator] of plan.multi) {
    const v = joinCells(cells, columns, separator);
    if (v !== undefined) values[field] = v;
  }
  let extras: Record<string, string> | null = null;
  for (const { column, key } of plan.unmapped) {
    const v = cells[column];
    if (v !== undefined && v !== '') (extras ??= {})[key] = v;
  }
  return { values, extras };
}

/** One field of a row as applyMapping would give it, without mapping the rest (the reader needs only the id and
 * whether there is a name). */
export function mappedValue(plan: CompiledMapping, field: CanonicalField, cells: string[]): string | undefined {
  const source = plan.byField.get(field);
  if (source === undefined) return undefined;
  if (source.columns.length === 1) return cells[source.columns[0]!]?.trim() || undefined;
  return joinCells(cells, source.columns, source.separator);
}

function joinCells(cells: string[], columns: readonly number[], separator: string): string | undefined {
  const parts: string[] = [];
  for (const c of columns) {
    const v = cells[c]?.trim();
    if (v) parts.push(v);
  }
  return parts.length > 0 ? parts.join(separator) : undefined;
}

export interface CompiledMapping {
  single: [CanonicalField, number][];
  multi: [CanonicalField, number[], string][];
  unmapped: MappingPlan['unmapped'];
  byField: Map<CanonicalField, { columns: number[]; separator: string }>;
}

export function compileMapping(plan: MappingPlan): CompiledMapping {
  const single: CompiledMapping['single'] = [];
  const multi: CompiledMapping['multi'] = [];
  for (const field of CANONICAL_FIELDS) {
    const source = plan.fields[field];
    if (!source) continue;
    if (source.columns.length === 1) single.push([field, source.columns[0]!]);
    else multi.push([field, source.columns, source.separator]);
  }
  const byField = new Map(CANONICAL_FIELDS.flatMap((f) => (plan.fields[f] ? [[f, plan.fields[f]!] as const] : [])));
  return { single, multi, unmapped: plan.unmapped, byField };
}

/** Human-readable lines: `客户名称 → name`, then the unmapped columns. */
export function describeMapping(plan: MappingPlan, header: string[]): string[] {
  const lines: string[] = [];
  for (const field of CANONICAL_FIELDS) {
    const source = plan.fields[field];
    if (!source) continue;
    const cols = source.columns.map((c) => header[c]?.replace(/^\ufeff/, '') ?? `#${c + 1}`).join(' + ');
    lines.push(`  ${cols} → ${field}${source.via === 'map' ? ' (--map)' : ''}`);
  }
  if (plan.unmapped.length > 0) lines.push(`  kept unmapped: ${plan.unmapped.map((u) => u.key).join(', ')}`);
  return lines;
}

function findColumn(header: string[], keys: string[], name: string): number {
  const exact = header.findIndex((h) => h.replace(/^\ufeff/, '').trim() === name.trim());
  return exact >= 0 ? exact : keys.indexOf(headerKey(name));
}

function keyedTable(headers: Record<string, CanonicalField>): Map<string, CanonicalField> {
  return new Map(Object.entries(headers).map(([h, f]) => [headerKey(h), f]));
}

const SYNONYM_TABLE: Map<string, CanonicalField> = (() => {
  const table = new Map<string, CanonicalField>();
  for (const field of CANONICAL_FIELDS) for (const s of SYNONYMS[field]) if (!table.has(headerKey(s))) table.set(headerKey(s), field);
  return table;
})();

const PRESET_TABLES = PRESETS.map((p) => ({ preset: p, table: keyedTable(p.headers) }));

/** The preset whose vocabulary covers the header best, if it covers most of it (≥ 75% and ≥ 3 columns). */
function recognisePreset(keys: string[]): Preset | undefined {
  let best: Preset | undefined;
  let bestHits = 0;
  for (const { preset, table } of PRESET_TABLES) {
    const hits = keys.filter((k) => table.has(k)).length;
    if (hits > bestHits) {
      best = preset;
      bestHits = hits;
    }
  }
  return best && bestHits >= 3 && bestHits >= 0.75 * keys.filter((k) => k !== '').length ? best : undefined;
}
