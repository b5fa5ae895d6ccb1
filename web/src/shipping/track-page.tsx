// The public tracking page a label's QR code opens: the carrier's events, no names or addresses.
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { PageTitle } from '../components/ui.tsx';
import { ShipmentTimelines, type ShipmentTimeline } from './Timeline.tsx';
import '../messages/shipping.ts';

export const trackPage: PageModule<ShipmentTimeline[]> = {
  load: ({ api, params }) => api.get<ShipmentTimeline[]>(`/tracking/${encodeURIComponent(params.number)}`),
  head: (_d, { t, params }) => ({ title: t('tracking.pageTitle', { number: params.number }), noindex: true }),
  Page({ data, params }) {
    const { t } = useApp();
    return (
      <>
        <PageTitle>{t('tracking.pageTitle', { number: params.number })}</PageTitle>
        <ShipmentTimelines items={data} />
      </>
    );
  },
};
