// The seller's inbound shipments: send an ASN to a hub (SKU, quantity, lot, production and expiry
// dates, cartons) and see what the hub received: short, over and damaged units.
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, pick } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextField } from '../components/ui.tsx';
import { ShopNav } from '../seller/shared.tsx';
import { AsnLines } from './receive.tsx';
import { moving, type HubInfo, type Inbound } from './shared.tsx';
import '../messages/hub.ts';

type Localized = { th: string; zh: string | null; en: string | null };
interface Sku {
  variantId: string;
  label: string;
  perishable: boolean;
}
interface InboundData {
  hubs: HubInfo[];
  skus: Sku[];
  inbound: Inbound[];
  handlingHours: number | null;
}

export const inboundPage: PageModule<InboundData> = {
  access: 'user',
  load: async ({ api, params, locale }) => {
    const base = `/sellers/${params.sellerId}`;
    const [hubs, products, inbound, shop] = await Promise.all([
      api.get<{ items: HubInfo[] }>('/hubs'),
      api.get<{ items: { id: string }[] }>(`${base}/products?perPage=50`),
      api.get<{ items: Inbound[] }>(`${base}/inbound`),
      api.get<{ handlingHours: number | null }>(base),
    ]);
    const details = await Promise.all(
      products.items.map((p) =>
        api.get<{
          title: Localized;
          perishable: boolean;
          variants: { id: string; sku: string; optionValues: Localized[] }[];
        }>(`${base}/products/${p.id}`),
      ),
    );
    const skus = details.flatMap((d) =>
      d.variants.map((v) => ({
        variantId: v.id,
        perishable: d.perishable,
        label: `${v.sku} · ${pick(d.title, locale)}${v.optionValues.length ? ` (${v.optionValues.map((o) => pick(o, locale)).join(', ')})` : ''}`,
      })),
    );
    return { hubs: hubs.items, skus, inbound: inbound.items, handlingHours: shop.handlingHours ?? null };
  },
  head: (_d, { t }) => ({ title: t('inbound.title'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const [inbound, setInbound] = useState(data.inbound);
    const [lines, setLines] = useState(1);
    const [sent, setSent] = useState<string | null>(null);
    const { errors, formError, pending, run } = useSubmit();
    const handling = useSubmit();
    const [handlingSaved, setHandlingSaved] = useState(false);
    const base = `/sellers/${params.sellerId}`;
    const saveHandling = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const v = formValues(e.currentTarget).handlingHours;
      const ok = await handling.run(() =>
        api.send('PUT', `${base}/handling-time`, { handlingHours: v ? Number(v) : null }),
      );
      setHandlingSaved(ok !== undefined);
    };
    const send = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const f = formValues(form);
      const body = {
        locationId: f.locationId ?? '',
        cartons: Number(f.cartons) || 0,
        lines: Array.from({ length: lines }, (_, i) => ({
          variantId: f[`lines.${i}.variantId`] ?? '',
          quantity: Number(f[`lines.${i}.quantity`]) || 0,
          lotNumber: f[`lines.${i}.lotNumber`] ?? '',
          productionDate: f[`lines.${i}.productionDate`] ?? null,
          expiryDate: f[`lines.${i}.expiryDate`] ?? null,
        })),
      };
      const made = await run(() => api.send<Inbound>('POST', `${base}/inbound`, body, moving()));
      if (made) {
        setSent(t('inbound.sent', { number: made.number }));
        setInbound([made, ...inbound]);
        form.reset();
        setLines(1);
      }
    };
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="inbound" />
        <PageTitle>{t('inbound.title')}</PageTitle>
        <p>{t('inbound.intro')}</p>
        <form onSubmit={(e) => void saveHandling(e)} className="inline-form" noValidate>
          <TextField
            label={t('inbound.handling')}
            hint={t('inbound.handlingHint')}
            name="handlingHours"
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            defaultValue={data.handlingHours ?? ''}
            error={handling.errors.handlingHours}
          />
          <button type="submit" disabled={handling.pending}>
            {t('common.save')}
          </button>
          {handlingSaved ? <span role="status"> {t('common.saved')}</span> : null}
        </form>
        <FormError message={handling.formError} />
        <h2>{t('inbound.new')}</h2>
        {sent ? (
          <p className="notice" role="status">
            {sent}
          </p>
        ) : null}
        <form onSubmit={(e) => void send(e)} noValidate>
          <SelectField
            label={t('inbound.hub')}
            name="locationId"
            required
            error={errors.locationId}
            placeholder=""
            options={data.hubs.map((h) => ({
              value: h.id,
              label: `${h.code} · ${h.name}${h.bonded ? ` · ${t('hub.bonded')}` : ''}`,
            }))}
          />
          <TextField
            label={t('inbound.cartons')}
            name="cartons"
            type="number"
            inputMode="numeric"
            min={1}
            defaultValue="1"
            required
            error={errors.cartons}
          />
          {Array.from({ length: lines }, (_, i) => (
            <fieldset key={i} className="asn-line">
              <legend>{t('inbound.line', { n: i + 1 })}</legend>
              <SelectField
                label={t('inbound.sku')}
                name={`lines.${i}.variantId`}
                required
                error={errors[`lines.${i}.variantId`]}
                placeholder=""
                options={data.skus.map((s) => ({ value: s.variantId, label: s.label }))}
              />
              <TextField
                label={t('hub.quantity')}
                name={`lines.${i}.quantity`}
                type="number"
                inputMode="numeric"
                min={1}
                required
                error={errors[`lines.${i}.quantity`]}
              />
              <TextField
                label={t('hub.lot')}
                name={`lines.${i}.lotNumber`}
                required
                error={errors[`lines.${i}.lotNumber`]}
              />
              <TextField
                label={t('hub.production')}
                name={`lines.${i}.productionDate`}
                type="date"
                error={errors[`lines.${i}.productionDate`]}
              />
              <TextField
                label={t('hub.expiry')}
                name={`lines.${i}.expiryDate`}
                type="date"
                error={errors[`lines.${i}.expiryDate`]}
              />
            </fieldset>
          ))}
          <button type="button" onClick={() => setLines(lines + 1)}>
            {t('inbound.addLine')}
          </button>{' '}
          <button type="submit" className="primary" disabled={pending}>
            {t('inbound.send')}
          </button>
          <FormError message={formError} />
        </form>
        <h2>{t('inbound.title')}</h2>
        {inbound.length ? (
          <ul className="cards">
            {inbound.map((a) => (
              <li key={a.id}>
                <p>
                  <strong>{a.number}</strong> · {data.hubs.find((h) => h.id === a.locationId)?.code} ·{' '}
                  {t(`inbound.status.${a.status}`)} · {formatDate(a.createdAt, locale)}
                  {a.discrepancies ? (
                    <>
                      {' '}
                      · <span className="risk risk-at_risk">{t('inbound.discrepancies', { n: a.discrepancies })}</span>
                    </>
                  ) : null}
                </p>
                <AsnLines asn={a} locale={locale} />
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('inbound.none')}</Empty>
        )}
      </>
    );
  },
};
