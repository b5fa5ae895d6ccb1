// Packing (scan the order, record weight, dimensions and parcel count, book the carrier, print
// the label) and dispatch (scan the parcel's tracking barcode, hand it to the carrier). Cross-border
// parcels show their customs waybill, consignee and export declaration.
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, TextField } from '../components/ui.tsx';
import { OutboundTable } from './home.tsx';
import { HubNav, moving, RiskBadge, ScanBox, useFlash, type Outbound } from './shared.tsx';

function OutboundCard({ o }: { o: Outbound }) {
  const { t, locale } = useApp();
  const cb = o.crossBorder;
  return (
    <div className="cards">
      <div className="card-like">
        <p>
          <strong>{o.orderNumber}</strong> · {t(`hub.status.${o.status}`)} <RiskBadge risk={o.risk} />
        </p>
        <p>{o.lines.map((l) => `${l.quantity} × ${l.sku} ${l.title}`).join(' · ')}</p>
        <p>
          {t('hub.shipTo')}: {o.shipTo.name} · {o.shipTo.phone}
          <br />
          {o.shipTo.address}
        </p>
        {o.trackingNumber ? (
          <p>
            {t('tracking.number')}: <strong>{o.trackingNumber}</strong> ({o.carrier})
          </p>
        ) : null}
        {cb ? (
          <div className="notice">
            <p>
              <strong>{t('hub.crossBorder')}</strong>
            </p>
            <p>{t('hub.waybill', { no: cb.waybillNo, code: cb.logisticsCode })}</p>
            <p>
              {t('hub.declaration', {
                fob: formatMoney(cb.exportDeclaration.fobSatang, locale),
                net: cb.exportDeclaration.netWeightGrams,
                gross: cb.exportDeclaration.packedGrossWeightGrams ?? cb.exportDeclaration.grossWeightGrams,
                origin: cb.exportDeclaration.originCountry,
              })}
            </p>
            {cb.exportDeclaration.packedGrossWeightGrams !== undefined ? (
              <p>{t('hub.declarationPacked', { parcels: cb.exportDeclaration.parcels ?? 1 })}</p>
            ) : null}
            <ul>
              {cb.exportDeclaration.lines.map((l) => (
                <li key={l.variantId}>
                  {t('hub.declarationLine', {
                    hs: l.hsCode,
                    description: l.description,
                    qty: l.quantity,
                    fob: formatMoney(l.fobSatang, locale),
                    net: l.netWeightGrams,
                  })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}

export const packPage: PageModule<{ items: Outbound[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/hubs/${params.locationId}/outbound?status=picked`),
  head: (_d, { t }) => ({ title: t('hub.pack'), noindex: true }),
  Page({ data, params }) {
    const { t, api } = useApp();
    const [o, setO] = useState<Outbound | null>(null);
    const [waiting, setWaiting] = useState(data.items);
    const [flash, setFlash] = useFlash();
    const { errors, formError, pending, run } = useSubmit();
    const find = async (code: string) => {
      const found = await run(() =>
        api.get<Outbound>(`/hubs/${params.locationId}/outbound/find?code=${encodeURIComponent(code)}`),
      );
      if (found) {
        setO(found);
        setFlash(null);
      }
    };
    const pack = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      if (!o) return;
      const f = formValues(e.currentTarget);
      const parcel = {
        weightGrams: Number(f.weightGrams),
        lengthMm: Number(f.lengthMm),
        widthMm: Number(f.widthMm),
        heightMm: Number(f.heightMm),
      };
      const n = Math.max(1, Math.min(50, Number(f.parcels) || 1));
      const packed = await run(() =>
        api.send<Outbound>(
          'POST',
          `/outbound/${o.id}/pack`,
          { parcels: Array.from({ length: n }, () => parcel) },
          moving(),
        ),
      );
      if (packed) {
        setO(packed);
        setFlash(t('hub.packed', { tracking: packed.trackingNumber ?? '', carrier: packed.carrier ?? '' }));
        // A packed order leaves the list of picked ones waiting to be packed.
        setWaiting((await api.get<{ items: Outbound[] }>(`/hubs/${params.locationId}/outbound?status=picked`)).items);
      }
    };
    return (
      <>
        <HubNav locationId={params.locationId} current="pack" />
        <PageTitle>{t('hub.pack')}</PageTitle>
        {flash}
        <FormError message={formError} />
        <ScanBox label={t('hub.scanOrder')} onScan={find} disabled={pending} />
        {o ? <OutboundCard o={o} /> : null}
        {o && (o.status === 'picked' || o.status === 'packed') ? (
          <form onSubmit={(e) => void pack(e)} className="pack-form" noValidate>
            <TextField
              label={t('hub.weight')}
              name="weightGrams"
              type="number"
              inputMode="numeric"
              min={1}
              required
              error={errors['parcels.0.weightGrams']}
            />
            <TextField
              label={t('hub.length')}
              name="lengthMm"
              type="number"
              inputMode="numeric"
              min={1}
              required
              error={errors['parcels.0.lengthMm']}
            />
            <TextField
              label={t('hub.width')}
              name="widthMm"
              type="number"
              inputMode="numeric"
              min={1}
              required
              error={errors['parcels.0.widthMm']}
            />
            <TextField
              label={t('hub.height')}
              name="heightMm"
              type="number"
              inputMode="numeric"
              min={1}
              required
              error={errors['parcels.0.heightMm']}
            />
            <TextField
              label={t('hub.parcels')}
              name="parcels"
              type="number"
              inputMode="numeric"
              min={1}
              defaultValue="1"
            />
            <button type="submit" className="primary" disabled={pending}>
              {t('hub.packIt')}
            </button>
          </form>
        ) : null}
        {o?.trackingNumber ? (
          <p>
            <a className="button" href={`/api/outbound/${o.id}/label.pdf`} target="_blank" rel="noopener">
              {t('hub.printLabel')}
            </a>
          </p>
        ) : null}
        <h2>{t('hub.status.picked')}</h2>
        {waiting.length ? <OutboundTable rows={waiting} /> : <Empty>{t('hub.noWaves')}</Empty>}
      </>
    );
  },
};

export const dispatchPage: PageModule<{ items: Outbound[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/hubs/${params.locationId}/outbound?status=packed`),
  head: (_d, { t }) => ({ title: t('hub.dispatch'), noindex: true }),
  Page({ data, params }) {
    const { t, api } = useApp();
    const [items, setItems] = useState(data.items);
    const [o, setO] = useState<Outbound | null>(null);
    const [flash, setFlash] = useFlash();
    const { formError, pending, run } = useSubmit();
    const find = async (code: string) => {
      const found = await run(() =>
        api.get<Outbound>(`/hubs/${params.locationId}/outbound/find?code=${encodeURIComponent(code)}`),
      );
      if (found) {
        setO(found);
        setFlash(null);
      }
    };
    const dispatch = async () => {
      if (!o) return;
      const done = await run(() => api.send<Outbound>('POST', `/outbound/${o.id}/dispatch`, undefined, moving()));
      if (done) {
        setO(done);
        setFlash(t('hub.dispatched', { tracking: done.trackingNumber ?? '' }));
        setItems((await api.get<{ items: Outbound[] }>(`/hubs/${params.locationId}/outbound?status=packed`)).items);
      }
    };
    return (
      <>
        <HubNav locationId={params.locationId} current="dispatch" />
        <PageTitle>{t('hub.dispatch')}</PageTitle>
        {flash}
        <FormError message={formError} />
        <ScanBox label={t('hub.scanOrder')} onScan={find} disabled={pending} />
        {o ? <OutboundCard o={o} /> : null}
        {o?.status === 'packed' ? (
          <button type="button" className="primary" disabled={pending} onClick={() => void dispatch()}>
            {t('hub.dispatchIt')}
          </button>
        ) : null}
        <h2>{t('hub.readyToShip')}</h2>
        {items.length ? <OutboundTable rows={items} /> : <Empty>{t('hub.noWaves')}</Empty>}
      </>
    );
  },
};
