// The standards module's texts in Thai, Chinese and English: problems and field errors, what each
// mark means (the badge's explanation), flagship requirements, notices to shops, trace page steps.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  certificate_number_taken: {
    th: 'เลขนี้ลงทะเบียนไว้กับร้านอื่นแล้ว',
    zh: '该编号已由另一家店铺登记',
    en: 'This number is already registered by another shop',
  },
  document_too_large: {
    th: 'ไฟล์เอกสารใหญ่เกินไป (ไม่เกิน {max} MB)',
    zh: '文件过大（最大 {max} MB）',
    en: 'The document is too large (at most {max} MB)',
  },
  document_not_supported: {
    th: 'เอกสารต้องเป็นไฟล์ PDF หรือรูปภาพ JPEG, PNG, WebP',
    zh: '文件必须是 PDF 或 JPEG、PNG、WebP 图片',
    en: 'The document must be a PDF or a JPEG, PNG or WebP image',
  },
  certificate_wrong_status: {
    th: 'ใบรับรองนี้อยู่ในสถานะ {status} ทำรายการนี้ไม่ได้',
    zh: '该证书处于 {status} 状态，无法执行此操作',
    en: 'This certificate is {status}; this step is not possible',
  },
  certificate_already_expired: {
    th: 'ใบรับรองนี้หมดอายุแล้ว รับรองไม่ได้',
    zh: '该证书已过期，不能认证',
    en: 'This certificate has expired and cannot be verified',
  },
  flagship_requirements_unmet: {
    th: 'ยังไม่ผ่านเงื่อนไขร้านเรือธง {n} ข้อ',
    zh: '尚有 {n} 项旗舰店条件未满足',
    en: '{n} flagship store requirement(s) are not met',
  },
  lot_number_taken: {
    th: 'ร้านมีล็อตเลขนี้แล้ว',
    zh: '本店已有此批次号',
    en: 'The shop already has a lot with this number',
  },

  'field.fda_number_shape': {
    th: 'ต้องเป็นเลข 13 หลัก รูปแบบ XX-X-XXXXX-X-XXXX',
    zh: '必须是 13 位数字，格式 XX-X-XXXXX-X-XXXX',
    en: 'must be 13 digits written XX-X-XXXXX-X-XXXX',
  },
  'field.fda_number_province': {
    th: 'สองหลักแรก ({code}) ไม่ใช่รหัสจังหวัด',
    zh: '前两位（{code}）不是府代码',
    en: 'starts with {code}, which is not a province code',
  },
  'field.fda_number_premises_type': {
    th: 'หลักที่ 3 ต้องเป็นประเภทสถานที่ 1–4 (ได้ {digit})',
    zh: '第 3 位必须是场所类型 1–4（现为 {digit}）',
    en: 'its 3rd digit must be the premises type 1–4 (not {digit})',
  },
  'field.tis_standard_shape': {
    th: 'ต้องเป็นรูปแบบ มอก. เลขที่-ปี พ.ศ. เช่น มอก. 309-2525',
    zh: '格式必须为 มอก. 编号-佛历年份，例如 มอก. 309-2525',
    en: 'must be written มอก. <number>-<Buddhist year>, e.g. มอก. 309-2525',
  },
  'field.tis_standard_shape_year': {
    th: 'ปี พ.ศ. {year} ไม่ถูกต้อง',
    zh: '佛历年份 {year} 无效',
    en: 'the Buddhist year {year} is not valid',
  },
  'field.community_standard_shape': {
    th: 'ต้องเป็นรูปแบบ มผช. เลขที่/ปี พ.ศ. เช่น มผช. 1/2546',
    zh: '格式必须为 มผช. 编号/佛历年份，例如 มผช. 1/2546',
    en: 'must be written มผช. <number>/<Buddhist year>, e.g. มผช. 1/2546',
  },
  'field.community_standard_shape_year': {
    th: 'ปี พ.ศ. {year} ไม่ถูกต้อง',
    zh: '佛历年份 {year} 无效',
    en: 'the Buddhist year {year} is not valid',
  },
  'field.q_mark_shape': {
    th: 'ต้องเป็นรูปแบบ กษ AA-BBBB-CC-DDD-EEEEEE XXX (AC สำหรับส่งออก)',
    zh: '格式必须为 กษ AA-BBBB-CC-DDD-EEEEEE XXX（出口为 AC）',
    en: 'must be written กษ AA-BBBB-CC-DDD-EEEEEE XXX (AC for export)',
  },
  'field.q_mark_province': {
    th: 'รหัสจังหวัด {code} ไม่ใช่รหัส ISO 3166-2:TH',
    zh: '府代码 {code} 不是 ISO 3166-2:TH 代码',
    en: 'the province {code} is not an ISO 3166-2:TH code',
  },
  'field.q_mark_process': {
    th: 'ตัวย่อมาตรฐาน {process} ไม่ตรงกับประเภทใบรับรอง ({expected})',
    zh: '标准缩写 {process} 与证书类型（{expected}）不符',
    en: 'the standard {process} does not match the certificate kind ({expected})',
  },
  'field.halal_number_shape': {
    th: 'ต้องเป็นเลข 12 หลักใต้เครื่องหมายฮาลาล',
    zh: '必须是清真标志下的 12 位数字',
    en: 'must be the 12 digits under the halal mark',
  },
  'field.trademark_number_shape': {
    th: 'ต้องเป็นเลขทะเบียน (อักษรไทยตามด้วยตัวเลข เช่น ค123456) หรือเลขคำขอ 9 หลัก',
    zh: '必须是注册号（泰文字母加数字，如 ค123456）或 9 位申请号',
    en: 'must be a registration number (a Thai letter and digits, e.g. ค123456) or a 9-digit application number',
  },
  'field.number_shape': {
    th: 'ต้องมีตัวเลข และใช้ได้เฉพาะตัวอักษร ตัวเลข - / .',
    zh: '必须包含数字，只能使用字母、数字和 - / .',
    en: 'must hold digits and only letters, digits, - / .',
  },
  'field.bad_date': { th: 'ต้องเป็นวันที่ (ปปปป-ดด-วว)', zh: '必须是日期（YYYY-MM-DD）', en: 'must be a date (YYYY-MM-DD)' },
  'field.issued_in_future': { th: 'วันออกต้องไม่อยู่ในอนาคต', zh: '签发日期不能晚于今天', en: 'must not be in the future' },
  'field.in_future': { th: 'ต้องไม่อยู่ในอนาคต', zh: '不能晚于今天', en: 'must not be in the future' },
  'field.expiry_before_issue': {
    th: 'วันหมดอายุต้องอยู่หลังวันออก',
    zh: '到期日必须晚于签发日期',
    en: 'must be after the issue date',
  },
  'field.not_product_of_shop': { th: 'ไม่ใช่สินค้าของร้านนี้', zh: '不是本店商品', en: 'is not a product of this shop' },
  'field.not_variant_of_product': {
    th: 'ไม่ใช่ตัวเลือกของสินค้านี้',
    zh: '不是该商品的规格',
    en: 'is not a variant of this product',
  },
  'field.evidence_is_for_the_shop': {
    th: 'เอกสารเครื่องหมายการค้าเป็นของร้าน ไม่ใช่ของสินค้า',
    zh: '商标文件属于店铺，而非单个商品',
    en: 'trademark evidence belongs to the shop, not to a product',
  },
  'field.otop_stars': { th: 'ต้องเป็น 1 ถึง 5 ดาว', zh: '必须是 1 到 5 星', en: 'must be 1 to 5 stars' },
  'field.otop_year': {
    th: 'ต้องเป็นปีที่คัดสรร ระหว่าง 2004 (พ.ศ. 2547) ถึง {max}',
    zh: '必须是评选年份，2004 至 {max}',
    en: 'must be the selection year, 2004 to {max}',
  },
  'field.rice_variety': {
    th: 'ต้องเป็นพันธุ์ {allowed}',
    zh: '品种必须是 {allowed}',
    en: 'must be one of the varieties {allowed}',
  },
  'field.rice_purity': {
    th: 'ความบริสุทธิ์ต้องไม่ต่ำกว่า {min}%',
    zh: '纯度不得低于 {min}%',
    en: 'purity must be at least {min}%',
  },
  'field.not_the_owner': {
    th: 'ต้องได้รับอนุญาตจากเจ้าของเครื่องหมายโดยตรง (ไม่รับการอนุญาตช่วง)',
    zh: '必须直接由商标所有人授权（不接受转授权）',
    en: 'must be the trademark owner itself (one level of authorisation only)',
  },
  'field.not_exclusive': {
    th: 'ต้องเป็นการอนุญาตแต่เพียงผู้เดียว',
    zh: '必须是独家授权',
    en: 'must be an exclusive authorisation',
  },
  'field.unknown_place': {
    th: 'ไม่พบจังหวัด อำเภอ หรือตำบลรหัสนี้',
    zh: '没有此代码的府、县或区',
    en: 'is not the code of a province, district or sub-district',
  },
  'field.not_product_origin': {
    th: 'ต้องอยู่ในจังหวัดต้นทางของสินค้า ({province})',
    zh: '必须位于商品的产地府（{province}）',
    en: 'must lie in the product’s province of origin ({province})',
  },
  'field.unknown_gi': { th: 'ไม่พบสิ่งบ่งชี้ทางภูมิศาสตร์นี้', zh: '没有此地理标志', en: 'is not a registered GI' },
  'field.gi_outside_area': {
    th: 'อยู่นอกพื้นที่ที่ขึ้นทะเบียน GI “{gi}”',
    zh: '不在地理标志“{gi}”的登记区域内',
    en: 'is outside the registered area of the GI “{gi}”',
  },
  'field.gi_area_needs_district': {
    th: 'GI “{gi}” ครอบคลุมเพียงบางส่วนของจังหวัดนี้ กรุณาระบุอำเภอหรือตำบล',
    zh: '地理标志“{gi}”只覆盖该府的一部分，请填写县或区',
    en: 'the GI “{gi}” covers only part of this province: name the district or sub-district',
  },
  'field.number_of_another_shop': {
    th: 'ลงทะเบียนไว้กับร้านอื่นแล้ว',
    zh: '已由另一家店铺登记',
    en: 'is already registered by another shop',
  },
  'field.document_too_large': { th: 'ใหญ่เกิน {max} MB', zh: '超过 {max} MB', en: 'is larger than {max} MB' },
  'field.document_not_supported': {
    th: 'ต้องเป็น PDF, JPEG, PNG หรือ WebP',
    zh: '必须是 PDF、JPEG、PNG 或 WebP',
    en: 'must be a PDF, JPEG, PNG or WebP file',
  },
  'field.lot_area_needs_district': {
    th: 'ระบุอำเภอหรือตำบลของแปลงปลูก',
    zh: '请填写种植地块所在的县或区',
    en: 'name the district or sub-district of the plot',
  },
  'field.processed_before_harvest': {
    th: 'วันแปรรูปต้องไม่ก่อนวันเก็บเกี่ยว',
    zh: '加工日期不能早于收获日期',
    en: 'must not be before the harvest',
  },
  'field.not_certificate_of_shop': {
    th: 'ไม่ใช่ใบรับรองของร้านนี้',
    zh: '不是本店的证书',
    en: 'is not a certificate of this shop',
  },
  'field.lot_number_taken': { th: 'มีล็อตเลขนี้แล้ว', zh: '已有此批次号', en: 'is already a lot of this shop' },
  'field.not_lot_of_shop': { th: 'ไม่ใช่ล็อตของร้านนี้', zh: '不是本店的批次', en: 'is not a lot of this shop' },
  'field.requirement_legal_entity': {
    th: 'ต้องเป็นนิติบุคคลที่มีเลขประจำตัวผู้เสียภาษีถูกต้อง',
    zh: '必须是拥有有效税号的法人',
    en: 'must be a legal entity with a valid tax ID',
  },
  'field.requirement_trademark': {
    th: 'ต้องมีทะเบียนเครื่องหมายการค้า หรือหนังสืออนุญาตแต่เพียงผู้เดียวจากเจ้าของ ที่รับรองแล้วและยังไม่หมดอายุ',
    zh: '须有已认证且未过期的商标注册或所有人独家授权',
    en: 'needs a verified, unexpired trademark registration or exclusive authorisation from the owner',
  },
  'field.requirement_marks_per_product': {
    th: 'สินค้าที่แสดงในร้าน {missing} รายการยังไม่มีตรารับรองที่ตรวจสอบแล้ว',
    zh: '店铺展示的 {missing} 件商品尚无已认证标志',
    en: '{missing} listed product(s) have no verified mark',
  },
  'field.requirement_verified_share': {
    th: 'สินค้าที่มีตรารับรองแล้ว {percent}% ต้องไม่ต่ำกว่า {min}%',
    zh: '已认证商品占 {percent}%，须不低于 {min}%',
    en: '{percent}% of products carry a verified mark; at least {min}% must',
  },

  'standards.kind.trademark': { th: 'ทะเบียนเครื่องหมายการค้า', zh: '商标注册', en: 'Trademark registration' },
  'standards.kind.trademark_authorisation': {
    th: 'หนังสืออนุญาตใช้เครื่องหมายการค้า',
    zh: '商标使用授权',
    en: 'Trademark authorisation',
  },

  'standards.explain.fda': {
    th: 'สินค้าอาหารนี้มีเลขสารบบอาหารจาก อย. ตาลาดตรวจรูปแบบเลข รหัสจังหวัด และเอกสาร (เลข อย. แสดงการขึ้นทะเบียน ไม่ใช่การรับรองคุณภาพ)',
    zh: '该食品已在泰国食品药品监督管理局登记。Talad 核对了编号格式、府代码和证书文件（注册号证明已登记，并非质量认证）。',
    en: 'This food is registered with the Thai FDA. Talad checked the number’s shape, its province code and the document (the number proves registration, not quality).',
  },
  'standards.explain.tis': {
    th: 'ผลิตภัณฑ์ได้รับใบอนุญาตแสดงเครื่องหมายมาตรฐานอุตสาหกรรม (มอก.) ตาลาดตรวจใบอนุญาตกับเอกสารแล้ว',
    zh: '该产品获准使用泰国工业标准（TIS）标志。Talad 已核对许可证及其文件。',
    en: 'The product is licensed to carry the Thai Industrial Standard mark. Talad checked the licence against its document.',
  },
  'standards.explain.community_standard': {
    th: 'ผลิตภัณฑ์ชุมชนผ่านมาตรฐาน มผช. ของ สมอ. ตาลาดตรวจใบรับรองกับเอกสารแล้ว',
    zh: '该社区产品符合泰国工业标准协会的社区产品标准。Talad 已核对证书文件。',
    en: 'This community product meets TISI’s community product standard. Talad checked the certificate against its document.',
  },
  'standards.explain.gap': {
    th: 'แปลงปลูกผ่านการรับรองการปฏิบัติทางการเกษตรที่ดี (GAP) ตาลาดตรวจเลขรับรอง Q จังหวัด และเอกสารแล้ว',
    zh: '种植地通过了良好农业规范（GAP）认证。Talad 已核对 Q 标志编号、府代码和证书文件。',
    en: 'The farm is certified for Good Agricultural Practice. Talad checked the Q mark number, its province and the document.',
  },
  'standards.explain.organic': {
    th: 'ผลิตผลได้รับรองเกษตรอินทรีย์ (Organic Thailand) ตาลาดตรวจเลขรับรองและเอกสารแล้ว',
    zh: '该产品获得泰国有机认证。Talad 已核对认证编号和文件。',
    en: 'The produce is certified Organic Thailand. Talad checked the certificate number and document.',
  },
  'standards.explain.halal': {
    th: 'ผลิตภัณฑ์ได้รับรองฮาลาลจากคณะกรรมการกลางอิสลามแห่งประเทศไทย ตาลาดตรวจเลข 12 หลักและเอกสารแล้ว',
    zh: '该产品获得泰国伊斯兰中央委员会清真认证。Talad 已核对 12 位编号和文件。',
    en: 'The product is certified halal by the Central Islamic Council of Thailand. Talad checked the 12-digit number and document.',
  },
  'standards.explain.gi': {
    th: 'สินค้ามาจากพื้นที่ที่ขึ้นทะเบียนสิ่งบ่งชี้ทางภูมิศาสตร์ ตาลาดตรวจแล้วว่าแหล่งผลิตอยู่ในพื้นที่ที่ขึ้นทะเบียน',
    zh: '该商品来自已登记的地理标志产区。Talad 核实了产地位于登记区域内。',
    en: 'The product comes from a registered geographical indication. Talad checked that it is made inside the registered area.',
  },
  'standards.explain.otop': {
    th: 'ผลิตภัณฑ์ได้รับการคัดสรรเป็นสุดยอดหนึ่งตำบลหนึ่งผลิตภัณฑ์ (OTOP) ตาลาดตรวจระดับดาวและปีที่คัดสรรกับเอกสารแล้ว',
    zh: '该产品入选 OTOP 精品。Talad 已核对星级、评选年份和文件。',
    en: 'The product was selected as an OTOP Product Champion. Talad checked the stars and selection year against the document.',
  },
  'standards.explain.thai_hom_mali': {
    th: 'ข้าวหอมมะลิไทยที่ได้รับอนุญาตแสดงตรารับรองจากกรมการค้าต่างประเทศ (พันธุ์ขาวดอกมะลิ 105 หรือ กข 15 ความบริสุทธิ์ไม่ต่ำกว่า 92%)',
    zh: '经泰国对外贸易厅许可使用泰国茉莉香米认证标志（KDML105 或 RD15 品种，纯度不低于 92%）。',
    en: 'Licensed by the Department of Foreign Trade to carry the Thai Hom Mali mark (KDML105 or RD15, at least 92% pure).',
  },

  'standards.requirement.legal_entity.ok': {
    th: 'เป็นนิติบุคคลที่มีเลขผู้เสียภาษีถูกต้อง',
    zh: '为拥有有效税号的法人',
    en: 'A legal entity with a valid tax ID',
  },
  'standards.requirement.legal_entity.failed': {
    th: 'ต้องเป็นนิติบุคคล (ไม่ใช่บุคคลธรรมดา) ที่มีเลขผู้เสียภาษีถูกต้อง',
    zh: '必须是拥有有效税号的法人（非个人）',
    en: 'Must be a legal entity (not an individual) with a valid tax ID',
  },
  'standards.requirement.trademark.ok': {
    th: 'มีเครื่องหมายการค้าที่รับรองแล้ว ใช้ได้ถึง {expiresOn}',
    zh: '商标证明已认证，有效期至 {expiresOn}',
    en: 'Trademark evidence verified, valid until {expiresOn}',
  },
  'standards.requirement.trademark.failed': {
    th: 'ไม่มีทะเบียนเครื่องหมายการค้าหรือหนังสืออนุญาตแต่เพียงผู้เดียวจากเจ้าของที่ยังใช้ได้',
    zh: '没有有效的商标注册或所有人独家授权',
    en: 'No valid trademark registration or exclusive authorisation from the owner',
  },
  'standards.requirement.marks_per_product.ok': {
    th: 'สินค้าที่แสดง {listed} รายการมีตรารับรองครบ',
    zh: '展示的 {listed} 件商品均有认证标志',
    en: 'All {listed} listed products carry a verified mark',
  },
  'standards.requirement.marks_per_product.failed': {
    th: 'สินค้าที่แสดง {missing} จาก {listed} รายการยังไม่มีตรารับรองที่ตรวจแล้ว',
    zh: '展示的 {listed} 件商品中有 {missing} 件尚无已认证标志',
    en: '{missing} of {listed} listed products have no verified mark',
  },
  'standards.requirement.verified_share.ok': {
    th: 'สินค้ามีตรารับรอง {percent}% (ขั้นต่ำ {min}%)',
    zh: '{percent}% 的商品已认证（最低 {min}%）',
    en: '{percent}% of products verified (at least {min}%)',
  },
  'standards.requirement.verified_share.failed': {
    th: 'สินค้ามีตรารับรองเพียง {percent}% ต้องไม่ต่ำกว่า {min}%',
    zh: '仅 {percent}% 的商品已认证，须不低于 {min}%',
    en: 'Only {percent}% of products verified; at least {min}% needed',
  },

  'standards.notice.certificate_expiring': {
    th: 'ใบรับรองเลข {number} จะหมดอายุวันที่ {expiresOn} กรุณาต่ออายุและอัปโหลดฉบับใหม่',
    zh: '编号 {number} 的证书将于 {expiresOn} 到期，请续期并上传新证书',
    en: 'Certificate {number} expires on {expiresOn}: renew it and upload the new one',
  },
  'standards.notice.certificate_expired': {
    th: 'ใบรับรองเลข {number} หมดอายุแล้ว ({expiresOn}) ตราจึงไม่แสดงแล้ว',
    zh: '编号 {number} 的证书已于 {expiresOn} 到期，标志不再显示',
    en: 'Certificate {number} expired on {expiresOn}; its badge is no longer shown',
  },
  'standards.notice.flagship_lapsed': {
    th: 'ตราร้านเรือธงถูกนำออกโดยอัตโนมัติ เพราะไม่ผ่านเงื่อนไข: {reasons}',
    zh: '旗舰店标志已自动撤下，未满足的条件：{reasons}',
    en: 'The flagship badge was taken off automatically; requirements not met: {reasons}',
  },
  'standards.notice.flagship_restored': {
    th: 'ร้านผ่านเงื่อนไขครบอีกครั้ง ตราร้านเรือธงกลับมาแล้ว',
    zh: '店铺再次满足全部条件，旗舰店标志已恢复',
    en: 'All requirements hold again: the flagship badge is back',
  },
  'standards.notice.lot_recalled': {
    th: 'เรียกคืนล็อต {lotNumber} แล้ว สินค้าหยุดขายและมีรายชื่อผู้ซื้อให้ติดต่อ',
    zh: '批次 {lotNumber} 已召回，商品已停售，可查看需联系的买家',
    en: 'Lot {lotNumber} is recalled: the product stopped selling; its buyers are listed to contact',
  },

  'standards.trace.farm': { th: 'ปลูกและเก็บเกี่ยว', zh: '种植与收获', en: 'Grown and harvested' },
  'standards.trace.processing': {
    th: 'แปรรูปและบรรจุโดย {shop}',
    zh: '由 {shop} 加工包装',
    en: 'Processed and packed by {shop}',
  },
  'standards.trace.hub': { th: 'ศูนย์กระจายสินค้าตาลาด', zh: 'Talad 配送中心', en: 'Talad fulfilment centre' },
  'standards.trace.bondedHub': {
    th: 'คลังสินค้าทัณฑ์บนตาลาด (EEC)',
    zh: 'Talad 保税仓（东部经济走廊）',
    en: 'Talad bonded hub (EEC)',
  },
  'standards.trace.export': {
    th: 'ส่งออกไปประเทศจีน ผ่านพิธีการศุลกากร',
    zh: '出口至中国，经海关通关',
    en: 'Exported to China through customs',
  },
  'standards.trace.exportPlace': {
    th: 'หนองคาย – ด่านโม่ฮาน (ยูนนาน)',
    zh: '廊开 – 磨憨口岸（云南）',
    en: 'Nong Khai – Mohan border (Yunnan)',
  },
  'standards.trace.buyer': { th: 'ถึงมือคุณ', zh: '送到您手中', en: 'To you' },
  'standards.map.title': {
    th: 'แผนที่จังหวัด: {places}',
    zh: '府地图：{places}',
    en: 'Map of provinces: {places}',
  },
});
