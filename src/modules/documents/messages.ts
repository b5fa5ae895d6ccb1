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
  etax_for_tax_invoices: {
    th: 'ไฟล์ e-Tax Invoice ออกได้เฉพาะใบกำกับภาษี',
    zh: '电子税务发票仅适用于税务发票',
    en: 'An e-Tax invoice file exists only for tax invoices',
  },
});
