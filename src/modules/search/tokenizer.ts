// Turns product text and queries into search tokens, the same way for both. Thai and Chinese have
// no spaces between words: ICU's dictionaries (Intl.Segmenter, word granularity) find the words.
// Latin words are lower-cased and lightly stemmed; numbers are kept ("5 กก.", "iPhone 15").
//
// What ICU does with product words on Node 20 (checked when this was written):
//   โทรศัพท์มือถือราคาถูก -> โทรศัพท์ | มือ | ถือ | ราคา | ถูก
//   ทุเรียนหมอนทอง       -> ทุเรียน | หมอน | ทอง
//   金枕头榴莲            -> 金 | 枕头 | 榴莲
//   阿拉比卡咖啡豆        -> 阿拉 | 比 | 卡 | 咖啡豆     (咖啡 is inside one token)
//   อาราบิก้า             -> อา | รา | บิ | ก้า        (loanwords fall apart into syllables)
// Words ICU splits are still found: a query is split the same way and its tokens must follow each
// other (a phrase), and the glossary matches terms over joined tokens (Thai) or characters (Chinese).
export type Script = 'thai' | 'han' | 'latin' | 'number';
export interface Token {
  text: string;
  script: Script;
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

const PIECE = /(\p{Script=Thai}+)|(\p{Script=Han}+)|(\d+(?:[.,]\d+)*)|([\p{L}\p{M}]+(?:['’][\p{L}]+)*)/gu;

/**
 * One spelling for one word: compatibility forms folded (full-width "ｋｇ" -> "kg"), Thai digits to
 * Arabic, SARA AM typed as NIKHAHIT + SARA AA put back together (NFKC splits it, and ICU then
 * cuts "น้ำ" apart), invisible characters removed, a vowel or tone mark typed twice kept once.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, '$1\u0e33')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\1+/g, '$1')
    .toLowerCase();
}

/** Light English stemming: plurals only ("mangoes" -> "mango", "berries" -> "berry", "boxes" -> "box"). */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(word) || word.endsWith('oes')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function latinToken(word: string): string {
  return stemEnglish(word.replace(/['’]s$/, '').replace(/['’]/g, ''));
}

/** "1,200" -> "1200" (a thousands separator); "3.5" stays. */
function numberToken(n: string): string {
  return /^\d{1,3}(?:,\d{3})+$/.test(n) ? n.replace(/,/g, '') : n.replace(/,/g, '.');
}

function pushPieces(word: string, out: Token[]): void {
  for (const m of word.matchAll(PIECE)) {
    if (m[1]) out.push({ text: m[1], script: 'thai' });
    else if (m[2]) out.push({ text: m[2], script: 'han' });
    else if (m[3]) out.push({ text: numberToken(m[3]), script: 'number' });
    else if (m[4]) {
      const t = latinToken(m[4]);
      if (t) out.push({ text: t, script: 'latin' });
    }
  }
}

/**
 * The tokens of a text, in order. Segments ICU marks as words are split further where the script
 * changes ("ข้าว100" -> ข้าว, 100; "5kg" -> 5, kg; "iphone15" -> iphone, 15). ICU never joins
 * words across a space, so each space-separated chunk is segmented on its own, and chunks seen
 * before (units, brands, "ส่งฟรี", the same phrase in many listings) come from a bounded memo.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const chunk of normalizeText(text).split(/\s+/)) {
    if (!chunk) continue;
    let tokens = chunkCache.get(chunk);
    if (!tokens) {
      tokens = [];
      for (const seg of segmenter.segment(chunk)) if (seg.isWordLike) pushPieces(seg.segment, tokens);
      if (chunkCache.size >= CACHE_LIMIT) chunkCache.clear();
      chunkCache.set(chunk, tokens);
    }
    for (const t of tokens) out.push(t);
  }
  return out;
}

const chunkCache = new Map<string, Token[]>();
const CACHE_LIMIT = 50_000;

/**
 * A spelling-tolerant key for Thai: tone marks and silent-letter marks dropped, long and short
 * vowels merged, ใ written as ไ. "ทูเรียน", "ทุเรียน" and "ลำใย", "ลำไย" fold the same.
 */
export function foldThai(word: string): string {
  return word
    .replace(/[\u0e47-\u0e4c]/g, '')
    .replace(/\u0e39/g, '\u0e38')
    .replace(/\u0e35/g, '\u0e34')
    .replace(/\u0e37/g, '\u0e36')
    .replace(/\u0e43/g, '\u0e44');
}

/** Damerau-Levenshtein distance (adjacent swaps count one): "durain" is 1 from "durian". */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...new Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}
