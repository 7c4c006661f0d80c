// Small seeded PRNG helpers for the bench generators. Never Math.random: the same seed must give the same bytes.

/** 32-bit integer hash of up to three integers (murmur3-style finaliser); used to derive independent streams. */
export function hash32(a, b = 0, c = 0) {
  let h = (a ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ (b >>> 0);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ (c >>> 0);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a tiny 32-bit generator; returns floats in [0, 1). */
export function mulberry32(seed) {
  let t = seed >>> 0;
  return function next() {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), t | 1);
    r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for one stream identified by (seed, stream, index). */
export function streamRng(seed, stream, index) {
  return mulberry32(hash32(seed, stream, index));
}

export const int = (rng, n) => Math.floor(rng() * n);
export const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = (rng, arr) => arr[Math.floor(rng() * arr.length)];
export const chance = (rng, p) => rng() < p;
export const digits = (rng, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(rng() * 10));
  return s;
};

/** Picks from [[weight, value], ...]. */
export function weighted(rng, table) {
  let total = 0;
  for (const [w] of table) total += w;
  let x = rng() * total;
  for (const [w, v] of table) {
    if ((x -= w) < 0) return v;
  }
  return table[table.length - 1][1];
}
