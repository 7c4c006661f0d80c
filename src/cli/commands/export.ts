// crm export — write the store's records as CSV for spreadsheets and pipes.
const HELP = `
Views:
  records    one row per source record: source, source_row, source_id, customer_id, the canonical fields with their
             normalized values, then name_core, legal_form, branch, parent_name, uscc_valid, org_code_valid, id_valid,
             phone_ext, phones, region_code, industry_code, industry_name; --with-raw adds raw_<field> columns
  customers  one golden row per customer (after \`crm dedupe\`): customer_id, the canonical fields chosen by
             survivorship, the extra normalized columns, record_count and sources

Examples:
  crm export --view records > records.csv
  crm export --view records --bom -o for-excel.csv
  crm export --with-raw | xsv select name,raw_name`;

import { Command, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { RecordDecoder } from '../../ingest/record-decoder.js';
import { recordColumns, recordRow } from '../../ingest/record-view.js';
import { CUSTOMER_COLUMNS, customerRow } from '../../dedupe/customer-view.js';
import { iterateCustomers } from '../../store/customers.js';
import { openStore } from '../../store/db.js';
import { iterateRecords } from '../../store/record-views.js';
import { addDbOption, parseOptions, resolveDbPath, storeFlags } from '../options.js';
import { say, type Io } from '../output.js';

const VIEWS = ['records', 'customers'] as const;

const schema = storeFlags.extend({
  view: z.enum(VIEWS).default('records'),
  output: z.string().optional(),
  bom: z.boolean().default(false),
  withRaw: z.boolean().default(false),
  quiet: z.boolean().default(false),
});
export type ExportOptions = z.infer<typeof schema>;

export function buildExportCommand(io: Io): Command {
  const cmd = new Command('export')
    .description('write records as CSV (stdout, or -o FILE)')
    .addOption(new Option('--view <name>', 'what to export').choices([...VIEWS]).default('records'))
    .option('-o, --output <file>', 'write to a file instead of stdout (- = stdout)')
    .option('--bom', 'start with a UTF-8 BOM so Excel reads Chinese correctly', false)
    .option('--with-raw', 'add raw_<field> columns with each value exactly as imported', false)
    .option('-q, --quiet', 'no summary on stderr', false);
  addDbOption(cmd).addHelpText('after', HELP);
  return cmd.action(async (raw: unknown) => runExport(parseOptions(schema, raw), io));
}

export async function runExport(opts: ExportOptions, io: Io): Promise<void> {
  const db = openStore(resolveDbPath(opts.db, io), { mustExist: true });
  const toFile = opts.output !== undefined && opts.output !== '-';
  const out = toFile ? createWriteStream(opts.output!) : io.stdout;
  let rows = 0;
  try {
    if (opts.bom) out.write('\ufeff');
    const decoder = new RecordDecoder(db);
    const [header, rowsOf] =
      opts.view === 'customers'
        ? [CUSTOMER_COLUMNS, () => mapIter(iterateCustomers(db), customerRow)]
        : [recordColumns(opts.withRaw), () => mapIter(iterateRecords(db), (r) => recordRow(r, decoder.values(r.batch_id, r.raw_text), opts.withRaw))];
    out.write(stringify([header]));
    let chunk: unknown[][] = [];
    for (const row of rowsOf()) {
      chunk.push(row);
      rows++;
      if (chunk.length === 2000) {
        if (!out.write(stringify(chunk))) await drained(out);
        chunk = [];
      }
    }
    if (chunk.length > 0) out.write(stringify(chunk));
  } finally {
    db.close();
    if (toFile) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(resolve));
  }
  if (!opts.quiet) say(io, `crm export: ${rows} ${opts.view} written${toFile ? ` to ${opts.output}` : ''}`);
}

function* mapIter<T, U>(items: Iterable<T>, f: (t: T) => U): Generator<U> {
  for (const t of items) yield f(t);
}

function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => out.once('drain', resolve));
}
