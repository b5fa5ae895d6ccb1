// A product's CNY landed price for buyers in China (goods, international shipping, cross-border
// tax, total), fetched in the browser so the server-rendered page stays as fast as before.
import { useEffect, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import '../messages/crossborder.ts';

interface Landed { variantId: string; eligible: boolean; bondedAvailable: number; unitPriceFen: number; freightFen: number; taxFen: number; totalFen: number; taxRatePercent: number | null }

export function LandedPrice({ variantId }: { variantId: string }) {
  const { t, api, locale, href } = useApp();
  const [item, setItem] = useState<Landed | null>(null);
  useEffect(() => {
    let live = true;
    api.get<{ items: Landed[] }>(`/crossborder/landed?variantIds=${variantId}`).then((r) => { if (live) setItem(r.items[0] ?? null); }, () => { if (live) setItem(null); });
    return () => { live = false; };
  }, [variantId]);
  if (!item?.eligible) return null;
  const cny = (fen: number) => formatMoney(fen, locale, 'CNY');
  return (
    <section className="landed-price" aria-label={t('cn.landed')}>
      <h2>{t('cn.market')}</h2>
      <p className="big-price" data-testid="landed-price">{cny(item.totalFen)}</p>
      <p className="muted">{t('cn.goods')} {cny(item.unitPriceFen)} · {t('cn.freight')} {cny(item.freightFen)} · {t('cn.tax')} {cny(item.taxFen)} ({t('cn.taxRate', { rate: item.taxRatePercent ?? 0 })})</p>
      <p className="muted">{t('cn.bonded', { n: item.bondedAvailable })} · <a href={href('/cart')}>{t('cn.shipToChina')}</a></p>
    </section>
  );
}
