// A bonded sale's goods coming back (退货): the return declared to customs against the order's
// original inventory list (CEB621, under its waybill), as the CEB625 return application
// (InvtRefundHead + InvtRefundList), signed and kept like the other messages. Goods returned within
// the period and still sealed go back into bond (sellable again) and the withheld tax is cancelled
// (the refund gives back the tax share: ledger); anything else is destroyed under supervision.
// Not yet: the DXP transport and the CEB626 receipt (the customs sandbox does not answer returns).
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { systemActor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { encryptPersonal } from '../../platform/personal-data.ts';
import { declarationFacts } from '../crossborder/index.ts';
import { ebcCodeOf } from './build.ts';
import { cebTime, CEB_NS } from './ceb.ts';
import { customsDeclarations, customsMessages } from './schema.ts';
import type { CustomsRuntime } from './service.ts';

export interface ReturnDeclaration {
  orderId: string;
  /** The returns module's id: declaring the same return again changes nothing. */
  returnId: string;
  lines: { variantId: string; quantity: number }[];
  /** 'rebond': back into bonded stock; 'destroy': destroyed under customs supervision. */
  disposition: 'rebond' | 'destroy';
  reason: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const el = (name: string, value: string | number) => `<ceb:${name}>${esc(String(value))}</ceb:${name}>`;
const guidOf = (returnId: string) => {
  const h = createHash('sha256').update(`CEB625:${returnId}`).digest('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/** Declares a return of a released cross-border order (once per return); the message's guid. */
export async function declareReturn(tx: Executor, rt: CustomsRuntime, input: ReturnDeclaration): Promise<string> {
  const [decl] = await tx.select().from(customsDeclarations).where(eq(customsDeclarations.orderId, input.orderId));
  if (!decl) throw notFound('customs declaration');
  const guid = guidOf(input.returnId);
  const [done] = await tx
    .select({ guid: customsMessages.guid })
    .from(customsMessages)
    .where(and(eq(customsMessages.orderId, input.orderId), eq(customsMessages.guid, guid)));
  if (done) return guid;
  const f = await declarationFacts(tx, systemActor('customs'), rt.config, input.orderId);
  const s = rt.config.customs;
  const items = input.lines
    .map((r, i) => {
      const line = f.lines.find((l) => l.variantId === r.variantId);
      return `<ceb:InvtRefundList>${[
        el('gnum', i + 1),
        el('gcode', line?.hsCode ?? ''),
        el('gname', line?.itemNameZh ?? ''),
        el('qty', r.quantity),
        el('unit', line?.unit ?? '011'),
        el('note', input.disposition === 'rebond' ? '退货入区' : '监管销毁'),
      ].join('')}</ceb:InvtRefundList>`;
    })
    .join('');
  const head = [
    el('guid', guid),
    el('appType', '1'),
    el('appTime', cebTime(new Date())),
    el('appStatus', '2'),
    el('orderNo', f.orderNo),
    el('ebpCode', s.platformCode),
    el('ebpName', s.platformName),
    el('ebcCode', ebcCodeOf(f.sellerId)),
    el('ebcName', f.sellerId),
    el('logisticsNo', decl.waybillNo),
    el('logisticsCode', s.logisticsCode),
    el('copNo', input.returnId.replace(/-/g, '').toUpperCase()),
    el('invtNo', decl.waybillNo),
    el('buyerIdType', '1'),
    el('buyerIdNumber', f.buyerIdNumber),
    el('buyerName', f.buyer.name),
    el('buyerTelephone', f.buyer.phone),
    el('reason', input.reason),
    el('note', input.disposition),
  ].join('');
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><ceb:CEB625Message guid="${guid}" version="1.0" xmlns:ceb="${CEB_NS}">` +
    `<ceb:InvtRefund><ceb:InvtRefundHead>${head}</ceb:InvtRefundHead>${items}</ceb:InvtRefund>` +
    `<ceb:BaseTransfer>${el('copCode', s.platformCode)}${el('copName', s.platformName)}${el('dxpMode', 'DXP')}${el('dxpId', s.dxpId)}</ceb:BaseTransfer>` +
    `</ceb:CEB625Message>`;
  const signed = rt.gateway.sign(xml);
  await tx
    .insert(customsMessages)
    .values({
      guid,
      orderId: input.orderId,
      // One return application per return: the type carries the return's own number.
      type: `CEB625:${input.returnId}`,
      xmlSealed: encryptPersonal(rt.config.personalDataKey, signed),
      status: 'signed',
    })
    .onConflictDoNothing();
  return guid;
}

/** The return applications of an order (their type and status), for the returns module's pages. */
export async function returnDeclarationOf(tx: Executor, orderId: string, returnId: string) {
  const [m] = await tx
    .select({ guid: customsMessages.guid, status: customsMessages.status, createdAt: customsMessages.createdAt })
    .from(customsMessages)
    .where(and(eq(customsMessages.orderId, orderId), eq(customsMessages.type, `CEB625:${returnId}`)));
  return m ? { guid: m.guid, type: 'CEB625', status: m.status, createdAt: m.createdAt.toISOString() } : null;
}
