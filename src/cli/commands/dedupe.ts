// crm dedupe — find duplicate customers, merge them into golden records, explain every score.
const HELP = `
Blocks records on USCC, phones, e-mail, name core, pinyin key and more; compares each candidate pair field by field;
scores it with Fellegi-Sunter weights fitted without labels (u from random pairs, m by EM, term-frequency adjusted);
clusters without chaining. Pairs above --upper are merged with --auto (else queued); pairs between --lower and
--upper go to \`crm review\`. Different valid USCCs, and a branch against its head office, never match.
Incremental by default: only records new or changed since the last run are compared with the rest (--full: all).
Customer ids are stable: a record joining a customer takes its id; new imports never renumber old customers.

Examples:
  crm dedupe --auto
  crm dedupe --auto --prefer u8,fxiaoke --json
  crm dedupe --explain u8:U0001 fxiaoke:FX-1001`;

import { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { z } from 'zod';
import { explainPair, type Explanation } from '../../dedupe/explain.js';
import { runDedupe, type DedupeSummary } from '../../dedupe/run-dedupe.js';
import { DEFAULT_LOWER, DEFAULT_UPPER } from '../../match/pipeline.js';
import { UsageError } from '../../errors.js';
import { openStore } from '../../store/db.js';
import { actorName, addDbOption, addOutputOptions, outputFlags, parseOptions, resolveDbPath, storeFlags } from '../options.js';
import { emit, emitJson, say, type Io } from '../output.js';

const probability = z.coerce.number().gt(0).lt(1);
const schema = storeFlags.merge(outputFlags).extend({
  auto: z.boolean().default(false),
  full: z.boolean().default(false),
  upper: probability.default(DEFAULT_UPPER),
  lower: probability.default(DEFAULT_LOWER),
  prefer: z.string().optional(),
  dryRun: z.boolean().default(false),
  explain: z.array(z.string()).optional(),
  seed: z.coerce.number().int().default(42),
  emitCandidates: z.string().optional(),
});
type DedupeOptions = z.infer<typeof schema>;

export function buildDedupeCommand(io: Io): Command {
  const cmd = new Command('dedupe')
    .description('find duplicates, merge them into golden records, explain scores')
    .option('--auto', 'merge pairs above --upper automatically (else they are queued for review)', false)
    .option('--full', 'compare every record, not only those new or changed since the last run', false)
    .option('--upper <p>', `auto-merge threshold, a match probability (default ${DEFAULT_UPPER})`)
    .option('--lower <p>', `review threshold (default ${DEFAULT_LOWER})`)
    .option('--prefer <sources>', 'survivorship source priority for golden records, e.g. u8,fxiaoke')
    .option('--dry-run', 'find and count everything, write nothing', false)
    .option('--explain <record...>', 'show how two records score, comparison by comparison (ids or source:source_id)')
    .option('--seed <n>', 'seed for the random pairs that estimate u (default 42)')
    .option('--emit-candidates <file.csv>', 'write every candidate pair (for measuring blocking recall)');
  addOutputOptions(addDbOption(cmd)).addHelpText('after', HELP);
  return cmd.action(async (raw: unknown) => runDedupeCommand(parseOptions(schema, raw), io));
}

export async function runDedupeCommand(opts: DedupeOptions, io: Io): Promise<void> {
  if (opts.lower > opts.upper) throw new UsageError(`--lower ${opts.lower} is above --upper ${opts.upper}`);
  const db = openStore(resolveDbPath(opts.db, io), { mustExist: true });
  try {
    if (opts.explain) {
      if (opts.explain.length !== 2) throw new UsageError('--explain takes two records');
      const e = explainPair(db, opts.explain[0]!, opts.explain[1]!);
      return opts.json ? emitJson(io, e) : emit(io, renderWaterfall(e));
    }
    const candidates = opts.emitCandidates ? createWriteStream(opts.emitCandidates) : null;
    candidates?.write('record_a,record_b,source_id_a,source_id_b\n');
    const sourceId = db.prepare('SELECT source_id FROM source_records WHERE record_id = ?').pluck();
    const summary = await runDedupe(db, {
      auto: opts.auto, full: opts.full, upper: opts.upper, lower: opts.lower, prefer: opts.prefer ? opts.prefer.split(',') : [],
      dryRun: opts.dryRun, actor: actorName(io), seed: opts.seed,
      // CRM_TEST_CRASH=dedupe-before-commit: die like a killed cron job with every write done but not committed.
      ...(io.env['CRM_TEST_CRASH'] === 'dedupe-before-commit' ? { beforeCommit: () => process.kill(process.pid, 'SIGKILL') } : {}),
      ...(candidates ? { onCandidate: (a: number, b: number) => candidates.write(`${a},${b},${csv(sourceId.get(a))},${csv(sourceId.get(b))}\n`) } : {}),
    });
    if (candidates) await new Promise<void>((resolve) => candidates.end(resolve));
    if (opts.json) emitJson(io, summary);
    if (!opts.quiet) say(io, describe(summary));
  } finally {
    db.close();
  }
}

function csv(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function describe(s: DedupeSummary): string {
  return `crm dedupe: ${s.mode}${s.dry_run ? ' (dry run, nothing written)' : ''}: ${s.records} records (${s.new_records} new or changed), ` +
    `${s.pairs_compared} pairs compared; ${s.auto_merged} merges (${s.records_merged} records), ${s.queued_for_review} pairs queued for review, ` +
    `${s.new_customers} new customers, ${s.customers} customers in all (${(s.elapsed_ms / 1000).toFixed(1)} s)`;
}

function renderWaterfall(e: Explanation): string {
  let total = 0;
  const rows = e.contributions.map((c) => {
    total += c.weight;
    return [c.comparison, c.level, c.left, c.right, signed(c.weight), signed(total)];
  });
  const head = ['comparison', 'level', `#${e.left.record_id} ${e.left.source}`, `#${e.right.record_id} ${e.right.source}`, 'weight', 'running'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.min(28, Math.max(...all.map((r) => r[i]!.length))));
  const line = (r: string[]) => r.map((cell, i) => (i >= 4 ? cell.padStart(widths[i]!) : cell.slice(0, 28).padEnd(widths[i]!))).join('  ');
  return [
    `${e.left.name ?? ''}  vs  ${e.right.name ?? ''}`,
    line(head), ...rows.map(line),
    `match weight ${signed(e.weight)} → probability ${(e.probability * 100).toFixed(2)}%${e.veto ? `; VETO: ${e.veto} (never the same customer)` : ''}`,
    `model: ${e.model_from}`, '',
  ].join('\n');
}

function signed(x: number): string {
  return Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(2)}` : String(x);
}
