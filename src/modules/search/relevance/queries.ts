// The labelled queries: what buyers type (Thai, Chinese, English, mixed, misspelt, half-typed) and
// the products (by slug, from catalog.ts) a good search puts first. `top` lists the products that
// must fill the first top.length places, in any order; an empty list means nothing should be found.
export type QueryKind = 'thai' | 'chinese' | 'english' | 'mixed' | 'misspelt' | 'half-typed' | 'nothing';
export interface LabelledQuery {
  q: string;
  kind: QueryKind;
  top: string[];
}

const durians = ['monthong-5kg', 'chanee-3kg', 'kanyao-nonthaburi'];
const jasmine = ['tkr-jasmine-5kg', 'organic-hom-mali-1kg'];
const coffees = ['nan-arabica', 'chumphon-robusta', 'arabica-drip'];

export const LABELLED_QUERIES: LabelledQuery[] = [
  { kind: 'thai', q: 'ทุเรียน', top: durians },
  { kind: 'thai', q: 'ทุเรียนหมอนทอง', top: ['monthong-5kg'] },
  { kind: 'thai', q: 'หมอนทอง', top: ['monthong-5kg'] },
  { kind: 'thai', q: 'ข้าวหอมมะลิ', top: jasmine },
  { kind: 'thai', q: 'ข้าวเหนียว', top: ['sticky-rice-2kg'] },
  { kind: 'thai', q: 'มังคุด', top: ['mangosteen-2kg'] },
  { kind: 'thai', q: 'กาแฟ', top: coffees },
  { kind: 'thai', q: 'กาแฟอาราบิก้า', top: ['nan-arabica', 'arabica-drip'] },
  { kind: 'thai', q: 'ผ้าไหม', top: ['silk-scarf', 'mudmee-surin'] },
  { kind: 'thai', q: 'ผ้าพันคอ', top: ['silk-scarf'] },
  { kind: 'thai', q: 'มะม่วงอบแห้ง', top: ['dried-mango'] },
  { kind: 'thai', q: 'มะขามหวาน', top: ['sweet-tamarind'] },
  { kind: 'thai', q: 'น้ำปลา', top: ['rayong-fish-sauce'] },
  { kind: 'thai', q: 'น้ำผึ้ง', top: ['longan-honey'] },
  { kind: 'thai', q: 'สบู่', top: ['turmeric-soap'] },
  { kind: 'thai', q: 'ชาอู่หลง', top: ['mae-salong-oolong'] },
  { kind: 'thai', q: 'ลำไยอบแห้ง', top: ['dried-longan'] },
  { kind: 'thai', q: 'เครื่องปั้นดินเผา', top: ['dan-kwian-vase'] },
  { kind: 'thai', q: 'ตะกร้า', top: ['hyacinth-basket'] },
  { kind: 'thai', q: 'กุ้งแห้ง', top: ['dried-shrimp'] },
  { kind: 'thai', q: 'ข้าวไรซ์เบอร์รี่', top: ['riceberry-organic'] },
  { kind: 'thai', q: 'เงาะ', top: ['rambutan-rongrien'] },

  { kind: 'chinese', q: '榴莲', top: durians },
  { kind: 'chinese', q: '金枕头榴莲', top: ['monthong-5kg'] },
  { kind: 'chinese', q: '香米', top: jasmine },
  { kind: 'chinese', q: '茉莉香米', top: jasmine },
  { kind: 'chinese', q: '山竹', top: ['mangosteen-2kg'] },
  { kind: 'chinese', q: '红毛丹', top: ['rambutan-rongrien'] },
  { kind: 'chinese', q: '芒果干', top: ['dried-mango'] },
  { kind: 'chinese', q: '咖啡', top: coffees },
  { kind: 'chinese', q: '丝绸围巾', top: ['silk-scarf'] },
  { kind: 'chinese', q: '鱼露', top: ['rayong-fish-sauce'] },
  { kind: 'chinese', q: '蜂蜜', top: ['longan-honey'] },
  { kind: 'chinese', q: '龙眼干', top: ['dried-longan'] },
  { kind: 'chinese', q: '乌龙茶', top: ['mae-salong-oolong'] },
  { kind: 'chinese', q: '糯米', top: ['sticky-rice-2kg'] },
  { kind: 'chinese', q: '香皂', top: ['turmeric-soap'] },

  { kind: 'english', q: 'durian', top: durians },
  { kind: 'english', q: 'monthong durian', top: ['monthong-5kg'] },
  { kind: 'english', q: 'jasmine rice', top: jasmine },
  { kind: 'english', q: 'mangosteen', top: ['mangosteen-2kg'] },
  { kind: 'english', q: 'dried mango', top: ['dried-mango'] },
  { kind: 'english', q: 'coffee beans', top: ['nan-arabica'] },
  { kind: 'english', q: 'silk scarf', top: ['silk-scarf'] },
  { kind: 'english', q: 'fish sauce', top: ['rayong-fish-sauce'] },
  { kind: 'english', q: 'honey', top: ['longan-honey'] },
  { kind: 'english', q: 'oolong tea', top: ['mae-salong-oolong'] },
  { kind: 'english', q: 'riceberry', top: ['riceberry-organic'] },
  { kind: 'english', q: 'sticky rice', top: ['sticky-rice-2kg'] },
  { kind: 'english', q: 'turmeric soap', top: ['turmeric-soap'] },
  { kind: 'english', q: 'pottery', top: ['dan-kwian-vase'] },

  { kind: 'mixed', q: 'durian จันทบุรี', top: ['monthong-5kg', 'chanee-3kg'] },
  { kind: 'mixed', q: '榴莲 5 กก.', top: ['monthong-5kg'] },
  { kind: 'mixed', q: 'ข้าว organic', top: ['organic-hom-mali-1kg', 'riceberry-organic'] },
  { kind: 'mixed', q: 'coffee น่าน', top: ['nan-arabica'] },
  { kind: 'mixed', q: '芒果 อบแห้ง', top: ['dried-mango'] },
  { kind: 'mixed', q: 'silk 清迈', top: ['silk-scarf'] },
  { kind: 'english', q: 'durian chips', top: ['durian-chips'] },
  { kind: 'thai', q: 'ขนมทุเรียน', top: ['durian-chips'] },
  { kind: 'thai', q: 'ของฝากเชียงใหม่', top: ['bo-sang-umbrella'] },
  { kind: 'chinese', q: '泰国香米 5公斤', top: ['tkr-jasmine-5kg'] },

  { kind: 'misspelt', q: 'ทูเรียน', top: durians },
  { kind: 'misspelt', q: 'ข้าวหอมมะลี', top: jasmine },
  { kind: 'misspelt', q: 'มังคุต', top: ['mangosteen-2kg'] },
  { kind: 'misspelt', q: 'durain', top: durians },
  { kind: 'misspelt', q: 'cofee', top: coffees },
  { kind: 'misspelt', q: 'ลำใยอบแห้ง', top: ['dried-longan'] },
  { kind: 'misspelt', q: 'mangosten', top: ['mangosteen-2kg'] },
  { kind: 'misspelt', q: 'มะขามหวน', top: ['sweet-tamarind'] },
  // A Chinese homophone slip (流 for 榴): found only through pinyin, which the search does not have yet.
  { kind: 'misspelt', q: '流莲', top: durians },

  { kind: 'half-typed', q: 'ทุเรีย', top: durians },
  { kind: 'half-typed', q: 'มังค', top: ['mangosteen-2kg'] },
  { kind: 'half-typed', q: '榴', top: durians },
  { kind: 'half-typed', q: 'jasm', top: jasmine },
  { kind: 'half-typed', q: 'มะม่วงอบ', top: ['dried-mango'] },
  { kind: 'half-typed', q: 'coff', top: coffees },
  { kind: 'half-typed', q: 'ผ้าไห', top: ['silk-scarf', 'mudmee-surin'] },

  { kind: 'nothing', q: 'มือถือ', top: [] },
  { kind: 'nothing', q: 'ตู้เย็น', top: [] },
  { kind: 'nothing', q: 'laptop', top: [] },
];
