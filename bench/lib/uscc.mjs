// Unified social credit code (统一社会信用代码, GB 32100-2015) and the organisation code inside it (GB 11714-1997).

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w; // 3^(i) mod 31 for position i+1: 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
});

/** The 18th character for the first 17 characters, or null when a character is outside the charset. */
export function usccCheckChar(first17) {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code) {
  return typeof code === 'string' && code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11714 check character for an 8-character organisation code body (digits and capital letters). */
export function orgCodeCheckChar(body8) {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 55; // '0'-'9' -> 0-9, 'A'-'Z' -> 10-35
    sum += v * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}
