// The seller centre's lots: record a lot (grower, plot, area, dates, certificates), see the hub's
// units of it, print its QR labels, recall it in one action and see the buyers to contact.
import { type FormEvent, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { pick } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { I18nText } from '../app/shapes.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextField } from '../components/ui.tsx';
import { ShopNav } from '../seller/shared.tsx';
import { formatDay } from './MarkBadges.tsx';
import type { Certificate } from './seller.tsx';
import '../messages/standards.ts';
import './standards.css';

interface Lot {
  id: string;
  productTitle: string;
  lotNumber: string;
  traceCode: string;
  traceUrl: string;
  producerName: string;
  area: { code: string; label: string };
  harvestedOn: string;
  processedOn: string | null;
  status: 'active' | 'recalled';
  recallReason: string | null;
  hubLots: { lotId: string; units: number; blocked: boolean }[];
}
interface Buyer {
  orderId: string;
  orderNumber: number;
  status: string;
  buyerName: string;
  phone: string;
  quantity: number;
  certainty: 'picked' | 'possible';
}
interface LotsData {
  lots: Lot[];
  products: { id: string; title: I18nText }[];
  certificates: Certificate[];
}

function RecallForm({ lot, onDone }: { lot: Lot; onDone: (buyers: Buyer[], lot: Lot) => void }) {
  const { t, api } = useApp();
  const { errors, formError, pending, run } = useSubmit();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('lots.recall')}
      </button>
    );
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const done = await run(() =>
      api.send<Lot & { buyers: Buyer[] }>('POST', `/lots/${lot.id}/recall`, {
        reason: formValues(e.currentTarget).reason ?? '',
      }),
    );
    if (done) onDone(done.buyers, done);
  };
  return (
    <form onSubmit={submit} noValidate className="stack-form">
      <TextField label={t('lots.recallReason')} name="reason" error={errors.reason} />
      <button type="submit" className="danger" disabled={pending}>
        {t('lots.recallConfirm')}
      </button>
      <FormError message={formError} />
    </form>
  );
}

function Buyers({ buyers }: { buyers: Buyer[] }) {
  const { t } = useApp();
  return (
    <section>
      <h3>{t('lots.buyers')}</h3>
      {buyers.length ? (
        <ul className="plain">
          {buyers.map((b) => (
            <li key={b.orderId}>
              #{b.orderNumber} · {b.buyerName} · {b.phone} · ×{b.quantity} — {t(`lots.buyer.${b.certainty}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('lots.noBuyers')}</p>
      )}
    </section>
  );
}

export const lotsPage: PageModule<LotsData> = {
  access: 'user',
  async load({ api, params }) {
    const base = `/sellers/${params.sellerId}`;
    const [lots, products, certificates] = await Promise.all([
      api.get<{ items: Lot[] }>(`${base}/lots`),
      api.get<{ items: LotsData['products'] }>(`${base}/products?perPage=100`),
      api.get<{ items: Certificate[] }>(`${base}/certificates`),
    ]);
    return { lots: lots.items, products: products.items, certificates: certificates.items };
  },
  head: (_d, { t }) => ({ title: t('lots.title'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale, href } = useApp();
    const [lots, setLots] = useState(data.lots);
    const [buyers, setBuyers] = useState<Record<string, Buyer[]>>({});
    const { errors, formError, pending, run } = useSubmit();
    const base = `/sellers/${params.sellerId}`;
    const create = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const f = formValues(form);
      const made = await run(() =>
        api.send<Lot>('POST', `${base}/lots`, {
          productId: f.productId ?? '',
          lotNumber: f.lotNumber ?? '',
          producerName: f.producerName ?? '',
          memberCode: f.memberCode ?? null,
          plot: f.plot ?? null,
          areaCode: f.areaCode ?? '',
          harvestedOn: f.harvestedOn ?? '',
          processedOn: f.processedOn ?? null,
          processingNote: f.processingNote ?? null,
          certificateIds: new FormData(form).getAll('certificateIds').map(String),
        }),
      );
      if (made) {
        setLots([made, ...lots]);
        form.reset();
      }
    };
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="lots" />
        <PageTitle>{t('lots.title')}</PageTitle>
        <p>{t('lots.intro')}</p>
        <form onSubmit={create} noValidate className="stack-form">
          <SelectField
            label={t('lots.product')}
            name="productId"
            placeholder=""
            error={errors.productId}
            options={data.products.map((p) => ({ value: p.id, label: pick(p.title, locale) }))}
          />
          <TextField label={t('lots.number')} name="lotNumber" error={errors.lotNumber} />
          <TextField label={t('lots.producer')} name="producerName" error={errors.producerName} />
          <TextField label={t('lots.member')} name="memberCode" />
          <TextField label={t('lots.plot')} name="plot" />
          <TextField label={t('lots.area')} name="areaCode" inputMode="numeric" error={errors.areaCode} />
          <TextField label={t('lots.harvested')} name="harvestedOn" type="date" error={errors.harvestedOn} />
          <TextField label={t('lots.processed')} name="processedOn" type="date" error={errors.processedOn} />
          <TextField label={t('lots.note')} name="processingNote" />
          {data.certificates.length ? (
            <fieldset>
              <legend>{t('lots.certificates')}</legend>
              {data.certificates
                .filter((c) => c.status === 'verified' || c.status === 'pending')
                .map((c) => (
                  <label key={c.id} className="check">
                    <input type="checkbox" name="certificateIds" value={c.id} /> {c.kindLabel} {c.number}
                  </label>
                ))}
              {errors.certificateIds ? <p className="error">{errors.certificateIds}</p> : null}
            </fieldset>
          ) : null}
          <button type="submit" className="primary" disabled={pending}>
            {t('lots.create')}
          </button>
          <FormError message={formError} />
        </form>
        {lots.length ? (
          <ul className="lot-list plain">
            {lots.map((l) => (
              <li key={l.id}>
                <h2>
                  {l.lotNumber} · {l.productTitle}
                </h2>
                <p>
                  <span lang="th">
                    {l.producerName} · {l.area.label}
                  </span>{' '}
                  · {formatDay(l.harvestedOn, locale)}
                </p>
                {l.hubLots.length ? (
                  <p className="muted">{t('lots.atHub', { units: l.hubLots.reduce((n, h) => n + h.units, 0) })}</p>
                ) : null}
                <p>
                  <a href={href(`/trace/${l.traceCode}`)}>{t('lots.tracePage')}</a> ·{' '}
                  <a href={href(`/seller/${params.sellerId}/lots/${l.id}/labels`)}>{t('lots.labels')}</a>
                </p>
                {l.status === 'recalled' ? (
                  <p className="status-rejected">{t('lots.recalled', { reason: l.recallReason ?? '' })}</p>
                ) : (
                  <RecallForm
                    lot={l}
                    onDone={(b, updated) => {
                      setBuyers({ ...buyers, [l.id]: b });
                      setLots(lots.map((x) => (x.id === l.id ? updated : x)));
                    }}
                  />
                )}
                {buyers[l.id] ? <Buyers buyers={buyers[l.id]} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('lots.empty')}</Empty>
        )}
      </>
    );
  },
};

/** Twelve labels to an A4 sheet. */
const LABELS = Array.from({ length: 12 }, (_, i) => `label-${i + 1}`);

interface LabelsData {
  lot: Lot;
  qrSvg: string;
}

/** A printable sheet of the lot's QR labels (the same code the hub's parcel label carries). */
export const lotLabelsPage: PageModule<LabelsData> = {
  access: 'user',
  load: ({ api, params }) => api.get<LabelsData>(`/lots/${params.lotId}/labels`),
  head: (d, { t }) => ({ title: t('lots.sheet', { lot: d.lot.lotNumber }), noindex: true }),
  Page({ data, params }) {
    const { t, href } = useApp();
    return (
      <>
        <p className="no-print">
          <a href={href(`/seller/${params.sellerId}/lots`)}>{t('lots.title')}</a>{' '}
          <button type="button" onClick={() => window.print()}>
            {t('lots.print')}
          </button>
        </p>
        <PageTitle>{t('lots.sheet', { lot: data.lot.lotNumber })}</PageTitle>
        <ul className="qr-sheet">
          {LABELS.map((label) => (
            <li key={label} className="qr-label" data-trace-url={data.lot.traceUrl}>
              <div
                className="qr"
                role="img"
                aria-label={t('lots.scan')}
                // biome-ignore lint/security/noDangerouslySetInnerHtml: qrcode's own SVG, made on the server from the lot's trace URL (no user text in it)
                dangerouslySetInnerHTML={{ __html: data.qrSvg }}
              />
              <div>{t('lots.scan')}</div>
              <div>
                <strong>{data.lot.lotNumber}</strong>
              </div>
            </li>
          ))}
        </ul>
      </>
    );
  },
};
