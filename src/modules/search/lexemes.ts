// A document's words as a PostgreSQL tsvector literal, built here rather than by to_tsvector: the
// words come from the tokenizer (ICU for Thai and Chinese), each position carries the weight of
// its field (A title, B attributes, C description), and every glossary term adds its concepts
// ("~durian", and the broader ones) at the position of its first word. Lexemes are kept few:
// the row is read for every match, so its width is what a broad query costs.
import { tokenize } from './tokenizer.ts';
import { conceptLexeme, glossary } from './glossary.ts';

export type Weight = 'A' | 'B' | 'C';

/** Positions kept per word: enough for phrases in every field, small enough to stay in the row. */
const MAX_POSITIONS = 3;
/** Fields and languages are kept apart so that no phrase runs from one into the next. */
const FIELD_GAP = 5;
/** PostgreSQL stores positions up to 16383. */
const MAX_POSITION = 16_000;
/** A description counts for its first words; what a buyer types is in the title or the start. */
export const DESCRIPTION_CHARS = 160;

/**
 * A description's words are kept apart ('.word'): they match whole words only, never as the
 * beginning of a half-typed word (so "shi" finds shirts, not every description that says "shipped").
 */
export const descriptionLexeme = (word: string) => `.${word}`;

export class LexemeWriter {
  private readonly entries = new Map<string, string[]>();
  private position = 1;
  /** Title and attribute words, for the spelling vocabulary. */
  readonly words = new Set<string>();

  add(text: string | null | undefined, weight: Weight): void {
    if (!text || this.position > MAX_POSITION) return;
    const tokens = tokenize(weight === 'C' ? text.slice(0, DESCRIPTION_CHARS) : text);
    if (!tokens.length) return;
    const base = this.position;
    tokens.forEach((t, i) => {
      this.put(weight === 'C' ? descriptionLexeme(t.text) : t.text, base + i, weight);
      if (weight !== 'C' && t.script !== 'number') this.words.add(t.text);
    });
    for (const span of glossary.tagDocument(tokens)) {
      for (const concept of span.concepts) {
        for (const key of glossary.withBroader(concept)) this.put(conceptLexeme(key), base + span.start, weight);
      }
    }
    this.position = base + tokens.length + FIELD_GAP;
  }

  private put(lexeme: string, position: number, weight: Weight): void {
    if (position > MAX_POSITION) return;
    const list = this.entries.get(lexeme);
    const entry = `${position}${weight}`;
    if (!list) this.entries.set(lexeme, [entry]);
    else if (list.length < MAX_POSITIONS && !list.includes(entry)) list.push(entry);
  }

  /** The tsvector literal: 'lexeme':1A,5B ... */
  toString(): string {
    const parts: string[] = [];
    for (const [lexeme, positions] of this.entries) {
      parts.push(`'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${positions.join(',')}`);
    }
    return parts.join(' ');
  }
}
