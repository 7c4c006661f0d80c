// crm status — what the store holds: sources, records, rejects, open issues, recent imports.
const HELP = `
Examples:
  crm status
  crm status --json | jq .records`;

import { Command } from 'commander';
import { z } from 'zod';
import { openStore } from '../../store/db.js';
import { summarizeStore } from '../../store/summary.js';
import { addDbOption, parseOptions, resolveDbPath, storeFlags } from '../options.js';
import { emit, emitJson, type Io } from '../output.js';

const schema = storeFlags.extend({ json: z.boolean().default(false) });
export type StatusOptions = z.infer<typeof schema>;

export function buildStatusCommand(io: Io): Command {
  const cmd = new Command('status').description('summarise the store').option('--json', 'print the summary as JSON', false);
  addDbOption(cmd).addHelpText('after', HELP);
  return cmd.action(async (raw: unknown) => runStatus(parseOptions(schema, raw), io));
}

export async function runStatus(opts: StatusOptions, io: Io): Promise<void> {
  const path = resolveDbPath(opts.db, io);
  const db = openStore(path, { mustExist: true });
  try {
    const s = summarizeStore(db);
    if (opts.json) return emitJson(io, { store: path, ...s });
    const lines = [
      `store      ${path} (schema ${s.schema_version})`,
      `records    ${s.records} in ${s.sources.length} source(s), from ${s.batches} import(s); ${s.rejects} rows rejected`,
      ...s.sources.map((x) => `  ${x.source.padEnd(24)} ${String(x.records).padStart(9)} records  ${x.batches} import(s), last ${x.last_import ?? '-'}`),
      `issues     ${s.issues_by_code.reduce((n, i) => n + i.count, 0)}`,
      ...s.issues_by_code.slice(0, 15).map((i) => `  ${i.code.padEnd(24)} ${String(i.count).padStart(9)}`),
      'recent imports',
      ...s.last_batches.map((b) => `  #${b.id} ${b.source}/${b.file_name}: ${b.rows_read} read, ${b.inserted} inserted, ${b.updated} updated, ${b.unchanged} unchanged, ${b.rejected} rejected`),
    ];
    emit(io, `${lines.join('\n')}\n`);
  } finally {
    db.close();
  }
}
