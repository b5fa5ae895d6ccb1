// Picking: release the work (FEFO allocation and waves), choose a wave, then for each pick in bin
// order scan the bin and the item (SKU or lot). The first pick of an order makes it "processing".
import { useState } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle } from '../components/ui.tsx';
import { formatDay, HubNav, moving, ScanBox, useFlash } from './shared.tsx';

interface Wave {
  id: string;
  number: number;
  orders: number;
  picks: number;
  remaining: number;
}
interface Pick {
  id: string;
  orderNumber: string;
  binCode: string;
  sku: string;
  title: string;
  lotNumber: string;
  expiryDate: string | null;
  quantity: number;
  picked: boolean;
}

export const pickPage: PageModule<{ items: Wave[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/hubs/${params.locationId}/waves`),
  head: (_d, { t }) => ({ title: t('hub.pick'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const [waves, setWaves] = useState(data.items);
    const [picks, setPicks] = useState<Pick[] | null>(null);
    const [wave, setWave] = useState<Wave | null>(null);
    const [bin, setBin] = useState<string | null>(null);
    const [flash, setFlash] = useFlash();
    const { errors, formError, pending, run, setErrors } = useSubmit();
    const base = `/hubs/${params.locationId}`;
    const release = async () => {
      const r = await run(() =>
        api.send<{ allocatedOrders: number; waves: number }>('POST', `${base}/release-work`, {}),
      );
      if (r) {
        setFlash(t('hub.released', { orders: r.allocatedOrders, waves: r.waves }));
        setWaves((await api.get<{ items: Wave[] }>(`${base}/waves`)).items);
      }
    };
    const openWave = async (w: Wave) => {
      const list = await run(() => api.get<{ items: Pick[] }>(`/waves/${w.id}/picks`));
      if (list) {
        setWave(w);
        setPicks(list.items);
        setBin(null);
        setFlash(null);
      }
    };
    const current = picks?.find((p) => !p.picked) ?? null;
    const scan = async (code: string) => {
      if (!current) return;
      if (!bin) {
        if (code.toUpperCase() !== current.binCode) {
          setErrors({ code: t('hub.wrongBin', { bin: current.binCode }) });
          return;
        }
        setErrors({});
        setBin(code.toUpperCase());
        setFlash(t('hub.binOk'));
        return;
      }
      const ok = await run(() => api.send('POST', `/picks/${current.id}/confirm`, { binCode: bin, code }, moving()));
      if (ok) {
        setPicks(picks!.map((p) => (p.id === current.id ? { ...p, picked: true } : p)));
        setBin(null);
        setFlash(`${t('hub.pickedOk')}: ${current.quantity} × ${current.sku}`);
        // The waves' counts come from the hub, not from this screen: a count left as it was would be stale.
        setWaves((await api.get<{ items: Wave[] }>(`${base}/waves`)).items);
      }
    };
    return (
      <>
        <HubNav locationId={params.locationId} current="pick" />
        <PageTitle>{t('hub.pick')}</PageTitle>
        {flash}
        <FormError message={formError ?? errors.code ?? errors.binCode} />
        {picks && wave ? (
          current ? (
            <>
              <p className="scan-target">
                <strong>{t('hub.goTo', { bin: current.binCode, qty: current.quantity, sku: current.sku })}</strong>
                <br />
                {current.title} · {t('hub.lot')} {current.lotNumber} · {t('hub.expiry')}{' '}
                {formatDay(current.expiryDate, locale)} · {current.orderNumber}
              </p>
              <ScanBox
                key={`${current.id}-${bin ? 'item' : 'bin'}`}
                label={bin ? t('hub.scanItem') : t('hub.scanBin')}
                onScan={scan}
                disabled={pending}
              />
            </>
          ) : (
            <p className="notice" role="status">
              {t('hub.waveDone')}
            </p>
          )
        ) : null}
        <button type="button" className="primary" disabled={pending} onClick={() => void release()}>
          {t('hub.releaseWork')}
        </button>
        <h2>{t('hub.waves')}</h2>
        {waves.length ? (
          <ul className="cards">
            {waves.map((w) => (
              <li key={w.id}>
                <button type="button" className="link" onClick={() => void openWave(w)}>
                  {t('hub.wave', { n: w.number, orders: w.orders, left: w.remaining })}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('hub.noWaves')}</Empty>
        )}
        {picks ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('hub.bin')}</th>
                  <th scope="col">SKU / {t('hub.lot')}</th>
                  <th scope="col">{t('hub.quantity')}</th>
                  <th scope="col">{t('common.status')}</th>
                </tr>
              </thead>
              <tbody>
                {picks.map((p) => (
                  <tr key={p.id}>
                    <td>{p.binCode}</td>
                    <td>
                      {p.sku}
                      <br />
                      <span className="muted">{p.lotNumber}</span>
                    </td>
                    <td>{p.quantity}</td>
                    <td>{p.picked ? t('hub.pickedOk') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </>
    );
  },
};
