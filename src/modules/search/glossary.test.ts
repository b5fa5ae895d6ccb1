import { describe, expect, it } from 'vitest';
import { THAI_SME_CATEGORIES } from '../catalog/testing.ts';
import { glossary, PRODUCT_TERMS } from './glossary.ts';
import { compileQuery, toTsquery } from './query.ts';
import { tokenize } from './tokenizer.ts';

const conceptsIn = (text: string) => {
  const tokens = tokenize(text);
  return glossary.tagDocument(tokens).flatMap((s) => s.concepts);
};

describe('the glossary', () => {
  it('has at least 200 product terms, each in Thai, Chinese and English, with known broader terms', () => {
    expect(PRODUCT_TERMS.length).toBeGreaterThanOrEqual(200);
    const keys = new Set(PRODUCT_TERMS.map((e) => e.key));
    expect(keys.size).toBe(PRODUCT_TERMS.length);
    for (const e of PRODUCT_TERMS) {
      expect([e.key, e.th.length > 0, e.zh.length > 0, e.en.length > 0]).toEqual([e.key, true, true, true]);
      for (const b of e.broader ?? []) expect(keys.has(b), `${e.key} -> ${b}`).toBe(true);
    }
  });

  it('knows a word for every seeded leaf category in all three languages', () => {
    const leaves = THAI_SME_CATEGORIES.flatMap((c) => c.children ?? []);
    const unknown = leaves.filter((c) => !['th', 'zh', 'en'].every((lang) => conceptsIn(c[lang as 'th']).length > 0));
    expect(unknown.map((c) => c.slug)).toEqual([]);
  });

  it('gives a Thai, a Chinese and an English product the same concepts', () => {
    for (const [th, zh, en] of [
      ['ทุเรียนหมอนทองจันทบุรี', '尖竹汶金枕头榴莲', 'Chanthaburi Monthong durian'],
      ['ข้าวหอมมะลิ 5 กก.', '茉莉香米 5公斤', 'jasmine rice 5 kg'],
      ['มะม่วงอบแห้ง', '芒果干', 'dried mango'],
      ['ผ้าพันคอไหม', '丝绸围巾', 'silk scarf'],
    ]) {
      const expand = (t: string) => new Set(conceptsIn(t).flatMap((c) => glossary.withBroader(c)));
      expect(expand(zh)).toEqual(expand(th));
      expect(expand(en)).toEqual(expand(th));
    }
  });

  it('finds terms ICU cut apart and terms inside longer Chinese words', () => {
    expect(conceptsIn('กาแฟอาราบิก้า')).toEqual(['coffee', 'arabica']);
    expect(conceptsIn('咖啡豆')).toEqual(['coffee_beans']);
    // 金枕头 (Monthong) is not a pillow (枕头) even though the word is in it.
    expect(conceptsIn('金枕头')).toEqual(['monthong']);
    // One-character terms count only as whole words: 米 (rice) is not in 玉米 (corn).
    expect(conceptsIn('玉米')).toEqual(['corn']);
  });

  it('a Thai province is a place in every language', () => {
    expect(glossary.conceptsOf('尖竹汶')).toEqual(glossary.conceptsOf('จันทบุรี'));
    expect(glossary.conceptsOf('Chanthaburi')).toEqual(glossary.conceptsOf('จันทบุรี'));
  });
});

describe('what a query asks for', () => {
  // A description's words are indexed as '.word' (see lexemes.ts): matched whole, never half-typed.
  it('every word, each in any language', () => {
    expect(toTsquery(compileQuery('榴莲 '))).toBe("('榴莲' | '.榴莲' | '~durian')");
    expect(toTsquery(compileQuery('durian จันทบุรี '))).toBe(
      "('durian' | '.durian' | '~durian') & ('จันทบุรี' | '.จันทบุรี' | '~province_22')",
    );
  });

  it('Thai words written together as a phrase, so มือถือ finds โทรศัพท์มือถือ but not มือ and ถือ apart', () => {
    expect(toTsquery(compileQuery('มือถือ '))).toBe("(('มือ' <-> 'ถือ') | ('.มือ' <-> '.ถือ'))");
  });

  it('the last word half-typed, in any language, but not a single letter', () => {
    expect(toTsquery(compileQuery('榴'))).toBe("('榴':* | '.榴' | '~durian' | '~durian_chips')");
    expect(toTsquery(compileQuery('jasm'))).toBe("('jasm':* | '.jasm' | '~jasmine' | '~jasmine_rice')");
    expect(toTsquery(compileQuery('ลิ้นจี่ ส'))).toBe("('ลิ้นจี่' | '.ลิ้นจี่' | '~lychee') & ('ส' | '.ส')");
    // ICU cuts a half-typed Thai word into pieces; the pieces together may also begin a word.
    expect(toTsquery(compileQuery('ทุเรีย'))).toContain("'ทุเรีย':*");
  });

  it('leaves out words that say nothing about the product, unless they are all there is', () => {
    expect(toTsquery(compileQuery('ข้าวหอมมะลิราคาถูก ส่งฟรี '))).toBe(
      "(('ข้าว' <-> 'หอม' <-> 'มะลิ') | ('.ข้าว' <-> '.หอม' <-> '.มะลิ') | '~jasmine_rice')",
    );
    expect(toTsquery(compileQuery('ราคาถูก '))).toBe("(('ราคา' <-> 'ถูก') | ('.ราคา' <-> '.ถูก'))");
  });
});
