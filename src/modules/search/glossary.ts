// The glossary at work: finds glossary terms in a token list and names their concepts, so that a
// product is indexed under "~durian" wherever it says ทุเรียน, 榴莲 or durian, and a query in any of
// the three languages asks for "~durian". Terms are matched by the tokenizer's own output, so a
// document and a query agree: Thai and Latin terms over whole tokens joined (ICU may cut
// "อาราบิก้า" into syllables; joined, they still spell the term), Chinese by the longest term at
// each character (咖啡 inside the single token 咖啡豆).
import { PROVINCES } from '../../platform/provinces.ts';
import { tokenize, type Token } from './tokenizer.ts';
import { FOOD_TERMS, type GlossaryEntry } from './glossary-food.ts';
import { GOODS_TERMS } from './glossary-goods.ts';

export type { GlossaryEntry };

/** Product terms (food, goods, qualities, units); provinces are added as places of origin. */
export const PRODUCT_TERMS: GlossaryEntry[] = [...FOOD_TERMS, ...GOODS_TERMS];

const PLACE_TERMS: GlossaryEntry[] = PROVINCES.map((p) => ({
  key: `province_${p.code}`,
  th: [p.th, `จังหวัด${p.th}`, `จ.${p.th}`],
  zh: [p.zh, `${p.zh}府`],
  en: [p.en],
}));

export interface ConceptSpan {
  start: number;
  end: number;
  concepts: string[];
}

/** A concept's lexeme in the index: "~" cannot come out of the tokenizer, so it never clashes with a word. */
export const conceptLexeme = (key: string) => `~${key}`;

const isHan = (t: Token) => t.script === 'han';

export class Glossary {
  private readonly joined = new Map<string, string[]>();
  /** Every beginning of a joined term, so that joining more tokens stops as soon as no term can follow. */
  private readonly beginnings = new Set<string>();
  private readonly han = new Map<string, string[]>();
  private readonly broader = new Map<string, string[]>();
  private readonly closure = new Map<string, string[]>();
  private maxTokens = 1;
  private maxHanChars = 1;
  /** Every term as the tokenizer spells it, for spelling suggestions. */
  readonly vocabulary = new Set<string>();

  constructor(entries: GlossaryEntry[]) {
    for (const e of entries) {
      if (e.broader?.length) this.broader.set(e.key, e.broader);
      for (const term of [...e.th, ...e.zh, ...e.en]) {
        const tokens = tokenize(term);
        if (!tokens.length) continue;
        const key = tokens.map((t) => t.text).join('');
        add(this.joined, key, e.key);
        for (let n = 1; n <= key.length; n++) this.beginnings.add(key.slice(0, n));
        this.maxTokens = Math.max(this.maxTokens, tokens.length);
        this.vocabulary.add(key);
        for (const t of tokens) this.vocabulary.add(t.text);
        if (tokens.every(isHan) && [...key].length > 1) {
          add(this.han, key, e.key);
          this.maxHanChars = Math.max(this.maxHanChars, [...key].length);
        }
      }
    }
  }

  private sortedKeys: string[] | null = null;

  /**
   * Concepts of the terms that begin with what was typed so far ("榴" -> durian, "mangos" ->
   * mangosteen), at most `limit`, shortest terms first. Too short a beginning finds nothing.
   */
  conceptsStartingWith(prefix: string, limit = 4): string[] {
    const minimum = /\p{Script=Han}/u.test(prefix) ? 1 : /\p{Script=Thai}/u.test(prefix) ? 2 : 3;
    if ([...prefix].length < minimum) return [];
    this.sortedKeys ??= [...this.joined.keys()].sort();
    const keys = this.sortedKeys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < keys.length && keys[i].startsWith(prefix); i++) found.push(keys[i]);
    found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    const concepts: string[] = [];
    for (const key of found)
      for (const c of this.joined.get(key)!) if (!concepts.includes(c) && concepts.length < limit) concepts.push(c);
    return concepts;
  }

  /** The concept and every broader one ("monthong" -> monthong, durian, fruit). */
  withBroader(key: string): string[] {
    let out = this.closure.get(key);
    if (!out) {
      const seen = new Set<string>([key]);
      const queue = [key];
      while (queue.length)
        for (const b of this.broader.get(queue.shift()!) ?? [])
          if (!seen.has(b)) {
            seen.add(b);
            queue.push(b);
          }
      out = [...seen];
      this.closure.set(key, out);
    }
    return out;
  }

  /** Concepts of a whole term typed alone ("榴莲" -> durian), or none. */
  conceptsOf(text: string): string[] {
    return (
      this.joined.get(
        tokenize(text)
          .map((t) => t.text)
          .join(''),
      ) ?? []
    );
  }

  /**
   * The glossary terms in the tokens, for indexing a document: every match not inside a longer one
   * (金枕头 wins over the 枕头 in it, but 水仙芒果 and 芒果干 overlap and both count).
   */
  tagDocument(tokens: Token[]): ConceptSpan[] {
    const all = this.matches(tokens);
    return all.filter((m) => !all.some((o) => o.cs <= m.cs && o.ce >= m.ce && o.ce - o.cs > m.ce - m.cs));
  }

  /** The glossary terms in a query's tokens: no two share a token, the longest first from the left. */
  tagQuery(tokens: Token[]): ConceptSpan[] {
    const byStart = new Map<number, Match>();
    for (const m of this.matches(tokens)) {
      const best = byStart.get(m.start);
      if (!best || m.end - m.start > best.end - best.start || (m.end === best.end && m.ce - m.cs > best.ce - best.cs))
        byStart.set(m.start, m);
    }
    const spans: ConceptSpan[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = byStart.get(i);
      if (m) {
        spans.push(m);
        i = m.end;
      } else i++;
    }
    return spans;
  }

  /** Every match: Thai and Latin terms over whole tokens joined, Chinese terms at any character. */
  private matches(tokens: Token[]): Match[] {
    const out: Match[] = [];
    const offsets: number[] = [];
    let offset = 0;
    for (const t of tokens) {
      offsets.push(offset);
      offset += t.text.length;
    }
    for (let i = 0; i < tokens.length; i++) {
      if (isHan(tokens[i])) continue;
      let key = '';
      for (let j = i; j < Math.min(tokens.length, i + this.maxTokens) && !isHan(tokens[j]); j++) {
        key += tokens[j].text;
        if (!this.beginnings.has(key)) break;
        const concepts = this.joined.get(key);
        if (concepts)
          out.push({ start: i, end: j + 1, cs: offsets[i], ce: offsets[j] + tokens[j].text.length, concepts });
      }
    }
    // Chinese: each run of Chinese tokens as one string of characters.
    for (let i = 0; i < tokens.length; ) {
      if (!isHan(tokens[i])) {
        i++;
        continue;
      }
      const chars: string[] = [];
      const owner: number[] = [];
      for (; i < tokens.length && isHan(tokens[i]); i++)
        for (const ch of tokens[i].text) {
          chars.push(ch);
          owner.push(i);
        }
      const base = offsets[owner[0]];
      for (let c = 0; c < chars.length; c++) {
        const t = owner[c];
        // A one-character term (米, 茶) counts only as a whole token, never inside a longer word.
        if (tokens[t].text.length === 1 && this.joined.has(chars[c])) {
          out.push({ start: t, end: t + 1, cs: base + c, ce: base + c + 1, concepts: this.joined.get(chars[c])! });
        }
        let key = chars[c];
        for (let len = 2; len <= Math.min(this.maxHanChars, chars.length - c); len++) {
          key += chars[c + len - 1];
          const concepts = this.han.get(key);
          if (concepts) out.push({ start: t, end: owner[c + len - 1] + 1, cs: base + c, ce: base + c + len, concepts });
        }
      }
    }
    return out;
  }
}

interface Match extends ConceptSpan {
  cs: number;
  ce: number;
}

function add(map: Map<string, string[]>, key: string, concept: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [concept]);
  else if (!list.includes(concept)) list.push(concept);
}

export const glossary = new Glossary([...PRODUCT_TERMS, ...PLACE_TERMS]);
