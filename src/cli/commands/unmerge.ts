// crm unmerge — split a customer back exactly into what it was before its latest merge (or all merges).
const HELP = `
Every record moved in by the undone merge goes back to the customer it had before (a retired customer comes back
with its old id). The split groups are remembered as never-merge, so later dedupe runs do not join them again.

Examples:
  crm unmerge 12
  crm unmerge 12 --all --json`;

import { Command } from 'commander';
import { z } from 'zod';
import { unmergeCustomer } from '../../dedupe/steward.js';
import { openStore } from '../../store/db.js';
import { lastPreferredSources } from '../../store/settings.js';
import { actorName, addDbOption, addOutputOptions, outputFlags, parseIds, parseOptions, resolveDbPath, storeFlags } from '../options.js';
import { emitJson, say, type Io } from '../output.js';

const schema = storeFlags.merge(outputFlags).extend({ all: z.boolean().default(false) });

export function buildUnmergeCommand(io: Io): Command {
  const cmd = new Command('unmerge')
    .description('undo the latest merge into a customer (--all: every merge)')
    .argument('<customer>', 'customer id')
    .option('--all', 'undo every merge into the customer, newest first', false);
  addOutputOptions(addDbOption(cmd)).addHelpText('after', HELP);
  return cmd.action(async (id: string, raw: unknown) => runUnmerge(id, parseOptions(schema, raw), io));
}

export async function runUnmerge(id: string, opts: z.infer<typeof schema>, io: Io): Promise<void> {
  const db = openStore(resolveDbPath(opts.db, io), { mustExist: true });
  try {
    const [customerId] = parseIds([id], 'customer') as [number];
    const result = unmergeCustomer({ db, actor: actorName(io), survivorship: { prefer: lastPreferredSources(db) } }, customerId, opts.all);
    if (opts.json) emitJson(io, { customer: customerId, merges_undone: result.events, restored: Object.fromEntries(result.restored) });
    if (!opts.quiet) {
      const targets = [...new Set(result.restored.values())].sort((a, b) => a - b);
      say(io, `crm unmerge: customer ${customerId}: ${result.events} merge(s) undone, ${result.restored.size} record(s) back in customer(s) ${targets.join(', ')}`);
    }
  } finally {
    db.close();
  }
}
