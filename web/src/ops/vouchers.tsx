// The operator's platform vouchers: the platform funds them, one per checkout.
import { useState } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { PageTitle } from '../components/ui.tsx';
import { type Voucher, VoucherForm, VoucherTable, voucherWindow } from '../promotions/vouchers.tsx';
import { ConsoleNav } from './index.tsx';

export const platformVouchersPage: PageModule<{ vouchers: Voucher[]; from: string; until: string }> = {
  access: 'operator',
  async load({ api }) {
    const r = await api.get<{ items: Voucher[] }>('/operator/vouchers');
    return { vouchers: r.items, ...voucherWindow() };
  },
  head: (_d, { t }) => ({ title: t('promo.platformVouchers'), noindex: true }),
  Page({ data }) {
    const { t } = useApp();
    const [vouchers, setVouchers] = useState(data.vouchers);
    return (
      <>
        <ConsoleNav current="vouchers" />
        <PageTitle>{t('promo.platformVouchers')}</PageTitle>
        <p>{t('promo.platformVouchersIntro')}</p>
        <VoucherForm
          path="/operator/vouchers"
          from={data.from}
          until={data.until}
          onCreated={(v) => setVouchers([v, ...vouchers])}
        />
        <VoucherTable vouchers={vouchers} />
      </>
    );
  },
};
