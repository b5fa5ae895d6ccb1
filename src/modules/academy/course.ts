// The academy's courses as content in code: modules of lessons (text, images, a video by URL,
// downloadable files) in Thai, Chinese and English, prerequisites, estimated minutes, and each
// course's quiz with its question bank. The demo course is "SMEs 4.0: selling online"; its
// cross-border lesson states the CBEC rules in /work/shared/REFERENCE.md.
import type { Locale } from '../../platform/i18n.ts';
import { trainerCourse } from './trainer-course.ts';

export type T3 = { th: string; zh: string; en: string };
export type QuestionKind = 'single' | 'multiple' | 'true_false' | 'short';

export interface Lesson {
  id: string;
  title: T3;
  minutes: number;
  body: T3;
  images?: { src: string; alt: T3 }[];
  videoUrl?: string;
  files?: { name: string; href: string; bytes: number }[];
}
export interface Question {
  id: string;
  category: string;
  kind: QuestionKind;
  text: T3;
  /** For single/multiple; true_false uses the ids "true" and "false". */
  options?: { id: string; text: T3 }[];
  /** Option ids (single/multiple/true_false) or accepted short answers (lower case, trimmed). */
  correct: string[];
  feedback: T3;
}
export interface Quiz {
  id: string;
  /** How many questions of each category one attempt draws. */
  draw: Record<string, number>;
  passPercent: number;
  maxAttempts: number;
  bank: Question[];
}
export interface Course {
  id: string;
  title: T3;
  summary: T3;
  prerequisites: string[];
  modules: { id: string; title: T3; lessons: Lesson[] }[];
  quiz: Quiz;
}

const TF = [
  { id: 'true', text: { th: 'จริง', zh: '对', en: 'True' } },
  { id: 'false', text: { th: 'เท็จ', zh: '错', en: 'False' } },
];

export const DEMO_COURSE_ID = 'sme-4-0-selling-online';

export const demoCourse: Course = {
  id: DEMO_COURSE_ID,
  title: { th: 'SMEs 4.0: ขายออนไลน์', zh: 'SMEs 4.0：网上销售', en: 'SMEs 4.0: selling online' },
  summary: {
    th: 'เปิดร้านบนตลาด ถ่ายรูปสินค้า เขียนรายละเอียดภาษาไทยและจีน ตั้งราคาและค่าส่ง และขายไปจีนตามกฎการค้าข้ามพรมแดน',
    zh: '在 Talad 开店、拍摄商品、用泰文和中文撰写描述、定价与运费，以及按跨境电商规则向中国销售',
    en: 'Open a shop on Talad, photograph products, write in Thai and Chinese, price and ship, and sell to China under the cross-border rules',
  },
  prerequisites: [],
  modules: [
    {
      id: 'm1',
      title: { th: 'เริ่มต้นร้านค้า', zh: '开店入门', en: 'Starting the shop' },
      lessons: [
        {
          id: 'open-shop',
          minutes: 15,
          title: { th: 'เปิดร้านบนตลาด', zh: '在 Talad 开店', en: 'Opening a shop on Talad' },
          body: {
            th: 'สมัครด้วยเบอร์มือถือหรืออีเมล เลือกประเภทผู้ขาย (SME, OTOP, วิสาหกิจชุมชน, สหกรณ์) กรอกเลขประจำตัวผู้เสียภาษี 13 หลักและที่อยู่ที่จดทะเบียน แนบเอกสาร แล้วรอผู้ดูแลอนุมัติ ร้านที่จดทะเบียนภาษีมูลค่าเพิ่มต้องกรอกที่อยู่ให้ครบจึงออกใบกำกับภาษีได้',
            zh: '用手机号或邮箱注册，选择卖家类型（中小企业、OTOP、社区企业、合作社），填写 13 位纳税人识别号和注册地址，上传文件，等待平台审核。增值税登记的店铺须填写完整地址才能开具税务发票。',
            en: 'Sign up with a mobile number or email, choose the seller type (SME, OTOP, community enterprise, cooperative), enter the 13-digit tax ID and the registered address, attach the documents and wait for the operator to approve. A VAT-registered shop needs a complete address before it can issue tax invoices.',
          },
          videoUrl: 'https://www.youtube.com/watch?v=talad-open-shop',
          files: [{ name: 'checklist-open-shop.pdf', href: '/academy/files/checklist-open-shop.pdf', bytes: 48_213 }],
        },
        {
          id: 'photograph-products',
          minutes: 20,
          title: { th: 'ถ่ายรูปสินค้า', zh: '拍摄商品照片', en: 'Photographing products' },
          body: {
            th: 'ใช้แสงธรรมชาติจากหน้าต่าง พื้นหลังสีเรียบ ถ่ายสินค้าเต็มกรอบอย่างน้อย 3 มุม (หน้า ข้าง รายละเอียดฉลาก) ภาพแรกเป็นสี่เหลี่ยมจัตุรัสอย่างน้อย 1000×1000 พิกเซล ใส่ของเทียบขนาด และห้ามใส่ข้อความราคาหรือโลโก้ทับภาพ',
            zh: '使用窗边自然光和纯色背景，至少从 3 个角度拍满画面（正面、侧面、标签细节）。首图为正方形，至少 1000×1000 像素，放参照物显示尺寸，不要在图上叠加价格或标志。',
            en: 'Use window daylight and a plain background; fill the frame from at least 3 angles (front, side, label detail). The first picture is square, at least 1000×1000 pixels, with something for scale, and no price text or logo over it.',
          },
          images: [
            {
              src: '/academy/img/light-setup.svg',
              alt: { th: 'การจัดแสงจากหน้าต่าง', zh: '窗边布光示意', en: 'Window light set-up' },
            },
          ],
        },
      ],
    },
    {
      id: 'm2',
      title: { th: 'เขียนและตั้งราคา', zh: '撰写与定价', en: 'Writing and pricing' },
      lessons: [
        {
          id: 'writing-th-zh',
          minutes: 25,
          title: { th: 'เขียนรายละเอียดภาษาไทยและจีน', zh: '用泰文和中文撰写描述', en: 'Writing in Thai and Chinese' },
          body: {
            th: 'ชื่อสินค้าบอกว่าเป็นอะไร พันธุ์/แหล่ง ขนาด เช่น "ทุเรียนหมอนทอง จันทบุรี 3 กก." ภาษาไทยจำเป็น ภาษาจีน (简体) ช่วยให้ผู้ซื้อในจีนค้นเจอ เช่น "金枕头榴莲 尖竹汶 3公斤" อย่าใช้เครื่องแปลอัตโนมัติอย่างเดียว ให้คนที่อ่านจีนได้ตรวจ ระบุน้ำหนัก อายุการเก็บ และเลข อย. หรือเครื่องหมายรับรอง',
            zh: '商品标题写明是什么、品种/产地、规格，例如“金枕头榴莲 尖竹汶 3公斤”。泰文必填，简体中文让中国买家能搜到。不要只依赖机器翻译，请懂中文的人校对。注明重量、保质期以及 อย. 编号或认证标志。',
            en: 'A title says what it is, the variety/origin and the size, e.g. "ทุเรียนหมอนทอง จันทบุรี 3 กก." Thai is required; Chinese (simplified) lets buyers in China find it, e.g. "金枕头榴莲 尖竹汶 3公斤". Do not rely on machine translation alone; have a Chinese reader check it. State weight, shelf life and the FDA (อย.) number or certification marks.',
          },
        },
        {
          id: 'pricing-shipping',
          minutes: 20,
          title: { th: 'ตั้งราคาและค่าส่ง', zh: '定价与运费', en: 'Pricing and shipping' },
          body: {
            th: 'ราคา = ต้นทุนสินค้า + บรรจุภัณฑ์ + ค่าธรรมเนียมแพลตฟอร์ม + ค่าชำระเงิน + กำไร ชั่งน้ำหนักหลังแพ็ก ค่าส่งคิดจากน้ำหนักจริงหรือน้ำหนักตามปริมาตร (กว้าง×ยาว×สูง ÷ 5000) แล้วแต่อย่างไหนมากกว่า ตั้งราคาเป็นสตางค์ให้ชัด และบอกเวลาจัดส่ง',
            zh: '价格 = 商品成本 + 包装 + 平台佣金 + 支付手续费 + 利润。包装后称重，运费按实际重量或体积重量（长×宽×高 ÷ 5000）取较大者计算。写清价格和发货时间。',
            en: 'Price = cost of goods + packaging + platform commission + payment fee + margin. Weigh after packing; shipping is charged on the greater of actual weight and volumetric weight (L×W×H ÷ 5000). State the price clearly and the dispatch time.',
          },
        },
      ],
    },
    {
      id: 'm3',
      title: { th: 'ขายไปจีน', zh: '销往中国', en: 'Selling to China' },
      lessons: [
        {
          id: 'selling-to-china',
          minutes: 30,
          title: {
            th: 'ขายไปจีนตามกฎการค้าข้ามพรมแดน (CBEC)',
            zh: '按跨境电商（CBEC）规则销往中国',
            en: 'Selling to China under the cross-border (CBEC) rules',
          },
          body: {
            th: 'สินค้าต้องอยู่ในบัญชีรายการสินค้าที่อนุญาต (positive list) และเป็นการใช้ส่วนตัว มีสองแบบ: 9610 ส่งตรงทีละคำสั่งซื้อ และ 1210 เก็บในคลังทัณฑ์บน (แบบศูนย์ EEC ของตลาด) ผู้ซื้อซื้อได้ไม่เกิน 5,000 หยวนต่อครั้งและ 26,000 หยวนต่อปี ภายในวงเงินอากรเป็น 0% และเก็บภาษีมูลค่าเพิ่มและภาษีสรรพสามิตที่ 70% เช่น VAT 13% จ่ายจริง 9.1% สินค้าเกษตร (ข้าว ผลไม้สด) VAT 9% จ่าย 6.3% ฐานภาษี = ราคาขาย + ค่าขนส่ง + ค่าประกัน ศุลกากรจับคู่เอกสารสามชุด: คำสั่งซื้อ (CEB311) การชำระเงิน (CEB411) ใบขนส่ง (CEB511) ชื่อจริงและเลขบัตรผู้ซื้อต้องตรงกับผู้จ่ายเงิน',
            zh: '商品须在跨境电商零售进口正面清单内，且属个人自用。两种模式：9610 直购（按单发货）与 1210 保税（先入保税区，Talad 的 EEC 仓即此模式）。每位买家单次限额 5,000 元、年度限额 26,000 元。限额内关税为 0%，进口增值税和消费税按法定应纳税额的 70% 征收：增值税 13% 时实际为 9.1%，农产品（大米、鲜果）增值税 9% 时为 6.3%。完税价格 = 零售价 + 运费 + 保险费。海关比对订单（CEB311）、支付单（CEB411）、运单（CEB511）三单，买家实名和身份证号须与支付人一致。',
            en: 'Goods must be on the CBEC positive list and count as personal use. Two modes: 9610 direct (a parcel per order) and 1210 bonded (stock held in a bonded zone first, as Talad’s EEC hub does). Each buyer may spend at most 5,000 CNY per transaction and 26,000 CNY per calendar year. Within the limits tariff is 0% and import VAT and consumption tax are charged at 70%: with VAT 13% that is 9.1%; with VAT 9% (farm produce such as rice and fresh fruit) 6.3%. Dutiable value = retail price + freight + insurance. Customs matches three documents: the order (CEB311), the payment (CEB411) and the waybill (CEB511); the buyer’s real name and ID number must equal the payer’s.',
          },
          files: [{ name: 'cbec-rules-summary.pdf', href: '/academy/files/cbec-rules-summary.pdf', bytes: 61_904 }],
        },
      ],
    },
  ],
  quiz: {
    id: 'sme-4-0-final',
    draw: { shop: 1, photo: 1, writing: 1, pricing: 1, china: 2 },
    passPercent: 60,
    maxAttempts: 3,
    bank: [
      {
        id: 'q-shop-1',
        category: 'shop',
        kind: 'single',
        text: {
          th: 'เลขประจำตัวผู้เสียภาษีของไทยมีกี่หลัก',
          zh: '泰国纳税人识别号有几位？',
          en: 'How many digits is a Thai tax ID?',
        },
        options: [
          { id: 'a', text: { th: '10', zh: '10', en: '10' } },
          { id: 'b', text: { th: '13', zh: '13', en: '13' } },
          { id: 'c', text: { th: '15', zh: '15', en: '15' } },
        ],
        correct: ['b'],
        feedback: { th: 'เลขประจำตัวผู้เสียภาษีมี 13 หลัก', zh: '纳税人识别号为 13 位', en: 'The tax ID has 13 digits' },
      },
      {
        id: 'q-shop-2',
        category: 'shop',
        kind: 'true_false',
        text: {
          th: 'ร้านที่จดทะเบียน VAT ออกใบกำกับภาษีได้แม้ที่อยู่ยังไม่ครบ',
          zh: '增值税登记店铺即使地址不完整也能开税务发票',
          en: 'A VAT-registered shop can issue tax invoices before its address is complete',
        },
        options: TF,
        correct: ['false'],
        feedback: { th: 'ต้องกรอกที่อยู่ให้ครบก่อน', zh: '须先填写完整地址', en: 'The address must be complete first' },
      },
      {
        id: 'q-photo-1',
        category: 'photo',
        kind: 'multiple',
        text: {
          th: 'ข้อใดเป็นภาพสินค้าที่ดี (เลือกทุกข้อที่ถูก)',
          zh: '哪些是好的商品照片做法？（多选）',
          en: 'Which make a good product photo? (all that apply)',
        },
        options: [
          { id: 'a', text: { th: 'แสงธรรมชาติ', zh: '自然光', en: 'Daylight' } },
          { id: 'b', text: { th: 'พื้นหลังเรียบ', zh: '纯色背景', en: 'Plain background' } },
          { id: 'c', text: { th: 'พิมพ์ราคาทับภาพ', zh: '在图上写价格', en: 'Price text over the picture' } },
        ],
        correct: ['a', 'b'],
        feedback: {
          th: 'แสงธรรมชาติและพื้นหลังเรียบ ไม่ใส่ข้อความทับภาพ',
          zh: '自然光和纯色背景，不要叠加文字',
          en: 'Daylight and a plain background; no text over the picture',
        },
      },
      {
        id: 'q-writing-1',
        category: 'writing',
        kind: 'true_false',
        text: {
          th: 'ภาษาจีนในชื่อสินค้าช่วยให้ผู้ซื้อในจีนค้นเจอ',
          zh: '商品标题中的中文有助于中国买家搜到',
          en: 'Chinese in the title helps buyers in China find the product',
        },
        options: TF,
        correct: ['true'],
        feedback: {
          th: 'ใช่ ผู้ซื้อในจีนค้นด้วยภาษาจีน',
          zh: '是的，中国买家用中文搜索',
          en: 'Yes, buyers in China search in Chinese',
        },
      },
      {
        id: 'q-pricing-1',
        category: 'pricing',
        kind: 'short',
        text: {
          th: 'น้ำหนักตามปริมาตรคิดจาก กว้าง×ยาว×สูง หารด้วยเท่าไร',
          zh: '体积重量 = 长×宽×高 除以多少？',
          en: 'Volumetric weight is L×W×H divided by what?',
        },
        correct: ['5000', '5,000'],
        feedback: { th: 'หารด้วย 5000', zh: '除以 5000', en: 'Divided by 5000' },
      },
      {
        id: 'q-china-1',
        category: 'china',
        kind: 'single',
        text: {
          th: 'ผู้ซื้อในจีนซื้อผ่าน CBEC ได้ไม่เกินเท่าไรต่อครั้ง',
          zh: '中国买家通过跨境电商单次限额是多少？',
          en: 'What is the CBEC limit per transaction for a buyer in China?',
        },
        options: [
          { id: 'a', text: { th: '2,000 หยวน', zh: '2,000 元', en: '2,000 CNY' } },
          { id: 'b', text: { th: '5,000 หยวน', zh: '5,000 元', en: '5,000 CNY' } },
          { id: 'c', text: { th: '26,000 หยวน', zh: '26,000 元', en: '26,000 CNY' } },
        ],
        correct: ['b'],
        feedback: {
          th: '5,000 หยวนต่อครั้ง และ 26,000 หยวนต่อปี',
          zh: '单次 5,000 元，年度 26,000 元',
          en: '5,000 CNY per transaction and 26,000 CNY per year',
        },
      },
      {
        id: 'q-china-2',
        category: 'china',
        kind: 'single',
        text: {
          th: 'ทุเรียนสด (VAT 9%) ภายในวงเงิน เสียภาษีนำเข้ารวมเท่าไร',
          zh: '鲜榴莲（增值税 9%）在限额内综合税率是多少？',
          en: 'Within the limits, what is the combined import tax on fresh durian (VAT 9%)?',
        },
        options: [
          { id: 'a', text: { th: '9%', zh: '9%', en: '9%' } },
          { id: 'b', text: { th: '6.3%', zh: '6.3%', en: '6.3%' } },
          { id: 'c', text: { th: '9.1%', zh: '9.1%', en: '9.1%' } },
        ],
        correct: ['b'],
        feedback: { th: '9% × 70% = 6.3%', zh: '9% × 70% = 6.3%', en: '9% × 70% = 6.3%' },
      },
      {
        id: 'q-china-3',
        category: 'china',
        kind: 'multiple',
        text: {
          th: 'ศุลกากรจีนจับคู่เอกสารใดบ้าง',
          zh: '中国海关比对哪三单？',
          en: 'Which documents does Chinese customs match?',
        },
        options: [
          { id: 'a', text: { th: 'คำสั่งซื้อ CEB311', zh: '订单 CEB311', en: 'Order CEB311' } },
          { id: 'b', text: { th: 'การชำระเงิน CEB411', zh: '支付单 CEB411', en: 'Payment CEB411' } },
          { id: 'c', text: { th: 'ใบขนส่ง CEB511', zh: '运单 CEB511', en: 'Waybill CEB511' } },
          { id: 'd', text: { th: 'ใบกำกับภาษีไทย', zh: '泰国税务发票', en: 'Thai tax invoice' } },
        ],
        correct: ['a', 'b', 'c'],
        feedback: {
          th: 'คำสั่งซื้อ การชำระเงิน และใบขนส่ง',
          zh: '订单、支付单和运单',
          en: 'The order, the payment and the waybill',
        },
      },
    ],
  },
};

export const COURSES: readonly Course[] = [demoCourse, trainerCourse];
export const courseById = (id: string): Course | undefined => COURSES.find((c) => c.id === id);
export const lessonsOf = (c: Course): Lesson[] => c.modules.flatMap((m) => m.lessons);
export const pick = (t: T3, locale: Locale): string => t[locale] || t.th;
