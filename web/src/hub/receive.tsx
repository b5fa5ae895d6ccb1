// Receiving at the dock: scan the ASN, then each item (SKU or lot number) with its quantity;
// damaged units are counted apart. Finishing shows what was short, over or damaged.
import { useState } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle } from '../components/ui.tsx';
import { formatDay, HubNav, moving, ScanBox, useFlash, type Inbound } from './shared.tsx';

export const receivePage: PageModule<{ items: Inbound[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/hubs/${params.locationId}/inbound`),
  head: (_d, { t }) => ({ title: t('hub.receive'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const [asn, setAsn] = useState<Inbound | null>(null);
    const [qty, setQty] = useState('1');
    const [damaged, setDamaged] = useState(false);
    const [flash, setFlash] = useFlash();
    const { errors, formError, pending, run } = useSubmit();
    const openAsn = async (code: string) => {
      const found = await run(() => api.get<Inbound>(`/hubs/${params.locationId}/inbound/${encodeURIComponent(code)}`));
      if (found) {
        setAsn(found);
        setFlash(null);
      }
    };
    const receive = async (code: string) => {
      if (!asn) return;
      const n = Math.max(0, Number(qty) || 0);
      const body = damaged ? { code, quantity: 0, damaged: n } : { code, quantity: n };
      const next = await run(() => api.send<Inbound>('POST', `/inbound/${asn.id}/receipts`, body, moving()));
      if (next) {
        setAsn(next);
        setFlash(t('hub.receivedOk', { sku: code }));
        setQty('1');
        setDamaged(false);
      }
    };
    const finish = async () => {
      if (!asn) return;
      const done = await run(() => api.send<Inbound>('POST', `/inbound/${asn.id}/close`, undefined, moving()));
      if (done) {
        setAsn(done);
        setFlash(t('hub.closedOk', { number: done.number, n: done.discrepancies }));
      }
    };
    return (
      <>
        <HubNav locationId={params.locationId} current="receive" />
        <PageTitle>{t('hub.receive')}</PageTitle>
        {flash}
        <FormError message={formError ?? errors.code ?? errors.quantity} />
        {!asn || asn.status === 'received' ? (
          <>
            <ScanBox label={t('hub.scanAsn')} onScan={openAsn} disabled={pending} />
            <h2>{t('hub.queue')}</h2>
            {data.items.length ? (
              <ul className="cards">
                {data.items.map((a) => (
                  <li key={a.id}>
                    <button type="button" className="link" onClick={() => void openAsn(a.number)}>
                      {a.number}
                    </button>{' '}
                    · {t('hub.cartons', { n: a.cartons })} · {t(`inbound.status.${a.status}`)}
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t('inbound.none')}</Empty>
            )}
          </>
        ) : (
          <ScanBox label={t('hub.scanItem')} onScan={receive} disabled={pending}>
            <div className="scan-extras">
              <label>
                {t('hub.quantity')}{' '}
                <input
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={qty}
                  onChange={(e) => setQty(e.target.value)}
                  className="qty"
                />
              </label>
              <label>
                <input type="checkbox" checked={damaged} onChange={(e) => setDamaged(e.target.checked)} />{' '}
                {t('hub.markDamaged')}
              </label>
            </div>
          </ScanBox>
        )}
        {asn ? <AsnLines asn={asn} locale={locale} /> : null}
        {asn && asn.status !== 'received' ? (
          <button type="button" className="primary" disabled={pending} onClick={() => void finish()}>
            {t('hub.finish')}
          </button>
        ) : null}
      </>
    );
  },
};

export function AsnLines({ asn, locale }: { asn: Inbound; locale: 'th' | 'zh' | 'en' }) {
  const { t } = useApp();
  return (
    <div className="table-wrap">
      <h2>
        {asn.number} · {t(`inbound.status.${asn.status}`)}
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">SKU / {t('hub.lot')}</th>
            <th scope="col">{t('hub.expected')}</th>
            <th scope="col">{t('hub.received')}</th>
            <th scope="col">{t('hub.damaged')}</th>
            <th scope="col">
              {t('hub.short')} / {t('hub.over')}
            </th>
          </tr>
        </thead>
        <tbody>
          {asn.lines.map((l) => (
            <tr key={l.id} className={l.shortQty || l.overQty || l.damagedQty ? 'discrepancy' : undefined}>
              <td>
                {l.sku}
                <br />
                <span className="muted">
                  {t('hub.lot')} {l.lotNumber}
                  {l.expiryDate ? ` · ${t('hub.expiry')} ${formatDay(l.expiryDate, locale)}` : ''}
                </span>
              </td>
              <td>{l.expectedQty}</td>
              <td>{l.receivedQty}</td>
              <td>{l.damagedQty}</td>
              <td>
                {l.shortQty} / {l.overQty}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
