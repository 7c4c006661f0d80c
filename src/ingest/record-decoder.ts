// Turns stored rows back into canonical values: each batch's header mapping is loaded once and applied to raw_text.
import type { CanonicalValues } from '../canonical-fields.js';
import { CsvParser } from '../csv/parse-csv.js';
import { applyMapping, compileMapping, type CompiledMapping, type MappingPlan } from '../csv/header-map.js';
import type { Db, Statement } from '../store/db.js';

export interface DecodedRecord {
  cells: string[];
  values: CanonicalValues;
  extras: Record<string, string> | null;
}

export class RecordDecoder {
  private readonly mappings = new Map<number, { compiled: CompiledMapping; plan: MappingPlan; delimiter: string }>();
  private readonly load: Statement;

  constructor(db: Db) {
    this.load = db.prepare('SELECT mapping_json, delimiter FROM import_batches WHERE id = ?');
  }

  decode(batchId: number, rawText: string): DecodedRecord {
    const m = this.mapping(batchId);
    const cells = new CsvParser(m.delimiter).push(rawText, true)[0]?.cells ?? [];
    const { values, extras } = applyMapping(m.compiled, cells);
    return { cells, values, extras };
  }

  values(batchId: number, rawText: string): CanonicalValues {
    return this.decode(batchId, rawText).values;
  }

  plan(batchId: number): MappingPlan {
    return this.mapping(batchId).plan;
  }

  delimiter(batchId: number): string {
    return this.mapping(batchId).delimiter;
  }

  /** Registers a plan already in hand (the batch being imported) so it is not re-read from the store. */
  remember(batchId: number, plan: MappingPlan, delimiter: string): void {
    this.mappings.set(batchId, { plan, compiled: compileMapping(plan), delimiter });
  }

  private mapping(batchId: number): { compiled: CompiledMapping; plan: MappingPlan; delimiter: string } {
    let m = this.mappings.get(batchId);
    if (!m) {
      const row = this.load.get(batchId) as { mapping_json: string; delimiter: string } | undefined;
      const plan = JSON.parse(row?.mapping_json ?? '{}') as MappingPlan;
      plan.fields ??= {};
      plan.unmapped ??= [];
      m = { plan, compiled: compileMapping(plan), delimiter: row?.delimiter ?? ',' };
      this.mappings.set(batchId, m);
    }
    return m;
  }
}
