import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  documents_already_issued: {
    th: 'ออกใบกำกับภาษีของคำสั่งซื้อนี้แล้ว จึงแก้ข้อมูลผู้ซื้อไม่ได้',
    zh: '该订单的税务发票已开具，不能再修改买方信息',
    en: 'The tax invoices of this order are already issued; the buyer details can no longer change',
  },
  'field.bad_tax_id': {
    th: 'เลขประจำตัวผู้เสียภาษี 13 หลักไม่ถูกต้อง',
    zh: '13 位纳税人识别号无效',
    en: 'is not a valid 13-digit tax ID',
  },
  tax_address_incomplete: {
    th: 'ยังออกใบกำกับภาษีไม่ได้ ที่อยู่ตามที่จดทะเบียนของร้านยังไม่ครบ (ประมวลรัษฎากร มาตรา 86/4): กรอกบ้านเลขที่ ตำบล/แขวง อำเภอ/เขต จังหวัด รหัสไปรษณีย์ และสาขา ใบกำกับภาษีของคำสั่งซื้อที่ชำระแล้วจะออกให้ทันทีเมื่อกรอกครบ',
    zh: '暂不能开具税务发票：店铺的注册地址不完整（泰国税法典第 86/4 条）。请填写门牌号、分区、县/区、府、邮政编码和分支机构；地址填写完整后，已付款订单的税务发票会立即开具',
    en: "No tax invoice can be issued yet: the shop's registered address is incomplete (Revenue Code s.86/4). Fill in the house number, sub-district, district, province, postcode and branch; the tax invoices of paid orders are issued as soon as it is complete",
  },
  order_not_paid_yet: {
    th: 'คำสั่งซื้อนี้ยังไม่ได้ชำระเงิน จึงยังไม่ออกเอกสาร',
    zh: '该订单尚未付款，暂不开具单据',
    en: 'This order is not paid yet, so it has no document yet',
  },
  etax_for_tax_invoices: {
    th: 'ไฟล์ e-Tax Invoice ออกได้เฉพาะใบกำกับภาษี',
    zh: '电子税务发票仅适用于税务发票',
    en: 'An e-Tax invoice file exists only for tax invoices',
  },
});
