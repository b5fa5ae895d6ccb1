import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  etax_for_tax_invoices: {
    th: 'ไฟล์ e-Tax Invoice ออกได้เฉพาะใบกำกับภาษี',
    zh: '电子税务发票仅适用于税务发票',
    en: 'An e-Tax invoice file exists only for tax invoices',
  },
});
