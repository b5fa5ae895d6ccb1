import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  payout_batch_empty: { th: 'ยังไม่มีร้านค้าที่ถึงเกณฑ์จ่ายเงิน', zh: '暂无达到结算条件的店铺', en: 'No shop is due a payout yet' },
  payout_batch_paid: { th: 'รอบจ่ายเงินนี้บันทึกว่าจ่ายแล้ว', zh: '该结算批次已标记为已付', en: 'This payout batch is already marked paid' },
});
