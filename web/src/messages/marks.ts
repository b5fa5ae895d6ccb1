// Messages of the storefront's badges, flagship storefront and flagship filter (in the main bundle:
// product, shop and search pages show them).
import { defineMessages } from '../app/i18n.ts';

defineMessages({
  'marks.verifiedBy': ['ตรวจสอบโดยตาลาด', 'Talad 已核实', 'Verified by Talad'],
  'marks.title': ['มาตรฐานและตรารับรอง', '认证与标准', 'Standards and marks'],
  'marks.explain': ['ตรารับรองนี้หมายถึงอะไร', '这个标志是什么意思', 'What this mark means'],
  'marks.number': ['เลขที่ {number}', '编号 {number}', 'No. {number}'],
  'marks.issuer': ['ออกโดย {issuer}', '签发机构：{issuer}', 'Issued by {issuer}'],
  'marks.validUntil': ['ใช้ได้ถึง {date}', '有效期至 {date}', 'Valid until {date}'],
  'marks.stars': ['{stars} ดาว ปี {year}', '{stars} 星（{year} 年）', '{stars} stars ({year})'],
  'marks.gi': ['GI: {name} ({number})', '地理标志：{name}（{number}）', 'GI: {name} ({number})'],
  'marks.origin': ['แหล่งผลิต {place}', '产地 {place}', 'Made in {place}'],
  'marks.facetExplain': [
    'นับเฉพาะตรารับรองที่เจ้าหน้าที่ตาลาดตรวจกับเอกสารแล้วและยังไม่หมดอายุ',
    '只计算 Talad 工作人员已核对文件且仍在有效期内的认证标志',
    'Only marks a Talad operator checked against their documents, and still valid, are counted',
  ],
  'marks.sandbox': [
    'การตรวจเลขกับหน่วยงานใช้ระบบจำลอง (sandbox)',
    '与签发机构的核对使用的是沙盒',
    'The agency look-up is a sandbox',
  ],
  'flagship.badge': ['ร้านเรือธง', '旗舰店', 'Flagship store'],
  'flagship.story': ['เรื่องราวของเรา', '品牌故事', 'Our story'],
  'flagship.lots': ['ล็อตแนะนำ สแกนย้อนกลับถึงแปลงปลูก', '精选批次，可追溯到产地', 'Featured lots, traced to the farm'],
  'flagship.lot': [
    'ล็อต {lot} · {area} · เก็บเกี่ยว {date}',
    '批次 {lot} · {area} · 收获 {date}',
    'Lot {lot} · {area} · harvested {date}',
  ],
  'flagship.trace': ['ดูที่มา', '查看溯源', 'Trace it'],
  'search.flagshipOnly': ['เฉพาะร้านเรือธง', '只看旗舰店', 'Flagship stores only'],
  'search.facet.store': ['ประเภทร้าน', '店铺', 'Store'],
});
