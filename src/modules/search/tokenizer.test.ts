import { describe, expect, it } from 'vitest';
import { editDistance, foldThai, normalizeText, stemEnglish, tokenize } from './tokenizer.ts';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokenizing product text', () => {
  it('finds Thai words without spaces, as ICU segments them on this Node', () => {
    expect(words('โทรศัพท์มือถือราคาถูก')).toEqual(['โทรศัพท์', 'มือ', 'ถือ', 'ราคา', 'ถูก']);
    expect(words('ทุเรียนหมอนทอง')).toEqual(['ทุเรียน', 'หมอน', 'ทอง']);
    expect(words('ข้าวหอมมะลิทุ่งกุลาร้องไห้')).toEqual(['ข้าว', 'หอม', 'มะลิ', 'ทุ่ง', 'กุลา', 'ร้องไห้']);
  });

  it('finds Chinese words', () => {
    expect(words('金枕头榴莲')).toEqual(['金', '枕头', '榴莲']);
    expect(words('泰国茉莉香米')).toEqual(['泰国', '茉莉', '香', '米']);
  });

  it('keeps Latin words and numbers inside Thai and Chinese text', () => {
    expect(words('iPhone 15 ราคาถูก')).toEqual(['iphone', '15', 'ราคา', 'ถูก']);
    expect(words('ทุเรียน 5 กก.')).toEqual(['ทุเรียน', '5', 'กก']);
    expect(words('ข้าว100% 5kg')).toEqual(['ข้าว', '100', '5', 'kg']);
    expect(words('尖竹汶榴莲5公斤')).toEqual(['尖', '竹', '汶', '榴莲', '5', '公斤']);
    expect(words('1,200 เมตร 3.5')).toEqual(['1200', 'เมตร', '3.5']);
  });

  it('lower-cases English and takes plurals back to one word', () => {
    expect(words('Dried MANGOES, berries and boxes')).toEqual(['dried', 'mango', 'berry', 'and', 'box']);
    expect(words("Uncle Chai's durians")).toEqual(['uncle', 'chai', 'durian']);
    expect(stemEnglish('glass')).toBe('glass');
    expect(stemEnglish('asparagus')).toBe('asparagus');
  });

  it('reads the same word the same way however it was typed', () => {
    // SARA AM typed as NIKHAHIT + SARA AA, full-width Latin, Thai digits, a doubled vowel.
    expect(words('นํ้าปลา')).toEqual(words('น้ำปลา'));
    expect(words('ｋｇ')).toEqual(['kg']);
    expect(normalizeText('๕ กก.')).toBe('5 กก.');
    expect(words('ทุุเรียน')).toEqual(['ทุเรียน']);
  });

  it('folds Thai tone-mark and vowel-length slips to one key', () => {
    expect(foldThai('ทูเรียน')).toBe(foldThai('ทุเรียน'));
    expect(foldThai('ลำใย')).toBe(foldThai('ลำไย'));
    expect(foldThai('ข้าวหอมมะลี')).toBe(foldThai('ข้าวหอมมะลิ'));
    expect(foldThai('มังคุด')).not.toBe(foldThai('มะม่วง'));
  });

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('durain', 'durian')).toBe(1);
    expect(editDistance('cofee', 'coffee')).toBe(1);
    expect(editDistance('มังคุต', 'มังคุด')).toBe(1);
    expect(editDistance('rice', 'tea')).toBe(4);
  });
});
