// Put-away: scan the item on the dock (SKU or lot), see the suggested bin, scan the bin it goes
// into. The whole quantity moves unless a smaller one is typed.
import { useState } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle } from '../components/ui.tsx';
import { formatDay, HubNav, moving, ScanBox, useFlash } from './shared.tsx';

interface DockItem {
  binCode: string;
  lotId: string;
  lotNumber: string;
  expiryDate: string | null;
  sku: string;
  quantity: number;
  suggestedBin: string | null;
}

export const putAwayPage: PageModule<{ items: DockItem[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/hubs/${params.locationId}/dock`),
  head: (_d, { t }) => ({ title: t('hub.putaway'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const [items, setItems] = useState(data.items);
    const [item, setItem] = useState<DockItem | null>(null);
    const [qty, setQty] = useState('');
    const [flash, setFlash] = useFlash();
    const { errors, formError, pending, run, setErrors } = useSubmit();
    const choose = async (code: string) => {
      const c = code.toUpperCase();
      const found = items.find((i) => i.sku.toUpperCase() === c || i.lotNumber.toUpperCase() === c);
      if (!found) {
        setErrors({ code: t('hub.notOnDock') });
        return;
      }
      setErrors({});
      setItem(found);
      setQty(String(found.quantity));
      setFlash(null);
    };
    const put = async (bin: string) => {
      if (!item) return;
      const ok = await run(() =>
        api.send(
          'POST',
          `/hubs/${params.locationId}/moves`,
          { lotId: item.lotId, fromBin: item.binCode, toBin: bin, quantity: Number(qty) || item.quantity },
          moving(),
        ),
      );
      if (ok) {
        setFlash(t('hub.putOk', { sku: item.sku, bin: bin.toUpperCase() }));
        setItem(null);
        setItems((await api.get<{ items: DockItem[] }>(`/hubs/${params.locationId}/dock`)).items);
      }
    };
    return (
      <>
        <HubNav locationId={params.locationId} current="putaway" />
        <PageTitle>{t('hub.putaway')}</PageTitle>
        {flash}
        <FormError message={formError ?? errors.code ?? errors.toBin ?? errors.binCode} />
        {item ? (
          <>
            <p className="scan-target">
              <strong>{item.sku}</strong> · {t('hub.lot')} {item.lotNumber} ·{' '}
              {item.suggestedBin ? t('hub.suggested', { bin: item.suggestedBin }) : t('hub.noBin')}
            </p>
            <ScanBox key={`bin-${item.lotId}`} label={t('hub.scanBin')} onScan={put} disabled={pending}>
              <div className="scan-extras">
                <label>
                  {t('hub.quantity')}{' '}
                  <input
                    type="number"
                    min={1}
                    max={item.quantity}
                    inputMode="numeric"
                    value={qty}
                    onChange={(e) => setQty(e.target.value)}
                    className="qty"
                  />
                </label>
              </div>
            </ScanBox>
          </>
        ) : (
          <ScanBox key="item" label={t('hub.scanItem')} onScan={choose} disabled={pending} />
        )}
        {items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">SKU / {t('hub.lot')}</th>
                  <th scope="col">{t('hub.quantity')}</th>
                  <th scope="col">{t('hub.bin')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={`${i.binCode}-${i.lotId}`}>
                    <td>
                      {i.sku}
                      <br />
                      <span className="muted">
                        {t('hub.lot')} {i.lotNumber} · {t('hub.expiry')} {formatDay(i.expiryDate, locale)}
                      </span>
                    </td>
                    <td>{i.quantity}</td>
                    <td>
                      {i.binCode} → {i.suggestedBin ?? t('hub.noBin')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>{t('hub.dockEmpty')}</Empty>
        )}
      </>
    );
  },
};
