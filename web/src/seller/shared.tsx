// Pieces the seller centre's pages share: the shop menu, and baht typed by people as satang.
import { useApp } from '../app/context.tsx';
import { pick } from '../app/i18n.ts';
import '../messages/seller.ts';
import '../messages/payments.ts';
import '../messages/standards.ts';
import '../messages/finance.ts';
import '../messages/webhooks.ts';
import '../messages/returns.ts';
import '../messages/reviews.ts';
import '../messages/promotions.ts';

/** "1,290.50" -> 129050; null when it is not an amount. Exact: no floating point. */
export function bahtToSatang(input: string): number | null {
  const s = input.replace(/[,\s฿]/g, '');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
export const satangToBaht = (satang: number) => `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;

export function ShopNav({
  sellerId,
  current,
}: {
  sellerId: string;
  current:
    | 'products'
    | 'orders'
    | 'tokens'
    | 'money'
    | 'invoices'
    | 'inbound'
    | 'standards'
    | 'lots'
    | 'flagship'
    | 'finance'
    | 'returns'
    | 'reviews'
    | 'webhooks'
    | 'campaigns'
    | 'vouchers'
    | 'tourism'
    | 'trade';
}) {
  const { t, href, me, locale } = useApp();
  const shop = me?.sellers.find((s) => s.sellerId === sellerId);
  const link = (to: typeof current, label: string) => (
    <a href={href(`/seller/${sellerId}/${to}`)} aria-current={current === to ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <p className="muted">
        <a href={href('/seller')}>{t('seller.title')}</a>
        {shop ? ` › ${pick(shop.shopName, locale)}` : ''}
      </p>
      <nav className="console-nav" aria-label={t('seller.shopNav')}>
        {link('products', t('seller.products'))}
        {link('orders', t('seller.orders'))}
        {link('tokens', t('seller.tokens'))}
        {link('money', t('seller.money'))}
        {link('invoices', t('seller.invoices'))}
        {link('inbound', t('seller.inbound'))}
        {link('standards', t('standards.nav'))}
        {link('lots', t('lots.nav'))}
        {link('flagship', t('flagship.badge'))}
        {link('finance', t('finance.nav'))}
        {link('returns', t('returns.shopTitle'))}
        {link('reviews', t('reviews.shopTitle'))}
        {link('webhooks', t('webhooks.nav'))}
        {link('campaigns', t('promo.campaigns'))}
        {link('vouchers', t('promo.vouchers'))}
        {link('tourism', t('seller.tourism'))}
        {link('trade', t('seller.trade'))}
      </nav>
    </>
  );
}
