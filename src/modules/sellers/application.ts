// A signed-in user applies for a shop and becomes its owner; the application waits for an
// operator. After a rejection the owner corrects it and re-applies: the same shop goes back to
// pending (same id and slug), so its history and the rejection it answers stay in one place.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, unauthenticated, type FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emit } from '../../events.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import {
  compactDigits,
  isValidThaiId,
  thaiIdCheckDigit,
  normalizeEmail,
  normalizeThaiMobile,
} from '../../platform/thai.ts';
import { requireSellerAccess } from './access.ts';
import { bankByCode } from './banks.ts';
import { sellerMembers, sellers } from './schema.ts';
import { toSellerView, type BusinessType, type SellerView } from './views.ts';
import './messages.ts';

export interface ShopApplication {
  legalName: { th: string; en?: string | null };
  shopName: { th: string; zh?: string | null; en?: string | null };
  businessType: BusinessType;
  taxId: string;
  provinceCode: string;
  contactPhone: string;
  contactEmail?: string | null;
  payout: {
    method: 'promptpay' | 'bank_account';
    promptpayId?: string | null;
    bankCode?: string | null;
    accountNumber?: string | null;
    accountName?: string | null;
  };
  vatRegistered?: boolean;
}

const LEGAL_NAME_MAX = 200;
const SHOP_NAME_MAX = 100;
const ACCOUNT_NAME_MAX = 200;

type ApplicationColumns = Omit<typeof sellers.$inferInsert, 'id' | 'slug' | 'createdBy'>;

const optionalText = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Checks every field at once and returns the columns to store, normalized. */
export function checkApplication(input: ShopApplication): ApplicationColumns {
  const errors: FieldError[] = [];
  const text = (field: string, value: string | null | undefined, max: number, required: boolean) => {
    const v = optionalText(value);
    if (!v && required) errors.push({ field, code: 'required' });
    else if (v && v.length > max) errors.push({ field, code: 'too_long', params: { max } });
    return v;
  };
  const legalNameTh = text('legalName.th', input.legalName.th, LEGAL_NAME_MAX, true);
  const legalNameEn = text('legalName.en', input.legalName.en, LEGAL_NAME_MAX, false);
  const shopNameTh = text('shopName.th', input.shopName.th, SHOP_NAME_MAX, true);
  const shopNameZh = text('shopName.zh', input.shopName.zh, SHOP_NAME_MAX, false);
  const shopNameEn = text('shopName.en', input.shopName.en, SHOP_NAME_MAX, false);

  const taxId = compactDigits(input.taxId);
  if (!taxId) errors.push({ field: 'taxId', code: 'required' });
  else if (!/^\d{13}$/.test(taxId)) errors.push({ field: 'taxId', code: 'tax_id_digits', params: { n: taxId.length } });
  else if (!isValidThaiId(taxId))
    errors.push({ field: 'taxId', code: 'tax_id_check_digit', params: { expected: thaiIdCheckDigit(taxId) } });

  if (!provinceByCode(input.provinceCode)) errors.push({ field: 'provinceCode', code: 'not_allowed' });

  const contactPhone = normalizeThaiMobile(input.contactPhone);
  if (!input.contactPhone.trim()) errors.push({ field: 'contactPhone', code: 'required' });
  else if (!contactPhone) errors.push({ field: 'contactPhone', code: 'bad_format' });
  const emailTyped = optionalText(input.contactEmail);
  const contactEmail = emailTyped ? normalizeEmail(emailTyped) : null;
  if (emailTyped && !contactEmail) errors.push({ field: 'contactEmail', code: 'bad_format' });

  const p = input.payout;
  let payoutPromptpayId: string | null = null;
  let payoutBankCode: string | null = null;
  let payoutAccountNumber: string | null = null;
  let payoutAccountName: string | null = null;
  if (p.method === 'promptpay') {
    // A PromptPay ID is a Thai mobile number or a 13-digit national / tax ID.
    const typed = optionalText(p.promptpayId);
    const digits = typed ? compactDigits(typed) : '';
    if (!typed) errors.push({ field: 'payout.promptpayId', code: 'required' });
    else if (/^\d{13}$/.test(digits)) {
      if (isValidThaiId(digits)) payoutPromptpayId = digits;
      else errors.push({ field: 'payout.promptpayId', code: 'invalid' });
    } else {
      payoutPromptpayId = normalizeThaiMobile(typed);
      if (!payoutPromptpayId) errors.push({ field: 'payout.promptpayId', code: 'bad_format' });
    }
  } else {
    payoutBankCode = optionalText(p.bankCode);
    if (!payoutBankCode) errors.push({ field: 'payout.bankCode', code: 'required' });
    else if (!bankByCode(payoutBankCode)) errors.push({ field: 'payout.bankCode', code: 'not_allowed' });
    payoutAccountNumber = compactDigits(p.accountNumber ?? '');
    if (!payoutAccountNumber) errors.push({ field: 'payout.accountNumber', code: 'required' });
    else if (!/^\d{10,12}$/.test(payoutAccountNumber))
      errors.push({ field: 'payout.accountNumber', code: 'bad_format' });
    payoutAccountName = text('payout.accountName', p.accountName, ACCOUNT_NAME_MAX, true);
  }
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);

  return {
    legalNameTh: legalNameTh!,
    legalNameEn,
    shopNameTh: shopNameTh!,
    shopNameZh,
    shopNameEn,
    businessType: input.businessType,
    taxId,
    provinceCode: input.provinceCode,
    contactPhone: contactPhone!,
    contactEmail,
    payoutMethod: p.method,
    payoutPromptpayId,
    payoutBankCode,
    payoutAccountNumber,
    payoutAccountName,
    vatRegistered: input.vatRegistered ?? false,
  };
}

/** "Doi Tung Coffee & Co." -> "doi-tung-coffee-co"; empty when nothing Latin is left. */
export function slugify(name: string | null): string {
  return (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

const shortId = (id: string) => id.replace(/-/g, '').slice(-8);

/** The English shop name as a slug, or "shop-<short id>"; a taken slug gets the short id appended. */
async function freeSlug(db: Executor, englishName: string | null, id: string, suffixed: boolean): Promise<string> {
  const base = slugify(englishName);
  if (!base) return `shop-${shortId(id)}`;
  if (suffixed) return `${base}-${shortId(id)}`;
  const [taken] = await db.select({ slug: sellers.slug }).from(sellers).where(eq(sellers.slug, base));
  return taken ? `${base}-${shortId(id)}` : base;
}

/** Which unique index a failed insert or update hit, whichever driver reported it. */
function violatedConstraint(err: unknown): string | undefined {
  let e: any = err;
  for (let i = 0; e && i < 4; i++, e = e.cause) {
    if (e.code === '23505') return e.constraint_name ?? e.constraint ?? '';
  }
  return undefined;
}

function translateConflict(err: unknown): never {
  if (violatedConstraint(err) === 'sellers_tax_id_open_key') throw new AppError(409, 'tax_id_in_use');
  throw err;
}

export async function applyForShop(db: Executor, actor: Actor, input: ShopApplication): Promise<SellerView> {
  if (actor.kind !== 'user') throw unauthenticated();
  const columns = checkApplication(input);
  const id = newId();
  // Two shops with one English name at the same moment: the loser retries with a suffixed slug.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const slug = await freeSlug(tx, columns.shopNameEn ?? null, id, attempt > 0);
        const [row] = await tx
          .insert(sellers)
          .values({ ...columns, id, slug, createdBy: actor.userId, status: 'pending' })
          .returning();
        await tx.insert(sellerMembers).values({ sellerId: id, userId: actor.userId, role: 'owner' });
        await emit(tx, {
          topic: 'seller.applied',
          aggregateId: id,
          payload: { sellerId: id, slug, ownerId: actor.userId, reapplied: false },
        });
        return toSellerView(row);
      });
    } catch (err) {
      if (attempt === 0 && violatedConstraint(err) === 'sellers_slug_unique') continue;
      translateConflict(err);
    }
  }
}

/**
 * The owner corrects a pending or rejected application; a rejected one goes back to pending for
 * another review (and emits `seller.applied` again). Approved shops are not changed here.
 */
export async function updateApplication(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: ShopApplication,
): Promise<SellerView> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true, membersOnly: true });
  const columns = checkApplication(input);
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select({ status: sellers.status })
        .from(sellers)
        .where(eq(sellers.id, sellerId))
        .for('update');
      if (!current) throw new AppError(404, 'not_found', { what: 'seller' });
      if (current.status !== 'pending' && current.status !== 'rejected') throw new AppError(409, 'application_locked');
      const [row] = await tx
        .update(sellers)
        .set({
          ...columns,
          status: 'pending',
          rejectionReason: null,
          reviewedBy: null,
          reviewedAt: null,
        })
        .where(eq(sellers.id, sellerId))
        .returning();
      if (current.status === 'rejected') {
        await emit(tx, {
          topic: 'seller.applied',
          aggregateId: sellerId,
          payload: { sellerId, slug: row.slug, ownerId: actor.kind === 'user' ? actor.userId : null, reapplied: true },
        });
      }
      return toSellerView(row);
    });
  } catch (err) {
    translateConflict(err);
  }
}
