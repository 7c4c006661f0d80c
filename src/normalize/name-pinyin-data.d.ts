// Types for the one pinyin-pro module read beyond its typed entry point (name-pinyin.ts): its dictionary words.
// pinyin-pro exports ./dist/* but ships no declarations for those paths; the shape is its types/data/patterns.d.ts.
declare module 'pinyin-pro/dist/esm/data/patterns.mjs' {
  export const PatternsNormal: readonly { zh: string; pinyin: string; priority: number }[];
}
