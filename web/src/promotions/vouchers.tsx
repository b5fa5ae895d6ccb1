// Vouchers: the shop's (with its free-shipping threshold) in the seller centre, and the form and
// table the operator's platform vouchers page uses too.
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney, formatNumber, pick } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextField } from '../components/ui.tsx';
import { bahtToSatang, ShopNav, satangToBaht } from '../seller/shared.tsx';
import { bangkokToIso, countOf, isoToBangkok } from './shared.tsx';
import '../messages/promotions.ts';

export interface Voucher {
  id: string;
  code: string;
  name: { th: string; zh?: string | null; en?: string | null };
  kind: 'amount' | 'percent';
  amountSatang: number | null;
  percent: number | null;
  minSpendSatang: number;
  capSatang: number | null;
  perBuyerLimit: number;
  totalLimit: number;
  used: number;
  startsAt: string;
  endsAt: string;
}

/** Creates a voucher at `path` (the shop's or the platform's). */
export function VoucherForm({
  path,
  from,
  until,
  onCreated,
}: {
  path: string;
  from: string;
  until: string;
  onCreated: (v: Voucher) => void;
}) {
  const { t, api } = useApp();
  const [kind, setKind] = useState<'amount' | 'percent'>('amount');
  const { errors, formError, pending, run, setErrors } = useSubmit();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = formValues(form);
    const bad: Record<string, string> = {};
    const money = (key: string, optional: boolean) => {
      if (!f[key]) {
        if (!optional) bad[key] = t('promo.notAmount');
        return undefined;
      }
      const v = bahtToSatang(f[key]);
      if (v === null) bad[key] = t('promo.notAmount');
      return v ?? undefined;
    };
    const count = (key: string) => {
      const v = countOf(f[key]);
      if (v === null) bad[key] = t('promo.notCount');
      return v ?? undefined;
    };
    const body = {
      code: f.code ?? '',
      name: { th: f['name.th'] ?? '', zh: f['name.zh'] ?? null, en: f['name.en'] ?? null },
      kind,
      ...(kind === 'amount' ? { amountSatang: money('amountSatang', false) } : { percent: count('percent') }),
      minSpendSatang: f.minSpendSatang ? money('minSpendSatang', true) : 0,
      capSatang: money('capSatang', true),
      perBuyerLimit: count('perBuyerLimit'),
      totalLimit: count('totalLimit'),
      startsAt: bangkokToIso(f.startsAt ?? ''),
      endsAt: bangkokToIso(f.endsAt ?? ''),
    };
    if (!body.startsAt) bad.startsAt = t('promo.notTime');
    if (!body.endsAt) bad.endsAt = t('promo.notTime');
    if (Object.keys(bad).length) {
      setErrors(bad);
      return;
    }
    const made = await run(() => api.send<Voucher>('POST', path, JSON.parse(JSON.stringify(body))));
    if (made) {
      onCreated(made);
      form.reset();
    }
  };
  return (
    <form onSubmit={submit} noValidate className="stack-form">
      <TextField label={t('promo.code')} name="code" required autoCapitalize="characters" error={errors.code} />
      <TextField label={t('promo.nameTh')} name="name.th" required error={errors['name.th']} />
      <TextField label={t('promo.nameZh')} name="name.zh" />
      <TextField label={t('promo.nameEn')} name="name.en" />
      <SelectField
        label={t('promo.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as 'amount' | 'percent')}
        options={[
          { value: 'amount', label: t('promo.kind.amount') },
          { value: 'percent', label: t('promo.kind.percent') },
        ]}
      />
      {kind === 'amount' ? (
        <TextField label={t('promo.amount')} name="amountSatang" inputMode="decimal" error={errors.amountSatang} />
      ) : (
        <TextField label={t('promo.percent')} name="percent" inputMode="numeric" error={errors.percent} />
      )}
      <TextField label={t('promo.minSpend')} name="minSpendSatang" inputMode="decimal" error={errors.minSpendSatang} />
      <TextField label={t('promo.cap')} name="capSatang" inputMode="decimal" error={errors.capSatang} />
      <TextField
        label={t('promo.perBuyerLimit')}
        name="perBuyerLimit"
        inputMode="numeric"
        defaultValue="1"
        error={errors.perBuyerLimit}
      />
      <TextField label={t('promo.totalLimit')} name="totalLimit" inputMode="numeric" error={errors.totalLimit} />
      <TextField
        label={t('promo.startsAt')}
        name="startsAt"
        type="datetime-local"
        defaultValue={from}
        error={errors.startsAt}
      />
      <TextField
        label={t('promo.endsAt')}
        name="endsAt"
        type="datetime-local"
        defaultValue={until}
        error={errors.endsAt}
      />
      <button type="submit" className="primary" disabled={pending}>
        {t('promo.create')}
      </button>
      <FormError message={formError} />
    </form>
  );
}

export function VoucherTable({ vouchers }: { vouchers: Voucher[] }) {
  const { t, locale } = useApp();
  if (!vouchers.length) return <Empty>{t('promo.noVouchers')}</Empty>;
  const value = (v: Voucher) =>
    v.kind === 'amount'
      ? formatMoney(v.amountSatang ?? 0, locale)
      : `${v.percent}%${v.capSatang ? ` (≤ ${formatMoney(v.capSatang, locale)})` : ''}`;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('promo.code')}</th>
            <th scope="col">{t('promo.value')}</th>
            <th scope="col">{t('promo.minSpend')}</th>
            <th scope="col">{t('promo.used')}</th>
            <th scope="col">{t('promo.window')}</th>
          </tr>
        </thead>
        <tbody>
          {vouchers.map((v) => (
            <tr key={v.id}>
              <td>
                <strong>{v.code}</strong> <span className="muted">{pick(v.name, locale)}</span>
              </td>
              <td>{value(v)}</td>
              <td>{formatMoney(v.minSpendSatang, locale)}</td>
              <td>
                {t('promo.soldOf', { sold: formatNumber(v.used, locale), limit: formatNumber(v.totalLimit, locale) })}
              </td>
              <td>
                {formatDate(v.startsAt, locale)} – {formatDate(v.endsAt, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The default window of a new voucher, made by the loader (so the server's and the browser's renders agree). */
export const voucherWindow = () => {
  const now = Date.now();
  return { from: isoToBangkok(now), until: isoToBangkok(now + 7 * 86_400_000) };
};

interface ShopVouchersData {
  vouchers: Voucher[];
  freeShipping: number | null;
  from: string;
  until: string;
}

export const shopVouchersPage: PageModule<ShopVouchersData> = {
  access: 'user',
  async load({ api, params }) {
    const [vouchers, free] = await Promise.all([
      api.get<{ items: Voucher[] }>(`/sellers/${params.sellerId}/vouchers`),
      api.get<{ minSubtotalSatang: number | null }>(`/sellers/${params.sellerId}/free-shipping`),
    ]);
    return { vouchers: vouchers.items, freeShipping: free.minSubtotalSatang, ...voucherWindow() };
  },
  head: (_d, { t }) => ({ title: t('promo.vouchers'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const [vouchers, setVouchers] = useState(data.vouchers);
    const [free, setFree] = useState(data.freeShipping);
    const { errors, formError, pending, run, setErrors } = useSubmit();
    const saveFree = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const typed = formValues(e.currentTarget).minSubtotalSatang;
      const satang = typed ? bahtToSatang(typed) : null;
      if (typed && satang === null) {
        setErrors({ minSubtotalSatang: t('promo.notAmount') });
        return;
      }
      const r = await run(() =>
        api.send<{ minSubtotalSatang: number | null }>('PUT', `/sellers/${params.sellerId}/free-shipping`, {
          minSubtotalSatang: satang,
        }),
      );
      if (r) setFree(r.minSubtotalSatang);
    };
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="vouchers" />
        <PageTitle>{t('promo.vouchers')}</PageTitle>
        <section aria-labelledby="free-shipping">
          <h2 id="free-shipping">{t('promo.freeShipping')}</h2>
          <p role="status" data-testid="free-shipping-now">
            {free === null
              ? t('promo.freeShippingOff')
              : t('promo.freeShippingNow', { amount: formatMoney(free, locale) })}
          </p>
          <form onSubmit={saveFree} noValidate className="inline-form">
            <TextField
              label={t('promo.freeShippingFrom')}
              hint={t('promo.freeShippingHint')}
              name="minSubtotalSatang"
              inputMode="decimal"
              defaultValue={free === null ? '' : satangToBaht(free)}
              error={errors.minSubtotalSatang}
            />
            <button type="submit" disabled={pending}>
              {t('common.save')}
            </button>
          </form>
          <FormError message={formError} />
        </section>
        <section aria-labelledby="new-voucher">
          <h2 id="new-voucher">{t('promo.newVoucher')}</h2>
          <p>{t('promo.shopVouchersIntro')}</p>
          <VoucherForm
            path={`/sellers/${params.sellerId}/vouchers`}
            from={data.from}
            until={data.until}
            onCreated={(v) => setVouchers([v, ...vouchers])}
          />
        </section>
        <VoucherTable vouchers={vouchers} />
      </>
    );
  },
};
