// Stock by bin and lot (scan a bin to see what it holds) and cycle counts: the counted quantity
// with a reason; the difference is recorded as a movement by the person who counted.
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle } from '../components/ui.tsx';
import { formatDay, HubNav, moving, ScanBox, useFlash } from './shared.tsx';

interface StockRow {
  binCode: string;
  zone: string;
  lotId: string;
  lotNumber: string;
  expiryDate: string | null;
  blocked: boolean;
  quantity: number;
  allocated: number;
}

export const stockPage: PageModule<{ items: StockRow[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/hubs/${params.locationId}/stock`),
  head: (_d, { t }) => ({ title: t('hub.stock'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const [rows, setRows] = useState(data.items);
    const [bin, setBin] = useState<string | null>(null);
    const [flash, setFlash] = useFlash();
    const { errors, formError, pending, run } = useSubmit();
    const base = `/hubs/${params.locationId}`;
    const show = async (code: string) => {
      const r = await run(() => api.get<{ items: StockRow[] }>(`${base}/stock?bin=${encodeURIComponent(code)}`));
      if (r) {
        setRows(r.items);
        setBin(code.toUpperCase());
        setFlash(null);
      }
    };
    const count = async (e: FormEvent<HTMLFormElement>, row: StockRow) => {
      e.preventDefault();
      const f = formValues(e.currentTarget);
      const r = await run(() =>
        api.send<{ delta: number }>(
          'POST',
          `${base}/counts`,
          { binCode: row.binCode, lotId: row.lotId, countedQty: Number(f.counted), reason: f.reason ?? '' },
          moving(),
        ),
      );
      if (r) {
        setFlash(t('hub.countOk', { delta: r.delta }));
        setRows((await api.get<{ items: StockRow[] }>(`${base}/stock?bin=${encodeURIComponent(row.binCode)}`)).items);
      }
    };
    return (
      <>
        <HubNav locationId={params.locationId} current="stock" />
        <PageTitle>{t('hub.stock')}</PageTitle>
        {flash}
        <FormError message={formError ?? errors.binCode ?? errors.reason} />
        <ScanBox label={t('hub.scanBin')} onScan={show} disabled={pending} />
        {rows.length ? (
          <ul className="cards">
            {rows.map((r) => (
              <li key={`${r.binCode}-${r.lotId}`}>
                <p>
                  <strong>{r.binCode}</strong> · {t('hub.lot')} {r.lotNumber} · {t('hub.expiry')}{' '}
                  {formatDay(r.expiryDate, locale)}
                  {r.blocked ? ` · ${t('hub.blocked')}` : ''}
                </p>
                <p>
                  {t('hub.quantity')}: {r.quantity} ({t('hub.status.allocated')} {r.allocated})
                </p>
                {bin ? (
                  <form className="inline-form" onSubmit={(e) => void count(e, r)} noValidate>
                    <label>
                      {t('hub.counted')}{' '}
                      <input
                        name="counted"
                        type="number"
                        min={0}
                        inputMode="numeric"
                        defaultValue={r.quantity}
                        className="qty"
                      />
                    </label>
                    <label>
                      {t('hub.reason')} <input name="reason" maxLength={200} />
                    </label>
                    <button type="submit" disabled={pending}>
                      {t('hub.count')}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('hub.dockEmpty')}</Empty>
        )}
      </>
    );
  },
};
