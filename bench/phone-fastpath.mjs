#!/usr/bin/env node
// Throughput of normalizePhones with and without the fast route, on a realistic mix of CRM phone cells.
//
//   npm run build && node bench/phone-fastpath.mjs [records=200000] [path/to/dist/normalize]
//
// Prints numbers/s (numbers = phone strings read, ~2.5 per record) for: the bare library
// (parsePhoneNumberFromString + isValid + getType), normalizePhones with fastPath:false, and with the fast route.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import parsePhoneNumberFromString from 'libphonenumber-js/max';

const records = Number(process.argv[2] ?? 200_000);
const dir = resolve(process.argv[3] ?? new URL('../dist/normalize', import.meta.url).pathname);
const { normalizePhones } = await import(pathToFileURL(`${dir}/phone.js`).href);

// mulberry32
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = seeded(2024);
const int = (n) => Math.floor(rnd() * n);
const pick = (xs) => xs[int(xs.length)];
const digits = (n) => Array.from({ length: n }, () => int(10)).join('');
const SEGMENTS = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '166', '176', '177', '180', '181', '186', '187', '188', '189', '191', '199'];
const AREAS = [['010', 8], ['021', 8], ['020', 8], ['0755', 8], ['0571', 8], ['028', 8], ['027', 8], ['0512', 8], ['0531', 8], ['0351', 7], ['0731', 8], ['0898', 8]];

function mobile() {
  const n = pick(SEGMENTS) + digits(8);
  const style = int(20);
  if (style < 12) return n;
  if (style < 14) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  if (style < 16) return `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
  if (style < 18) return `+86 ${n}`;
  if (style < 19) return `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  return `0086${n}`;
}
function landline() {
  const [area, len] = pick(AREAS);
  const sub = String(2 + int(7)) + digits(len - 1);
  const style = int(20);
  if (style < 10) return `${area}-${sub}`;
  if (style < 13) return `${area}${sub}`;
  if (style < 15) return `(${area})${sub}`;
  if (style < 16) return `${area} ${sub.slice(0, 4)} ${sub.slice(4)}`;
  if (style < 17) return `${area}-${sub} 转 ${digits(3)}`;
  if (style < 18) return `${area}-${sub}-${digits(4)}`;
  if (style < 19) return `+86 ${area.slice(1)} ${sub}`;
  return `400-${digits(3)}-${digits(4)}`;
}
const rows = [];
let numberCount = 0;
for (let i = 0; i < records; i++) {
  const cells = [];
  const m = int(10) < 9 ? mobile() : '';
  const extra = int(5) === 0 ? `；${mobile()}` : '';
  cells.push({ field: 'mobile', value: m + (m ? extra : '') });
  cells.push({ field: 'phone', value: int(10) < 8 ? landline() : '' });
  if (int(4) === 0) cells.push({ field: 'other_phone', value: int(2) ? mobile() : landline() });
  numberCount += (m ? 1 : 0) + (m && extra ? 1 : 0) + (cells[1].value ? 1 : 0) + (cells.length > 2 ? 1 : 0);
  rows.push(cells);
}

function time(label, fn) {
  fn(rows.slice(0, 2000)); // warm-up
  const t0 = performance.now();
  const n = fn(rows);
  const s = (performance.now() - t0) / 1000;
  console.log(`${label.padEnd(36)} ${(numberCount / s).toFixed(0).padStart(9)} numbers/s  (${s.toFixed(2)} s, ${n} valid)`);
}

console.log(`${records} records, ${numberCount} phone strings`);
time('library only (parse+isValid+type)', (rs) => {
  let valid = 0;
  for (const cells of rs) for (const c of cells) {
    if (!c.value) continue;
    for (const part of c.value.split('；')) {
      const p = parsePhoneNumberFromString(part, 'CN');
      if (p && p.isValid()) { p.getType(); valid++; }
    }
  }
  return valid;
});
time('normalizePhones, fastPath: false', (rs) => {
  let valid = 0;
  for (const cells of rs) valid += normalizePhones(cells, { fastPath: false }).phones.length;
  return valid;
});
time('normalizePhones, fast route', (rs) => {
  let valid = 0;
  for (const cells of rs) valid += normalizePhones(cells).phones.length;
  return valid;
});
