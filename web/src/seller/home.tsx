// The seller centre's front page (my shops and their review status) and the shop application.
import { useState, type FormEvent } from 'react';
import { PROVINCES } from '../../../src/platform/provinces.ts';
import { useApp } from '../app/context.tsx';
import { formatDate, pick } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextField } from '../components/ui.tsx';
import '../messages/seller.ts';
import { ApplicationDocuments } from './application-documents.tsx';
import '../messages/academy-learn.ts';

interface SellerView {
  id: string;
  slug: string;
  status: 'pending' | 'approved' | 'rejected' | 'suspended';
  rejectionReason: string | null;
  reviewedAt: string | null;
  legalName: { th: string; en: string | null };
  shopName: { th: string; zh: string | null; en: string | null };
  businessType: string;
  taxId: string;
  province: { code: string };
  contactPhone: string;
  contactEmail: string | null;
  payout: { method: 'promptpay' | 'bank_account'; bankCode: string | null; accountName: string | null };
  vatRegistered: boolean;
  createdAt: string;
}
interface Bank {
  code: string;
  abbr: string;
  th: string;
  zh: string;
  en: string;
}

export const sellerHomePage: PageModule<SellerView[]> = {
  access: 'user',
  // Each shop in full (a rejected one carries the reason the applicant needs to see).
  load: ({ api, me }) => Promise.all((me?.sellers ?? []).map((s) => api.get<SellerView>(`/sellers/${s.sellerId}`))),
  head: (_d, { t }) => ({ title: t('seller.title'), noindex: true }),
  Page({ data }) {
    const { t, href, locale } = useApp();
    return (
      <>
        <PageTitle>{t('seller.title')}</PageTitle>
        <p>{t('seller.intro')}</p>
        {data.length ? (
          <>
            <h2>{t('seller.myShops')}</h2>
            <ul className="cards">
              {data.map((s) => (
                <li key={s.id}>
                  <h3>
                    {pick(s.shopName, locale)}{' '}
                    <span className={`status status-${s.status}`}>{t(`seller.status.${s.status}`)}</span>
                  </h3>
                  <p className="muted">
                    {t(`business.${s.businessType}`)} · {formatDate(s.createdAt, locale)}
                  </p>
                  {s.status === 'pending' ? <p className="note">{t('seller.pendingNote')}</p> : null}
                  {s.status === 'pending' || s.status === 'rejected' ? <ApplicationDocuments sellerId={s.id} /> : null}
                  {s.status === 'rejected' ? (
                    <>
                      <p className="error">{t('seller.rejectedReason', { reason: s.rejectionReason ?? '' })}</p>
                      <a className="button" href={href(`/seller/apply?shop=${s.id}`)}>
                        {t('seller.reapply')}
                      </a>
                    </>
                  ) : null}
                  {s.status === 'approved' ? (
                    <p className="inline-form">
                      <a className="button" href={href(`/seller/${s.id}/products`)}>
                        {t('seller.products')}
                      </a>
                      <a className="button" href={href(`/seller/${s.id}/orders`)}>
                        {t('seller.orders')}
                      </a>
                      <a className="button" href={href(`/seller/${s.id}/tokens`)}>
                        {t('seller.tokens')}
                      </a>
                      <a className="button" href={href(`/seller/${s.id}/academy`)}>
                        {t('academy.seller.title')}
                      </a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Empty>{t('seller.noShop')}</Empty>
        )}
        <p>
          <a className="button primary" href={href('/seller/apply')}>
            {t('seller.apply')}
          </a>
        </p>
      </>
    );
  },
};

/** Turns {"payout.method": "x"} into {payout: {method: "x"}}. */
function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, any> = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split('.');
    let node = out;
    keys.slice(0, -1).forEach((k) => {
      node = node[k] ??= {};
    });
    node[keys[keys.length - 1]] = value;
  }
  return out;
}

const BUSINESS_TYPES = ['individual', 'company', 'community_enterprise', 'cooperative', 'otop_producer'];

export const applyPage: PageModule<{ banks: Bank[]; shop: SellerView | null }> = {
  access: 'user',
  async load({ api, query }) {
    const shopId = query.get('shop');
    const [banks, shop] = await Promise.all([
      api.get<Bank[]>('/banks'),
      shopId ? api.get<SellerView>(`/sellers/${shopId}`) : Promise.resolve(null),
    ]);
    return { banks, shop };
  },
  head: (_d, { t }) => ({ title: t('apply.title'), noindex: true }),
  Page({ data }) {
    const { t, locale, api, href } = useApp();
    const { shop, banks } = data;
    const [method, setMethod] = useState<'promptpay' | 'bank_account'>(shop?.payout.method ?? 'promptpay');
    const { errors, formError, pending, run } = useSubmit();
    const submit = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const flat: Record<string, unknown> = {};
      new FormData(e.currentTarget).forEach((v, k) => {
        if (typeof v === 'string' && v.trim()) flat[k] = v.trim();
      });
      flat.vatRegistered = flat.vatRegistered === 'on';
      const body = nest(flat) as { legalName?: object; shopName?: object };
      body.legalName ??= { th: '' };
      body.shopName ??= { th: '' };
      const saved = await run(() =>
        shop ? api.send('PUT', `/sellers/${shop.id}/application`, body) : api.send('POST', '/sellers', body),
      );
      // A full load: the shop list comes from the server's fresh /api/me.
      if (saved) window.location.assign(href('/seller'));
    };
    const v = shop;
    return (
      <section className="narrow">
        <PageTitle>{shop ? t('apply.editTitle') : t('apply.title')}</PageTitle>
        {shop?.rejectionReason ? (
          <p className="error">{t('seller.rejectedReason', { reason: shop.rejectionReason })}</p>
        ) : null}
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('apply.legalNameTh')}
            name="legalName.th"
            required
            defaultValue={v?.legalName.th}
            error={errors['legalName.th']}
          />
          <TextField
            label={`${t('apply.legalNameEn')} ${t('common.optional')}`}
            name="legalName.en"
            defaultValue={v?.legalName.en ?? ''}
            error={errors['legalName.en']}
          />
          <TextField
            label={t('apply.shopNameTh')}
            name="shopName.th"
            required
            defaultValue={v?.shopName.th}
            error={errors['shopName.th']}
          />
          <TextField
            label={`${t('apply.shopNameZh')} ${t('common.optional')}`}
            name="shopName.zh"
            lang="zh-Hans"
            defaultValue={v?.shopName.zh ?? ''}
            error={errors['shopName.zh']}
          />
          <TextField
            label={`${t('apply.shopNameEn')} ${t('common.optional')}`}
            name="shopName.en"
            lang="en"
            defaultValue={v?.shopName.en ?? ''}
            error={errors['shopName.en']}
          />
          <SelectField
            label={t('apply.businessType')}
            name="businessType"
            required
            defaultValue={v?.businessType ?? ''}
            placeholder={t('checkout.choose')}
            options={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`business.${b}`) }))}
            error={errors.businessType}
          />
          <TextField
            label={t('apply.taxId')}
            name="taxId"
            inputMode="numeric"
            required
            defaultValue={v?.taxId}
            error={errors.taxId}
          />
          <SelectField
            label={t('apply.province')}
            name="provinceCode"
            required
            defaultValue={v?.province.code ?? ''}
            placeholder={t('checkout.choose')}
            options={PROVINCES.map((p) => ({ value: p.code, label: p[locale] }))}
            error={errors.provinceCode}
          />
          <TextField
            label={t('apply.contactPhone')}
            name="contactPhone"
            type="tel"
            required
            defaultValue={v?.contactPhone}
            error={errors.contactPhone}
          />
          <TextField
            label={`${t('apply.contactEmail')} ${t('common.optional')}`}
            name="contactEmail"
            type="email"
            defaultValue={v?.contactEmail ?? ''}
            error={errors.contactEmail}
          />
          <fieldset>
            <legend>{t('apply.payout')}</legend>
            <div role="radiogroup" aria-label={t('apply.payoutMethod')}>
              {(['promptpay', 'bank_account'] as const).map((m) => (
                <label key={m} className="variant">
                  <input
                    type="radio"
                    name="payout.method"
                    value={m}
                    checked={method === m}
                    onChange={() => setMethod(m)}
                  />
                  {m === 'promptpay' ? t('apply.promptpay') : t('apply.bankAccount')}
                </label>
              ))}
            </div>
            {method === 'promptpay' ? (
              <TextField
                label={t('apply.promptpayId')}
                name="payout.promptpayId"
                required
                error={errors['payout.promptpayId']}
              />
            ) : (
              <>
                <SelectField
                  label={t('apply.bank')}
                  name="payout.bankCode"
                  required
                  defaultValue={v?.payout.bankCode ?? ''}
                  placeholder={t('checkout.choose')}
                  options={banks.map((b) => ({ value: b.code, label: `${b[locale]} (${b.abbr})` }))}
                  error={errors['payout.bankCode']}
                />
                <TextField
                  label={t('apply.accountNumber')}
                  name="payout.accountNumber"
                  inputMode="numeric"
                  required
                  error={errors['payout.accountNumber']}
                />
                <TextField
                  label={t('apply.accountName')}
                  name="payout.accountName"
                  required
                  defaultValue={v?.payout.accountName ?? ''}
                  error={errors['payout.accountName']}
                />
              </>
            )}
          </fieldset>
          <label className="variant">
            <input type="checkbox" name="vatRegistered" defaultChecked={v?.vatRegistered} /> {t('apply.vat')}
          </label>
          <FormError message={formError} />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('common.saving') : t('apply.submit')}
          </button>
        </form>
      </section>
    );
  },
};
