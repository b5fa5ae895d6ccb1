// The shop's flash sales: create one (a window, and per variant a campaign price, the units at that
// price and a per-buyer limit), see them with the units sold, cancel one.
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney, formatNumber, pick } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextField } from '../components/ui.tsx';
import { bahtToSatang, ShopNav } from '../seller/shared.tsx';
import { bangkokToIso, countOf, isoToBangkok } from './shared.tsx';
import '../messages/promotions.ts';

type Text = { th: string; zh?: string | null; en?: string | null };
interface Campaign {
  id: string;
  name: Text;
  startsAt: string;
  endsAt: string;
  cancelled: boolean;
  items: {
    variantId: string;
    productId: string;
    priceSatang: number;
    stockLimit: number;
    perBuyerLimit: number;
    sold: number;
  }[];
}
interface ProductRow {
  id: string;
  status: string;
  title: Text;
}
interface VariantRow {
  id: string;
  sku: string;
  priceSatang: number;
  productTitle: Text;
}
interface CampaignsData {
  campaigns: Campaign[];
  products: ProductRow[];
  /** Defaults of the form's window, in Thai time: from now for a day (made by the loader, so both renders agree). */
  from: string;
  until: string;
  now: string;
}

const stateOf = (c: Campaign, now: number) =>
  c.cancelled
    ? 'cancelled'
    : Date.parse(c.startsAt) > now
      ? 'scheduled'
      : Date.parse(c.endsAt) <= now
        ? 'ended'
        : 'active';

export const campaignsPage: PageModule<CampaignsData> = {
  access: 'user',
  async load({ api, params }) {
    const [campaigns, products] = await Promise.all([
      api.get<{ items: Campaign[] }>(`/sellers/${params.sellerId}/campaigns`),
      api.get<{ items: ProductRow[] }>(`/sellers/${params.sellerId}/products?perPage=100`),
    ]);
    const now = Date.now();
    return {
      campaigns: campaigns.items,
      products: products.items.filter((p) => p.status === 'active'),
      from: isoToBangkok(now),
      until: isoToBangkok(now + 86_400_000),
      now: new Date(now).toISOString(),
    };
  },
  head: (_d, { t }) => ({ title: t('promo.campaigns'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const base = `/sellers/${params.sellerId}/campaigns`;
    const [campaigns, setCampaigns] = useState(data.campaigns);
    const [rows, setRows] = useState<VariantRow[]>([]);
    const [productId, setProductId] = useState('');
    const [done, setDone] = useState<string | null>(null);
    const { errors, formError, pending, run, setErrors } = useSubmit();
    const now = Date.parse(data.now);

    const addProduct = async () => {
      if (!productId) return;
      const p = await run(() =>
        api.get<{ title: Text; variants: { id: string; sku: string; priceSatang: number; active?: boolean }[] }>(
          `/sellers/${params.sellerId}/products/${productId}`,
        ),
      );
      if (!p) return;
      const fresh = p.variants
        .filter((v) => v.active !== false && !rows.some((r) => r.id === v.id))
        .map((v) => ({ id: v.id, sku: v.sku, priceSatang: v.priceSatang, productTitle: p.title }));
      setRows([...rows, ...fresh]);
    };

    const create = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      setDone(null);
      const form = e.currentTarget;
      const f = formValues(form);
      const bad: Record<string, string> = {};
      const startsAt = bangkokToIso(f.startsAt ?? '');
      const endsAt = bangkokToIso(f.endsAt ?? '');
      if (!startsAt) bad.startsAt = t('promo.notTime');
      if (!endsAt) bad.endsAt = t('promo.notTime');
      const items = rows.map((r, k) => {
        const priceSatang = bahtToSatang(f[`items.${k}.price`] ?? '');
        const stockLimit = countOf(f[`items.${k}.stockLimit`]);
        const perBuyerLimit = countOf(f[`items.${k}.perBuyerLimit`]);
        if (priceSatang === null) bad[`items.${k}.priceSatang`] = t('promo.notAmount');
        if (stockLimit === null) bad[`items.${k}.stockLimit`] = t('promo.notCount');
        if (perBuyerLimit === null) bad[`items.${k}.perBuyerLimit`] = t('promo.notCount');
        return { variantId: r.id, priceSatang, stockLimit, perBuyerLimit };
      });
      if (!rows.length) bad.items = t('promo.noItems');
      if (Object.keys(bad).length) {
        setErrors(bad);
        return;
      }
      const made = await run(() =>
        api.send<Campaign>('POST', base, {
          name: { th: f['name.th'] ?? '', zh: f['name.zh'] ?? null, en: f['name.en'] ?? null },
          startsAt,
          endsAt,
          items,
        }),
      );
      if (made) {
        setCampaigns([made, ...campaigns]);
        setRows([]);
        setDone(t('promo.created'));
        form.reset();
      }
    };
    const cancel = async (id: string) => {
      setDone(null);
      const r = await run(() => api.send('POST', `${base}/${id}/cancel`));
      if (r !== undefined) {
        setCampaigns((await api.get<{ items: Campaign[] }>(base)).items);
        setDone(t('promo.cancelled'));
      }
    };
    const productName = (id: string) => {
      const p = data.products.find((x) => x.id === id);
      return p ? pick(p.title, locale) : id.slice(0, 8);
    };

    return (
      <>
        <ShopNav sellerId={params.sellerId} current="campaigns" />
        <PageTitle>{t('promo.campaigns')}</PageTitle>
        <p>{t('promo.campaignsIntro')}</p>
        <section aria-labelledby="new-campaign">
          <h2 id="new-campaign">{t('promo.newCampaign')}</h2>
          <form onSubmit={create} noValidate className="stack-form">
            <TextField label={t('promo.nameTh')} name="name.th" required error={errors['name.th']} />
            <TextField label={t('promo.nameZh')} name="name.zh" />
            <TextField label={t('promo.nameEn')} name="name.en" />
            <TextField
              label={t('promo.startsAt')}
              name="startsAt"
              type="datetime-local"
              defaultValue={data.from}
              error={errors.startsAt}
            />
            <TextField
              label={t('promo.endsAt')}
              name="endsAt"
              type="datetime-local"
              defaultValue={data.until}
              error={errors.endsAt}
            />
            <div className="inline-form">
              <SelectField
                label={t('promo.product')}
                value={productId}
                onChange={(e) => setProductId(e.target.value)}
                placeholder={t('promo.chooseProduct')}
                options={data.products.map((p) => ({ value: p.id, label: pick(p.title, locale) }))}
              />
              <button type="button" onClick={() => void addProduct()} disabled={!productId || pending}>
                {t('promo.addProduct')}
              </button>
            </div>
            {errors.items ? (
              <p className="error" role="alert">
                {errors.items}
              </p>
            ) : null}
            {rows.map((r, k) => (
              <fieldset key={r.id} className="campaign-item">
                <legend>
                  {pick(r.productTitle, locale)} · {r.sku} · {t('promo.listPrice')} {formatMoney(r.priceSatang, locale)}
                </legend>
                <TextField
                  label={t('promo.campaignPrice', { sku: r.sku })}
                  name={`items.${k}.price`}
                  inputMode="decimal"
                  error={errors[`items.${k}.priceSatang`]}
                />
                <TextField
                  label={t('promo.stockLimit', { sku: r.sku })}
                  name={`items.${k}.stockLimit`}
                  inputMode="numeric"
                  error={errors[`items.${k}.stockLimit`]}
                />
                <TextField
                  label={t('promo.perBuyer', { sku: r.sku })}
                  name={`items.${k}.perBuyerLimit`}
                  inputMode="numeric"
                  defaultValue="1"
                  error={errors[`items.${k}.perBuyerLimit`]}
                />
                <button type="button" onClick={() => setRows(rows.filter((x) => x.id !== r.id))}>
                  {t('promo.removeItem', { sku: r.sku })}
                </button>
              </fieldset>
            ))}
            <button type="submit" className="primary" disabled={pending}>
              {t('promo.create')}
            </button>
            <FormError message={formError} />
          </form>
        </section>
        {done ? (
          <p role="status" className="ok">
            {done}
          </p>
        ) : null}
        {campaigns.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('promo.campaigns')}</th>
                  <th scope="col">{t('promo.window')}</th>
                  <th scope="col">{t('promo.sold')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => {
                  const state = stateOf(c, now);
                  return (
                    <tr key={c.id}>
                      <td>
                        {pick(c.name, locale)}
                        <ul className="plain">
                          {c.items.map((i) => (
                            <li key={i.variantId}>
                              {productName(i.productId)} {formatMoney(i.priceSatang, locale)}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        {formatDate(c.startsAt, locale)} – {formatDate(c.endsAt, locale)}
                      </td>
                      <td>
                        {c.items.map((i) => (
                          <div key={i.variantId}>
                            {t('promo.soldOf', {
                              sold: formatNumber(i.sold, locale),
                              limit: formatNumber(i.stockLimit, locale),
                            })}
                          </div>
                        ))}
                      </td>
                      <td>{t(`promo.state.${state}`)}</td>
                      <td>
                        {state === 'active' || state === 'scheduled' ? (
                          <button type="button" className="danger" onClick={() => void cancel(c.id)}>
                            {t('promo.cancel', { name: pick(c.name, locale) })}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>{t('promo.none')}</Empty>
        )}
      </>
    );
  },
};
