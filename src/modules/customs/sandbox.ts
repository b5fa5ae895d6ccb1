// The local customs sandbox: it stands in for China's customs single window, which cannot be
// reached from here. It reads what arrived in its inbox — later, not while the platform waits
// (a background tick; tests call runCustomsSandbox) — checks signature and format (else 900), then
// the rules customs applies: the order's arithmetic and limits (312), the payment against the
// order: amount and payer = buyer (412), the waybill's consignee against the order's (512), and the
// inventory list against all three (622, "released"). A document whose partners have not arrived
// yet waits. Receipts go back through `deliver` (the customs service's receipt intake).
import { createHmac } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import type { Db, Executor } from '../../platform/db.ts';
import { decryptPersonal } from '../../platform/personal-data.ts';
import { residentIdProblem, ORDER_LIMIT_FEN, YEARLY_LIMIT_FEN, chinaYear } from '../crossborder/index.ts';
import { CEB_NS, RECEIPT_OF, type CebType } from './ceb.ts';
import { verifySandboxSignature } from './gateway.ts';
import { reason, type CustomsReason, type StoredReason } from './reasons.ts';
import { customsSandboxInbox } from './schema.ts';

export interface Receipt {
  receiptId: string;
  messageGuid: string;
  messageType: CebType;
  orderNo: string;
  /** 312/412/512/622, or 900 for a format error. */
  code: string;
  passed: boolean;
  /** 120 entered (passed), 800 released (622), 100 returned (rejected), 900 format error. */
  returnStatus: string;
  /** Codes with parameters (rendered in the reader's language); a real customs receipt's own words stay plain text. */
  reasons: StoredReason[];
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => name === 'OrderList' || name === 'InventoryList',
});
const BODY: Record<CebType, [string, string, string?]> = {
  CEB311: ['Order', 'OrderHead', 'OrderList'],
  CEB411: ['Payment', 'PaymentHead'],
  CEB511: ['Logistics', 'LogisticsHead'],
  CEB621: ['Inventory', 'InventoryHead', 'InventoryList'],
};
const fen = (v: unknown) => {
  const m = /^(\d+)\.(\d{2})$/.exec(String(v ?? ''));
  return m ? Number(m[1]) * 100 + Number(m[2]) : NaN;
};
const y = (f: number) => (f / 100).toFixed(2);

interface Parsed {
  type: CebType;
  head: Record<string, string>;
  items: Record<string, string>[];
}

function parse(personalDataKey: Buffer, type: CebType, signed: string): Parsed | CustomsReason[] {
  const unsigned = verifySandboxSignature(personalDataKey, signed);
  if (!unsigned) return [reason('signature_invalid')];
  let doc: any;
  try {
    doc = parser.parse(unsigned, true);
  } catch {
    return [reason('xml_malformed')];
  }
  const root = doc[`${type}Message`];
  if (!root) return [reason('wrong_root', { type })];
  if (!unsigned.includes(`xmlns:ceb="${CEB_NS}"`)) return [reason('wrong_namespace', { namespace: CEB_NS })];
  const [body, headName, listName] = BODY[type];
  const head = root?.[body]?.[headName];
  if (!head || !root.BaseTransfer) return [reason('missing_head', { type, head: headName })];
  const guidOk = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/.test(String(head.guid ?? ''));
  if (!guidOk) return [reason('bad_guid')];
  const items = listName ? (root[body][listName] ?? []) : [];
  if (listName && !items.length) return [reason('no_lines', { type, list: listName })];
  return { type, head, items };
}

type Verdict =
  | { wait: true }
  | { wait: false; reasons: CustomsReason[]; subject?: { hash: string; amountFen: number } };

export async function runCustomsSandbox(
  db: Db,
  personalDataKey: Buffer,
  deliver: (tx: Executor, r: Receipt) => Promise<void>,
  now = new Date(),
): Promise<number> {
  return db.transaction(async (tx) => {
    const waiting = await tx
      .select()
      .from(customsSandboxInbox)
      .where(eq(customsSandboxInbox.state, 'waiting'))
      .orderBy(asc(customsSandboxInbox.receivedAt))
      .limit(200)
      .for('update', { skipLocked: true });
    let answered = 0;
    // Orders first: payments, waybills and inventory lists are judged against them.
    const order: Record<string, number> = { CEB311: 0, CEB411: 1, CEB511: 1, CEB621: 2 };
    for (const row of waiting.sort((a, b) => order[a.type] - order[b.type])) {
      const type = row.type as CebType;
      const parsed = parse(personalDataKey, type, decryptPersonal(personalDataKey, row.xmlSealed));
      let verdict: Verdict;
      let code = RECEIPT_OF[type];
      if (Array.isArray(parsed)) {
        verdict = { wait: false, reasons: parsed };
        code = '900';
      } else verdict = await judge(tx, personalDataKey, parsed, row.orderNo, now);
      if (verdict.wait) continue;
      const passed = verdict.reasons.length === 0;
      await tx
        .update(customsSandboxInbox)
        .set({
          state: 'answered',
          passed,
          answeredAt: sql`now()`,
          subjectHash: verdict.subject?.hash ?? null,
          amountFen: verdict.subject?.amountFen ?? null,
        })
        .where(eq(customsSandboxInbox.guid, row.guid));
      await deliver(tx, {
        receiptId: `SBX-${code}-${row.guid}`,
        messageGuid: row.guid,
        messageType: type,
        orderNo: row.orderNo,
        code,
        passed,
        returnStatus: code === '900' ? '900' : !passed ? '100' : type === 'CEB621' ? '800' : '120',
        reasons: verdict.reasons,
      });
      answered++;
    }
    return answered;
  });
}

/** What the sandbox holds on an order: its answered documents, parsed. */
async function partners(tx: Executor, key: Buffer, orderNo: string) {
  const rows = await tx
    .select()
    .from(customsSandboxInbox)
    .where(and(eq(customsSandboxInbox.orderNo, orderNo), eq(customsSandboxInbox.state, 'answered')))
    .orderBy(asc(customsSandboxInbox.answeredAt), asc(customsSandboxInbox.receivedAt)); // a resubmitted document replaces the earlier one
  const out = new Map<string, { passed: boolean; doc: Parsed | null }>();
  for (const r of rows) {
    const p = parse(key, r.type as CebType, decryptPersonal(key, r.xmlSealed));
    out.set(r.type, { passed: !!r.passed, doc: Array.isArray(p) ? null : p });
  }
  return out;
}

async function judge(tx: Executor, key: Buffer, m: Parsed, orderNo: string, now: Date): Promise<Verdict> {
  const h = m.head;
  const reasons: CustomsReason[] = [];
  if (h.orderNo !== orderNo) reasons.push(reason('order_no_mismatch'));
  if (m.type === 'CEB311') {
    const goods = fen(h.goodsValue),
      freight = fen(h.freight),
      tax = fen(h.taxTotal),
      discount = fen(h.discount),
      paid = fen(h.acturalPaid);
    if ([goods, freight, tax, discount, paid].some(Number.isNaN))
      return { wait: false, reasons: [reason('amounts_not_two_decimals')] };
    if (goods + freight + tax - discount !== paid)
      reasons.push(reason('actural_paid_mismatch', { paid: y(paid), expected: y(goods + freight + tax - discount) }));
    const lines = m.items.reduce((s, i) => s + fen(i.totalPrice), 0);
    if (lines !== goods) reasons.push(reason('goods_value_mismatch', { goods: y(goods), lines: y(lines) }));
    for (const i of m.items)
      if (fen(i.price) * Number(i.qty) !== fen(i.totalPrice))
        reasons.push(reason('line_total_mismatch', { line: String(i.gnum) }));
    if (paid > ORDER_LIMIT_FEN) reasons.push(reason('order_over_limit', { paid: y(paid), limit: y(ORDER_LIMIT_FEN) }));
    if (h.buyerIdType !== '1' || residentIdProblem(h.buyerIdNumber ?? '')) reasons.push(reason('buyer_id_invalid'));
    if (!h.buyerName) reasons.push(reason('buyer_name_missing'));
    const subject = createHmac('sha256', key)
      .update(`sandbox-subject:${(h.buyerIdNumber ?? '').toUpperCase()}`)
      .digest('hex');
    const [used] = await tx
      .select({ fen: sql<number>`coalesce(sum(amount_fen), 0)::int` })
      .from(customsSandboxInbox)
      .where(
        and(
          eq(customsSandboxInbox.subjectHash, subject),
          eq(customsSandboxInbox.passed, true),
          sql`extract(year from ${customsSandboxInbox.answeredAt} at time zone 'Asia/Shanghai') = ${chinaYear(now)}`,
        ),
      );
    if (used.fen + paid > YEARLY_LIMIT_FEN)
      reasons.push(reason('yearly_limit_exceeded', { used: y(used.fen), limit: y(YEARLY_LIMIT_FEN) }));
    return { wait: false, reasons, subject: reasons.length ? undefined : { hash: subject, amountFen: paid } };
  }
  const docs = await partners(tx, key, orderNo);
  const o = docs.get('CEB311');
  if (!o) return { wait: true };
  if (!o.passed || !o.doc) return { wait: false, reasons: [reason('order_not_accepted')] };
  const oh = o.doc.head;
  if (m.type === 'CEB411') {
    if (fen(h.amountPaid) !== fen(oh.acturalPaid))
      reasons.push(reason('payment_amount_mismatch', { paid: String(h.amountPaid), expected: String(oh.acturalPaid) }));
    if (
      (h.payerIdNumber ?? '').toUpperCase() !== (oh.buyerIdNumber ?? '').toUpperCase() ||
      h.payerName !== oh.buyerName
    )
      reasons.push(reason('payer_not_buyer'));
    if (h.payTransactionId !== oh.payTransactionId || h.payCode !== oh.payCode)
      reasons.push(reason('payment_transaction_mismatch'));
  } else if (m.type === 'CEB511') {
    if (
      h.consignee !== oh.consignee ||
      h.consigneeAddress !== oh.consigneeAddress ||
      h.consigneeTelephone !== oh.consigneeTelephone
    )
      reasons.push(reason('consignee_mismatch'));
    if (fen(h.freight) !== fen(oh.freight))
      reasons.push(reason('freight_mismatch', { waybill: String(h.freight), order: String(oh.freight) }));
  } else {
    const p = docs.get('CEB411'),
      w = docs.get('CEB511');
    if (!p || !w) return { wait: true };
    if (!p.passed) reasons.push(reason('payment_not_accepted'));
    if (!w.passed || !w.doc) reasons.push(reason('waybill_not_accepted'));
    else if (h.logisticsNo !== w.doc.head.logisticsNo) reasons.push(reason('logistics_no_mismatch'));
    if (h.tradeMode !== '1210') reasons.push(reason('trade_mode_not_bonded'));
    if (!/^[A-Z]\d{4}[A-Z]\d{6}$/.test(h.emsNo ?? '')) reasons.push(reason('ems_no_invalid'));
    if ((h.buyerIdNumber ?? '').toUpperCase() !== (oh.buyerIdNumber ?? '').toUpperCase())
      reasons.push(reason('inventory_buyer_mismatch'));
    const orderLines = o.doc.items
      .map((i) => `${i.itemNo}|${i.qty}|${i.totalPrice}`)
      .sort()
      .join(',');
    const listLines = m.items
      .map((i) => `${i.itemNo}|${i.qty}|${i.totalPrice}`)
      .sort()
      .join(',');
    if (orderLines !== listLines) reasons.push(reason('inventory_goods_mismatch'));
  }
  return { wait: false, reasons };
}

/** The sandbox's running tick in the app: answers what is waiting every couple of seconds. */
