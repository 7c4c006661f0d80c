#!/usr/bin/env node
// `npm run demo`: imports the bundled sample exports into a fresh store (.crm-demo/crm.db), merges the duplicates
// into golden customers, and shows the result.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.crm-demo');
const db = join(dir, 'crm.db');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

function crm(...args) {
  console.error(`\n$ crm ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [join(root, 'bin/crm'), ...args, '--db', db], { stdio: 'inherit', env: { ...process.env, CRM_ACTOR: 'demo' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

crm('import', join(root, 'fixtures/demo/u8-customers-gbk.csv'), '--preset', 'u8', '--source', 'u8');
crm('import', join(root, 'fixtures/demo/fxiaoke-customers-bom.csv'), '--source', 'fxiaoke');
crm('import', join(root, 'fixtures/demo/hubspot-companies.csv'), '--preset', 'hubspot-companies', '--source', 'hubspot');
crm('import', join(root, 'fixtures/demo/u8-customers-gbk.csv'), '--preset', 'u8', '--source', 'u8');
crm('dedupe', '--auto');
crm('status');
crm('export', '--view', 'records');
crm('export', '--view', 'customers');
crm('review', 'list');
console.error(`\nThe demo store is ${db}; try: node bin/crm status --db ${db}`);
